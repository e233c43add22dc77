"""Credentials kept out of every text the SDK writes.

Each client hands the credentials it holds (API keys, tokens, passwords) to
:func:`remember`; exception messages and reprs, log lines and the client's repr pass
through :func:`redact`, which replaces each of them by ``<redacted>``, also when a server
repeats a credential back in an error body. The forms a credential travels in are covered
too: percent-encoded (a query parameter) and, for a user name and password, their Basic
``user:password`` base64. Values shorter than :data:`MIN_LENGTH` characters are not
replaced (that would garble every text), nor are they sent anywhere the SDK logs.
"""

from __future__ import annotations

import base64
import re
import threading
import urllib.parse
from collections.abc import Iterable

MIN_LENGTH = 4
"""Shorter credentials are not looked for in texts."""

REDACTED = "<redacted>"

_known: set[str] = set()
_pattern: re.Pattern[str] | None = None
_lock = threading.Lock()


def _forms(value: str) -> set[str]:
    return {value, urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value)}


def remember(
    values: Iterable[str | None], basic: tuple[str, str] | None = None
) -> None:
    """Add ``values`` (``None`` and short ones skipped) to the credentials :func:`redact` replaces;
    ``basic`` is a (user name, password) pair whose Basic token is added too."""
    global _pattern
    new: set[str] = set()
    for value in values:
        if value is not None and len(value) >= MIN_LENGTH:
            new |= _forms(value)
    if basic is not None and basic[1]:
        new.add(base64.b64encode(f"{basic[0]}:{basic[1]}".encode()).decode("ascii"))
    with _lock:
        if new <= _known:
            return
        _known.update(new)
        # the longest first, so a credential containing another is replaced whole
        ordered = sorted(_known, key=len, reverse=True)
        _pattern = re.compile("|".join(re.escape(value) for value in ordered))


def redact(text: str) -> str:
    """``text`` with every credential :func:`remember` was given replaced by ``<redacted>``."""
    pattern = _pattern
    if pattern is None or not text:
        return text
    return pattern.sub(REDACTED, text)
