"""How a spec says an operation may be sent again: ``x-idempotency`` and ``x-retries``.

OpenAPI has no keyword for either; both may sit at the document's root (for every
operation) or on an operation (for it alone, replacing the root's; ``false`` turns the
root's off for that operation).

``x-idempotency`` (the API takes an idempotency key, e.g. Stripe's ``Idempotency-Key``)::

    x-idempotency:
      header: Idempotency-Key   # the request header that carries the key

At the root it applies to every POST and PATCH; on an operation, to that operation. The
SDK sends one key per call (a random UUID, or the caller's ``idempotency_key=``), the same
on every retry, and retries such an operation like a GET.

``x-retries`` (the operation's own retry rule)::

    x-retries:
      statusCodes: [409, 502, 503]   # the statuses retried (default: 408, 429 and 5xx)
      initialDelay: 1                # seconds before the first retry (default 0.5)
      maxDelay: 20                   # the longest wait, in seconds (default 8)

:mod:`generator.check.request_extensions` reports what is wrong with them;
:mod:`generator.build.request_extensions` turns them into each operation's IR.
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import pointer_join
from generator.read.document import Document

IDEMPOTENT_BY_DEFAULT = frozenset({"post", "patch"})
"""The methods the document-level ``x-idempotency`` applies to."""

RETRY_DEFAULTS = {"statusCodes": [], "initialDelay": 0.5, "maxDelay": 8.0}


def in_force(document: Document, name: str, pointer: str, op: dict[str, Any], method: str | None = None) -> tuple[str, Any]:
    """``(pointer, value)`` of the extension ``name`` that applies to the operation at
    ``pointer`` (``op``: its ``x-`` keys, :attr:`generator.read.operations.Operation.extensions`): its own, else the document's (for ``method`` in ``IDEMPOTENT_BY_DEFAULT``
    when ``name`` is ``x-idempotency``); ``("", None)`` when none applies or it is ``false``."""
    if name in op:
        value = op[name]
        return (pointer_join(pointer, name), value) if value is not False else ("", None)
    root = document.data.get(name)
    if root is None or root is False:
        return "", None
    if name == "x-idempotency" and (method or "").lower() not in IDEMPOTENT_BY_DEFAULT:
        return "", None
    return "/" + name, root
