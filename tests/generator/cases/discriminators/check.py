"""Discriminated unions: the right branch model is picked by the property's value, both ways."""

from __future__ import annotations

import typing
from typing import Any

import pydantic
import pytest

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    # Each branch's property is a Literal of the values that select it; an optional one defaults to the first.
    assert typing.get_args(models.Cat.model_fields["pet_type"].annotation) == ("cat",)
    assert typing.get_args(models.Dog.model_fields["pet_type"].annotation) == ("dog", "doggo")
    assert models.Dog(name="Rex").pet_type == "dog"
    assert typing.get_args(models.Circle.model_fields["kind"].annotation) == ("Circle",)

    recorder = Recorder(body={"petType": "doggo", "name": "Rex", "barks": True})
    pets = client(package, recorder).pets
    result = pets.add_pet(body=models.Cat(pet_type="cat", name="Tom", indoor=True))
    assert recorder.last_json() == {"petType": "cat", "name": "Tom", "indoor": True}
    assert isinstance(result, models.Dog) and result.pet_type == "doggo" and result.barks is True

    recorder = Recorder(body=[{"kind": "Square", "side": 2}, {"kind": "Circle", "radius": 1.5}])
    shapes = client(package, recorder).shapes.list_shapes()
    assert [type(s).__name__ for s in shapes] == ["Square", "Circle"]
    assert shapes[1].radius == 1.5

    # A discriminator value the spec does not list (a branch the API added later) parses as
    # UnknownVariant, keeping every field; known classes still match first.
    recorder = Recorder(body={"petType": "bird", "name": "Tweety", "wings": 2})
    bird = client(package, recorder).pets.add_pet(body=models.Dog(name="Rex"))
    assert type(bird) is package.UnknownVariant and bird.model_extra == {"petType": "bird", "name": "Tweety", "wings": 2}
    assert bird.to_dict() == {"petType": "bird", "name": "Tweety", "wings": 2}
    recorder = Recorder(body=[{"kind": "Square", "side": 2}, {"kind": "Hexagon", "side": 1}, {"side": 3}])
    shapes = client(package, recorder).shapes.list_shapes()
    assert [type(s).__name__ for s in shapes] == ["Square", "UnknownVariant", "UnknownVariant"]
    assert "Pet: TypeAlias = Annotated[Cat | Dog | UnknownVariant, OpenUnion(\"pet_type\")]" in generated.files["case_discriminators/models/pet.py"]

    # A known value whose data does not fit its branch is still a validation error, raised as the SDK's own.
    recorder = Recorder(body={"petType": "cat", "indoor": True})
    with pytest.raises(package.APIResponseValidationError):
        client(package, recorder).pets.add_pet(body=models.Dog(name="Rex"))
    with pytest.raises(pydantic.ValidationError):
        models.Cat(pet_type="dog", name="x")

    # An implicit mapping (the schema names) both ways, blocking and asyncio: the request carries the
    # branch's name, the answer becomes the branch its value names.
    recorder = Recorder(body={"kind": "Circle", "radius": 2.5})
    shape = both(package, recorder, lambda sdk: sdk.shapes.add_shape(body=models.Square(kind="Square", side=3)))
    assert recorder.last_json() == {"kind": "Square", "side": 3}
    assert type(shape) is models.Circle and shape.radius == 2.5
    recorder = Recorder(body={"petType": "cat", "name": "Tom"})
    assert type(both(package, recorder, lambda sdk: sdk.pets.add_pet(body=models.Dog(pet_type="doggo", name="Rex")))) is models.Cat
    assert recorder.last_json() == {"petType": "doggo", "name": "Rex"}

    # The inheritance form: where the base (Vehicle) is referred to, its subtypes are meant, told
    # apart by the base's discriminator (Car by its name, Truck by the mapping); an unknown value
    # is an UnknownVariant.
    assert typing.get_args(models.Car.model_fields["vehicle_type"].annotation) == ("Car",)
    assert typing.get_args(models.Truck.model_fields["vehicle_type"].annotation) == ("truck",)
    fleet = [{"vehicleType": "Car", "wheels": 4, "seats": 5}, {"vehicleType": "truck", "load": 2.5}, {"vehicleType": "boat"}]
    recorder = Recorder(body=fleet)
    vehicles = both(package, recorder, lambda sdk: sdk.vehicles.add_vehicle(body=models.Truck(vehicle_type="truck", wheels=6, load=7.5)))
    assert recorder.last_json() == {"vehicleType": "truck", "wheels": 6, "load": 7.5}
    assert [type(v).__name__ for v in vehicles] == ["Car", "Truck", "UnknownVariant"] and vehicles[0].seats == 5 and vehicles[1].load == 2.5
