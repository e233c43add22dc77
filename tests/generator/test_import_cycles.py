"""Reference cycles between schemas: which aliases are written out, which imports come late."""

from __future__ import annotations

from generator.build.import_cycles import cyclic_aliases, late_imports, refs_in, strongly_connected


def test_refs_in_finds_nested_component_refs_only() -> None:
    schema = {"properties": {"a": {"$ref": "#/components/schemas/A"}, "b": {"items": {"$ref": "#/components/schemas/B~1C"}}, "c": {"$ref": "#/paths/x"}}}
    assert sorted(refs_in(schema)) == ["A", "B/C"]


def test_strongly_connected_components() -> None:
    graph = {"a": ["b"], "b": ["c", "a"], "c": [], "d": ["d"], "e": ["a"]}
    components = sorted(sorted(c) for c in strongly_connected(graph))
    assert components == [["a", "b"], ["c"], ["d"], ["e"]]


def test_strongly_connected_survives_a_long_chain() -> None:
    graph = {str(i): [str(i + 1)] for i in range(5000)} | {"5000": ["0"]}
    [component] = strongly_connected(graph)
    assert len(component) == 5001


def test_an_alias_on_a_cycle_is_written_out() -> None:
    schemas = {
        "Person": {"properties": {"employer": {"$ref": "#/components/schemas/Company"}}},
        "Company": {"properties": {"staff": {"$ref": "#/components/schemas/Staff"}}},
        "Staff": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}},
        "Names": {"type": "array", "items": {"type": "string"}},
        "Tree": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
    }
    kinds = {"Person": "model", "Company": "model", "Staff": "alias", "Names": "alias", "Tree": "alias"}
    assert cyclic_aliases(schemas, kinds) == {"Staff", "Tree"}


def test_late_imports_are_the_references_within_a_cycle() -> None:
    graph = {"A": ["B", "C"], "B": ["A"], "C": [], "D": ["D"]}
    assert late_imports(graph) == {"A": frozenset({"B"}), "B": frozenset({"A"})}
