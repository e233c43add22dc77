"""YAML read as OpenAPI means it: ``401:`` is the status "401" (its ``$ref`` to components/responses/401
resolves), ``on:`` a property, ``NO`` text; anchors, aliases and merge keys; a key written twice (the last
wins, with a warning); a missing ``$ref`` inside an ``x-`` extension (not followed); an operation and a path
item that are ``$ref``s to other files; a description that is a ``$ref`` to a Markdown file."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = [("duplicate-key", "/components/schemas/Thing/properties/count/type")]


def check(package: Any, generated: Any) -> None:
    recorder = Recorder(body={"label": "a", "on": True, "country": "NO", "count": 2})
    thing = both(package, recorder, lambda sdk: sdk.things.get_thing())
    assert recorder.last.method == "GET" and recorder.last.url.path == "/things"
    assert isinstance(thing, package.models.Thing) and thing.on is True and thing.country == "NO" and thing.count == 2

    # The 401 response is the components' "401" (an integer key in YAML): its schema types the error.
    with pytest.raises(package.AuthenticationError) as caught:
        client(package, Recorder(status=401, body={"title": "who?"})).things.get_thing()
    assert isinstance(caught.value.body, package.models.Problem) and caught.value.body.title == "who?"

    # The operation written in ops/create-thing.yaml; its body refers back to this file's Thing.
    recorder = Recorder(status=201, body={"label": "b"})
    made = both(package, recorder, lambda sdk: sdk.things.create_thing(label="b", on=False, country="SE"))
    assert recorder.last.method == "POST" and recorder.last_json() == {"label": "b", "on": False, "country": "SE"}
    assert isinstance(made, package.models.Thing) and made.label == "b"

    # The path item written in ops/others.yaml, with its own component schema and a description from intro.md.
    recorder = Recorder(body=[{"name": "o"}])
    others = both(package, recorder, lambda sdk: sdk.things.list_others())
    assert recorder.last.url.path == "/others" and [o.name for o in others] == ["o"]
    assert isinstance(others[0], package.models.Other)
    things = importlib.import_module(f"{package.__name__}.resources.things")
    assert "Things, as they are read." in (things.ThingsApi.list_others.__doc__ or "")
    assert "Things, as they are read." in generated.files["README.md"]
