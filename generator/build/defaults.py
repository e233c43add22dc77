"""Whether a schema's ``default`` is one its schema accepts.

A default the schema rejects (a string for an integer, a number below its own ``minimum``, a value
outside its ``enum``) is left out of the SDK: written into a field it would not type-check or would
send a value the API refuses. The check reads the keywords the validator's ``invalid-default``
findings come from (see :mod:`generator.check.findings`) and needs no library: type, ``enum`` and the
limits of numbers, strings and arrays. A default is also left out when it cannot be the field's Python
type: a JSON object where a generated model goes, also inside an array or a map (``[{...}]`` for a list of
models) or a date or date-time (text in the spec), since the SDK writes a default as a literal, not as a
model or a ``datetime``.
"""

from __future__ import annotations

from typing import Any, Callable

from generator.ir import PyType

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def accepts(schema: dict[str, Any], default: Any) -> bool:
    """Whether ``default`` satisfies the type, ``enum`` and limits ``schema`` states (what it does not state passes)."""
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and default not in enum:
        return False
    return _type_fits(schema.get("type"), default) and _limits_hold(schema, default)


#: The builtin types a default of a primitive annotation must be (the others, e.g. a ``Literal``, are not
#: checked here).
_PRIMITIVE_VALUES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}
#: Annotations whose values are ``datetime`` or ``date`` objects: no default (text in the spec) is one.
_TIMES = frozenset({"DateTime", "date"})


def fits(type_: PyType, default: Any, alias_type: Callable[[str], PyType | None] = lambda name: None, seen: frozenset[str] = frozenset()) -> bool:
    """Whether ``default`` can stand as the value of the annotation ``type_``: what a schema's own keywords
    cannot tell when its type comes from elsewhere (an ``allOf``/``oneOf`` of ``$ref``s: a string default
    for a union of models), or that no literal can be (a list of objects for a list of models).
    ``alias_type`` gives the type a named alias stands for. Kinds this check does not know pass."""
    if default is None and type_.nullable:
        return True
    if type_.kind == "alias" and type_.name not in seen:
        aliased = alias_type(type_.name)
        return aliased is None or fits(aliased, default, alias_type, seen | {type_.name})
    if type_.kind in ("model", "file"):
        return False
    if type_.kind == "union":
        return any(fits(arg, default, alias_type, seen) for arg in type_.args)
    if type_.kind in ("list", "dict"):
        if not isinstance(default, list if type_.kind == "list" else dict):
            return False
        items = default if isinstance(default, list) else list(default.values())
        return not type_.args or all(fits(type_.args[-1], item, alias_type, seen) for item in items)
    return type_.kind != "primitive" or _primitive_fits(type_.name, default)


def _primitive_fits(name: str, default: Any) -> bool:
    """Whether ``default`` is a value of the primitive annotation ``name`` (one not checked here passes)."""
    if name in _TIMES:
        return False  # a date or date-time default is text: left out, the API applies it
    if name not in _PRIMITIVE_VALUES:
        return True
    if isinstance(default, bool) and name != "bool":
        return False
    return isinstance(default, _PRIMITIVE_VALUES[name])


def _type_fits(declared: Any, default: Any) -> bool:
    names = declared if isinstance(declared, list) else [declared]
    known = [name for name in names if isinstance(name, str) and name in _TYPES]
    if not known or len(known) < len(names):
        return True  # no type, or one this check does not know ("null" among them): nothing to say
    if isinstance(default, bool):
        return "boolean" in known
    if isinstance(default, float) and "integer" in known and default.is_integer():
        return True
    return any(isinstance(default, _TYPES[name]) for name in known)


def _limits_hold(schema: dict[str, Any], default: Any) -> bool:
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        return _number_holds(schema, default)
    if isinstance(default, (str, list)):
        low, high = ("minLength", "maxLength") if isinstance(default, str) else ("minItems", "maxItems")
        return _at_least(len(default), schema.get(low)) and _at_most(len(default), schema.get(high))
    return True


def _number_holds(schema: dict[str, Any], number: float) -> bool:
    low, high = schema.get("minimum"), schema.get("maximum")
    exclusive_low, exclusive_high = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if exclusive_low is True and _is_number(low) and not number > low:  # the 3.0 form
        return False
    if exclusive_high is True and _is_number(high) and not number < high:
        return False
    if _is_number(exclusive_low) and not number > exclusive_low:
        return False
    if _is_number(exclusive_high) and not number < exclusive_high:
        return False
    return _at_least(number, low) and _at_most(number, high)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _at_least(value: float, bound: Any) -> bool:
    return not _is_number(bound) or value >= bound


def _at_most(value: float, bound: Any) -> bool:
    return not _is_number(bound) or value <= bound

