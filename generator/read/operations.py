"""The operations of a document: every (path, method) pair under ``paths``, in document order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics import pointer_join
from generator.read.document import Document

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


def operation_parameters(document: Document, path: str, pointer: str, operation: dict[str, Any]) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    """``(in, name) -> (pointer, parameter)`` of an operation: its path item's parameters, then its own,
    which override them; ``$ref``s followed, entries without a string ``name`` left out."""
    paths = document.data.get("paths")
    item = paths.get(path) if isinstance(paths, dict) else None
    shared = item.get("parameters") if isinstance(item, dict) else None
    found: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for base, params in ((pointer_join("/paths", path, "parameters"), shared), (pointer_join(pointer, "parameters"), operation.get("parameters"))):
        for index, raw in enumerate(params if isinstance(params, list) else []):
            at, param = document.deref_or(pointer_join(base, index), raw)
            if isinstance(param, dict) and isinstance(param.get("name"), str):
                found[(str(param.get("in")), param["name"])] = (at, param)
    return found


def operation_responses(operation: dict[str, Any]) -> dict[Any, Any]:
    """``responses`` of an operation: status -> response (or its ``$ref``); empty when absent."""
    responses = operation.get("responses")
    return responses if isinstance(responses, dict) else {}
