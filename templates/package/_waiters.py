"""Poll a job until it ends: the machinery behind the generated ``wait`` methods.

A waiter calls the operation that reads the job, reads the job's state from the first of
its state fields that is set, and stops when the state is a success value (the job is
returned) or a failure value (:class:`JobFailedError`), or when ``timeout`` seconds have
passed (:class:`WaitTimeoutError`). Between polls it sleeps ``poll_interval`` seconds,
growing by half each time up to ``max_poll_interval``, and never past the deadline: the
last poll happens at the deadline. Each poll is an ordinary request, retried as usual.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ._exceptions import JobFailedError, WaitTimeoutError

T = TypeVar("T")

GROWTH = 1.5
"""Each sleep between polls is this many times the previous one, up to the cap."""


@dataclass(frozen=True)
class WaitRule:
    """What the spec's ``x-waiter`` says: where the state is and which values end the wait."""

    state_fields: Sequence[str]
    success: frozenset[str]
    failure: frozenset[str]


def job_state(job: object, fields: Sequence[str]) -> str | None:
    """The first of ``fields`` that ``job`` has set, as text; ``None`` when none is set."""
    for name in fields:
        value = getattr(job, name, None)
        if value is not None:
            return str(value)
    return None


class _Clock:
    """Deadline and sleep lengths of one wait."""

    def __init__(
        self, timeout: float | None, poll_interval: float, max_poll_interval: float
    ) -> None:
        if poll_interval < 0 or max_poll_interval < 0:
            raise ValueError("poll_interval and max_poll_interval must not be negative")
        if timeout is not None and timeout < 0:
            raise ValueError("timeout must not be negative")
        self.timeout = timeout
        self.deadline = None if timeout is None else time.monotonic() + timeout
        self.interval = min(poll_interval, max_poll_interval)
        self.max_interval = max_poll_interval

    def next_sleep(self) -> float | None:
        """Seconds to sleep before the next poll, or ``None`` when the deadline has passed."""
        delay = self.interval
        self.interval = min(self.interval * GROWTH, self.max_interval)
        if self.deadline is None:
            return delay
        left = self.deadline - time.monotonic()
        if left <= 0:
            return None
        return min(delay, left)


def _verdict(job: T, rule: WaitRule) -> str | None:
    """The state when it ends the wait (raising on failure), else ``None``."""
    state = job_state(job, rule.state_fields)
    if state in rule.failure:
        raise JobFailedError(job, state)
    return state if state in rule.success else None


def wait_for(
    poll: Callable[[], T],
    rule: WaitRule,
    *,
    timeout: float | None,
    poll_interval: float,
    max_poll_interval: float,
    on_update: Callable[[T], object] | None = None,
) -> T:
    """Call ``poll`` until the job it returns ends; see the module docstring."""
    clock = _Clock(timeout, poll_interval, max_poll_interval)
    while True:
        job = poll()
        if on_update is not None:
            on_update(job)
        if _verdict(job, rule) is not None:
            return job
        delay = clock.next_sleep()
        if delay is None:
            raise WaitTimeoutError(
                job, job_state(job, rule.state_fields), clock.timeout
            )
        time.sleep(delay)


async def async_wait_for(
    poll: Callable[[], Awaitable[T]],
    rule: WaitRule,
    *,
    timeout: float | None,
    poll_interval: float,
    max_poll_interval: float,
    on_update: Callable[[T], Any] | None = None,
) -> T:
    """:func:`wait_for` for coroutines; ``on_update`` may be a plain function or a coroutine function."""
    import asyncio  # here, not at the top: a program that only uses the blocking client never loads asyncio

    clock = _Clock(timeout, poll_interval, max_poll_interval)
    while True:
        job = await poll()
        if on_update is not None:
            result = on_update(job)
            if inspect.isawaitable(result):
                await result
        if _verdict(job, rule) is not None:
            return job
        delay = clock.next_sleep()
        if delay is None:
            raise WaitTimeoutError(
                job, job_state(job, rule.state_fields), clock.timeout
            )
        await asyncio.sleep(delay)
