"""Properties and parameter schemas as :class:`~generator.ir.Field`: an object schema's properties
(``allOf`` merged), each property's type, description, default, example, limits and access
(``readOnly``/``writeOnly``), and the changes later steps make to the fields of an operation."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from generator.build.conditional_fields import Properties, conditional_branches, conditional_properties
from generator.build.context import BuildContext
from generator.build.defaults import accepts, fits
from generator.reserved_names import RESERVED_FIELDS
from generator.build.schema_shapes import all_of_branches, extends_ref, examples_of, properties_of, required_of, schema_object
from generator.build.spec_values import text, value
from generator.diagnostics import pointer_join
from generator.ir import Field, Operation, PyType
from generator.naming import Namespace, snake_case

"""wire name -> (pointer, raw property schema)."""

#: Limits a schema may state, in the order docs list them, with how each reads.
LIMITS = (
    ("minimum", "minimum {}"),
    ("exclusiveMinimum", "greater than {}"),
    ("maximum", "maximum {}"),
    ("exclusiveMaximum", "less than {}"),
    ("multipleOf", "multiple of {}"),
    ("minLength", "at least {} characters"),
    ("maxLength", "at most {} characters"),
    ("pattern", "matches `{}`"),
    ("minItems", "at least {} items"),
    ("maxItems", "at most {} items"),
)


def constraints(schema: Any) -> tuple[str, ...]:
    """Human-readable limits of a schema, in a fixed order (a 3.0 boolean ``exclusiveMinimum`` states none)."""
    if not isinstance(schema, dict):
        return ()
    out = [template.format(schema[key]) for key, template in LIMITS if key in schema and not (key.startswith("exclusive") and isinstance(schema[key], bool))]
    if schema.get("format") in ("uri", "url"):
        out.append("a URL")
    return tuple(out)


def object_shape(ctx: BuildContext, pointer: str, schema: dict[str, Any]) -> tuple[Properties, set[str]]:
    """``(properties, required)`` of an object schema, with the branches of its ``allOf`` merged in.

    Branches merge in order (a 3.1 ``$ref`` beside ``properties`` first), the schema's own
    ``properties`` last: a property declared again replaces the earlier declaration;
    ``required`` is the union of all. Then, optional, the properties only the ``then``, ``else``
    or ``dependentSchemas`` of the schema or of a branch declare (:mod:`generator.build.conditional_fields`).
    """
    properties, required, conditionals = _merged_shape(ctx, pointer, schema, frozenset())
    properties.update(conditional_properties(ctx, pointer, conditionals, properties, required))
    return properties, required


def _merged_shape(ctx: BuildContext, pointer: str, schema: dict[str, Any], seen: frozenset[str]) -> tuple[Properties, set[str], list[tuple[str, dict[str, Any]]]]:
    """:func:`object_shape` without the conditional properties: those, the branches that declare them."""
    properties: Properties = {}
    required: set[str] = set()
    conditionals: list[tuple[str, dict[str, Any]]] = []
    branches = [(pointer_join(pointer, "allOf", index), branch) for index, branch in enumerate(all_of_branches(schema))]
    if extends_ref(schema):  # 3.1: the target's properties, then these
        branches.insert(0, (pointer, {"$ref": schema["$ref"]}))
    for branch_pointer, branch in branches:
        at, target = ctx.target(branch, branch_pointer)
        if at in seen:
            continue
        more, needed, sometimes = _merged_shape(ctx, at, target, seen | {pointer})
        properties.update(more)
        required |= needed
        conditionals += sometimes
    for wire_name, prop in properties_of(schema).items():
        properties[str(wire_name)] = (pointer_join(pointer, "properties", wire_name), prop)
    return properties, required | required_of(schema), conditionals + conditional_branches(ctx, pointer, schema)


def fields(ctx: BuildContext, properties: Properties, required: set[str], *, location: str, namespace: Namespace | None = None, request: bool | None = None) -> tuple[Field, ...]:
    """Fields of ``properties``: a model's (``namespace`` not given) or a request's arguments.

    The response view (a model's, unless ``request``) makes ``writeOnly`` properties
    optional, since responses leave them out; the request view (arguments, and a model's
    with ``request``) leaves ``readOnly`` ones out. A model's request view names its fields
    as its response view does (read-only properties still take their names).
    """
    is_model = namespace is None
    request = not is_model if request is None else request
    namespace = namespace or Namespace(RESERVED_FIELDS)
    what, source = ("field", "property") if is_model else ("argument", f"{location} field")
    out = []
    for wire_name, (prop_pointer, prop) in properties.items():
        flags = access(ctx, prop)
        if not is_model and "readOnly" in flags:
            continue
        name = ctx.python_name(namespace, wire_name, prop_pointer, what, source)
        if request and "readOnly" in flags:
            continue
        needed = wire_name in required and not (not request and "writeOnly" in flags)
        out.append(field(ctx, prop_pointer, wire_name, prop, needed, location, name))
    return tuple(out)


def access(ctx: BuildContext, prop: Any) -> set[str]:
    """``readOnly`` and ``writeOnly`` of a property, beside a ``$ref`` or on its target."""
    own = schema_object(prop)
    _, target = ctx.target(own)
    return {flag for flag in ("readOnly", "writeOnly") if own.get(flag) is True or target.get(flag) is True}


def field(ctx: BuildContext, pointer: str, wire_name: str, prop: Any, required: bool, location: str, name: str | None = None) -> Field:
    """One property (or parameter schema) as a :class:`Field`."""
    own = schema_object(prop)
    _, target = ctx.target(own, pointer)
    type_ = ctx.types.map(pointer, own)
    default = own.get("default", target.get("default") if "$ref" not in own else None)
    if default is not None and not (accepts({**target, **own}, default) and fits(type_, default, lambda name: _alias_type(ctx, name))):
        default = None  # one its schema rejects (the validator's invalid-default says so), or no literal of its type can be (a model)
    if type_.kind == "tuple" and isinstance(default, list):
        default = tuple(default)  # a tuple field's default is a tuple (immutable: in the signature as it is)
    example = _example(own, target)
    return Field(
        name=name or snake_case(wire_name),
        wire_name=wire_name,
        type=type_,
        required=required,
        description=text(own.get("description")) or (text(target.get("description")) if "$ref" not in own else ""),
        pointer=pointer,
        location=location,
        default=value(default) if default is not None else None,
        example=value(example) if example is not None else None,
        constraints=constraints(target),
        unit=text(own.get("x-unit", target.get("x-unit"))),
        deprecated=own.get("deprecated") is True or ("$ref" not in own and target.get("deprecated") is True),
    )


def _alias_type(ctx: BuildContext, class_name: str) -> PyType | None:
    """The type the component schema generated as the alias ``class_name`` stands for."""
    for key, (name, _) in ctx.names.items():
        if name == class_name:
            pointer = pointer_join("/components/schemas", key)
            return ctx.types.map(pointer, ctx.raw_schemas[key])
    return None


def _example(own: dict[str, Any], target: dict[str, Any]) -> Any:
    """A property's ``example`` (beside its ``$ref`` or on the target), else the first of its 3.1 ``examples`` that is not null."""
    example = own.get("example", target.get("example"))
    if example is None:
        listed = [e for e in examples_of(own if "examples" in own else target) if e is not None]
        example = listed[0] if listed else None
    return example


def exactly_one_of(schema: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    """``oneOf: [{required: [a]}, {required: [b]}]`` means: exactly one of a and b."""
    branches = schema.get("oneOf")
    if not isinstance(branches, list) or not branches:
        return ()
    names = [_only_required(branch) for branch in branches]
    if any(name is None or name not in properties_of(schema) for name in names):
        return ()
    return (tuple(str(name) for name in names),)


def _only_required(branch: Any) -> Any:
    """The one name of a branch that is only ``required: [name]``, else ``None``."""
    if isinstance(branch, dict) and set(branch) == {"required"} and isinstance(branch["required"], list) and len(branch["required"]) == 1:
        return branch["required"][0]
    return None


def with_type(field: Field, type_: PyType) -> Field:
    """``field`` with ``type_`` (itself when that is its type already)."""
    return field if type_ is field.type else replace(field, type=type_)


def with_argument_fields(op: Operation, change: Callable[[Field], Field]) -> Operation:
    """``op`` with ``change`` applied to each field its method takes: parameters and body fields."""
    body = replace(op.body, fields=tuple(change(f) for f in op.body.fields)) if op.body else None
    return replace(
        op,
        path_params=tuple(change(f) for f in op.path_params),
        query_params=tuple(change(f) for f in op.query_params),
        header_params=tuple(change(f) for f in op.header_params),
        cookie_params=tuple(change(f) for f in op.cookie_params),
        body=body,
    )
