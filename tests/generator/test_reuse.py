"""The render reuse's record of what a rendering read of the Api (generator/render/reuse.py); that a
reused file is the file a cold run writes is tested in test_cache.py."""

from __future__ import annotations

from pathlib import Path

from generator.build.builder import build_with_warnings
from generator.read.loader import load
from generator.render.reuse import ApiReads

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"


def test_the_fields_read_through_properties_methods_and_cached_properties_are_recorded() -> None:
    api, _ = build_with_warnings(load(SPEC), None)
    learnt: dict[str, frozenset[str]] = {}

    def read(use: object) -> set[str]:
        reads = ApiReads(api, learnt)
        use(reads)  # type: ignore[operator]
        return reads.reads

    assert read(lambda a: a.config.package) == {"config"}
    assert read(lambda a: a.operations) == {"tags"}  # a property
    name = api.schemas[-1].name
    assert read(lambda a: a.schema(name)) == {"schemas"}  # a method, through a cached property
    assert read(lambda a: a.schema(name)) == {"schemas"}  # learnt once, recorded every time
    assert "schemas" in learnt.get("_schemas_by_name", frozenset())
    assert {"config", "security"} <= read(lambda a: a.credential_arguments)
    reads = ApiReads(api, learnt)
    assert reads.schema(name) is api.schema(name) and reads.operations == api.operations and reads.tags is api.tags
