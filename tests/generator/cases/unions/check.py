"""Unions without a discriminator, and arrays of arrays."""

from __future__ import annotations

from typing import Any

from tests.generator.cases.harness import Recorder, both

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    assert "Value: TypeAlias = int | str | Point" in generated.files["case_unions/models/value.py"]
    source = generated.files["case_unions/models/holder.py"]
    assert "marker: Point | Label | None = None" in source and "grid: list[list[int]] | None = None" in source

    recorder = Recorder(body={"value": {"x": 1, "y": 2}, "marker": {"text": "hi"}, "grid": [[1, 2], [3]]})
    held = both(package, recorder, lambda sdk: sdk.values.echo_value(value="seven", marker=models.Point(x=1.0, y=2.0), grid=[[0]]))
    assert recorder.last_json() == {"value": "seven", "marker": {"x": 1.0, "y": 2.0}, "grid": [[0]]}
    assert isinstance(held.value, models.Point) and isinstance(held.marker, models.Label) and held.grid == [[1, 2], [3]]
    recorder.body = {"value": 3}
    assert both(package, recorder, lambda sdk: sdk.values.echo_value(value=3)).value == 3
