# Lotse: `make run` and `make test` are the two commands a fresh Debian 12 machine with Swift 6 needs.
SWIFT ?= swift
APT_PACKAGES := pkg-config libsqlite3-dev libxml2-dev libicu-dev libstemmer-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
INDEX ?= .lotse/index.sqlite
TEST_APT_PACKAGES := postgresql python3

.PHONY: deps test-deps build index run test test-with-database bench clean

# Installs the Debian packages of $(1) that are missing (nothing when all are there).
define apt_install
	@missing=""; for package in $(1); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

## Installs the Debian packages that are missing (nothing when all are there).
deps:
	$(call apt_install,$(APT_PACKAGES))

## What the tests need besides: a PostgreSQL server for the throwaway cluster, Python for the system tests.
test-deps:
	$(call apt_install,$(TEST_APT_PACKAGES))

build: deps
	$(SWIFT) build -c release --product lotse

index: build
	.build/release/lotse index --articles articles --index $(INDEX)

## Indexes articles/ and serves http://127.0.0.1:8080 (Ctrl-C stops it gracefully).
run: index
	.build/release/lotse serve --articles articles --index $(INDEX) --host 127.0.0.1 --port 8080 --ticket-fields config/ticket-fields.json

## The Swift tests and the multi-instance test against a throwaway PostgreSQL cluster, stopped and deleted
## afterwards even when a test fails. LOTSE_TEST_REQUIRE_POSTGRES makes the PostgreSQL store tests fail (not skip)
## if the cluster's URL did not reach them.
test: deps test-deps
	LOTSE_TEST_REQUIRE_POSTGRES=1 scripts/postgres-test-cluster.sh run -- $(MAKE) --no-print-directory test-with-database

test-with-database:
	$(SWIFT) test --disable-xctest
	$(SWIFT) build --product lotse
	python3 Tests/system/multi_instance_test.py .build/debug/lotse

bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build .lotse
