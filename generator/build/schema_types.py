"""JSON Schema -> Python type, one documented rule per construct.

| schema                                            | Python type                       |
| ------------------------------------------------- | --------------------------------- |
| ``$ref`` to ``#/components/schemas/X``            | the generated ``X``               |
| ``type: string`` (``format: date-time``)          | ``str`` (``DateTime``: ISO-8601 or PostgreSQL text) |
| ``type: string, format: date``                    | ``date``                          |
| ``format: binary`` (3.0) or ``contentMediaType`` (3.1) | ``FileInput`` (path, bytes or binary file) |
| ``integer`` / ``number`` / ``boolean``            | ``int`` / ``float`` / ``bool``    |
| ``type: array``                                   | ``list[items]``                   |
| ``prefixItems`` of exactly N items (``items: false`` or ``maxItems: N``, and ``minItems: N``) | ``tuple[A, B, ...]`` (other ``prefixItems``: ``list[Any]``, warning ``unsupported-schema``) |
| ``additionalProperties: S`` (or 3.1 ``unevaluatedProperties: S``) without properties | ``dict[str, S]`` (``propertyNames`` only limits the keys: still ``str``) |
| inline ``enum`` / ``const``                       | ``Literal[...]`` (``const: null``: ``Literal[None]``) |
| ``anyOf``/``oneOf`` of an enum and a plain string | ``Enum | str`` (an open enum)      |
| ``anyOf``/``oneOf`` of string schemas only        | the first branch's type (the others are other spellings of the same value) |
| any other ``anyOf``/``oneOf``                     | the union of the branches' types  |
| ``type: [T, "null"]``, ``nullable: true``, a ``null`` branch | ``T | None``           |
| ``{}`` or no type                                 | ``Any``                           |
| ``format: int64`` / ``double``, ``float``          | ``int`` / ``float``               |
| ``format: uuid``, ``byte`` (base64 text)           | ``str``                           |
| ``allOf`` of one schema (plus annotations)         | that schema's type                |
| ``allOf`` of objects, as a component schema        | one model with every branch's properties (later branches override earlier ones; ``required`` is the union) |
| an inline object with ``properties`` (or an inline ``allOf`` of objects) | a model named after where it is: ``Pet.category`` -> ``PetCategory``, the 200 response of ``get_pet`` -> ``GetPetResponse``, an array's items -> ``...Item``, the branches of an ``allOf`` add nothing, those of a ``oneOf`` ``OptionN`` |
| ``enum``/``const`` of values a ``Literal`` cannot hold (floats, objects) | the type without the enum (warning ``unsupported-schema``) |
| a reference cycle through aliases only, or nesting deeper than 64 | ``Any`` (warning ``unsupported-schema``) |
| ``$ref`` with ``nullable: true`` beside it         | the referenced type ``| None``     |
| ``oneOf``/``anyOf`` of component models with a ``discriminator`` | ``Annotated[A | B, Field(discriminator=...)]`` (build makes each branch's property a ``Literal`` of its values, or drops the discriminator when it cannot) |
| in a request (an argument, or inside a request view): a schema whose request view differs (a ``readOnly`` property, a required ``writeOnly`` one, or such a schema reached through it) | its request view ``<Name>Input`` (build switches the names; see :mod:`generator.build.request_views`) |
| ``$ref`` to a component model with a ``discriminator`` of its own that other component models extend (``allOf`` with a ``$ref`` to it) | the discriminated union of those models, as if the base were their ``oneOf`` with its discriminator (the base's own model stays, for its subtypes' fields) |
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.build import discriminator_schemas
from generator.build.inline_names import inline_name
from generator.build.schema_shapes import annotation_only, classify, extends_ref, extra_values, is_binary_schema, is_file, is_null, is_string_enum, literal_values, non_null_types, types_of
from generator.build.union_types import ANY, STR, string_union, union_of
from generator.ir import PyType
from generator.literals import pyliteral
from generator.naming import Namespace, class_identifier
from generator.read.components import component_section
from generator.read.document import Document

__all__ = ["ANY", "DISCRIMINATOR_MARK", "STR", "TypeMapper", "classify", "is_binary_schema", "literal_values"]


_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}
_STRING_FORMATS = {"date-time": "DateTime", "date": "date"}
_MAX_DEPTH = 64

DISCRIMINATOR_MARK = "\0"
"""Prefix of a discriminator that still holds the wire name (build puts the Python name in its place)."""

Warn = Callable[[str, str], None]
"""``warn(pointer, message)``: report an ``unsupported-schema`` warning."""


class TypeMapper:
    """Maps schemas to :class:`PyType`; ``names`` gives the class of each component schema, ``warn`` hears what it cannot map."""

    def __init__(self, document: Document, names: dict[str, str] | None = None, warn: Warn | None = None) -> None:
        self.document = document
        self._depth = 0
        self._expanding: list[str] = []
        schemas = component_section(document.data, "schemas")
        self.kinds = {str(name): self.kind_of(schema) for name, schema in schemas.items()}
        self.names = names if names is not None else {name: class_identifier(name, "Schema") for name in self.kinds}
        self.warn: Warn = warn or (lambda pointer, message: None)
        self.inlined: frozenset[str] = frozenset()  # aliases expanded where used (they are on an import cycle)
        self.classes: Namespace = Namespace(set(self.names.values()))
        self.inline_models: dict[str, tuple[str, dict[str, Any]]] = {}  # pointer -> (class name, schema), in the order met
        self.operation_names: dict[str, str] = {}  # "/paths/<path>/<method>" -> PascalCase name of its method
        self.subtypes = discriminator_schemas.subtypes(schemas, self.kinds)
        self.discriminated = discriminator_schemas.discriminator_values(document.data, self.kinds, self.subtypes)

    # -- what a schema is -----------------------------------------------------------

    def kind_of(self, schema: Any) -> str:
        """:func:`classify`, with an ``allOf`` of objects as a ``model``."""
        kind = classify(schema)
        if kind == "alias" and isinstance(schema, dict) and self.all_of_objects(schema):
            return "model"
        return kind

    def all_of_objects(self, schema: dict[str, Any]) -> bool:
        """Whether ``schema`` is an ``allOf`` whose branches are all objects (or only describe)."""
        branches = schema.get("allOf")
        if not isinstance(branches, list) or not branches or "anyOf" in schema or "oneOf" in schema:
            return False
        objects = 0
        for branch in branches:
            _, target = self.deref(branch)
            if annotation_only(target):
                continue
            if not isinstance(target, dict) or classify(target) != "model" and not self._nested_all_of(target):
                return False
            objects += 1
        return objects > 0

    def _nested_all_of(self, schema: dict[str, Any]) -> bool:
        if len(self._expanding) > _MAX_DEPTH:
            return False
        self._expanding.append("allOf")
        try:
            return self.all_of_objects(schema)
        finally:
            self._expanding.pop()

    def deref(self, schema: Any, pointer: str = "") -> tuple[str, Any]:
        """``(pointer, target)`` of a ``$ref`` chain; an unresolvable one gives ``(pointer, {})``."""
        return self.document.deref_or(pointer, schema, {})

    # -- inline models --------------------------------------------------------------

    def inline_model(self, pointer: str, schema: dict[str, Any]) -> PyType:
        """The model generated for an inline object schema (one per pointer), named after where it is."""
        if pointer not in self.inline_models:
            name, _ = self.classes.claim(class_identifier(self.inline_name(pointer), "Inline"), pointer)
            self.inline_models[pointer] = (name, schema)
        return PyType("model", self.inline_models[pointer][0])

    def inline_name(self, pointer: str) -> str:
        """``/components/schemas/Pet/properties/category`` -> ``PetCategory``; see :mod:`generator.build.inline_names`."""
        return inline_name(self.document, pointer, self.names, self.operation_names)

    def _is_inline_object(self, pointer: str, schema: dict[str, Any]) -> bool:
        """An object with properties (or an ``allOf`` of objects) that is not a component schema itself."""
        if "$ref" in schema and not extends_ref(schema) or pointer.count("/") == 3 and pointer.startswith("/components/schemas/"):
            return False
        if non_null_types(schema) not in ([], ["object"]) or schema.get("anyOf") or schema.get("oneOf"):
            return False
        properties = isinstance(schema.get("properties"), dict) and bool(schema["properties"])
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            kept = [b for b in all_of if not annotation_only(b)]
            return (len(kept) > 1 or properties and bool(kept)) and self.all_of_objects(schema)
        return properties

    # -- mapping --------------------------------------------------------------------

    def map(self, pointer: str, schema: Any) -> PyType:
        """The Python type of ``schema`` (found at ``pointer``)."""
        if not isinstance(schema, dict):
            return ANY
        if self._depth > _MAX_DEPTH:
            self.warn(pointer, "the schema nests too deeply; typed as Any")
            return ANY
        self._depth += 1
        try:
            return self._map(pointer, schema)
        finally:
            self._depth -= 1

    def _map(self, pointer: str, schema: dict[str, Any]) -> PyType:
        nullable = schema.get("nullable") is True or "null" in types_of(schema)
        if self._is_inline_object(pointer, schema):
            return self.inline_model(pointer, schema).with_nullable(nullable)
        if "$ref" in schema:
            return self._ref(pointer, schema).with_nullable(nullable) if nullable else self._ref(pointer, schema)
        key = "anyOf" if schema.get("anyOf") else "oneOf"
        if isinstance(schema.get(key), list) and schema[key] and "properties" not in schema:
            return self._discriminated(schema, self._union(f"{pointer}/{key}", schema[key], nullable))
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of and "properties" not in schema:
            return self._all_of(pointer, all_of, nullable)
        return self._plain(pointer, schema).with_nullable(nullable)

    def _discriminated(self, schema: dict[str, Any], mapped: PyType) -> PyType:
        """A union of models with the discriminator ``schema`` declares (the wire name; build puts the Python name in)."""
        found = discriminator_schemas.discriminator_of(schema, self.kinds)
        if found is not None and mapped.kind == "union" and all(a.kind == "model" for a in mapped.args):
            return PyType("union", args=mapped.args, nullable=mapped.nullable, discriminator=DISCRIMINATOR_MARK + found[0])
        return mapped

    def _ref(self, pointer: str, schema: dict[str, Any]) -> PyType:
        ref = schema["$ref"]
        prefix = discriminator_schemas.SCHEMAS_PREFIX
        name = ref[len(prefix) :] if isinstance(ref, str) and ref.startswith(prefix) else ""
        name = name.replace("~1", "/").replace("~0", "~")
        if name in self.subtypes:
            return self.map(pointer, self.subtypes[name])
        if name in self.kinds and name not in self.inlined:
            return PyType(self.kinds[name], self.names[name])  # type: ignore[arg-type]
        target_pointer, target = self.deref(schema, pointer)
        if target_pointer in self._expanding:
            self.warn(pointer, f"{ref!r} refers back to itself through aliases only; typed as Any")
            return ANY
        self._expanding.append(target_pointer)
        try:
            return self.map(target_pointer, target)
        finally:
            self._expanding.pop()

    def _all_of(self, pointer: str, branches: list[Any], nullable: bool) -> PyType:
        kept = [(i, b) for i, b in enumerate(branches) if not annotation_only(b)]
        if len(kept) == 1:
            index, branch = kept[0]
            mapped = self.map(f"{pointer}/allOf/{index}", branch)
            return mapped.with_nullable(nullable or mapped.nullable)
        if not kept:
            return ANY
        self.warn(pointer, "an allOf of schemas that are not all objects; typed as Any")
        return ANY

    def _union(self, pointer: str, branches: list[Any], nullable: bool) -> PyType:
        """A ``oneOf``/``anyOf``: a ``null`` branch makes it optional; string branches are one string; else the union of the branches' types."""
        indexed = [(i, b) for i, b in enumerate(branches) if not is_null(b)]
        nullable = nullable or len(indexed) < len(branches)
        types = [self.map(f"{pointer}/{i}", b) for i, b in indexed]
        if not types:
            return ANY
        if all(self._is_string(b) for _, b in indexed):
            return string_union(types, nullable)
        return union_of(types, nullable)

    def _is_string(self, schema: Any) -> bool:
        """Whether every value ``schema`` accepts is a string."""
        if not isinstance(schema, dict):
            return False
        if "$ref" in schema:
            _, schema = self.deref(schema)
            return isinstance(schema, dict) and "$ref" not in schema and self._is_string(schema)
        types = non_null_types(schema)
        return types == ["string"] and not isinstance(schema.get("enum"), list) or types in (["string"], []) and is_string_enum(schema)

    def _plain(self, pointer: str, schema: dict[str, Any]) -> PyType:
        """A schema without ``$ref`` or composition: a ``Literal``, a file, or the type of its ``type``."""
        literal = self._literal(pointer, schema)
        if literal is not None:
            return literal
        types = non_null_types(schema)
        if types in ([], ["string"]) and is_file(schema):
            return PyType("file")
        types = types or _implied_types(schema)
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
            extra = extra_values(schema)
            key = "additionalProperties" if "additionalProperties" in schema else "unevaluatedProperties"
            value = self.map(f"{pointer}/{key}", extra) if isinstance(extra, dict) else ANY
            return PyType("dict", args=(value,))
        if kind != "null":
            self.warn(pointer, f"unknown type {kind!r}; typed as Any")
        return ANY

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
    if isinstance(schema.get("properties"), dict) or extra_values(schema) is not None:
        return ["object"]
    return ["array"] if "items" in schema or "prefixItems" in schema else []

