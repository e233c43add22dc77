"""Python annotations of IR types, as generated code writes them and as docs show them.

Registered as Jinja filters (:data:`FILTERS`): ``{{ type | annotation }}``, ``{{ arg | signature_type }}``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.ir import Field, Operation, PyType
from generator.literals import string_literal

FILTERS = ("annotation", "doc_type", "signature_type", "signature_default", "model_annotation", "return_annotation", "cast_to", "stream_annotation", "event_cast")

#: How docs show the runtime types of generated code.
DOC_NAMES = {"DateTime": "datetime", "FileInput": "file", "UploadContent": "bytes | str | Path | file"}

#: Uploads are ``bytes`` in a model (the wire shape).
_MODEL_NAMES = {"FileInput": "bytes"}


def annotation(type_: PyType) -> str:
    """The annotation as written in generated code, e.g. ``list[InferenceEntity] | None``."""
    return _render(type_, {}, docs=False)


def doc_type(type_: PyType) -> str:
    """The type as shown in docs (runtime names replaced by what users know: ``datetime``, ``file``)."""
    return _render(type_, DOC_NAMES, docs=True)


def _render(type_: PyType, names: Mapping[str, str], docs: bool) -> str:
    """The annotation of ``type_``, runtime names replaced as ``names`` says; ``docs``: an open union without its ``Annotated`` marker."""
    if type_.kind == "any":
        return "Any"
    text = _KINDS.get(type_.kind, _named)(type_, names, docs)
    return text + " | None" if type_.nullable else text


def _named(type_: PyType, names: Mapping[str, str], docs: bool) -> str:
    return names.get(type_.name, type_.name) if type_.kind == "primitive" else type_.name


def _union(type_: PyType, names: Mapping[str, str], docs: bool) -> str:
    text = " | ".join(_render(a, names, docs) for a in type_.args)
    if not type_.discriminator:
        return text
    if docs:
        return text + " | UnknownVariant"
    # Open to branches the SDK does not know.
    return f"Annotated[{text} | UnknownVariant, OpenUnion({string_literal(type_.discriminator)})]"


_KINDS: dict[str, Callable[[PyType, Mapping[str, str], bool], str]] = {
    "list": lambda t, names, docs: f"list[{_render(t.args[0], names, docs)}]",
    "tuple": lambda t, names, docs: f"tuple[{', '.join(_render(a, names, docs) for a in t.args)}]",
    "dict": lambda t, names, docs: f"dict[str, {_render(t.args[0], names, docs)}]",
    "union": _union,
    "file": lambda t, names, docs: names.get("FileInput", "FileInput"),
}


def _field_type(field: Field) -> PyType:
    """The field's type, made optional when the field may be left out and has no default."""
    if field.required or field.default is not None or field.type.nullable:
        return field.type
    return field.type.with_nullable()


def signature_type(field: Field) -> str:
    """Annotation of the keyword argument: optional arguments without a default (or with a list or dict one) accept ``None``."""
    return annotation(field.type.with_nullable() if field.mutable_default else _field_type(field))


def signature_default(field: Field) -> str | None:
    """Python source of the argument's default, or ``None`` for a required argument."""
    if field.required:
        return None
    return field.default.python if field.default is not None and not field.mutable_default else "None"


def model_annotation(field: Field) -> str:
    """The annotation of a model field: uploads are ``bytes`` in a model (the wire shape)."""
    return _render(_field_type(field), _MODEL_NAMES, docs=False)


def return_annotation(op: Operation) -> str:
    """The return annotation of an operation's method (``None`` without a response body)."""
    return annotation(op.return_type) if op.return_type else "None"


def stream_annotation(op: Operation, prefix: str = "") -> str:
    """``Stream[Event]`` (``AsyncStream[...]`` with ``prefix`` ``Async``): what a method returns for an event stream."""
    events = op.events
    assert events is not None
    return f"{prefix}Stream[{annotation(events.type) if events.type is not None else 'ServerSentEvent'}]"


def event_cast(op: Operation) -> str:
    """The type each event of an operation's stream is parsed into, as the expression passed to ``stream_events``."""
    events = op.events
    assert events is not None
    return _parse_target(events.type, events.needs_cast, "ServerSentEvent")


def cast_to(op: Operation) -> str:
    """The ``cast_to`` expression of an operation's request call."""
    return _parse_target(op.return_type, op.return_needs_cast, "type(None)")


def _parse_target(type_: PyType | None, needs_cast: bool, when_none: str) -> str:
    """The type expression a body is parsed into: ``when_none`` without a type, ``object`` for
    ``Any``, else the annotation (cast, when it is a union: not a ``type[T]`` to mypy)."""
    if type_ is None:
        return when_none
    if type_.kind == "any":
        return "object"
    text = annotation(type_)
    return f"cast({string_literal('type[' + text + ']')}, {text})" if needs_cast else text
