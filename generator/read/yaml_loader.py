"""The YAML loader every spec file is parsed with, and the lines of its node tree.

An OpenAPI document is JSON data written in YAML, so the loader reads YAML as OpenAPI means it:

- mapping keys are strings: ``401:`` (an integer to YAML) is the status code ``"401"``, ``on:`` or
  ``true:`` (booleans to YAML 1.1) the names ``"on"`` and ``"true"``, each key as it is written;
- a key written twice in one mapping is kept once, the last value winning (as JSON parsers do), and
  remembered in :attr:`SpecLoader.duplicates` so that a warning can say where;
- ``yes``, ``no``, ``on`` and ``off`` are strings, not YAML 1.1's booleans (only ``true`` and
  ``false`` are, as in YAML 1.2);
- YAML timestamps are strings (YAML 1.2, which OpenAPI tools read, has no timestamp type: an unquoted
  ``2023-06-20`` is text, not a ``date`` that JSON encoders and schema checks reject).

Anchors, aliases and merge keys (``<<``) are YAML's own and work as PyYAML reads them, but for an
anchor written again: YAML lets a document reuse an anchor's name, an alias then standing for the most
recent node of that name (YAML 1.2, "Anchors and Aliases"), which libyaml refuses ("found duplicate
anchor"), so such a document is read by :class:`PythonSpecLoader`. A UTF-8 byte-order mark is skipped
by PyYAML's reader.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from generator.diagnostics import pointer_parts

_MERGE_TAG = "tag:yaml.org,2002:merge"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"
_BOOLEANS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})


_Mixin: Any = object  # _SpecReading comes before a loader's own parser, constructor and resolver


class _SpecReading(_Mixin):  # type: ignore[misc]
    """How both loaders read YAML as OpenAPI means it: string keys, duplicate keys noted, timestamps as text.

    Which tag a plain scalar gets depends only on its text (there are no path resolvers), so
    it is worked out once per distinct text: the same few thousand names and words make up
    most of the hundreds of thousands of scalars of a big spec.
    """

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[Any, Any]] = []  # (mapping node, key node) of each key written again

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        try:
            return self._tags[key]
        except AttributeError:
            self._tags: dict[Any, Any] = {}
        except KeyError:
            pass
        tag = super().resolve(kind, value, implicit)
        if tag == _BOOL_TAG and value not in _BOOLEANS:
            tag = _STR_TAG  # YAML 1.1's yes/no/on/off: text in YAML 1.2 (Norway's country code is "NO")
        self._tags[key] = tag
        return tag

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        """The mapping of ``node`` with string keys; a key written twice keeps its last value (and is noted)."""
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(None, None, f"expected a mapping node, but found {node.id}", node.start_mark)
        own_count = sum(1 for key, _ in node.value if key.tag != _MERGE_TAG)
        merged = own_count != len(node.value)
        self.flatten_mapping(node)  # what merge keys copy comes first; the mapping's own keys override it
        first_own = len(node.value) - own_count
        own: set[str] = set()
        mapping: dict[Any, Any] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            key = self.construct_object(key_node, deep=deep)
            if type(key) is not str:
                key = _key_text(key_node, key)
            if not merged:
                if key in mapping:
                    self.duplicates.append((node, key_node))
            elif index >= first_own:
                if key in own:
                    self.duplicates.append((node, key_node))
                own.add(key)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _key_text(key_node: Any, key: Any) -> str:
    """A mapping key that YAML read as something else than a string, as the string OpenAPI means."""
    if isinstance(key_node, yaml.ScalarNode):
        return str(key_node.value)  # as written: 401, on, true, 1.0, null
    raise yaml.constructor.ConstructorError(None, None, f"found a {type(key).__name__} as a mapping key, which JSON cannot hold", key_node.start_mark)


class SpecLoader(_SpecReading, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (the C one when present), reading YAML as OpenAPI means it (see :class:`_SpecReading`)."""


class PythonSpecLoader(_SpecReading, yaml.SafeLoader):  # type: ignore[misc]
    """:class:`SpecLoader` on PyYAML's own parser, where an anchor written again names its new node from there on.

    Slower than libyaml: it reads only what :class:`SpecLoader` refuses (an anchor written twice, :func:`redefines_an_anchor`,
    or a JSON escape libyaml does not read).
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.check_event(yaml.AliasEvent):
            anchor = self.peek_event().anchor
            if anchor is not None:
                self.anchors.pop(anchor, None)  # an alias is the most recent node of its anchor (PyYAML would refuse it)
        return super().compose_node(parent, index)


for _loader in (SpecLoader, PythonSpecLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def self_containing(root: Any) -> Any:
    """The first node of the tree under ``root`` that contains itself (an alias inside the node its anchor
    names, ``a: &x {b: *x}``), or ``None``. Each node is explored once: a tree that shares nodes
    through many aliases costs no more than its distinct nodes."""
    done: set[int] = set()
    path: set[int] = {id(root)}
    stack: list[tuple[Any, Iterator[Any]]] = [(root, _children(root))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            path.discard(id(node))
            done.add(id(node))
        elif id(child) in path:
            return child
        elif id(child) not in done:
            path.add(id(child))
            stack.append((child, _children(child)))
    return None


def _children(node: Any) -> Iterator[Any]:
    if isinstance(node, yaml.MappingNode):
        return (part for pair in node.value for part in pair)
    if isinstance(node, yaml.SequenceNode):
        return iter(node.value)
    return iter(())


def redefines_an_anchor(error: yaml.YAMLError) -> bool:
    """Whether ``error`` is libyaml's refusal of an anchor written twice (which YAML allows)."""
    return isinstance(error, yaml.composer.ComposerError) and "duplicate anchor" in str(error.context)


def compose(raw: bytes) -> Any:
    """The node tree of ``raw`` (for lines only). The C parser refuses some JSON the JSON parser reads
    (escaped surrogate pairs, ``"\\ud83d\\udc4d"``) and an anchor written twice; PyYAML's own parser reads those."""
    try:
        return _compose_with(SpecLoader, raw)
    except yaml.YAMLError:
        return _compose_with(PythonSpecLoader, raw)


def _compose_with(loader_class: type, raw: bytes) -> Any:
    loader = loader_class(raw)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def line_in(root_node: Any, pointer: str) -> int | None:
    """The 1-based line of the deepest element on ``pointer`` in the YAML node tree ``root_node``.

    A mapping entry is on the line of its key (``get:``), not of its value, which in block style
    starts on the next line.
    """
    node = root_node
    if node is None:
        return None
    line: int = node.start_mark.line + 1
    for token in pointer_parts(pointer):
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if str(key.value) == token:
                    child, line = value, key.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and token.isdigit():
            index = int(token)
            if index < len(node.value):
                child = node.value[index]
                line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line
