# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""The SDK's log lines, on the standard :mod:`logging` logger ``leap``.

Set ``LEAP_LOG=info`` to print a line per request and per retry to standard error,
``LEAP_LOG=debug`` to add the request and response headers. Without the variable the
SDK only logs to the ``leap`` logger, which your own logging setup may show.
Credentials never reach a log line: the values of authentication headers, cookies and
API keys sent in the query are replaced by ``<redacted>``, and so is any credential of a
client's found anywhere else in a line (see :mod:`._secrets`).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable

import httpx

_SECRETS = __name__.rsplit(".", 1)[0] + "._secrets"
_pending: list[tuple[tuple[str | None, ...], tuple[str, str] | None]] = []


def remember(
    values: Iterable[str | None], basic: tuple[str, str] | None = None
) -> None:
    """Keep credentials for :func:`._secrets.remember` (same arguments), without loading
    :mod:`._secrets` before a text has to be redacted."""
    if _SECRETS in sys.modules:
        from . import _secrets

        _secrets.remember(values, basic)
    else:
        _pending.append((tuple(values), basic))


def redact(text: str) -> str:
    """``text`` with every credential a client holds replaced by ``<redacted>`` (:func:`._secrets.redact`);
    :mod:`._secrets` is loaded the first time a credential is known and a text is redacted.
    """
    if _SECRETS not in sys.modules and (not _pending or not text):
        return text
    from . import _secrets

    while _pending:
        _secrets.remember(*_pending.pop())
    return _secrets.redact(text)


logger = logging.getLogger("leap")


class _Redacting(logging.Filter):
    """Replaces the client's credentials in every record of the SDK's logger."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


logger.addFilter(_Redacting())

ENV_VAR = "LEAP_LOG"

SECRET_HEADERS = frozenset(
    [
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        "api-key",
    ]
)
"""Headers whose values are never logged (the spec's apiKey headers among them)."""

SECRET_QUERY: frozenset[str] = frozenset([])
"""Query parameters whose values are never logged: the spec's apiKey schemes in the query."""

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def setup_logging() -> None:
    """Honour ``LEAP_LOG`` (``debug`` or ``info``): give the logger a level and a handler, once."""
    level = _LEVELS.get(os.environ.get(ENV_VAR, "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if not any(getattr(handler, "_sdk_handler", False) for handler in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s")
        )
        handler._sdk_handler = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def redacted(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``headers`` as a dict, the values of :data:`SECRET_HEADERS` replaced."""
    return {
        name: "<redacted>" if name.lower() in SECRET_HEADERS else value
        for name, value in headers
    }


def redacted_url(request: httpx.Request) -> httpx.URL:
    """The URL of ``request``, the values of :data:`SECRET_QUERY` replaced."""
    if not SECRET_QUERY or not any(name in SECRET_QUERY for name in request.url.params):
        return request.url
    params = [
        (name, "<redacted>" if name in SECRET_QUERY else value)
        for name, value in request.url.params.multi_items()
    ]
    return request.url.copy_with(params=params)


def log_request(request: httpx.Request, attempt: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "Request: %s %s (attempt %d) headers=%s",
            request.method,
            redacted_url(request),
            attempt,
            redacted(request.headers.items()),
        )


def log_response(response: httpx.Response) -> None:
    if logger.isEnabledFor(logging.INFO):
        request = response.request
        logger.info(
            'HTTP Request: %s %s "%d %s" in %.3f s',
            request.method,
            redacted_url(request),
            response.status_code,
            response.reason_phrase,
            response.elapsed.total_seconds() if _has_elapsed(response) else 0.0,
        )
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("Response headers: %s", redacted(response.headers.items()))


def log_retry(request: httpx.Request, delay: float, reason: str) -> None:
    logger.info(
        "Retrying %s %s in %.2f s (%s)",
        request.method,
        redacted_url(request),
        delay,
        reason,
    )


def _has_elapsed(response: httpx.Response) -> bool:
    try:
        response.elapsed
    except RuntimeError:
        return False
    return True
