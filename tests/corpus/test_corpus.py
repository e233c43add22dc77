"""Every public document of the corpus generates, imports and passes ``mypy --strict``.

The documents (see README.md here) are written by others; the generator must not fail on
them, and what it cannot do must be a warning, never an error or a traceback. Operation
and schema counts are those of the corpus README, so nothing is silently dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.report import corpus_dir, run_document

#: document -> (operations, component schemas), from the corpus README.
COUNTS = {"petstore3.yaml": (19, 6), "spotify.yaml": (97, 90), "stripe-spec3.yaml": (468, 819)}


@pytest.mark.parametrize(
    "name",
    [
        "petstore3.yaml",
        "spotify.yaml",
        pytest.param("stripe-spec3.yaml", marks=pytest.mark.slow),
    ],
)
def test_corpus_document_generates_imports_and_type_checks(name: str, tmp_path: Path) -> None:
    specs = corpus_dir()
    assert specs is not None, "the corpus is missing: put it in ../shared/specs or set CORPUS_DIR"

    outcome = run_document(specs / name, tmp_path)

    assert outcome.errors == []
    assert (outcome.operations, outcome.schemas) == COUNTS[name]
    assert outcome.imports, outcome.details
    assert outcome.type_checks, outcome.details
    assert "internal-error" not in outcome.warnings
