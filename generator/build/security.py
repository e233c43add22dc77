"""Security schemes the SDK applies, the client arguments that carry their credentials, and
security requirements (document-level or per operation) reduced to those schemes.

Applied: HTTP ``bearer``, HTTP ``basic``, and ``apiKey`` in a header, the query or a cookie.
The first bearer or apiKey scheme (in ``components.securitySchemes`` order) takes the client
argument ``api_key`` (environment ``<PREFIX>_API_KEY``); each further one an argument named
after the scheme (``partner_key`` for a scheme called ``partnerKey``, with ``_key`` added
when the name says neither key nor token). Basic schemes take ``username`` and ``password``.

OAuth2 (any flow) and OpenID Connect schemes send an access token as a bearer token; they all
share the argument ``access_token`` (``<PREFIX>_ACCESS_TOKEN``): whichever flow gave the token,
the API reads it the same way. The first oauth2 scheme with a ``clientCredentials`` flow that
names a ``tokenUrl`` also takes ``client_id`` and ``client_secret``, with which the client
fetches its own token (the runtime's ``_oauth`` module). Scopes are documentation.
Anything else (mutualTLS, other HTTP schemes) is left out, and :mod:`generator.check.rules`
warns about it (``unsupported-security-scheme``).
"""

from __future__ import annotations

from typing import Any

from generator.ir import OAuthFlow, SecurityScheme
from generator.read.security_schemes import kind_of
from generator.naming import identifier

#: Client arguments a credential argument may not take.
TAKEN = frozenset({"api_key", "username", "password", "base_url", "token_url", "timeout", "max_retries", "http_client", "self"})

FLOWS = ("authorizationCode", "implicit", "password", "clientCredentials")
CLIENT_CREDENTIALS = ("access_token", "client_id", "client_secret")


def _argument(name: str, taken: set[str]) -> str:
    wanted = identifier(name, "credential")
    if not any(word in wanted for word in ("key", "token")):
        wanted += "_key"
    candidate, n = wanted, 2
    while candidate in taken or candidate in TAKEN:
        candidate, n = f"{wanted}_{n}", n + 1
    return candidate


def schemes(found: list[tuple[str, str, Any]], env_prefix: str) -> tuple[SecurityScheme, ...]:
    """The applied schemes among ``(name, pointer, scheme object)``, in document order."""
    out = []
    oauth = any(kind_of(scheme) in ("oauth2", "openIdConnect") for _, _, scheme in found)
    taken: set[str] = set(CLIENT_CREDENTIALS) if oauth else set()  # whatever order the schemes come in
    first_key = True
    for name, pointer, scheme in found:
        kind = kind_of(scheme)
        if not kind:
            continue
        description = scheme.get("description") if isinstance(scheme.get("description"), str) else ""
        flows = oauth_flows(scheme) if kind == "oauth2" else ()
        location, wire = "header", "Authorization"
        if kind == "basic":
            arguments: tuple[str, ...] = ("username", "password")
        elif kind in ("oauth2", "openIdConnect"):
            fetches = not any("client_id" in s.arguments for s in out) and any(f.kind == "clientCredentials" and f.token_url for f in flows)
            arguments = CLIENT_CREDENTIALS if fetches else ("access_token",)
        else:
            arguments = ("api_key",) if first_key else (_argument(name, taken),)
            first_key = False
            location, wire = ("header", "Authorization") if kind == "bearer" else (scheme["in"], scheme["name"])
        taken.update(arguments)
        env = tuple(f"{env_prefix}_{argument.upper()}" for argument in arguments)
        openid_url = _text(scheme.get("openIdConnectUrl")) if kind == "openIdConnect" else ""
        out.append(SecurityScheme(name, kind, location, wire, arguments, env, description.strip(), pointer, flows, openid_url))  # type: ignore[arg-type]
    return tuple(out)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def oauth_flows(scheme: dict[str, Any]) -> tuple[OAuthFlow, ...]:
    """The flows of an oauth2 scheme, in the order OpenAPI lists them; malformed ones are left out."""
    flows = scheme.get("flows")
    if not isinstance(flows, dict):
        return ()
    out = []
    for kind in FLOWS:
        flow = flows.get(kind)
        if not isinstance(flow, dict):
            continue
        scopes = flow.get("scopes") if isinstance(flow.get("scopes"), dict) else {}
        listed = tuple((str(scope), _text(text)) for scope, text in scopes.items())
        urls = (_text(flow.get(key)) for key in ("authorizationUrl", "tokenUrl", "refreshUrl"))
        out.append(OAuthFlow(kind, *urls, listed))  # type: ignore[arg-type]
    return tuple(out)


def requirement(raw: Any, applied: set[str]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """A ``security`` list as alternatives of scheme names, and the schemes it names that the SDK does not apply.

    ``[]`` or no ``security`` at all is ``((),)``: no authentication. An alternative naming a
    scheme the SDK does not apply becomes ``()`` too: the SDK sends nothing for it and does
    not insist (the caller may authenticate with ``extra_headers=`` or their own HTTP client).
    """
    if not isinstance(raw, list) or not raw:
        return ((),), ()
    out: list[tuple[str, ...]] = []
    unapplied: list[str] = []
    for alternative in raw:
        if not isinstance(alternative, dict):
            continue
        names = tuple(str(name) for name in alternative)
        missing = [name for name in names if name not in applied]
        unapplied += [name for name in missing if name not in unapplied]
        chosen = () if missing else names
        if chosen not in out:
            out.append(chosen)
    return tuple(out) or ((),), tuple(unapplied)


def scopes(raw: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(scheme, scopes)`` of every scheme a ``security`` list names with scopes (OAuth2, OpenID
    Connect), the scopes of all its alternatives together, in document order: documentation only."""
    found: dict[str, dict[str, None]] = {}
    for alternative in raw if isinstance(raw, list) else ():
        for name, listed in alternative.items() if isinstance(alternative, dict) else ():
            if isinstance(listed, list) and listed:
                found.setdefault(str(name), {}).update(dict.fromkeys(str(scope) for scope in listed))
    return tuple((name, tuple(listed)) for name, listed in found.items())
