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


def test_petstore_round_trips_through_the_generated_client(tmp_path: Path) -> None:
    """The generated Petstore SDK sends what the document describes and parses what it answers."""
    import importlib
    import sys

    import httpx

    specs = corpus_dir()
    assert specs is not None, "the corpus is missing: put it in ../shared/specs or set CORPUS_DIR"
    outcome = run_document(specs / "petstore3.yaml", tmp_path, type_check=False)
    assert outcome.imports, outcome.details
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        sent.append(request)
        if request.url.path.endswith("/uploadImage"):
            return httpx.Response(200, json={"code": 200, "type": "ok", "message": "stored"})
        if request.url.path == "/api/v3/pet/10":
            return httpx.Response(200, json={"id": 10, "name": "doggie", "category": {"id": 1, "name": "Dogs"}, "photoUrls": ["u"], "tags": [], "status": "sold"})
        return httpx.Response(200, json=[{"id": 1, "name": "a", "photoUrls": [], "status": "pending"}])

    sys.path.insert(0, str(tmp_path / "petstore3"))
    try:
        petstore = importlib.import_module("petstore")
        client = petstore.Petstore(http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        pet = client.pet.get_pet_by_id(pet_id=10)
        assert str(sent[-1].url) == "https://petstore3.swagger.io/api/v3/pet/10"
        assert pet.name == "doggie" and pet.category is not None and pet.category.name == "Dogs" and pet.status == "sold"
        found = client.pet.find_pets_by_status(status="pending")
        assert sent[-1].url.params["status"] == "pending" and found[0].name == "a"
        stored = client.pet.upload_file(pet_id=10, content=b"\x89PNG", additional_metadata="m")  # application/octet-stream
        assert stored.message == "stored"
        assert (sent[-1].url.path, sent[-1].content, sent[-1].headers["content-type"]) == ("/api/v3/pet/10/uploadImage", b"\x89PNG", "application/octet-stream")
    finally:
        sys.path.remove(str(tmp_path / "petstore3"))
        for name in [m for m in sys.modules if m == "petstore" or m.startswith("petstore.")]:
            del sys.modules[name]
