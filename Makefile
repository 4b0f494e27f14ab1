# One command sets up and runs the demo, one sets up and runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/saywho extract --format text examples/000_baf42c301885f353.txt
	$(BIN)/saywho run examples/corpus --db news.db
	$(BIN)/saywho people news.db --top 15
	$(BIN)/saywho quotes news.db --search "prime minister" --limit 5
	@echo "Browse: $(BIN)/saywho serve news.db   (or: saywho datasette-metadata news.db > metadata.json; datasette news.db -m metadata.json)"

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info
