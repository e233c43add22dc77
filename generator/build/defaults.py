"""Whether a schema's ``default`` is one its schema accepts.

A default the schema rejects (a string for an integer, a number below its own ``minimum``, a value
outside its ``enum``) is left out of the SDK: written into a field it would not type-check or would
send a value the API refuses. The check reads the keywords the validator's ``invalid-default``
findings come from (see :mod:`generator.check.findings`) and needs no library: type, ``enum`` and the
limits of numbers, strings and arrays. A default is also left out when it cannot be the field's Python
type: a JSON object where a generated model goes, also inside an array or a map (``[{...}]`` for a list of
models), since the SDK writes a default as a literal, not as a model.
"""

from __future__ import annotations

from typing import Any

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


def fits(type_: PyType, default: Any) -> bool:
    """Whether ``default`` written as a literal has the Python type ``type_``: no model or file in it.

    An empty list or map fits a list or map of models; an alias (a named type) and an enum are
    trusted (the schema check decides those).
    """
    if type_.kind in ("model", "file"):
        return False
    if type_.kind == "list" and isinstance(default, list):
        return all(fits(type_.args[0], item) for item in default) if type_.args else True
    if type_.kind == "dict" and isinstance(default, dict):
        return all(fits(type_.args[-1], item) for item in default.values()) if type_.args else True
    if type_.kind == "union":
        return any(fits(arm, default) for arm in type_.args)
    return True
