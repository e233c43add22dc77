"""Callbacks and links: a method for each operation of ``paths`` only (none for ``notifyJobDone`` or
``notifyJobFailed``, the requests the API sends), no model for the schemas written inline in a callback,
``JobEvent`` (named only by callbacks) a model that reads a callback body; the links give nothing and
break nothing: their target ``get_job`` takes the ``id`` they name."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

from tests.generator.cases.harness import Recorder, both, client, spec_arguments

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    recorder = Recorder(status=202, body={"id": "j1", "state": "queued"})
    job = both(package, recorder, lambda sdk: sdk.jobs.create_job(callback_url="https://me.test/hook"))
    assert recorder.last.method == "POST" and recorder.last.url.path == "/jobs" and recorder.last_json() == {"callback_url": "https://me.test/hook"}
    assert isinstance(job, package.models.Job) and job.id == "j1"

    # Follow the link by hand: the target's argument is the one the link names.
    recorder = Recorder(body={"id": "j1", "state": "done"})
    assert spec_arguments(client(package, recorder).jobs.get_job) == ["id"]
    assert both(package, recorder, lambda sdk: sdk.jobs.get_job(id=job.id)).state == "done"
    assert recorder.last.method == "GET" and recorder.last.url.path == "/jobs/j1"

    jobs = importlib.import_module(f"{package.__name__}.resources.jobs")
    methods = {name for cls in (jobs.JobsApi, jobs.AsyncJobsApi) for name, member in vars(cls).items() if inspect.isfunction(member) and not name.startswith("_")}
    assert methods == {"create_job", "get_job"}, methods
    assert sorted(package.models.__all__) == ["Job", "JobEvent"]
    assert not any("notify" in path or "delivery" in path.lower() for path in generated.files), sorted(generated.files)

    event = package.models.JobEvent.model_validate({"id": "j1", "state": "failed"})
    assert event.state == "failed"
