"""Every pagination style of ``x-pagination``: each list of 5 items is read across 3 pages of 2,
through ``<operation>_iter`` and ``<operation>_pages``, on the blocking and the asyncio client,
with the query each style sends for each page."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from tests.generator.cases.harness import BASE_URL, Recorder, async_client, client

WARNINGS: list[tuple[str, str]] = []

ITEMS = [{"id": f"i{n}", "n": n} for n in range(5)]


def _slice(start: int) -> list[dict[str, Any]]:
    return ITEMS[start : start + 2]


def _repos_link(page: int) -> str:
    links = [f'<{BASE_URL}/orgs/acme/repos?per_page=2&page={page + 1}>; rel="next"'] if page < 3 else []
    return ", ".join(links + [f'<{BASE_URL}/orgs/acme/repos?per_page=2&page=1>; rel="first"'])


def answer(request: httpx.Request) -> httpx.Response:
    """The server: each list has ITEMS, 2 a page."""
    q = request.url.params
    path = request.url.path
    if path == "/pages":
        return httpx.Response(200, json={"data": _slice(int(q["page"]) * 2)})
    if path == "/offsets":
        return httpx.Response(200, json=_slice(int(q["offset"])))
    if path == "/cursors":
        start = int(q.get("cursor", "c0")[1:])
        return httpx.Response(200, json={"items": _slice(start), "next_cursor": f"c{start + 2}" if start + 2 < 5 else None})
    if path == "/charges":
        start = [i["id"] for i in ITEMS].index(q["starting_after"]) + 1 if "starting_after" in q else 0
        return httpx.Response(200, json={"data": _slice(start), "has_more": start + 2 < 5})
    if path == "/links":
        start = int(q.get("token", "t0")[1:])
        nxt = None if start + 2 >= 5 else f"{BASE_URL}/links?page_size=2&token=t{start + 2}" if start == 0 else f"/links?page_size=2&token=t{start + 2}"
        return httpx.Response(200, json={"results": _slice(start), "next": nxt})
    if path == "/meta-cursors":  # a cursor on every page: has_more false ends the list
        start = int(q.get("cursor", "c0")[1:])
        return httpx.Response(200, json={"data": _slice(start), "meta": {"next_cursor": f"c{start + 2}", "has_more": start + 2 < 5}})
    if path == "/nested-links":  # no links object on the last page
        start = int(q.get("token", "t0")[1:])
        links = {"links": {"next": f"/nested-links?page_size=2&token=t{start + 2}"}} if start + 2 < 5 else {}
        return httpx.Response(200, json={"page": {"results": _slice(start)}, **links})
    if path == "/orgs/acme/repos":
        page = int(q.get("page", "1"))
        return httpx.Response(200, json=_slice((page - 1) * 2), headers={"Link": _repos_link(page)})
    return httpx.Response(404, json={})


#: (method, arguments, the query of each of the 3 requests)
LISTS: list[tuple[str, dict[str, Any], list[dict[str, str]]]] = [
    ("list_pages", {}, [{"page": "0", "pageSize": "2"}, {"page": "1", "pageSize": "2"}, {"page": "2", "pageSize": "2"}]),
    ("list_offsets", {}, [{"offset": "0", "limit": "2"}, {"offset": "2", "limit": "2"}, {"offset": "4", "limit": "2"}]),
    ("list_cursors", {}, [{"limit": "2"}, {"cursor": "c2", "limit": "2"}, {"cursor": "c4", "limit": "2"}]),
    (
        "list_charges",
        {"customer": "cus_1"},
        [{"limit": "2", "customer": "cus_1"}, {"starting_after": "i1", "limit": "2", "customer": "cus_1"}, {"starting_after": "i3", "limit": "2", "customer": "cus_1"}],
    ),
    ("list_links", {}, [{"page_size": "2"}, {"page_size": "2", "token": "t2"}, {"page_size": "2", "token": "t4"}]),
    ("list_meta_cursors", {}, [{"limit": "2"}, {"cursor": "c2", "limit": "2"}, {"cursor": "c4", "limit": "2"}]),
    ("list_nested_links", {}, [{"page_size": "2"}, {"page_size": "2", "token": "t2"}, {"page_size": "2", "token": "t4"}]),
    ("list_repos", {"org": "acme", "sort": "name"}, [{"per_page": "2", "sort": "name"}, {"per_page": "2", "page": "2"}, {"per_page": "2", "page": "3"}]),
]


def _queries(recorder: Recorder) -> list[dict[str, str]]:
    return [dict(r.url.params) for r in recorder.requests]


def _sync(package: Any, method: str, arguments: dict[str, Any]) -> tuple[list[str], list[dict[str, str]], list[dict[str, str]], list[list[str]]]:
    items = Recorder(answer=answer)
    ids = [item.id for item in getattr(client(package, items).items, method + "_iter")(**arguments)]
    pages = Recorder(answer=answer)
    page = getattr(client(package, pages).items, method + "_pages")(**arguments)
    assert isinstance(page, package.SyncPage) and page.has_next_page() and page.next_page_info() is not None
    walked = [[item.id for item in p.items] for p in page.iter_pages()]
    last = page.get_next_page().get_next_page()
    assert not last.has_next_page() and last.next_page() is None and last.next_page_info() is None
    try:
        last.get_next_page()
    except LookupError:
        pass
    else:
        raise AssertionError("get_next_page on the last page raises LookupError")
    assert [item.id for item in page] == ids  # a page iterates over its items and the later pages'
    return ids, _queries(items), _queries(pages)[:3], walked


async def _async(package: Any, method: str, arguments: dict[str, Any]) -> tuple[list[str], list[dict[str, str]], list[dict[str, str]], list[list[str]]]:
    items = Recorder(answer=answer)
    ids = [item.id async for item in getattr(async_client(package, items).items, method + "_iter")(**arguments)]
    pages = Recorder(answer=answer)
    page = await getattr(async_client(package, pages).items, method + "_pages")(**arguments)
    assert isinstance(page, package.AsyncPage) and page.has_next_page()
    walked = [[item.id for item in p.items] async for p in page.iter_pages()]
    last = await (await page.get_next_page()).get_next_page()
    assert not last.has_next_page() and await last.next_page() is None
    assert [item.id async for item in page] == ids
    return ids, _queries(items), _queries(pages)[:3], walked


def check(package: Any, generated: Any) -> None:
    for method, arguments, queries in LISTS:
        for run in (lambda: _sync(package, method, arguments), lambda: asyncio.run(_async(package, method, arguments))):
            ids, item_queries, page_queries, walked = run()
            assert ids == [i["id"] for i in ITEMS], (method, ids)
            assert item_queries == queries, (method, item_queries)
            assert page_queries == queries, (method, page_queries)
            assert walked == [["i0", "i1"], ["i2", "i3"], ["i4"]], (method, walked)
    for run_options in (_sync_options, lambda package, method, arguments: asyncio.run(_async_options(package, method, arguments))):
        for method, arguments, _ in LISTS:
            run_options(package, method, arguments)
    _check_no_endless_loop(package)
    _check_sources(generated)


#: The per-call options given to ``_iter`` and ``_pages``: each page's request carries them.
OPTIONS = {"extra_headers": {"X-Trace": "t1"}, "extra_query": {"debug": "1"}, "timeout": 7.0, "max_retries": 0}


def _assert_options(method: str, recorder: Recorder) -> None:
    assert len(recorder.requests) == 3, (method, len(recorder.requests))
    for request in recorder.requests:
        assert request.headers["X-Trace"] == "t1", (method, request.url)
        assert request.url.params["debug"] == "1", (method, request.url)
        assert request.extensions["timeout"]["read"] == 7.0, (method, request.extensions["timeout"])


def _sync_options(package: Any, method: str, arguments: dict[str, Any]) -> None:
    items = Recorder(answer=answer)
    assert len(list(getattr(client(package, items).items, method + "_iter")(**arguments, **OPTIONS))) == 5
    _assert_options(method, items)
    pages = Recorder(answer=answer)
    page = getattr(client(package, pages).items, method + "_pages")(**arguments, **OPTIONS)
    assert len(list(page.iter_pages())) == 3
    _assert_options(method, pages)
    failing = Recorder(status=500, body={})  # max_retries=0: one request, no retry
    try:
        list(getattr(client(package, failing).items, method + "_iter")(**arguments, **OPTIONS))
    except package.InternalServerError:
        pass
    assert len(failing.requests) == 1, (method, len(failing.requests))


async def _async_options(package: Any, method: str, arguments: dict[str, Any]) -> None:
    items = Recorder(answer=answer)
    assert len([item async for item in getattr(async_client(package, items).items, method + "_iter")(**arguments, **OPTIONS)]) == 5
    _assert_options(method, items)
    pages = Recorder(answer=answer)
    page = await getattr(async_client(package, pages).items, method + "_pages")(**arguments, **OPTIONS)
    assert len([p async for p in page.iter_pages()]) == 3
    _assert_options(method, pages)


def _check_no_endless_loop(package: Any) -> None:
    """A server that sends back the cursor it was given, or the URL it was asked, ends the list."""
    same_cursor = Recorder(answer=lambda r: httpx.Response(200, json={"items": _slice(0), "next_cursor": "c2"}))
    assert len(list(client(package, same_cursor).items.list_cursors_iter())) == 4
    assert len(same_cursor.requests) == 2
    same_url = Recorder(answer=lambda r: httpx.Response(200, json=_slice(0), headers={"Link": f'<{r.url}>; rel="next"'}))
    assert len(list(client(package, same_url).items.list_repos_iter(org="acme"))) == 2


def _check_sources(generated: Any) -> None:
    source = generated.files["case_pagination/resources/items.py"]
    assert "def list_cursors_pages(\n        self,\n        *,\n        limit: int = 2,\n        extra_headers: Headers | None = None," in source
    assert "max_retries: int | None = None,\n    ) -> SyncPage[Item]:" in source
    assert "async def list_charges_pages(" in source and "-> AsyncPage[Item]:" in source
    assert "cursor:" not in source.split("def list_cursors_iter(")[1].split(")")[0]  # the position is the SDK's
    # dotted paths: a required object read through, an optional one guarded
    assert "lambda response: response.meta.next_cursor,\n                lambda response: response.meta.has_more," in source
    assert "response.links.next if response.links is not None else None" in source and "(``response.links.next``)" in source
    assert "lambda response: response.page.results," in source
