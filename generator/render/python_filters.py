"""Python source text for IR objects: literals, field defaults, the items of a request, the
client's credential lines.

Registered as Jinja filters by :mod:`generator.render.output`, so templates keep only layout.
Every string from the spec reaches generated code through :func:`pyrepr` (a literal) or
:mod:`generator.render.docstring_text` (escaped text), never pasted raw: a description cannot
end a docstring or a literal early. The docstrings themselves are :mod:`generator.render.docstrings`.
"""

from __future__ import annotations

from typing import Any

from generator.ir import Field, Operation
from generator.literals import pyliteral, string_literal
from generator.render.docstring_text import escape
from generator.render.wire import sends

FILTERS = (
    "pyrepr",
    "field_assignment",
    "error_models",
    "wire_item",
    "credential_doc",
    "credential_annotation",
    "credential_value",
    "missing_credentials_doc",
    "status_text",
    "call_option",
)

#: The annotation and default of each per-call option of a method (:attr:`generator.ir.Operation.call_options`).
CALL_OPTION_PARAMETERS = {
    "idempotency_key": "str | None = None",
    "extra_headers": "Headers | None = None",
    "extra_query": "Query | None = None",
    "extra_body": "ExtraBody | None = None",
    "timeout": "Timeout | NotGiven = NOT_GIVEN",
    "max_retries": "int | None = None",
    "on_progress": "ProgressCallback | None = None",
}


def pyrepr(value: Any) -> str:
    """A Python literal for ``value`` (str, int, float, bool, None, list, dict), quoted as black
    quotes it; an infinite or NaN float is ``float("inf")``, also inside lists and dicts."""
    return pyliteral(value)


def field_assignment(field: Field) -> str:
    """What follows the annotation of a model field: `` = default`` or `` = Field(...)``."""
    default = None if field.required else (field.default.python if field.default is not None else "None")
    if not field.has_alias and not field.deprecated:
        return "" if default is None else f" = {default}"
    arguments = [] if default is None else [f"default={default}"]
    arguments += [f"alias={string_literal(field.wire_name)}"] if field.has_alias else []
    arguments += [f"deprecated={string_literal(DEPRECATED_PROPERTY)}"] if field.deprecated else []
    return f" = Field({', '.join(arguments)})"


#: The warning pydantic gives when a deprecated property of a model is read.
DEPRECATED_PROPERTY = "The API's spec marks this property as deprecated."


def error_models(op: Operation, api: Any) -> str:
    """A dict literal of the error body model of each error response, as ``(module, class name)``.

    The runtime imports a model only when a response with its status arrives: error models
    (Stripe's ``error`` reaches half of its schemas) cost a successful call nothing.
    """
    items = [
        f"{string_literal(r.status)}: ({string_literal(api.schema(r.type.name).module)}, {string_literal(r.type.name)})"
        for r in op.errors
        if r.type is not None and r.type.kind == "model"
    ]
    return "{" + ", ".join(items) + "}"


def credential_doc(api: Any, argument: str) -> str:
    """What the client argument ``argument`` is, for the client's docstring (one paragraph)."""
    if argument == "password":
        return "The password of HTTP basic authentication, with ``username``; may be left out (empty)."
    schemes = [s for s in api.security if argument in s.arguments]
    if not schemes:
        return "Not used: the spec declares no security scheme the SDK applies; accepted so that every client takes it."
    names = ", ".join(f"``{escape(s.name)}``" for s in schemes)
    scheme = schemes[0]
    if argument in ("client_id", "client_secret"):
        return _client_credentials_doc(scheme, argument)
    if argument == "access_token":
        return (
            "An OAuth2 or OpenID Connect access token, or a function of no arguments that returns the current one "
            "(called before each request: refresh the token yourself). "
            f"Sent as ``Authorization: Bearer <access_token>`` (scheme{'s' if len(schemes) > 1 else ''} {names})."
        )
    what = "The user name of HTTP basic authentication." if scheme.kind == "basic" else "The API key."
    return f"{what} Sent as ``{escape(sends(scheme))}`` (scheme {names})."


def _client_credentials_doc(scheme: Any, argument: str) -> str:
    if argument == "client_secret":
        return "The OAuth2 client secret, with ``client_id``; sent only to the token URL."
    relative = "" if "://" in scheme.token_url else " (relative to ``base_url``)"
    return (
        f"The OAuth2 client ID: with ``client_secret`` (and no ``access_token``) the client fetches its access token "
        f"from ``{escape(scheme.token_url)}``{relative} (scheme ``{escape(scheme.name)}``, clientCredentials flow), keeps it "
        "until shortly before it expires, and fetches a new one when it expires or the API answers 401."
    )


def credential_annotation(argument: str) -> str:
    """The type of the client argument ``argument``: an access token may be a function that returns one."""
    return "str | Callable[[], str] | None" if argument == "access_token" else "str | None"


def credential_value(api: Any, argument: str, env: str) -> str:
    """The expression the client passes on for ``argument``: the argument, else the environment
    variable ``env``; ``access_token`` by way of the runtime's ``_oauth.access_token``."""
    if argument != "access_token":
        return f"_from_env({argument}, {string_literal(env)})"
    scheme = api.token_scheme
    if scheme is None:
        return f"_oauth.access_token(access_token, env=({string_literal(env)},))"
    envs = ", ".join(string_literal(name) for name in scheme.env)
    token_url = f"_from_env(token_url, {string_literal(api.config.env_prefix + '_TOKEN_URL')}) or {string_literal(scheme.token_url)}"
    return f"_oauth.access_token(access_token, client_id, client_secret, env=({envs}), token_url={token_url}, base_url=_base_url(base_url))"


def missing_credentials_doc(api: Any) -> str:
    """The ``Raises:`` line of a client whose spec requires credentials for every operation."""
    options = [" and ".join(f"``{api.scheme(n).arguments[0]}`` (``{api.scheme(n).env[0]}``)" for n in alternative) for alternative in api.default_security]
    options = list(dict.fromkeys(options))  # OAuth2 and OpenID Connect schemes share access_token
    return "Neither " + " nor ".join(options) + " was given." if len(options) > 1 else f"No {options[0]} was given."


def wire_item(field: Field) -> str:
    """The item a generated method writes for one parameter: in the path or headers dict, the
    query dict (a ``**`` spread when serialised) or the cookie list (a ``*`` spread).

    Only parameters marked ``serialized`` go through the runtime's ``_params`` functions.
    """
    key = pyrepr(field.wire_name)
    json = ", 'json'" if field.style == "json" else ""
    if field.location == "cookie":
        return f"*cookie_pairs({key}, {field.name}, {field.explode}{json})"
    if not field.serialized:
        return f"{key}: {field.name}"
    if field.location == "query":
        return f"**query_param({key}, {field.name}, {pyrepr(field.style)}, {field.explode})"
    if field.location == "path":
        return f"{key}: path_param({key}, {field.name}, {pyrepr(field.style)}, {field.explode})"
    return f"{key}: header_param({field.name}, {field.explode}{json})"


def status_text(status: str) -> str:
    """A response status for people: ``404``; a range ``5XX`` as ``500 and above``."""
    return f"{status[0]}00 and above" if status.endswith("XX") else status


def call_option(name: str) -> str:
    """A per-call option as a keyword parameter of a method: ``timeout: Timeout | NotGiven = NOT_GIVEN``."""
    return f"{name}: {CALL_OPTION_PARAMETERS[name]}"
