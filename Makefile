# The two commands a newcomer needs (see README): `make site` and `make test`.
.PHONY: setup site test serve check bench clean

setup:
	scripts/setup

# Build the example site from content/ into public/.
site: setup
	swift run policysite build

# Run every test: unit, end-to-end on content/ and broken fixtures, HTML and browser checks.
test:
	scripts/setup --test
	swift test

check: setup
	swift run policysite check --strict

serve: setup
	swift run policysite serve

bench:
	bench/run.sh

clean:
	rm -rf public .build
