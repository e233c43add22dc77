"""readOnly out of requests, writeOnly optional in responses."""

from __future__ import annotations

from typing import Any

from tests.cases.harness import Recorder, both, client, spec_arguments

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    recorder = Recorder(body={"id": "u1", "name": "Ann"}, status=201)
    api = client(package, recorder).users
    assert spec_arguments(api.create_user) == ["name", "password"]
    user = both(package, recorder, lambda sdk: sdk.users.create_user(name="Ann", password="s3cret"))
    assert recorder.last_json() == {"name": "Ann", "password": "s3cret"}
    assert user.id == "u1" and user.password is None
    fields = package.models.User.model_fields
    assert fields["id"].is_required() and not fields["password"].is_required()
