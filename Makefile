# Gloss: `make build` to build the site, `make test` to run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONTENT ?= content
OUTPUT ?= output

.PHONY: build ingest serve test lint clean bench bench-build bench-serve bench-extract bench-entities bench-search bench-match bench-render

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(VENV)/.runtime $@

# A raw file ingest cannot read, or an article you edited since, is reported and skipped;
# the site is still built from everything else.
ingest: $(VENV)/.runtime
	-$(BIN)/python -m builder ingest --content $(CONTENT) seeds

# Byte-compiled once here, not on every run: the editable install is not compiled by pip,
# and where PYTHONDONTWRITEBYTECODE is set Python never writes the cache itself (compiling
# builder/ again cost 35 ms of every `gloss build`).
build: ingest
	$(BIN)/python -m compileall -q builder
	$(BIN)/python -m builder build --content $(CONTENT) --output $(OUTPUT)

serve: ingest
	$(BIN)/python -m compileall -q builder
	$(BIN)/python -m builder serve --content $(CONTENT) --output $(OUTPUT)

lint: $(VENV)/.dev
	$(BIN)/ruff check builder tests bench

test: $(VENV)/.dev
	$(BIN)/ruff check builder tests bench
	$(BIN)/python -m pytest -q

bench-extract: $(VENV)/.dev
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_layouts.py

bench-match: $(VENV)/.dev
	$(BIN)/python bench/bench_match.py

bench-render: $(VENV)/.dev
	$(BIN)/python bench/bench_render.py

bench-entities: $(VENV)/.dev
	$(BIN)/python bench/bench_entities.py

bench-search: $(VENV)/.dev
	$(BIN)/python bench/bench_search.py

bench-build: $(VENV)/.dev
	$(BIN)/python bench/bench_build.py

bench-serve: $(VENV)/.dev
	$(BIN)/python bench/bench_serve.py

bench: bench-build bench-serve bench-search bench-extract bench-entities bench-match bench-render

clean:
	rm -rf $(OUTPUT) .cache .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
