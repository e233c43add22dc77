"""The operations of a document: every (path, method) pair under ``paths``, in document order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics import pointer_join

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def iter_operations(data: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """``(pointer, path, method, operation)`` for every operation, in document order."""
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                yield pointer_join("/paths", path, method), str(path), method, operation
