#!/bin/sh
# A throwaway PostgreSQL cluster for the tests and the load run: initdb under a temporary directory, a server on a
# loopback port (its unix socket inside that directory), one database; stopped and deleted afterwards.
#
#   scripts/postgres-test-cluster.sh run [--port N] -- COMMAND...   start, run COMMAND with LOTSE_TEST_DATABASE_URL set, stop
#   scripts/postgres-test-cluster.sh start [--port N]               start; prints DIR and the URL (for a session by hand)
#   scripts/postgres-test-cluster.sh stop DIR                       stop and delete a cluster started with start
#
# PostgreSQL refuses to run as root: as root, initdb and pg_ctl run as the `postgres` user (the Debian package creates it).
set -eu

PORT=${PGTEST_PORT:-18432}
DATABASE=lotse_test

bindir() {
	dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[ -n "$dir" ] && [ -x "$dir/initdb" ] || { echo "postgres-test-cluster: initdb not found; run 'make test-deps'" >&2; exit 1; }
	echo "$dir"
}

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
	bin=$(bindir)
	dir=$(mktemp -d "${TMPDIR:-/tmp}/lotse-pg.XXXXXX")
	[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
		|| { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
	# Two lotse instances with 20 connections each, plus the test suite's stores.
	if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$dir -c max_connections=300" start >/dev/null; then
		cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1
	fi
	as_owner "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"
	CLUSTER_DIR=$dir
	URL="postgres://postgres@127.0.0.1:$PORT/$DATABASE?sslmode=disable"
}

stop() {
	[ -d "$1/data" ] && as_owner "$(bindir)/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null || true
	rm -rf "$1"
}

parse_port() {
	if [ "${1:-}" = "--port" ]; then PORT=$2; SHIFTED=2; else SHIFTED=0; fi
}

command=${1:-}; [ $# -gt 0 ] && shift
case "$command" in
run)
	parse_port "$@"; shift "$SHIFTED"
	[ "${1:-}" = "--" ] && shift
	[ $# -gt 0 ] || { echo "usage: $0 run [--port N] -- COMMAND..." >&2; exit 2; }
	start
	trap 'stop "$CLUSTER_DIR"' EXIT INT TERM
	echo "postgres-test-cluster: $URL (in $CLUSTER_DIR)"
	status=0
	LOTSE_TEST_DATABASE_URL=$URL "$@" || status=$?
	exit $status
	;;
start)
	parse_port "$@"
	start
	echo "$CLUSTER_DIR"
	echo "$URL"
	;;
stop)
	[ $# -eq 1 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
	stop "$1"
	;;
*)
	sed -n '2,9p' "$0" >&2
	exit 2
	;;
esac
