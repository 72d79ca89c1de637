# Lotse: `make run` and `make test` are the two commands a fresh Debian 12 machine with Swift 6 needs.
SWIFT ?= swift
APT_PACKAGES := pkg-config libsqlite3-dev libxml2-dev libicu-dev libstemmer-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
INDEX ?= .lotse/index.sqlite

.PHONY: deps build index run test bench clean

## Installs the Debian packages that are missing (nothing when all are there).
deps:
	@missing=""; for package in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product lotse

index: build
	.build/release/lotse index --articles articles --index $(INDEX)

## Indexes articles/ and serves http://127.0.0.1:8080 (Ctrl-C stops it gracefully).
run: index
	.build/release/lotse serve --articles articles --index $(INDEX) --host 127.0.0.1 --port 8080 --ticket-fields config/ticket-fields.json

test: deps
	$(SWIFT) test --disable-xctest

bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build .lotse
