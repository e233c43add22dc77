"""The docstrings of generated members: each operation's method, its waiter, ``_and_wait`` and list
iterator, each schema's class and field. Each gives shapes, units, defaults, the errors raised
and the spec location it comes from."""

from __future__ import annotations

from typing import Any

from generator.ir import BodyFormat, Field, Operation, PyType, Waiter
from generator.render.type_annotations import doc_type
from generator.render.docstring_text import WIDTH, docline, docstring, escape, fill, item, wrap
from generator.render.wire import security_sentence, serialization

FILTERS = ("operation_docstring", "waiter_docstring", "and_wait_docstring", "schema_docstring", "field_docstring")


def field_notes(field: Field) -> str:
    """Unit, limits, default and example of a field, as one sentence each."""
    notes = ["Deprecated: the spec marks it so; giving it warns."] if field.deprecated else []
    if field.unit:
        notes.append(f"In {field.unit}.")
    if field.constraints:
        notes.append(field.constraints[0][:1].upper() + "; ".join(field.constraints)[1:] + ".")
    if field.default is not None:
        notes.append(f"Default: ``{field.default.python}``.")
    elif not field.required:
        notes.append("Optional.")
    return " ".join(notes)


def _arg_lines(field: Field, op: Operation) -> list[str]:
    if field.location == "content":
        return item(f"{field.name}: {content_argument(op)} {field_notes(field)}".rstrip())
    where = {"path": "Path parameter", "query": "Query parameter", "header": "Header", "cookie": "Cookie", "body": "Body field", "form": "Form field"}[field.location]
    sent = f"{where} ``{field.wire_name}``"
    if field.style and (field.serialized or field.type.kind == "list"):
        sent += ", " + serialization(field).replace("`", "``")
    if op.body is not None and op.body.sends_null and field is op.body.fields[0]:
        sent = "The request body; ``None`` sends the JSON ``null``"
    notes = field_notes(field) + (" ``None`` sends it too (a new copy each call)." if field.mutable_default else "")
    text = " ".join(part for part in (field.description, notes, sent + ".") if part)
    return item(f"{field.name}: {text}")


def content_argument(op: Operation) -> str:
    """What the argument of a raw request body takes, and the media type it is sent as."""
    body = op.body
    assert body is not None
    types = " or ".join(body.content_types)
    description = f"{body.description.rstrip('.')}. " if body.description else ""
    return (
        f"{description}The whole request body, sent as {types}: bytes, a str (sent as UTF-8 text), "
        "a path (``pathlib.Path``: the file's bytes) or a file opened in binary mode (read to its end)."
    )


def _security_lines(op: Operation, api: Any) -> list[str]:
    """The ``Security:`` section of an operation's docstring."""
    return ["", "Security:", *fill(security_sentence(op, api.security, "``", escape), WIDTH - 8, "    ", "    ")]


#: The docstring entries of the per-call options every operation method takes after the spec's arguments.
CALL_OPTIONS = {
    "extra_headers": "extra_headers: Headers to send with this request, added to (or replacing) the SDK's. Optional.",
    "extra_query": "extra_query: Query parameters to send with this request, added to (or replacing) the SDK's. Optional.",
    "timeout": "timeout: Seconds (or an httpx.Timeout) to wait for this request, each attempt; ``None`` waits forever. Default: the client's.",
    "max_retries": "max_retries: How many times this request may be sent again. Default: the client's.",
}

#: The per-call option of an operation that takes ``extra_body=``, by the format of its body.
EXTRA_BODY = {
    BodyFormat.FORM: "extra_body: Fields to add to the form-encoded request body (replacing those of the same name). Optional.",
    BodyFormat.MULTIPART: "extra_body: Fields to add to the multipart request body (replacing those of the same name). Optional.",
}
EXTRA_JSON_BODY = "extra_body: Properties to add to the JSON request body (replacing those of the same name). Optional."


#: The per-call option of methods whose body may hold files.
PROGRESS_OPTION = (
    "on_progress: Called as ``on_progress(sent, total)`` while the body is sent: bytes sent so far in this attempt, "
    "and the body's size (``None`` when unknown). Paths and files are sent in chunks, never read whole. Optional."
)


def idempotency_key_option(op: Operation) -> str:
    """The docstring entry of ``idempotency_key=`` of an operation with an idempotency header."""
    return (
        f"idempotency_key: Sent as the ``{escape(op.idempotency_header)}`` header, the same on every retry, "
        "so the API runs the request once. Default: a new random UUID per call."
    )


