"""From a :class:`RequestOptions` to the ``httpx.Request`` of one attempt.

Headers, in order, each replacing an earlier one of the same name (compared
case-insensitively): the credentials' headers, the ``Content-Type`` of a form, raw or null
body, the operation's header parameters, the caller's ``extra_headers``. The query: the
credentials' items, the operation's, the caller's ``extra_query``, then the
``allowReserved`` items written as they are. Cookies go in this request's ``Cookie``
header, after the HTTP client's own; its cookie jar is left alone. A file in the body is
read as the request is sent (:func:`._uploads.stream_upload`), never whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from ._params import cookie_header, reserved_query
from ._types import JSON_NULL
from ._uploads import stream_upload
from ._utils import jsonable

if TYPE_CHECKING:
    from ._auth import Auth
    from ._request_options import RequestOptions


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    options: RequestOptions[Any],
    *,
    url: str,
    timeout: httpx.Timeout | float,
    auth: Auth,
    auth_headers: Mapping[str, str],
) -> httpx.Request:
    """The request ``options`` describes, to ``url`` with ``auth``'s credentials.

    ``auth_headers`` are what is sent of ``auth.headers`` when the call adds no header: those
    the HTTP client does not already send (see :meth:`._shared_client.BaseClient._auth_for`).
    """
    null = options.json is JSON_NULL  # the JSON null: httpx sends no body for json=None
    body = options.body
    request = http.build_request(
        options.method,
        url,
        params=_query(options, auth),
        # no pydantic lookup for a request without a JSON body
        json=None if options.json is None or null else jsonable(options.json),
        files=options.files,
        content=body.content if body is not None else b"null" if null else None,
        headers=_headers(options, auth, auth_headers, null),
        timeout=timeout,
    )
    if options.on_progress is not None or (
        body is not None and not isinstance(body.content, bytes)
    ):
        stream_upload(request, body.content if body else None, options.on_progress)
    if options.reserved_params:
        _add_reserved_query(request, options.reserved_params, options.extra_query)
    if options.cookies or auth.cookies:
        request.headers["Cookie"] = cookie_header(
            request.headers.get("Cookie"), auth.cookies + (options.cookies or [])
        )
    return request


def _query(options: RequestOptions[Any], auth: Auth) -> dict[str, Any] | None:
    params = options.params
    if auth.params:
        params = {**auth.params, **(params or {})}
    extra = options.extra_query
    if not extra:
        return dict(params) if params else None
    return {**(params or {}), **extra}


def _headers(
    options: RequestOptions[Any],
    auth: Auth,
    auth_headers: Mapping[str, str],
    null: bool,
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
        return auth_headers
    sent = httpx.Headers(auth.headers)
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
