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
| ``format: int64`` / ``double``, ``float``          | ``int`` / ``float``               |
| ``format: uuid``, ``byte`` (base64 text)           | ``str``                           |
| ``allOf`` of one schema (plus annotations)         | that schema's type                |
| ``allOf`` of objects, as a component schema        | one model with every branch's properties (later branches override earlier ones; ``required`` is the union) |
| an inline object with ``properties`` (or an inline ``allOf`` of objects) | a model named after where it is: ``Pet.category`` -> ``PetCategory``, the 200 response of ``get_pet`` -> ``GetPetResponse``, an array's items -> ``...Item``, the branches of an ``allOf`` add nothing, those of a ``oneOf`` ``OptionN`` |
| ``enum``/``const`` of values a ``Literal`` cannot hold (floats, objects) | the type without the enum (warning ``unsupported-schema``) |
| a reference cycle through aliases only, or nesting deeper than 64 | ``Any`` (warning ``unsupported-schema``) |
| ``$ref`` with ``nullable: true`` beside it         | the referenced type ``| None``     |
| ``oneOf``/``anyOf`` of component models with a ``discriminator`` | ``Annotated[A | B, Field(discriminator=...)]`` (build makes each branch's property a ``Literal`` of its values, or drops the discriminator when it cannot) |
| in a request (an argument, or inside a request view): a schema whose request view differs (a ``readOnly`` property, a required ``writeOnly`` one, or such a schema reached through it) | its request view ``<Name>Input`` (build switches the names; see ``Builder.request_views``) |
| ``$ref`` to a component model with a ``discriminator`` of its own that other component models extend (``allOf`` with a ``$ref`` to it) | the discriminated union of those models, as if the base were their ``oneOf`` with its discriminator (the base's own model stays, for its subtypes' fields) |
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.diagnostics import pointer_parts
from generator.ir import PyType
from generator.literals import pyliteral
from generator.read.loader import Document, UnresolvedRef
from generator.read.media_types import is_json_media_type
from generator.naming import Namespace, class_identifier, pascal_case, words

ANY = PyType("any")
STR = PyType("primitive", "str")

_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}
_MAX_DEPTH = 64
SCHEMAS_PREFIX = "#/components/schemas/"

DISCRIMINATOR_MARK = "\0"
"""Prefix of a discriminator that still holds the wire name (build puts the Python name in its place)."""

Warn = Callable[[str, str], None]
"""``warn(pointer, message)``: report an ``unsupported-schema`` warning."""


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
        return "alias"
    if isinstance(schema.get("properties"), dict) or _types_of(schema) == ["object"] and "additionalProperties" not in schema and not _has_union(schema):
        return "model"
    return "alias"


def _has_union(schema: dict[str, Any]) -> bool:
    return any(isinstance(schema.get(k), list) and schema.get(k) for k in ("anyOf", "oneOf", "allOf"))


def _types_of(schema: dict[str, Any]) -> list[str]:
    raw = schema.get("type")
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [t for t in raw if isinstance(t, str)]
    return []


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and (_types_of(schema) == ["null"] or schema.get("enum") == [None]) and "properties" not in schema


def is_binary_schema(schema: Any) -> bool:
    """Raw bytes: ``format: binary`` (OpenAPI 3.0) or a non-JSON ``contentMediaType`` (3.1)."""
    return isinstance(schema, dict) and _is_file(schema)


def _is_file(schema: dict[str, Any]) -> bool:
    """Raw bytes: ``format: binary`` (OpenAPI 3.0) or a non-JSON ``contentMediaType`` (3.1)."""
    media = schema.get("contentMediaType")
    return schema.get("format") == "binary" or (isinstance(media, str) and not is_json_media_type(media) and "contentEncoding" not in schema)


