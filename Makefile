# make generate  regenerates generated/leap/ from spec/openapi.yaml
# make test      runs the generator tests and the contract tests of the generated SDK
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
READY  := $(VENV)/.ready

.PHONY: generate validate check test clean

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(READY)

generate: $(READY)
	$(PY) -m generator generate

validate: $(READY)
	$(PY) -m generator validate

check: $(READY)
	$(PY) -m generator check

test: $(READY)
	$(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache build

# make corpus    generates each public document of the corpus (../shared/specs) and prints a report
.PHONY: corpus
corpus: $(READY)
	$(PY) -m tests.corpus.report
