# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""How the next page of a list is asked for, one class per pagination style of ``x-pagination``.

Each rule gives the first request (:meth:`first`) and, from a page's answer, the next one
(:meth:`next`), or ``None`` when the page is the last:

- :class:`PageNumbers`: ``page=0, 1, 2 ...``; a page with fewer items than the page size is the last.
- :class:`Offsets`: ``offset=0, 10, 20 ...`` (the items received so far); an empty or short page is the last.
- :class:`Cursors`: the cursor the answer gives (``next_cursor``) is sent back; none (or ``has_more``
  false) ends the list.
- :class:`CursorIds`: the last item's id is sent back (Stripe's ``starting_after``) while ``has_more``.
- :class:`NextUrls`: the URL the answer's body gives (a ``next`` link) is followed.
- :class:`LinkHeaders`: the URL of the ``Link`` header's ``rel="next"`` (RFC 8288) is followed.

A request that would repeat the one just sent (a server that sends back the same cursor or
URL) ends the list, so no server can make an iteration loop forever.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import httpx

__all__ = [
    "CursorIds",
    "Cursors",
    "LinkHeaders",
    "NextUrls",
    "Offsets",
    "PageNumbers",
    "PageRequest",
    "Rule",
]


class PageRequest:
    """What one page's request sends.

    Attributes:
        arguments: The operation's keyword arguments.
        url: The next page's URL, for the styles that follow one (``None``: the operation's own);
            its query replaces the operation's optional query parameters.
    """

    __slots__ = ("arguments", "url")

    def __init__(self, arguments: Mapping[str, Any], url: str | None = None) -> None:
        self.arguments = arguments
        self.url = url

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PageRequest) and (self.arguments, self.url) == (
            other.arguments,
            other.url,
        )

    def __repr__(self) -> str:
        return f"PageRequest(arguments={dict(self.arguments)!r}, url={self.url!r})"


class Rule:
    """The first request of a list and the request after each page (``None``: it was the last)."""

    __slots__ = ()

    def first(self, arguments: Mapping[str, Any]) -> PageRequest:
        return PageRequest(arguments)

    def next(
        self,
        sent: PageRequest,
        body: Any,
        items: Sequence[Any],
        response: httpx.Response,
    ) -> PageRequest | None:
        raise NotImplementedError


def _with(sent: PageRequest, argument: str, value: Any) -> PageRequest | None:
    """``sent`` with ``argument`` set to ``value``; ``None`` when that changes nothing."""
    if value is None or value == "" or sent.arguments.get(argument) == value:
        return None
    return PageRequest({**sent.arguments, argument: value})


def _full(items: Sequence[Any], sent: PageRequest, size_argument: str) -> bool:
    """Whether a page is as long as the page size asked for (always, when none was)."""
    size = sent.arguments.get(size_argument) if size_argument else None
    return bool(items) and (size is None or len(items) >= size)


class PageNumbers(Rule):
    """Page numbers from ``first_page``; a short page is the last."""

    __slots__ = ("argument", "size_argument", "first_page")

    def __init__(self, argument: str, size_argument: str, first_page: int = 0) -> None:
        self.argument = argument
        self.size_argument = size_argument
        self.first_page = first_page

    def first(self, arguments: Mapping[str, Any]) -> PageRequest:
        return PageRequest({**arguments, self.argument: self.first_page})

    def next(
        self,
        sent: PageRequest,
        body: Any,
        items: Sequence[Any],
        response: httpx.Response,
    ) -> PageRequest | None:
        if not _full(items, sent, self.size_argument):
            return None
        return _with(sent, self.argument, sent.arguments[self.argument] + 1)


class Offsets(Rule):
    """The number of items to skip, from 0; an empty or short page is the last."""

    __slots__ = ("argument", "size_argument")

    def __init__(self, argument: str, size_argument: str = "") -> None:
        self.argument = argument
        self.size_argument = size_argument

    def first(self, arguments: Mapping[str, Any]) -> PageRequest:
        return PageRequest({**arguments, self.argument: 0})

    def next(
        self,
        sent: PageRequest,
        body: Any,
        items: Sequence[Any],
        response: httpx.Response,
    ) -> PageRequest | None:
        if not _full(items, sent, self.size_argument):
            return None
        return _with(sent, self.argument, sent.arguments[self.argument] + len(items))


class Cursors(Rule):
    """The cursor a page gives for the next one; none, or ``has_more`` false, ends the list."""

    __slots__ = ("argument", "next_cursor", "has_more")

    def __init__(
        self,
        argument: str,
        next_cursor: Callable[[Any], Any],
        has_more: Callable[[Any], Any] | None = None,
    ) -> None:
        self.argument = argument
        self.next_cursor = next_cursor
        self.has_more = has_more

    def next(
        self,
        sent: PageRequest,
        body: Any,
        items: Sequence[Any],
        response: httpx.Response,
    ) -> PageRequest | None:
        if self.has_more is not None and not self.has_more(body):
            return None
        return _with(sent, self.argument, self.next_cursor(body))


class CursorIds(Rule):
    """The last item's key, while ``has_more`` (Stripe's ``starting_after``)."""

    __slots__ = ("argument", "key", "has_more")

    def __init__(
        self,
        argument: str,
        key: Callable[[Any], Hashable],
        has_more: Callable[[Any], Any],
    ) -> None:
        self.argument = argument
        self.key = key
        self.has_more = has_more

    def next(
        self,
        sent: PageRequest,
        body: Any,
        items: Sequence[Any],
        response: httpx.Response,
    ) -> PageRequest | None:
        if not items or not self.has_more(body):
            return None
        return _with(sent, self.argument, self.key(items[-1]))


def _follow(
    sent: PageRequest, url: Any, response: httpx.Response
) -> PageRequest | None:
    """A request for ``url`` (relative to the page's own URL); ``None`` for no URL or the same again."""
    if not url:
        return None
    here = response.request.url
    target = here.join(str(url))
    if target == here:
        return None
    if (target.scheme, target.host, target.port, target.path) != (
        here.scheme,
        here.host,
        here.port,
        here.path,
    ):
        raise ValueError(
            f"the next page's URL is not on {here.path}, the path of the operation: "
            "the SDK follows only URLs that change the query"
        )
    return PageRequest(sent.arguments, str(target))


class NextUrls(Rule):
    """The URL of the next page, from the page's body (e.g. its ``next`` property)."""

    __slots__ = ("next_url",)

    def __init__(self, next_url: Callable[[Any], Any]) -> None:
        self.next_url = next_url

    def next(
        self,
        sent: PageRequest,
        body: Any,
        items: Sequence[Any],
        response: httpx.Response,
    ) -> PageRequest | None:
        return _follow(sent, self.next_url(body), response)


class LinkHeaders(Rule):
    """The URL of the ``Link`` header's ``rel="next"`` (RFC 8288; ``rel`` may hold several types)."""

    def next(
        self,
        sent: PageRequest,
        body: Any,
        items: Sequence[Any],
        response: httpx.Response,
    ) -> PageRequest | None:
        url = next(
            (
                link.get("url")
                for rel, link in response.links.items()
                if rel and "next" in rel.lower().split()
            ),
            None,
        )
        return _follow(sent, url, response)