def call_option_entry(op: Operation, name: str) -> str:
    """The docstring entry of ``op``'s per-call option ``name`` (one of :attr:`Operation.call_options`)."""
    if name == "idempotency_key":
        return idempotency_key_option(op)
    if name == "extra_body":
        return EXTRA_BODY.get(op.body_format, EXTRA_JSON_BODY)
    if name == "on_progress":
        return PROGRESS_OPTION
    return CALL_OPTIONS[name]


def _call_option_lines(op: Operation) -> list[str]:
    return [line for name in op.call_options for line in item(call_option_entry(op, name))]


def _error_lines(op: Operation) -> list[str]:
    """The ``Raises:`` entries of a call of ``op`` (without the heading)."""
    lines = []
    if op.body and op.body.exactly_one_of:
        for group in op.body.exactly_one_of:
            lines.append(f"    ValueError: Not exactly one of {', '.join(group)} was given.")
    for response in op.errors:
        text = f"{response.error_class}: {response.description or 'An error response.'} (HTTP {response.status})"
        if response.status.endswith("XX"):
            text += " Raised as the subclass for the status where there is one (for example NotFoundError for 404)."
        lines += item(text)
    if not any(r.status in ("4XX", "5XX", "DEFAULT") for r in op.errors):
        lines.append("    APIStatusError: Any other 4xx or 5xx status.")
    return lines + [
        "    APIResponseValidationError: The success response does not match the spec.",
        "    APITimeoutError: No answer within the timeout.",
        "    APIConnectionError: The API could not be reached.",
    ]


FORM_NOTE = (
    "The body fields are sent form-encoded (application/x-www-form-urlencoded): ``True``/``False`` as "
    "``true``/``false``, left-out arguments not at all; objects and arrays as the spec's ``encoding`` says "
    "(``deepObject``: ``name[key]=value``, ``name[0]=value``; see ``_bodies.form_body``)."
)


def _summary(op: Operation) -> str:
    return docline(op.summary or op.name.replace("_", " ").capitalize()).rstrip(".")


def _source(what: str, pointer: str) -> list[str]:
    return ["", "Source:", f"    {what}", f"    (spec ``#{escape(pointer)}``)."]


def _stream_return(op: Operation, returned: str, what: str) -> tuple[str, str]:
    """The type and text of ``Returns:`` for a method that returns an event stream (always, or on its flag)."""
    events = op.events
    assert events is not None
    event = doc_type(events.type) if events.type is not None else "ServerSentEvent"
    kind = f"Stream[{event}]"
    text = (
        "The ``text/event-stream`` answer, read as it comes: iterate it (``for event in stream:``; "
        f"``async for`` on the async client), each event's data as {event}; ``data: [DONE]`` ends it. "
        "Use it in a ``with`` block to close the connection; ``stream.reconnect()`` resumes with ``Last-Event-ID``."
    )
    if not events.flag:
        return kind, text
    return f"{returned} | {kind}", f"{what} With ``{events.flag}=True``: a {kind}. {text}"


def operation_docstring(op: Operation, api: Any = None) -> str:
    """Summary, description, each argument, the return value, the errors and the source."""
    lines = [_summary(op) + ".", ""]
    if op.description:
        lines += wrap(escape(op.description), "        ") + [""]
    if op.deprecated:
        lines += ["Deprecated: the spec marks this operation as deprecated; calling it warns (``DeprecationWarning``).", ""]
    if op.body_format is BodyFormat.FORM and op.body.fields:  # type: ignore[union-attr]
        lines += wrap(FORM_NOTE, "        ") + [""]
    lines.append("Args:")
    for field in op.arguments:
        lines += _arg_lines(field, op)
    lines += _call_option_lines(op)
    lines += ["", "Returns:"]
    success = op.success
    returned = doc_type(op.return_type) if op.return_type else "None"
    what = success.description or "The response body."
    if op.accepts_empty_body:
        what += " The decoded JSON body, or None when the body is empty."
    if success.is_download:
        what += f" The body as it came ({success.content_type}), as bytes; ``with_streaming_response`` reads it in chunks instead (``write_to_file(path)`` saves it without holding it in memory)."
    if op.events is not None:
        returned, what = _stream_return(op, returned, what)
    lines += item(f"{returned}: {what} (HTTP {success.status})")
    lines += ["", "Raises:"] + _error_lines(op)
    if not op.security_is_default and op.security and () not in op.security:
        lines.append("    MissingAPIKeyError: The client was given none of the credentials this operation needs.")
    if api is not None and (op.security != ((),) or op.security_unapplied):
        lines += _security_lines(op, api)
    lines += _source(f"``{op.method} {escape(op.path)}``, operationId ``{escape(op.operation_id)}``", op.pointer)
    return docstring(lines, "        ")


