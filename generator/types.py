"""JSON Schema -> Python type, one documented rule per construct.

| schema                                            | Python type                       |
| ------------------------------------------------- | --------------------------------- |
| ``$ref`` to ``#/components/schemas/X``            | the generated ``X``               |
| ``type: string`` (``format: date-time``)          | ``str`` (``DateTime``: ISO-8601 or PostgreSQL text) |
| ``type: string, format: date``                    | ``date``                          |
| ``format: binary`` (3.0) or ``contentMediaType`` (3.1) | ``FileInput`` (path, bytes or binary file) |
| ``integer`` / ``number`` / ``boolean``            | ``int`` / ``float`` / ``bool``    |
| ``type: array``                                   | ``list[items]``                   |
| ``additionalProperties: S`` without properties    | ``dict[str, S]``                  |
| inline ``enum`` / ``const``                       | ``Literal[...]``                  |
| ``anyOf``/``oneOf`` of an enum and a plain string | ``Enum | str`` (an open enum)      |
| ``anyOf``/``oneOf`` of string schemas only        | the first branch's type (the others are other spellings of the same value) |
| any other ``anyOf``/``oneOf``                     | the union of the branches' types  |
| ``type: [T, "null"]``, ``nullable: true``, a ``null`` branch | ``T | None``           |
| ``{}`` or no type                                 | ``Any``                           |
"""

from __future__ import annotations

from typing import Any

from .ir import PyType
from .loader import Document
from .naming import pascal_case

ANY = PyType("any")
STR = PyType("primitive", "str")

_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}


def is_json_media_type(media_type: str) -> bool:
    """``application/json`` and its ``+json`` relatives."""
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def classify(schema: Any) -> str:
    """What a named schema becomes: ``model`` (object), ``enum`` or ``alias`` (anything else)."""
    if not isinstance(schema, dict):
        return "alias"
    if isinstance(schema.get("enum"), list) and any(v is not None for v in schema["enum"]):
        return "enum"
    if "properties" in schema or _types_of(schema) == ["object"] and "additionalProperties" not in schema:
        return "model"
    return "alias"


def _types_of(schema: dict[str, Any]) -> list[str]:
    raw = schema.get("type")
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [t for t in raw if isinstance(t, str)]
    return []


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and _types_of(schema) == ["null"] and len(schema) <= 2


def _is_file(schema: dict[str, Any]) -> bool:
    """Raw bytes: ``format: binary`` (OpenAPI 3.0) or a non-JSON ``contentMediaType`` (3.1)."""
    media = schema.get("contentMediaType")
    return schema.get("format") == "binary" or (isinstance(media, str) and not is_json_media_type(media) and "contentEncoding" not in schema)


class TypeMapper:
    def __init__(self, document: Document) -> None:
        self.document = document
        schemas = (document.data.get("components") or {}).get("schemas") or {}
        self.kinds = {name: classify(schema) for name, schema in schemas.items()}

    def map(self, pointer: str, schema: Any) -> PyType:
        """The Python type of ``schema`` (found at ``pointer``)."""
        if not isinstance(schema, dict):
            return ANY
        if "$ref" in schema:
            return self._ref(pointer, schema)
        nullable = bool(schema.get("nullable")) or "null" in _types_of(schema)
        union = schema.get("anyOf") or schema.get("oneOf")
        if isinstance(union, list) and union and "properties" not in schema:
            return self._union(pointer, union, nullable)
        return self._plain(pointer, schema).with_nullable(nullable)

    def _ref(self, pointer: str, schema: dict[str, Any]) -> PyType:
        ref = schema["$ref"]
        prefix = "#/components/schemas/"
        name = ref[len(prefix) :] if ref.startswith(prefix) else ""
        if name and "/" not in name and name in self.kinds:
            return PyType(self.kinds[name], pascal_case(name))
        target_pointer, target = self.document.deref(pointer, schema)
        return self.map(target_pointer, target)

    def _union(self, pointer: str, branches: list[Any], nullable: bool) -> PyType:
        kept = [b for b in branches if not _is_null(b)]
        nullable = nullable or len(kept) < len(branches)
        types = [self.map(f"{pointer}/{i}", b) for i, b in enumerate(kept)]
        if not types:
            return ANY
        if all(self._is_string(b) for b in kept):
            enums = [t for t in types if t.kind == "enum"]
            plain = [t for t in types if t == STR]
            if enums and plain and len(enums) + len(plain) == len(types):
                return PyType("union", args=(enums[0], STR), nullable=nullable)
            return types[0].with_nullable(nullable)
        unique: list[PyType] = []
        for t in types:
            if t not in unique:
                unique.append(t)
        if len(unique) == 1:
            return unique[0].with_nullable(nullable)
        if any(t.kind == "any" for t in unique):
            return ANY
        return PyType("union", args=tuple(unique), nullable=nullable)

    def _is_string(self, schema: Any) -> bool:
        """Whether every value ``schema`` accepts is a string."""
        if not isinstance(schema, dict):
            return False
        if "$ref" in schema:
            try:
                _, schema = self.document.deref("", schema)
            except KeyError:
                return False
            return self._is_string(schema)
        types = [t for t in _types_of(schema) if t != "null"]
        return types == ["string"]

    def _plain(self, pointer: str, schema: dict[str, Any]) -> PyType:
        if "const" in schema:
            return PyType("primitive", f"Literal[{schema['const']!r}]")
        if isinstance(schema.get("enum"), list) and any(v is not None for v in schema["enum"]):
            values = ", ".join(repr(v) for v in schema["enum"] if v is not None)
            return PyType("primitive", f"Literal[{values}]")
        types = [t for t in _types_of(schema) if t != "null"]
        if types in ([], ["string"]) and _is_file(schema):
            return PyType("file")
        if not types:
            return ANY
        if len(types) > 1:
            return PyType("union", args=tuple(self._plain(pointer, {**schema, "type": t}) for t in types))
        kind = types[0]
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "date-time":
                return PyType("primitive", "DateTime")
            if fmt == "date":
                return PyType("primitive", "date")
            return STR
        if kind in _PRIMITIVES:
            return PyType("primitive", _PRIMITIVES[kind])
        if kind == "array":
            return PyType("list", args=(self.map(f"{pointer}/items", schema.get("items", {})),))
        if kind == "object":
            extra = schema.get("additionalProperties")
            value = self.map(f"{pointer}/additionalProperties", extra) if isinstance(extra, dict) else ANY
            return PyType("dict", args=(value,))
        return ANY
