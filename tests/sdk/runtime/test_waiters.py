"""Waiters (``wait``, ``generate_and_wait``, ``train_model_and_wait``) against a real local server.

The fake job moves queued -> processing -> finished (or failed, or never ends); every
request it receives is validated against the spec. Delays are milliseconds.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

import leap
from leap import AsyncLeap, JobFailedError, Leap, WaitTimeoutError
from leap.models import InferenceEntity, ModelV2Entity
from tests.sdk.contract.conftest import API_KEY, parse_multipart
from tests.sdk.runtime.jobs import JobServer
from tests.sdk.runtime.server import LocalServer, Reply, json_reply

MODES = ["sync", "async"]
FAST = {"poll_interval": 0.005, "max_poll_interval": 0.01}


def call(mode: str, url: str, api: str, method: str, /, **kwargs: Any) -> Any:
    """``client.<api>.<method>(**kwargs)`` through Leap or AsyncLeap against ``url``."""
    if mode == "sync":
        with Leap(api_key=API_KEY, base_url=url, max_retries=0) as client:
            return getattr(getattr(client, api), method)(**kwargs)

    async def run() -> Any:
        async with AsyncLeap(api_key=API_KEY, base_url=url, max_retries=0) as client:
            return await getattr(getattr(client, api), method)(**kwargs)

    return asyncio.run(run())


@pytest.mark.parametrize("mode", MODES)
def test_wait_returns_the_finished_job_after_each_state(mode: str) -> None:
    jobs = JobServer(["queued", "processing", "processing", "finished"])
    seen: list[str | None] = []
    with LocalServer(jobs) as server:
        job = call(mode, server.url, "images", "wait", model_id="m", inference_id="job-1", on_update=lambda j: seen.append(j.state), **FAST)
    assert isinstance(job, InferenceEntity) and job.id == "job-1" and job.state == "finished"
    assert seen == ["queued", "processing", "processing", "finished"]
    assert jobs.polls == 4 and server.count("GET", "/api/v1/images/models/m/inferences/job-1") == 4
    assert jobs.invalid == []


@pytest.mark.parametrize("field", ["state", "status"])
@pytest.mark.parametrize("mode", MODES)
def test_wait_reads_the_state_from_whichever_field_is_sent(mode: str, field: str) -> None:
    jobs = JobServer(["processing", "finished"], field=field)
    with LocalServer(jobs) as server:
        job = call(mode, server.url, "images", "wait", model_id="m", inference_id="job-1", **FAST)
    assert getattr(job, field) == "finished" and jobs.polls == 2


@pytest.mark.parametrize("mode", MODES)
def test_wait_raises_job_failed_with_the_entity(mode: str) -> None:
    jobs = JobServer(["queued", "failed"])
    with LocalServer(jobs) as server, pytest.raises(JobFailedError) as info:
        call(mode, server.url, "images", "wait", model_id="m", inference_id="job-1", **FAST)
    assert info.value.state == "failed"
    assert isinstance(info.value.entity, InferenceEntity) and info.value.entity.id == "job-1"
    assert isinstance(info.value, leap.LeapError) and "job-1" in str(info.value)
    assert jobs.polls == 2


@pytest.mark.parametrize("mode", MODES)
def test_wait_times_out_with_the_last_state_seen(mode: str) -> None:
    jobs = JobServer(["queued", "processing"])
    started = time.monotonic()
    with LocalServer(jobs) as server, pytest.raises(WaitTimeoutError) as info:
        call(mode, server.url, "images", "wait", model_id="m", inference_id="job-1", timeout=0.15, **FAST)
    elapsed = time.monotonic() - started
    assert 0.15 <= elapsed < 2.0
    assert isinstance(info.value, TimeoutError)
    assert info.value.state == "processing" and info.value.timeout == 0.15
    assert isinstance(info.value.last, InferenceEntity) and info.value.last.id == "job-1"
    assert jobs.polls >= 3


@pytest.mark.parametrize("mode", MODES)
def test_an_unknown_state_keeps_the_waiter_polling(mode: str) -> None:
    jobs = JobServer(["queued", "upscaling", None, "finished"])
    with LocalServer(jobs) as server:
        job = call(mode, server.url, "images", "wait", model_id="m", inference_id="job-1", **FAST)
    assert job.state == "finished" and jobs.polls == 4


@pytest.mark.parametrize("mode", MODES)
def test_generate_and_wait_polls_the_job_it_submitted(mode: str) -> None:
    jobs = JobServer(["processing", "finished"], job_id="fresh-42")
    with LocalServer(jobs) as server:
        job = call(mode, server.url, "images", "generate_and_wait", model_id="model 7", prompt="a cat", number_of_images=2, **FAST)
    assert job.id == "fresh-42" and job.state == "finished"
    post, *polls = server.requests
    assert post.method == "POST" and post.url.raw_path == b"/api/v1/images/models/model%207/inferences"
    assert b'"numberOfImages":2' in post.content.replace(b" ", b"")
    assert [p.url.raw_path for p in polls] == [b"/api/v1/images/models/model%207/inferences/fresh-42"] * 2
    assert jobs.invalid == []


@pytest.mark.parametrize("mode", MODES)
def test_train_model_and_wait_uploads_then_polls_the_model(mode: str) -> None:
    jobs = JobServer(["queued", "processing", "finished"], kind="model", job_id="model-9")
    with LocalServer(jobs) as server:
        trained = call(mode, server.url, "image_models", "train_model_and_wait", name="Me", image_sample_files=[b"\x89PNG\r\n\x1a\nrest"], **FAST)
    assert isinstance(trained, ModelV2Entity) and trained.id == "model-9" and trained.status == "finished"
    post, *polls = server.requests
    assert [part.name for part in parse_multipart(post)] == ["name", "subjectType", "imageSampleFiles"]
    assert [p.url.path for p in polls] == ["/api/v2/images/models/model-9"] * 3
    assert jobs.invalid == []


@pytest.mark.parametrize("mode", MODES)
def test_a_poll_answered_503_with_retry_after_is_retried(mode: str) -> None:
    jobs = JobServer(["processing", "finished"])
    answers = iter([json_reply(503, {"statusCode": 503, "message": "busy"}, {"Retry-After": "0"})])

    def handler(request: Any) -> Reply:
        return next(answers, None) or jobs(request)

    with LocalServer(handler) as server:
        url = server.url
        if mode == "sync":
            with Leap(api_key=API_KEY, base_url=url, max_retries=1) as client:
                job = client.images.wait(model_id="m", inference_id="job-1", **FAST)
        else:

            async def run() -> InferenceEntity:
                async with AsyncLeap(api_key=API_KEY, base_url=url, max_retries=1) as client:
                    return await client.images.wait(model_id="m", inference_id="job-1", **FAST)

            job = asyncio.run(run())
    assert job.state == "finished" and server.count() == 3


def test_async_on_update_may_be_a_coroutine_function() -> None:
    jobs = JobServer(["processing", "finished"])
    seen: list[str | None] = []

    async def record(job: InferenceEntity) -> None:
        await asyncio.sleep(0)
        seen.append(job.state)

    with LocalServer(jobs) as server:
        call("async", server.url, "images", "wait", model_id="m", inference_id="job-1", on_update=record, **FAST)
    assert seen == ["processing", "finished"]


def test_async_wait_does_not_block_the_event_loop() -> None:
    jobs = JobServer(["queued"] * 3 + ["finished"])
    ticks = 0

    async def ticker(stop: asyncio.Event) -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0.002)

    async def run(url: str) -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(ticker(stop))
        async with AsyncLeap(api_key=API_KEY, base_url=url) as client:
            await client.images.wait(model_id="m", inference_id="job-1", poll_interval=0.05, max_poll_interval=0.05)
        stop.set()
        await task

    with LocalServer(jobs) as server:
        asyncio.run(run(server.url))
    assert ticks >= 20  # three 50 ms pauses: a blocking sleep would leave the ticker at 1


class FakeTime:
    """Stands in for the waiter's ``time`` module: sleeping advances a fake clock."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def test_polls_back_off_by_half_up_to_the_cap_and_stop_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeTime()
    monkeypatch.setattr(leap._waiters, "time", fake)
    polls: list[float] = []

    def poll() -> InferenceEntity:
        polls.append(fake.now)
        return InferenceEntity.model_validate({"id": "j", "createdAt": "2023-06-20T07:03:48Z", "prompt": "p", "images": [], "state": "processing"})

    rule = leap._waiters.WaitRule(("state", "status"), frozenset({"finished"}), frozenset({"failed"}))
    with pytest.raises(WaitTimeoutError):
        leap._waiters.wait_for(poll, rule, timeout=10.0, poll_interval=1.0, max_poll_interval=3.0)
    assert fake.sleeps == [1.0, 1.5, 2.25, 3.0, 2.25]  # the last pause ends at the deadline
    assert polls[-1] == 1010.0 and len(polls) == 6


def test_wait_defaults_come_from_the_spec() -> None:
    import inspect

    from tests.conftest import load_spec

    paths = load_spec()["paths"]
    for api, path in ((leap.resources.ImagesApi, "/api/v1/images/models/{modelId}/inferences/{inferenceId}"), (leap.resources.ImageModelsApi, "/api/v2/images/models/{modelId}")):
        declared = paths[path]["get"]["x-waiter"]
        params = inspect.signature(getattr(api, declared["name"])).parameters
        assert params["timeout"].default == declared["timeout"]
        assert params["poll_interval"].default == declared["delay"]
        assert params["max_poll_interval"].default == declared["maxDelay"]
