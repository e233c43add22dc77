"""Stage 3: build the intermediate representation (:mod:`generator.ir`) from a valid spec.

Runs only after :mod:`generator.check.validate` found no errors, so it may rely on what the
rules there guarantee (local refs that resolve, one tag and one operationId per
operation). The mapping from JSON Schema to Python types lives in :mod:`generator.build.schema_types`.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Callable

from generator import __version__
from generator.build import extensions, parameter_styles, security
from generator.build.errors import ERROR_CLASSES, error_class
from generator.diagnostics import CODES, Diagnostic, Diagnostics, pointer_join
from generator.ir import (
    Alias,
    Api,
    Body,
    Enum,
    EnumValue,
    Field,
    Model,
    Operation,
    PackageConfig,
    PyType,
    Response,
    Schema,
    SecurityScheme,
    Tag,
    Value,
)
from generator.read.loader import Document
from generator.naming import Namespace, class_identifier, identifier, module_name, snake_case, words
from generator.literals import pyliteral as pyrepr
from generator.build.import_cycles import cyclic_aliases, late_imports
from generator.build.schema_types import DISCRIMINATOR_MARK, TypeMapper, is_binary_schema, literal_values
from generator.read.media_types import is_json_media_type, is_raw_media_type, request_media_type
from generator.read.operations import iter_operations

#: Where a parameter may be, in the order of the method's arguments.
LOCATIONS = ("path", "query", "header", "cookie")

def value(raw: Any) -> Value:
    """A spec literal with its Python source (``repr``) and its JSON text for docs."""
    return Value(value=raw, python=pyrepr(raw), text=json.dumps(raw, ensure_ascii=False))


#: Names a generated class may not take: the names model modules import.
RESERVED_CLASSES = frozenset({"Any", "BaseModel", "DateTime", "Field", "FileInput", "Literal", "TypeAlias"})
#: Field names a model may not take: pydantic's own attributes, the SDK model's methods, and
#: the types annotations use (``date: date`` would make the annotation the field's default).
RESERVED_FIELDS = frozenset(
    {
        "construct", "copy", "dict", "from_orm", "json", "parse_file", "parse_obj", "parse_raw", "schema", "schema_json",
        "update_forward_refs", "validate", "to_dict", "to_json", "model_config", "model_fields", "model_computed_fields",
        "model_extra", "model_fields_set", "model_construct", "model_copy", "model_dump", "model_dump_json",
        "model_json_schema", "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
        "model_validate_json", "model_validate_strings", "str", "int", "float", "bool", "list", "dict", "bytes", "date",
        "object", "type",
    }
)
#: Argument names a method may not take: ``self``, the helpers its body calls, the builtins it uses.
RESERVED_ARGUMENTS = frozenset(
    {"self", "path_template", "without_none", "multipart", "require_exactly_one", "form_body", "binary_body", "abinary_body", "path_param", "query_param", "header_param", "cookie_pairs", "str", "int", "float", "bool", "list", "dict", "bytes", "date", "object", "type", "Any"}
)
#: Client attributes a tag may not take.
RESERVED_ATTRIBUTES = frozenset({"base_url", "timeout", "request", "close", "with_options", "api_key", "models", "resources"})


def text(raw: Any) -> str:
    """A description or summary as plain text (strip surrounding whitespace; non-strings become '')."""
    return raw.strip() if isinstance(raw, str) else ""


def constraints(schema: dict[str, Any]) -> tuple[str, ...]:
    """Human-readable limits of a schema, in a fixed order."""
    out: list[str] = []
    if not isinstance(schema, dict):
        return ()
    if "minimum" in schema:
        out.append(f"minimum {schema['minimum']}")
    if "exclusiveMinimum" in schema and not isinstance(schema["exclusiveMinimum"], bool):
        out.append(f"greater than {schema['exclusiveMinimum']}")
    if "maximum" in schema:
        out.append(f"maximum {schema['maximum']}")
    if "exclusiveMaximum" in schema and not isinstance(schema["exclusiveMaximum"], bool):
        out.append(f"less than {schema['exclusiveMaximum']}")
    if "multipleOf" in schema:
        out.append(f"multiple of {schema['multipleOf']}")
    if "minLength" in schema:
        out.append(f"at least {schema['minLength']} characters")
    if "maxLength" in schema:
        out.append(f"at most {schema['maxLength']} characters")
    if "pattern" in schema:
        out.append(f"matches `{schema['pattern']}`")
    if "minItems" in schema:
        out.append(f"at least {schema['minItems']} items")
    if "maxItems" in schema:
        out.append(f"at most {schema['maxItems']} items")
    if schema.get("format") in ("uri", "url"):
        out.append("a URL")
    return tuple(out)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def files_as_bytes(type_: PyType) -> PyType:
    """``type_`` with each file (an upload argument's ``FileInput``) as ``bytes``: the shape a named schema holds."""
    if type_.kind == "file":
        return PyType("primitive", "bytes", nullable=type_.nullable)
    if not type_.args:
        return type_
    return PyType(type_.kind, type_.name, tuple(files_as_bytes(a) for a in type_.args), type_.nullable, type_.discriminator)


def _with_type(field: Field, type_: PyType) -> Field:
    """``field`` with ``type_`` (itself when that is its type already)."""
    return field if type_ is field.type else replace(field, type=type_)


def _with_argument_fields(op: Operation, change: Callable[[Field], Field]) -> Operation:
    """``op`` with ``change`` applied to each field its method takes: parameters and body fields."""
    body = replace(op.body, fields=tuple(change(f) for f in op.body.fields)) if op.body else None
    return replace(
        op,
        path_params=tuple(change(f) for f in op.path_params),
        query_params=tuple(change(f) for f in op.query_params),
        header_params=tuple(change(f) for f in op.header_params),
        cookie_params=tuple(change(f) for f in op.cookie_params),
        body=body,
    )


def path_tag(path: str) -> str:
    """The tag of an untagged operation: the first path segment that is not a parameter, ``api`` or a version (``v1``)."""
    for segment in path.split("/"):
        if not segment or "{" in segment or segment.lower() == "api" or (segment[:1] in "vV" and segment[1:].isdigit()):
            continue
        if words(segment):
            return segment
    return "default"


class Builder:
    def __init__(self, document: Document, config: PackageConfig) -> None:
        self.document = document
        self.config = config
        self.found = Diagnostics()
        self._schemes: tuple[SecurityScheme, ...] | None = None
        self.renamed: set[tuple[str, str]] = set()
        self.warned: set[tuple[str, str]] = set()
        self.classes = Namespace(RESERVED_CLASSES)
        self.modules = Namespace()
        self.names: dict[str, tuple[str, str]] = {}  # component schema -> (class, module)
        self.examples: dict[tuple[str, int], Any] = {}  # (pointer, depth) -> what example_of composed there
        components = _dict(document.data.get("components"))
        self.raw_schemas = _dict(components.get("schemas"))
        for key in self.raw_schemas:
            at = pointer_join("/components/schemas", key)
            cls = self.claim(self.classes, class_identifier(key, "Schema"), at, f"schema {key!r}", "class")
            module = self.claim(self.modules, module_name(cls) or "schema", at, f"schema {key!r}", "module")
            self.names[str(key)] = (cls, module)
        self.types = TypeMapper(document, {k: v[0] for k, v in self.names.items()}, self.unsupported)
        self.types.inlined = cyclic_aliases(self.raw_schemas, self.types.kinds)
        self.enum_bases: dict[str, str] = {}  # enum class -> the type of its values, when they share one
        for key, kind in self.types.kinds.items():
            values = literal_values(_dict(self.raw_schemas.get(key)).get("enum")) or []
            if kind == "enum" and values and all(isinstance(v, str) for v in values):
                self.enum_bases[self.names[key][0]] = "str"
            elif kind == "enum" and values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                self.enum_bases[self.names[key][0]] = "int"
        self.types.classes = Namespace(set(self.classes.owners) | RESERVED_CLASSES)

    # -- diagnostics -----------------------------------------------------------------

    def warn(self, code: str, pointer: str, message: str, severity: str = "warning") -> None:
        """Report a warning (or an info), once per code and place (a body property is a model field and an argument too)."""
        if (code, pointer) in self.warned:
            return
        self.warned.add((code, pointer))
        self.found.add(self.document.diagnostic(code, severity, pointer, message, CODES[code][1]))

    def unsupported(self, pointer: str, message: str) -> None:
        self.warn("unsupported-schema", pointer, message)

    def claim(self, namespace: Namespace, wanted: str, pointer: str, owner: str, what: str) -> str:
        """Take a Python name in ``namespace``; warn when it had to change because another name has it (once per pointer and owner)."""
        name, clash = namespace.claim(wanted, owner)
        if clash is not None and clash != owner and (pointer, owner) not in self.renamed:
            self.renamed.add((pointer, owner))
            self.warn("name-collision", pointer, f"{clash} and {owner} both become {what} {wanted!r}; {owner} is named {name!r}")
        return name

    def python_name(self, namespace: Namespace, wire_name: Any, pointer: str, what: str, source: str = "") -> str:
        """The snake_case name of a property or parameter, unique in ``namespace``; ``source`` says where it comes from."""
        wanted = identifier(wire_name, "field")
        if not words(str(wire_name)):
            self.warn("invalid-name", pointer, f"{what} {wire_name!r} has no letters or digits; it is named {wanted!r}")
        return self.claim(namespace, wanted, pointer, f"{source or what} {wire_name!r}", what)

    # -- schemas -------------------------------------------------------------------

    def schemas(self) -> tuple[Schema, ...]:
        return tuple(self.schema(str(key), schema) for key, schema in self.raw_schemas.items())

    def schema(self, schema_name: str, schema: Any) -> Schema:
        pointer = pointer_join("/components/schemas", schema_name)
        name, module = self.names[schema_name]
        raw = _dict(schema)
        description = text(raw.get("description")) or text(raw.get("title"))
        kind = self.types.kinds[schema_name]
        if kind == "enum":
            values = tuple(EnumValue(v, pyrepr(v)) for v in literal_values(raw.get("enum")) or ())
            value_type = "int" if all(isinstance(v.value, int) for v in values) else "str"
            return Enum(name, module, schema_name, description, values, pointer, value_type)
        if kind == "model":
            return self.model(name, module, schema_name, pointer, raw, component=schema_name)
        return Alias(name, module, schema_name, description, files_as_bytes(self.types.map(pointer, schema)), pointer)

    def model(self, name: str, module: str, schema_name: str, pointer: str, raw: dict[str, Any], component: str = "", request: bool = False) -> Model:
        """The model of an object schema: its response view, or with ``request`` its request view
        (``readOnly`` properties left out, ``writeOnly`` ones required as declared, enums closed)."""
        properties, required = self.object_shape(pointer, raw)
        fields = self.fields(properties, required, location="body", request=request)
        if not request:  # responses parse into it: open to enum values the spec does not list yet
            fields = tuple(_with_type(f, self.open_enum(f.type)) for f in fields)
        selects = self.types.discriminated.get(component, {}) if component else {}
        if selects:
            fields = tuple(self.discriminator_field(f, selects[f.wire_name]) if f.wire_name in selects else f for f in fields)
        example = raw.get("example")
        if request and isinstance(example, dict):
            kept = {f.wire_name for f in fields}
            example = {k: v for k, v in example.items() if k in kept or k not in properties}
        return Model(
            name=name,
            module=module,
            schema_name=schema_name,
            description=text(raw.get("description")) or text(raw.get("title")),
            fields=fields,
            pointer=pointer,
            exactly_one_of=self.exactly_one_of(raw),
            example=value(example) if "example" in raw else None,
        )

    def open_enum(self, type_: PyType) -> PyType:
        """A model field's type with each enum open to values the spec does not list: ``Mood`` -> ``Mood | str``.

        Models are what responses parse into, and an API adds enum values before its spec
        says so. Single-value ``Literal`` types (``const``) stay closed.
        """
        if type_.kind == "enum":
            base = self.enum_bases.get(type_.name)
            return PyType("union", args=(type_.with_nullable(False), PyType("primitive", base)), nullable=type_.nullable) if base else type_
        if type_.kind == "primitive" and type_.name.startswith("Literal[") and ", " in type_.name and "True" not in type_.name and "False" not in type_.name:
            base = "str" if "'" in type_.name or '"' in type_.name else "int"
            return PyType("union", args=(type_.with_nullable(False), PyType("primitive", base)), nullable=type_.nullable)
        if type_.kind in ("list", "dict"):
            return PyType(type_.kind, type_.name, tuple(self.open_enum(a) for a in type_.args), type_.nullable, type_.discriminator)
        if type_.kind == "union" and not type_.discriminator:
            args: list[PyType] = []
            for arg in type_.args:
                opened = self.open_enum(arg)
                for part in opened.args if opened.kind == "union" and opened is not arg and not opened.nullable else (opened,):
                    if part not in args:
                        args.append(part)
            return PyType("union", args=tuple(args), nullable=type_.nullable)
        return type_

    def discriminator_field(self, field: Field, values: list[Any]) -> Field:
        """The field a discriminator selects this model by: a ``Literal`` of its values (the first is the default when optional)."""
        literal = PyType("primitive", f"Literal[{', '.join(pyrepr(v) for v in values)}]")
        default = field.default if field.default is not None and field.default.value in values else value(values[0])
        return replace(field, type=literal, default=None if field.required else default)

    def resolve_discriminators(self, schemas: list[Schema], tags: tuple[Tag, ...]) -> tuple[list[Schema], tuple[Tag, ...]]:
        """Put the Python name of the discriminator field in each discriminated union, or drop the discriminator.

        A union stays discriminated only when every branch model has the property as a
        ``Literal`` (see :meth:`discriminator_field`), under one Python name.
        """
        models = {s.name: s for s in schemas if isinstance(s, Model)}

        def fix(type_: PyType) -> PyType:
            args = tuple(fix(a) for a in type_.args)
            discriminator = type_.discriminator
            if discriminator.startswith(DISCRIMINATOR_MARK):
                wire = discriminator[len(DISCRIMINATOR_MARK) :]
                names = set()
                for arg in args:
                    found = [f for f in models[arg.name].fields if f.wire_name == wire and f.type.uses_literal] if arg.name in models else []
                    names.add(found[0].name if found else "")
                discriminator = names.pop() if len(names) == 1 and "" not in names else ""
            elif all(new is old for new, old in zip(args, type_.args)):
                return type_  # nothing to fix in it
            return PyType(type_.kind, type_.name, args, type_.nullable, discriminator)

        def fix_field(field: Field) -> Field:
            return _with_type(field, fix(field.type))

        out: list[Schema] = []
        for schema in schemas:
            if isinstance(schema, Model):
                fields = tuple(fix_field(f) for f in schema.fields)
                out.append(schema if all(new is old for new, old in zip(fields, schema.fields)) else replace(schema, fields=fields))
            elif isinstance(schema, Alias):
                out.append(replace(schema, type=fix(schema.type)))
            else:
                out.append(schema)
        aliases = {s.name: s for s in out if isinstance(s, Alias)}
        fixed_tags = []
        for tag in tags:
            operations = []
            for op in tag.operations:
                responses = tuple(replace(r, type=fix(r.type)) if r.type is not None else r for r in op.responses)
                success = next((i for i, r in enumerate(responses) if r.is_success), None)
                needs_cast = False
                if success is not None and responses[success].type is not None:
                    returned = self.returnable(responses[success].type, aliases)  # type: ignore[arg-type]
                    needs_cast = self.needs_cast(returned, aliases)
                    responses = responses[:success] + (replace(responses[success], type=returned),) + responses[success + 1 :]
                operations.append(replace(_with_argument_fields(op, fix_field), responses=responses, return_needs_cast=needs_cast))
            fixed_tags.append(replace(tag, operations=tuple(operations)))
        return out, tuple(fixed_tags)

    def returnable(self, type_: PyType, aliases: dict[str, Alias], depth: int = 0) -> PyType:
        """A return type mypy accepts as ``type[T]``: enums and ``Literal`` types as their values' type (an
        answer with a new value still parses), an alias that holds one written out."""
        if type_.kind == "enum":
            return PyType("primitive", self.enum_bases.get(type_.name, "str"), nullable=type_.nullable) if type_.name in self.enum_bases else PyType("any")
        if type_.kind == "primitive" and type_.name.startswith("Literal["):
            inner = type_.name[len("Literal[") : -1]
            base = "bool" if inner in ("True", "False", "True, False", "False, True") else "str" if "'" in inner or '"' in inner else "int"
            return PyType("primitive", base, nullable=type_.nullable)
        if type_.kind == "alias" and type_.name in aliases and depth < 16:
            target = aliases[type_.name].type
            opened = self.returnable(target, aliases, depth + 1)
            return type_ if opened == target else opened.with_nullable(type_.nullable or opened.nullable)
        if type_.args and depth < 16:
            args = tuple(self.returnable(a, aliases, depth + 1) for a in type_.args)
            if args == type_.args:
                return type_
            if type_.kind == "union" and any(a.kind == "any" for a in args):
                return PyType("any")
            unique = tuple(a for i, a in enumerate(args) if a not in args[:i])
            if type_.kind == "union" and len(unique) == 1:
                return unique[0].with_nullable(type_.nullable or unique[0].nullable)
            return PyType(type_.kind, type_.name, unique, type_.nullable, type_.discriminator)
        return type_

    def needs_cast(self, type_: PyType, aliases: dict[str, Alias], depth: int = 0) -> bool:
        """Whether ``cast_to`` must be cast to ``type[...]`` for mypy: a union, an optional, an alias of either."""
        if type_.kind == "any":
            return False
        if type_.nullable or type_.kind == "union":
            return True
        if type_.kind == "alias" and type_.name in aliases and depth < 16:
            return self.needs_cast(aliases[type_.name].type, aliases, depth + 1)
        return False

    def inline_models(self) -> list[Schema]:
        """A model for each inline object met while mapping types (mapping one may meet more)."""
        out: list[Schema] = []
        done: set[str] = set()
        while pending := [p for p in self.types.inline_models if p not in done]:
            for pointer in pending:
                done.add(pointer)
                name, raw = self.types.inline_models[pointer]
                module = self.claim(self.modules, module_name(name) or "inline", pointer, f"inline schema {name!r}", "module")
                out.append(self.model(name, module, name, pointer, raw))
        return out

    def request_views(self, schemas: list[Schema], tags: tuple[Tag, ...]) -> tuple[list[Schema], tuple[Tag, ...]]:
        """Add a request view (``UserInput``) of each schema whose views differ and that a request
        reaches, and make requests use it.

        A model's views differ when it has a ``readOnly`` property or a required ``writeOnly``
        one (see :meth:`fields`), or when it or an alias reaches a model whose views differ
        (through properties, items, ``additionalProperties``, ``allOf``/``oneOf``/``anyOf``). A
        request reaches a schema through the types of its arguments (parameters and body
        properties; a flattened body's own schema is its arguments, not a model), then through
        the request views' types. The request view is named ``<Name>Input`` (a name another
        schema has gets ``_2``, with a ``name-collision`` warning) and follows its schema in the
        list; arguments and request views refer to request views, responses to the schemas.
        """
        inline = {pointer: name for pointer, (name, _) in self.types.inline_models.items()}
        refs: dict[str, frozenset[str]] = {}
        differ: set[str] = set()
        for schema in schemas:
            if isinstance(schema, Model):
                refs[schema.name] = frozenset().union(*(f.type.schema_names for f in schema.fields))
                if self.views_differ(*self.object_shape(schema.pointer, self.raw_of(schema, inline)[0])):
                    differ.add(schema.name)
            elif isinstance(schema, Alias):
                refs[schema.name] = schema.type.schema_names
        referrers: dict[str, set[str]] = {}
        for name, targets in refs.items():
            for target in targets:
                referrers.setdefault(target, set()).add(name)
        pending = sorted(differ)
        while pending:  # whatever reaches a schema whose views differ differs too
            for referrer in referrers.get(pending.pop(), ()):
                if referrer not in differ:
                    differ.add(referrer)
                    pending.append(referrer)
        if not differ:
            return schemas, tags
        by_name = {s.name: s for s in schemas}
        views: dict[str, Schema] = {}  # schema -> its request view (names of its types not yet switched)
        pending = sorted({n for tag in tags for op in tag.operations for f in op.arguments for n in f.type.schema_names} & differ)
        while pending:
            name = pending.pop()
            if name in views:
                continue
            schema = by_name[name]
            if isinstance(schema, Model):
                raw, component = self.raw_of(schema, inline)
                view = self.model(name, schema.module, schema.schema_name, schema.pointer, raw, component=component, request=True)
                views[name] = view
                pending += [n for f in view.fields for n in f.type.schema_names if n in differ and n not in views]
            elif isinstance(schema, Alias):
                views[name] = schema
                pending += [n for n in schema.type.schema_names if n in differ and n not in views]
        inputs: dict[str, tuple[str, str]] = {}  # schema -> (class, module) of its request view, claimed in schema order
        for schema in schemas:
            if schema.name in views:
                owner = f"the request view of schema {schema.schema_name!r}"
                cls = self.claim_class(schema.name + "Input", schema.pointer, owner)
                inputs[schema.name] = (cls, self.claim(self.modules, module_name(cls) or "schema", schema.pointer, owner, "module"))
        names = {name: cls for name, (cls, _) in inputs.items()}

        def switch(type_: PyType) -> PyType:
            name = names.get(type_.name, type_.name) if type_.kind in ("model", "alias") else type_.name
            return PyType(type_.kind, name, tuple(switch(a) for a in type_.args), type_.nullable, type_.discriminator)

        def switch_field(field: Field) -> Field:
            return replace(field, type=switch(field.type))

        out: list[Schema] = []
        for schema in schemas:
            out.append(schema)
            made = views.get(schema.name)
            if isinstance(made, Model):
                out.append(replace(made, name=names[schema.name], module=inputs[schema.name][1], fields=tuple(switch_field(f) for f in made.fields), request_view_of=schema.name))
            elif isinstance(made, Alias):
                out.append(replace(made, name=names[schema.name], module=inputs[schema.name][1], type=switch(made.type), request_view_of=schema.name))
        fixed = tuple(replace(tag, operations=tuple(_with_argument_fields(op, switch_field) for op in tag.operations)) for tag in tags)
        return out, fixed

    def raw_of(self, model: Model, inline: dict[str, str]) -> tuple[dict[str, Any], str]:
        """The raw schema of a generated model, and its component schema's key ("" for an inline model)."""
        if inline.get(model.pointer) == model.name:
            return _dict(self.types.inline_models[model.pointer][1]), ""
        return _dict(self.raw_schemas.get(model.schema_name)), model.schema_name

    def claim_class(self, wanted: str, pointer: str, owner: str) -> str:
        """Take a class name beside the component and inline schemas' ones: ``wanted``, or when
        another class has it ``wanted_2`` (``_3``...) with a ``name-collision`` warning."""
        classes = self.types.classes
        taken = set(classes.owners) | classes.reserved
        if wanted not in taken:
            classes.owners[wanted] = owner
            return wanted
        number = 2
        while f"{wanted}_{number}" in taken:
            number += 1
        name = f"{wanted}_{number}"
        classes.owners[name] = owner
        schema = next((key for key, (cls, _) in self.names.items() if cls == wanted), None)
        clash = f"schema {schema!r}" if schema is not None else f"inline schema {wanted!r}" if wanted in classes.owners else f"the SDK's {wanted!r}"
        self.warn("name-collision", pointer, f"{clash} and {owner} both become class {wanted!r}; {owner} is named {name!r}")
        return name

    def object_shape(self, pointer: str, schema: dict[str, Any], seen: frozenset[str] = frozenset()) -> tuple[dict[str, tuple[str, Any]], set[str]]:
        """``(properties, required)`` of an object schema, with the branches of its ``allOf`` merged in.

        Branches merge in order, the schema's own ``properties`` last: a property declared
        again replaces the earlier declaration; ``required`` is the union of all.
        """
        properties: dict[str, tuple[str, Any]] = {}
        required: set[str] = set()
        for index, branch in enumerate(_list(schema.get("allOf"))):
            at, target = self.types.deref(branch, pointer_join(pointer, "allOf", index))
            if at in seen or not isinstance(target, dict):
                continue
            more, needed = self.object_shape(at, target, seen | {pointer})
            properties.update(more)
            required |= needed
        for wire_name, prop in _dict(schema.get("properties")).items():
            properties[str(wire_name)] = (pointer_join(pointer, "properties", wire_name), prop)
        required |= {str(r) for r in _list(schema.get("required")) if isinstance(r, (str, int))}
        return properties, required

    def fields(self, properties: dict[str, tuple[str, Any]], required: set[str], *, location: str, namespace: Namespace | None = None, request: bool | None = None) -> tuple[Field, ...]:
        """Fields of ``properties``: a model's (``namespace`` not given) or a request's arguments.

        The response view (a model's, unless ``request``) makes ``writeOnly`` properties
        optional, since responses leave them out; the request view (arguments, and a model's
        with ``request``) leaves ``readOnly`` ones out. A model's request view names its fields
        as its response view does (read-only properties still take their names).
        """
        is_model = namespace is None
        request = not is_model if request is None else request
        namespace = namespace or Namespace(RESERVED_FIELDS)
        out = []
        for wire_name, (prop_pointer, prop) in properties.items():
            flags = self.access(prop)
            if not is_model and "readOnly" in flags:
                continue
            what = "field" if is_model else "argument"
            name = self.python_name(namespace, wire_name, prop_pointer, what, "property" if is_model else f"{location} field")
            if request and "readOnly" in flags:
                continue
            needed = wire_name in required and not (not request and "writeOnly" in flags)
            out.append(self.field(prop_pointer, wire_name, prop, needed, location, name))
        return tuple(out)

    def views_differ(self, properties: dict[str, tuple[str, Any]], required: set[str]) -> bool:
        """Whether an object's request view differs from its response view: a ``readOnly``
        property, or a required ``writeOnly`` one (optional in responses)."""
        for wire_name, (_, prop) in properties.items():
            flags = self.access(prop)
            if "readOnly" in flags or "writeOnly" in flags and wire_name in required:
                return True
        return False

    def access(self, prop: Any) -> set[str]:
        """``readOnly`` and ``writeOnly`` of a property, beside a ``$ref`` or on its target."""
        own = _dict(prop)
        _, target = self.types.deref(own)
        return {flag for flag in ("readOnly", "writeOnly") if own.get(flag) is True or _dict(target).get(flag) is True}

    def field(self, pointer: str, wire_name: str, prop: Any, required: bool, location: str, name: str | None = None) -> Field:
        """One property (or parameter schema) as a :class:`Field`."""
        own = prop if isinstance(prop, dict) else {}
        _, target = self.types.deref(own, pointer)
        target = target if isinstance(target, dict) else {}
        description = text(own.get("description")) or (text(target.get("description")) if "$ref" not in own else "")
        default = own.get("default", target.get("default") if "$ref" not in own else None)
        example = own.get("example", target.get("example"))
        if example is None:  # 3.1: `examples` is an array; the first one that is not null
            listed = [e for e in _list(own.get("examples", target.get("examples"))) if e is not None]
            example = listed[0] if listed else None
        type_ = self.types.map(pointer, own)
        if default is not None and type_.kind in ("model", "file"):
            default = None  # a dict default for a model field would not be a model
        return Field(
            name=name or snake_case(wire_name),
            wire_name=wire_name,
            type=type_,
            required=required,
            description=description,
            pointer=pointer,
            location=location,
            default=value(default) if default is not None else None,
            example=value(example) if example is not None else None,
            constraints=constraints(target),
            unit=text(own.get("x-unit", target.get("x-unit"))),
        )

    def exactly_one_of(self, schema: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
        """``oneOf: [{required: [a]}, {required: [b]}]`` means: exactly one of a and b."""
        branches = schema.get("oneOf")
        if not isinstance(branches, list) or not branches:
            return ()
        names = []
        properties = _dict(schema.get("properties"))
        for branch in branches:
            if not (isinstance(branch, dict) and set(branch) == {"required"} and isinstance(branch["required"], list) and len(branch["required"]) == 1):
                return ()
            if branch["required"][0] not in properties:
                return ()
            names.append(str(branch["required"][0]))
        return (tuple(names),)

    def example_of(self, pointer: str, schema: Any, depth: int = 0) -> Any:
        """An example of ``schema``: its own (or its target's) ``example``, else one composed
        from the examples of its array items or properties; ``None`` when there is none.

        File parts (``contentMediaType`` or ``format: binary``) have no JSON example and are left out.
        """
        if depth > 8 or not isinstance(schema, dict):
            return None
        if "example" in schema:
            return schema["example"]
        at, target = self.document.deref(pointer, schema)
        if not isinstance(target, dict):
            return None
        key = (at, depth)  # a schema many others refer to is composed once per depth (the result depends on nothing else)
        if key not in self.examples:
            self.examples[key] = self._composed_example(at, target, depth)
        return self.examples[key]

    def _composed_example(self, at: str, target: dict[str, Any], depth: int) -> Any:
        if "example" in target:
            return target["example"]
        if "contentMediaType" in target or target.get("format") == "binary":
            return None
        if target.get("type") == "array" or "items" in target:
            item = self.example_of(pointer_join(at, "items"), target.get("items"), depth + 1)
            return [item] if item is not None else None
        properties = target.get("properties")
        if isinstance(properties, dict):
            out = {}
            for name, prop in properties.items():
                example = self.example_of(pointer_join(at, "properties", name), prop, depth + 1)
                if example is not None:
                    out[name] = example
            return out or None
        return None

    def media_example(self, pointer: str, media: dict[str, Any]) -> Value | None:
        """The example of one media type object: ``example``, the first of ``examples``, or its schema's."""
        if "example" in media:
            return value(media["example"])
        examples = media.get("examples")
        if isinstance(examples, dict):
            for name, raw in examples.items():
                _, example = self.document.deref(pointer_join(pointer, "examples", name), raw)
                if isinstance(example, dict) and "value" in example:
                    return value(example["value"])
        found = self.example_of(pointer_join(pointer, "schema"), media.get("schema"))
        return value(found) if found is not None else None

    # -- operations ----------------------------------------------------------------

    def operation(self, pointer: str, path: str, method: str, op: dict[str, Any], tag: str, methods: Namespace) -> Operation:
        op_id = op.get("operationId")
        if isinstance(op_id, str) and op_id.strip():
            name, clash = methods.claim(identifier(op_id, "call"), f"operationId {op_id!r}")
            if clash is not None:
                if clash == f"operationId {op_id!r}":
                    self.warn("duplicate-operation-id", pointer_join(pointer, "operationId"), f"operationId {op_id!r} is used more than once; this method is named {name!r}")
                else:
                    self.warn("name-collision", pointer_join(pointer, "operationId"), f"{clash} and operationId {op_id!r} both become method {identifier(op_id, 'call')!r} of tag {tag!r}; this one is named {name!r}")
        else:
            wanted = identifier(f"{method} {path}", "call")
            name = self.claim(methods, wanted, pointer, f"{method.upper()} {path}", "method")
            self.warn("missing-operation-id", pointer, f"{method.upper()} {path} has no operationId; its method is named {name!r} after the method and path")
            op_id = name
        self.types.operation_names[pointer] = class_identifier(name, "Call")
        arguments = Namespace(RESERVED_ARGUMENTS)
        params: dict[tuple[str, str], Field] = {}
        path_item = _dict(_dict(self.document.data.get("paths")).get(path))
        sources = [(pointer_join("/paths", path, "parameters"), _list(path_item.get("parameters"))), (pointer_join(pointer, "parameters"), _list(op.get("parameters")))]
        raw_params: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
        for base, items in sources:
            for index, raw in enumerate(items):
                at, param = self.types.deref(raw, pointer_join(base, index))
                if not isinstance(param, dict) or param.get("in") not in LOCATIONS or not isinstance(param.get("name"), str):
                    continue
                raw_params[(param["in"], param["name"])] = (at, param)  # the operation's own parameters override the path item's
        for key, (at, param) in raw_params.items():
            params[key] = self.parameter(at, param, self.python_name(arguments, param["name"], at, "argument", f"{key[0]} parameter"))
        by_location = {loc: tuple(f for (where, _), f in params.items() if where == loc) for loc in LOCATIONS}
        requirement, unapplied, own_requirement = self.operation_security(op)
        return Operation(
            operation_id=str(op_id),
            name=name,
            method=method.upper(),
            path=path,
            tag=tag,
            summary=text(op.get("summary")),
            description=text(op.get("description")),
            path_params=by_location["path"],
            query_params=by_location["query"],
            header_params=by_location["header"],
            cookie_params=by_location["cookie"],
            body=self.body(pointer, op, arguments),
            responses=self.responses(pointer, op),
            pointer=pointer,
            deprecated=op.get("deprecated") is True,
            security=requirement,
            security_unapplied=unapplied,
            security_is_default=not own_requirement,
        )

    def parameter(self, pointer: str, param: dict[str, Any], name: str) -> Field:
        schema = param.get("schema")
        if not isinstance(schema, dict):  # `content` instead of `schema`: the schema of its one media type
            media: Any = next(iter(_dict(param.get("content")).values()), {})
            schema = _dict(media).get("schema", {})
        field = self.field(pointer_join(pointer, "schema"), param["name"], schema, param.get("required") is True or param["in"] == "path", param["in"], name)
        example = param.get("example", schema.get("example") if isinstance(schema, dict) else None)
        style, explode = parameter_styles.style_of(param)
        return replace(
            field,
            description=text(param.get("description")) or field.description,
            pointer=pointer,
            example=value(example) if example is not None else None,
            unit=field.unit or text(param.get("x-unit")),
            style=style,
            explode=explode,
            serialized=parameter_styles.needs_serializer(param["in"], style, explode, field.type, parameter_styles.allows_reserved(param)),
            allow_reserved=parameter_styles.allows_reserved(param),
        )

    def body(self, pointer: str, op: dict[str, Any], arguments: Namespace) -> Body | None:
        if "requestBody" not in op:
            return None
        body_pointer, body = self.types.deref(op["requestBody"], pointer_join(pointer, "requestBody"))
        content = _dict(_dict(body).get("content"))
        content_type = request_media_type(content)
        if content_type is None:
            return None  # validate warned: unsupported-media-type
        raw_schema = _dict(content[content_type]).get("schema")
        raw_schema = raw_schema if isinstance(raw_schema, dict) else {}
        schema_pointer, schema = self.types.deref(raw_schema, pointer_join(body_pointer, "content", content_type, "schema"))
        schema = _dict(schema)
        location = "form" if content_type in ("multipart/form-data", "application/x-www-form-urlencoded") else "body"
        schema_name = schema_pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~") if schema_pointer.startswith("/components/schemas/") else ""
        raw = is_raw_media_type(content_type)
        flattened = not raw and self.types.kind_of(schema) == "model" and schema_name not in self.types.subtypes  # a base with subtypes is their union
        required = body.get("required") is True
        if raw:
            name = self.python_name(arguments, "content", body_pointer, "argument", "the request body")
            fields: tuple[Field, ...] = (Field(name, "body", PyType("primitive", "UploadContent"), required, "", body_pointer, location="content"),)
            groups: tuple[tuple[str, ...], ...] = ()
        elif flattened:
            properties, needed = self.object_shape(schema_pointer, schema)
            fields = self.fields(properties, needed, location=location, namespace=arguments)
            if not required:
                fields = tuple(replace(f, required=False) for f in fields)
            by_wire = {f.wire_name: f.name for f in fields}
            groups = tuple(tuple(by_wire[n] for n in group) for group in self.exactly_one_of(schema))
        else:
            name = self.python_name(arguments, "body", body_pointer, "argument", "the request body")
            fields = (self.field(schema_pointer, "body", raw_schema, required, location, name),)
            groups = ()
        return Body(
            content_type=content_type,
            required=required,
            description=text(body.get("description")) or text(schema.get("description")),
            schema_name=self.names[schema_name][0] if schema_name in self.names else "",
            fields=fields,
            flattened=flattened,
            exactly_one_of=groups,
            pointer=body_pointer,
            part_content_types=self.part_content_types(_dict(content[content_type])),
            example=None if raw else self.media_example(pointer_join(body_pointer, "content", content_type), _dict(content[content_type])),
            encodings=self.form_encodings(_dict(content[content_type])) if location == "form" and content_type != "multipart/form-data" else (),
            content_types=tuple(str(m) for m in content if is_raw_media_type(str(m))) if raw else (),
        )

    def form_encodings(self, media: dict[str, Any]) -> tuple[tuple[str, str, bool], ...]:
        """``encoding.<property>`` of a form body: ``(wire name, style, explode)`` where it is not ``form`` + explode.

        ``explode`` defaults to true for ``form`` and false otherwise (OpenAPI's rule); a JSON
        ``contentType`` makes the style ``json`` (the value is sent as JSON text).
        """
        out = []
        for name, encoding in _dict(media.get("encoding")).items():
            encoding = _dict(encoding)
            style = encoding.get("style") if isinstance(encoding.get("style"), str) else "form"
            explode = encoding["explode"] if isinstance(encoding.get("explode"), bool) else style == "form"
            if isinstance(encoding.get("contentType"), str) and is_json_media_type(encoding["contentType"]):
                style = "json"
            if (style, explode) != ("form", True):
                out.append((str(name), style, explode))
        return tuple(out)

    def part_content_types(self, media: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``encoding.<field>.contentType`` of a multipart body: the types each part may have."""
        out = []
        for name, encoding in sorted(_dict(media.get("encoding")).items(), key=lambda item: str(item[0])):
            if isinstance(encoding, dict) and isinstance(encoding.get("contentType"), str):
                out.append((str(name), tuple(t.strip() for t in encoding["contentType"].split(",") if t.strip())))
        return tuple(out)

    def is_download(self, media_type: str, media: Any) -> bool:
        """Whether a success body in ``media_type`` is returned as ``bytes``.

        Yes for a schema of raw bytes (``format: binary``, a non-JSON ``contentMediaType``),
        whatever the media type; no for JSON (``+json`` too); no for ``*/*`` with a schema
        that is not a string (specs use it for JSON); yes for every other media type.
        """
        _, schema = self.types.deref(_dict(media).get("schema", {}), "")
        if is_binary_schema(schema):
            return True
        if is_json_media_type(media_type):
            return False
        if media_type.split(";")[0].strip() in ("*/*", "*"):
            return isinstance(schema, dict) and schema.get("type") in (None, "string") and not schema.get("properties") and "$ref" not in schema and not any(k in schema for k in ("allOf", "oneOf", "anyOf", "items"))
        return True

    def responses(self, pointer: str, op: dict[str, Any]) -> tuple[Response, ...]:
        out = []
        for key, raw in _dict(op.get("responses")).items():
            status = str(key).upper()
            at, response = self.types.deref(raw, pointer_join(pointer, "responses", key))
            response = _dict(response)
            content = _dict(response.get("content"))
            media = next((str(m) for m in content if is_json_media_type(str(m))), "")
            media = media or next((str(m) for m in content if str(m).startswith("*/*") and not self.is_download(str(m), content[m])), "")
            type_ = None
            example = None
            download = next((str(m) for m in content if self.is_download(str(m), content[m])), "") if status.startswith("2") else ""
            if download and (not media or self.is_download(media, content[media])):
                media, type_ = download, PyType("primitive", "bytes")
            elif media:
                example = self.media_example(pointer_join(at, "content", media), _dict(content[media]))
                schema = _dict(content[media]).get("schema")
                type_ = self.types.map(pointer_join(at, "content", media, "schema"), schema if schema is not None else {})
            out.append(
                Response(
                    status=status,
                    description=text(response.get("description")),
                    content_type=media,
                    type=type_,
                    pointer=at,
                    error_class="" if status.startswith("2") else error_class(status),
                    example=example,
                    media_types=tuple(str(m) for m in content),
                )
            )
        if not any(r.is_success for r in out):  # validate warned: missing-success-response
            out.insert(0, Response(status="2XX", description="Any success.", content_type="", type=None, pointer=pointer_join(pointer, "responses")))
        return tuple(out)

    # -- the whole API -------------------------------------------------------------

    def operation_tag(self, pointer: str, path: str, method: str, op: dict[str, Any]) -> str:
        tags = [t for t in _list(op.get("tags")) if isinstance(t, str) and t.strip()]
        if len(tags) > 1:
            self.warn("multiple-tags", pointer_join(pointer, "tags"), f"{method.upper()} {path} has {len(tags)} tags {tags!r}; its method is on the API class of the first, {tags[0]!r}", "info")
        return tags[0] if tags else path_tag(path)

    def tags(self) -> tuple[Tag, ...]:
        declared = {str(t["name"]): text(t.get("description")) for t in _list(self.document.data.get("tags")) if isinstance(t, dict) and "name" in t}
        grouped: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = {}
        for pointer, path, method, op in iter_operations(self.document.data):
            grouped.setdefault(self.operation_tag(pointer, path, method, op), []).append((pointer, path, method, op))
        order = [name for name in declared if name in grouped] + sorted(n for n in grouped if n not in declared)
        classes, modules, attributes = Namespace({"Api"}), Namespace(), Namespace(RESERVED_ATTRIBUTES)
        out = []
        for name in order:
            first = grouped[name][0][0]
            at = pointer_join(first, "tags", 0) if _list(grouped[name][0][3].get("tags")) else first
            cls = self.claim(classes, class_identifier(name, "Tag") + "Api", at, f"tag {name!r}", "class")
            module = self.claim(modules, module_name(class_identifier(name, "Tag")), at, f"tag {name!r}", "module")
            attribute = self.claim(attributes, identifier(name, "tag"), at, f"tag {name!r}", "client attribute")
            methods = Namespace()
            operations = tuple(self.operation(pointer, path, method, op, name, methods) for pointer, path, method, op in grouped[name])
            out.append(Tag(name=name, description=declared.get(name, ""), class_name=cls, async_class_name="Async" + cls, attribute=attribute, module=module, operations=operations))
        return tuple(out)

    def security(self) -> tuple[SecurityScheme, ...]:
        """The security schemes the SDK applies (:mod:`generator.build.security`; validate warned about the rest)."""
        if self._schemes is None:
            raw = _dict(_dict(self.document.data.get("components")).get("securitySchemes"))
            found = []
            for name, value in raw.items():
                at, scheme = self.types.deref(value, pointer_join("/components/securitySchemes", name))
                found.append((str(name), at, scheme))
            self._schemes = security.schemes(found, self.config.env_prefix)
        return self._schemes

    def operation_security(self, op: dict[str, Any]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], bool]:
        """The operation's security requirement (its own, else the document's; see
        :func:`generator.build.security.requirement`), and whether it has its own."""
        applied = {s.name for s in self.security()}
        own = isinstance(op.get("security"), list)
        alternatives, unapplied = security.requirement(op["security"] if own else self.document.data.get("security"), applied)
        return alternatives, unapplied, own

    def all_schemas(self, schemas: list[Schema]) -> tuple[Schema, ...]:
        """The schemas, each model told which imports must come late."""
        graph: dict[str, list[str]] = {}
        for schema in schemas:
            if isinstance(schema, Model):
                names: set[str] = set()
                for f in schema.fields:
                    names |= f.type.schema_names
                graph[schema.name] = sorted(names - {schema.name})
            elif isinstance(schema, Alias):
                graph[schema.name] = sorted(schema.type.schema_names - {schema.name})
        late = late_imports(graph)
        return tuple(replace(s, late_imports=tuple(sorted(late[s.name]))) if isinstance(s, Model) and late.get(s.name) else s for s in schemas)

    def server_url(self) -> str:
        """The first server's URL, its ``{variables}`` filled with their defaults; warn when it is relative."""
        servers = [s for s in _list(self.document.data.get("servers")) if isinstance(s, dict)]
        if not servers or not isinstance(servers[0].get("url"), str):
            return ""
        url: str = servers[0]["url"]
        for name, variable in _dict(servers[0].get("variables")).items():
            default = _dict(variable).get("default")
            if isinstance(default, (str, int, float)):
                url = url.replace("{" + str(name) + "}", str(default))
        if not url.lower().startswith(("http://", "https://")):
            self.warn("relative-server-url", "/servers/0/url", f"the first server's URL {url!r} is not absolute: the client needs base_url= (or `base_url` in the generator config)")
        return url

    def api(self) -> Api:
        data = self.document.data
        info = _dict(data.get("info"))
        tags = self.tags()  # before the schemas: operations meet inline models too
        schemas, tags = self.request_views(list(self.schemas()) + self.inline_models(), tags)
        schemas, tags = self.resolve_discriminators(schemas, tags)
        base_url = self.config.base_url or self.server_url()
        all_schemas = self.all_schemas(schemas)
        return Api(
            title=text(info.get("title")),
            version=str(info.get("version", "")),
            description=text(info.get("description")) or text(info.get("summary")),
            base_url=base_url.rstrip("/"),
            config=self.config,
            tags=extensions.attach(self.document, tags, all_schemas),
            schemas=all_schemas,
            security=self.security(),
            default_security=security.requirement(data.get("security"), {s.name for s in self.security()})[0],
            spec_sha256=self.document.sha256,
            generator_version=__version__,
            webhooks=extensions.webhooks(self.document, all_schemas),
            error_classes=ERROR_CLASSES,
        )


def build_with_warnings(document: Document, config: PackageConfig | None = None) -> tuple[Api, list[Diagnostic]]:
    """The intermediate representation of a validated ``document``, and the warnings building it gave."""
    builder = Builder(document, config or PackageConfig())
    api = builder.api()
    return api, builder.found.items


def build(document: Document, config: PackageConfig | None = None) -> Api:
    """The intermediate representation of a validated ``document``."""
    return build_with_warnings(document, config)[0]
