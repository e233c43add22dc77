"""allOf merges branches into one model; later declarations override earlier ones."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from tests.generator.cases.harness import Recorder, both

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    fields = models.Dog.model_fields
    assert list(fields) == ["id", "created", "name", "breed", "collar"]
    assert fields["id"].annotation is int and fields["id"].is_required()
    assert fields["name"].is_required() and fields["breed"].is_required() and not fields["created"].is_required()
    assert list(models.DogCollar.model_fields) == ["name", "colour"]

    recorder = Recorder(body={"id": 7, "name": "Rex", "breed": "lab", "created": "2024-01-02T03:04:05Z", "collar": {"name": "c", "colour": "red"}})
    dog = both(package, recorder, lambda sdk: sdk.dogs.create_dog(id=7, name="Rex", breed="lab", created=datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc), collar=models.DogCollar(name="c", colour="red")))
    assert recorder.last_json() == {"id": 7, "created": "2024-01-02T03:04:05+00:00", "name": "Rex", "breed": "lab", "collar": {"name": "c", "colour": "red"}}
    assert dog.id == 7 and dog.created == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc) and dog.collar is not None and dog.collar.colour == "red"
