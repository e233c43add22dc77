"""The properties an object has only sometimes (OpenAPI 3.1): those of ``then``, ``else`` and ``dependentSchemas``.

An object that declares properties in ``then``/``else`` (or in ``dependentSchemas``) has them when
the condition holds (the ``if`` matches, or does not; the named property is there). A Python model
has one set of fields, so each such property is an optional field of the object (as a property of
an ``allOf`` branch is a field), never in place of a property the object declares itself; a
property declared differently by several branches is the union of their types (a value of any
of them parses). What the SDK cannot say, that a field is there (or required) only when the
condition holds, is the warning ``conditional-properties``, once per object. ``if`` is a test and
declares nothing: its properties are not fields.
"""

from __future__ import annotations

from typing import Any

from generator.build.context import BuildContext
from generator.build.schema_shapes import properties_of, required_of
from generator.diagnostics import pointer_join
from generator.read.values import mapping

Properties = dict[str, tuple[str, Any]]
"""wire name -> (pointer, raw property schema)."""


def conditional_branches(ctx: BuildContext, pointer: str, schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """``(pointer, schema)`` of what applies to an object only sometimes: 3.1's ``dependentSchemas``, ``then`` and ``else``."""
    found = [(pointer_join(pointer, "dependentSchemas", name), branch) for name, branch in mapping(schema.get("dependentSchemas")).items()]
    found += [(pointer_join(pointer, key), schema[key]) for key in ("then", "else") if key in schema]
    return [ctx.target(branch, at) for at, branch in found]


def conditional_properties(ctx: BuildContext, pointer: str, branches: list[tuple[str, dict[str, Any]]], own: Properties, required: set[str]) -> Properties:
    """The properties of the object at ``pointer`` that only its conditional ``branches`` (its own and its
    ``allOf``'s) declare (``own`` are the others, ``required`` the names it always requires); warns when the
    model says less than the branches do."""
    declared: dict[str, list[tuple[str, Any]]] = {}
    conditions: set[str] = set()
    for at, branch in branches:
        for wire_name, prop in properties_of(branch).items():
            if str(wire_name) not in own:
                declared.setdefault(str(wire_name), []).append((pointer_join(at, "properties", wire_name), prop))
        conditions |= required_of(branch) - required
    found = {name: _merged(ways) for name, ways in declared.items()}
    if found or conditions:
        names = ", ".join(sorted(set(found) | conditions))
        message = f"{names}: declared or required by then/else or dependentSchemas, so only when a condition holds; the model has them as optional fields and does not check the condition"
        ctx.warn("conditional-properties", pointer, message)
    return found


def _merged(ways: list[tuple[str, Any]]) -> tuple[str, Any]:
    """One property declared by one or more branches: the first declaration, or the ``anyOf`` of different ones."""
    distinct = [(at, prop) for index, (at, prop) in enumerate(ways) if all(prop != other for _, other in ways[:index])]
    if len(distinct) == 1:
        return distinct[0]
    return distinct[0][0], {"anyOf": [{"$ref": "#" + at} for at, _ in distinct]}
