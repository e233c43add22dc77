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
| ``allOf`` of one schema (plus branches that only describe or constrain: ``{required: [id]}``, ``{minLength: 3}``) | that schema's type |
| ``allOf`` of objects, as a component schema        | one model with every branch's properties (later branches override earlier ones; ``required`` is the union, a ``{required: [...]}`` branch's too) |
| an inline object with ``properties`` (or an inline ``allOf`` of objects) | a model named after where it is: ``Pet.category`` -> ``PetCategory``, the 200 response of ``get_pet`` -> ``GetPetResponse``, an array's items -> ``...Item``, the branches of an ``allOf`` add nothing, those of a ``oneOf`` ``OptionN`` |
| ``enum``/``const`` of values a ``Literal`` cannot hold (floats, objects) | the type without the enum, or without ``type`` the values' (``const: 0.5``: ``float``; warning ``unsupported-schema``) |
| ``patternProperties`` of a map closed by ``additionalProperties``/``unevaluatedProperties`` (``false`` or a schema) | ``dict[str, P | A]``, the union of the patterns' and the extra values' types (open: ``dict[str, Any]``) |
| an object whose properties only ``then``/``else``/``dependentSchemas`` declare | a model of optional fields (see :mod:`generator.build.conditional_fields`) |
| a reference cycle through aliases only, or nesting deeper than 64 | ``Any`` (warning ``unsupported-schema``) |
| ``$ref`` with ``nullable: true`` beside it         | the referenced type ``| None``     |
| ``oneOf``/``anyOf`` of component models with a ``discriminator`` | ``Annotated[A | B, Field(discriminator=...)]`` (build makes each branch's property a ``Literal`` of its values, or drops the discriminator when it cannot, or when a branch's ``enum`` leaves its value out) |
| in a request (an argument, or inside a request view): a schema whose request view differs (a ``readOnly`` property, a required ``writeOnly`` one, or such a schema reached through it) | its request view ``<Name>Input`` (build switches the names; see :mod:`generator.build.request_views`) |
| ``$ref`` to a component model with a ``discriminator`` of its own that other component models extend (``allOf`` with a ``$ref`` to it) | the discriminated union of those models, as if the base were their ``oneOf`` with its discriminator (the base's own model stays, for its subtypes' fields) |
"""

from __future__ import annotations

from typing import Any

from generator.build import discriminator_schemas
from generator.build.inline_names import inline_name
from generator.build.plain_types import PlainTypes, Warn
from generator.build.schema_shapes import adds_no_type, classify, conditional_object, extends_ref, is_binary_schema, is_null, is_string_enum, literal_values, non_null_types, types_of
from generator.build.union_types import ANY, STR, string_union, union_of
from generator.ir import PyType
from generator.naming import Namespace, class_identifier
from generator.read.components import component_section
from generator.read.document import Document

__all__ = ["ANY", "DISCRIMINATOR_MARK", "STR", "TypeMapper", "classify", "is_binary_schema", "literal_values"]


_MAX_DEPTH = 64

DISCRIMINATOR_MARK = "\0"
"""Prefix of a discriminator that still holds the wire name (build puts the Python name in its place)."""


class TypeMapper(PlainTypes):
    """Maps schemas to :class:`PyType`; ``names`` gives the class of each component schema, ``warn`` hears what it cannot map."""

    def __init__(self, document: Document, names: dict[str, str] | None = None, warn: Warn | None = None) -> None:
        self.document = document
        self._depth = 0
        self._expanding: list[str] = []
        schemas = self.component_schemas = component_section(document.data, "schemas")
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
            if adds_no_type(target):
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
        properties = isinstance(schema.get("properties"), dict) and bool(schema["properties"]) or conditional_object(schema)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            kept = [b for b in all_of if not adds_no_type(b)]
            if kept:
                return (len(kept) > 1 or properties) and self.all_of_objects(schema)
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
        found = discriminator_schemas.discriminator_of(schema, self.kinds, self.component_schemas)
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
        kept = [(i, b) for i, b in enumerate(branches) if not adds_no_type(b)]
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
