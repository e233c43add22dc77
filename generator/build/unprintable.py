"""Strings of the spec holding characters no generated file may hold as they are: control
characters (NUL included) and lone surrogates.

Generated code stays correct whatever they are: Python literals (enum values, defaults, wire
names, the server URL) escape them, and the render stage writes every other text through
:func:`generator.render.docstring_text.printable`, which puts a space (U+FFFD for a surrogate) in
their place. This step only says where they are: an ``unprintable-character`` warning per string.
Line breaks are no news (``\r``, the line and paragraph separators): ``printable`` turns them
into spaces too, but a description loses nothing by it, so they are not reported.
"""

from __future__ import annotations

import re
from typing import Any

from generator.build.context import BuildContext
from generator.diagnostics import pointer_join

#: What :func:`generator.render.docstring_text.printable` replaces, less the line breaks.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|[\ud800-\udfff]")

#: At most this many warnings: a document with thousands of such strings needs no more to be fixed.
LIMIT = 20


Path = tuple[Any, ...]
"""A place in the document as ``(parent's path, key)``, ``()`` for the root: a pointer is only written for a hit."""


def warn_unprintable(ctx: BuildContext) -> None:
    """Warn about each string (value or key) of the document holding an :data:`UNPRINTABLE` character."""
    found: list[tuple[Path, str]] = []
    _walk(ctx.document.data, (), found)
    for path, text in found[:LIMIT]:
        characters = ", ".join(sorted({f"U+{ord(c):04X}" for c in UNPRINTABLE.findall(text)}))
        message = f"{text[:40]!r} holds {characters}; docstrings and docs show a space (U+FFFD for a surrogate) in its place, Python literals keep it escaped"
        ctx.warn("unprintable-character", _pointer(path), message)


def _walk(node: Any, path: Path, found: list[tuple[Path, str]]) -> None:
    """Collect the strings under ``node`` holding an unprintable character, with their paths (a key's: its member's)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(value, str):
            if UNPRINTABLE.search(value):
                found.append(((path, key), value))
        elif isinstance(value, (dict, list)):
            _walk(value, (path, key), found)
        if isinstance(key, str) and UNPRINTABLE.search(key):
            found.append(((path, key), key))


def _pointer(path: Path) -> str:
    keys = []
    while path:
        path, key = path
        keys.append(key)
    return pointer_join("", *reversed(keys))
