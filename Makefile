# Two commands matter: `make run` and `make test`. Both create .venv when it is missing.
# `make bench` (not part of `make test`) measures TradeQuiz beside Anki's engine and writes
# docs/benchmarks.md; BENCH_ARGS passes options to bench/run.py (e.g. --sizes 1000,10000).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP_APP := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench
BENCH_ARGS ?=

.PHONY: run test lint typecheck pytest wheel clean screenshots bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_APP)

$(STAMP_BENCH): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@ $(STAMP_APP)

run: $(STAMP_APP)
	$(BIN)/tradequiz

test: $(STAMP_TEST)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP_BENCH)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

wheel: $(STAMP_TEST)
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist .

screenshots: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) dist build .mypy_cache .pytest_cache .ruff_cache
