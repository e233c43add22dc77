"""A Swagger 2.0 document (body and formData parameters, a collectionFormat, shared parameters and
responses, an apiKey security definition), converted to OpenAPI 3.0 by swagger2openapi first."""

from __future__ import annotations

from typing import Any

import pytest

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    assert generated.files["case_swagger_2/_client.py"].count("https://pets.example.com/v2") >= 1  # host + basePath + schemes

    # A body parameter is the request body: its schema's properties are the arguments.
    recorder = Recorder(body={"id": 7, "name": "Rex", "status": "available"})
    pet = both(package, recorder, lambda sdk: sdk.pets.add_pet(name="Rex", status="available"))
    assert recorder.last.method == "POST" and recorder.last.url.path == "/pets"  # the harness sets base_url
    assert recorder.last_json() == {"name": "Rex", "status": "available"}
    assert recorder.last.headers["X-API-Key"] == "test-key" and recorder.last.headers["Content-Type"] == "application/json"
    assert isinstance(pet, package.models.Pet) and pet.id == 7

    # A shared parameter with its default; collectionFormat csv is form without explode.
    recorder = Recorder(body=[{"name": "a"}])
    pets = both(package, recorder, lambda sdk: sdk.pets.list_pets(tags=["x", "y"]))
    assert recorder.last.url.query == b"limit=20&tags=x%2Cy"
    assert [p.name for p in pets] == ["a"]

    # formData parameters are a form-encoded body.
    recorder = Recorder(status=204)
    assert both(package, recorder, lambda sdk: sdk.pets.upload_photo(pet_id=3, caption="hi there", public=True)) is None
    assert recorder.last.url.path == "/pets/3/photo"
    assert recorder.last.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert recorder.last.content == b"caption=hi+there&public=true"

    # A shared response ($ref to #/responses/NotFound): its schema types the error's body.
    with pytest.raises(package.NotFoundError) as caught:
        client(package, Recorder(status=404, body={"message": "no"})).pets.add_pet(name="x")
    assert isinstance(caught.value.body, package.models.Error) and caught.value.body.message == "no"
