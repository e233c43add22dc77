"""``x-idempotency`` and ``x-retries``: each rule made to fire by a small spec, and the IR built
from valid ones (the document's setting, an operation's own, an operation's ``false``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.build.builder import build
from generator.read.loader import load
from tests.generator.test_extensions import base, diagnostics

POST = "/queues/{queue}/jobs"
GET = "/queues/{queue}/jobs/{jobId}"


def _spec(root: dict[str, Any] | None = None, post: dict[str, Any] | None = None, get: dict[str, Any] | None = None) -> dict[str, Any]:
    spec = base()
    spec.update(root or {})
    spec["paths"][POST]["post"].update(post or {})
    spec["paths"][GET]["get"].update(get or {})
    return spec


def _operations(tmp_path: Path, spec: dict[str, Any]) -> dict[str, Any]:
    assert diagnostics(tmp_path, spec) == []
    return {op.name: op for op in build(load(tmp_path / "spec.yaml")).operations}


def test_the_documents_idempotency_applies_to_posts_only(tmp_path: Path) -> None:
    ops = _operations(tmp_path, _spec({"x-idempotency": {"header": "Idempotency-Key"}}))
    assert ops["start_job"].idempotency_header == "Idempotency-Key"
    assert ops["get_job"].idempotency_header == "" and ops["list_jobs"].idempotency_header == ""


def test_an_operation_may_claim_the_header_or_turn_the_documents_off(tmp_path: Path) -> None:
    spec = _spec({"x-idempotency": {"header": "Idempotency-Key"}}, post={"x-idempotency": False}, get={"x-idempotency": {"header": "X-Key"}})
    ops = _operations(tmp_path, spec)
    assert ops["start_job"].idempotency_header == "" and ops["get_job"].idempotency_header == "X-Key"


def test_a_header_parameter_of_the_same_name_gives_way_to_idempotency_key(tmp_path: Path) -> None:
    header = {"name": "idempotency-key", "in": "header", "schema": {"type": "string"}}
    spec = _spec(post={"x-idempotency": {"header": "Idempotency-Key"}})
    spec["paths"][POST]["post"].setdefault("parameters", []).append(header)
    op = _operations(tmp_path, spec)["start_job"]
    assert op.idempotency_header == "Idempotency-Key" and not [p for p in op.header_params if p.wire_name.lower() == "idempotency-key"]


def test_retry_rules_of_the_document_and_of_an_operation(tmp_path: Path) -> None:
    spec = _spec({"x-retries": {"statusCodes": [503, 409, 503]}}, post={"x-retries": {"initialDelay": 2, "maxDelay": 30}}, get={"x-retries": False})
    ops = _operations(tmp_path, spec)
    document, own = ops["list_jobs"].retry, ops["start_job"].retry
    assert document is not None and (document.status_codes, document.initial_delay, document.max_delay, document.pointer) == ((409, 503), 0.5, 8.0, "/x-retries")
    assert own is not None and (own.status_codes, own.initial_delay, own.max_delay) == ((), 2.0, 30.0)
    assert ops["get_job"].retry is None


BROKEN = [
    pytest.param({"x-idempotency": "Idempotency-Key"}, {}, "x-idempotency must be a mapping", id="idempotency-not-a-mapping"),
    pytest.param({"x-idempotency": False}, {}, "x-idempotency must be a mapping", id="idempotency-false-at-the-root"),
    pytest.param({"x-idempotency": {"header": "Idempotency Key"}}, {}, "header must be an HTTP header name", id="idempotency-bad-header"),
    pytest.param({}, {"x-idempotency": {"header": "K", "scope": "all"}}, "unknown key 'scope'", id="idempotency-unknown-key"),
    pytest.param({"x-retries": [500]}, {}, "x-retries must be a mapping", id="retries-not-a-mapping"),
    pytest.param({}, {"x-retries": {"statusCodes": [200]}}, "statusCodes must be a list of 4xx and 5xx", id="retries-success-status"),
    pytest.param({}, {"x-retries": {"statusCodes": "5XX"}}, "statusCodes must be a list", id="retries-status-range"),
    pytest.param({}, {"x-retries": {"initialDelay": -1}}, "initialDelay must be a number", id="retries-negative-delay"),
    pytest.param({}, {"x-retries": {"initialDelay": 5, "maxDelay": 1}}, "maxDelay must not be below initialDelay", id="retries-cap-below-delay"),
    pytest.param({}, {"x-retries": {"backoff": 2}}, "unknown key 'backoff'", id="retries-unknown-key"),
]


@pytest.mark.parametrize(("root", "post", "message"), BROKEN)
def test_each_rule_reports_an_invalid_extension(tmp_path: Path, root: dict[str, Any], post: dict[str, Any], message: str) -> None:
    found = diagnostics(tmp_path, _spec(root, post))
    assert [d.code for d in found] == ["invalid-extension"], [d.format() for d in found]
    assert message in found[0].message and found[0].line is not None and found[0].severity == "error"
