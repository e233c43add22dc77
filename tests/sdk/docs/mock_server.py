"""A local stand-in for the Leap API, answering every operation of the spec from its examples.

Built from the generator's intermediate representation, so a new operation in the spec is
served without a change here. Behaviour, kept small and predictable for the docs examples:

- a request without ``Authorization: Bearer ...`` gets 401;
- an ID path parameter starting with ``missing`` gets 404 (with the spec's error example);
- a success answers the success response's example; a POST that answers an object with an
  ``id`` creates a new job (new ID, ``queued``, no images, JSON fields of the request copied
  in), and each GET of that job moves it on: ``processing``, then ``finished`` with the
  example's images; a GET of an ID not created here starts from the example and moves on
  the same way;
- a list answers its example on page 0 (or without ``page``), and an empty list past it, so
  paginating stops;
- a success without an example answers 200 with an empty body.
"""

from __future__ import annotations

import copy
import json
import re
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from generator.build.builder import build
from generator.ir import Api, Operation
from generator.read.loader import load
from tests.conftest import SPEC_PATH

#: The states a job goes through, one step per GET.
STATES = ("queued", "processing", "finished")


@dataclass
class Job:
    body: dict[str, Any]
    polls: int = 0


@dataclass
class MockLeap:
    """The routes and the jobs created so far (shared by the server's threads)."""

    api: Api
    jobs: dict[str, Job] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list[tuple[str, str]] = field(default_factory=list)

    def route(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        for op in self.api.operations:
            if op.method != method:
                continue
            pattern = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(op.path)) + "$"
            match = re.match(pattern, path)
            if match:
                return op, match.groupdict()
        return None

    def answer(self, method: str, target: str, headers: dict[str, str], raw_body: bytes) -> tuple[int, Any]:
        """``(status, JSON body or None)`` for one request."""
        url = urlsplit(target)
        with self.lock:
            self.requests.append((method, url.path))
        if not headers.get("authorization", "").startswith("Bearer "):
            return 401, {"statusCode": 401, "message": "Unauthorized"}
        found = self.route(method, url.path)
        if found is None:
            return 404, {"statusCode": 404, "message": f"Cannot {method} {url.path}"}
        op, params = found
        if any(value.startswith("missing") for value in params.values()):
            return 404, self.error_example(op, 404, "Not Found")
        example = copy.deepcopy(op.success.example.value) if op.success.example else None
        query = parse_qs(url.query)
        if isinstance(example, list):
            page = int(query.get("page", ["0"])[0])
            return int(op.success.status), example if page == 0 else []
        if not isinstance(example, dict) or "id" not in example:
            return int(op.success.status), example
        with self.lock:
            if method == "POST":
                return int(op.success.status), self.create(example, headers, raw_body)
            job_id = list(params.values())[-1] if params else ""
            job = self.jobs.get(job_id)
            if job is None and method != "GET":  # not created here: the spec's example as it is
                return int(op.success.status), example
            if job is None:  # a job first seen here starts queued, like a new one
                job = self.jobs[job_id] = Job(dict(example, id=job_id))
            if method == "GET":
                job.polls += 1
                self.set_state(job.body, STATES[min(job.polls, len(STATES) - 1)], example)
            return int(op.success.status), copy.deepcopy(job.body)

    def create(self, example: dict[str, Any], headers: dict[str, str], raw_body: bytes) -> dict[str, Any]:
        body = dict(example, id=str(uuid.uuid4()))
        if headers.get("content-type", "").startswith("application/json") and raw_body:
            sent = json.loads(raw_body)
            body.update({key: value for key, value in sent.items() if key in example})
        self.set_state(body, "queued", example)
        self.jobs[body["id"]] = Job(body)
        return copy.deepcopy(body)

    @staticmethod
    def set_state(body: dict[str, Any], state: str, example: dict[str, Any]) -> None:
        for key in ("state", "status"):
            if key in example:
                body[key] = state
        if "images" in example:
            body["images"] = copy.deepcopy(example["images"]) if state == "finished" else []

    @staticmethod
    def error_example(op: Operation, status: int, reason: str) -> dict[str, Any]:
        for response in op.errors:
            if response.status == str(status) and response.example is not None:
                return copy.deepcopy(response.example.value)
        return {"statusCode": status, "message": f"{reason}", "error": reason}


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {key.lower(): value for key, value in self.headers.items()}
        status, body = self.server.mock.answer(self.command, self.path, headers, raw)
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _serve

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    mock: MockLeap


@contextmanager
def serve(api: Api | None = None) -> Iterator[tuple[str, MockLeap]]:
    """Run the mock API on 127.0.0.1 on a free port; yield ``(base URL, state)``; stop it after."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.mock = MockLeap(api or build(load(SPEC_PATH)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.mock
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
