"""Validator findings that do not block: the SDK is the one the corrected document would give."""

from __future__ import annotations

import inspect
from typing import Any

from tests.generator.cases.harness import Recorder, both, spec_arguments

THING = "/components/schemas/Thing"
WARNINGS: list[tuple[str, str]] = [
    ("missing-field", "/paths/~1things/post/responses/200"),
    ("unknown-field", "/paths/~1things/post/responses/200/content/application~1json/examples/small"),
    ("unknown-field", "/paths/~1things/post"),
    ("unknown-field", "/paths/~1things"),
    ("invalid-required", f"{THING}/required"),
    ("invalid-default", f"{THING}/properties/count/default"),
    ("invalid-default", f"{THING}/properties/size/default"),
    ("invalid-default", f"{THING}/properties/mode/default"),
]


def check(package: Any, generated: Any) -> None:
    thing = package.models.Thing
    fields = thing.model_fields
    # `required: [id, name, id]`: each required once; the defaults the schema rejects are left out, the good one kept.
    assert [name for name, field in fields.items() if field.is_required()] == ["id", "name"]
    assert {name: fields[name].default for name in ("count", "size", "ratio", "mode")} == {"count": None, "size": None, "ratio": 0.5, "mode": None}
    source = generated.files["case_lenient_validation/models/thing.py"]
    assert "count: int | None = None" in source and "size: int | None = None" in source and "ratio: float = 0.5" in source
    assert "large" not in source and "Default: ``0``" not in source
    # The string "null" as the default of a union of objects (an allOf of a oneOf) is left out too: it is no Mode.
    assert "'null'" not in source and "'null'" not in generated.files["case_lenient_validation/resources/things.py"]

    # A request that leaves the optional fields out sends only the good default (never `count: 0`, which the API refuses).
    recorder = Recorder(body={"id": "t1", "name": "small", "count": 2})
    made = both(package, recorder, lambda sdk: sdk.things.create_thing(id="t1", name="small"))
    assert recorder.last_json() == {"id": "t1", "name": "small", "ratio": 0.5}
    assert isinstance(made, thing) and made.count == 2 and made.size is None

    # The path item's `query` key is not an OpenAPI 3.0 method: no method is generated for it.
    api = package.Client(api_key="k").things
    assert [name for name, _ in inspect.getmembers(api, inspect.ismethod) if not name.startswith("_")] == ["create_thing"]
    assert spec_arguments(api.create_thing) == ["id", "name", "count", "size", "ratio", "mode"]
    assert "query_things" not in "".join(generated.texts.values())
