"""A spec over several files generates as one: cross-file cycles, relative and whole-file refs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    assert {"Pet", "Owner", "Tag", "Error"} <= set(models.__all__)
    recorder = Recorder(body=[{"name": "Rex", "tag": "good", "owner": {"name": "Ann", "pets": [{"name": "Tom"}]}}])
    pets = both(package, recorder, lambda sdk: sdk.pets.list_pets(limit=5))
    assert recorder.last.url.params["limit"] == "5"
    assert isinstance(pets[0].owner, models.Owner) and isinstance(pets[0].owner.pets[0], models.Pet) and pets[0].tag == "good"
    with pytest.raises(package.NotFoundError) as caught:
        client(package, Recorder(status=404, body={"message": "gone"})).pets.list_pets()
    assert isinstance(caught.value.body, models.Error) and caught.value.body.message == "gone"

    # A request body from models/pet.yaml, carrying the cross-file cycle and a schema found through `../`.
    owner = models.Owner(name="Ann", contact=models.Contact(email="a@b.c"), pets=[models.Pet(name="Tom", tag="bad")])
    recorder = Recorder(status=201, body={"name": "Rex", "owner": {"name": "Ann", "contact": {"email": "a@b.c"}}})
    pet = both(package, recorder, lambda sdk: sdk.pets.add_pet(name="Rex", owner=owner, tag="good"))
    assert recorder.last_json() == {"name": "Rex", "owner": {"name": "Ann", "pets": [{"name": "Tom", "tag": "bad"}], "contact": {"email": "a@b.c"}}, "tag": "good"}
    assert isinstance(pet, models.Pet) and pet.owner is not None and isinstance(pet.owner.contact, models.Contact) and pet.owner.contact.email == "a@b.c"
