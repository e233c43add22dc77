"""From a :class:`RequestOptions` to the ``httpx.Request`` of one attempt.

Headers, in order, each replacing an earlier one of the same name (compared
case-insensitively): the credentials' headers, the client's ``default_headers``, the
idempotency key, the ``Content-Type`` of a form, raw or null body, the operation's header
parameters, the caller's ``extra_headers``. The query: the credentials' items, the client's
``default_query``, the operation's, the caller's ``extra_query``, then the ``allowReserved``
items written as they are. Cookies go in this request's ``Cookie`` header, after the HTTP
client's own; its cookie jar is left alone. A file in the body is read as the request is
sent (:func:`._uploads.stream_upload`), never whole.

``extra_body`` is merged into the body once per call, before the first attempt
(:func:`with_extra_body`): it is added to a JSON object body (or is the body of a request
without one), or its items become fields of a form-encoded or multipart body
(:func:`._bodies.with_fields`, :func:`._utils.with_parts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import httpx

from ._params import cookie_header, reserved_query
from ._types import JSON_NULL
from ._utils import jsonable

if TYPE_CHECKING:
    from ._request_options import RequestOptions

T = TypeVar("T")


class Defaults(NamedTuple):
    """What every request of a client sends for one security requirement: its credentials and
    the client's ``default_headers`` and ``default_query``.

    Attributes:
        headers: The credentials' headers, then the default headers.
        sent_headers: What is sent of ``headers`` when a call adds no header of its own:
            those the HTTP client does not already send.
        params: The credentials' query items, then the default query.
        cookies: The credentials' cookies.
        tokens: Access tokens asked for at each request (see :mod:`._oauth`).
    """

    headers: Mapping[str, str]
    sent_headers: Mapping[str, str]
    params: Mapping[str, Any]
    cookies: list[tuple[str, str]]
    tokens: list[object]


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    options: RequestOptions[Any],
    *,
    url: str,
    timeout: httpx.Timeout | float,
    defaults: Defaults,
) -> httpx.Request:
    """The request ``options`` describes, to ``url``, with the client's ``defaults``.

    Raises:
        UploadNotRepeatableError: a retry of a file that cannot seek back (before it is sent).
    """
    null = options.json is JSON_NULL  # the JSON null: httpx sends no body for json=None
    body = options.body
    # no pydantic lookup for a request without a JSON body
    json = None if options.json is None or null else jsonable(options.json)
    request = http.build_request(
        options.method,
        url,
        params=_query(options, defaults),
        json=json,
        files=options.files,
        content=body.content if body is not None else b"null" if null else None,
        headers=_headers(options, defaults, null),
        timeout=timeout,
    )
    if options.files and not all(
        isinstance(part[1][1], bytes) for part in options.files
    ):
        # here: a program that sends no file never loads it
        from ._uploads import check_parts

        check_parts(options.files)
    if options.on_progress is not None or (
        body is not None and not isinstance(body.content, bytes)
    ):
        # here: a program that sends no file never loads it
        from ._uploads import stream_upload

        stream_upload(request, body.content if body else None, options.on_progress)
    if options.reserved_params:
        _add_reserved_query(request, options.reserved_params, options.extra_query)
    if options.cookies or defaults.cookies:
        request.headers["Cookie"] = cookie_header(
            request.headers.get("Cookie"), defaults.cookies + (options.cookies or [])
        )
    return request


def with_extra_body(options: RequestOptions[T]) -> RequestOptions[T]:
    """``options`` with ``extra_body``'s items merged into its body (they replace the same
    names): added to a JSON object body, as fields of a form or multipart body, or as the
    JSON body of a request without one. Done once per call: every attempt sends the result.

    Raises:
        TypeError: the body is none of these (a raw body, a JSON body that is no object).
    """
    if options.extra_body is None:
        return options
    extra = jsonable(dict(options.extra_body))
    body = options.body
    if options.files is not None:
        from ._utils import with_parts

        return options.replace(files=with_parts(options.files, extra), extra_body=None)
    if body is not None:
        from ._bodies import FORM, with_fields

        if body.content_type == FORM:
            return options.replace(body=with_fields(body, extra), extra_body=None)
    elif options.json is None:
        return options.replace(json=extra, extra_body=None)
    elif options.json is not JSON_NULL:
        json = jsonable(options.json)
        if isinstance(json, dict):
            return options.replace(json={**json, **extra}, extra_body=None)
    raise TypeError(
        "extra_body= adds properties to a JSON object body or fields to a form-encoded or "
        "multipart body; this request's body is none of these"
    )


def _query(options: RequestOptions[Any], defaults: Defaults) -> dict[str, Any] | None:
    params = options.params
    if defaults.params:
        params = {**defaults.params, **(params or {})}
    extra = options.extra_query
    if not extra:
        return dict(params) if params else None
    return {**(params or {}), **extra}


def _headers(
    options: RequestOptions[Any], defaults: Defaults, null: bool
) -> Mapping[str, str]:
    headers = options.headers
    if options.body is not None or null:
        # Its Content-Type goes first, so that header parameters and extra_headers replace it.
        content_type = (
            options.body.content_type
            if options.body is not None
            else "application/json"
        )
        headers = {"Content-Type": content_type, **(headers or {})}
    if not headers and not options.extra_headers:
        return defaults.sent_headers
    sent = httpx.Headers(defaults.headers)
    for name, value in (headers or {}).items():
        sent[name] = str(value)
    for name, value in (options.extra_headers or {}).items():
        sent[name] = value
    return sent


def _add_reserved_query(
    request: httpx.Request,
    items: dict[str, Any],
    extra_query: Mapping[str, object] | None,
) -> None:
    """``allowReserved`` items after the others, written as they are (httpx would encode them)."""
    query = reserved_query(items, extra_query)
    if query:
        url = request.url
        request.url = url.copy_with(
            query=url.query + b"&" + query if url.query else query
        )
