"""What a finding of openapi-spec-validator says: the text of each class's warning.

:mod:`generator.check.findings` decides a finding's class and where it is; the functions here word
it, saying what the SDK does past it (leaves a limit out of its docs, goes without a description,
ignores a field). ``version`` is the document's ``openapi`` value as written.
"""

from __future__ import annotations

import re
from typing import Any

#: How much of the validator's own failure message a warning quotes (some quote the whole document).
_CRASH_TEXT = 200


def validator_stopped(exc: Exception) -> str:
    """The validator itself failed on the input: what it found before stands, the rest is unchecked."""
    reason = str(exc) if len(str(exc)) <= _CRASH_TEXT else str(exc)[:_CRASH_TEXT] + "..."
    return f"the OpenAPI validator stopped with {type(exc).__name__}: {reason}; the rest of the document is not checked against the OpenAPI schema"


def schema_version(version: str) -> str:
    """The version whose schema the document was checked against, as messages name it."""
    return f"3.1 (this {version} document is checked as 3.1)" if version.startswith("3.2.") else version


def unknown_fields(ignored: list[str], read: list[str], methods: list[str], version: str) -> str:
    """The fields an object may not have: ``ignored`` ones, ``read`` ones (3.1 keywords read whatever the
    version), ``methods`` (path item keys holding an operation that are no HTTP method of ``version``)."""
    checked = schema_version(version)
    texts = [f"{_listed(ignored)} not allowed here by OpenAPI {checked}: the generator ignores {_them(ignored)}"] if ignored else []
    texts += [f"{_listed(read)} not allowed here by OpenAPI {checked}: read as OpenAPI 3.1 reads {_them(read)}"] if read else []
    texts += [f"{key!r} is not an HTTP method of OpenAPI {checked}: the operation under it is not generated" for key in methods]
    return "; ".join(texts)


def _listed(keys: list[str]) -> str:
    return f"field{'s' if len(keys) > 1 else ''} " + ", ".join(repr(k) for k in keys)


def _them(keys: list[str]) -> str:
    return "them" if len(keys) > 1 else "it"


def limit_keyword(keyword: str, error: Any, message: str, version: str) -> str:
    """A limit keyword (``minimum``, ``maxLength``...) whose value breaks the schema: the SDK checks no limit."""
    value = getattr(error, "instance", None)
    if keyword.startswith("exclusive") and isinstance(value, bool) and version.startswith(("3.1", "3.2")):
        return f"`{keyword}: {str(value).lower()}` is the OpenAPI 3.0 form ({message}); in 3.1 {keyword} is the bound itself. The SDK checks no limits; its docs leave this one out"
    return f"{keyword}: {message}; the SDK checks no limits, its docs state this one as written"


#: Keywords of UNREAD that the read stage does look at, to resolve references: a value of the wrong type there is not taken.
_IDENTIFIERS = frozenset({"$id", "$anchor", "$dynamicAnchor", "$recursiveAnchor"})


def unread_keyword(keyword: str, message: str) -> str:
    if keyword in _IDENTIFIERS:
        return f"{keyword}: {message}; the generator reads this keyword only to resolve references, and ignores this value"
    return f"{keyword}: {message}; the generator does not read this keyword"


def invalid_default(message: str) -> str:
    return f"the default breaks its own schema: {message}; the SDK leaves this default out"


def invalid_scopes(scheme: str, message: str) -> str:
    return f"the scopes of {scheme!r}: {message}; the SDK applies the scheme and documents no scopes for it"


def repeated_required(message: str) -> str:
    return f"{message}; each property is required once"


def undeclared_required(message: str) -> str:
    return f"{message}; the SDK ignores the names no property declares"


def path_parameter(name: str, method: str, path: str) -> str:
    return f"path parameter {name!r} of {method.upper()} {path} is not a `{{{name}}}` of the path: the method leaves it out"


def missing_field(parts: list[str], message: str) -> str:
    """What the SDK does without the missing field, when that is harmless ("" when it is not)."""
    match = re.match(r"^'(.*)' is a required property$", message)
    name = match.group(1) if match else ""
    if parts == ["info"] and name in ("title", "version"):
        return f"info has no {name!r}; the SDK's docs go without it"
    if len(parts) >= 2 and parts[-2] == "responses" and name == "description":
        return "the response has no description; its docs go without one"
    if len(parts) == 3 and parts[0] == "paths" and name == "responses":
        return "the operation has no responses; its method returns None"
    return ""
