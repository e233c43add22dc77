"""Vendor ``+json`` media types are JSON both ways, errors included."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.generator.cases.harness import Recorder, async_client, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    recorder = Recorder(status=201, body={"id": 1, "text": "hi"}, headers={"content-type": "application/hal+json"})
    note = both(package, recorder, lambda sdk: sdk.notes.create_note(text="hi"))
    assert recorder.last_json() == {"text": "hi"} and note.id == 1 and note.text == "hi"
    recorder = Recorder(status=422, body={"title": "Invalid", "detail": "too short"}, headers={"content-type": "application/problem+json"})
    with pytest.raises(package.UnprocessableEntityError) as caught:
        client(package, recorder).notes.create_note(text="")
    assert isinstance(caught.value.body, package.models.Problem) and caught.value.body.detail == "too short"
    with pytest.raises(package.UnprocessableEntityError) as caught:
        asyncio.run(async_client(package, recorder).notes.create_note(text=""))
    assert isinstance(caught.value.body, package.models.Problem) and caught.value.body.title == "Invalid"
    assert recorder.last.headers["content-type"] == "application/vnd.api+json" and recorder.last.headers["accept"] == "application/json"

    # Streamed: the same parse, the same typed error.
    recorder = Recorder(status=201, body={"id": 2, "text": "yo"}, headers={"content-type": "application/hal+json"})
    with client(package, recorder).notes.with_streaming_response.create_note(text="yo") as response:
        assert response.parse().id == 2
    recorder = Recorder(status=422, body={"title": "Invalid", "detail": "too short"}, headers={"content-type": "application/problem+json"})
    with pytest.raises(package.UnprocessableEntityError) as caught:
        with client(package, recorder).notes.with_streaming_response.create_note(text=""):
            pass
    assert isinstance(caught.value.body, package.models.Problem) and caught.value.body.detail == "too short"
