"""The Python names the generated SDK keeps for itself, in one place.

A class, field, argument, method or client attribute named after the spec may not take them:
:class:`generator.naming.Namespace` gives such a name a ``_`` suffix (``timeout`` -> ``timeout_``),
and the wire name is still what is sent. A name the SDK's own API uses (a per-call keyword, an
attribute of every API class, model or client) is renamed with a ``name-collision`` warning; a
Python builtin or a helper a generated method calls is renamed silently (PEP 8's trailing
underscore, as for keywords). ``tests/generator/test_reserved_names.py`` checks these lists
against the generated runtime, so they cannot drift from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Reserved = Mapping[str, str]
"""name -> what the SDK uses it for (a phrase for the warning; "" renames without one)."""

#: Keywords every operation method takes after the spec's arguments (``resources/tag.py.jinja``).
CALL_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "idempotency_key")
#: Keywords of the methods whose request body may hold files (multipart or raw).
UPLOAD_OPTIONS = ("on_progress",)
#: Keywords of the methods an ``x-waiter`` or a link to one adds (``wait_until_ready``, ``create_and_wait``).
WAITER_OPTIONS = ("timeout", "poll_interval", "max_poll_interval", "on_update")
#: Attributes every API class has besides its operations.
API_CLASS_ATTRIBUTES = ("with_raw_response", "with_streaming_response")
#: Public attributes of every client (``_shared_client.py``, ``_base_client.py``, ``_client.py.jinja``),
#: and the names of its arguments and of the package's subpackages.
CLIENT_ATTRIBUTES = (
    "base_url", "default_base_url", "timeout", "max_retries", "default_headers", "default_query", "hooks", "request", "close", "with_options", "webhooks",
    "api_key", "models", "resources",
)
#: Public attributes of every generated model: pydantic's ``BaseModel`` and the SDK's ``to_dict``/``to_json``.
MODEL_ATTRIBUTES = (
    "construct", "copy", "dict", "from_orm", "json", "parse_file", "parse_obj", "parse_raw", "schema", "schema_json",
    "update_forward_refs", "validate", "to_dict", "to_json", "model_config", "model_fields", "model_computed_fields",
    "model_extra", "model_fields_set", "model_construct", "model_copy", "model_dump", "model_dump_json",
    "model_json_schema", "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
    "model_validate_json", "model_validate_strings",
)
#: Builtins and types annotations use (``date: date`` would make the annotation the field's default).
PYTHON_TYPES = ("str", "int", "float", "bool", "list", "dict", "bytes", "date", "object", "type", "frozenset", "Any")
#: What an API class module imports and its methods call: an argument of that name would hide it.
METHOD_HELPERS = (
    "self", "path_template", "without_none", "multipart", "amultipart", "require_exactly_one", "form_body", "binary_body",
    "abinary_body", "path_param", "query_param", "header_param", "cookie_pairs", "cast", "wait_for", "async_wait_for",
    "iterate_pages", "async_iterate_pages", "iterate_items", "async_iterate_items", "first_page", "async_first_page",
    "cached_property", "to_raw_response", "async_to_raw_response",
    "to_streamed_response", "async_to_streamed_response", "stream_events", "astream_events", "merge_headers",
    "overload", "Literal", "ProgressCallback", "warn_deprecated",
)
#: Names a generated class may not take: the names model modules import.
RESERVED_CLASSES = frozenset({"Any", "BaseModel", "DateTime", "Field", "FileInput", "Literal", "TypeAlias"})


def _reserve(*groups: tuple[Iterable[str], str]) -> Reserved:
    """The names of ``groups`` (names, what the SDK uses them for); a later group's phrase wins."""
    return {name: what for names, what in groups for name in names}


#: Field names a model may not take.
RESERVED_FIELDS = _reserve((PYTHON_TYPES, ""), (MODEL_ATTRIBUTES, "the SDK model's attribute"))
#: Argument names a method may not take.
RESERVED_ARGUMENTS = _reserve(
    (PYTHON_TYPES + METHOD_HELPERS, ""),
    (WAITER_OPTIONS, "the SDK's waiter keyword"),
    (CALL_OPTIONS + UPLOAD_OPTIONS, "the SDK's per-call keyword"),
)
#: Method names an operation may not take.
RESERVED_METHODS = _reserve((API_CLASS_ATTRIBUTES, "the SDK's API-class attribute"))
#: Client attributes a tag may not take.
RESERVED_ATTRIBUTES = _reserve((CLIENT_ATTRIBUTES, "the SDK client's attribute"))
