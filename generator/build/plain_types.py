"""JSON Schema -> Python type for a schema without ``$ref`` or composition: a ``Literal`` of its
``const``/``enum``, a file, or the type its ``type`` (or its keywords, or its ``const``) says.

:class:`PlainTypes` is the part of :class:`generator.build.schema_types.TypeMapper` that maps such
schemas (the table of every rule is that module's); the mapper adds references, ``anyOf``/``oneOf``/
``allOf`` and inline models, and its ``map`` is what the items, values and members here are mapped by.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.build.schema_shapes import conditional_object, extra_values, is_file, literal_values, non_null_types
from generator.build.union_types import ANY, STR, union_of
from generator.diagnostics import pointer_join
from generator.ir import PyType
from generator.literals import pyliteral
from generator.read.values import mapping

_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}
_STRING_FORMATS = {"date-time": "DateTime", "date": "date"}
#: The JSON type of a value a ``Literal`` cannot hold (what a ``const`` or ``enum`` without ``type`` says it is).
_VALUE_TYPES: tuple[tuple[type, str], ...] = ((float, "number"), (int, "integer"), (str, "string"), (list, "array"), (dict, "object"))

Warn = Callable[[str, str], None]
"""``warn(pointer, message)``: report an ``unsupported-schema`` warning."""


class PlainTypes:
    """Maps schemas without ``$ref`` or composition; the mapper that inherits it gives ``map`` and ``warn``."""

    warn: Warn

    def map(self, pointer: str, schema: Any) -> PyType:
        raise NotImplementedError  # TypeMapper.map

    def _plain(self, pointer: str, schema: dict[str, Any]) -> PyType:
        """A schema without ``$ref`` or composition: a ``Literal``, a file, or the type of its ``type``."""
        literal = self._literal(pointer, schema)
        if literal is not None:
            return literal
        types = non_null_types(schema)
        if types in ([], ["string"]) and is_file(schema):
            return PyType("file")
        types = types or _implied_types(schema) or _value_types(schema)
        if not types:
            return ANY
        if len(types) > 1:
            return self._several(pointer, schema, types)
        return self._of_type(pointer, schema, types[0])

    def _literal(self, pointer: str, schema: dict[str, Any]) -> PyType | None:
        """The ``Literal`` of a ``const`` or an ``enum`` (warning when a ``Literal`` cannot hold them); ``None`` for neither."""
        if "const" in schema and schema["const"] is None:
            return PyType("primitive", "Literal[None]")
        if "const" in schema:
            values = literal_values([schema["const"]])
            if values is not None:
                return PyType("primitive", f"Literal[{pyliteral(values[0])}]")
            self.warn(pointer, f"const {schema['const']!r} cannot be a Literal; typed by its type")
        members = literal_values(schema.get("enum"))
        if members is not None:
            return PyType("primitive", f"Literal[{', '.join(pyliteral(v) for v in members)}]")
        if "enum" in schema and isinstance(schema["enum"], list) and any(v is not None for v in schema["enum"]):
            self.warn(pointer, "enum values a Literal cannot hold (numbers with fractions, objects); typed by its type")
        return None

    def _several(self, pointer: str, schema: dict[str, Any], types: list[str]) -> PyType:
        """``type: [A, B]``: the union of each type's mapping (``Any`` when one is ``Any``)."""
        parts: list[PyType] = []
        for t in types:
            mapped = self._plain(pointer, {**schema, "type": t})
            if mapped.kind == "any":
                return ANY
            if mapped not in parts:
                parts.append(mapped)
        return parts[0] if len(parts) == 1 else PyType("union", args=tuple(parts))

    def _of_type(self, pointer: str, schema: dict[str, Any], kind: str) -> PyType:
        """The Python type of one JSON Schema ``type``."""
        if kind == "string":
            fmt = schema.get("format")
            return PyType("primitive", _STRING_FORMATS[fmt]) if isinstance(fmt, str) and fmt in _STRING_FORMATS else STR
        if kind in _PRIMITIVES:
            return PyType("primitive", _PRIMITIVES[kind])
        if kind == "array" and isinstance(schema.get("prefixItems"), list):
            return self._tuple(pointer, schema, schema["prefixItems"])
        if kind == "array":
            items = schema.get("items", {})
            if isinstance(items, list):  # tuple validation (JSON Schema draft 4 style)
                items = {}
            return PyType("list", args=(self.map(f"{pointer}/items", items),))
        if kind == "object":
            return PyType("dict", args=(self._values(pointer, schema),))
        if kind != "null":
            self.warn(pointer, f"unknown type {kind!r}; typed as Any")
        return ANY

    def _values(self, pointer: str, schema: dict[str, Any]) -> PyType:
        """The type of a map's values: ``additionalProperties`` (or 3.1 ``unevaluatedProperties``) and, when those
        close the map, the union with its ``patternProperties``' (a key of neither may hold anything: ``Any``)."""
        extra = extra_values(schema)
        key = "additionalProperties" if "additionalProperties" in schema else "unevaluatedProperties"
        patterns = mapping(schema.get("patternProperties"))
        closed = extra is False or extra is None and schema.get("unevaluatedProperties") is False
        if not isinstance(extra, dict) and not (closed and patterns):
            return ANY
        parts = [self.map(pointer_join(pointer, "patternProperties", name), value) for name, value in patterns.items()]
        if isinstance(extra, dict):
            parts.append(self.map(f"{pointer}/{key}", extra))
        return union_of(parts, False)

    def _tuple(self, pointer: str, schema: dict[str, Any], prefix: list[Any]) -> PyType:
        """``prefixItems`` (3.1): a ``tuple`` when the array holds exactly those items, else ``list[Any]`` (with a warning)."""
        count = len(prefix)
        least, most = schema.get("minItems"), schema.get("maxItems")
        closed = schema.get("items") is False or type(most) is int and most <= count
        if count and closed and type(least) is int and least >= count:
            return PyType("tuple", args=tuple(self.map(f"{pointer}/prefixItems/{i}", item) for i, item in enumerate(prefix)))
        self.warn(pointer, f"prefixItems without exactly {count} items (items: false and minItems: {count}) is no tuple; typed as list[Any]")
        return PyType("list", args=(ANY,))


def _implied_types(schema: dict[str, Any]) -> list[str]:
    """The type a schema without ``type`` has by its keywords: an object's, an array's, or none."""
    if isinstance(schema.get("properties"), dict) or extra_values(schema) is not None or conditional_object(schema):
        return ["object"]
    return ["array"] if "items" in schema or "prefixItems" in schema else []


def _value_types(schema: dict[str, Any]) -> list[str]:
    """The JSON types of a ``const`` or the ``enum`` values (none ``null``) a ``Literal`` cannot hold: ``const: 0.5`` is a number."""
    enum = schema.get("enum")
    values: list[Any] = [schema["const"]] if "const" in schema else enum if isinstance(enum, list) else []
    found: list[str] = []
    for value in values:
        kind = next((name for cls, name in _VALUE_TYPES if isinstance(value, cls) and not isinstance(value, bool)), None)
        if kind is not None and kind not in found:
            found.append(kind)
    return found
