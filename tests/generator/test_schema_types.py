"""JSON Schema -> Python type: one test per row of the table in ``generator/build/schema_types.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.ir import PyType
from generator.render.type_annotations import annotation as annotation_of, doc_type
from generator.read.loader import load
from generator.build.schema_types import TypeMapper, classify

SCHEMAS: dict[str, Any] = {
    "Thing": {"type": "object", "properties": {"id": {"type": "string"}}},
    "JobState": {"type": "string", "enum": ["queued", "finished"]},
    "Timestamp": {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "pattern": "^x$"}]},
    "Names": {"type": "array", "items": {"type": "string"}},
    "Empty": {"type": "object"},
    "Pointer": {"$ref": "#/components/schemas/Thing"},
}


@pytest.fixture(scope="module")
def mapper(tmp_path_factory: pytest.TempPathFactory) -> TypeMapper:
    path: Path = tmp_path_factory.mktemp("types") / "spec.yaml"
    spec = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "components": {"schemas": SCHEMAS}}
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return TypeMapper(load(path))


def annotation(mapper: TypeMapper, schema: Any) -> str:
    return annotation_of(mapper.map("/test", schema))


def test_ref_to_a_component_is_the_generated_class(mapper: TypeMapper) -> None:
    assert mapper.map("/t", {"$ref": "#/components/schemas/Thing"}) == PyType("model", "Thing")
    assert mapper.map("/t", {"$ref": "#/components/schemas/JobState"}) == PyType("enum", "JobState")
    assert mapper.map("/t", {"$ref": "#/components/schemas/Names"}) == PyType("alias", "Names")
    assert annotation(mapper, {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}) == "list[Thing]"


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, "str"),
        ({"type": "string", "format": "uri"}, "str"),
        ({"type": "string", "format": "date-time"}, "DateTime"),
        ({"type": "string", "format": "date"}, "date"),
        ({"type": "string", "format": "binary"}, "FileInput"),
        ({"type": "string", "contentMediaType": "image/png"}, "FileInput"),
        ({"type": "integer"}, "int"),
        ({"type": "number"}, "float"),
        ({"type": "boolean"}, "bool"),
        ({"type": "array", "items": {"type": "integer"}}, "list[int]"),
        ({"type": "array", "items": {"type": "string", "format": "binary"}}, "list[FileInput]"),
        ({"type": "array"}, "list[Any]"),
        ({"type": "object", "additionalProperties": {"type": "integer"}}, "dict[str, int]"),
        ({"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Thing"}}, "dict[str, Thing]"),
        ({"type": "object"}, "dict[str, Any]"),
        ({"enum": ["a", "b"]}, 'Literal["a", "b"]'),
        ({"type": "integer", "enum": [1, 2]}, "Literal[1, 2]"),
        ({"const": "fixed"}, 'Literal["fixed"]'),
        ({"const": 2}, "Literal[2]"),
        ({"const": False}, "Literal[False]"),
        ({"const": 0.5}, "float"),
        ({"const": {"x": 0}}, "dict[str, Any]"),
        ({"enum": [0.5, 1.5]}, "float"),
        ({"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False}, "dict[str, str]"),
        ({"type": "object", "patternProperties": {"^x-": {"type": "string"}, "^n-": {"type": "integer"}}, "unevaluatedProperties": False}, "dict[str, str | int]"),
        ({"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": {"type": "integer"}}, "dict[str, str | int]"),
        ({"type": "object", "patternProperties": {"^x-": {"type": "string"}}}, "dict[str, Any]"),
        ({"type": "array", "items": {"type": "integer"}, "contains": {"const": 1}}, "list[int]"),
        ({"type": "array", "contains": {"type": "integer"}}, "list[Any]"),
        ({"type": "integer", "not": {"const": 3}}, "int"),
        ({"not": {"type": "string"}}, "Any"),
        ({}, "Any"),
        ({"description": "no type at all"}, "Any"),
    ],
)
def test_plain_schemas(mapper: TypeMapper, schema: dict[str, Any], expected: str) -> None:
    assert annotation(mapper, schema) == expected


def test_binary_is_a_file_type(mapper: TypeMapper) -> None:
    file_type = mapper.map("/t", {"type": "string", "format": "binary"})
    assert file_type.kind == "file" and file_type.runtime_names == {"FileInput"} and doc_type(file_type) == "file"


@pytest.mark.parametrize("key", ["anyOf", "oneOf"])
def test_enum_or_string_is_an_open_enum(mapper: TypeMapper, key: str) -> None:
    schema = {key: [{"$ref": "#/components/schemas/JobState"}, {"type": "string"}]}
    mapped = mapper.map("/t", schema)
    assert annotation_of(mapped) == "JobState | str"
    assert mapped.schema_names == {"JobState"}


def test_strings_only_take_the_first_branch(mapper: TypeMapper) -> None:
    first_date = {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "pattern": "^\\d+$"}]}
    assert annotation(mapper, first_date) == "DateTime"
    first_plain = {"anyOf": [{"type": "string"}, {"type": "string", "format": "date-time"}]}
    assert annotation(mapper, first_plain) == "str"
    assert annotation(mapper, {"$ref": "#/components/schemas/Timestamp"}) == "Timestamp"


def test_other_unions_are_the_union_of_the_branches(mapper: TypeMapper) -> None:
    message = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    assert annotation(mapper, message) == "str | list[str]"
    assert annotation(mapper, {"oneOf": [{"$ref": "#/components/schemas/Thing"}, {"type": "integer"}]}) == "Thing | int"
    assert annotation(mapper, {"anyOf": [{"type": "integer"}, {"type": "integer", "minimum": 3}]}) == "int"
    assert annotation(mapper, {"anyOf": [{"type": "integer"}, {}]}) == "Any"


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": ["string", "null"]}, "str | None"),
        ({"type": ["integer", "null"]}, "int | None"),
        ({"type": ["null", "string"], "format": "date-time"}, "DateTime | None"),
        ({"type": "string", "nullable": True}, "str | None"),
        ({"$ref": "#/components/schemas/Thing"}, "Thing"),
        ({"oneOf": [{"$ref": "#/components/schemas/Thing"}, {"type": "null"}]}, "Thing | None"),
        ({"anyOf": [{"type": "null"}, {"$ref": "#/components/schemas/JobState"}, {"type": "string"}]}, "JobState | str | None"),
        ({"anyOf": [{"type": "integer"}, {"type": "string"}], "nullable": True}, "int | str | None"),
        ({"type": "array", "items": {"type": ["string", "null"]}}, "list[str | None]"),
        ({"type": ["string", "integer"]}, "str | int"),
        ({"type": "null"}, "Any"),
    ],
)
def test_nullable(mapper: TypeMapper, schema: dict[str, Any], expected: str) -> None:
    assert annotation(mapper, schema) == expected


def test_any_is_never_marked_optional(mapper: TypeMapper) -> None:
    assert annotation(mapper, {"nullable": True}) == "Any"
    assert annotation(mapper, {"type": ["null"]}) == "Any"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Thing", "model"), ("JobState", "enum"), ("Timestamp", "alias"), ("Names", "alias"), ("Empty", "model"), ("Pointer", "alias")],
)
def test_classify(name: str, kind: str) -> None:
    assert classify(SCHEMAS[name]) == kind


def test_classify_maps_and_non_mappings() -> None:
    assert classify({"type": "object", "additionalProperties": {"type": "string"}}) == "alias"
    assert classify({"properties": {"a": {}}}) == "model"
    assert classify(True) == "alias"


def test_ref_to_a_non_schema_component_is_followed(mapper: TypeMapper, tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"schemas": {}, "parameters": {"P": {"name": "p", "in": "query", "schema": {"type": "integer"}}}},
    }
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    assert annotation_of(TypeMapper(load(path)).map("/t", {"$ref": "#/components/parameters/P/schema"})) == "int"


def test_annotation_imports(mapper: TypeMapper) -> None:
    mapped = mapper.map("/t", {"type": "array", "items": {"anyOf": [{"$ref": "#/components/schemas/Thing"}, {"type": "string", "format": "date"}]}})
    assert annotation_of(mapped) == "list[Thing | date]"
    assert mapped.schema_names == {"Thing"}
    assert mapped.uses_date and not mapped.uses_any
    assert mapper.map("/t", {"type": "string", "format": "date-time"}).runtime_names == {"DateTime"}
    assert doc_type(mapper.map("/t", {"type": "string", "format": "date-time"})) == "datetime"


@pytest.mark.parametrize(
    ("schema", "expected", "warned"),
    [
        ({"type": "array", "prefixItems": [{"type": "number"}, {"type": "string"}], "items": False, "minItems": 2}, "tuple[float, str]", False),
        ({"prefixItems": [{"type": "integer"}], "minItems": 1, "maxItems": 1}, "tuple[int]", False),
        ({"type": "array", "prefixItems": [{"type": "number"}, {"type": "number"}], "items": False}, "list[Any]", True),  # may be shorter
        ({"type": "array", "prefixItems": [{"type": "number"}], "minItems": 1}, "list[Any]", True),  # may be longer
        ({"type": "array", "prefixItems": [], "items": False}, "list[Any]", True),
        ({"type": ["array", "null"], "prefixItems": [{"type": "boolean"}], "items": False, "minItems": 1}, "tuple[bool] | None", False),
    ],
)
def test_prefix_items_are_a_tuple_only_of_exactly_their_items(mapper: TypeMapper, schema: dict[str, Any], expected: str, warned: bool) -> None:
    heard: list[str] = []
    mapper = TypeMapper(mapper.document, warn=lambda pointer, message: heard.append(pointer))
    assert annotation(mapper, schema) == expected
    assert heard == (["/test"] if warned else [])


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}, "additionalProperties": {"type": "integer"}}, "dict[str, int]"),
        ({"type": "object", "unevaluatedProperties": {"type": "boolean"}}, "dict[str, bool]"),
        ({"unevaluatedProperties": {"type": "string"}}, "dict[str, str]"),
        ({"const": None}, "Literal[None]"),
        ({"$ref": "#/components/schemas/Thing", "type": ["object", "null"], "description": "d"}, "Thing | None"),
    ],
)
def test_json_schema_2020_keywords(mapper: TypeMapper, schema: dict[str, Any], expected: str) -> None:
    assert annotation(mapper, schema) == expected


def test_a_ref_beside_properties_is_a_model() -> None:
    assert classify({"$ref": "#/components/schemas/Thing", "properties": {"z": {}}}) == "model"
    assert classify({"$ref": "#/components/schemas/Thing", "description": "d"}) == "alias"



@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"allOf": [{"type": "string"}, {"minLength": 3}]}, "str"),
        ({"allOf": [{"$ref": "#/components/schemas/Thing"}, {"required": ["id"]}]}, "Thing"),
        ({"allOf": [{"$ref": "#/components/schemas/Names"}, {"if": {"minItems": 1}, "then": {"maxItems": 3}}]}, "Names"),
        ({"allOf": [{"required": ["id"]}]}, "Any"),
        ({"allOf": [{"$ref": "#/components/schemas/Thing"}, {"additionalProperties": False}]}, "Thing"),
        ({"allOf": [{"$ref": "#/components/schemas/Names"}, {"additionalProperties": {"type": "string"}}]}, "Any"),
        ({"allOf": [{"$ref": "#/components/schemas/Thing"}, {"$recursiveRef": "#"}]}, "Any"),  # a reference types, as $dynamicRef does
    ],
)
def test_an_all_of_branch_that_only_constrains_adds_nothing_to_the_type(mapper: TypeMapper, schema: dict[str, Any], expected: str) -> None:
    assert annotation(mapper, schema) == expected


def test_properties_only_conditional_branches_declare_make_an_object() -> None:
    assert classify({"if": {"properties": {"a": {"const": 1}}}, "then": {"properties": {"b": {}}}}) == "model"
    assert classify({"dependentSchemas": {"a": {"properties": {"b": {}}}}}) == "model"
    assert classify({"if": {"properties": {"a": {}}}, "then": {"$ref": "#/components/schemas/Extra"}}) == "model", "as the same branch written inline"
    assert classify({"if": {"properties": {"a": {}}}, "then": {"required": ["a"]}}) == "alias", "if declares nothing; then only requires"
    assert classify({"type": "string", "then": {"properties": {"b": {}}}}) == "alias"
    assert classify({"allOf": [{"$ref": "#/components/schemas/Thing"}, {"required": ["id"]}]}) == "alias", "classify alone: the mapper's kind_of makes it a model"


def test_an_all_of_of_a_model_and_a_required_list_is_a_model(mapper: TypeMapper) -> None:
    assert mapper.kind_of({"allOf": [{"$ref": "#/components/schemas/Thing"}, {"required": ["id"]}, {"minProperties": 1}]}) == "model"
    assert mapper.kind_of({"allOf": [{"$ref": "#/components/schemas/Thing"}, {"type": "string"}]}) == "alias"


def test_a_discriminator_whose_values_its_branches_refuse_is_dropped() -> None:
    """No mapping: each branch's value is its schema name, which the branch's ``enum`` of the property leaves out."""
    from generator.build.discriminator_schemas import discriminator_of

    schemas = {
        "Leaf": {"type": "object", "properties": {"type": {"enum": ["eq", "ne"]}}},
        "Node": {"type": "object", "properties": {"type": {"enum": ["and", "or"]}}},
        "Cat": {"type": "object", "properties": {"type": {"const": "Cat"}}},
        "Dog": {"type": "object", "properties": {"type": {"type": "string"}}},
    }
    kinds = dict.fromkeys(schemas, "model")

    def union(*names: str) -> dict[str, Any]:
        return {"oneOf": [{"$ref": f"#/components/schemas/{n}"} for n in names], "discriminator": {"propertyName": "type"}}

    assert discriminator_of(union("Leaf", "Node"), kinds, schemas) is None
    assert discriminator_of(union("Leaf", "Node"), kinds) == ("type", {"Leaf": ["Leaf"], "Node": ["Node"]}), "without the schemas: as before"
    assert discriminator_of(union("Cat", "Dog"), kinds, schemas) == ("type", {"Cat": ["Cat"], "Dog": ["Dog"]})
    mapped = {**union("Leaf", "Node"), "discriminator": {"propertyName": "type", "mapping": {"eq": "Leaf", "ne": "Leaf", "and": "Node", "or": "Node"}}}
    assert discriminator_of(mapped, kinds, schemas) == ("type", {"Leaf": ["eq", "ne"], "Node": ["and", "or"]})
