# Every target sets itself up: a fresh clone needs only Python 3.10+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test test-fast lint eval serve generate bench clean golden

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

## site: generate docs/ from site_src/ and build the whole site into site/ (mkdocs --strict)
site: $(STAMP)
	$(BIN)/microsite build

## lint: ruff (lint and format) and mypy, configured in pyproject.toml; CI runs it before the tests
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench eval
	$(BIN)/ruff format --check generator tests bench eval
	$(BIN)/mypy

## eval: precision and recall of every stage on the labelled set (eval/); writes EVALUATION.md
eval: $(STAMP)
	$(BIN)/python eval/run.py

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## test-fast: the edit-test loop: every test but the browser ones and those that build whole sites or benchmark
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not slow"

## serve: live preview on http://127.0.0.1:8000, regenerating when site_src/ changes; a build error shows as an error page
serve: $(STAMP)
	$(BIN)/microsite serve

# Lighthouse for `make bench`, at the version bench/package-lock.json pins, into bench/node_modules (git-ignored)
BENCH_NPM := bench/node_modules/.package-lock.json
$(BENCH_NPM): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $(BENCH_NPM)

## bench: synthetic corpora of 1,000 and 5,000 documents, one long one-line document, page weights and Lighthouse; writes BENCHMARKS.md (several minutes)
bench: $(STAMP) $(BENCH_NPM)
	$(BIN)/python bench/run.py

## generate: docs/ only, without MkDocs
generate: $(STAMP)
	$(BIN)/microsite generate

clean:
	rm -rf docs site site.building-* site.replaced-* .microsite-cache test-artifacts

## golden: rewrite tests/golden/docs/ (the five seeds' docs/) from the working tree; review `git diff tests/golden`
golden: $(STAMP)
	$(BIN)/python tests/golden/refresh.py
