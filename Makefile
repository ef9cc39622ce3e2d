# Every target sets itself up: a fresh clone needs only Python 3.10+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve generate bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

## site: generate docs/ from site_src/ and build the whole site into site/ (mkdocs --strict)
site: $(STAMP)
	$(BIN)/microsite build

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## serve: live preview on http://127.0.0.1:8000, regenerating when site_src/ changes
serve: $(STAMP)
	$(BIN)/microsite serve

## bench: synthetic corpora of 1,000 and 5,000 documents and one long one-line document; writes BENCHMARKS.md (several minutes)
bench: $(STAMP)
	$(BIN)/python bench/run.py

## generate: docs/ only, without MkDocs
generate: $(STAMP)
	$(BIN)/microsite generate

clean:
	rm -rf docs site
