# `make run` serves the dashboard on the seed; `make check` runs the fast tests (no browser, no
# shared corpus, no build processes) for the inner loop; `make test` runs every test, as CI does.
# Each creates .venv and installs on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   := data/seed
PORT   ?= 8501
CORPUS ?= ../shared/corpus/articles.jsonl

.PHONY: run check test build bench eval screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Rebuilt when the seed or the prep code changes.
$(DATA)/manifest.json: $(STAMP) $(wildcard seeds/*) $(wildcard data_prep/*.py data_prep/data/*)
	$(BIN)/python -m data_prep build seeds --out $(DATA)

build: $(DATA)/manifest.json

run: build
	NEWS_DATA_DIR=$(DATA) $(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

check: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not corpus and not slow"

test: $(STAMP)
	$(BIN)/python -m pytest

# Builds against bare spaCy (bench/builds.py), then the dashboard on a synthetic dataset of
# SYNTHETIC articles made from the corpus (bench/synthetic.py, bench/dashboard.py).
SYNTHETIC ?= 100000
bench: $(STAMP)
	$(BIN)/python -m bench.builds --corpus $(CORPUS)
	$(BIN)/python -m data_prep build $(CORPUS) --out data/corpus
	$(BIN)/python -m bench.synthetic data/corpus --articles $(SYNTHETIC) --out data/synthetic
	$(BIN)/python -m bench.dashboard --data data/synthetic

eval: $(STAMP)
	$(BIN)/python -m bench.evaluate --corpus $(CORPUS)

# The README's screenshots, taken by the browser tests.
screenshots: $(STAMP)
	SCREENSHOT_DIR=docs/screenshots $(BIN)/python -m pytest tests/test_browser.py -k every_page

clean:
	rm -rf $(VENV) data .pytest_cache
