"""Discriminated unions in the IR: the field a discriminator selects each model by, and the Python
name of that field in each union (or no discriminator, when the branches do not agree)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.build.fields import with_argument_fields, with_type
from generator.build.response_types import needs_cast, returnable
from generator.build.schema_types import DISCRIMINATOR_MARK
from generator.build.spec_values import value
from generator.ir import Alias, Field, Model, Operation, PyType, Schema, Tag
from generator.literals import pyliteral


def discriminator_field(field: Field, values: list[Any]) -> Field:
    """The field a discriminator selects this model by: a ``Literal`` of its values (the first is the default when optional)."""
    literal = PyType("primitive", f"Literal[{', '.join(pyliteral(v) for v in values)}]")
    default = field.default if field.default is not None and field.default.value in values else value(values[0])
    return replace(field, type=literal, default=None if field.required else default)


def resolve_discriminators(enum_bases: dict[str, str], schemas: list[Schema], tags: tuple[Tag, ...]) -> tuple[list[Schema], tuple[Tag, ...]]:
    """Put the Python name of the discriminator field in each discriminated union, or drop the discriminator.

    A union stays discriminated only when every branch model has the property as a
    ``Literal`` (see :func:`discriminator_field`), under one Python name. Each operation's
    success type is made returnable (:func:`generator.build.response_types.returnable`) too.
    """
    models = {s.name: s for s in schemas if isinstance(s, Model)}
    fixed = [_fixed_schema(schema, models) for schema in schemas]
    aliases = {s.name: s for s in fixed if isinstance(s, Alias)}
    return fixed, tuple(replace(tag, operations=tuple(_fixed_operation(op, models, aliases, enum_bases) for op in tag.operations)) for tag in tags)


def fixed_type(type_: PyType, models: dict[str, Model]) -> PyType:
    """``type_`` with the Python name of the field in each discriminator (``type_`` itself when nothing changed)."""
    args = tuple(fixed_type(a, models) for a in type_.args)
    discriminator = type_.discriminator
    if discriminator.startswith(DISCRIMINATOR_MARK):
        discriminator = _field_name(discriminator[len(DISCRIMINATOR_MARK) :], args, models)
    elif all(new is old for new, old in zip(args, type_.args)):
        return type_  # nothing to fix in it
    return PyType(type_.kind, type_.name, args, type_.nullable, discriminator)


def _field_name(wire_name: str, branches: tuple[PyType, ...], models: dict[str, Model]) -> str:
    """The Python name every branch model gives its ``Literal`` field ``wire_name``; "" when they do not all have one name."""
    names = {_literal_field(models.get(branch.name), wire_name) for branch in branches}
    return names.pop() if len(names) == 1 and "" not in names else ""


def _literal_field(model: Model | None, wire_name: str) -> str:
    found = [f for f in model.fields if f.wire_name == wire_name and f.type.uses_literal] if model is not None else []
    return found[0].name if found else ""


def _fixed_field(field: Field, models: dict[str, Model]) -> Field:
    return with_type(field, fixed_type(field.type, models))


def _fixed_schema(schema: Schema, models: dict[str, Model]) -> Schema:
    if isinstance(schema, Model):
        fields = tuple(_fixed_field(f, models) for f in schema.fields)
        return schema if all(new is old for new, old in zip(fields, schema.fields)) else replace(schema, fields=fields)
    if isinstance(schema, Alias):
        return replace(schema, type=fixed_type(schema.type, models))
    return schema


def _fixed_operation(op: Operation, models: dict[str, Model], aliases: dict[str, Alias], enum_bases: dict[str, str]) -> Operation:
    """``op`` with its arguments' and responses' types fixed, the success type returnable, and whether it needs a cast."""
    responses = tuple(replace(r, type=fixed_type(r.type, models)) if r.type is not None else r for r in op.responses)
    success = next((i for i, r in enumerate(responses) if r.is_success), None)
    cast = False
    success_type = responses[success].type if success is not None else None
    if success is not None and success_type is not None:
        returned = returnable(enum_bases, success_type, aliases)
        cast = needs_cast(returned, aliases)
        responses = responses[:success] + (replace(responses[success], type=returned),) + responses[success + 1 :]
    events = responses[success].events if success is not None else None
    if success is not None and events is not None and events.type is not None:
        event_type = returnable(enum_bases, fixed_type(events.type, models), aliases)
        events = replace(events, type=event_type, needs_cast=needs_cast(event_type, aliases))
        responses = responses[:success] + (replace(responses[success], events=events),) + responses[success + 1 :]
    return replace(with_argument_fields(op, lambda f: _fixed_field(f, models)), responses=responses, return_needs_cast=cast)
