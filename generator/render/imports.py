"""The import lines of generated modules: API class modules, model modules, and the imports a method runs first.

Each thing a module uses (a parameter, a body format, an ``x-`` extension, a type) names what it
needs as ``(module, name)`` pairs; :class:`_Imports` collects them and writes the lines in
isort's order. Registered as Jinja filters (:data:`FILTERS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from generator.ir import Body, BodyFormat, Field, Model, Operation, PyType, Tag
from generator.render.pagination import PAGE_RULES

FILTERS = ("tag_imports", "runtime_imports", "model_imports")

Name = tuple[str, str]  # (module, name): ("typing", "Any"), ("_utils", "without_none")

#: Pseudo-module of the names ``_models`` gives type annotations (``DateTime``, the open-union
#: markers): an API class module imports them for type checkers only, a model module at run time.
MODELS = "_models"

#: What every API class module imports from the SDK's runtime.
_TAG_ALWAYS: tuple[Name, ...] = (
    *(("_types", name) for name in ("NOT_GIVEN", "Headers", "NotGiven", "Query", "Timeout")),
    *(("_response", name) for name in ("async_to_raw_response", "async_to_streamed_response", "to_raw_response", "to_streamed_response")),
)

#: What a per-call option's annotation needs beyond :data:`_TAG_ALWAYS` (see ``CALL_OPTION_PARAMETERS``).
OPTION_IMPORTS: dict[str, Name] = {"extra_body": ("_types", "ExtraBody"), "on_progress": ("_types", "ProgressCallback")}

#: The ``_params`` function each location's serialised parameters use.
_SERIALIZERS = {"path": "path_param", "query": "query_param", "header": "header_param", "cookie": "cookie_pairs"}


def _json_body(body: Body) -> Iterator[Name]:
    if body.flattened:
        yield ("_utils", "without_none")
    if body.sends_null:
        yield ("_types", "JSON_NULL")


def _form_body(body: Body) -> Iterator[Name]:
    if body.fields:
        yield ("_bodies", "form_body")


#: What the call of each body format needs (the method template's branches, one each).
_BODY_NAMES = {
    BodyFormat.JSON: _json_body,
    BodyFormat.MULTIPART: lambda body: iter((("_utils", "amultipart"), ("_utils", "multipart"))),
    BodyFormat.FORM: _form_body,
    BodyFormat.RAW: lambda body: iter((("_bodies", "abinary_body"), ("_bodies", "binary_body"))),
}


def _body_names(op: Operation) -> Iterator[Name]:
    if op.body is None:
        return
    yield from _BODY_NAMES[op.body.format](op.body)
    if op.body.exactly_one_of:
        yield ("_utils", "require_exactly_one")


def _parameter_names(op: Operation) -> Iterator[Name]:
    if op.path_params:
        yield ("_utils", "path_template")
    if op.query_params or op.header_params:
        yield ("_utils", "without_none")
    for param in op.parameters:
        if param.serialized:
            yield ("_params", _SERIALIZERS[param.location])


def _extension_names(op: Operation) -> Iterator[Name]:
    """What the ``wait``, ``_and_wait`` and ``_iter`` methods of ``x-waiter``, links and ``x-pagination`` use."""
    if op.waiter:
        yield ("collections.abc", "Callable")
        yield from (("_waiters", name) for name in ("WaitRule", "async_wait_for", "wait_for"))
    if op.and_wait:
        yield ("collections.abc", "Callable")
    if op.pagination:
        yield from (("collections.abc", "AsyncIterator"), ("collections.abc", "Iterator"))
        yield from (("_pages", name) for name in ("AsyncPage", "SyncPage", "async_first_page", "first_page"))
        yield ("_page_rules", PAGE_RULES[op.pagination.style])
        if op.pagination.style == "page":
            yield from (("_pagination", "async_iterate_pages"), ("_pagination", "iterate_pages"))
        else:
            yield from (("_pages", "async_iterate_items"), ("_pages", "iterate_items"))


def type_names(type_: PyType) -> Iterator[Name]:
    """What an annotation of ``type_`` needs: ``typing`` names, ``date``, the runtime's types."""
    yield from (("_types", name) for name in type_.runtime_names - {"DateTime"})
    if "DateTime" in type_.runtime_names:
        yield (MODELS, "DateTime")
    for used, name in ((type_.uses_any, "Any"), (type_.uses_literal, "Literal"), (type_.uses_discriminator, "Annotated")):
        if used:
            yield ("typing", name)
    if type_.uses_discriminator:
        yield from ((MODELS, "OpenUnion"), (MODELS, "UnknownVariant"))
    if type_.uses_date:
        yield ("datetime", "date")


def _stream_names(op: Operation) -> Iterator[Name]:
    """What a method returning an event stream uses: the streams, and ``overload`` where a flag chooses it."""
    events = op.events
    if events is None:
        return
    yield from (("_streaming", name) for name in ("AsyncStream", "Stream", "astream_events", "merge_headers", "stream_events"))
    if events.type is None:
        yield ("_streaming", "ServerSentEvent")
    elif events.needs_cast:
        yield ("typing", "cast")
    if events.flag:  # the overloads of the method and of its raw and streaming wrappers
        yield from (("typing", "Any"), ("typing", "Literal"), ("typing", "overload"), ("_response_objects", "APIResponse"))
        yield from (("_response", "AsyncStreamedResponseContext"), ("_response", "StreamedResponseContext"))


