"""``$id`` and ``$anchor`` references (JSON Schema 2020-12 in OpenAPI 3.1): rewritten as the local pointers they mean."""

from __future__ import annotations

import copy
from typing import Any

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
