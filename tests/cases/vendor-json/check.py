"""Vendor ``+json`` media types are JSON both ways, errors included."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    recorder = Recorder(status=201, body={"id": 1, "text": "hi"}, headers={"content-type": "application/hal+json"})
    note = both(package, recorder, lambda sdk: sdk.notes.create_note(text="hi"))
    assert recorder.last_json() == {"text": "hi"} and note.id == 1 and note.text == "hi"
    recorder = Recorder(status=422, body={"title": "Invalid", "detail": "too short"}, headers={"content-type": "application/problem+json"})
    with pytest.raises(package.UnprocessableEntityError) as caught:
        client(package, recorder).notes.create_note(text="")
    assert isinstance(caught.value.body, package.models.Problem) and caught.value.body.detail == "too short"
