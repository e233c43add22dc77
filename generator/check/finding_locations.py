"""Where a finding of openapi-spec-validator is in the document, as a JSON pointer.

openapi-spec-validator reports errors inside schema objects relative to the schema, and errors
in a ``default`` relative to that default value; :class:`Locator` takes the first node in
document order from which the path leads to the error's instance, schema objects first.
"""

from __future__ import annotations

from typing import Any

from generator.check.rules import walk
from generator.diagnostics import pointer_join


class Locator:
    """Finds the node an error's (maybe relative) path starts from. The document's mappings are
    indexed by key once, on the first error that needs it (a document may have many)."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self._mappings: list[tuple[str, dict[Any, Any]]] | None = None
        self._by_key: dict[Any, list[tuple[str, dict[Any, Any]]]] = {}

    def locate(self, relative: list[Any], instance: Any) -> str:
        """The pointer of ``instance``, found at ``relative`` from the root or from some node of the document."""
        full = pointer_join("", *relative)
        if _follow(self.data, relative, instance):
            return full
        mappings = self._index()
        candidates = self._by_key.get(relative[0], []) if relative else mappings
        for pointer, node in candidates:
            if _follow(node, relative, instance):
                return pointer + full
        for pointer, node in self._by_key.get("default", []):
            if _follow(node["default"], relative, instance):
                return pointer_join(pointer, "default") + full
        return full

    def _index(self) -> list[tuple[str, dict[Any, Any]]]:
        if self._mappings is None:
            self._mappings = [(pointer, node) for pointer, node in walk(self.data) if isinstance(node, dict)]
            for pointer, node in self._mappings:
                for key in node:
                    self._by_key.setdefault(key, []).append((pointer, node))
        return self._mappings


def _follow(node: Any, path: list[Any], instance: Any) -> bool:
    for token in path:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and isinstance(token, int) and token < len(node):
            node = node[token]
        else:
            return False
    return bool(node == instance)
