# caselib: `make run` sets up and serves the demo library, `make test` sets up and runs the tests.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export CASELIB_HOME ?= $(CURDIR)/instance

.PHONY: run test lint format bench setup setup-test demo clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install -q -e '.[demo]'

setup-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test,demo]'

demo: setup
	$(BIN)/caselib init
	$(BIN)/python -m library.demo

run: demo
	$(BIN)/caselib serve

test: setup-test
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup-test
	$(BIN)/ruff format .

bench: setup-test
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) instance .pytest_cache
