"""Split the long lines of rendered Python the way black splits them, before black runs.

black formats a file twice whenever its first pass changes anything (its second pass settles
trailing commas it added). Templates write a call, a dict, a signature's parameter or a model
field on one line, whatever its length; this module splits each such line that is too long
the way black would, so that for most files black's first pass changes nothing and it makes
no second pass. black still formats every file, so every file is black's output: a line this
module does not understand is left as it is for black to split. It never changes what the code
means (``tests/generator/test_line_splitter.py`` compares syntax trees). A wrong guess costs black's second pass,
and where the guess put one item a line black would have joined, the trailing comma it added
makes black keep that layout: still black's output, only not the one black alone would write.
The tests hold it to black on the Leap SDK and every case folder, and Stripe's, Spotify's and
petstore's SDKs were checked the same way (no file changed by black's first pass).

The lines it splits, as black does:

- ``head(arguments)`` with nothing or one comma after it, where the head is names, dots, ``=``,
  ``return``, ``await``, ``**``, a ``"key":`` or a lambda's parameters: the arguments on a line
  of their own when they fit there (three lines); else one argument a line, with a trailing
  comma. A dict, list or tuple of two items or more always gets one item a line.
- ``name: annotation = value`` (a model field) and ``name: annotation = value,`` (a parameter):
  a field whose value is a call splits in the call when ``name: annotation = call(`` fits; one
  whose value has no bracket puts the value in parentheses when ``name: annotation = (`` fits;
  otherwise the annotation goes in parentheses on lines of its own, one ``|`` member a line
  when it is still too long.
- ``target = call(...)`` whose head is too long: the value in parentheses when it then fits.
- ``keyword=value if condition else other,``: in parentheses, one part a line.
- ``class Name(Base):``, ``def name(self) -> Type:`` and ``from module import a, b``.
"""

from __future__ import annotations

import re

from generator.format.line_scan import Scanned, lines_in_strings

LINE_LENGTH = 88
INDENT = "    "

_NAME_HEAD = re.compile(r'(?:\| )?(?:return |await )?(?:lambda(?: \w+(?:, \w+)*)?: )?(?:[\w.]|"[^"]*"|\s|=|\*\*|:|,)*')
_KEYWORD = re.compile(r"\b(?:and|or|not|if|else|in|is|for|async|yield|del|with|assert|raise|import|def|class|elif|while|lambda)\b")
_FIELD = re.compile(r"\w+: \S.*")
_IMPORT = re.compile(r"(from [\w.]+ import \w+(?:, \w+)*)(  # [\w:, -]+)?")
_ATOM = re.compile(r'(?:\| )?(?:\w+=|"[^"\\]*": )?(?:"[^"\\]*"|[\w.]+),?')
_SELF_ONLY = re.compile(r"(?:async )?def \w+\(self\) -> [\w.\[\], |]+:")
_CONDITIONAL = re.compile(r"(\w+=)(.+?) if (.+?) else (.+?)(,?)")
_CLASS = re.compile(r"class \w+\(\w+(?:, \w+)*\):")


def split(line: str, indent: int) -> list[str] | None:
    """``line`` (without its indentation) as black would lay it out at ``indent`` spaces: the lines
    relative to that indentation, or ``None`` when this module leaves it to black."""
    if indent + len(line) <= LINE_LENGTH:
        return [line]
    if _ATOM.fullmatch(line):
        return [line]  # too long, but black has nowhere to split it either
    imported = _IMPORT.fullmatch(line)
    if imported:
        head, names = imported.group(1).split(" import ", 1)
        return [f"{head} import ("] + [f"{INDENT}{name.strip()}," for name in names.split(",")] + [")" + (imported.group(2) or "")]
    if _SELF_ONLY.fullmatch(line):
        head, returns = line.split("(self)", 1)
        return [f"{head}(", f"{INDENT}self,", f"){returns}"]
    if _CLASS.fullmatch(line):
        name, bases = line[:-2].split("(", 1)
        return [f"{name}(", INDENT + bases, "):"] if indent + len(INDENT + bases) <= LINE_LENGTH else None
    text = Scanned.scan(line)
    if text is None:
        return None
    conditional = _CONDITIONAL.fullmatch(line)
    top = text.top_level(0, len(line)) if conditional else ""
    if conditional and top.count(" if ") == top.count(" else ") == 1 and "lambda" not in top:
        keyword, parts = conditional.group(1), [conditional.group(2), "if " + conditional.group(3), "else " + conditional.group(4)]
        fits = all(indent + len(INDENT + part) <= LINE_LENGTH for part in parts)
        return [f"{keyword}(", *(INDENT + part for part in parts), ")" + conditional.group(5)] if fits else None
    if _FIELD.fullmatch(line) and not line.startswith(("return ", "await ")):
        return _field(text, indent)
    return _call(text, indent)


