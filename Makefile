# Every developer task has one entry point here. Quick start: `make demo`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint check-types bench bench-pages bench-load install install-test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## Set everything up, load the 22nd China-ASEAN Expo and serve it at http://127.0.0.1:8000
demo: install
	$(BIN)/tradefair demo

## Debian's Chromium and the CJK/Thai fonts for the browser tests (installed only when missing)
browser:
	@bash scripts/ensure-browser

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/tradefair makemigrations --check --dry-run

check-types: install-test
	$(BIN)/mypy

## Lint, types, import contracts, migrations check and the whole test suite
test: install-test browser lint check-types
	$(BIN)/pytest -n 2 --dist loadgroup

bench: install-test
	$(BIN)/python bench/run.py $(if $(BENCH_POSTGRES),--postgres $(BENCH_POSTGRES))

## The demo load and page latency alone (about ten minutes a database), into their sections of
## docs/benchmarks.md; the engine's sections, an hour's run, stay as they are.
bench-pages: install-test
	$(BIN)/python bench/run.py --only pages --write $(if $(BENCH_POSTGRES),--postgres $(BENCH_POSTGRES))

## 200 simulated buyers (locust, loopback only) against the demo on PostgreSQL served by gunicorn,
## saturated and at a fixed load, next to a bare view on the same server; figures into the load
## block of docs/benchmarks.md. BENCH_POSTGRES overrides the database.
bench-load: install-test
	$(BIN)/python bench/load.py $(if $(BENCH_POSTGRES),--postgres $(BENCH_POSTGRES))

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
