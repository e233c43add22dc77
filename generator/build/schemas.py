"""Component and inline schemas -> :class:`~generator.ir.Model`, :class:`~generator.ir.Enum` or
:class:`~generator.ir.Alias`, each model told which of its imports must come late."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.build.context import BuildContext
from generator.build.discriminators import discriminator_field
from generator.build.fields import exactly_one_of, fields, object_shape, with_type
from generator.build.import_cycles import late_imports
from generator.build.response_types import open_enum
from generator.build.schema_shapes import literal_values, schema_object
from generator.build.spec_values import description_of, value
from generator.diagnostics import pointer_join
from generator.ir import Alias, Enum, EnumValue, Field, Model, PyType, Schema
from generator.literals import pyliteral
from generator.naming import module_name


def component_schemas(ctx: BuildContext) -> list[Schema]:
    """The IR of each component schema, in document order."""
    return [component_schema(ctx, str(key), schema) for key, schema in ctx.raw_schemas.items()]


def component_schema(ctx: BuildContext, schema_name: str, schema: Any) -> Schema:
    pointer = pointer_join("/components/schemas", schema_name)
    name, module = ctx.names[schema_name]
    raw = schema_object(schema)
    kind = ctx.types.kinds[schema_name]
    if kind == "enum":
        values = tuple(EnumValue(v, pyliteral(v)) for v in literal_values(raw.get("enum")) or ())
        value_type = "int" if all(isinstance(v.value, int) for v in values) else "str"
        return Enum(name, module, schema_name, description_of(raw), values, pointer, value_type)
    if kind == "model":
        return model(ctx, name, module, schema_name, pointer, raw, component=schema_name)
    return Alias(name, module, schema_name, description_of(raw), files_as_bytes(ctx.types.map(pointer, schema)), pointer)


def inline_models(ctx: BuildContext) -> list[Schema]:
    """A model for each inline object met while mapping types (mapping one may meet more)."""
    out: list[Schema] = []
    done: set[str] = set()
    while pending := [p for p in ctx.types.inline_models if p not in done]:
        for pointer in pending:
            done.add(pointer)
            name, raw = ctx.types.inline_models[pointer]
            module = ctx.claim(ctx.modules, module_name(name) or "inline", pointer, f"inline schema {name!r}", "module")
            out.append(model(ctx, name, module, name, pointer, raw))
    return out


def model(ctx: BuildContext, name: str, module: str, schema_name: str, pointer: str, raw: dict[str, Any], component: str = "", request: bool = False) -> Model:
    """The model of an object schema: its response view, or with ``request`` its request view
    (``readOnly`` properties left out, ``writeOnly`` ones required as declared, enums closed)."""
    properties, required = object_shape(ctx, pointer, raw)
    found = fields(ctx, properties, required, location="body", request=request)
    if not request:  # responses parse into it: open to enum values the spec does not list yet
        found = tuple(with_type(f, open_enum(ctx.enum_bases, f.type)) for f in found)
    selects = ctx.types.discriminated.get(component, {}) if component else {}
    if selects:
        found = tuple(discriminator_field(f, selects[f.wire_name]) if f.wire_name in selects else f for f in found)
    example = raw.get("example")
    if request and isinstance(example, dict):
        example = _kept_in_request(example, found, properties)
    return Model(
        name=name,
        module=module,
        schema_name=schema_name,
        description=description_of(raw),
        fields=found,
        pointer=pointer,
        exactly_one_of=exactly_one_of(raw),
        example=value(example) if "example" in raw else None,
    )


def _kept_in_request(example: dict[str, Any], found: tuple[Field, ...], properties: dict[str, Any]) -> dict[str, Any]:
    """A request view's example: without the properties the view leaves out (``readOnly`` ones)."""
    kept = {f.wire_name for f in found}
    return {k: v for k, v in example.items() if k in kept or k not in properties}


def files_as_bytes(type_: PyType) -> PyType:
    """``type_`` with each file (an upload argument's ``FileInput``) as ``bytes``: the shape a named schema holds."""
    if type_.kind == "file":
        return PyType("primitive", "bytes", nullable=type_.nullable)
    if not type_.args:
        return type_
    return PyType(type_.kind, type_.name, tuple(files_as_bytes(a) for a in type_.args), type_.nullable, type_.discriminator)


def with_late_imports(schemas: list[Schema]) -> tuple[Schema, ...]:
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
