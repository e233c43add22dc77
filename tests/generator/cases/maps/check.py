"""additionalProperties maps, and models that keep undeclared fields."""

from __future__ import annotations

from typing import Any

from tests.generator.cases.harness import Recorder, both

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    assert "Labels: TypeAlias = dict[str, str]" in generated.files["case_maps/models/labels.py"]
    source = generated.files["case_maps/models/inventory.py"]
    assert "items: dict[str, Item] | None = None" in source and "matrix: dict[str, dict[str, int]] | None = None" in source
    assert "anything: dict[str, Any] | None = None" in source

    answer = {"labels": {"a": "b"}, "items": {"x": {"count": 2}}, "matrix": {"r": {"c": 1}}, "anything": {"k": [1]}, "note": "kept"}
    recorder = Recorder(body=answer)
    inventory = both(package, recorder, lambda sdk: sdk.inventory.put_inventory(labels={"a": "b"}, items={"x": models.Item(count=2)}, matrix={"r": {"c": 1}}))
    assert recorder.last_json() == {"labels": {"a": "b"}, "items": {"x": {"count": 2}}, "matrix": {"r": {"c": 1}}}
    assert isinstance(inventory.items["x"], models.Item) and inventory.items["x"].count == 2
    assert inventory.model_extra == {"note": "kept"} and inventory.to_dict() == answer

    # A model given undeclared fields sends them too (a map of models, blocking and asyncio).
    recorder = Recorder(body={"items": {"y": {"count": 1, "colour": "red"}}})
    inventory = both(package, recorder, lambda sdk: sdk.inventory.put_inventory(items={"y": models.Item(count=1, colour="red")}))
    assert recorder.last_json() == {"items": {"y": {"count": 1, "colour": "red"}}}
    assert inventory.items is not None and inventory.items["y"].model_extra == {"colour": "red"}