_ANNOTATIONS = {"description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "externalDocs", "xml", "nullable", "$comment"}


def _annotation_only(schema: Any) -> bool:
    """A schema that only describes (``{description: ...}``): it adds nothing to an ``allOf``."""
    return isinstance(schema, dict) and all(k in _ANNOTATIONS or str(k).startswith("x-") for k in schema)


class TypeMapper:
    """Maps schemas to :class:`PyType`; ``names`` gives the class of each component schema, ``warn`` hears what it cannot map."""

    def __init__(self, document: Document, names: dict[str, str] | None = None, warn: Warn | None = None) -> None:
        self.document = document
        self._depth = 0
        self._expanding: list[str] = []
        components = document.data.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        schemas = schemas if isinstance(schemas, dict) else {}
        self.kinds = {str(name): self.kind_of(schema) for name, schema in schemas.items()}
        self.names = names if names is not None else {name: class_identifier(name, "Schema") for name in self.kinds}
        self.warn: Warn = warn or (lambda pointer, message: None)
        self.inlined: frozenset[str] = frozenset()  # aliases expanded where used (they are on an import cycle)
        self.classes: Namespace = Namespace(set(self.names.values()))
        self.inline_models: dict[str, tuple[str, dict[str, Any]]] = {}  # pointer -> (class name, schema), in the order met
        self.operation_names: dict[str, str] = {}  # "/paths/<path>/<method>" -> PascalCase name of its method
        self.subtypes = self._subtypes(schemas)
        self.discriminated = self._discriminator_values(document.data)

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
            if _annotation_only(target):
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
        try:
            return self.document.deref(pointer, schema)
        except UnresolvedRef:
            return pointer, {}

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

    def inline_model(self, pointer: str, schema: dict[str, Any]) -> PyType:
        """The model generated for an inline object schema (one per pointer), named after where it is."""
        if pointer not in self.inline_models:
            name, _ = self.classes.claim(class_identifier(self.inline_name(pointer), "Inline"), pointer)
            self.inline_models[pointer] = (name, schema)
        return PyType("model", self.inline_models[pointer][0])

    def inline_name(self, pointer: str) -> str:
        """``/components/schemas/Pet/properties/category`` -> ``PetCategory``; see the table above."""
        tokens = pointer_parts(pointer)
        if len(tokens) >= 3 and tokens[0] == "paths":
            key = "/" + "/".join(t.replace("~", "~0").replace("/", "~1") for t in ["paths", tokens[1], tokens[2]])
            base = self.operation_names.get(key) or pascal_case(f"{tokens[2]} {tokens[1]}")
            rest = tokens[3:]
        elif len(tokens) >= 3 and tokens[0] == "components":
            suffix = {"schemas": "", "responses": "Response", "requestBodies": "Request", "parameters": "Param", "headers": "Header"}.get(tokens[1], "")
            base = (self.names.get(tokens[2]) if tokens[1] == "schemas" else None) or pascal_case(tokens[2]) + suffix
            rest = tokens[3:]
        else:
            base, rest = "Inline", tokens
        parts: list[str] = []
        index = 0
        while index < len(rest):
            token = rest[index]
            following = rest[index + 1] if index + 1 < len(rest) else ""
            step = 1
            if token in ("properties", "patternProperties") and following:
                parts.append(pascal_case(following) if words(following) else "Field")
                step = 2
            elif token == "allOf" and following.isdigit():
                step = 2  # the branches of an allOf are one object
            elif token in ("anyOf", "oneOf") and following.isdigit():
                parts.append(f"Option{int(following) + 1}")
                step = 2
            elif token == "responses" and following:
                parts.append("Response" if following.startswith("2") else f"Error{pascal_case(following)}")
                step = 2
            elif token == "parameters" and following.isdigit():
                parts.append(self._parameter_name(pointer, len(tokens) - len(rest) + index + 2))
                step = 2
            elif token == "content" and following:
                step = 2
            elif token == "items":
                parts.append("Item")
            elif token == "additionalProperties":
                parts.append("Value")
            elif token == "requestBody":
                parts.append("Request")
            elif token != "schema" and words(token):
                parts.append(pascal_case(token))
            index += step
        return base + "".join(parts) or "Inline"

    def _branch_name(self, ref: Any) -> str | None:
        """The component schema a discriminator branch (``$ref``) or mapping target (a ref or a bare name) is."""
        if not isinstance(ref, str):
            return None
        name = ref[len(SCHEMAS_PREFIX) :] if ref.startswith(SCHEMAS_PREFIX) else ref if "/" not in ref and "#" not in ref else None
        return name.replace("~1", "/").replace("~0", "~") if name is not None and name in self.kinds else None

    def discriminator_of(self, schema: dict[str, Any]) -> tuple[str, dict[str, list[str | int | bool]]] | None:
        """``(property, values of each branch schema)`` of a ``oneOf``/``anyOf`` with a usable ``discriminator``.

        Usable: every branch is a ``$ref`` to a component model, each gets at least one value
        (explicit ``mapping`` first, else its schema name), and no value names two branches.
        """
        discriminator = schema.get("discriminator")
        branches = schema.get("oneOf") or schema.get("anyOf")
        if not isinstance(discriminator, dict) or not isinstance(branches, list) or not isinstance(discriminator.get("propertyName"), str):
            return None
        names = [self._branch_name(b.get("$ref")) if isinstance(b, dict) and set(b) == {"$ref"} else None for b in branches if not _is_null(b)]
        if not names or any(n is None or self.kinds.get(n) != "model" for n in names) or len(set(names)) != len(names):
            return None
        mapping = discriminator.get("mapping")
        values: dict[str, list[str | int | bool]] = {str(n): [] for n in names}
        for value, target in (mapping.items() if isinstance(mapping, dict) else ()):
            branch = self._branch_name(target)
            if branch in values and isinstance(value, str):
                values[branch].append(value)
        for name, found in values.items():
            if not found:
                found.append(name)
        every = [v for found in values.values() for v in found]
        if len(set(every)) != len(every):
            return None
        return discriminator["propertyName"], values

    def _subtypes(self, schemas: dict[Any, Any]) -> dict[str, dict[str, Any]]:
        """Each component model with a ``discriminator`` of its own (no ``oneOf``/``anyOf``) that other
        component models extend (``allOf`` with a ``$ref`` to it), as the ``oneOf`` of those models
        with its discriminator: where the base is referred to, one of its subtypes is meant."""
        out: dict[str, dict[str, Any]] = {}
        for base, schema in schemas.items():
            discriminator = schema.get("discriminator") if isinstance(schema, dict) else None
            if self.kinds.get(str(base)) != "model" or not isinstance(discriminator, dict) or "oneOf" in schema or "anyOf" in schema:
                continue
            ref = SCHEMAS_PREFIX + str(base).replace("~", "~0").replace("/", "~1")
            children = [
                SCHEMAS_PREFIX + str(name).replace("~", "~0").replace("/", "~1")
                for name, child in schemas.items()
                if self.kinds.get(str(name)) == "model" and isinstance(child, dict) and isinstance(child.get("allOf"), list) and {"$ref": ref} in child["allOf"]
            ]
            if children:
                out[str(base)] = {"oneOf": [{"$ref": child} for child in children], "discriminator": discriminator}
        return out

    def _discriminator_values(self, data: Any) -> dict[str, dict[str, list[str | int | bool]]]:
        """For each component model: its discriminator property and the values that select it, across the document."""
        out: dict[str, dict[str, list[str | int | bool]]] = {}
        stack = [data, list(self.subtypes.values())]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if "discriminator" in node:
                    found = self.discriminator_of(node)
                    if found is not None:
                        for branch, values in found[1].items():
                            known = out.setdefault(branch, {}).setdefault(found[0], [])
                            known += [v for v in values if v not in known]
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        return out

    def _parameter_name(self, pointer: str, depth: int) -> str:
        """The PascalCase name of the parameter whose pointer is the first ``depth`` tokens of ``pointer``."""
        prefix = "/".join(pointer.split("/")[: depth + 1])
        try:
            _, param = self.document.deref(prefix, self.document.resolve("#" + prefix)[1])
        except UnresolvedRef:
            return "Param"
        name = param.get("name") if isinstance(param, dict) else None
        return pascal_case(name) if isinstance(name, str) and words(name) else "Param"

    def _is_inline_object(self, pointer: str, schema: dict[str, Any]) -> bool:
        """An object with properties (or an ``allOf`` of objects) that is not a component schema itself."""
        if "$ref" in schema or pointer.count("/") == 3 and pointer.startswith("/components/schemas/"):
            return False
        if [t for t in _types_of(schema) if t != "null"] not in ([], ["object"]) or schema.get("anyOf") or schema.get("oneOf"):
            return False
        properties = isinstance(schema.get("properties"), dict) and bool(schema["properties"])
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            kept = [b for b in all_of if not _annotation_only(b)]
            return (len(kept) > 1 or properties and bool(kept)) and self.all_of_objects(schema)
        return properties

    def _map(self, pointer: str, schema: dict[str, Any]) -> PyType:
        nullable = schema.get("nullable") is True or "null" in _types_of(schema)
        if self._is_inline_object(pointer, schema):
            return self.inline_model(pointer, schema).with_nullable(nullable)
        if "$ref" in schema:
            return self._ref(pointer, schema).with_nullable(nullable) if nullable else self._ref(pointer, schema)
        key = "anyOf" if schema.get("anyOf") else "oneOf"
        union = schema.get(key)
        if isinstance(union, list) and union and "properties" not in schema:
            mapped = self._union(f"{pointer}/{key}", union, nullable)
            found = self.discriminator_of(schema)
            if found is not None and mapped.kind == "union" and all(a.kind == "model" for a in mapped.args):
                # The Python name of the property; build checks every branch model has it as a Literal.
                return PyType("union", args=mapped.args, nullable=mapped.nullable, discriminator=DISCRIMINATOR_MARK + found[0])
            return mapped
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of and "properties" not in schema:
            return self._all_of(pointer, all_of, nullable)
        return self._plain(pointer, schema).with_nullable(nullable)

    def _ref(self, pointer: str, schema: dict[str, Any]) -> PyType:
        ref = schema["$ref"]
        name = ref[len(SCHEMAS_PREFIX) :] if isinstance(ref, str) and ref.startswith(SCHEMAS_PREFIX) else ""
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
        kept = [(i, b) for i, b in enumerate(branches) if not _annotation_only(b)]
        if len(kept) == 1:
            index, branch = kept[0]
            mapped = self.map(f"{pointer}/allOf/{index}", branch)
            return mapped.with_nullable(nullable or mapped.nullable)
        if not kept:
            return ANY
        self.warn(pointer, "an allOf of schemas that are not all objects; typed as Any")
        return ANY

    def _union(self, pointer: str, branches: list[Any], nullable: bool) -> PyType:
        indexed = [(i, b) for i, b in enumerate(branches) if not _is_null(b)]
        kept = [b for _, b in indexed]
        nullable = nullable or len(kept) < len(branches)
        types = [self.map(f"{pointer}/{i}", b) for i, b in indexed]
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
            for part in t.args if t.kind == "union" and not t.nullable else (t,):
                if part not in unique:
                    unique.append(part)
        if any(t.kind == "any" for t in unique):
            return ANY
        if any(t.nullable for t in unique):
            nullable = True
            unique = [t.with_nullable(False) for t in unique]
            unique = [t for i, t in enumerate(unique) if t not in unique[:i]]
        if len(unique) == 1:
            return unique[0].with_nullable(nullable)
        return PyType("union", args=tuple(unique), nullable=nullable)

    def _is_string(self, schema: Any) -> bool:
        """Whether every value ``schema`` accepts is a string."""
        if not isinstance(schema, dict):
            return False
        if "$ref" in schema:
            _, schema = self.deref(schema)
            return isinstance(schema, dict) and "$ref" not in schema and self._is_string(schema)
        types = [t for t in _types_of(schema) if t != "null"]
        return types == ["string"] and not isinstance(schema.get("enum"), list) or types in (["string"], []) and literal_values(schema.get("enum")) is not None and all(isinstance(v, str) for v in schema["enum"] if v is not None)

    def _plain(self, pointer: str, schema: dict[str, Any]) -> PyType:
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
        types = [t for t in _types_of(schema) if t != "null"]
        if types in ([], ["string"]) and _is_file(schema):
            return PyType("file")
        if not types:
            if isinstance(schema.get("properties"), dict) or "additionalProperties" in schema:
                types = ["object"]
            elif "items" in schema:
                types = ["array"]
            else:
                return ANY
        if len(types) > 1:
            parts: list[PyType] = []
            for t in types:
                mapped = self._plain(pointer, {**schema, "type": t})
                if mapped.kind == "any":
                    return ANY
                if mapped not in parts:
                    parts.append(mapped)
            return parts[0] if len(parts) == 1 else PyType("union", args=tuple(parts))
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
            items = schema.get("items", {})
            if isinstance(items, list):  # tuple validation (JSON Schema draft 4 style)
                items = {}
            return PyType("list", args=(self.map(f"{pointer}/items", items),))
        if kind == "object":
            extra = schema.get("additionalProperties")
            value = self.map(f"{pointer}/additionalProperties", extra) if isinstance(extra, dict) else ANY
            return PyType("dict", args=(value,))
        if kind != "null":
            self.warn(pointer, f"unknown type {kind!r}; typed as Any")
        return ANY
