"""HMAC signatures in a header of the API's own (``x-webhook-signature: {scheme: hmac}``): Stripe's
``Stripe-Signature: t=<time>,v1=<hex>`` through ``webhooks.unwrap`` on both clients, and the
other settings (a prefix as GitHub's ``sha256=``, SHA-1 and SHA-512, base64, a timestamp
header, a message id) through the runtime's ``verify``."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

WARNINGS: list[tuple[str, str]] = []

SECRET = "whsec_stripe_style_secret"  # used as text, as Stripe does
BODY = json.dumps({"data": {"id": "order-1"}}).encode()


def stripe_signed(body: bytes, when: float | None = None, secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(time.time() if when is None else when))
    mac = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {"Stripe-Signature": f"t={stamp},v1={mac},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39"}


def refused(package: Any, call: Any, reason: str) -> None:
    try:
        call()
    except package.WebhookVerificationError as error:
        assert isinstance(error, package.ClientError) and reason in str(error), (reason, str(error))
        assert "stripe_style" not in str(error) and "t=" not in str(error)
    else:
        raise AssertionError(f"accepted: {reason}")


def check(package: Any, generated: Any) -> None:
    for client in (package.Client(api_key="k", webhook_secret=SECRET), package.AsyncClient(api_key="k", webhook_secret=SECRET)):
        hooks = client.webhooks
        assert hooks.unwrap(BODY, stripe_signed(BODY)).id == "order-1"
        headers = stripe_signed(BODY)
        headers["Stripe-Signature"] += ",v1=" + "0" * 64  # a second v1 (a secret being rolled)
        assert hooks.unwrap(BODY, headers).id == "order-1"
        refused(package, lambda: hooks.unwrap(BODY, stripe_signed(BODY, secret="other")), "no signature of the request matches")
        refused(package, lambda: hooks.unwrap(BODY + b" ", stripe_signed(BODY)), "no signature of the request matches")
        refused(package, lambda: hooks.unwrap(BODY, stripe_signed(BODY, time.time() - 601)), "replayed or stale")  # the spec's 600 s
        assert hooks.unwrap(BODY, stripe_signed(BODY, time.time() - 500)).id == "order-1"
        refused(package, lambda: hooks.unwrap(BODY, stripe_signed(BODY, time.time() - 500), tolerance=300), "replayed or stale")
        refused(package, lambda: hooks.unwrap(BODY, {"Stripe-Signature": "t=1,v0=abc"}), "replayed or stale")  # signed at the epoch
        no_time = {"Stripe-Signature": stripe_signed(BODY)["Stripe-Signature"].split(",", 1)[1]}
        refused(package, lambda: hooks.unwrap(BODY, no_time), "no timestamp")
        refused(package, lambda: hooks.unwrap(BODY, {}), "no Stripe-Signature header")
        fresh = stripe_signed(BODY)["Stripe-Signature"].split(",")[0]
        refused(package, lambda: hooks.unwrap(BODY, {"Stripe-Signature": fresh + ",v0=abc"}), "holds no signature")
    _check_other_settings(package)


def _scheme(package: Any, **settings: Any) -> Any:
    return package._webhook_signatures.SignatureScheme(**settings)


def _check_other_settings(package: Any) -> None:
    verify = package._webhook_signatures.verify
    secret = "It's a Secret to Everybody"
    body = b"Hello, World!"
    # GitHub's X-Hub-Signature-256 (the example of GitHub's documentation).
    github = _scheme(package, header="X-Hub-Signature-256", prefix="sha256=")
    good = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    verify(github, body, {"X-Hub-Signature-256": good}, secret)
    refused(package, lambda: verify(github, body, {"X-Hub-Signature-256": good.replace("sha256=", "sha1=")}, secret), "holds no signature")
    refused(package, lambda: verify(github, body + b"!", {"X-Hub-Signature-256": good}, secret), "no signature of the request matches")
    verify(github, body, {"X-Hub-Signature-256": good.upper().replace("SHA256=", "sha256=")}, secret)  # hex in any case
    for algorithm in ("sha1", "sha512"):
        scheme = _scheme(package, header="X-Sig", algorithm=algorithm, encoding="base64")
        mac = base64.b64encode(hmac.new(secret.encode(), body, getattr(hashlib, algorithm)).digest()).decode()
        verify(scheme, body, {"X-Sig": mac}, secret)
        other = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
        refused(package, lambda: verify(scheme, body, {"X-Sig": other}, secret), "no signature")
    # A timestamp header and a message id, both signed.
    scheme = _scheme(package, header="X-Sig", signed_payload="{id}:{timestamp}:{body}", timestamp_header="X-Time", id_header="X-Id")
    now = 1_700_000_000
    mac = hmac.new(secret.encode(), f"m1:{now}:".encode() + body, hashlib.sha256).hexdigest()
    headers = {"X-Sig": mac, "X-Time": str(now), "X-Id": "m1"}
    verify(scheme, body, headers, secret, now=now + 10)
    refused(package, lambda: verify(scheme, body, {**headers, "X-Id": "m2"}, secret, now=now), "no signature")
    refused(package, lambda: verify(scheme, body, headers, secret, now=now + 301), "replayed or stale")
    refused(package, lambda: verify(scheme, body, headers, secret, now=now - 301), "ahead")
