"""Python literals for values of the spec, written the way black writes them (so black leaves them as they are)."""

from __future__ import annotations

import math
from typing import Any


def string_literal(text: str) -> str:
    """A literal for ``text`` quoted as black quotes it: in double quotes, unless that takes more
    backslashes than single quotes do (so black leaves the generated literal as it is)."""
    literal = repr(text)
    if literal[0] == '"' or text.count('"') > text.count("'"):
        return literal  # repr chose double quotes, or single quotes need fewer escapes
    if "'" not in text:
        return '"' + literal[1:-1] + '"'  # no quote inside: the body reads the same in either
    return '"' + "".join('\\"' if c == '"' else "'" if c == "'" else repr(c)[1:-1] for c in text) + '"'


def pyliteral(value: Any) -> str:
    """A Python literal for ``value`` (str, int, float, bool, None, and lists, tuples and dicts of them).

    ``repr`` of an infinite or NaN float is a bare name (``inf``), not a literal; those
    become ``float("inf")``, also inside lists and dicts.
    """
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, float) and not math.isfinite(value):
        return f'float("{value!r}")'
    if isinstance(value, list):
        return "[" + ", ".join(pyliteral(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(pyliteral(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyliteral(k)}: {pyliteral(v)}" for k, v in value.items()) + "}"
    return repr(value)
