"""Python names for OpenAPI names: snake_case members, PascalCase classes (PEP 8).

The wire name is always kept beside the Python name (as a pydantic alias, or in the
request the method builds), so conversion only has to give a valid, stable, readable
identifier. :func:`python_identifier_problem` says why a name cannot be converted.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping, Set
from functools import lru_cache

from anyascii import anyascii

_WORD_BOUNDARY_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_BOUNDARY_2 = re.compile(r"([a-z0-9])([A-Z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")


@lru_cache(maxsize=1 << 16)  # the same names come back for every reference to them
def words(name: str) -> tuple[str, ...]:
    """Split ``name`` into lower-case ASCII words at case changes and non-alphanumerics.

    Other scripts are transliterated first (``größe`` -> ``grosse``, ``café`` -> ``cafe``,
    ``имя`` -> ``imya``), so a non-ASCII name reads as itself; what has no letters or digits
    even then (an emoji's name is its words) gives no words.
    """
    spaced = _WORD_BOUNDARY_1.sub(r"\1 \2", name if name.isascii() else anyascii(name))
    spaced = _WORD_BOUNDARY_2.sub(r"\1 \2", spaced)
    return tuple(w.lower() for w in _NON_WORD.split(spaced) if w)


@lru_cache(maxsize=1 << 16)
def snake_case(name: str) -> str:
    """``modelId`` -> ``model_id``, ``Image Models`` -> ``image_models``; keywords get a ``_`` suffix.

    Only hard keywords (``class``, ``from``): soft ones (``match``, ``type``) are valid
    names, and their list grows with each Python version, which would make the output
    depend on the interpreter that runs the generator.
    """
    result = "_".join(words(name))
    if keyword.iskeyword(result):
        result += "_"
    return result


@lru_cache(maxsize=1 << 16)
def pascal_case(name: str) -> str:
    """``Image Models`` -> ``ImageModels``; an already PascalCase name is kept as it is."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
        return name
    return "".join(w[:1].upper() + w[1:] for w in words(name))


def python_identifier_problem(name: object) -> str | None:
    """Why ``name`` cannot become a Python identifier, or ``None`` when it can."""
    if not isinstance(name, str):
        return f"it is a {type(name).__name__}, not a string"
    converted = snake_case(name)
    if not converted:
        return "it has no letters or digits"
    if converted[0].isdigit():
        return "it starts with a digit"
    return None


def module_name(name: str) -> str:
    """The module a schema or tag is written to: ``ImageModels`` -> ``image_models``."""
    result = snake_case(name).rstrip("_")
    return result + "_" if keyword.iskeyword(result) else result


def api_class_name(tag: str) -> str:
    """The API class of a tag: ``Image Models`` -> ``ImageModelsApi``."""
    return pascal_case(tag) + "Api"


def identifier(name: object, fallback: str) -> str:
    """A valid snake_case identifier for any ``name``: ``2fa`` -> ``fallback_2fa``, ``$`` -> ``fallback``.

    Names that are not strings are converted with ``str``; a name without letters or
    digits becomes ``fallback``; one that starts with a digit gets ``fallback_`` before it.
    """
    result = snake_case(str(name))
    if not result:
        return fallback
    if result[0].isdigit():
        result = f"{fallback}_{result}"
    return result


def class_identifier(name: object, fallback: str) -> str:
    """A valid PascalCase class name for any ``name`` (see :func:`identifier`); ``none`` -> ``None_``."""
    result = pascal_case(str(name))
    if not result:
        return fallback
    if result[0].isdigit():
        result = fallback + result
    if keyword.iskeyword(result):
        result += "_"
    return result


class Namespace:
    """Names in one scope (a module, a class, a signature), each used once.

    :meth:`claim` gives a wanted name, or, when it is taken, the first free ``name_2``,
    ``name_3``... in the order names are claimed (document order), so the result is stable;
    a reserved name gets ``suffix`` (``timeout`` -> ``timeout_``). It returns the name and
    what it collided with: the earlier owner, or the SDK's use of a reserved name
    (see :mod:`generator.reserved_names`; ``None`` if none, or the name was reserved silently).
    """

    def __init__(self, reserved: Mapping[str, str] | Set[str] = frozenset(), *, suffix: str = "_") -> None:
        self.uses = dict(reserved) if isinstance(reserved, Mapping) else dict.fromkeys(reserved, "")
        self.reserved = frozenset(self.uses)
        self.owners: dict[str, str] = {}
        self.suffix = suffix

    def claim(self, wanted: str, owner: str) -> tuple[str, str | None]:
        """Take ``wanted`` (or a free variant of it) for ``owner``; return ``(name, what it collided with)``."""
        base = wanted.rstrip("_") or wanted
        clash = None
        if wanted in self.reserved:
            clash = f"{self.uses[wanted]} {wanted!r}" if self.uses[wanted] else None
            wanted += self.suffix
        if wanted not in self.owners and wanted not in self.reserved:
            self.owners[wanted] = owner
            return wanted, clash
        clash = self.owners.get(wanted, clash or wanted)
        number = 2
        while f"{base}_{number}" in self.owners or f"{base}_{number}" in self.reserved:
            number += 1
        name = f"{base}_{number}"
        self.owners[name] = owner
        return name, clash
