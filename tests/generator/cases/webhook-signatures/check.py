"""Standard Webhooks signatures: ``webhooks.unwrap`` accepts a request signed with the secret and
refuses a forged, changed, replayed or stale one, on the blocking and the asyncio client."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import time
from typing import Any

from tests.generator.cases.harness import BASE_URL

WARNINGS: list[tuple[str, str]] = []

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
ENV = "CASE_WEBHOOK_SIGNATURES_WEBHOOK_SECRET"
BODY = json.dumps({"data": {"id": "order-1"}}).encode()


def signed(body: bytes, when: float | None = None, secret: str = SECRET, msg_id: str = "msg_1") -> dict[str, str]:
    """The headers Standard Webhooks puts on ``body``, computed here from the scheme's definition."""
    stamp = str(int(time.time() if when is None else when))
    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()
    return {"webhook-id": msg_id, "webhook-timestamp": stamp, "webhook-signature": "v1," + base64.b64encode(mac).decode()}


def refused(package: Any, call: Any, reason: str) -> None:
    try:
        call()
    except package.WebhookVerificationError as error:
        assert isinstance(error, ValueError) and isinstance(error, package.ClientError)
        assert reason in str(error), (reason, str(error))
        assert "MfKQ9r8" not in str(error) and "v1," not in str(error)  # neither the secret nor a signature
    else:
        raise AssertionError(f"accepted: {reason}")


def check(package: Any, generated: Any) -> None:
    for client in (package.Client(api_key="k", base_url=BASE_URL, webhook_secret=SECRET), package.AsyncClient(api_key="k", base_url=BASE_URL, webhook_secret=SECRET)):
        _check_client(package, client.webhooks)
    _check_published_example(package)
    _check_secret_sources(package)
    source = generated.files["case_webhook_signatures/webhooks.py"]
    assert "def unwrap(" in source and "def verify_signature(" in source and "def parse(" in source


def _check_client(package: Any, hooks: Any) -> None:
    order = hooks.unwrap(BODY, signed(BODY))
    assert isinstance(order, package.models.Order) and order.id == "order-1"
    assert hooks.unwrap(BODY.decode(), list(signed(BODY).items())).id == "order-1"  # text body, (name, value) pairs
    upper = {k.upper(): v for k, v in signed(BODY).items()}
    assert hooks.unwrap(BODY, upper).id == "order-1"  # header names in any case
    rotated = signed(BODY)
    rotated["webhook-signature"] = "v1,bm90IGl0 v2,whatever " + rotated["webhook-signature"]
    assert hooks.unwrap(BODY, rotated).id == "order-1"  # one of several signatures
    forged = {**signed(BODY), "webhook-signature": "v1," + base64.b64encode(b"x" * 32).decode()}
    refused(package, lambda: hooks.unwrap(BODY, forged), "no signature of the request matches")
    refused(package, lambda: hooks.unwrap(BODY.replace(b"order-1", b"order-2"), signed(BODY)), "no signature of the request matches")
    refused(package, lambda: hooks.unwrap(BODY, signed(BODY, secret="whsec_" + base64.b64encode(b"other").decode())), "no signature")
    refused(package, lambda: hooks.unwrap(BODY, signed(BODY, time.time() - 600)), "replayed or stale")
    refused(package, lambda: hooks.unwrap(BODY, signed(BODY, time.time() + 600)), "ahead")
    assert hooks.unwrap(BODY, signed(BODY, time.time() - 600), tolerance=900).id == "order-1"  # the tolerance, per call
    refused(package, lambda: hooks.unwrap(BODY, signed(BODY, time.time() - 100), tolerance=60), "replayed or stale")
    for missing in ("webhook-id", "webhook-timestamp", "webhook-signature"):
        headers = {k: v for k, v in signed(BODY).items() if k != missing}
        refused(package, lambda: hooks.unwrap(BODY, headers), f"no {missing} header")
    refused(package, lambda: hooks.unwrap(BODY, {**signed(BODY), "webhook-timestamp": "soon"}), "not a Unix time")
    refused(package, lambda: hooks.verify_signature(BODY, signed(BODY), secret="whsec_!!"), "not whsec_ followed by base64")
    assert hooks.verify_signature(BODY, signed(BODY)) is None
    assert hooks.parse(BODY).id == "order-1"  # parse checks nothing
    try:
        hooks.unwrap({"data": {"id": "order-1"}}, signed(BODY))
    except TypeError:
        pass
    else:
        raise AssertionError("a decoded body cannot be verified")


def _check_published_example(package: Any) -> None:
    """The example of the Standard Webhooks specification verifies."""
    hooks = package.Client(api_key="k", webhook_secret=SECRET).webhooks
    headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330", "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}
    body = b'{"test": 2432232314}'
    hooks.verify_signature(body, headers, tolerance=time.time())
    refused(package, lambda: hooks.verify_signature(body, headers), "replayed or stale")


def _check_secret_sources(package: Any) -> None:
    """The secret: ``secret=`` per call, else the client's ``webhook_secret``, else the environment."""
    refused(package, lambda: package.Client(api_key="k").webhooks.unwrap(BODY, signed(BODY)), "no webhook secret")
    assert package.Client(api_key="k").webhooks.unwrap(BODY, signed(BODY), secret=SECRET).id == "order-1"
    other = "whsec_" + base64.b64encode(b"other secret").decode()
    refused(package, lambda: package.Client(api_key="k", webhook_secret=other).webhooks.unwrap(BODY, signed(BODY)), "no signature")
    os.environ[ENV] = SECRET
    try:
        assert package.Client(api_key="k").webhooks.unwrap(BODY, signed(BODY)).id == "order-1"
        assert package.AsyncClient(api_key="k").webhooks.unwrap(BODY, signed(BODY)).id == "order-1"
        assert package.Client(api_key="k").with_options(max_retries=1).webhooks.unwrap(BODY, signed(BODY)).id == "order-1"
    finally:
        del os.environ[ENV]
    copy = package.Client(api_key="k", webhook_secret=SECRET).with_options(max_retries=1)
    assert copy.webhooks.unwrap(BODY, signed(BODY)).id == "order-1"  # with_options keeps the secret
