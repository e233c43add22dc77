# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""When to send a request again, and how long to wait first.

What is retried (at most ``max_retries`` times, 2 by default):

=====================================  ==============================  ===================
what happened                          GET, DELETE (and other safe)     POST, PATCH
=====================================  ==============================  ===================
could not connect (or pool timeout)    retried                          retried
connection lost, read/write timeout    retried                          not retried
408 Request Timeout                    retried                          not retried
429 Too Many Requests                  retried                          retried
503 with ``Retry-After``               retried                          retried
other 5xx                              retried                          not retried
=====================================  ==============================  ===================

A POST that creates a job costs money if the server runs it twice, so it is sent again
only when the request provably did not reach the server (the connection was never made)
or the server asked for it (429, or 503 with ``Retry-After``). A POST or PATCH that carries
an idempotency key (an operation whose spec declares an idempotency header) is retried like
a GET: the key is the same on every attempt, so the server runs it once.

The server has the last word: ``x-should-retry: true`` on a response retries it (while
retries are left), ``x-should-retry: false`` never. An operation's own rule (``x-retries``
in the spec) replaces the statuses of the table and the waits below.

The wait before retry ``n`` (0-based) is ``Retry-After`` when the server sent one
(``retry-after-ms`` in milliseconds, or ``Retry-After`` in seconds or as an HTTP date) and
it is at most :data:`MAX_RETRY_AFTER` seconds; otherwise ``0.5 * 2**n`` seconds, capped at
8 seconds, less up to 25 % random jitter.
"""

from __future__ import annotations

import email.utils
import random
import time
from typing import TypeAlias

import httpx

from ._exceptions import APIConnectionError, APITimeoutError

INITIAL_DELAY = 0.5
"""Seconds before the first retry when the server gives no ``Retry-After``."""

MAX_DELAY = 8.0
"""Cap of the exponential backoff, in seconds."""

MAX_RETRY_AFTER = 60.0
"""The longest ``Retry-After`` honoured, in seconds; a longer one falls back to the backoff."""

DEFAULT_MAX_RETRIES = 2

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
"""Methods whose repetition has the effect of sending them once (RFC 9110, 9.2.2)."""


RetryRule: TypeAlias = tuple[tuple[int, ...], float, float]
"""An operation's own rule (its ``x-retries``): the statuses retried (``()``: those of the
table), the seconds before the first retry and the longest wait."""


def is_idempotent(method: str, idempotency_header: str | None = None) -> bool:
    """Whether sending the request twice has the effect of sending it once: a safe method,
    or a request whose idempotency key lets the server recognise the repeat."""
    return idempotency_header is not None or method.upper() in SAFE_METHODS


def retry_after(headers: httpx.Headers, now: float | None = None) -> float | None:
    """Seconds the server asked to wait (``retry-after-ms``, then ``Retry-After``), or ``None``."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(float(millis) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(when.timestamp() - (time.time() if now is None else now), 0.0)


def should_retry_response(
    response: httpx.Response, idempotent: bool, rule: RetryRule | None = None
) -> bool:
    """Whether a 4xx or 5xx ``response`` is worth sending again: what the server's
    ``x-should-retry`` says, else the operation's ``rule``, else the module table."""
    verdict = response.headers.get("x-should-retry")
    if verdict == "true":
        return True
    if verdict == "false":
        return False
    status = response.status_code
    if rule is not None and rule[0]:
        return status in rule[0]
    if status == 429:
        return True
    if status == 503 and retry_after(response.headers) is not None:
        return True
    if not idempotent:
        return False
    return status == 408 or status >= 500


def should_retry_error(error: httpx.TransportError, idempotent: bool) -> bool:
    """Whether a failure to get any response is worth another try (see the module table)."""
    if isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
        return True  # the request never left this machine
    return idempotent


def backoff(
    retries_taken: int,
    response: httpx.Response | None = None,
    rule: RetryRule | None = None,
) -> float:
    """Seconds to wait before retry number ``retries_taken`` (0 for the first retry)."""
    if response is not None:
        asked = retry_after(response.headers)
        if asked is not None and asked <= MAX_RETRY_AFTER:
            return asked
    initial, longest = (INITIAL_DELAY, MAX_DELAY) if rule is None else rule[1:]
    delay = min(initial * 2.0**retries_taken, longest)
    return delay * (1 - 0.25 * random.random())


def connection_error(
    error: httpx.TransportError, request: httpx.Request
) -> APIConnectionError:
    """The SDK's exception for a request that got no response."""
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(request=request)
