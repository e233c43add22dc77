# make generate  regenerates generated/leap/ from spec/openapi.yaml
# make test      runs the generator tests, the contract tests of the generated SDK and the
#                end-to-end tests against Stoplight Prism
# Both create .venv (and make test node_modules/, with npm ci) on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
READY  := $(VENV)/.ready
# Stoplight Prism (the mock server of the end-to-end tests), pinned in package-lock.json.
NODE_READY := node_modules/.ready

.PHONY: generate validate check test clean

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(READY)

$(NODE_READY): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $(NODE_READY)

generate: $(READY)
	$(PY) -m generator generate

validate: $(READY)
	$(PY) -m generator validate

check: $(READY)
	$(PY) -m generator check

test: $(READY) $(NODE_READY)
	$(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache build node_modules
