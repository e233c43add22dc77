"""``$id`` and ``$anchor`` references (JSON Schema 2020-12 in OpenAPI 3.1): rewritten as the local pointers they mean."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from generator.read import dynamic_refs, schema_index
from generator.read.schema_ids import rewrite_schema_refs

DATA: dict[str, Any] = {
    "openapi": "3.1.0",
    "components": {
        "schemas": {
            "Pet": {"$anchor": "pet", "type": "object"},
            "Vertex": {
                "$id": "https://example.test/schemas/vertex",
                "properties": {
                    "at": {"$ref": "#/$defs/Coord"},
                    "corner": {"$ref": "#corner"},
                    "sibling": {"$ref": "edge#/$defs/Length"},
                    "self": {"$ref": "vertex"},
                    "pet": {"$ref": "#/components/schemas/Pet"},
                },
                "$defs": {"Coord": {"type": "array"}, "Corner": {"$anchor": "corner"}},
            },
            "Edge": {"$id": "https://example.test/schemas/edge", "$defs": {"Length": {"type": "number"}}},
            "Thing": {
                "$defs": {"Size": {"type": "integer"}},
                "properties": {
                    "pet": {"$ref": "#pet"},
                    "vertex": {"$ref": "https://example.test/schemas/vertex"},
                    "corner": {"$ref": "https://example.test/schemas/vertex#corner"},
                    "size": {"$ref": "#/$defs/Size"},
                    "kept": {"$ref": "#/components/schemas/Pet"},
                    "missing": {"$ref": "#nowhere"},
                    "file": {"$ref": "other.yaml#/Pet"},
                    "elsewhere": {"$ref": "https://elsewhere.test/pet"},
                    "x-sample": {"$ref": "#pet"},
                },
                "x-vendor": {"$ref": "#pet"},
            },
        }
    },
}


def test_references_by_id_and_anchor_become_local_pointers() -> None:
    data = copy.deepcopy(DATA)
    notes = rewrite_schema_refs(data)
    schemas = data["components"]["schemas"]
    vertex = schemas["Vertex"]["properties"]
    assert vertex["at"]["$ref"] == "#/components/schemas/Vertex/$defs/Coord", "#/... inside an $id is relative to it"
    assert vertex["corner"]["$ref"] == "#/components/schemas/Vertex/$defs/Corner"
    assert vertex["sibling"]["$ref"] == "#/components/schemas/Edge/$defs/Length", "a relative $id resolved against the enclosing one"
    assert vertex["self"]["$ref"] == "#/components/schemas/Vertex"
    assert vertex["pet"]["$ref"] == "#/components/schemas/Pet", "what finds nothing in the $id's schema is read from the document's root"
    thing = schemas["Thing"]["properties"]
    assert thing["pet"]["$ref"] == "#/components/schemas/Pet"
    assert thing["vertex"]["$ref"] == "#/components/schemas/Vertex"
    assert thing["corner"]["$ref"] == "#/components/schemas/Vertex/$defs/Corner"
    assert thing["size"]["$ref"] == "#/components/schemas/Thing/$defs/Size"
    assert thing["x-sample"]["$ref"] == "#/components/schemas/Pet", "a property named x-... is a property"
    for name in ("kept", "missing", "file", "elsewhere"):
        assert thing[name] == DATA["components"]["schemas"]["Thing"]["properties"][name], f"{name} is left as written"
    assert schemas["Thing"]["x-vendor"] == {"$ref": "#pet"}, "an extension's $ref is the vendor's"
    assert [(n.code, n.pointer) for n in notes] == [("schema-relative-ref", "/components/schemas/Thing/properties/size/$ref")]


def test_a_document_without_ids_is_unchanged() -> None:
    data = {"openapi": "3.0.3", "paths": {"/a": {"$ref": "#/components/pathItems/A"}}, "components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {}}}}
    before = copy.deepcopy(data)
    assert rewrite_schema_refs(data) == [] and data == before


def test_a_ref_inside_a_literal_value_is_data_and_left_as_written() -> None:
    """An example, default, enum or const may hold a ``$ref`` key (a JSON Schema document as data): not rewritten, no warning."""
    literal = {"$ref": "#/$defs/Size"}
    data = {
        "openapi": "3.1.0",
        "components": {
            "schemas": {
                "Thing": {
                    "$defs": {"Size": {"type": "integer"}},
                    "example": copy.deepcopy(literal),
                    "properties": {"doc": {"type": "object", "default": copy.deepcopy(literal), "enum": [copy.deepcopy(literal)], "const": copy.deepcopy(literal)}},
                }
            }
        },
    }
    before = copy.deepcopy(data)
    assert rewrite_schema_refs(data) == [] and data == before


def test_a_dynamic_ref_that_means_one_schema_becomes_a_ref() -> None:
    """``$dynamicRef`` to the one ``$dynamicAnchor`` of its name (or a plain ``$anchor``, or a pointer) is a ``$ref`` to it."""
    data: dict[str, Any] = {
        "components": {
            "schemas": {
                "Node": {"$dynamicAnchor": "node", "properties": {"children": {"items": {"$dynamicRef": "#node"}}}},
                "Leaf": {"$anchor": "leaf", "properties": {"next": {"$dynamicRef": "#leaf"}, "up": {"$dynamicRef": "#/components/schemas/Node"}}},
                "Tree": {"$id": "https://example.test/tree", "$dynamicAnchor": "tree", "properties": {"sub": {"$dynamicRef": "#tree"}, "by_uri": {"$dynamicRef": "https://example.test/tree#tree"}}},
            }
        }
    }
    assert rewrite_schema_refs(data) == []
    schemas = data["components"]["schemas"]
    assert schemas["Node"]["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Node"}
    assert schemas["Leaf"]["properties"]["next"] == {"$ref": "#/components/schemas/Leaf"}, "a $dynamicRef to a plain $anchor is a $ref"
    assert schemas["Leaf"]["properties"]["up"] == {"$ref": "#/components/schemas/Node"}
    assert schemas["Tree"]["properties"]["sub"] == {"$ref": "#/components/schemas/Tree"} == schemas["Tree"]["properties"]["by_uri"]


def test_a_dynamic_ref_that_depends_on_its_use_is_left_with_a_warning() -> None:
    """Several schemas declaring the anchor (a generic schema and its specialisation), no target, a 2019-09 ``$recursiveRef``."""
    generic = {"$dynamicRef": "#item"}
    data: dict[str, Any] = {
        "components": {
            "schemas": {
                "List": {"$id": "https://example.test/list", "items": generic, "$defs": {"Item": {"$dynamicAnchor": "item"}}},
                "Names": {"$id": "https://example.test/names", "$ref": "list", "$defs": {"Item": {"$dynamicAnchor": "item", "type": "string"}}},
                "Lost": {"properties": {"a": {"$dynamicRef": "#nowhere"}, "b": {"$recursiveRef": "other"}, "c": {"$ref": "#/components/schemas/List", "$dynamicRef": "#/components/schemas/Names"}}},
                "Filter": {"$recursiveAnchor": True, "properties": {"any": {"items": {"$recursiveRef": "#"}}}},
                "Tree": {"$id": "https://example.test/tree", "$recursiveAnchor": True, "properties": {"sub": {"$recursiveRef": "#"}}},
                "Forest": {"$id": "https://example.test/forest", "$recursiveAnchor": True, "$ref": "tree", "properties": {"kind": {}}},
            }
        }
    }
    notes = rewrite_schema_refs(data)
    assert [(n.code, n.pointer) for n in notes] == [
        ("dynamic-ref", "/components/schemas/List/items/$dynamicRef"),
        ("dynamic-ref", "/components/schemas/Lost/properties/a/$dynamicRef"),
        ("dynamic-ref", "/components/schemas/Lost/properties/b/$recursiveRef"),
        ("dynamic-ref", "/components/schemas/Lost/properties/c/$dynamicRef"),
        ("schema-relative-ref", "/components/schemas/Filter/properties/any/items/$recursiveRef"),
        ("dynamic-ref", "/components/schemas/Tree/properties/sub/$recursiveRef"),
    ]
    assert "/components/schemas/Names" in notes[0].message and "/components/schemas/Forest" in notes[-1].message, "who specialises it"
    schemas = data["components"]["schemas"]
    assert schemas["List"]["items"] == {"$dynamicRef": "#item"} and schemas["Tree"]["properties"]["sub"] == {"$recursiveRef": "#"}, "left as written"
    assert schemas["Lost"]["properties"]["c"]["$ref"] == "#/components/schemas/List"
    assert schemas["Filter"]["properties"]["any"]["items"] == {"$ref": "#/components/schemas/Filter"}, "'#' in no $id: its component schema"


def test_a_dynamic_anchor_declared_by_unrelated_resources_means_its_own() -> None:
    """Two resources declare ``$dynamicAnchor: node``, neither refers to the other: each reference means its own schema."""
    data: dict[str, Any] = {
        "components": {
            "schemas": {
                "A": {"$id": "https://example.test/a", "$dynamicAnchor": "node", "properties": {"next": {"$dynamicRef": "#node"}}},
                "B": {"$id": "https://example.test/b", "$dynamicAnchor": "node", "properties": {"next": {"$dynamicRef": "#node"}}},
            }
        }
    }
    assert rewrite_schema_refs(data) == []
    assert data["components"]["schemas"]["A"]["properties"]["next"] == {"$ref": "#/components/schemas/A"}
    assert data["components"]["schemas"]["B"]["properties"]["next"] == {"$ref": "#/components/schemas/B"}


def test_dynamic_refs_ask_where_a_place_belongs_a_few_times_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """300 ``$dynamicRef``s to three resources that declare the anchor, in schemas with 300 ``$ref``s between them: the
    resource of a place is asked a few times per reference (the graph of resources was built again for each
    ``$dynamicRef`` and resource: 300 * 2 * 600 questions), and each reference means its own resource's schema."""
    count, declaring = 300, 3
    schemas: dict[str, Any] = {
        f"R{k}": {"$id": f"https://example.test/r{k}", "$dynamicAnchor": "node", "properties": {"next": {"$dynamicRef": "#node"}}}
        for k in range(declaring)
    }
    for i in range(count):
        child = {"$dynamicRef": f"https://example.test/r{i % declaring}#node"}
        schemas[f"S{i}"] = {"properties": {"child": child, "next": {"$ref": f"#/components/schemas/S{(i + 1) % count}"}}}
    schemas["User"] = {"$id": "https://example.test/user", "$dynamicAnchor": "node", "$ref": "r0", "properties": {"next": {"$dynamicRef": "#node"}}}
    data: dict[str, Any] = {"components": {"schemas": schemas}}
    asked: list[str] = []
    resource_of = schema_index.resource_of

    def counted(index: schema_index.SchemaIndex, pointer: str) -> str:
        asked.append(pointer)
        return resource_of(index, pointer)

    monkeypatch.setattr(schema_index, "resource_of", counted)
    monkeypatch.setattr(dynamic_refs, "resource_of", counted)
    notes = rewrite_schema_refs(data)
    specialised = ["/components/schemas/R0/properties/next"] + [f"/components/schemas/S{i}/properties/child" for i in range(0, count, declaring)]
    assert [(n.code, n.pointer) for n in notes] == [("dynamic-ref", f"{at}/$dynamicRef") for at in specialised], "User specialises R0"
    assert all("/components/schemas/User" in n.message for n in notes)
    assert schemas["S4"]["properties"]["child"] == {"$ref": "#/components/schemas/R1"}
    assert schemas["S5"]["properties"]["child"] == {"$ref": "#/components/schemas/R2"}
    assert schemas["S3"]["properties"]["child"] == {"$dynamicRef": "https://example.test/r0#node"}, "R0's anchor: User's where used from there"
    assert schemas["User"]["properties"]["next"] == {"$ref": "#/components/schemas/User"}, "nothing refers into User"
    assert len(asked) <= 4 * (count + declaring + 1), f"{len(asked)} questions for {2 * count + 2 * declaring + 2} references"


def test_a_recursive_ref_in_a_schema_file_of_its_own_means_that_files_root() -> None:
    """``$recursiveRef: "#"`` in ``tree.yaml``, a schema (with ``$id`` or without), is a ``$ref`` to its root; in a
    file that is a map of schemas, or in the OpenAPI document itself, the root is no schema: left with the warning."""
    tree = {"$recursiveAnchor": True, "type": "object", "properties": {"children": {"items": {"$recursiveRef": "#"}}}}
    for schema in (copy.deepcopy(tree), {"$id": "https://example.test/tree", **copy.deepcopy(tree)}):
        assert rewrite_schema_refs(schema, "file:///specs/tree.yaml") == []
        assert schema["properties"]["children"]["items"] == {"$ref": "#"}
    for data, document, at in ((copy.deepcopy(tree), None, ""), ({"Tree": copy.deepcopy(tree)}, "file:///specs/trees.yaml", "/Tree")):
        notes = rewrite_schema_refs(data, document) if document else rewrite_schema_refs(data)
        assert [(n.code, n.pointer) for n in notes] == [("dynamic-ref", f"{at}/properties/children/items/$recursiveRef")]
