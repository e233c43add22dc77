"""A spec over several files generates as one: cross-file cycles, relative and whole-file refs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cases.harness import Recorder, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    assert {"Pet", "Owner", "Tag", "Error"} <= set(models.__all__)
    recorder = Recorder(body=[{"name": "Rex", "tag": "good", "owner": {"name": "Ann", "pets": [{"name": "Tom"}]}}])
    pets = client(package, recorder).pets.list_pets(limit=5)
    assert recorder.last.url.params["limit"] == "5"
    assert isinstance(pets[0].owner, models.Owner) and isinstance(pets[0].owner.pets[0], models.Pet) and pets[0].tag == "good"
    with pytest.raises(package.NotFoundError) as caught:
        client(package, Recorder(status=404, body={"message": "gone"})).pets.list_pets()
    assert isinstance(caught.value.body, models.Error) and caught.value.body.message == "gone"