def _types_used(op: Operation) -> list[PyType]:
    used = [field.type for field in op.arguments]
    used += [op.return_type] if op.return_type is not None else []
    used += [op.events.type] if op.events is not None and op.events.type is not None else []
    return used + ([op.pagination.item_type] if op.pagination else [])


def _operation_names(op: Operation) -> Iterator[Name]:
    yield from _parameter_names(op)
    yield from _body_names(op)
    yield from _extension_names(op)
    yield from (OPTION_IMPORTS[option] for option in op.call_options if option in OPTION_IMPORTS)
    if op.warns:
        yield ("_deprecation", "warn_deprecated")
    yield from _stream_names(op)
    if op.return_type is not None and op.return_type.kind != "any" and op.return_needs_cast:
        yield ("typing", "cast")
    for type_ in _types_used(op):
        yield from type_names(type_)


class _Imports:
    """Names by module, each once."""

    def __init__(self, names: Iterable[Name] = ()) -> None:
        self.modules: dict[str, set[str]] = {}
        for module, name in names:
            self.modules.setdefault(module, set()).add(name)

    def names(self, module: str) -> list[str]:
        """The names of ``module``, in isort's order."""
        return sorted(self.modules.get(module, ()), key=_import_order)

    def line(self, module: str, prefix: str = "") -> list[str]:
        """``from <prefix><module> import ...`` when something is imported from ``module``, else nothing."""
        names = self.names(module)
        return [f"from {prefix}{module} import {', '.join(names)}"] if names else []

    def runtime(self, before: bool) -> list[str]:
        """The lines of the runtime modules sorting before ``_types`` (``before``) or after ``_utils``."""
        modules = sorted(m for m in self.modules if m.startswith("_") and m != MODELS and (m < "_types" if before else m > "_utils"))
        return [line for module in modules for line in self.line(module, "..")]


def tag_imports(tag: Tag) -> list[str]:
    """Import lines of an API class module, each name once, sorted."""
    imports = _Imports([*_TAG_ALWAYS, *(name for op in tag.operations for name in _operation_names(op))])
    checking = bool(tag.schema_refs) or MODELS in imports.modules
    if checking:
        imports.modules.setdefault("typing", set()).add("TYPE_CHECKING")
    lines = [*imports.line("collections.abc"), *imports.line("datetime"), "from functools import cached_property", *imports.line("typing"), ""]
    lines += ["from .._base_client import AsyncAPIClient, SyncAPIClient", *imports.runtime(before=True)]
    lines += [*imports.line("_types", ".."), *imports.line("_uploads", ".."), *imports.line("_utils", ".."), *imports.runtime(before=False)]
    if checking:
        # Models are imported by the methods that need them at run time (see runtime_imports):
        # loading an API class loads none, a call only those its request and responses use.
        lines += ["", "if TYPE_CHECKING:", *("    " + line for line in imports.line(MODELS, ".."))]
        lines += [f"    from ..models import {', '.join(tag.schema_refs)}"] if tag.schema_refs else []
    return lines


def runtime_imports(op: Operation, api: Any) -> list[str]:
    """Import lines an operation method runs first: the names its ``cast_to`` evaluates.

    Each model comes from its own module, so a call loads the models it parses (and those
    they refer to), never the whole ``models`` package.
    """
    parsed = [t for t in (op.return_type, op.events.type if op.events else None) if t is not None and t.kind != "any"]
    if not parsed:
        return []
    imports = _Imports(name for t in parsed for name in type_names(t) if name[0] == MODELS)
    lines = imports.line(MODELS, "..")
    schema_names = frozenset().union(*(t.schema_names for t in parsed))
    for name in sorted(schema_names, key=lambda n: (api.schema(n).module, n)):
        lines.append(f"from ..models.{api.schema(name).module} import {name}")
    return lines


def _import_order(name: str) -> tuple[int, str]:
    """isort's order within one import: CONSTANTS, then Classes, then functions."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def _schema_names(schema: Any) -> Iterator[Name]:
    """What a model, enum or alias module needs besides its types: ``Literal``, ``TypeAlias``, ``BaseModel``, pydantic's ``Field``."""
    if schema.kind == "model":
        yield (MODELS, "BaseModel")
        if any(f.has_alias or f.deprecated for f in schema.fields):
            yield ("pydantic", "Field")
    else:
        yield ("typing", "TypeAlias")
    if schema.kind == "enum":
        yield ("typing", "Literal")


def model_imports(schema: Any, api: Any) -> list[str]:
    """Import lines of a model, enum or alias module (an upload is ``bytes`` in a model: no runtime ``_types``)."""
    fields: tuple[Field, ...] = schema.fields if isinstance(schema, Model) else ()
    types = [f.type for f in fields] + ([schema.type] if hasattr(schema, "type") else [])
    found = [name for type_ in types for name in type_names(type_) if name[0] != "_types"]
    imports = _Imports([*found, *_schema_names(schema)])
    groups = [
        [*imports.line("datetime"), *imports.line("typing")],
        imports.line("pydantic"),
        [*imports.line(MODELS, ".."), *(f"from .{api.schema(name).module} import {name}" for name in schema.schema_refs)],
    ]
    return [line for group in groups if group for line in (*group, "")][:-1]
