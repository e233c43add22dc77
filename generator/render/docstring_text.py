"""Text made safe and wrapped for a docstring: a description from the spec can neither end the
docstring early nor run past the line length black keeps."""

from __future__ import annotations

import functools
import textwrap

FILTERS = ("docline", "docbody")

WIDTH = 84


def escape(text: str) -> str:
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
