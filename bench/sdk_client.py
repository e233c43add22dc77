"""One client making N sequential calls against the bench server; prints calls per second.

``python bench/sdk_client.py KIND OPERATION BASE_URL CALLS [MODULE]`` where KIND is one of
:data:`KINDS`, OPERATION ``find_one`` (one InferenceEntity) or ``list_all`` (100 of them), and
MODULE the package of a peer's generated client. ``floor`` is raw httpx followed by what any
SDK that checks the answer against the spec's models must do at least: pydantic's
``validate_json`` of the body into our generated models (``InferenceEntity``, or a list of
them), the step our SDK makes per call; no SDK built on those models can be faster. Run by the interpreter of the environment
the client lives in (ours or the peers'), with the generated package on ``PYTHONPATH``.
Prints one JSON line: ``{"calls_per_second": float, "calls": int}``. Each process first makes
a few untimed calls (connection set up, code paths warm), then the timed ones. Every client
but raw httpx is timed in turns with its baseline in the same process (:data:`PAIRED`); its
line adds ``"baseline_calls_per_second"``.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import time

MODEL = "26a1a203-3a46-42cb-8cfa-f4de075907d8"
JOB = "a047df00-8bdd-4d57-a9bd-6eebef36ecaa"
WARMUP = 20


def _validator(operation: str):
    """pydantic's ``validate_json`` into our models of the operation's answer: what the SDK
    runs per call (``_base_client._json_validator``), without anything of the SDK around it."""
    import pydantic
    from leap.models import InferenceEntity

    if operation == "find_one":
        return InferenceEntity.model_validate_json
    return pydantic.TypeAdapter(list[InferenceEntity]).validate_json


def _sync_call(kind: str, operation: str, url: str, module: str | None):
    """(call, close) for a blocking client."""
    if kind == "httpx":
        import httpx

        client = httpx.Client(base_url=url, headers={"Authorization": "Bearer k"})
        path = f"/api/v1/images/models/{MODEL}/inferences" + (f"/{JOB}" if operation == "find_one" else "")
        return (lambda: client.get(path).json()), client.close
    if kind == "floor":
        import httpx

        client = httpx.Client(base_url=url, headers={"Authorization": "Bearer k"})
        path = f"/api/v1/images/models/{MODEL}/inferences" + (f"/{JOB}" if operation == "find_one" else "")
        validate = _validator(operation)
        return (lambda: validate(client.get(path).content)), client.close
    if kind == "leap":
        import leap

        client = leap.Leap(api_key="k", base_url=url)
        if operation == "find_one":
            return (lambda: client.images.find_one(model_id=MODEL, inference_id=JOB)), client.close
        return (lambda: client.images.list_all(model_id=MODEL)), client.close
    if kind in ("leap-wait", "leap-pages", "leap-iter"):
        import leap

        client = leap.Leap(api_key="k", base_url=url)
        if kind == "leap-wait":  # the job is finished: one poll
            return (lambda: client.images.wait(model_id=MODEL, inference_id=JOB)), client.close
        if kind == "leap-pages":  # what the iterator requests: a full page 0, an empty page 1
            return (
                lambda: client.images.list_all(model_id=MODEL, page=0, page_size=100)
                + client.images.list_all(model_id=MODEL, page=1, page_size=100)
            ), client.close
        return (lambda: list(client.images.list_all_iter(model_id=MODEL, page_size=100))), client.close
    if kind == "opc":
        package = importlib.import_module(module or "")
        api = importlib.import_module(f"{module}.api.images.{operation}")
        client = package.AuthenticatedClient(base_url=url, token="k")
        if operation == "find_one":
            return (lambda: api.sync(MODEL, JOB, client=client)), lambda: None
        return (lambda: api.sync(MODEL, client=client)), lambda: None
    raise SystemExit(f"unknown client {kind!r}")


def _async_call(kind: str, operation: str, url: str, module: str | None):
    """(coroutine function, async close) for an asyncio client."""
    if kind == "httpx":
        import httpx

        client = httpx.AsyncClient(base_url=url, headers={"Authorization": "Bearer k"})
        path = f"/api/v1/images/models/{MODEL}/inferences" + (f"/{JOB}" if operation == "find_one" else "")

        async def call():
            return (await client.get(path)).json()

        return call, client.aclose
    if kind == "floor":
        import httpx

        client = httpx.AsyncClient(base_url=url, headers={"Authorization": "Bearer k"})
        path = f"/api/v1/images/models/{MODEL}/inferences" + (f"/{JOB}" if operation == "find_one" else "")
        validate = _validator(operation)

        async def floor():
            return validate((await client.get(path)).content)

        return floor, client.aclose
    if kind == "leap":
        import leap

        client = leap.AsyncLeap(api_key="k", base_url=url)
        if operation == "find_one":
            return (lambda: client.images.find_one(model_id=MODEL, inference_id=JOB)), client.close
        return (lambda: client.images.list_all(model_id=MODEL)), client.close
    if kind == "opc":
        package = importlib.import_module(module or "")
        api = importlib.import_module(f"{module}.api.images.{operation}")
        client = package.AuthenticatedClient(base_url=url, token="k")

        async def close():
            await client.get_async_httpx_client().aclose()

        if operation == "find_one":
            return (lambda: api.asyncio(MODEL, JOB, client=client)), close
        return (lambda: api.asyncio(MODEL, client=client)), close
    raise SystemExit(f"unknown client {kind!r}")


PAIRED = {"leap": "httpx", "floor": "httpx", "opc": "httpx", "leap-wait": "leap", "leap-iter": "leap-pages"}
"""The baseline each client is timed against, in the same process, call by call in turns: raw
httpx for an SDK (and the pydantic floor), the plain calls for a helper. Ratios of clients
timed in processes of their own read the drift of a shared machine between two processes
(0.83x to 1.00x for the same SDK); turns of 200 calls still read ±5%, single calls ±1%."""


class _Turns:
    """A paired measurement: ``calls`` calls of ``call`` and as many of ``baseline``, in turns, one of
    each, the side that goes first alternating (A B, B A, ...); the seconds each side spent."""

    def __init__(self, call, baseline, calls: int) -> None:
        self.call, self.baseline, self.calls = call, baseline, calls
        self.spent = {call: 0.0, baseline: 0.0}
        self.result = None

    def __iter__(self):
        for turn in range(self.calls):
            yield from (self.call, self.baseline) if turn % 2 == 0 else (self.baseline, self.call)

    def took(self, side, seconds: float, value: object) -> None:
        self.spent[side] += seconds
        if side is self.call:
            self.result = value

    def totals(self) -> tuple[float, float, object]:
        """(seconds of ``call``, seconds of ``baseline``, what ``call`` returned last)."""
        return self.spent[self.call], self.spent[self.baseline], self.result


def _paired(call, baseline, calls: int) -> tuple[float, float, object]:
    turns = _Turns(call, baseline, calls)
    for side in turns:
        start = time.perf_counter()
        value = side()
        turns.took(side, time.perf_counter() - start, value)
    return turns.totals()


async def _paired_async(call, baseline, calls: int) -> tuple[float, float, object]:
    turns = _Turns(call, baseline, calls)
    for side in turns:
        start = time.perf_counter()
        value = await side()
        turns.took(side, time.perf_counter() - start, value)
    return turns.totals()


def _alone(call, calls: int) -> tuple[float, None, object]:
    start = time.perf_counter()
    for _ in range(calls):
        result = call()
    return time.perf_counter() - start, None, result


async def _alone_async(call, calls: int) -> tuple[float, None, object]:
    start = time.perf_counter()
    for _ in range(calls):
        result = await call()
    return time.perf_counter() - start, None, result


def _run_sync(name: str, operation: str, url: str, calls: int, module: str | None):
    """(seconds, baseline's seconds or None, last result) of a blocking client."""
    call, close = _sync_call(name, operation, url, module)
    partner = PAIRED.get(name)
    baseline, close_baseline = _sync_call(partner, operation, url, module) if partner else (None, None)
    for _ in range(WARMUP):
        call()
        if baseline is not None:
            baseline()
    timed = _alone(call, calls) if baseline is None else _paired(call, baseline, calls)
    close()
    if close_baseline is not None:
        close_baseline()
    return timed


async def _run_async(name: str, operation: str, url: str, calls: int, module: str | None):
    """(seconds, baseline's seconds or None, last result) of an asyncio client."""
    call, close = _async_call(name, operation, url, module)
    partner = PAIRED.get(name)
    baseline, close_baseline = _async_call(partner, operation, url, module) if partner else (None, None)
    for _ in range(WARMUP):
        await call()
        if baseline is not None:
            await baseline()
    timed = await (_alone_async(call, calls) if baseline is None else _paired_async(call, baseline, calls))
    await close()
    if close_baseline is not None:
        await close_baseline()
    return timed


KINDS = (
    "httpx-sync",
    "httpx-async",
    "floor-sync",
    "floor-async",
    "leap-sync",
    "leap-async",
    "opc-sync",
    "opc-async",
    "leap-wait-sync",
    "leap-pages-sync",
    "leap-iter-sync",
)


def main(argv: list[str]) -> None:
    kind, operation, url, calls = argv[0], argv[1], argv[2], int(argv[3])
    module = argv[4] if len(argv) > 4 else None
    name, mode = kind.rsplit("-", 1)
    if mode == "sync":
        seconds, baseline_seconds, result = _run_sync(name, operation, url, calls, module)
    else:
        seconds, baseline_seconds, result = asyncio.run(_run_async(name, operation, url, calls, module))
    expected = 100 if operation == "list_all" else None
    if result is None or (expected and len(result) != expected):  # the call must have parsed the payload
        raise SystemExit(f"{kind} {operation}: unexpected result {type(result).__name__}")
    line = {"calls_per_second": calls / seconds, "calls": calls}
    if baseline_seconds is not None:
        line["baseline_calls_per_second"] = calls / baseline_seconds
    print(json.dumps(line))


if __name__ == "__main__":
    main(sys.argv[1:])
