"""The IR of ``x-idempotency`` and ``x-retries`` (:mod:`generator.read.request_extensions`)
once they are checked: each operation's idempotency header and retry rule."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.ir import Operation, RetryRule
from generator.read.document import Document
from generator.read.request_extensions import RETRY_DEFAULTS, in_force


def attach(document: Document, op: Operation, raw: dict[str, Any]) -> Operation:
    """``op`` with the idempotency header and the retry rule in force for it.

    (A header parameter that is the idempotency header is never an argument: the operation
    builder leaves it out before naming the arguments, and ``idempotency_key=`` takes its place.)
    """
    _, idempotency = in_force(document, "x-idempotency", op.pointer, raw, op.method)
    if isinstance(idempotency, dict):
        op = replace(op, idempotency_header=str(idempotency["header"]))
    at, retries = in_force(document, "x-retries", op.pointer, raw)
    if isinstance(retries, dict):
        settings = {**RETRY_DEFAULTS, **retries}
        rule = RetryRule(
            status_codes=tuple(sorted(set(settings["statusCodes"]))),
            initial_delay=float(settings["initialDelay"]),
            max_delay=float(settings["maxDelay"]),
            pointer=at,
        )
        op = replace(op, retry=rule)
    return op
