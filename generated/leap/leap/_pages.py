# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Pages of a list: what the generated ``<operation>_pages`` methods return.

``client.<api>.<operation>_pages(...)`` sends the first request and returns a :class:`SyncPage`
(``await`` it on the async client for an :class:`AsyncPage`): its ``items``, the raw
``response``, ``has_next_page()``, ``next_page_info()`` (what the next request sends),
``get_next_page()`` (fetch it; raises when there is none), ``next_page()`` (fetch it, or
``None``) and ``iter_pages()`` (this page and every one after it). Iterating a page
(``for item in page`` / ``async for``) gives the items of this page and of every page after
it, fetching each page when the items before it have been used.

How the next page is asked for is the operation's ``x-pagination`` style (:mod:`._page_rules`).
"""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterator,
    Mapping,
    Sequence,
)
from typing import Any, Generic, TypeVar

import httpx

from ._page_rules import PageRequest, Rule
from ._response_objects import APIResponse

__all__ = [
    "AsyncPage",
    "PageRequest",
    "SyncPage",
    "async_first_page",
    "async_iterate_items",
    "first_page",
    "iterate_items",
]

T = TypeVar("T")
R = TypeVar("R")


class _Lister(Generic[R, T]):
    """What every page of one call shares: the operation (returning raw responses), the
    style's rule, where the items are, the arguments a followed URL keeps, and the caller's
    per-call options (``extra_headers``, ``timeout``, ...), given to every page's request.
    """

    def __init__(
        self,
        method: Callable[..., Any],
        rule: Rule,
        items: Callable[[R], Sequence[T]],
        follow: Sequence[str],
        options: Mapping[str, Any],
    ) -> None:
        self.method = method
        self.rule = rule
        self.items = items
        self.follow = tuple(follow)
        self.options = dict(options)

    def arguments(self, request: PageRequest) -> dict[str, Any]:
        """The keyword arguments of the operation's call for ``request``: a followed URL's query
        goes in ``extra_query``, after the caller's (replacing the same names)."""
        if request.url is None:
            return {**request.arguments, **self.options}
        query: dict[str, Any] = {}
        for name, value in httpx.URL(request.url).params.multi_items():
            query.setdefault(name, []).append(value)
        kept = {name: request.arguments[name] for name in self.follow}
        extra = {k: v[0] if len(v) == 1 else v for k, v in query.items()}
        extra = {**(self.options.get("extra_query") or {}), **extra}
        return {**kept, **self.options, "extra_query": extra}

    def read(
        self, request: PageRequest, response: APIResponse[R]
    ) -> tuple[list[T], PageRequest | None]:
        body = response.parse()
        items = list(self.items(body))
        return items, self.rule.next(request, body, items, response.http_response)


class _Page(Generic[T]):
    def __init__(
        self,
        lister: _Lister[Any, T],
        request: PageRequest,
        response: APIResponse[Any],
    ) -> None:
        self._lister = lister
        self.request = request
        self.response = response
        self.items, self._next = lister.read(request, response)

    @property
    def body(self) -> Any:
        """The page's response body, parsed as the operation returns it."""
        return self.response.parse()

    def has_next_page(self) -> bool:
        """Whether there is a page after this one (no request is sent to find out)."""
        return self._next is not None

    def next_page_info(self) -> PageRequest | None:
        """What the request for the next page sends; ``None`` on the last page."""
        return self._next

    def _next_request(self) -> PageRequest:
        if self._next is None:
            raise LookupError(
                "this is the last page: check has_next_page() before get_next_page()"
            )
        return self._next

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.items)}, has_next_page={self.has_next_page()})"


class SyncPage(_Page[T]):
    """One page of a list (see the module's docstring).

    Attributes:
        items: The page's items.
        response: The page's :class:`APIResponse` (status, headers, ``parse()``).
        request: What the page's request sent (:class:`PageRequest`).
    """

    def get_next_page(self) -> SyncPage[T]:
        """The next page (one request).

        Raises:
            LookupError: This is the last page.
        """
        request = self._next_request()
        response = self._lister.method(**self._lister.arguments(request))
        return SyncPage(self._lister, request, response)

    def next_page(self) -> SyncPage[T] | None:
        """The next page (one request), or ``None`` on the last page."""
        return self.get_next_page() if self.has_next_page() else None

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """This page, then each page after it (fetched as the loop reaches it)."""
        page: SyncPage[T] | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        """The items of this page and of every page after it."""
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_Page[T]):
    """One page of a list on the async client (see the module's docstring).

    Attributes:
        items: The page's items.
        response: The page's :class:`APIResponse` (status, headers, ``parse()``).
        request: What the page's request sent (:class:`PageRequest`).
    """

    async def get_next_page(self) -> AsyncPage[T]:
        """The next page (one request).

        Raises:
            LookupError: This is the last page.
        """
        request = self._next_request()
        response = await self._lister.method(**self._lister.arguments(request))
        return AsyncPage(self._lister, request, response)

    async def next_page(self) -> AsyncPage[T] | None:
        """The next page (one request), or ``None`` on the last page."""
        return await self.get_next_page() if self.has_next_page() else None

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page, then each page after it (``async for``)."""
        page: AsyncPage[T] | None = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        """The items of this page and of every page after it (``async for``)."""
        async for page in self.iter_pages():
            for item in page.items:
                yield item


def first_page(
    method: Callable[..., APIResponse[R]],
    arguments: Mapping[str, Any],
    rule: Rule,
    items: Callable[[R], Sequence[T]],
    follow: Sequence[str] = (),
    options: Mapping[str, Any] | None = None,
) -> SyncPage[T]:
    """The first page: ``method`` (an operation returning raw responses) called as ``rule`` says,
    with the caller's per-call ``options`` (on every page's call)."""
    lister: _Lister[R, T] = _Lister(method, rule, items, follow, options or {})
    request = rule.first(arguments)
    return SyncPage(lister, request, method(**lister.arguments(request)))


async def async_first_page(
    method: Callable[..., Awaitable[APIResponse[R]]],
    arguments: Mapping[str, Any],
    rule: Rule,
    items: Callable[[R], Sequence[T]],
    follow: Sequence[str] = (),
    options: Mapping[str, Any] | None = None,
) -> AsyncPage[T]:
    """:func:`first_page` on the async client."""
    lister: _Lister[R, T] = _Lister(method, rule, items, follow, options or {})
    request = rule.first(arguments)
    return AsyncPage(lister, request, await method(**lister.arguments(request)))


def iterate_items(first: Callable[[], SyncPage[T]]) -> Iterator[T]:
    """Every item of every page, the first page fetched when the iteration starts."""
    yield from first()


async def async_iterate_items(
    first: Callable[[], Awaitable[AsyncPage[T]]],
) -> AsyncIterator[T]:
    """:func:`iterate_items` on the async client (``async for``)."""
    async for item in await first():
        yield item
