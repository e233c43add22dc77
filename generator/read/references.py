"""Where ``$ref``s count: every mapping holding one, outside ``x-`` extensions and literal values.

A key starting with ``x-`` is an extension (code samples, vendor policy blocks) whose content
OpenAPI does not define: a ``$ref`` in it is the vendor's, and neither the bundler nor the
reference checks follow it. The exception is a map of names (``properties``, ``headers``,
``components/schemas``, ``content``...), where ``x-rate-limit`` is a name like any other.
Likewise the value of an ``example``, ``default``, ``enum``, ``const``, an Example's ``value`` and a
schema's list of ``examples`` is data sent or shown as written: a ``$ref`` key in it is data (an
example of a JSON Schema document, say), not a reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics import pointer_join

#: Sections of ``components``: each maps names to objects.
COMPONENT_KINDS = frozenset({"schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems"})

#: Keys whose value maps names (which may start with ``x-``) to objects, wherever they are.
NAME_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "headers", "content", "encoding", "examples", "links", "callbacks", "variables", "mapping", "scopes"}
)

#: Keys whose children are named by the document's author, wherever the key is: a child called ``schema``,
#: ``default`` or ``minimum`` there is a name, no keyword (``responses`` and the other ``components`` sections included).
NAMED_CHILDREN = COMPONENT_KINDS | NAME_MAPS


def holds_names(pointer: str, key: str, parent_holds_names: bool) -> bool:
    """Whether the value under ``key`` (in the mapping at ``pointer``) maps names to objects."""
    if parent_holds_names:
        return False
    return key in NAME_MAPS or (pointer == "/components" and key in COMPONENT_KINDS)


#: Keys whose value is data written as it is, never holding references.
LITERALS = frozenset({"example", "default", "enum", "const", "value"})


def is_extension(key: Any, parent_holds_names: bool) -> bool:
    """Whether ``key`` of a mapping is an ``x-`` extension (not a name in a map of names)."""
    return not parent_holds_names and isinstance(key, str) and key.startswith("x-")


def holds_no_refs(key: Any, child: Any, parent_holds_names: bool) -> bool:
    """Whether ``child``, the value of ``key`` of a mapping, is an extension or a literal value (see the module's
    docstring): no ``$ref`` in it is a reference. A 3.1 schema's ``examples`` is a list; elsewhere a map of Examples."""
    if parent_holds_names:
        return False
    return is_extension(key, False) or key in LITERALS or (key == "examples" and isinstance(child, list))


def mappings_with_refs(data: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(pointer, mapping)`` of every mapping that has a ``$ref`` key outside ``x-`` extensions and literal values, in document order."""
    stack: list[tuple[str, Any, bool]] = [("", data, False)]
    while stack:
        pointer, value, names = stack.pop()
        if isinstance(value, dict):
            if "$ref" in value and not names:
                yield pointer, value
            children = [
                (pointer_join(pointer, key), child, holds_names(pointer, key, names))
                for key, child in value.items()
                if isinstance(child, (dict, list)) and not holds_no_refs(key, child, names)
            ]
        else:
            children = [(pointer_join(pointer, index), child, False) for index, child in enumerate(value) if isinstance(child, (dict, list))]
        stack.extend(reversed(children))
