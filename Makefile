# One command sets up and runs the demo, one sets up and runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
DEMO_STAMP := $(VENV)/.installed-demo

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The demo needs the web extra only; the tests need every extra (web, ray, parquet) and pytest.
$(DEMO_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[web,parquet]'
	touch $(DEMO_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP) $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/saywho extract --format text --published 2018-07-20 examples/000_baf42c301885f353.txt
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