def _wait_option_lines(waiter: Waiter, result: str) -> list[str]:
    options = (
        f"timeout: Seconds to wait in all; ``None`` waits forever. Default: ``{waiter.timeout!r}``.",
        f"poll_interval: Seconds between the first polls; each pause is half again as long as the one before. Default: ``{waiter.delay!r}``.",
        f"max_poll_interval: The longest pause between polls, in seconds. Default: ``{waiter.max_delay!r}``.",
        f"on_update: Called with the {result} after every poll, to show progress (a coroutine function is awaited on the async client). Optional.",
    )
    return [line for option in options for line in item(option)]


def _wait_raises(waiter: Waiter, result: str) -> list[str]:
    lines = []
    if waiter.failure:
        lines += item(f"JobFailedError: The {result} ended in state {' or '.join(f'``{escape(v)}``' for v in waiter.failure)} (``.entity`` is the {result}).")
    lines += item(f"WaitTimeoutError: ``timeout`` passed first (``.last`` is the {result} as last read, ``.state`` its state).")
    return lines


def _states(waiter: Waiter) -> str:
    return " or ".join(f"``{escape(v)}``" for v in waiter.success)


def _wait_docstring(op: Operation, waiter: Waiter, result: PyType | None, head: str, about: str, source: list[str]) -> str:
    """A waiting method's docstring: ``op``'s arguments, the wait options, the job, the errors."""
    lines = [head, "", *wrap(about, "        "), "", "Args:"]
    for field in op.arguments:
        lines += _arg_lines(field, op)
    if op.idempotency_header and op.and_wait is not None and op.and_wait.target.waiter is waiter:
        lines += item(idempotency_key_option(op))
    lines += _wait_option_lines(waiter, "job")
    returned = doc_type(result) if result else "None"
    lines += ["", "Returns:", *item(f"{returned}: The job, in state {_states(waiter)}."), "", "Raises:", *_wait_raises(waiter, "job"), *_error_lines(op)]
    return docstring(lines + source, "        ")


def waiter_docstring(op: Operation) -> str:
    """The docstring of the ``wait`` method generated from ``op``'s ``x-waiter``."""
    waiter = op.waiter
    assert waiter is not None
    fields = " or ".join(f"``{f}``" for f in waiter.state_fields)
    return _wait_docstring(
        op,
        waiter,
        op.return_type,
        f"Wait until it has ended: call ``{op.name}`` until its state is {_states(waiter)}.",
        f"The state is read from {fields}, the first one set. Every poll is an ordinary {op.name} request, retried as usual.",
        _source(f"``x-waiter`` of operationId ``{escape(op.operation_id)}``", waiter.pointer),
    )


def and_wait_docstring(op: Operation) -> str:
    """The docstring of ``<operation>_and_wait``: the operation, then the target's ``wait``."""
    and_wait = op.and_wait
    assert and_wait is not None and and_wait.target.waiter is not None
    target, waiter = and_wait.target, and_wait.target.waiter
    return _wait_docstring(
        op,
        waiter,
        target.return_type,
        f"{_summary(op)}, then wait until it has ended (``{waiter.name}``).",
        f"Calls ``{op.name}``, then ``{target.name}`` until the state is {_states(waiter)}. The job goes on on the server if the wait ends early.",
        _source(f"the ``links`` entry from operationId ``{escape(op.operation_id)}`` to ``{escape(target.operation_id)}``", and_wait.pointer),
    )


def schema_docstring(description: str, pointer: str, name: str, indent: str = "    ", view_of: str = "") -> str:
    """The docstring of a schema's class or alias; ``view_of``: the model (or alias) this one is the request view of."""
    lines = wrap(f"The request view of ``{view_of}``: what requests send. {REQUEST_VIEW}", indent) if view_of else []
    if description or not view_of:
        lines += [""] if lines else []
        lines += wrap(escape(description), indent) if description else [f"The ``{name}`` schema."]
    lines += ["", f"Source: spec ``#{escape(pointer)}``."]
    return docstring(lines, indent)


#: What a request view (``UserInput`` of ``User``) changes, for docstrings and docs.
REQUEST_VIEW = "Read-only properties are left out; write-only ones are required when the spec says so (responses leave them out)."


def field_docstring(field: Field) -> str:
    """The attribute docstring of a model field: description, notes and wire name."""
    parts = [field.description, field_notes(field)]
    if field.has_alias:
        parts.append(f"Wire name ``{field.wire_name}``.")
    text = " ".join(p for p in parts if p) or f"The ``{field.wire_name}`` property."
    return docstring(wrap(escape(text), "    "), "    ")
