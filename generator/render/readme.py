"""The example calls of the README: which operation each shows, and the Python text of the call.

Registered as the Jinja filter ``readme_examples`` (``{% set examples = api | readme_examples %}``):
the template prints the calls, it does not build them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Api, Operation

FILTERS = ("readme_examples", "readme_call", "upload_call")

#: What an example call passes for a required argument without an example.
_PLACEHOLDER = '"..."'

#: The per-call options the README's example adds to a call.
PER_CALL_OPTIONS = ('extra_headers={"X-Request-Id": "demo-1"}', "timeout=5.0", "max_retries=5")


@dataclass(frozen=True)
class ReadmeExamples:
    """The calls the README shows, as Python source (one line each; the format stage lays them out)."""

    operation: Operation  # the operation of the quickstart: the first of the first tag
    call: str  # ``client.<attribute>.<method>(...)`` with its required arguments
    with_options: str  # the same call on ``patient``, a copy of the client with other options
    per_call: str  # the same call with per-call options (extra headers, a timeout)
    raw_operation: Operation  # the operation of the raw-response example: a polled one, else a GET, else the first
    raw_call: str  # its call through ``client.<attribute>.with_raw_response``


def example_call(op: Operation, api: Api, receiver: str = "client", via: str = "", extra: tuple[str, ...] = ()) -> str:
    """``<receiver>.<attribute>.<via><method>(...)``: ``op``'s required arguments (their examples, else ``"..."``), then ``extra``."""
    arguments = "".join(f"{f.name}={f.example.python if f.example else _PLACEHOLDER}, " for f in op.arguments if f.required)
    return f"{receiver}.{api.tag_of(op).attribute}.{via}{op.name}({arguments}{', '.join(extra)})"


def readme_call(api: Api, op: Operation, extra: tuple[str, ...] = ()) -> str:
    """``client.<attribute>.<method>(...)``: ``op`` with its required arguments, then ``extra``."""
    return example_call(op, api, extra=extra)


def upload_call(op: Operation, api: Api) -> str:
    """``op``'s call sending the file ``upload`` (its first file argument, or its raw body) with ``on_progress=show``."""
    body = op.body
    assert body is not None
    sent = body.file_fields[0] if body.file_fields else body.fields[0]
    value = "[upload]" if sent.type.kind == "list" else "upload"
    arguments = [f"{f.name}={f.example.python if f.example else _PLACEHOLDER}" for f in op.arguments if f.required and f is not sent]
    return f"client.{api.tag_of(op).attribute}.{op.name}({', '.join([*arguments, f'{sent.name}={value}', 'on_progress=show'])})"


def _raw_operation(api: Api) -> Operation:
    """An operation that reads: one polled by a waiter, else a GET, else the first."""
    ops = api.operations
    return next((op for op in ops if op.waiter), None) or next((op for op in ops if op.method == "GET"), ops[0])


def readme_examples(api: Api) -> ReadmeExamples | None:
    """The README's example calls; ``None`` when the spec declares no operation."""
    if not api.operations:
        return None
    op = api.tags[0].operations[0]
    raw = _raw_operation(api)
    return ReadmeExamples(
        operation=op,
        call=example_call(op, api),
        with_options=example_call(op, api, receiver="patient"),
        per_call=example_call(op, api, extra=PER_CALL_OPTIONS),
        raw_operation=raw,
        raw_call=example_call(raw, api, via="with_raw_response."),
    )
