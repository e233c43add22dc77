"""Which credentials a request carries: the spec's security schemes and requirements.

A requirement is a tuple of alternatives, each the names of the schemes it needs together.
The first alternative whose credentials were all given is used; an empty alternative (the
spec's ``{}`` or ``security: []``) means no authentication and is used only when no other
alternative can be met. A requirement with no alternative at all (every scheme it names is
one the SDK does not apply) sends nothing. A requirement that cannot be met raises
:class:`MissingAPIKeyError`, naming the arguments and environment variables that would meet it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ._exceptions import MissingAPIKeyError

Security = tuple[tuple[str, ...], ...]


class Scheme(NamedTuple):
    """One security scheme: ``kind`` ``bearer``, ``basic`` or ``apiKey``; where it goes, under which name."""

    kind: str
    location: str  # header, query or cookie
    name: str  # the header, query parameter or cookie
    arguments: tuple[
        str, ...
    ]  # the client's arguments: ("api_key",) or ("username", "password")
    env: tuple[str, ...]  # the environment variable behind each argument


class Auth(NamedTuple):
    """What one requirement adds to a request: every header the client sends, query items, cookies."""

    headers: dict[str, str]
    params: dict[str, str]
    cookies: list[tuple[str, str]]


def _given(scheme: Scheme, credentials: Mapping[str, str | None]) -> bool:
    return bool(credentials.get(scheme.arguments[0]))  # a basic password may be empty


def resolve(
    security: Security,
    schemes: Mapping[str, Scheme],
    credentials: Mapping[str, str | None],
    headers: Mapping[str, str],
) -> Auth:
    """The :class:`Auth` of ``security`` with ``credentials`` (argument name -> value) on top of ``headers``.

    Raises:
        MissingAPIKeyError: no alternative of ``security`` can be met with ``credentials``.
    """
    auth = Auth(dict(headers), {}, [])
    for name in _chosen(security, schemes, credentials):
        _apply(auth, schemes[name], credentials)
    return auth


def _chosen(
    security: Security,
    schemes: Mapping[str, Scheme],
    credentials: Mapping[str, str | None],
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


def _apply(auth: Auth, scheme: Scheme, credentials: Mapping[str, str | None]) -> None:
    """Add ``scheme``'s credential to ``auth``: a header, a query item or a cookie."""
    value = credentials[scheme.arguments[0]] or ""
    if scheme.kind == "basic":
        import base64  # here: only basic auth needs it, once per client

        password = credentials.get(scheme.arguments[1]) or ""
        auth.headers["Authorization"] = "Basic " + base64.b64encode(
            f"{value}:{password}".encode()
        ).decode("ascii")
    elif scheme.kind == "bearer":
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
        keys_only = keys_only and all(schemes[n].kind != "basic" for n in alternative)
        arguments = " and ".join(f"{argument}=..." for argument, _ in wanted)
        names = " and ".join(env for _, env in wanted)
        options.append(
            f"pass {arguments} to the client or set the {names} environment variable{'s' if len(wanted) > 1 else ''}"
        )
    return (
        ("No API key: " if keys_only else "No credentials: ")
        + "; or ".join(options)
        + "."
    )