def _last_pair(text: Scanned) -> tuple[int, int] | None:
    """Where the bracket pair that ends the line (before a comma, if any) opens and closes."""
    line = text.text
    close_at = len(line) - (2 if line.endswith(",") else 1)
    if close_at < 0 or line[close_at] not in ")]}":
        return None
    level = text.depth[close_at]
    return max(i for i in range(close_at) if text.depth[i] == level and line[i] in "([{"), close_at


def _call(text: Scanned, indent: int, *, any_head: bool = False) -> list[str] | None:
    """A line ending in a bracket pair (and maybe a comma), split at that pair."""
    line = text.text
    pair = _last_pair(text)
    if pair is None:
        return None
    open_at, close_at = pair
    head, body = line[: open_at + 1], line[open_at + 1 : close_at].strip()
    if not body or not (any_head or _plain_head(head[:-1])) or _KEYWORD.search(text.top_level(open_at + 1, close_at)):
        return None
    wrapped = _value_in_parentheses(text, indent, open_at, head)
    if wrapped is not None:
        return wrapped
    items = _items(text, open_at, close_at, head)
    if items is None:
        return None
    collection = _is_tuple(head) or head[-1] in "[{" and not _follows_name(head)
    width = indent + len(INDENT)
    if not (collection and len(items) > 1) and width + len(body) <= LINE_LENGTH:
        return [head, INDENT + body, line[close_at:]]
    inner = _one_item(items[0], width) if len(items) == 1 else _each_item(items, width)
    return None if inner is None else [head, *(INDENT + part for part in inner), line[close_at:]]


def _value_in_parentheses(text: Scanned, indent: int, open_at: int, head: str) -> list[str] | None:
    """``target = call(`` too long for its line: the value in parentheses, if it then fits."""
    line = text.text
    if indent + len(head) <= LINE_LENGTH or line.endswith(","):
        return None
    equals = text.find_all(" = ", 0, open_at)
    if not equals or indent + equals[0] + 4 > LINE_LENGTH:
        return None
    value = split(line[equals[0] + 3 :], indent + len(INDENT))
    if value is None or any(indent + len(INDENT) + len(part) > LINE_LENGTH for part in value):
        return None
    return [line[: equals[0]] + " = (", *(INDENT + part for part in value), ")"]


def _items(text: Scanned, open_at: int, close_at: int, head: str) -> list[str] | None:
    """The comma-separated items between the brackets; ``None`` for a trailing comma black keeps (a "magic" one)."""
    line = text.text
    cuts = text.find_all(",", open_at + 1, close_at)
    items = [line[a + 1 : b].strip() for a, b in zip([open_at, *cuts], [*cuts, close_at])]
    if items and not items[-1]:
        if not (len(items) == 2 and _is_tuple(head)):
            return None
        items = items[:-1]
    return items


def _one_item(item: str, width: int) -> list[str] | None:
    """The lines of the one item of a bracket pair: a union one member a line, else split as any line."""
    scanned = Scanned.scan(item)
    return _union(item, width) if scanned is not None and scanned.find_all(" | ") else split(item, width)


def _each_item(items: list[str], width: int) -> list[str] | None:
    """One item a line (each with its comma, each split further when too long)."""
    out: list[str] = []
    for item in items:
        nested = split(item + ",", width)
        if nested is None:
            return None
        out.extend(nested)
    return out


