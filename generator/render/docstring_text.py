"""Text made safe and wrapped for a docstring: a description from the spec can neither end the
docstring early nor run past the line length black keeps, and no generated file holds a character
that Python, black or a UTF-8 file cannot (:func:`printable`)."""

from __future__ import annotations

import functools
import re
import textwrap

FILTERS = ("docline", "docbody")

WIDTH = 84

#: Control characters (all but tab and newline: NUL, ``\r``, ``\x85``...) and the line and paragraph
#: separators, which Python source does not allow raw (NUL) or which would split a line where
#: Python does not (``str.splitlines``); and lone surrogates, which UTF-8 cannot encode.
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]|[\ud800-\udfff]")


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if match.group() >= "\ud800" else " "


def printable(value: object) -> object:
    """``value`` with each character of :data:`UNPRINTABLE` replaced: a control character or line
    separator by a space, a lone surrogate by U+FFFD; anything but a string as it is.

    Jinja's ``finalize``: every expression a template writes passes through it. Python literals are
    unchanged (``repr`` escapes all of these), so only docstrings and docs lose the characters.
    """
    return UNPRINTABLE.sub(_replacement, value) if isinstance(value, str) and UNPRINTABLE.search(value) else value


def escape(text: str) -> str:
    text = str(printable(text))  # first: wrapping folds the spaces it leaves
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return text + " " if text.endswith('"') else text


def docline(text: str) -> str:
    """``text`` on one line, safe inside a docstring."""
    return escape(" ".join(text.split()))


def fill(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` wrapped at spaces only (URLs and hyphenated words stay whole)."""
    return list(wrapped(text, width, first, rest))


@functools.lru_cache(maxsize=4096)
def wrapped(text: str, width: int, first: str, rest: str) -> tuple[str, ...]:
    # The same texts come back often: each method's docstring twice (blocking and asyncio), the
    # same parameter descriptions on hundreds of operations of a big spec.
    return tuple(textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False, break_long_words=False))


def wrap(text: str, indent: str) -> list[str]:
    """Paragraphs of ``text`` wrapped to :data:`WIDTH` less ``indent``, blank lines kept between them."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        joined = " ".join(paragraph.split())
        if not joined:
            continue
        if lines:
            lines.append("")
        lines += fill(joined, WIDTH - len(indent))
    return lines


def item(text: str) -> list[str]:
    """A docstring section entry (``name: text``), continuation lines indented under it."""
    return fill(escape(text), WIDTH - 8, "    ", "        ")


def docbody(text: str) -> str:
    """``text`` as wrapped paragraphs, safe inside a docstring."""
    return "\n".join(wrap(escape(text), ""))


def docstring(lines: list[str], indent: str) -> str:
    """A triple-quoted docstring of ``lines`` (already escaped), indented for its block."""
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) == 1:
        # Wrapping drops the space escape puts after a final quote; it must not touch the closing quotes.
        return f'"""{lines[0]} """' if lines[0].endswith('"') else f'"""{lines[0]}"""'
    body = "\n".join(f"{indent}{line}" if line else "" for line in lines[1:])
    return f'"""{lines[0]}\n{body}\n{indent}"""'
