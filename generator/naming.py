"""Python names for OpenAPI names: snake_case members, PascalCase classes (PEP 8).

The wire name is always kept beside the Python name (as a pydantic alias, or in the
request the method builds), so conversion only has to give a valid, stable, readable
identifier. :func:`python_identifier_problem` says why a name cannot be converted.
"""

from __future__ import annotations

import keyword
import re

_WORD_BOUNDARY_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_BOUNDARY_2 = re.compile(r"([a-z0-9])([A-Z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")


def words(name: str) -> list[str]:
    """Split ``name`` into lower-case words at case changes and non-alphanumerics."""
    spaced = _WORD_BOUNDARY_1.sub(r"\1 \2", name)
    spaced = _WORD_BOUNDARY_2.sub(r"\1 \2", spaced)
    return [w.lower() for w in _NON_WORD.split(spaced) if w]


def snake_case(name: str) -> str:
    """``modelId`` -> ``model_id``, ``Image Models`` -> ``image_models``; keywords get a ``_`` suffix.

    Only hard keywords (``class``, ``from``): soft ones (``match``, ``type``) are valid
    names, and their list grows with each Python version, which would make the output
    depend on the interpreter that runs the generator.
    """
    result = "_".join(words(name))
    if keyword.iskeyword(result):
        result += "_"
    return result


def pascal_case(name: str) -> str:
    """``Image Models`` -> ``ImageModels``; an already PascalCase name is kept as it is."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
        return name
    return "".join(w[:1].upper() + w[1:] for w in words(name))


def python_identifier_problem(name: object) -> str | None:
    """Why ``name`` cannot become a Python identifier, or ``None`` when it can."""
    if not isinstance(name, str):
        return f"it is a {type(name).__name__}, not a string"
    converted = snake_case(name)
    if not converted:
        return "it has no letters or digits"
    if converted[0].isdigit():
        return "it starts with a digit"
    return None


def module_name(name: str) -> str:
    """The module a schema or tag is written to: ``ImageModels`` -> ``image_models``."""
    return snake_case(name).rstrip("_")


def api_class_name(tag: str) -> str:
    """The API class of a tag: ``Image Models`` -> ``ImageModelsApi``."""
    return pascal_case(tag) + "Api"