def _field(text: Scanned, indent: int) -> list[str] | None:
    """``name: annotation[ = value][,]``: a model field, or a parameter of a signature."""
    line = text.text
    comma = "," if line.endswith(",") else ""
    end = len(line) - len(comma)
    colon = line.index(": ")
    equals = next(iter(text.find_all(" = ", 0, end)), None)
    name, annotation = line[:colon], line[colon + 2 : end if equals is None else equals]
    value = "" if equals is None else line[equals + 3 : end]
    if value and not comma and equals is not None:
        split_value = _field_value(text, indent, name, annotation, equals)
        if split_value is not None:
            return split_value
    rest = (f" = {value}" if value else "") + comma
    single = Scanned.scan(annotation)
    if single is not None and annotation.endswith("]") and not single.find_all(" | "):  # split the subscript in place
        lines = _call(Scanned.scan(f"{name}: {annotation}") or single, indent, any_head=True)
        return None if lines is None else [*lines[:-1], lines[-1] + rest]
    if _ATOM.fullmatch(annotation) and indent + len(INDENT + annotation) > LINE_LENGTH:
        return [line]  # parentheses would not make it fit: black leaves it
    members = _union(annotation, indent + len(INDENT))
    if members is None:
        return None
    return [f"{name}: (", *(INDENT + member for member in members), ")" + rest]


def _field_value(text: Scanned, indent: int, name: str, annotation: str, equals: int) -> list[str] | None:
    """A field's default split: at the brackets of the call it is, else in parentheses; ``None``: split the annotation."""
    line = text.text
    value = line[equals + 3 :]
    pair = _last_pair(text)
    if pair is not None and re.fullmatch(r"[\w.]+[(\[]", line[equals + 3 : pair[0] + 1]) and indent + pair[0] + 1 <= LINE_LENGTH:
        return _call(text, indent, any_head=True)
    if indent + len(f"{name}: {annotation} = (") <= LINE_LENGTH and indent + len(INDENT + value) <= LINE_LENGTH:
        return [f"{name}: {annotation} = (", INDENT + value, ")"]
    return None


def _union(annotation: str, indent: int) -> list[str] | None:
    """An annotation on lines of its own at ``indent``: one line, or one ``|`` member a line."""
    if indent + len(annotation) <= LINE_LENGTH:
        return [annotation]
    text = Scanned.scan(annotation)
    if text is None:
        return None
    cuts = text.find_all(" | ")
    members = [annotation[a:b].strip().removeprefix("| ") for a, b in zip([0, *cuts], [*cuts, len(annotation)])]
    out: list[str] = []
    for index, member in enumerate(members):
        nested = split(("| " if index else "") + member, indent)
        if nested is None:
            return None
        out.extend(nested)
    return out


def _plain_head(head: str) -> bool:
    """Whether black splits a line with this head at its last bracket (no operator it would split at first)."""
    stripped = re.sub(r"^(?:\| )?(?:return |await )?", "", head.strip())
    stripped = re.sub(r"lambda(?: \w+(?:, \w+)*)?: ", "", stripped)
    return bool(_NAME_HEAD.fullmatch(head.strip())) and not _KEYWORD.search(re.sub(r'"[^"]*"', '""', stripped))


def _follows_name(head: str) -> bool:
    """Whether the opening bracket ending ``head`` follows a name or a closing bracket (a call or a subscript)."""
    before = head[:-1].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "_)]") and not re.search(r"\b(?:return|await|in|not|and|or|lambda)$", before)


def _is_tuple(head: str) -> bool:
    return head.endswith("(") and not _follows_name(head)


def prelayout(code: str) -> str:
    """``code`` (a Python file or example) with each line that is too long split as black would split it."""
    lines = code.split("\n")
    long = [number for number, line in enumerate(lines) if len(line) > LINE_LENGTH]
    if not long:
        return code
    strings = lines_in_strings(code)
    for number in reversed(long):
        if number in strings:
            continue
        line = lines[number]
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        parts = split(stripped, indent)
        if parts is not None:
            lines[number : number + 1] = [" " * indent + part for part in parts]
    return "\n".join(lines)
