"""Python names the generated code keeps for itself: a class, field, argument or client attribute
generated from the spec may not take them (a clash gets ``_2``, with a ``name-collision`` warning)."""

from __future__ import annotations

#: Names a generated class may not take: the names model modules import.
RESERVED_CLASSES = frozenset({"Any", "BaseModel", "DateTime", "Field", "FileInput", "Literal", "TypeAlias"})
#: Field names a model may not take: pydantic's own attributes, the SDK model's methods, and
#: the types annotations use (``date: date`` would make the annotation the field's default).
RESERVED_FIELDS = frozenset(
    {
        "construct", "copy", "dict", "from_orm", "json", "parse_file", "parse_obj", "parse_raw", "schema", "schema_json",
        "update_forward_refs", "validate", "to_dict", "to_json", "model_config", "model_fields", "model_computed_fields",
        "model_extra", "model_fields_set", "model_construct", "model_copy", "model_dump", "model_dump_json",
        "model_json_schema", "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
        "model_validate_json", "model_validate_strings", "str", "int", "float", "bool", "list", "dict", "bytes", "date",
        "object", "type",
    }
)
#: Argument names a method may not take: ``self``, the helpers its body calls, the builtins it uses.
RESERVED_ARGUMENTS = frozenset(
    {"self", "path_template", "without_none", "multipart", "require_exactly_one", "form_body", "binary_body", "abinary_body", "on_progress", "ProgressCallback", "stream_events", "astream_events", "merge_headers", "overload", "Literal", "_send", "path_param", "query_param", "header_param", "cookie_pairs", "str", "int", "float", "bool", "list", "dict", "bytes", "date", "object", "type", "Any"}
)
#: Client attributes a tag may not take.
RESERVED_ATTRIBUTES = frozenset({"base_url", "timeout", "request", "close", "with_options", "api_key", "models", "resources"})
