# Lotse: `make run` and `make test` are the two commands a fresh Debian 12 machine with Swift 6 needs.
SWIFT ?= swift
APT_PACKAGES := pkg-config libsqlite3-dev libxml2-dev libicu-dev libstemmer-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
## The portal's end-to-end test drives Debian's Chromium through Selenium (Debian's Python, not a virtualenv's).
E2E_APT_PACKAGES := chromium chromium-driver python3-selenium
E2E_PYTHON ?= /usr/bin/python3
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
INDEX ?= .lotse/index.sqlite

.PHONY: deps e2e-deps build index run test e2e bench clean

## Installs the Debian packages of $(1) that are missing (nothing when all are there).
define install_missing
	@missing=""; for package in $(1); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install_missing,$(APT_PACKAGES))

e2e-deps:
	$(call install_missing,$(E2E_APT_PACKAGES))

build: deps
	$(SWIFT) build -c release --product lotse

index: build
	.build/release/lotse index --articles articles --index $(INDEX)

## Indexes articles/ and serves http://127.0.0.1:8080 (Ctrl-C stops it gracefully).
run: index
	.build/release/lotse serve --articles articles --index $(INDEX) --host 127.0.0.1 --port 8080

test: deps e2e-deps
	$(SWIFT) test --disable-xctest
	$(MAKE) e2e

## The portal in headless Chromium against the debug `lotse serve`; saves docs/portal.png.
e2e: deps e2e-deps
	$(SWIFT) build --product lotse
	$(E2E_PYTHON) Tests/e2e/portal_test.py --lotse .build/debug/lotse --articles articles --screenshot docs/portal.png

bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build .lotse
