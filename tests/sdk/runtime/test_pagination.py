"""``list_all_iter`` against real local servers that count pages from 0 or from 1.

Each server is checked for the same thing: every job exactly once, in order, with a
bounded number of requests, each valid against the spec.
"""

from __future__ import annotations

import asyncio
import inspect

import pytest

import leap
from leap import AsyncLeap, Leap
from leap.models import InferenceEntity
from tests.conftest import load_spec
from tests.sdk.contract.conftest import API_KEY
from tests.sdk.runtime.jobs import PagedServer
from tests.sdk.runtime.server import LocalServer

CONVENTIONS = ["zero", "one-clamp", "one-empty"]
SIZES = [0, 3, 5, 10, 23]  # no page, one short page, one full page, two full pages, many pages


def collect(mode: str, url: str, *, page_size: int, limit: int | None = None, **kwargs: object) -> list[InferenceEntity]:
    """The first ``limit`` (or all) items of ``list_all_iter`` through Leap or AsyncLeap."""
    if mode == "sync":
        with Leap(api_key=API_KEY, base_url=url) as client:
            items = []
            for job in client.images.list_all_iter(model_id="m", page_size=page_size, **kwargs):  # type: ignore[arg-type]
                items.append(job)
                if limit is not None and len(items) == limit:
                    break
            return items

    async def run() -> list[InferenceEntity]:
        async with AsyncLeap(api_key=API_KEY, base_url=url) as client:
            items = []
            async for job in client.images.list_all_iter(model_id="m", page_size=page_size, **kwargs):  # type: ignore[arg-type]
                items.append(job)
                if limit is not None and len(items) == limit:
                    break
            return items

    return asyncio.run(run())


@pytest.mark.parametrize("total", SIZES)
@pytest.mark.parametrize("convention", CONVENTIONS)
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_every_item_once_in_order_whichever_page_comes_first(mode: str, convention: str, total: int) -> None:
    pages = PagedServer(total, convention)
    with LocalServer(pages) as server:
        jobs = collect(mode, server.url, page_size=5)
    assert [job.id for job in jobs] == pages.ids
    assert all(isinstance(job, InferenceEntity) for job in jobs)
    full_pages = total // 5
    assert len(pages.pages_asked) <= full_pages + 3  # the pages, one short or empty page, at most one probe
    assert pages.pages_asked[0] == 0 and pages.pages_asked == sorted(set(pages.pages_asked))
    assert pages.invalid == []
    assert all(request.url.params["pageSize"] == "5" for request in server.requests)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_zero_based_server_gets_exactly_the_pages_it_has(mode: str) -> None:
    pages = PagedServer(12, "zero")
    with LocalServer(pages) as server:
        collect(mode, server.url, page_size=5)
    assert pages.pages_asked == [0, 1, 2]  # 5 + 5 + 2: the short page ends it


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_server_that_ignores_the_page_cannot_loop_forever(mode: str) -> None:
    pages = PagedServer(30, "ignore")
    with LocalServer(pages) as server:
        jobs = collect(mode, server.url, page_size=5)
    assert [job.id for job in jobs] == pages.ids[:5]
    assert pages.pages_asked == [0, 1, 2]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_pages_are_fetched_only_when_needed(mode: str) -> None:
    pages = PagedServer(50, "zero")
    with LocalServer(pages) as server:
        jobs = collect(mode, server.url, page_size=5, limit=6)
    assert len(jobs) == 6 and pages.pages_asked == [0, 1]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_filters_are_sent_with_every_page(mode: str) -> None:
    pages = PagedServer(7, "zero")
    with LocalServer(pages) as server:
        collect(mode, server.url, page_size=5, only_finished=True)
    assert [r.url.params.get("onlyFinished") for r in server.requests] == ["true", "true"]


def test_a_page_size_below_one_is_refused_before_any_request() -> None:
    pages = PagedServer(7, "zero")
    with LocalServer(pages) as server, pytest.raises(ValueError, match="page_size"):
        collect("sync", server.url, page_size=0)
    assert server.count() == 0


def test_the_iterator_is_generated_from_x_pagination() -> None:
    paging = load_spec()["paths"]["/api/v1/images/models/{modelId}/inferences"]["get"]["x-pagination"]
    for api in (leap.resources.ImagesApi, leap.resources.AsyncImagesApi):
        params = inspect.signature(api.list_all_iter).parameters
        assert "page" not in params  # the iterator owns the page number
        assert params["page_size"].default == paging["defaultPageSize"]
    assert inspect.isasyncgenfunction(leap._pagination.async_iterate_pages)


def walk_pages(mode: str, url: str, **kwargs: object) -> tuple[list[list[str]], list[bool]]:
    """The ids of each page ``list_all_pages`` gives, and ``has_next_page()`` of each."""
    if mode == "sync":
        with Leap(api_key=API_KEY, base_url=url) as client:
            first = client.images.list_all_pages(model_id="m", **kwargs)  # type: ignore[arg-type]
            assert isinstance(first, leap.SyncPage)
            pages = list(first.iter_pages())
            return [[job.id for job in page.items] for page in pages], [page.has_next_page() for page in pages]

    async def run() -> tuple[list[list[str]], list[bool]]:
        async with AsyncLeap(api_key=API_KEY, base_url=url) as client:
            first = await client.images.list_all_pages(model_id="m", **kwargs)  # type: ignore[arg-type]
            assert isinstance(first, leap.AsyncPage)
            pages = [page async for page in first.iter_pages()]
            return [[job.id for job in page.items] for page in pages], [page.has_next_page() for page in pages]

    return asyncio.run(run())


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_list_all_pages_walks_page_after_page(mode: str) -> None:
    pages = PagedServer(12, "zero")
    with LocalServer(pages) as server:
        ids, more = walk_pages(mode, server.url, page_size=5, only_finished=True)
    assert ids == [pages.ids[0:5], pages.ids[5:10], pages.ids[10:12]]
    assert more == [True, True, False]
    assert pages.pages_asked == [0, 1, 2] and pages.invalid == []
    assert [(r.url.params["page"], r.url.params["pageSize"], r.url.params["onlyFinished"]) for r in server.requests] == [("0", "5", "true"), ("1", "5", "true"), ("2", "5", "true")]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_full_last_page_costs_one_empty_page(mode: str) -> None:
    pages = PagedServer(10, "zero")
    with LocalServer(pages) as server:
        ids, more = walk_pages(mode, server.url, page_size=5)
    assert ids == [pages.ids[0:5], pages.ids[5:10], []] and more == [True, True, False]


def test_a_page_knows_its_response_and_what_comes_next() -> None:
    pages = PagedServer(7, "zero")
    with LocalServer(pages) as server, Leap(api_key=API_KEY, base_url=server.url) as client:
        first = client.images.list_all_pages(model_id="m", page_size=5)
        info = first.next_page_info()
        assert info is not None and info.arguments["page"] == 1 and info.url is None
        assert first.response.status_code == 200 and [job.id for job in first.body] == pages.ids[:5]
        assert [job.id for job in first] == pages.ids  # iterating a page goes on to the later pages
        last = first.get_next_page()
        assert not last.has_next_page() and last.next_page() is None
        with pytest.raises(LookupError, match="last page"):
            last.get_next_page()
        assert repr(last) == "SyncPage(items=2, has_next_page=False)"
