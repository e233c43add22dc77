"""The type of a ``oneOf``/``anyOf`` from the types of its branches."""

from __future__ import annotations

from generator.ir import PyType

ANY = PyType("any")
STR = PyType("primitive", "str")


def string_union(types: list[PyType], nullable: bool) -> PyType:
    """A union of string schemas: ``Enum | str`` for enums and plain strings (an open enum), else the first branch's type."""
    enums = [t for t in types if t.kind == "enum"]
    plain = [t for t in types if t == STR]
    if enums and plain and len(enums) + len(plain) == len(types):
        return PyType("union", args=(enums[0], STR), nullable=nullable)
    return types[0].with_nullable(nullable)


def union_of(types: list[PyType], nullable: bool) -> PyType:
    """The union of ``types``, nested unions flattened and repeats dropped: ``Any`` when one is ``Any``, optional when one is."""
    unique = _flattened(types)
    if any(t.kind == "any" for t in unique):
        return ANY
    if any(t.nullable for t in unique):
        nullable = True
        unique = _distinct([t.with_nullable(False) for t in unique])
    if len(unique) == 1:
        return unique[0].with_nullable(nullable)
    return PyType("union", args=tuple(unique), nullable=nullable)


def _flattened(types: list[PyType]) -> list[PyType]:
    """``types`` with the members of each (non-optional) union in its place, each type once."""
    unique: list[PyType] = []
    for t in types:
        for part in t.args if t.kind == "union" and not t.nullable else (t,):
            if part not in unique:
                unique.append(part)
    return unique


def _distinct(types: list[PyType]) -> list[PyType]:
    return [t for i, t in enumerate(types) if t not in types[:i]]
