"""References to parameters, request bodies, responses and headers; a schema that is only a reference."""

from __future__ import annotations

from typing import Any

import pytest

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    assert "StoredNote: TypeAlias = Note" in generated.files["case_component_refs/models/stored_note.py"]
    recorder = Recorder(body={"text": "saved"})
    note = both(package, recorder, lambda sdk: sdk.notes.put_note(note_id="n1", text="hello"))
    assert recorder.last.method == "PUT" and recorder.last.url.path == "/notes/n1" and recorder.last_json() == {"text": "hello"}
    assert isinstance(note, package.models.Note) and note.text == "saved"
    with pytest.raises(package.NotFoundError) as caught:
        client(package, Recorder(status=404, body={"message": "no"})).notes.put_note(note_id="x", text="t")
    assert isinstance(caught.value.body, package.models.Problem)

    # The response's headers (X-Rate-Limit, a `$ref` to components/headers) are not typed by the SDK:
    # they are read from the raw response, whose body still parses as the referenced response's schema.
    recorder = Recorder(body={"text": "raw"}, headers={"X-Rate-Limit": "7"})
    raw = client(package, recorder).notes.with_raw_response.put_note(note_id="n2", text="t")
    assert raw.headers["X-Rate-Limit"] == "7" and raw.parse() == package.models.Note(text="raw")
