"""Discriminators as the document states them: which component models a ``discriminator`` tells
apart, by which property and values, and which bases with a discriminator stand for their subtypes.

``kinds`` is what each component schema becomes (:func:`generator.build.schema_shapes.classify`).
"""

from __future__ import annotations

from typing import Any

from generator.build.schema_shapes import is_null
from generator.read.components import component_section

SCHEMAS_PREFIX = "#/components/schemas/"

Values = dict[str, list[str | int | bool]]
"""The values that select each branch (a component schema name)."""


def component_ref(name: str) -> str:
    """The ``$ref`` of component schema ``name``."""
    return SCHEMAS_PREFIX + str(name).replace("~", "~0").replace("/", "~1")


def branch_name(ref: Any, kinds: dict[str, str]) -> str | None:
    """The component schema a discriminator branch (``$ref``) or mapping target (a ref or a bare name) is."""
    if not isinstance(ref, str):
        return None
    name = ref[len(SCHEMAS_PREFIX) :] if ref.startswith(SCHEMAS_PREFIX) else ref if "/" not in ref and "#" not in ref else None
    return name.replace("~1", "/").replace("~0", "~") if name is not None and name in kinds else None


def discriminator_of(schema: dict[str, Any], kinds: dict[str, str], schemas: dict[Any, Any] | None = None) -> tuple[str, Values] | None:
    """``(property, values of each branch schema)`` of a ``oneOf``/``anyOf`` with a usable ``discriminator``.

    Usable: every branch is a ``$ref`` to a component model, each gets at least one value
    (explicit ``mapping`` first, else its schema name), no value names two branches, and (with the
    component ``schemas``) the property of no branch is an ``enum`` or ``const`` that leaves its values out
    (OpenAI's filters name no mapping, and their ``type`` is ``and``/``or``, never ``CompoundFilter``).
    """
    discriminator = schema.get("discriminator")
    branches = schema.get("oneOf") or schema.get("anyOf")
    if not isinstance(discriminator, dict) or not isinstance(branches, list) or not isinstance(discriminator.get("propertyName"), str):
        return None
    names = _model_branches(branches, kinds)
    if names is None:
        return None
    values = _branch_values(names, discriminator.get("mapping"), kinds)
    every = [v for found in values.values() for v in found]
    if len(set(every)) != len(every):
        return None
    name = discriminator["propertyName"]
    if schemas is not None and not all(_accepts(schemas.get(branch), name, found) for branch, found in values.items()):
        return None
    return name, values


def _accepts(schema: Any, property_name: str, values: list[str | int | bool]) -> bool:
    """Whether property ``property_name`` of ``schema`` (as written there) may hold each of ``values``: not when its ``enum`` or ``const`` leaves one out."""
    properties = schema.get("properties") if isinstance(schema, dict) else None
    prop = properties.get(property_name) if isinstance(properties, dict) else None
    if not isinstance(prop, dict):
        return True
    allowed = [prop["const"]] if "const" in prop else prop.get("enum")
    return not isinstance(allowed, list) or all(v in allowed for v in values)


def _model_branches(branches: list[Any], kinds: dict[str, str]) -> list[str] | None:
    """The component models the (non-null) branches refer to, or ``None`` unless each is a bare ``$ref`` to a distinct one."""
    names = [branch_name(b.get("$ref"), kinds) if isinstance(b, dict) and set(b) == {"$ref"} else None for b in branches if not is_null(b)]
    if not names or any(n is None or kinds.get(n) != "model" for n in names) or len(set(names)) != len(names):
        return None
    return [str(n) for n in names]


def _branch_values(names: list[str], mapping: Any, kinds: dict[str, str]) -> Values:
    """The values of each branch: those ``mapping`` gives it, else its schema name."""
    values: Values = {n: [] for n in names}
    for value, target in (mapping.items() if isinstance(mapping, dict) else ()):
        branch = branch_name(target, kinds)
        if branch in values and isinstance(value, str):
            values[branch].append(value)
    for name, found in values.items():
        if not found:
            found.append(name)
    return values


def subtypes(schemas: dict[Any, Any], kinds: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Each component model with a ``discriminator`` of its own (no ``oneOf``/``anyOf``) that other
    component models extend (``allOf`` with a ``$ref`` to it), as the ``oneOf`` of those models
    with its discriminator: where the base is referred to, one of its subtypes is meant."""
    out: dict[str, dict[str, Any]] = {}
    for base, schema in schemas.items():
        discriminator = schema.get("discriminator") if isinstance(schema, dict) else None
        if kinds.get(str(base)) != "model" or not isinstance(discriminator, dict) or "oneOf" in schema or "anyOf" in schema:
            continue
        children = [component_ref(name) for name, child in schemas.items() if kinds.get(str(name)) == "model" and _extends(child, component_ref(base))]
        if children:
            out[str(base)] = {"oneOf": [{"$ref": child} for child in children], "discriminator": discriminator}
    return out


def _extends(child: Any, ref: str) -> bool:
    return isinstance(child, dict) and isinstance(child.get("allOf"), list) and {"$ref": ref} in child["allOf"]


def discriminator_values(data: Any, kinds: dict[str, str], subtypes: dict[str, dict[str, Any]]) -> dict[str, dict[str, list[str | int | bool]]]:
    """For each component model: its discriminator property and the values that select it, across the document."""
    out: dict[str, dict[str, list[str | int | bool]]] = {}
    schemas = component_section(data, "schemas") if isinstance(data, dict) else {}
    stack = [data, list(subtypes.values())]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found = discriminator_of(node, kinds, schemas) if "discriminator" in node else None
            if found is not None:
                _add_values(out, *found)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return out


def _add_values(out: dict[str, dict[str, list[str | int | bool]]], property_name: str, values: Values) -> None:
    for branch, selecting in values.items():
        known = out.setdefault(branch, {}).setdefault(property_name, [])
        known += [v for v in selecting if v not in known]
