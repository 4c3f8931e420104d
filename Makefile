# arreport: `make demo` runs the batch on the built-in demo data, `make test` runs every test.
SWIFT ?= swift

.PHONY: deps postgres build demo test bench format clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	$(SWIFT) run arreport demo

# The PostgreSQL tests need a running server: started (and installed) first, see scripts/start-postgres.sh.
postgres:
	@scripts/start-postgres.sh

test: deps postgres
	$(SWIFT) test

bench: deps
	scripts/bench.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build output/demo output/demo-data
