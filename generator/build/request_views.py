"""Request views: a ``UserInput`` beside each schema whose request view differs from its response
view and that a request reaches, and requests switched to use them.

A model's views differ when it has a ``readOnly`` property or a required ``writeOnly`` one (see
:func:`generator.build.fields.fields`), or when it or an alias reaches a model whose views differ
(through properties, items, ``additionalProperties``, ``allOf``/``oneOf``/``anyOf``). A request
reaches a schema through the types of its arguments (parameters and body properties; a flattened
body's own schema is its arguments, not a model), then through the request views' types. The
request view is named ``<Name>Input`` (a name another schema has gets ``_2``, with a
``name-collision`` warning) and follows its schema in the list; arguments and request views refer
to request views, responses to the schemas.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.build.context import BuildContext
from generator.build.fields import Properties, access, object_shape, with_argument_fields
from generator.build.schema_shapes import schema_object
from generator.build.schemas import model
from generator.ir import Alias, Field, Model, PyType, Schema, Tag
from generator.naming import module_name

Inline = dict[str, str]
"""pointer -> class name of each inline model."""


def request_views(ctx: BuildContext, schemas: list[Schema], tags: tuple[Tag, ...]) -> tuple[list[Schema], tuple[Tag, ...]]:
    """``schemas`` with the request views added after their schemas, and ``tags`` with arguments that use them."""
    inline = {pointer: name for pointer, (name, _) in ctx.types.inline_models.items()}
    differ = _differing(ctx, schemas, inline)
    if not differ:
        return schemas, tags
    views = _views(ctx, {s.name: s for s in schemas}, _argument_schemas(tags) & differ, differ, inline)
    inputs = _claim_names(ctx, schemas, views)
    names = {name: cls for name, (cls, _) in inputs.items()}
    out: list[Schema] = []
    for schema in schemas:
        out.append(schema)
        if schema.name in views:
            out.append(_renamed(views[schema.name], schema.name, inputs[schema.name], names))
    fixed = tuple(replace(tag, operations=tuple(with_argument_fields(op, lambda f: _switched_field(f, names)) for op in tag.operations)) for tag in tags)
    return out, fixed


def views_differ(ctx: BuildContext, properties: Properties, required: set[str]) -> bool:
    """Whether an object's request view differs from its response view: a ``readOnly``
    property, or a required ``writeOnly`` one (optional in responses)."""
    for wire_name, (_, prop) in properties.items():
        flags = access(ctx, prop)
        if "readOnly" in flags or "writeOnly" in flags and wire_name in required:
            return True
    return False


def raw_of(ctx: BuildContext, schema: Model, inline: Inline) -> tuple[dict[str, Any], str]:
    """The raw schema of a generated model, and its component schema's key ("" for an inline model)."""
    if inline.get(schema.pointer) == schema.name:
        return schema_object(ctx.types.inline_models[schema.pointer][1]), ""
    return schema_object(ctx.raw_schemas.get(schema.schema_name)), schema.schema_name


def _differing(ctx: BuildContext, schemas: list[Schema], inline: Inline) -> set[str]:
    """The schemas whose views differ: models that do themselves, and whatever reaches one."""
    refs: dict[str, frozenset[str]] = {}
    differ: set[str] = set()
    for schema in schemas:
        if isinstance(schema, Model):
            refs[schema.name] = frozenset().union(*(f.type.schema_names for f in schema.fields))
            if views_differ(ctx, *object_shape(ctx, schema.pointer, raw_of(ctx, schema, inline)[0])):
                differ.add(schema.name)
        elif isinstance(schema, Alias):
            refs[schema.name] = schema.type.schema_names
    return _reaching(differ, refs)


def _reaching(targets: set[str], refs: dict[str, frozenset[str]]) -> set[str]:
    """``targets`` and every schema that reaches one of them through ``refs`` (schema -> the schemas it refers to)."""
    referrers: dict[str, set[str]] = {}
    for name, referred in refs.items():
        for target in referred:
            referrers.setdefault(target, set()).add(name)
    found = set(targets)
    pending = sorted(found)
    while pending:
        for referrer in referrers.get(pending.pop(), ()):
            if referrer not in found:
                found.add(referrer)
                pending.append(referrer)
    return found


def _argument_schemas(tags: tuple[Tag, ...]) -> set[str]:
    """The schemas the operations' arguments refer to."""
    return {n for tag in tags for op in tag.operations for f in op.arguments for n in f.type.schema_names}


def _views(ctx: BuildContext, by_name: dict[str, Schema], reached: set[str], differ: set[str], inline: Inline) -> dict[str, Schema]:
    """The request view of each schema in ``reached`` and of each one their views reach (names of their types not yet switched)."""
    views: dict[str, Schema] = {}
    pending = sorted(reached)
    while pending:
        name = pending.pop()
        if name in views:
            continue
        view = _view(ctx, by_name[name], inline)
        if view is not None:
            views[name] = view
            pending += [n for n in _referred(view) if n in differ and n not in views]
    return views


def _view(ctx: BuildContext, schema: Schema, inline: Inline) -> Schema | None:
    """The request view of a model (its fields built again, as a request takes them); an alias is its own."""
    if isinstance(schema, Model):
        raw, component = raw_of(ctx, schema, inline)
        return model(ctx, schema.name, schema.module, schema.schema_name, schema.pointer, raw, component=component, request=True)
    return schema if isinstance(schema, Alias) else None


def _referred(schema: Schema) -> list[str]:
    """The schemas a model's fields or an alias's type refer to, in order."""
    if isinstance(schema, Model):
        return [n for f in schema.fields for n in f.type.schema_names]
    return list(schema.type.schema_names) if isinstance(schema, Alias) else []


def _claim_names(ctx: BuildContext, schemas: list[Schema], views: dict[str, Schema]) -> dict[str, tuple[str, str]]:
    """The class and module of each request view, claimed in schema order."""
    inputs: dict[str, tuple[str, str]] = {}
    for schema in schemas:
        if schema.name in views:
            owner = f"the request view of schema {schema.schema_name!r}"
            cls = ctx.claim_class(schema.name + "Input", schema.pointer, owner)
            inputs[schema.name] = (cls, ctx.claim(ctx.modules, module_name(cls) or "schema", schema.pointer, owner, "module"))
    return inputs


def _renamed(view: Schema, schema_name: str, names: tuple[str, str], switched: dict[str, str]) -> Schema:
    """A request view under its own class and module, its types switched to request views."""
    cls, module = names
    if isinstance(view, Model):
        return replace(view, name=cls, module=module, fields=tuple(_switched_field(f, switched) for f in view.fields), request_view_of=schema_name)
    assert isinstance(view, Alias)
    return replace(view, name=cls, module=module, type=_switched(view.type, switched), request_view_of=schema_name)


def _switched(type_: PyType, names: dict[str, str]) -> PyType:
    """``type_`` with each schema that has a request view named by its view."""
    name = names.get(type_.name, type_.name) if type_.kind in ("model", "alias") else type_.name
    return PyType(type_.kind, name, tuple(_switched(a, names) for a in type_.args), type_.nullable, type_.discriminator)


def _switched_field(field: Field, names: dict[str, str]) -> Field:
    return replace(field, type=_switched(field.type, names))
