"""What a raw schema is, read from its keywords alone (no ``$ref`` followed): its types, whether it
is an enum, a file, ``null``, an object, or only annotations."""

from __future__ import annotations

from typing import Any

from generator.read.media_types import is_json_media_type

TYPING = frozenset(
    {"type", "$ref", "$dynamicRef", "$recursiveRef", "properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "items", "prefixItems", "anyOf", "oneOf", "allOf", "enum", "const", "format", "contentMediaType"}
)
"""Keywords that say what a value is (its type, members, items, values); the others describe or constrain it."""
_CLOSING = ("additionalProperties", "unevaluatedProperties")  # true or false: no type, only whether other keys may be


def literal_values(values: Any) -> list[str | int | bool] | None:
    """The values of an ``enum`` as ``Literal`` members (``None`` left out), or ``None`` when a ``Literal`` cannot hold them."""
    if not isinstance(values, list):
        return None
    out: list[str | int | bool] = []
    seen: set[tuple[type, str | int | bool]] = set()  # True == 1, but a Literal keeps both
    for value in values:
        if value is None:
            continue
        if not isinstance(value, (str, int, bool)):
            return None
        if (type(value), value) not in seen:
            seen.add((type(value), value))
            out.append(value)
    return out or None


def classify(schema: Any) -> str:
    """What a named schema becomes: ``model`` (object), ``enum`` or ``alias`` (anything else)."""
    if not isinstance(schema, dict):
        return "alias"
    if literal_values(schema.get("enum")) is not None and "$ref" not in schema:
        return "enum"
    if "$ref" in schema:
        return "model" if extends_ref(schema) else "alias"
    if isinstance(schema.get("properties"), dict) or conditional_object(schema) or types_of(schema) == ["object"] and extra_values(schema) is None and not has_union(schema):
        return "model"
    return "alias"


def conditional_object(schema: dict[str, Any]) -> bool:
    """An object whose properties only ``then``, ``else`` or ``dependentSchemas`` declare (no other ``type`` than ``object``);
    a branch that is a ``$ref`` counts (its target's properties become the object's, see ``conditional_fields``)."""
    if non_null_types(schema) not in ([], ["object"]):
        return False
    branches = [schema.get("then"), schema.get("else")]
    dependent = schema.get("dependentSchemas")
    branches += list(dependent.values()) if isinstance(dependent, dict) else []
    return any(isinstance(b, dict) and ("$ref" in b or bool(properties_of(b))) for b in branches)


def extra_values(schema: dict[str, Any]) -> Any:
    """What the values of a map are: ``additionalProperties``, else a 3.1 ``unevaluatedProperties`` schema; ``None`` for neither."""
    if "additionalProperties" in schema:
        return schema["additionalProperties"]
    found = schema.get("unevaluatedProperties")
    return found if isinstance(found, dict) else None


def extends_ref(schema: dict[str, Any]) -> bool:
    """A ``$ref`` with ``properties`` beside it (OpenAPI 3.1): an object with the target's properties and these."""
    return "$ref" in schema and bool(properties_of(schema))


def has_union(schema: dict[str, Any]) -> bool:
    return any(isinstance(schema.get(k), list) and schema.get(k) for k in ("anyOf", "oneOf", "allOf"))


def types_of(schema: dict[str, Any]) -> list[str]:
    """``type`` as a list (``type: [string, "null"]`` or ``type: string``); none when absent."""
    raw = schema.get("type")
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [t for t in raw if isinstance(t, str)]
    return []


def non_null_types(schema: dict[str, Any]) -> list[str]:
    return [t for t in types_of(schema) if t != "null"]


def is_null(schema: Any) -> bool:
    """The schema of ``null`` only (a ``null`` branch of a union)."""
    return isinstance(schema, dict) and (types_of(schema) == ["null"] or schema.get("enum") == [None]) and "properties" not in schema


def is_binary_schema(schema: Any) -> bool:
    """Raw bytes: ``format: binary`` (OpenAPI 3.0) or a non-JSON ``contentMediaType`` (3.1)."""
    return isinstance(schema, dict) and is_file(schema)


def is_file(schema: dict[str, Any]) -> bool:
    """Raw bytes: ``format: binary`` (OpenAPI 3.0) or a non-JSON ``contentMediaType`` (3.1)."""
    media = schema.get("contentMediaType")
    return schema.get("format") == "binary" or (isinstance(media, str) and not is_json_media_type(media) and "contentEncoding" not in schema)


def adds_no_type(schema: Any) -> bool:
    """A schema that only describes or constrains (``{description: ...}``, ``{required: [id]}``, ``{minLength: 3}``,
    ``{additionalProperties: false}``, an ``if``/``then`` that declares no properties): it adds nothing to the type of an ``allOf``."""
    if not isinstance(schema, dict) or conditional_object(schema):
        return False
    return not any(key in TYPING and not (key in _CLOSING and isinstance(value, bool)) for key, value in schema.items())


def is_string_enum(schema: dict[str, Any]) -> bool:
    """An ``enum`` whose every value (``null`` aside) is a string."""
    return literal_values(schema.get("enum")) is not None and all(isinstance(v, str) for v in schema["enum"] if v is not None)


def schema_object(schema: Any) -> dict[str, Any]:
    """A schema object as it is; anything else (a boolean schema, a broken entry) as ``{}``, which accepts any value."""
    return schema if isinstance(schema, dict) else {}


def properties_of(schema: dict[str, Any]) -> dict[str, Any]:
    """``properties`` (wire name -> property schema); empty when absent or not a mapping."""
    found = schema.get("properties")
    return found if isinstance(found, dict) else {}


def required_of(schema: dict[str, Any]) -> set[str]:
    """``required`` as names (entries that are not names left out)."""
    found = schema.get("required")
    return {str(r) for r in found if isinstance(r, (str, int))} if isinstance(found, list) else set()


def all_of_branches(schema: dict[str, Any]) -> list[Any]:
    """The branches of ``allOf``; none when absent or not a list."""
    found = schema.get("allOf")
    return found if isinstance(found, list) else []


def examples_of(schema: dict[str, Any]) -> list[Any]:
    """The 3.1 ``examples`` array; empty when absent or not a list."""
    found = schema.get("examples")
    return found if isinstance(found, list) else []
