"""References to parameters, request bodies, responses and headers; a schema that is only a reference."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cases.harness import Recorder, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    assert "StoredNote: TypeAlias = Note" in generated.files["case_component_refs/models/stored_note.py"]
    recorder = Recorder(body={"text": "saved"})
    note = client(package, recorder).notes.put_note(note_id="n1", text="hello")
    assert recorder.last.method == "PUT" and recorder.last.url.path == "/notes/n1" and recorder.last_json() == {"text": "hello"}
    assert isinstance(note, package.models.Note) and note.text == "saved"
    with pytest.raises(package.NotFoundError) as caught:
        client(package, Recorder(status=404, body={"message": "no"})).notes.put_note(note_id="x", text="t")
    assert isinstance(caught.value.body, package.models.Problem)
