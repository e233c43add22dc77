"""Stateful fake Leap servers for the waiter and iterator tests (handlers for :class:`LocalServer`).

Payloads start from the spec's own examples, so what the fakes send is what the spec
declares; every request they receive is checked against the spec before it is answered.
"""

from __future__ import annotations

import copy
import re
import threading
import time
from typing import Any
from urllib.parse import parse_qs

import httpx

from tests.conftest import load_spec
from tests.sdk.contract.conftest import assert_request_valid
from tests.sdk.runtime.server import Reply, json_reply, on_spec_server

SCHEMAS = load_spec()["components"]["schemas"]

def check_request(request: httpx.Request) -> None:
    """Validate a request the local server received, as if sent to the spec's server."""
    assert_request_valid(on_spec_server(request))


_INFERENCE = re.compile(r"^/api/v1/images/models/(?P<model>[^/]+)/inferences(?:/(?P<job>[^/]+))?$")
_MODEL = re.compile(r"^/api/v2/images/models/(?P<model>[^/]+)$")


def inference(job_id: str = "job-1", state: str | None = "queued", *, field: str = "both", **extra: Any) -> dict[str, Any]:
    """An InferenceEntity payload (the spec's example) with ``state`` in ``state``, ``status`` or both."""
    body: dict[str, Any] = copy.deepcopy(SCHEMAS["InferenceEntity"]["example"])
    body.pop("state", None)
    body.pop("status", None)
    body["id"] = job_id
    if field in ("state", "both"):
        body["state"] = state
    if field in ("status", "both"):
        body["status"] = state
    return {**body, **extra}


def model(model_id: str = "model-1", status: str | None = "queued", **extra: Any) -> dict[str, Any]:
    """A ModelV2Entity payload (the spec's example) with ``status``."""
    body: dict[str, Any] = copy.deepcopy(SCHEMAS["ModelV2Entity"]["example"])
    body.update(id=model_id, status=status)
    return {**body, **extra}


class JobServer:
    """Moves one job through ``states``: each GET of it answers the next state (the last one repeats).

    Serves generate (POST inferences), findOne (GET inference), trainModel (POST models/new)
    and getModel (GET model). ``arrivals`` keeps when each request came, ``bodies`` what
    each GET answered.
    """

    def __init__(self, states: list[str | None], *, kind: str = "inference", field: str = "both", job_id: str = "job-1") -> None:
        self.states = list(states)
        self.kind = kind
        self.field = field
        self.job_id = job_id
        self.polls = 0
        self.arrivals: list[float] = []
        self.invalid: list[str] = []
        self._lock = threading.Lock()

    def entity(self, state: str | None) -> dict[str, Any]:
        if self.kind == "inference":
            return inference(self.job_id, state, field=self.field)
        return model(self.job_id, state)

    def __call__(self, request: httpx.Request) -> Reply:
        with self._lock:
            self.arrivals.append(time.monotonic())
        try:
            check_request(request)
        except AssertionError as exc:
            self.invalid.append(str(exc))
            return json_reply(400, {"statusCode": 400, "message": str(exc)})
        path = request.url.path
        if request.method == "POST":
            return json_reply(201, self.entity(self.states[0] if self.kind == "model" else "queued"))
        match = _INFERENCE.match(path) if self.kind == "inference" else _MODEL.match(path)
        if request.method == "GET" and match and (self.kind == "model" or match["job"] == self.job_id):
            with self._lock:
                state = self.states[min(self.polls, len(self.states) - 1)]
                self.polls += 1
            return json_reply(200, self.entity(state))
        return json_reply(404, {"statusCode": 404, "message": "no such job"})


class PagedServer:
    """``listAll`` over ``total`` jobs, counting pages as a given server would.

    ``convention``: ``"zero"`` (page 0 is the first), ``"one-clamp"`` (the first page is 1,
    and 0 is read as 1), ``"one-empty"`` (the first page is 1, and page 0 is empty),
    ``"ignore"`` (the page parameter is ignored: always the first page).
    """

    def __init__(self, total: int, convention: str = "zero") -> None:
        self.ids = [f"job-{i:03d}" for i in range(total)]
        self.convention = convention
        self.pages_asked: list[int] = []
        self.invalid: list[str] = []

    def __call__(self, request: httpx.Request) -> Reply:
        try:
            check_request(request)
        except AssertionError as exc:
            self.invalid.append(str(exc))
            return json_reply(400, {"statusCode": 400, "message": str(exc)})
        query = parse_qs(request.url.query.decode())
        page = int(query.get("page", ["0"])[0])
        size = int(query.get("pageSize", ["10"])[0])
        self.pages_asked.append(page)
        index = {"zero": page, "one-clamp": max(page, 1) - 1, "one-empty": page - 1, "ignore": 0}[self.convention]
        chosen = [] if index < 0 else self.ids[index * size : (index + 1) * size]
        return json_reply(200, [inference(job_id, "finished") for job_id in chosen])
