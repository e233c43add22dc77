"""Iterate over every item of a paged list: the machinery behind the generated ``*_iter`` methods.

The iterator asks for page after page and stops at the first page with fewer items than
``page_size`` (an empty page included). It is lazy: a page is fetched only when the
items before it have been consumed.

Servers count pages from 0 or from 1, and the spec's ``x-pagination.firstPage`` may be
wrong about which. Starting at page 0 is correct for both when items carry a key (the
spec's ``itemKey``): a server counting from 1 either answers page 0 with page 1 (the
repeated items are skipped, and the full page of repeats does not end the iteration) or
with an empty page (then page 1 is asked once before giving up). A page of only
repeated items after that ends the iteration, so a server that ignores the page
parameter cannot make it loop forever.
"""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Hashable,
    Iterator,
    Sequence,
)
from typing import Generic, TypeVar

T = TypeVar("T")
P = TypeVar("P")


class _Pager(Generic[T]):
    """Which page comes next, and which items are new."""

    def __init__(
        self, first_page: int, page_size: int, key: Callable[[T], Hashable] | None
    ) -> None:
        if page_size < 1:
            raise ValueError(f"page_size must be at least 1, not {page_size}")
        self.page = first_page
        self.first_page = first_page
        self.page_size = page_size
        self.key = key
        self.seen: set[Hashable] = set()

    def new_items(self, items: Sequence[T]) -> list[T]:
        if self.key is None:
            return list(items)
        fresh = []
        for item in items:
            key = self.key(item)
            if key not in self.seen:
                self.seen.add(key)
                fresh.append(item)
        return fresh

    def advance(self, items: Sequence[T], fresh: Sequence[T]) -> bool:
        """Move to the next page; ``False`` when there is none to fetch."""
        on_first = self.page == self.first_page
        self.page += 1
        if not items:
            # A server counting from 1 may answer page 0 with nothing: ask page 1 once.
            return on_first and self.first_page == 0 and self.key is not None
        if len(items) < self.page_size:
            return False
        # A full page of repeats right after the first is a 1-based server's page 1 again.
        return bool(fresh) or self.page == self.first_page + 2


def iterate_pages(
    fetch: Callable[[int], P],
    items: Callable[[P], Sequence[T]],
    *,
    first_page: int,
    page_size: int,
    key: Callable[[T], Hashable] | None = None,
) -> Iterator[T]:
    """Every item of every page: ``fetch(page)`` gets one page, ``items`` takes its list."""
    pager = _Pager(first_page, page_size, key)
    while True:
        page_items = items(fetch(pager.page))
        fresh = pager.new_items(page_items)
        yield from fresh
        if not pager.advance(page_items, fresh):
            return


async def async_iterate_pages(
    fetch: Callable[[int], Awaitable[P]],
    items: Callable[[P], Sequence[T]],
    *,
    first_page: int,
    page_size: int,
    key: Callable[[T], Hashable] | None = None,
) -> AsyncIterator[T]:
    """:func:`iterate_pages` for coroutines (use with ``async for``)."""
    pager = _Pager(first_page, page_size, key)
    while True:
        page_items = items(await fetch(pager.page))
        fresh = pager.new_items(page_items)
        for item in fresh:
            yield item
        if not pager.advance(page_items, fresh):
            return
