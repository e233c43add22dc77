"""The IR of the ``x-`` extensions an operation carries: ``x-waiter``, ``x-pagination`` and ``x-retries``
(``links`` to a waiter are :class:`generator.ir.operations.AndWait`)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.types import PyType


@dataclass(frozen=True)
class Waiter:
    """``x-waiter`` of an operation that reads a job: a ``wait`` method polling it."""

    name: str  # Python method name, e.g. "wait"
    state_fields: tuple[str, ...]  # Python attribute names of the response model, first set wins
    success: tuple[str, ...]
    failure: tuple[str, ...]
    delay: float  # seconds before the second poll
    max_delay: float  # cap of the pause between polls, seconds
    timeout: float  # default of the whole wait, seconds
    pointer: str


@dataclass(frozen=True)
class Pagination:
    """``x-pagination`` of a list operation: ``<operation>_iter`` over every item and
    ``<operation>_pages`` over the pages (``SyncPage`` / ``AsyncPage``).

    ``style`` says how the next page is asked for: ``page`` (page numbers), ``offset``
    (offset + limit), ``cursor`` (a cursor the response gives), ``cursor-id`` (the last
    item's key, and a has-more flag: Stripe's ``starting_after``), ``next-url`` (a URL the
    response body gives) or ``link-header`` (the ``Link`` header's ``rel="next"``).
    """

    name: str  # Python method name of the item iterator, e.g. "list_all_iter"
    page_argument: str  # Python name of the argument that says which page (page number, offset, cursor); "" for the URL styles
    size_argument: str  # Python name of the page-size argument; "" when the operation has none
    first_page: int
    default_page_size: int
    items_expression: str  # Python expression of the list in ``response``: "response", "response.data"
    item_type: PyType
    key_expression: str  # Python expression identifying ``item``, e.g. "item.id"; "" when items have none
    pointer: str
    style: str = "page"
    pages_name: str = ""  # Python method name of the page getter, e.g. "list_all_pages"
    next_expression: str = ""  # Python expression of ``response``: the next cursor (cursor) or URL (next-url); ""
    has_more_expression: str = ""  # Python expression of ``response``: more pages after this one; ""
    #: The arguments a URL style passes again when it follows a next URL (the URL's query replaces
    #: the operation's optional query parameters).
    follow_arguments: tuple[str, ...] = ()


@dataclass(frozen=True)
class RetryRule:
    """``x-retries`` of an operation (or of the document): its own retry statuses and waits."""

    status_codes: tuple[int, ...]  # the statuses retried; () keeps the SDK's (408, 429, 5xx)
    initial_delay: float  # seconds before the first retry
    max_delay: float  # the longest wait, seconds
    pointer: str
