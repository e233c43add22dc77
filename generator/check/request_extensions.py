"""The rules of ``x-idempotency`` and ``x-retries`` (see :mod:`generator.read.request_extensions`):
what cannot be generated as written is an ``invalid-extension`` error."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.check.extension_values import invalid, is_number
from generator.diagnostics import Diagnostic, pointer_join
from generator.read.document import Document

#: An HTTP header name (RFC 9110's token).
HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")

_RETRY_KEYS = ("statusCodes", "initialDelay", "maxDelay")


def check(document: Document) -> Iterator[Diagnostic]:
    """Every problem of the document's and the operations' ``x-idempotency`` and ``x-retries``."""
    places = [("", document.data)] + [(op.pointer, op.extensions) for op in document.operations()]
    for pointer, owner in places:
        if "x-idempotency" in owner:
            yield from _check_idempotency(document, pointer_join(pointer, "x-idempotency") if pointer else "/x-idempotency", owner["x-idempotency"], allow_false=bool(pointer))
        if "x-retries" in owner:
            yield from _check_retries(document, pointer_join(pointer, "x-retries") if pointer else "/x-retries", owner["x-retries"], allow_false=bool(pointer))


def _check_idempotency(document: Document, at: str, value: Any, allow_false: bool) -> Iterator[Diagnostic]:
    if value is False and allow_false:
        return
    if not isinstance(value, dict):
        yield invalid(document, at, "x-idempotency must be a mapping with a header name (e.g. {header: Idempotency-Key})" + (", or false" if allow_false else ""))
        return
    header = value.get("header")
    if not (isinstance(header, str) and HEADER_NAME.fullmatch(header)):
        yield invalid(document, pointer_join(at, "header"), f"header must be an HTTP header name, not {header!r}")
    for key in value:
        if key != "header":
            yield invalid(document, pointer_join(at, key), f"unknown key {key!r} of x-idempotency (known: header)")


def _check_retries(document: Document, at: str, value: Any, allow_false: bool) -> Iterator[Diagnostic]:
    if value is False and allow_false:
        return
    if not isinstance(value, dict):
        yield invalid(document, at, "x-retries must be a mapping (statusCodes, initialDelay, maxDelay)" + (", or false" if allow_false else ""))
        return
    for key in value:
        if key not in _RETRY_KEYS:
            yield invalid(document, pointer_join(at, key), f"unknown key {key!r} of x-retries (known: {', '.join(_RETRY_KEYS)})")
    codes = value.get("statusCodes", [])
    if not (isinstance(codes, list) and all(isinstance(c, int) and not isinstance(c, bool) and 400 <= c <= 599 for c in codes)):
        yield invalid(document, pointer_join(at, "statusCodes"), "statusCodes must be a list of 4xx and 5xx status codes")
    for key in ("initialDelay", "maxDelay"):
        if key in value and not is_number(value[key]):
            yield invalid(document, pointer_join(at, key), f"{key} must be a number of seconds, 0 or more")
    initial, longest = value.get("initialDelay"), value.get("maxDelay")
    if is_number(initial) and is_number(longest) and longest < initial:
        yield invalid(document, pointer_join(at, "maxDelay"), "maxDelay must not be below initialDelay")
