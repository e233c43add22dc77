"""3.1 nullability: type arrays, a null branch, and 3.0's ``nullable`` in a 3.1 document."""

from __future__ import annotations

from typing import Any

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    source = generated.files["case_nullable_31/models/thing.py"]
    assert 'kind: Literal["thing"]' in source
    assert "count: int | None" in source and "owner: Owner | None" in source
    assert "note: str | None = None" in source and "sizes: list[float | None] | None = None" in source

    count = next(f for f in generated.files["docs/models/Thing.md"].splitlines() if f.startswith("| `count`"))
    assert "example `1`" in count, "the first of the `examples` array is the field's example"

    recorder = Recorder(body={"kind": "thing", "count": None, "owner": None, "note": None, "sizes": [1.5, None]})
    api = client(package, recorder).things
    thing = api.put_thing(kind="thing", count=None, owner=package.models.Owner(name="Ann"), sizes=[2.0, None])
    sent = recorder.last_json()
    assert sent == {"kind": "thing", "count": None, "owner": {"name": "Ann"}, "sizes": [2.0, None]}, "a required nullable None is sent as null"
    api.put_thing(kind="thing", count=3, owner=None)
    assert recorder.last_json() == {"kind": "thing", "count": 3, "owner": None}, "an optional argument left out is not sent"
    assert thing.count is None and thing.owner is None and thing.note is None and thing.sizes == [1.5, None]

    # The non-null branch of `oneOf: [Owner, {type: null}]` parses as Owner; the 3.0 `nullable` field is sent when given.
    recorder = Recorder(body={"kind": "thing", "count": 2, "owner": {"name": "Bo"}, "note": "n"})
    thing = both(package, recorder, lambda sdk: sdk.things.put_thing(kind="thing", count=2, owner=package.models.Owner(name="Bo"), note="n"))
    assert recorder.last_json() == {"kind": "thing", "count": 2, "owner": {"name": "Bo"}, "note": "n"}
    assert isinstance(thing.owner, package.models.Owner) and thing.owner.name == "Bo" and thing.note == "n" and thing.count == 2

    # A required whole body that may be null: None sends the JSON null (not an empty request).
    recorder = Recorder(body={"name": "Cy"})
    owner = both(package, recorder, lambda sdk: sdk.things.set_owner(body=None))
    assert recorder.last.content == b"null" and recorder.last.headers["Content-Type"] == "application/json"
    assert owner == package.models.Owner(name="Cy")
    both(package, recorder, lambda sdk: sdk.things.set_owner(body=package.models.Owner(name="Cy")))
    assert recorder.last_json() == {"name": "Cy"}
    assert "``None`` sends the JSON ``null``" in (client(package, recorder).things.set_owner.__doc__ or "")
    # An optional one: None (left out) sends no body.
    both(package, recorder, lambda sdk: sdk.things.patch_owner(body=None))
    assert recorder.last.content == b"" and "Content-Type" not in recorder.last.headers
    both(package, recorder, lambda sdk: sdk.things.patch_owner(body={"name": "Di"}))
    assert recorder.last_json() == {"name": "Di"}
