"""One file's bytes -> its data: JSON read as JSON, YAML as YAML (with :class:`SpecLoader`).

A file is JSON when its name ends in ``.json`` or its text starts with ``{``; it is then parsed
by Python's ``json`` (which reads escaped surrogate pairs, ``"\\ud83d\\udc4d"``, that the C YAML
parser refuses), and read as YAML only when it is not JSON after all (a YAML flow mapping).
A UTF-8 byte-order mark is accepted either way. Keys written twice in one mapping are kept
once (the last value wins) and listed with their pointer and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from generator.diagnostics import pointer_join, pointer_parts
from generator.read.yaml_loader import PythonSpecLoader, SpecLoader, compose, line_in, redefines_an_anchor, self_containing

_BOM = b"\xef\xbb\xbf"


class ParseError(Exception):
    """The file is neither JSON nor YAML: what the parser said, and the 1-based line (when known)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


@dataclass
class Parsed:
    """A parsed file: its data, its YAML node tree (``None`` for JSON: composed when a line is
    asked for) and ``(pointer, line)`` of every key written twice."""

    data: Any
    node: Any = None
    duplicates: list[tuple[str, int | None]] = field(default_factory=list)


def is_json(path: Path, raw: bytes) -> bool:
    return path.suffix.lower() == ".json" or raw.removeprefix(_BOM).lstrip()[:1] == b"{"


def parse(raw: bytes, path: Path, *, with_node: bool = True, composed: Callable[[Any], None] | None = None) -> Parsed:
    """The data of ``raw`` (read from ``path``); :class:`ParseError` when it is not JSON or YAML.

    ``composed`` is called with a YAML file's node tree before its data is constructed from it
    (construction flattens merge keys into the tree)."""
    if is_json(path, raw):
        try:
            return _parse_json(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            try:
                return _parse_yaml(raw, with_node, composed)
            except ParseError:
                line = exc.lineno if isinstance(exc, json.JSONDecodeError) else None
                raise ParseError(f"the file is not valid JSON: {getattr(exc, 'msg', exc)}", line) from None
    return _parse_yaml(raw, with_node, composed)


def _parse_yaml(raw: bytes, with_node: bool, composed: Callable[[Any], None] | None = None) -> Parsed:
    try:
        try:
            return _load_yaml(SpecLoader, raw, with_node, composed)
        except yaml.YAMLError as exc:
            if not redefines_an_anchor(exc):
                raise
            return _load_yaml(PythonSpecLoader, raw, with_node, composed)  # an anchor written again, which libyaml refuses
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ParseError(f"the file is not valid YAML: {problem}", None if mark is None else mark.line + 1) from None


def _load_yaml(loader_class: type, raw: bytes, with_node: bool, composed: Callable[[Any], None] | None) -> Parsed:
    loader = loader_class(raw)
    try:
        node = loader.get_single_node()
        looped = self_containing(node) if node is not None and b"*" in raw else None
        if looped is not None:
            raise ParseError("a YAML alias inside the node its anchor names: the node would contain itself", looped.start_mark.line + 1)
        if composed is not None and node is not None:
            composed(node)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    duplicates = []
    if loader.duplicates:
        places = _node_pointers(node)
        duplicates = [(pointer_join(places.get(id(mapping), ""), str(key.value)), key.start_mark.line + 1) for mapping, key in loader.duplicates]
    return Parsed(data, node if with_node else None, duplicates)


def _parse_json(raw: bytes) -> Parsed:
    repeated: list[tuple[dict[str, Any], str]] = []

    def mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(pairs)
        if len(made) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    repeated.append((made, key))
                seen.add(key)
        return made

    data = json.loads(raw.removeprefix(_BOM).decode("utf-8"), object_pairs_hook=mapping)
    duplicates: list[tuple[str, int | None]] = []
    if repeated:
        places = _data_pointers(data)
        root = node_or_none(raw)
        for made, key in repeated:
            parent = places.get(id(made), "")
            duplicates.append((pointer_join(parent, key), _last_key_line(root, parent, key)))
    return Parsed(data, None, duplicates)


def node_or_none(raw: bytes) -> Any:
    try:
        return compose(raw)
    except yaml.YAMLError:
        return None


def _last_key_line(root: Any, parent: str, key: str) -> int | None:
    """The line of the last ``key`` of the mapping at ``parent`` (the one whose value is kept)."""
    node = root
    for token in pointer_parts(parent):
        children = node.value if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) else []
        if isinstance(node, yaml.MappingNode):
            node = next((value for name, value in children if str(name.value) == token), None)
        else:
            node = children[int(token)] if token.isascii() and token.isdigit() and int(token) < len(children) else None
        if node is None:
            return line_in(root, parent)
    keys = [name for name, _ in node.value if str(name.value) == key] if isinstance(node, yaml.MappingNode) else []
    return keys[-1].start_mark.line + 1 if keys else line_in(root, parent)


def _node_pointers(root: Any) -> dict[int, str]:
    """``{id(mapping node): its pointer}`` of every mapping node of a YAML node tree (the first place an alias repeats)."""
    found: dict[int, str] = {}
    seen: set[int] = set()
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, pointer = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            found[id(node)] = pointer
            stack.extend((value, pointer_join(pointer, str(key.value))) for key, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((value, pointer_join(pointer, index)) for index, value in reversed(list(enumerate(node.value))))
    return found


def _data_pointers(root: Any) -> dict[int, str]:
    """``{id(dict): its pointer}`` of every mapping of parsed JSON."""
    found: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        value, pointer = stack.pop()
        if isinstance(value, dict):
            found[id(value)] = pointer
            stack.extend((child, pointer_join(pointer, key)) for key, child in value.items())
        elif isinstance(value, list):
            stack.extend((child, pointer_join(pointer, index)) for index, child in enumerate(value))
    return found
