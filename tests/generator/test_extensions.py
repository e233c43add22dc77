"""generator.extensions: the rules for x-waiter, links to waiters, x-pagination, x-envelope and
webhooks (each rule made to fire by a small spec), and the IR built from valid ones."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build.builder import build
from generator.diagnostics import Diagnostic
from generator.read.loader import load
from generator.check.validate import validate

JOB = {
    "type": "object",
    "required": ["id", "createdAt"],
    "properties": {"id": {"type": "string"}, "createdAt": {"type": "string"}, "phase": {"type": "string"}, "status": {"type": "string"}},
}


def _json(schema: Any, status: str = "200") -> dict[str, Any]:
    return {status: {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def base() -> dict[str, Any]:
    """A small valid spec: start a job, read it (with a waiter), list jobs (paged), a webhook."""
    ref = {"$ref": "#/components/schemas/Job"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Jobs", "version": "1"},
        "paths": {
            "/queues/{queue}/jobs": {
                "parameters": [{"name": "queue", "in": "path", "required": True, "schema": {"type": "string"}}],
                "post": {
                    "tags": ["Jobs"],
                    "operationId": "startJob",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {"label": {"type": "string"}}}}}},
                    "responses": {
                        "201": {
                            "description": "started",
                            "content": {"application/json": {"schema": ref}},
                            "links": {"Poll": {"operationId": "getJob", "parameters": {"queue": "$request.path.queue", "jobId": "$response.body#/id"}}},
                        }
                    },
                },
                "get": {
                    "tags": ["Jobs"],
                    "operationId": "listJobs",
                    "parameters": [
                        {"name": "p", "in": "query", "schema": {"type": "integer"}},
                        {"name": "n", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "x-pagination": {"pageParameter": "p", "sizeParameter": "n", "firstPage": 1, "defaultPageSize": 20, "items": "data", "itemKey": "id"},
                    "responses": _json({"$ref": "#/components/schemas/JobPage"}),
                },
            },
            "/queues/{queue}/jobs/{jobId}": {
                "get": {
                    "tags": ["Jobs"],
                    "operationId": "getJob",
                    "parameters": [
                        {"name": "queue", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "jobId", "in": "path", "required": True, "schema": {"type": "string"}},
                    ],
                    "x-waiter": {"name": "waitJob", "stateFields": ["phase", "status"], "success": ["done"], "failure": ["broken"], "delay": 2, "maxDelay": 4, "timeout": 60},
                    "responses": _json(ref),
                }
            },
        },
        "webhooks": {
            "jobDone": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": {"oneOf": [ref, {"$ref": "#/components/schemas/JobEvent"}]}}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {
            "schemas": {
                "Job": copy.deepcopy(JOB),
                "JobPage": {"type": "object", "properties": {"data": {"type": "array", "items": ref}}},
                "JobEvent": {"type": "object", "required": ["job"], "x-envelope": "job", "properties": {"job": ref}},
            }
        },
    }


def diagnostics(tmp_path: Path, spec: dict[str, Any]) -> list[Diagnostic]:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return list(validate(load(path)))


def test_the_valid_spec_builds_every_workflow(tmp_path: Path) -> None:
    spec = base()
    assert diagnostics(tmp_path, spec) == []
    api = build(load(tmp_path / "spec.yaml"))
    ops = {op.name: op for op in api.operations}
    waiter = ops["get_job"].waiter
    assert waiter is not None and waiter.name == "wait_job" and waiter.state_fields == ("phase", "status")
    assert (waiter.success, waiter.failure, waiter.delay, waiter.max_delay, waiter.timeout) == (("done",), ("broken",), 2.0, 4.0, 60.0)
    and_wait = ops["start_job"].and_wait
    assert and_wait is not None and and_wait.name == "start_job_and_wait" and and_wait.target.name == "get_job"
    assert and_wait.arguments == (("queue", "queue"), ("job_id", "_submitted.id"))
    paging = ops["list_jobs"].pagination
    assert paging is not None and (paging.name, paging.page_argument, paging.size_argument) == ("list_jobs_iter", "p", "n")
    assert (paging.first_page, paging.default_page_size, paging.items_expression, paging.key_expression) == (1, 20, "response.data or []", "item.id")
    assert paging.item_type.name == "Job"
    (hook,) = api.webhooks
    assert hook.method == "parse_job_done" and hook.entities == ("Job",)
    assert [(s.model, s.envelope) for s in hook.shapes] == [("JobEvent", "job"), ("Job", "")]  # envelopes first


def _mutated(**changes: Any) -> dict[str, Any]:
    spec = base()
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = spec
        for key in parents:
            node = node[key.replace("~", "/")]
        node[last] = value
    return spec


WAITER = "paths__~queues~{queue}~jobs~{jobId}__get__x-waiter"
PAGING = "paths__~queues~{queue}~jobs__get__x-pagination"
LINK = "paths__~queues~{queue}~jobs__post__responses__201__links__Poll"

BROKEN = [
    pytest.param({WAITER: "soon"}, "x-waiter must be a mapping", id="waiter-not-a-mapping"),
    pytest.param({WAITER: {"stateFields": [], "success": ["done"]}}, "stateFields must be a non-empty list", id="waiter-no-fields"),
    pytest.param({WAITER: {"stateFields": ["phase"], "success": []}}, "success must be a list", id="waiter-no-success"),
    pytest.param({WAITER: {"stateFields": ["phase"], "success": ["done"], "delay": 0}}, "delay must be a number", id="waiter-zero-delay"),
    pytest.param({WAITER: {"stateFields": ["phase"], "success": ["done"], "delay": 5, "maxDelay": 1}}, "maxDelay must not be below delay", id="waiter-cap-below-delay"),
    pytest.param({WAITER: {"stateFields": ["phase"], "success": ["done"], "name": "1wait"}}, "cannot be a method name", id="waiter-bad-name"),
    pytest.param({PAGING: {"pageParameter": "p", "sizeParameter": "size", "items": "data"}}, "sizeParameter must name a query parameter", id="paging-no-size-param"),
    pytest.param({PAGING: {"pageParameter": "p", "sizeParameter": "n", "items": "rows"}}, "'rows' is not a property", id="paging-no-items-property"),
    pytest.param({PAGING: {"pageParameter": "p", "sizeParameter": "n"}}, "must be an array of items", id="paging-not-an-array"),
    pytest.param({PAGING: {"pageParameter": "p", "sizeParameter": "n", "items": "data", "itemKey": "key"}}, "itemKey 'key'", id="paging-no-item-key"),
    pytest.param({PAGING: {"pageParameter": "p", "sizeParameter": "n", "items": "data", "firstPage": -1}}, "firstPage must be an integer", id="paging-negative-first"),
    pytest.param({LINK: {"operationId": "getJob", "parameters": {"queue": "$request.path.queue"}}}, "no value for the required parameter 'jobId'", id="link-missing-parameter"),
    pytest.param({LINK: {"operationId": "getJob", "parameters": {"queue": "$request.path.nope", "jobId": "$response.body#/id"}}}, "no path parameter of that name", id="link-unknown-parameter"),
    pytest.param({LINK: {"operationId": "getJob", "parameters": {"queue": "$request.path.queue", "jobId": "$response.body#/phase"}}}, "must be required", id="link-optional-response-field"),
    pytest.param({LINK: {"operationId": "getJob", "parameters": {"queue": "$url", "jobId": "$response.body#/id"}}}, "supported are", id="link-unsupported-expression"),
    pytest.param({"components__schemas__JobEvent__x-envelope": "missing"}, "x-envelope must name a property", id="envelope-unknown-property"),
]


@pytest.mark.parametrize(("changes", "message"), BROKEN)
def test_each_rule_reports_an_invalid_extension(tmp_path: Path, changes: dict[str, Any], message: str) -> None:
    found = diagnostics(tmp_path, _mutated(**changes))
    assert [d.code for d in found] == ["invalid-extension"], [d.format() for d in found]
    assert message in found[0].message and found[0].line is not None and found[0].severity == "error"


def test_a_link_across_tags_is_refused(tmp_path: Path) -> None:
    spec = base()
    spec["paths"]["/queues/{queue}/jobs/{jobId}"]["get"]["tags"] = ["Other"]
    found = diagnostics(tmp_path, spec)
    assert [d.code for d in found] == ["invalid-extension"] and "same tag" in found[0].message


@pytest.mark.parametrize(
    ("where", "name"),
    [
        pytest.param(WAITER, "listJobs", id="waiter-named-like-an-operation"),
        pytest.param(PAGING, "getJob", id="iterator-named-like-an-operation"),
        pytest.param(WAITER, "withRawResponse", id="waiter-named-with-raw-response"),
    ],
)
def test_generated_methods_cannot_take_a_taken_name(tmp_path: Path, where: str, name: str) -> None:
    spec = base()
    _mutated()  # the paths below exist
    node = spec
    *parents, last = where.split("__")
    for key in parents:
        node = node[key.replace("~", "/")]
    node[last]["name"] = name
    found = diagnostics(tmp_path, spec)
    assert [d.code for d in found] == ["name-collision"], [d.format() for d in found]


def test_a_webhook_with_an_inline_body_is_left_out_with_a_warning(tmp_path: Path) -> None:
    spec = base()
    spec["webhooks"]["jobDone"]["post"]["requestBody"]["content"]["application/json"]["schema"] = {"type": "object"}
    found = diagnostics(tmp_path, spec)
    assert [(d.code, d.severity) for d in found] == [("unsupported-webhook", "warning")]
    assert build(load(tmp_path / "spec.yaml")).webhooks == ()


def test_webhooks_parse_into_response_views_when_a_request_view_exists(tmp_path: Path) -> None:
    spec = base()
    spec["components"]["schemas"]["Job"]["properties"]["id"]["readOnly"] = True
    body = spec["paths"]["/queues/{queue}/jobs"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    body["properties"]["after"] = {"$ref": "#/components/schemas/Job"}  # a request nests Job: JobInput
    assert diagnostics(tmp_path, spec) == []
    api = build(load(tmp_path / "spec.yaml"))
    assert [s.name for s in api.schemas if "Input" in s.name] == ["JobInput"]
    (hook,) = api.webhooks
    assert hook.entities == ("Job",) and [(s.model, s.envelope) for s in hook.shapes] == [("JobEvent", "job"), ("Job", "")]


def test_waiter_defaults_apply_when_keys_are_left_out(tmp_path: Path) -> None:
    spec = base()
    spec["paths"]["/queues/{queue}/jobs/{jobId}"]["get"]["x-waiter"] = {"stateFields": ["status"], "success": ["done"]}
    assert diagnostics(tmp_path, spec) == []
    waiter = next(op for op in build(load(tmp_path / "spec.yaml")).operations if op.waiter).waiter
    assert waiter is not None and (waiter.name, waiter.delay, waiter.max_delay, waiter.timeout, waiter.failure) == ("wait", 1.0, 30.0, 600.0, ())


def test_an_inline_page_is_read_by_attribute(tmp_path: Path) -> None:
    """An inline page and inline items become models named after where they are: the iterator reads attributes."""
    spec = base()
    spec["paths"]["/queues/{queue}/jobs"]["get"]["responses"] = _json({"type": "object", "properties": {"data": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}}})
    assert diagnostics(tmp_path, spec) == []
    paging = next(op for op in build(load(tmp_path / "spec.yaml")).operations if op.pagination).pagination
    assert paging is not None and (paging.items_expression, paging.key_expression) == ("response.data or []", "item.id")
    assert paging.item_type.kind == "model"


USE_THE_WORKFLOWS = """
import asyncio, json
import httpx
from jobsdk import AsyncJobs, Jobs, JobFailedError

