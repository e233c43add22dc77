# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Which credentials a request carries: the spec's security schemes and requirements.

A requirement is a tuple of alternatives, each the names of the schemes it needs together.
The first alternative whose credentials were all given is used; an empty alternative (the
spec's ``{}`` or ``security: []``) means no authentication and is used only when no other
alternative can be met. A requirement with no alternative at all (every scheme it names is
one the SDK does not apply) sends nothing. A requirement that cannot be met raises
:class:`MissingAPIKeyError`, naming the arguments and environment variables that would meet it.

OAuth2 and OpenID Connect schemes send ``access_token`` as a bearer
token: text is a fixed header; a function or a :class:`._oauth.ClientCredentials` goes into
:attr:`Auth.tokens`, and :mod:`._oauth` asks it for the token at each request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ._exceptions import MissingAPIKeyError

Security = tuple[tuple[str, ...], ...]

#: The kinds of scheme whose credential goes as ``Authorization: Bearer <token>``.
BEARER = ("bearer", "oauth2", "openIdConnect")


class Scheme(NamedTuple):
    """One security scheme: ``kind`` ``bearer``, ``basic``, ``apiKey``, ``oauth2`` or ``openIdConnect``; where it goes, under which name."""

    kind: str
    location: str  # header, query or cookie
    name: str  # the header, query parameter or cookie
    arguments: tuple[
        str, ...
    ]  # the client's arguments: ("api_key",), ("username", "password"), ("access_token", ...)
    env: tuple[str, ...]  # the environment variable behind each argument


class Auth(NamedTuple):
    """What one requirement adds to a request: every header the client sends, query items,
    cookies, and access tokens asked for at each request (see :mod:`._oauth`)."""

    headers: dict[str, str]
    params: dict[str, str]
    cookies: list[tuple[str, str]]
    tokens: list[object]


def _given(scheme: Scheme, credentials: Mapping[str, object]) -> bool:
    return bool(credentials.get(scheme.arguments[0]))  # a basic password may be empty


def resolve(
    security: Security,
    schemes: Mapping[str, Scheme],
    credentials: Mapping[str, object],
    headers: Mapping[str, str],
) -> Auth:
    """The :class:`Auth` of ``security`` with ``credentials`` (argument name -> value) on top of ``headers``.

    Raises:
        MissingAPIKeyError: no alternative of ``security`` can be met with ``credentials``.
    """
    auth = Auth(dict(headers), {}, [], [])
    for name in _chosen(security, schemes, credentials):
        _apply(auth, schemes[name], credentials)
    return auth


def _chosen(
    security: Security,
    schemes: Mapping[str, Scheme],
    credentials: Mapping[str, object],
) -> tuple[str, ...]:
    """The first alternative of ``security`` whose credentials were all given (``()``: none needed).

    Raises:
        MissingAPIKeyError: no alternative can be met, and none is empty.
    """
    for alternative in security:
        if alternative and all(
            _given(schemes[name], credentials) for name in alternative
        ):
            return alternative
    if security and () not in security:
        raise MissingAPIKeyError(_missing(security, schemes))
    return ()


def _apply(auth: Auth, scheme: Scheme, credentials: Mapping[str, object]) -> None:
    """Add ``scheme``'s credential to ``auth``: a header, a query item, a cookie or a token source."""
    value = credentials[scheme.arguments[0]] or ""
    if not isinstance(value, str):
        auth.tokens.append(value)  # a function, or a ClientCredentials
    elif scheme.kind == "basic":
        import base64  # here: only basic auth needs it, once per client

        password = credentials.get(scheme.arguments[1]) or ""
        auth.headers["Authorization"] = "Basic " + base64.b64encode(
            f"{value}:{password}".encode()
        ).decode("ascii")
    elif scheme.kind in BEARER:
        auth.headers["Authorization"] = f"Bearer {value}"
    elif scheme.location == "header":
        auth.headers[scheme.name] = value
    elif scheme.location == "query":
        auth.params[scheme.name] = value
    else:
        auth.cookies.append((scheme.name, value))


def _missing(security: Security, schemes: Mapping[str, Scheme]) -> str:
    options = []
    keys_only = True
    for alternative in security:
        wanted = [(schemes[n].arguments[0], schemes[n].env[0]) for n in alternative]
        keys_only = keys_only and all(
            schemes[n].kind in ("bearer", "apiKey") for n in alternative
        )
        arguments = " and ".join(f"{argument}=..." for argument, _ in wanted)
        names = " and ".join(env for _, env in wanted)
        options.append(
            f"pass {arguments} to the client or set the {names} environment variable{'s' if len(wanted) > 1 else ''}"
        )
        fetching = [schemes[n] for n in alternative if len(schemes[n].arguments) == 3]
        if fetching:  # an oauth2 scheme whose client-credentials flow the client runs
            id_env, secret_env = fetching[0].env[1:]
            options[
                -1
            ] += f" (or pass client_id=... and client_secret=..., or set {id_env} and {secret_env})"
    kept: list[str] = (
        []
    )  # OAuth2 and OpenID Connect alternatives name the same access_token
    for option in options:
        if not any(option in other for other in kept):
            kept = [other for other in kept if other not in option] + [option]
    return (
        ("No API key: " if keys_only else "No credentials: ") + "; or ".join(kept) + "."
    )
