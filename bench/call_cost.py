"""Where one SDK call's time goes, in one process: CPU time per call, without the network.

``python -m bench.call_cost [CALLS] [REPEATS]``, run from the repository with the generated
package on ``PYTHONPATH``, prints one JSON object ``{operation: {step: microseconds}}``.

Every call is answered by httpx's ``MockTransport`` with the bench server's bodies
(``server.ONE``: one InferenceEntity with 4 images; ``server.LIST``: 100 of them), so what is
measured is the client's work alone. Each step runs CALLS times (``list_all``: a tenth) per
repeat, the steps interleaved; the result is the median over the repeats of the CPU time
(``time.process_time``) per call, which other load on a shared machine changes much less than
wall time. The steps:

- ``json.loads``: what raw httpx's ``.json()`` does with the body;
- ``validate_json``: pydantic-core reading the same body into our models (the SDK's
  parse step, ``_base_client._json_validator``); minus ``json.loads``, the cost of checking
  the answer against the spec;
- ``validate_json, timestamps in ISO 8601``: the same with every timestamp sent as
  ISO 8601; the difference is what reading PostgreSQL text (``2023-06-20 07:04:01+00``, which
  the spec's ``Timestamp`` allows and the bench server sends for images) costs;
- ``raw httpx``: ``client.get(...).json()``;
- ``pydantic floor``: raw httpx, then ``validate_json`` into our models: the fastest any SDK
  that checks answers against these models can be;
- ``leap``: our SDK's call. It is given the mock's ``httpx.Client`` (so it sends its default
  headers with each request, a little more work than on the pool it makes itself).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx
import pydantic

from . import server
from .sdk_client import JOB, MODEL

OPERATIONS = {"find_one": server.ONE, "list_all": server.LIST}
STEPS = (
    "json.loads",
    "validate_json",
    "validate_json, timestamps in ISO 8601",
    "raw httpx",
    "pydantic floor",
    "leap",
)
_POSTGRES = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)$")


def body(response: bytes) -> bytes:
    """The body of one of the server's fixed responses."""
    return response.split(b"\r\n\r\n", 1)[1]


def iso_timestamps(data: bytes) -> bytes:
    """``data`` with every PostgreSQL-text timestamp written as ISO 8601 (same instant)."""

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: convert(item) for key, item in value.items()}
        if isinstance(value, list):
            return [convert(item) for item in value]
        if isinstance(value, str):
            return _POSTGRES.sub(r"\1T\2\3:00", value)
        return value

    return json.dumps(convert(json.loads(data))).encode()


def steps(operation: str) -> dict[str, Callable[[], object]]:
    import leap
    from leap.models import InferenceEntity

    data = body(OPERATIONS[operation])
    iso = iso_timestamps(data)
    assert iso != data, "the bench bodies have PostgreSQL-text timestamps"

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=data, headers={"content-type": "application/json"})

    url = "http://bench.invalid"
    path = f"/api/v1/images/models/{MODEL}/inferences" + (f"/{JOB}" if operation == "find_one" else "")
    validate = (
        InferenceEntity.model_validate_json
        if operation == "find_one"
        else pydantic.TypeAdapter(list[InferenceEntity]).validate_json
    )
    raw = httpx.Client(base_url=url, headers={"Authorization": "Bearer k"}, transport=httpx.MockTransport(answer))
    sdk = leap.Leap(api_key="k", base_url=url, http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    call = (
        (lambda: sdk.images.find_one(model_id=MODEL, inference_id=JOB))
        if operation == "find_one"
        else (lambda: sdk.images.list_all(model_id=MODEL))
    )
    return {
        "json.loads": lambda: json.loads(data),
        "validate_json": lambda: validate(data),
        "validate_json, timestamps in ISO 8601": lambda: validate(iso),
        "raw httpx": lambda: raw.get(path).json(),
        "pydantic floor": lambda: validate(raw.get(path).content),
        "leap": call,
    }


def measure(calls: int = 2000, repeats: int = 7) -> dict[str, dict[str, float]]:
    """``{operation: {step: CPU microseconds per call}}`` (median over ``repeats``)."""
    results: dict[str, dict[str, float]] = {}
    for operation in OPERATIONS:
        count = calls if operation == "find_one" else max(1, calls // 10)
        made = steps(operation)
        for step in made.values():  # warm: first validators built, connections set up
            for _ in range(20):
                step()
        per_call: dict[str, list[float]] = {name: [] for name in made}
        for _ in range(repeats):
            for name, step in made.items():
                start = time.process_time()
                for _ in range(count):
                    step()
                per_call[name].append((time.process_time() - start) / count * 1e6)
        results[operation] = {name: statistics.median(values) for name, values in per_call.items()}
    return results


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:3]]
    print(json.dumps(measure(*numbers)))
