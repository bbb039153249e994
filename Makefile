# Two commands matter: `make run` and `make test`. Both create .venv when it is missing.
# `make bench` (not part of `make test`) measures TradeQuiz beside Anki's engine and writes
# docs/benchmarks.md; BENCH_ARGS passes options to bench/run.py (e.g. --sizes 1000,10000).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP_APP := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test
STAMP_BUNDLE := $(VENV)/.installed-bundle
STAMP_BENCH := $(VENV)/.installed-bench
BENCH_ARGS ?=

.PHONY: run test lint typecheck pytest wheel clean screenshots bundle bundle-test bench

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
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/library_screenshots.py docs/screenshots

# A self-contained app in dist/TradeQuiz/ (PyInstaller), and a .tar.gz of it. Not part of `make test`.
$(STAMP_BUNDLE): pyproject.toml $(STAMP_TEST)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $@

bundle: $(STAMP_BUNDLE)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/tradequiz.spec
	tar -C dist -czf dist/TradeQuiz-linux-$$(uname -m).tar.gz TradeQuiz
	@du -sh dist/TradeQuiz dist/TradeQuiz-linux-*.tar.gz

# Launch the built bundle offscreen until it shows the first question; report size and start time.
bundle-test:
	$(BIN)/python tools/bundle_self_test.py dist/TradeQuiz/tradequiz

clean:
	rm -rf $(VENV) dist build .mypy_cache .pytest_cache .ruff_cache