pages = {1: [{"id": "a", "createdAt": "x"}, {"id": "b", "createdAt": "x"}], 2: [{"id": "c", "createdAt": "x"}]}
polls = {"n": 0}

def handler(request: httpx.Request) -> httpx.Response:
    if request.method == "POST":
        assert json.loads(request.content) == {"label": "L"}
        return httpx.Response(201, json={"id": "j1", "createdAt": "x", "phase": "queued"})
    if request.url.path == "/queues/q/jobs":
        page = int(request.url.params["p"])
        assert request.url.params["n"] == "2"
        return httpx.Response(200, json={"data": pages.get(page, [])})
    assert request.url.path == "/queues/q/jobs/j1", request.url.path
    polls["n"] += 1
    return httpx.Response(200, json={"id": "j1", "createdAt": "x", "phase": "running" if polls["n"] < 2 else "done"})

with Jobs(base_url="http://test", http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
    assert [item.id for item in client.jobs.list_jobs_iter(queue="q", n=2)] == ["a", "b", "c"]
    job = client.jobs.start_job_and_wait(queue="q", label="L", poll_interval=0.001)
    assert job.phase == "done" and polls["n"] == 2, (job, polls)
    assert client.webhooks.parse(b'{"job": {"id": "w", "createdAt": "x"}}').id == "w"

async def main() -> None:
    async with AsyncJobs(base_url="http://test", http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler))) as client:
        assert [item.id async for item in client.jobs.list_jobs_iter(queue="q", n=2)] == ["a", "b", "c"]
        polls["n"] = 0
        job = await client.jobs.wait_job(queue="q", job_id="j1", poll_interval=0.001)
        assert job.phase == "done"

asyncio.run(main())
print("ok")
"""


@pytest.mark.slow
def test_a_foreign_spec_gets_working_typed_workflows(tmp_path: Path) -> None:
    """Generated from a spec that is not Leap's: the workflows import, type-check and work."""
    import subprocess
    import sys

    from generator.ir import PackageConfig
    from generator.pipeline import generate_files
    from generator.write import write_tree

    spec = base()
    spec["paths"]["/queues/{queue}/jobs"]["get"]["responses"] = _json({"type": "object", "properties": {"data": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}}})
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    config = PackageConfig(package="jobsdk", distribution="jobsdk", client_class="Jobs", async_client_class="AsyncJobs", error_base="JobsError", env_prefix="JOBS", title="Jobs")
    out = tmp_path / "out"
    write_tree(generate_files(path, config=config).files, out)
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "jobsdk"], cwd=out, capture_output=True, text=True)
    assert typed.returncode == 0, typed.stdout + typed.stderr
    ran = subprocess.run([sys.executable, "-c", USE_THE_WORKFLOWS], cwd=out, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and ran.stdout.strip() == "ok", ran.stdout + ran.stderr
