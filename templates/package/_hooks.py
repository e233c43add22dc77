"""Hooks: your functions, called by the client at each step of every call.

``Client(hooks=Hooks(before_request=..., after_response=..., on_retry=..., on_error=...))``
(or ``client.with_options(hooks=...)``). Each hook is a function, or a list of functions,
given one :class:`HookEvent`: the operationId, the ``httpx.Request`` and the attempt number
(1 for the first), with the response, the error or the wait where they apply.

==================  ==========================================================================
hook                called
==================  ==========================================================================
``before_request``  before each attempt is sent (it may add headers to ``event.request``)
``after_response``  when an attempt gets a response, whatever its status, before retrying
``on_retry``        before the wait that precedes another attempt (``event.delay`` seconds;
                    ``event.response`` or ``event.error`` says why)
``on_error``        when the call is about to raise an :class:`APIError` (``event.error``)
==================  ==========================================================================

On the asyncio client a hook may also be a coroutine function; it is awaited. The blocking
client refuses coroutine functions when it is made. An exception a hook raises ends the
call with that exception.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Union

import httpx

Hook = Callable[["HookEvent"], Any]
"""A hook: a function of one :class:`HookEvent` (its return value is ignored, or awaited on asyncio)."""

HookOrHooks = Union[Hook, Sequence[Hook], None]

NAMES = ("before_request", "after_response", "on_retry", "on_error")


class HookEvent(NamedTuple):
    """What a hook is given.

    Attributes:
        operation_id: The spec's operationId of the operation called.
        request: The request of this attempt.
        attempt: 1 for the first attempt, 2 for the first retry, ...
        response: The response (``after_response``; ``on_retry`` after an error status).
        error: The exception (``on_error``; ``on_retry`` after a connection error).
        delay: Seconds the client waits before the next attempt (``on_retry``).
    """

    operation_id: str
    request: httpx.Request
    attempt: int
    response: httpx.Response | None = None
    error: BaseException | None = None
    delay: float | None = None


def _functions(value: HookOrHooks) -> tuple[Hook, ...]:
    if value is None:
        return ()
    if callable(value):
        return (value,)
    return tuple(value)


class Hooks:
    """The functions a client calls around each request; see the module docstring.

    Args:
        before_request: Called before each attempt is sent.
        after_response: Called when an attempt gets a response.
        on_retry: Called before waiting for another attempt.
        on_error: Called when the call is about to raise.

    Raises:
        TypeError: a hook is not callable.
    """

    def __init__(
        self,
        *,
        before_request: HookOrHooks = None,
        after_response: HookOrHooks = None,
        on_retry: HookOrHooks = None,
        on_error: HookOrHooks = None,
    ) -> None:
        self.before_request = _functions(before_request)
        self.after_response = _functions(after_response)
        self.on_retry = _functions(on_retry)
        self.on_error = _functions(on_error)
        for name in NAMES:
            for function in getattr(self, name):
                if not callable(function):
                    raise TypeError(f"{name} hook {function!r} is not callable")

    def check_blocking(self) -> None:
        """Refuse coroutine functions (for the blocking client, which cannot await them).

        Raises:
            TypeError: a hook is a coroutine function.
        """
        for name in NAMES:
            for function in getattr(self, name):
                if inspect.iscoroutinefunction(function):
                    raise TypeError(
                        f"{name} hook {getattr(function, '__qualname__', function)!r} is a "
                        "coroutine function: use it with the asyncio client"
                    )

    def fire(self, name: str, event: HookEvent) -> None:
        """Call the ``name`` hooks with ``event``, in order."""
        for function in getattr(self, name):
            function(event)

    async def afire(self, name: str, event: HookEvent) -> None:
        """Call the ``name`` hooks with ``event``, in order, awaiting what they return."""
        for function in getattr(self, name):
            result = function(event)
            if inspect.isawaitable(result):
                await result

    def __repr__(self) -> str:
        given = ", ".join(
            f"{name}={len(getattr(self, name))}"
            for name in NAMES
            if getattr(self, name)
        )
        return f"Hooks({given})"
