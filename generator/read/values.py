"""How the typed view reads a spec's values leniently: a value of the wrong JSON type reads as
absent (an empty mapping or list, ``None``, ``""``), so no shape of input makes a later stage raise."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import pointer_parts


def mapping(value: Any) -> dict[Any, Any]:
    """``value`` when it is a mapping, else ``{}``."""
    return value if isinstance(value, dict) else {}


def mapping_or_none(value: Any) -> dict[Any, Any] | None:
    """``value`` when it is a mapping, else ``None`` (a schema that is given or not)."""
    return value if isinstance(value, dict) else None


def listed(value: Any) -> list[Any]:
    """``value`` when it is a list, else ``[]``."""
    return value if isinstance(value, list) else []


def string_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def text(value: Any) -> str:
    """A description, summary or title as plain text: stripped; ``""`` when it is not a string."""
    return value.strip() if isinstance(value, str) else ""


def boolean(value: Any, default: bool) -> bool:
    """``value`` when it is ``true`` or ``false``, else ``default``."""
    return value if isinstance(value, bool) else default


def follow_pointer(data: Any, pointer: str) -> Any:
    """The value at JSON pointer ``pointer`` (``/a/0/b``; ``""``: ``data`` itself) inside ``data``.

    Raises:
        KeyError: no value is there (a missing key, an index past the end, a step into a scalar).
    """
    value = data
    for token in pointer_parts(pointer):
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isascii() and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            raise KeyError(pointer)
    return value


def exists(data: Any, pointer: str) -> bool:
    """A value is at JSON pointer ``pointer`` inside ``data`` (see :func:`follow_pointer`)."""
    try:
        follow_pointer(data, pointer)
    except KeyError:
        return False
    return True
