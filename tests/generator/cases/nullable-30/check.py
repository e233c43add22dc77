"""3.0 ``nullable``: each nullable element is ``X | None``; ``null`` comes back as ``None``."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    source = generated.files["case_nullable_30/models/thing.py"]
    assert "label: str | None" in source
    assert "tags: list[str | None] | None = None" in source
    assert "owner: Owner | None" in source
    assert 'colour: Literal["red", "green"] | str | None' in source

    recorder = Recorder(body={"label": None, "tags": ["a", None], "owner": None, "colour": None})
    thing = client(package, recorder).things.get_thing(id="t 1", since=date(2024, 2, 29))
    assert recorder.last.url.path == "/things/t%201" or recorder.last.url.raw_path.startswith(b"/things/t%201")
    assert recorder.last.url.params["since"] == "2024-02-29"
    assert thing.label is None and thing.tags == ["a", None] and thing.owner is None and thing.colour is None

    recorder = Recorder(body={"label": "x", "owner": {"name": "Ann"}, "colour": "blue"})
    thing = client(package, recorder).things.get_thing(id="t", since=None)
    assert "since" not in recorder.last.url.params
    assert isinstance(thing.owner, package.models.Owner) and thing.owner.name == "Ann"
    assert thing.colour == "blue", "an enum value the spec does not list is kept in a response"

    # A request body: required nullable fields given None travel as null, an optional one left out is not sent.
    recorder = Recorder(status=201, body={"label": None, "owner": {"name": "Bo"}, "colour": "green", "tags": [None]})
    thing = both(package, recorder, lambda sdk: sdk.things.create_thing(label=None, owner=None, colour=None))
    assert recorder.last_json() == {"label": None, "owner": None, "colour": None}
    assert thing.label is None and thing.owner == package.models.Owner(name="Bo") and thing.colour == "green" and thing.tags == [None]
    both(package, recorder, lambda sdk: sdk.things.create_thing(label="l", owner=package.models.Owner(name="Al"), colour="red", tags=["t", None]))
    assert recorder.last_json() == {"label": "l", "owner": {"name": "Al"}, "colour": "red", "tags": ["t", None]}
