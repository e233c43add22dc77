"""What the line splitter reads of Python code before it splits: brackets and strings.

A line is scanned once into a :class:`Scanned`: each character's bracket depth, and the text with
string literals masked, so that a comma or bracket inside a string is never taken for code. Which
lines of a file a triple-quoted string touches (:func:`lines_in_strings`) is data, never split.
"""

from __future__ import annotations

import re


class Scanned:
    """A line of code with, for each character, its bracket depth; strings masked out."""

    def __init__(self, text: str, depth: list[int], masked: str) -> None:
        self.text, self.depth, self.masked = text, depth, masked

    @classmethod
    def scan(cls, text: str) -> "Scanned | None":
        """``None`` for what the splitter leaves to black: comments, backslashes outside strings,
        prefixed or triple-quoted strings, unbalanced brackets."""
        depth, level, masked, i, n = [], 0, [], 0, len(text)
        while i < n:
            c = text[i]
            if c in "\"'":
                if text.startswith(c * 3, i) or (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
                    return None
                j = i + 1
                while j < n and text[j] != c:
                    j += 2 if text[j] == "\\" else 1
                if j >= n:
                    return None
                depth.extend([level] * (j + 1 - i))
                masked.append(c + "_" * (j - i - 1) + c)
                i = j + 1
                continue
            if c in "#\\;":
                return None
            if c in ")]}":
                level -= 1
                if level < 0:
                    return None
            depth.append(level)
            masked.append(c)
            if c in "([{":
                level += 1
            i += 1
        return cls(text, depth, "".join(masked)) if level == 0 else None

    def find_all(self, needle: str, start: int = 0, end: int | None = None) -> list[int]:
        """Positions of ``needle`` at the depth of ``start``, outside strings, in ``[start, end)``."""
        end = len(self.text) if end is None else end
        level = self.depth[start] if start < len(self.depth) else 0
        found, at = [], self.masked.find(needle, start, end)
        while at >= 0:
            if self.depth[at] == level:
                found.append(at)
            at = self.masked.find(needle, at + 1, end)
        return found

    def top_level(self, start: int, end: int) -> str:
        """The masked text of ``[start, end)`` at the depth of ``start``, without what nested brackets hold."""
        level = self.depth[start]
        return "".join(c for c, d in zip(self.masked[start:end], self.depth[start:end]) if d == level and c not in "([{)]}")


#: String literals and comments, so that a triple quote inside a string or a comment is not taken for one that opens a string.
_LITERALS = re.compile(r"""(\"\"\"|\'\'\')(?:\\.|(?!\1).)*?\1|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\#[^\n]*""", re.S)


def lines_in_strings(code: str) -> set[int]:
    """Numbers (from 0) of the lines a triple-quoted string touches: their text is data, never split."""
    lines: set[int] = set()
    line, seen = 0, 0
    for match in _LITERALS.finditer(code):
        if match.group(1):
            line += code.count("\n", seen, match.start())
            seen = match.start()
            lines.update(range(line, line + match.group().count("\n") + 1))
    return lines
