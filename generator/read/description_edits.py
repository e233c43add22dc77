"""The edit loop's shortcut: a spec that differs from the last one parsed from its path only in one
line, the one-line ``description`` or ``summary`` written there, is made from that parse instead of
parsing the file again (on Stripe's 4 MB spec, the difference between meeting the edit-loop target
and missing it: bench/mechanisms.md)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

from generator.cache import Cache, digest, fingerprint
from generator.read.document import Document, SpecLoader, lines_key


#: Keys whose one-line plain value an edit may change without the file being parsed again (see :func:`patched`):
#: free text, which the OpenAPI schema only requires to be a string and the build only carries.
TEXT_KEYS = frozenset({"description", "summary"})
#: Keys under which a document holds data (checked against its schemas) or extensions, not OpenAPI objects:
#: a ``description`` there is data, not free text (with every key starting ``x-``, see :func:`in_data`).
DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const", "mapping", "links"})


def in_data(key: object) -> bool:
    """Whether the value under ``key`` is data or an extension (see :data:`DATA_KEYS`)."""
    return isinstance(key, str) and (key in DATA_KEYS or key.startswith("x-"))


#: A line holding one of :data:`TEXT_KEYS` with a one-line plain value (no quote, no YAML indicator).
_TEXT_LINE = re.compile(r"( *)(" + "|".join(sorted(TEXT_KEYS)) + r"): ([^\s'\"&*!|>\[\]{}#%@`,?:-][^#,\[\]{}]*?)\s*")


_STR = "tag:yaml.org,2002:str"


def text_lines(root: Any) -> dict[int, tuple[str, ...]]:
    """``{0-based line: path of key texts}`` of every ``description``/``summary`` written on one line as a plain
    scalar after its key; ``{}`` when the file has merge keys (``<<``, which copy values) or a mapping repeats a key.
    Run on the node tree as composed, before construction flattens merge keys into it."""
    found: dict[int, tuple[str, ...]] = {}
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[str, ...]]] = [(root, ())]
    while stack:
        node, tokens = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*tokens, str(index))) for index, child in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            texts = [str(key.value) for key, _ in node.value]
            if len(set(texts)) != len(texts) or "<<" in texts:
                return {}
            for key, value in node.value:
                if id(key) in seen:  # a key node in two mappings: merged (construction flattens merge keys)
                    return {}
                seen.add(id(key))
                if (
                    isinstance(key, yaml.ScalarNode)
                    and key.value in TEXT_KEYS
                    and key.tag == _STR
                    and not key.style
                    and isinstance(value, yaml.ScalarNode)
                    and not value.style
                    and key.start_mark.line == value.start_mark.line == value.end_mark.line
                ):
                    found[key.start_mark.line] = (*tokens, key.value)
                else:
                    stack.append((value, (*tokens, str(key.value))))
    return found


def _only_changed_line(old: bytes, new: bytes) -> int | None:
    """The index of the one line that differs between ``old`` and ``new`` (as many lines each), else ``None``."""
    old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
    if len(old_lines) != len(new_lines):
        return None
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b]
    return changed[0] if len(changed) == 1 else None


def _child_key(mapping: dict[Any, Any], token: str) -> Any:
    keys = [key for key in mapping if str(key) == token]
    if len(keys) != 1:
        raise KeyError(token)
    return keys[0]


def last_key(path: Path) -> str:
    return digest("spec-last", fingerprint(), path.resolve())


def patched(cache: Cache, path: Path, raw: bytes, key: str) -> Document | None:
    """The document of ``raw`` made from the last one parsed from ``path`` when the files differ in one line only,
    the value of a ``description`` or ``summary`` written there as a one-line plain scalar, in both; else ``None``.

    Every other line is the same, so every other node, and the line of every element, is the same: only that
    value is parsed (alone, by the same loader) and put in its place.
    """
    found = _last_parse(cache, path, raw)
    if found is None:
        return None
    old_raw, index, tokens, text_lines_of_file, (data, _, (old_root,)) = found
    value = _new_value(old_raw, raw, index, tokens[-1])
    if value is _NOT_PLAIN or not _replace(data, tokens, value):
        return None
    root_sha = hashlib.sha256(raw).hexdigest()
    files = ((old_root[0], root_sha),)
    lines = cache.read_value("lines", lines_key((old_root,)))
    if isinstance(lines, dict):
        cache.write_value("lines", lines_key(files), lines)
    cache.write_value("spec", key, (data, root_sha, files))
    cache.write_value("spec-last", last_key(path), (raw, key, text_lines_of_file))
    return Document(
        data=data, path=path, sha256=root_sha, root_node=None, source=raw, files=files, lines_entry=(cache, lines_key(files)), text_edit_of=((old_root,), tokens)
    )


_NOT_PLAIN = object()
"""What :func:`_new_value` gives when the changed line is not a one-line plain text of the same key."""


def _last_parse(cache: Cache, path: Path, raw: bytes) -> tuple[bytes, int, tuple[str, ...], dict[int, tuple[str, ...]], tuple[Any, ...]] | None:
    """The last parse of ``path`` when ``raw`` differs from its bytes in one line that holds a one-line text:
    ``(old bytes, line, path of keys to the text, the texts' lines, the cached entry)``; else ``None``."""
    last = cache.read_value("spec-last", last_key(path))
    if not (isinstance(last, tuple) and len(last) == 3 and isinstance(last[0], bytes) and isinstance(last[2], dict)):
        return None
    old_raw, old_key, lines_of_texts = last
    index = _only_changed_line(old_raw, raw)
    tokens = lines_of_texts.get(index) if index is not None else None
    if index is None or not tokens:
        return None
    entry = cache.read_value("spec", old_key)
    if not (isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[0], dict) and isinstance(entry[2], tuple) and len(entry[2]) == 1):
        return None
    return old_raw, index, tokens, lines_of_texts, entry


def _new_value(old_raw: bytes, raw: bytes, index: int, key: str) -> Any:
    """The new value of line ``index``, parsed alone, when both versions of that line are ``key: <one-line plain text>``."""
    try:
        old_line = old_raw.split(b"\n")[index].decode("utf-8")
        new_line = raw.split(b"\n")[index].decode("utf-8")
    except UnicodeDecodeError:
        return _NOT_PLAIN
    before, after = _TEXT_LINE.fullmatch(old_line), _TEXT_LINE.fullmatch(new_line)
    if not before or not after or before.group(1, 2) != after.group(1, 2) or after.group(2) != key:
        return _NOT_PLAIN
    text = after.group(3)
    if ": " in text or text.endswith(":"):
        return _NOT_PLAIN
    try:
        return yaml.load(f"{after.group(2)}: {text}\n", Loader=SpecLoader)[after.group(2)]  # noqa: S506 - the safe loader
    except (yaml.YAMLError, TypeError, KeyError):
        return _NOT_PLAIN


def _replace(data: dict[str, Any], tokens: tuple[str, ...], value: Any) -> bool:
    """Put ``value`` at the path of keys ``tokens`` in ``data``; ``False`` when that place is not there."""
    try:
        parent: Any = data
        for token in tokens[:-1]:
            parent = parent[int(token)] if isinstance(parent, list) else parent[_child_key(parent, token)]
        if not isinstance(parent, dict) or tokens[-1] not in parent:
            return False
    except (KeyError, ValueError, IndexError, TypeError):
        return False
    parent[tokens[-1]] = value
    return True
