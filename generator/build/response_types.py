"""The types responses parse into: enums open to values the spec does not list yet, and return
types mypy accepts as ``type[T]``.

``enum_bases`` gives the type of each enum class's values (``str`` or ``int``) where they share one.
"""

from __future__ import annotations

from generator.ir import Alias, PyType

#: How deep an alias chain or nested type is followed.
MAX_DEPTH = 16

BOOL_LITERALS = ("True", "False", "True, False", "False, True")


def open_enum(enum_bases: dict[str, str], type_: PyType) -> PyType:
    """A model field's type with each enum open to values the spec does not list: ``Mood`` -> ``Mood | str``.

    Models are what responses parse into, and an API adds enum values before its spec
    says so. Single-value ``Literal`` types (``const``) stay closed.
    """
    if type_.kind == "enum":
        base = enum_bases.get(type_.name)
        return _or_base(type_, base) if base else type_
    if type_.kind == "primitive" and _is_open_literal(type_.name):
        return _or_base(type_, "str" if "'" in type_.name or '"' in type_.name else "int")
    if type_.kind in ("list", "tuple", "dict"):
        return PyType(type_.kind, type_.name, tuple(open_enum(enum_bases, a) for a in type_.args), type_.nullable, type_.discriminator)
    if type_.kind == "union" and not type_.discriminator:
        return _open_union(enum_bases, type_)
    return type_


def _is_open_literal(name: str) -> bool:
    """A ``Literal`` of several values, none a boolean."""
    return name.startswith("Literal[") and ", " in name and "True" not in name and "False" not in name


def _or_base(type_: PyType, base: str) -> PyType:
    """``type_ | base`` (``Mood | str``), optional when ``type_`` is."""
    return PyType("union", args=(type_.with_nullable(False), PyType("primitive", base)), nullable=type_.nullable)


def _open_union(enum_bases: dict[str, str], type_: PyType) -> PyType:
    """A union with each member opened; the members of an opened member join it, each once."""
    args: list[PyType] = []
    for arg in type_.args:
        opened = open_enum(enum_bases, arg)
        for part in opened.args if opened.kind == "union" and opened is not arg and not opened.nullable else (opened,):
            if part not in args:
                args.append(part)
    return PyType("union", args=tuple(args), nullable=type_.nullable)


def returnable(enum_bases: dict[str, str], type_: PyType, aliases: dict[str, Alias], depth: int = 0) -> PyType:
    """A return type mypy accepts as ``type[T]``: enums and ``Literal`` types as their values' type (an
    answer with a new value still parses), an alias that holds one written out."""
    if type_.kind == "enum":
        return PyType("primitive", enum_bases[type_.name], nullable=type_.nullable) if type_.name in enum_bases else PyType("any")
    if type_.kind == "primitive" and type_.name.startswith("Literal["):
        return PyType("primitive", _literal_base(type_.name), nullable=type_.nullable)
    if depth >= MAX_DEPTH:
        return type_
    if type_.kind == "alias" and type_.name in aliases:
        target = aliases[type_.name].type
        opened = returnable(enum_bases, target, aliases, depth + 1)
        return type_ if opened == target else opened.with_nullable(type_.nullable or opened.nullable)
    if type_.args:
        return _returnable_args(enum_bases, type_, aliases, depth)
    return type_


def _literal_base(name: str) -> str:
    """The type of a ``Literal``'s values: ``bool``, ``str`` or ``int``."""
    inner = name[len("Literal[") : -1]
    return "bool" if inner in BOOL_LITERALS else "str" if "'" in inner or '"' in inner else "int"


def _returnable_args(enum_bases: dict[str, str], type_: PyType, aliases: dict[str, Alias], depth: int) -> PyType:
    """A list, dict or union with each member returnable; a union whose members became one type is that type."""
    args = tuple(returnable(enum_bases, a, aliases, depth + 1) for a in type_.args)
    if args == type_.args:
        return type_
    if type_.kind == "union" and any(a.kind == "any" for a in args):
        return PyType("any")
    unique = tuple(a for i, a in enumerate(args) if a not in args[:i])
    if type_.kind == "union" and len(unique) == 1:
        return unique[0].with_nullable(type_.nullable or unique[0].nullable)
    return PyType(type_.kind, type_.name, unique, type_.nullable, type_.discriminator)


def needs_cast(type_: PyType, aliases: dict[str, Alias], depth: int = 0) -> bool:
    """Whether ``cast_to`` must be cast to ``type[...]`` for mypy: a union, an optional, an alias of either."""
    if type_.kind == "any":
        return False
    if type_.nullable or type_.kind == "union":
        return True
    if type_.kind == "alias" and type_.name in aliases and depth < MAX_DEPTH:
        return needs_cast(aliases[type_.name].type, aliases, depth + 1)
    return False
