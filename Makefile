# make generate  regenerates generated/leap/ from spec/openapi.yaml
# make test      runs every test: the generator's (tests/generator/) and the generated SDK's
#                (tests/sdk/: contract and runtime tests, the docs' examples and site in
#                Chromium, the end-to-end tests against Stoplight Prism)
# make test-fast runs the generator's logic in under a minute, while you edit: its unit tests,
#                the case folders, the broken specs and diagnostics, the fuzz test's fixed
#                examples. Left out (marked slow): installs, mypy, Prism, Chromium, the
#                corpus documents, long property runs, every SDK test. Same as
#                FUZZ_EXAMPLES=0 .venv/bin/python -m pytest tests/generator -m "not slow"
#                -n auto --dist loadfile (one worker per core, each test file in one worker)
# make fuzz      runs the fuzz test (tests/generator/test_fuzz.py) on FUZZ_EXAMPLES (2000)
#                fresh random examples per property; a failure prints the FUZZ_SEED that
#                repeats them: make fuzz FUZZ_SEED=<seed> FUZZ_EXAMPLES=<n>. make test runs
#                its fixed examples and 20 fresh random ones per property.
# make test-pythons  runs the generated SDK's runtime and contract tests on Python 3.10, 3.11,
#                3.12 and 3.13 (noxfile.py: one virtual environment each, the SDK installed with
#                pip from generated/leap), taking the interpreters from pyenv. CI runs it after
#                make test.
# make docs      builds the SDK's documentation site (MkDocs, Material theme) into build/site
# make serve-docs  serves build/site on http://127.0.0.1:8000
# make bench     measures generation, import time and per-call speed against the peers
#                (installed into build/bench-peers/.venv on first use); prints the tables
#                and writes bench/RESULTS.md and bench/scaling.png (not part of make test).
#                BENCH_ARGS passes options, e.g. BENCH_ARGS="--stripe-runs 1 --skip scaling".
# They create .venv (and make test node_modules/, with npm ci, and Chromium) on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
READY  := $(VENV)/.ready
# Stoplight Prism (the mock server of the end-to-end tests) and swagger2openapi (which converts
# Swagger 2.0 documents; the swagger-2 case needs it), pinned in package-lock.json.
NODE_READY := node_modules/.ready

.PHONY: generate validate check test test-fast test-pythons fuzz clean docs serve-docs chromium bench java

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,docs]'
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

test: $(READY) $(NODE_READY) chromium
	$(PY) -m pytest

test-fast: $(READY) $(NODE_READY)
	FUZZ_EXAMPLES=0 $(PY) -m pytest tests/generator -m "not slow" -q -n auto --dist loadfile

# pyenv's interpreters first on PATH, so that nox finds python3.10 ... python3.13.
test-pythons: $(READY)
	PATH="$$(for bin in $$(pyenv root 2>/dev/null)/versions/3.1[0-3].*/bin; do test -d "$$bin" && printf '%s:' "$$bin"; done)$$PATH" $(PY) -m nox

FUZZ_EXAMPLES ?= 2000
fuzz: $(READY)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/generator/test_fuzz.py -q

# The docs tests drive Debian's Chromium (Playwright's own browser download cannot run here).
chromium:
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

docs: $(READY)
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --config-file generated/leap/mkdocs.yml --site-dir $(CURDIR)/build/site

serve-docs: docs
	$(PY) -m http.server --bind 127.0.0.1 --directory build/site 8000

# OpenAPI Generator (a peer of the bench) runs its jar on the machine's Java.
java:
	@command -v java >/dev/null || (apt-get update && apt-get install -y default-jre-headless)

bench: $(READY) java
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache build node_modules

# make corpus    generates every public document of the corpus (tests/generator/corpus), type-checks each, writes REPORT.md
.PHONY: corpus
corpus: $(READY)
	$(PY) -m tests.generator.corpus.report --write
