"""Check that a webhook request comes from the API: the machinery behind ``webhooks.unwrap``.

The API signs each request with a secret it shares with you: an HMAC of the body (and, for
most schemes, a timestamp and a message id) in a header. :func:`verify` computes the HMAC
again and compares it in constant time (:func:`hmac.compare_digest`) with every signature
the header carries (several while the API rotates secrets), and refuses a timestamp further
than ``tolerance`` seconds from now (a request recorded and replayed later).

:class:`SignatureScheme` says where the parts are. :data:`STANDARD_WEBHOOKS` is the Standard
Webhooks scheme (``webhook-id``, ``webhook-timestamp``, ``webhook-signature: v1,<base64>``
space-separated, secrets ``whsec_<base64>``); others are an HMAC in a header of your API's
choice: one signature after a prefix (``X-Hub-Signature-256: sha256=<hex>``), or
``key=value`` pairs (``Stripe-Signature: t=<time>,v1=<hex>``).

No error message holds the secret, a signature or the body.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Union

import httpx

from ._exceptions import WebhookVerificationError

HeadersLike = Union[Mapping[str, str], Iterable[tuple[str, str]]]
"""Request headers as your web framework gives them: a mapping, or (name, value) pairs."""

DEFAULT_TOLERANCE = 300
"""Seconds a webhook's timestamp may be from now (both ways): 5 minutes."""

_PARTS = re.compile(r"\{(id|timestamp|body)\}")


@dataclass(frozen=True)
class SignatureScheme:
    """How one API signs its webhook requests.

    Attributes:
        header: The header with the signature(s).
        algorithm: The HMAC's hash: ``"sha256"``, ``"sha1"`` or ``"sha512"``.
        encoding: How the signature is written: ``"hex"`` or ``"base64"``.
        prefix: Text before the signature in the header, e.g. ``"sha256="``.
        signed_payload: What is signed: ``{id}``, ``{timestamp}`` and ``{body}`` filled in.
        timestamp_header: The header with the Unix time of sending ("" when none).
        timestamp_key: The key of that time among the header's ``key=value`` pairs ("").
        id_header: The header with the message id ("" when none).
        signature_key: The key of the signatures among ``key=value`` pairs ("" when the
            header is one signature).
        standard: Standard Webhooks: signatures ``v1,<sig>`` separated by spaces, and a
            ``whsec_<base64>`` secret whose bytes are the key.
    """

    header: str
    algorithm: str = "sha256"
    encoding: str = "hex"
    prefix: str = ""
    signed_payload: str = "{body}"
    timestamp_header: str = ""
    timestamp_key: str = ""
    id_header: str = ""
    signature_key: str = ""
    standard: bool = False


STANDARD_WEBHOOKS = SignatureScheme(
    header="webhook-signature",
    encoding="base64",
    signed_payload="{id}.{timestamp}.{body}",
    timestamp_header="webhook-timestamp",
    id_header="webhook-id",
    standard=True,
)
"""Standard Webhooks (standardwebhooks.com), version ``v1``."""


def _header(headers: httpx.Headers, name: str) -> str:
    value: str | None = headers.get(name)
    if not value:
        raise WebhookVerificationError(f"the request has no {name} header")
    return value


def _signatures(scheme: SignatureScheme, value: str) -> tuple[list[str], str | None]:
    """The signatures in the signature header, and the timestamp when it is one of its pairs."""
    if scheme.standard:
        versioned = (entry.partition(",") for entry in value.split())
        return [sig for version, _, sig in versioned if version == "v1"], None
    if not scheme.signature_key:
        return (
            [value[len(scheme.prefix) :].strip()]
            if value.startswith(scheme.prefix)
            else []
        ), None
    pairs = [entry.strip().partition("=") for entry in value.split(",")]
    found = [v for k, _, v in pairs if k == scheme.signature_key]
    stamps = [
        v for k, _, v in pairs if scheme.timestamp_key and k == scheme.timestamp_key
    ]
    return found, stamps[0] if stamps else None


def _check_time(stamp: str | None, tolerance: float, now: float) -> str:
    if stamp is None:
        raise WebhookVerificationError("the request has no timestamp")
    try:
        sent = int(stamp.strip())
    except ValueError:
        raise WebhookVerificationError(
            "the request's timestamp is not a Unix time"
        ) from None
    if sent < now - tolerance:
        raise WebhookVerificationError(
            f"the request was signed {int(now - sent)} seconds ago, more than the tolerance"
            f" of {tolerance:g}: a replayed or stale request"
        )
    if sent > now + tolerance:
        raise WebhookVerificationError(
            f"the request's timestamp is {int(sent - now)} seconds ahead, more than the tolerance of {tolerance:g}"
        )
    return stamp.strip()


def _key(scheme: SignatureScheme, secret: str) -> bytes:
    if not secret:
        raise WebhookVerificationError("no webhook secret was given")
    if not scheme.standard:
        return secret.encode()
    try:
        return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except (binascii.Error, ValueError):
        raise WebhookVerificationError(
            "the webhook secret is not whsec_ followed by base64"
        ) from None


def _digest(scheme: SignatureScheme, key: bytes, payload: bytes) -> str:
    mac = hmac.new(key, payload, getattr(hashlib, scheme.algorithm)).digest()
    return mac.hex() if scheme.encoding == "hex" else base64.b64encode(mac).decode()


def verify(
    scheme: SignatureScheme,
    body: bytes | bytearray | str,
    headers: HeadersLike,
    secret: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> None:
    """Raise unless ``headers`` carry a valid signature of ``body`` made with ``secret``.

    Args:
        scheme: How the API signs.
        body: The request body exactly as received (bytes, or text that is encoded as UTF-8).
        headers: The request's headers (names in any case).
        secret: The secret the API signs with.
        tolerance: Seconds the timestamp may be from ``now``.
        now: The Unix time to compare with (default: the clock's).

    Raises:
        WebhookVerificationError: A header is missing, the timestamp is outside the
            tolerance, or no signature matches.
        TypeError: ``body`` is not bytes or text (a decoded body cannot be verified).
    """
    if not isinstance(body, (bytes, bytearray, str)):
        raise TypeError(
            f"a webhook body to verify is the bytes or text received, not {type(body).__name__}"
        )
    found = httpx.Headers(
        list(headers.items()) if isinstance(headers, Mapping) else list(headers)
    )
    signatures, stamp = _signatures(scheme, _header(found, scheme.header))
    if scheme.timestamp_header:
        stamp = _header(found, scheme.timestamp_header)
    parts = {"body": body.encode() if isinstance(body, str) else bytes(body)}
    if scheme.timestamp_header or scheme.timestamp_key:
        clock = time.time() if now is None else now
        parts["timestamp"] = _check_time(stamp, tolerance, clock).encode()
    if scheme.id_header:
        parts["id"] = _header(found, scheme.id_header).encode()
    pieces = _PARTS.split(scheme.signed_payload)  # text, name, text, name, ...
    payload = b"".join(parts[p] if i % 2 else p.encode() for i, p in enumerate(pieces))
    expected = _digest(scheme, _key(scheme, secret), payload).encode()
    for signature in signatures:
        given = signature.lower() if scheme.encoding == "hex" else signature
        if hmac.compare_digest(expected, given.encode("utf-8", "replace")):
            return
    raise WebhookVerificationError(
        "no signature of the request matches its body and the secret"
        if signatures
        else f"the {scheme.header} header holds no signature this SDK can check"
    )
