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
or the server asked for it (429, or 503 with ``Retry-After``).

The wait before retry ``n`` (0-based) is ``Retry-After`` when the server sent one
(``retry-after-ms`` in milliseconds, or ``Retry-After`` in seconds or as an HTTP date) and
it is at most :data:`MAX_RETRY_AFTER` seconds; otherwise ``0.5 * 2**n`` seconds, capped at
8 seconds, less up to 25 % random jitter.
"""

from __future__ import annotations

import email.utils
import random
import time

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


def is_idempotent(method: str) -> bool:
    return method.upper() in SAFE_METHODS


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


def should_retry_response(response: httpx.Response, method: str) -> bool:
    """Whether a 4xx or 5xx ``response`` to ``method`` is worth sending again (see the module table)."""
    status = response.status_code
    if status == 429:
        return True
    if status == 503 and retry_after(response.headers) is not None:
        return True
    if not is_idempotent(method):
        return False
    return status == 408 or status >= 500


def should_retry_error(error: httpx.TransportError, method: str) -> bool:
    """Whether a failure to get any response is worth another try (see the module table)."""
    if isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
        return True  # the request never left this machine
    return is_idempotent(method)


def backoff(retries_taken: int, response: httpx.Response | None = None) -> float:
    """Seconds to wait before retry number ``retries_taken`` (0 for the first retry)."""
    if response is not None:
        asked = retry_after(response.headers)
        if asked is not None and asked <= MAX_RETRY_AFTER:
            return asked
    delay = min(INITIAL_DELAY * 2.0**retries_taken, MAX_DELAY)
    return delay * (1 - 0.25 * random.random())


def connection_error(
    error: httpx.TransportError, request: httpx.Request
) -> APIConnectionError:
    """The SDK's exception for a request that got no response."""
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(request=request)
