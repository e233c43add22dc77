"""The rules of ``x-webhook-signature`` (see :mod:`generator.read.extensions`): a scheme the SDK
can verify, and for ``hmac`` a header, an algorithm and encoding it knows, and a signed payload
whose parts it can find. What cannot be generated is an ``invalid-extension`` error."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.check.extension_values import invalid, is_number
from generator.diagnostics import Diagnostic, pointer_join
from generator.read.document import Document
from generator.read.extensions import SIGNATURE_ALGORITHMS, SIGNATURE_DEFAULTS

_AT = "/x-webhook-signature"
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_TEXT_KEYS = ("header", "prefix", "signatureKey", "timestampKey", "timestampHeader", "idHeader", "signedPayload")


def check_webhook_signature(document: Document) -> Iterator[Diagnostic]:
    """Every problem of the document's ``x-webhook-signature``."""
    if "x-webhook-signature" not in document.data:
        return
    raw = document.data["x-webhook-signature"]
    if not isinstance(raw, dict):
        yield invalid(document, _AT, "x-webhook-signature must be a mapping")
        return
    scheme = raw.get("scheme")
    if scheme not in ("standard-webhooks", "hmac"):
        yield invalid(document, pointer_join(_AT, "scheme"), "scheme must be standard-webhooks or hmac")
        return
    tolerance = raw.get("tolerance", SIGNATURE_DEFAULTS["tolerance"])
    if not is_number(tolerance, above=True, integer=True):
        yield invalid(document, pointer_join(_AT, "tolerance"), "tolerance must be a whole number of seconds above 0")
    if scheme == "hmac":
        yield from _check_hmac(document, raw)


def _check_hmac(document: Document, raw: dict[str, Any]) -> Iterator[Diagnostic]:
    settings = {**SIGNATURE_DEFAULTS, **raw}
    for key in _TEXT_KEYS:
        if key in raw and not isinstance(raw[key], str):
            yield invalid(document, pointer_join(_AT, key), f"{key} must be a string")
    if not (isinstance(raw.get("header"), str) and raw["header"].strip()):
        yield invalid(document, _AT, "scheme hmac needs header: the header with the signature")
    if settings["algorithm"] not in SIGNATURE_ALGORITHMS:
        yield invalid(document, pointer_join(_AT, "algorithm"), f"algorithm must be one of {', '.join(SIGNATURE_ALGORITHMS)}")
    if settings["encoding"] not in ("hex", "base64"):
        yield invalid(document, pointer_join(_AT, "encoding"), "encoding must be hex or base64")
    if "timestampKey" in raw and "signatureKey" not in raw:
        yield invalid(document, pointer_join(_AT, "timestampKey"), "timestampKey needs signatureKey: both are keys of the signature header's key=value pairs")
    if "timestampKey" in raw and "timestampHeader" in raw:
        yield invalid(document, pointer_join(_AT, "timestampHeader"), "give timestampKey or timestampHeader, not both")
    payload = settings["signedPayload"]
    if isinstance(payload, str):
        yield from _check_payload(document, raw, payload)


def _check_payload(document: Document, raw: dict[str, Any], payload: str) -> Iterator[Diagnostic]:
    """``signedPayload`` holds ``{body}`` once, and ``{id}`` / ``{timestamp}`` only where a header or key gives them."""
    at = pointer_join(_AT, "signedPayload")
    parts = _PLACEHOLDER.findall(payload)
    if parts.count("body") != 1:
        yield invalid(document, at, "signedPayload must hold {body} once")
    for part in dict.fromkeys(parts):
        if part not in ("body", "id", "timestamp"):
            yield invalid(document, at, f"{{{part}}} is not one of {{body}}, {{id}}, {{timestamp}}")
        elif part == "id" and "idHeader" not in raw:
            yield invalid(document, at, "{id} needs idHeader: the header with the message id")
        elif part == "timestamp" and not ({"timestampKey", "timestampHeader"} & raw.keys()):
            yield invalid(document, at, "{timestamp} needs timestampHeader or timestampKey")
    if "timestamp" not in parts and {"timestampKey", "timestampHeader"} & raw.keys():
        yield invalid(document, at, "signedPayload must hold {timestamp}: a timestamp that is not signed cannot stop replays")
