"""x-pagination's styles and x-webhook-signature: each rule made to fire by a small spec, and the IR
built from valid ones (the generated code runs in the case folders ``pagination``,
``webhook-signatures`` and ``webhook-signatures-hmac``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.build.builder import build
from generator.read.loader import load
from tests.generator.test_extensions import PAGING, base, diagnostics

LIST = ("paths", "/queues/{queue}/jobs", "get")


def _paged(paging: dict[str, Any], response: dict[str, Any] | None = None, params: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    spec = base()
    spec["components"]["schemas"]["Links"] = LINKS
    op = spec["paths"]["/queues/{queue}/jobs"]["get"]
    op["x-pagination"] = paging
    if params is not None:
        op["parameters"] = params
    if response is not None:
        spec["components"]["schemas"]["JobPage"]["properties"].update(response)
    return spec


def _query(name: str, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": {"type": "string"}}


CURSOR = {
    "next": {"type": ["string", "null"]},
    "more": {"type": "boolean"},
    "meta": {"type": "object", "required": ["cursor"], "properties": {"cursor": {"type": ["string", "null"]}, "more": {"type": "boolean"}}},
    "links": {"$ref": "#/components/schemas/Links"},
}
LINKS = {"type": "object", "properties": {"next": {"type": "string"}}}
PARAMS = [_query("after"), _query("n"), _query("skip")]

VALID = [
    pytest.param({"style": "offset", "offsetParameter": "skip", "sizeParameter": "n", "items": "data"}, ("offset", "skip", "n", "", ""), id="offset"),
    pytest.param({"style": "cursor", "cursorParameter": "after", "nextCursor": "next", "hasMore": "more", "items": "data"}, ("cursor", "after", "", "response.next", "response.more"), id="cursor"),
    pytest.param({"style": "cursor-id", "cursorParameter": "after", "hasMore": "more", "itemKey": "id", "items": "data"}, ("cursor-id", "after", "", "", "response.more"), id="cursor-id"),
    pytest.param({"style": "next-url", "nextUrl": "next", "items": "data", "sizeParameter": "n"}, ("next-url", "", "n", "response.next", ""), id="next-url"),
    pytest.param({"style": "link-header", "items": "data"}, ("link-header", "", "", "", ""), id="link-header"),
    pytest.param(
        {"style": "cursor", "cursorParameter": "after", "nextCursor": "meta.cursor", "hasMore": "meta.more", "items": "data"},
        ("cursor", "after", "", "(response.meta.cursor if response.meta is not None else None)", "(response.meta.more if response.meta is not None else None)"),
        id="cursor-dotted-path",
    ),
    pytest.param(
        {"style": "next-url", "nextUrl": "links.next", "items": "data"},
        ("next-url", "", "", "(response.links.next if response.links is not None else None)", ""),
        id="next-url-dotted-path-through-a-ref",
    ),
]


@pytest.mark.parametrize(("paging", "expected"), VALID)
def test_each_style_builds_its_pagination(tmp_path: Path, paging: dict[str, Any], expected: tuple[str, ...]) -> None:
    spec = _paged(paging, CURSOR, PARAMS)
    assert diagnostics(tmp_path, spec) == []
    built = {op.name: op for op in build(load(tmp_path / "spec.yaml")).operations}["list_jobs"].pagination
    assert built is not None
    assert (built.style, built.page_argument, built.size_argument, built.next_expression, built.has_more_expression) == expected
    assert built.pages_name == "list_jobs_pages" and built.name == "list_jobs_iter"
    url_style = built.style in ("next-url", "link-header")
    assert built.follow_arguments == (("queue",) if url_style else ())  # the path parameter; the URL's query replaces the rest


BROKEN = [
    pytest.param({"style": "scroll", "items": "data"}, "style 'scroll' is not one of page, offset", "/style", id="unknown-style"),
    pytest.param({"style": "cursor", "cursorParameter": "after", "items": "data"}, "style 'cursor' needs nextCursor", "", id="cursor-without-next"),
    pytest.param({"style": "cursor", "cursorParameter": "after", "nextCursor": "cursor", "items": "data"}, "nextCursor 'cursor' is not a property of the response", "/nextCursor", id="next-cursor-unknown"),
    pytest.param({"style": "cursor-id", "cursorParameter": "after", "hasMore": "more", "items": "data"}, "style 'cursor-id' needs itemKey", "", id="cursor-id-without-key"),
    pytest.param({"style": "offset", "offsetParameter": "offset", "items": "data"}, "offsetParameter must name a query parameter", "/offsetParameter", id="offset-unknown-parameter"),
    pytest.param({"style": "next-url", "items": "data"}, "style 'next-url' needs nextUrl", "", id="next-url-without-property"),
    pytest.param({"style": "link-header", "sizeParameter": "size", "items": "data"}, "sizeParameter must name a query parameter", "/sizeParameter", id="link-header-unknown-size"),
    pytest.param({"style": "cursor", "cursorParameter": "after", "nextCursor": "meta.next", "items": "data"}, "nextCursor 'meta.next' is not a property of the response (a dotted path", "/nextCursor", id="dotted-path-unknown-last-step"),
    pytest.param({"style": "next-url", "nextUrl": "paging.next", "items": "data"}, "nextUrl 'paging.next' is not a property", "/nextUrl", id="dotted-path-unknown-first-step"),
    pytest.param({"style": "next-url", "nextUrl": "next", "items": "meta.data"}, "items 'meta.data' is not a property of the response", "/items", id="dotted-items-unknown"),
    pytest.param({"style": "next-url", "nextUrl": "next", "items": "meta.cursor"}, "the list must be an array", "", id="dotted-items-not-a-list"),
]


@pytest.mark.parametrize(("paging", "message", "at"), BROKEN)
def test_each_style_rule_reports_an_invalid_extension(tmp_path: Path, paging: dict[str, Any], message: str, at: str) -> None:
    found = diagnostics(tmp_path, _paged(paging, CURSOR, PARAMS))
    assert [d.code for d in found] == ["invalid-extension"], [d.format() for d in found]
    assert message in found[0].message and found[0].severity == "error" and found[0].line is not None
    assert found[0].pointer == "/paths/~1queues~1{queue}~1jobs/get/x-pagination" + at


def test_a_required_cursor_parameter_is_refused(tmp_path: Path) -> None:
    paging = {"style": "cursor", "cursorParameter": "after", "nextCursor": "next", "items": "data"}
    found = diagnostics(tmp_path, _paged(paging, CURSOR, [_query("after", required=True)]))
    assert [d.code for d in found] == ["invalid-extension"] and "must be optional" in found[0].message


def test_the_pages_method_cannot_take_a_taken_name(tmp_path: Path) -> None:
    spec = base()
    spec["paths"]["/queues/{queue}/jobs"]["get"]["operationId"] = "listJobs"
    spec["paths"]["/queues/{queue}/jobs/{jobId}"]["get"]["operationId"] = "listJobsPages"
    spec["paths"]["/queues/{queue}/jobs/{jobId}"]["get"]["x-waiter"]["name"] = "waitJob"
    found = diagnostics(tmp_path, spec)
    assert "name-collision" in [d.code for d in found] and any("list_jobs_pages" in d.message for d in found)


SIGNATURE = "/x-webhook-signature"

SIGNATURE_BROKEN = [
    pytest.param("hmac", "x-webhook-signature must be a mapping", "", id="not-a-mapping"),
    pytest.param({"scheme": "jwt"}, "scheme must be standard-webhooks or hmac", "/scheme", id="unknown-scheme"),
    pytest.param({"scheme": "hmac"}, "scheme hmac needs header", "", id="no-header"),
    pytest.param({"scheme": "hmac", "header": "X-Sig", "algorithm": "md5"}, "algorithm must be one of sha1, sha256, sha512", "/algorithm", id="unknown-algorithm"),
    pytest.param({"scheme": "hmac", "header": "X-Sig", "encoding": "base32"}, "encoding must be hex or base64", "/encoding", id="unknown-encoding"),
    pytest.param({"scheme": "hmac", "header": "X-Sig", "signedPayload": "{timestamp}.{body}"}, "{timestamp} needs timestampHeader", "/signedPayload", id="timestamp-from-nowhere"),
    pytest.param({"scheme": "hmac", "header": "X-Sig", "signedPayload": "{body}{body}"}, "must hold {body} once", "/signedPayload", id="no-body"),
    pytest.param({"scheme": "hmac", "header": "X-Sig", "signedPayload": "{id}.{body}"}, "{id} needs idHeader", "/signedPayload", id="id-from-nowhere"),
    pytest.param({"scheme": "hmac", "header": "X-Sig", "signedPayload": "{nonce}.{body}"}, "{nonce} is not one of", "/signedPayload", id="unknown-part"),
    pytest.param({"scheme": "hmac", "header": "X-Sig", "timestampHeader": "X-Time"}, "a timestamp that is not signed cannot stop replays", "/signedPayload", id="unsigned-timestamp"),
    pytest.param({"scheme": "hmac", "header": "X-Sig", "timestampKey": "t", "signedPayload": "{timestamp}.{body}"}, "timestampKey needs signatureKey", "/timestampKey", id="key-without-pairs"),
    pytest.param({"scheme": "standard-webhooks", "tolerance": 0}, "tolerance must be a whole number of seconds above 0", "/tolerance", id="zero-tolerance"),
]


@pytest.mark.parametrize(("signature", "message", "at"), SIGNATURE_BROKEN)
def test_each_signature_rule_reports_an_invalid_extension(tmp_path: Path, signature: Any, message: str, at: str) -> None:
    spec = base()
    spec["x-webhook-signature"] = signature
    found = diagnostics(tmp_path, spec)
    assert [d.code for d in found] == ["invalid-extension"], [d.format() for d in found]
    assert message in found[0].message and found[0].pointer == SIGNATURE + at and found[0].line is not None


def test_standard_webhooks_fills_in_its_headers(tmp_path: Path) -> None:
    spec = base()
    spec["x-webhook-signature"] = {"scheme": "standard-webhooks"}
    assert diagnostics(tmp_path, spec) == []
    signature = build(load(tmp_path / "spec.yaml")).webhook_signature
    assert signature is not None and signature.standard and signature.tolerance == 300
    assert (signature.header, signature.id_header, signature.timestamp_header) == ("webhook-signature", "webhook-id", "webhook-timestamp")
    assert (signature.signed_payload, signature.encoding, signature.env) == ("{id}.{timestamp}.{body}", "base64", "LEAP_WEBHOOK_SECRET")


def test_a_stripe_style_scheme_builds_as_written(tmp_path: Path) -> None:
    spec = base()
    spec["x-webhook-signature"] = {"scheme": "hmac", "header": "Stripe-Signature", "signatureKey": "v1", "timestampKey": "t", "signedPayload": "{timestamp}.{body}", "tolerance": 600}
    assert diagnostics(tmp_path, spec) == []
    signature = build(load(tmp_path / "spec.yaml")).webhook_signature
    assert signature is not None and not signature.standard
    assert (signature.header, signature.signature_key, signature.timestamp_key, signature.algorithm, signature.encoding, signature.tolerance) == ("Stripe-Signature", "v1", "t", "sha256", "hex", 600)


def test_no_webhooks_no_signature(tmp_path: Path) -> None:
    spec = base()
    del spec["webhooks"]
    spec["x-webhook-signature"] = {"scheme": "standard-webhooks"}
    assert diagnostics(tmp_path, spec) == []
    assert build(load(tmp_path / "spec.yaml")).webhook_signature is None


def test_paging_constant_is_the_list_operation() -> None:
    assert PAGING.split("__")[:3] == ["paths", "~queues~{queue}~jobs", "get"]
