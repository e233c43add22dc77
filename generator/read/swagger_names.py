"""Swagger 2.0 component names kept through the conversion to OpenAPI 3.0.

swagger2openapi replaces every character of a definition, parameter or response name outside
``[A-Za-z0-9._-]`` with ``_`` (OpenAPI 3 limits component names to those), and numbers the names
that then clash: a document whose definitions are named in Japanese or Cyrillic would give
classes ``Schema``, ``Schema2``... instead of names read from its own. So before the conversion
each such name is replaced with a placeholder of safe characters (its ``$ref``s with it), and
after it every placeholder is given back its name: the converted document then uses the names
the Swagger document wrote, as an OpenAPI 3 document written with them would, and the build
stage turns them into identifiers as it does any name (:mod:`generator.naming`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.read.bundle import escape_token

#: The characters swagger2openapi keeps in a component name.
_SAFE_NAME = re.compile(r"[A-Za-z0-9._-]+")

#: The Swagger 2.0 sections whose names the converter rewrites, and their OpenAPI 3.0 ``components`` section.
_SECTIONS = {"definitions": "schemas", "parameters": "parameters", "responses": "responses"}

_PLACEHOLDER = "s2o_name_{}"


@dataclass(frozen=True)
class Placeholders:
    """The Swagger document with placeholders (``data``) and what each placeholder stands for (``names``)."""

    data: dict[str, Any]
    names: dict[str, str]


def _unescape(token: str) -> str:
    return unquote(token).replace("~1", "/").replace("~0", "~")


def _with_refs(value: Any, reference: Callable[[str], str]) -> Any:
    """A copy of ``value`` with each ``$ref`` string replaced by ``reference(it)``."""
    if isinstance(value, list):
        return [_with_refs(item, reference) for item in value]
    if not isinstance(value, dict):
        return value
    return {key: reference(item) if key == "$ref" and isinstance(item, str) else _with_refs(item, reference) for key, item in value.items()}


def _renamings(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    """``{section: {name: placeholder}}`` for every name the converter would rewrite."""
    taken = {name for section in _SECTIONS if isinstance(data.get(section), dict) for name in data[section]}
    counter = 0
    renamings: dict[str, dict[str, str]] = {}
    for section in _SECTIONS:
        names = data.get(section)
        for name in names if isinstance(names, dict) else ():
            if isinstance(name, str) and _SAFE_NAME.fullmatch(name):
                continue
            counter += 1
            while _PLACEHOLDER.format(counter) in taken:
                counter += 1
            renamings.setdefault(section, {})[str(name)] = _PLACEHOLDER.format(counter)
    return renamings


def placeholders(data: dict[str, Any], folder: Path) -> Placeholders | None:
    """The Swagger document ``data`` (read from a file in ``folder``) with a placeholder for each name the
    converter would rewrite, or ``None`` when it would rewrite none.

    References to other files become absolute paths, since the copy is converted from elsewhere.
    """
    renamings = _renamings(data)
    if not renamings:
        return None

    def reference(ref: str) -> str:
        if ref.startswith("#/"):
            section, _, rest = ref[2:].partition("/")
            token, slash, tail = rest.partition("/")
            placeholder = renamings.get(section, {}).get(_unescape(token))
            return f"#/{section}/{placeholder}{slash}{tail}" if placeholder else ref
        target, hash_, fragment = ref.partition("#")
        if not target or urlsplit(target).scheme or Path(target).is_absolute():
            return ref
        return str((folder / unquote(target)).resolve()) + hash_ + fragment

    copy = _with_refs(data, reference)
    for section, renamed in renamings.items():
        copy[section] = {renamed.get(str(name), name): value for name, value in copy[section].items()}
    return Placeholders(copy, {placeholder: name for renamed in renamings.values() for name, placeholder in renamed.items()})


def restored(converted: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """The converted document with each placeholder given back its name: as a key of ``components``' sections
    (the converter may also name a request body after a schema) and in every ``$ref``."""
    prefix = "#/components/"

    def reference(ref: str) -> str:
        if not ref.startswith(prefix):
            return ref
        section, _, rest = ref[len(prefix) :].partition("/")
        token, slash, tail = rest.partition("/")
        return f"{prefix}{section}/{escape_token(names[token])}{slash}{tail}" if token in names else ref

    result: dict[str, Any] = _with_refs(converted, reference)
    components = result.get("components")
    if isinstance(components, dict):
        for section, entries in components.items():
            if isinstance(entries, dict):
                components[section] = {names.get(name, name): value for name, value in entries.items()}
    return result
