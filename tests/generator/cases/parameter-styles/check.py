"""Every style/explode the runtime's ``_params`` writes, in every location, sync and async, exactly as on the wire."""

from __future__ import annotations

import asyncio
import datetime
import inspect
from typing import Any

import httpx

from tests.generator.cases.harness import Recorder, async_client, both, client

WARNINGS: list[tuple[str, str]] = []

SEARCH = dict(
    ids=[1, 2],
    point={"R": 3, "G": 4},
    words=["a", "b"],
    pipes=["x", "y"],
    created={"gt": 10, "lte": 20},
    expand=["customer", "invoice.lines"],
    active=False,
    since=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
    filter={"k": "v"},
    x_tags=["a", "b"],
    x_dims={"R": 1, "G": 2},
    x_debug=True,
    prefs=["dark", "wide"],
    theme="x;y",
)
SEARCH_QUERY = (
    "ids=1%2C2&R=1&G=2&point=R%2C3%2CG%2C4&words=a+b&pipes=x%7Cy&created%5Bgt%5D=10&created%5Blte%5D=20"
    "&expand%5B0%5D=customer&expand%5B1%5D=invoice.lines&active=false&since=2024-01-02T03%3A04%3A05%2B00%3A00"
    "&filter=%7B%22k%22%3A%22v%22%7D"
)


def _calls(package: Any, recorder: Recorder) -> list[httpx.Request]:
    """The same calls through the blocking and the asyncio client; every request sent."""
    color = package.models.Color(R=1, G=2)
    sync = client(package, recorder).search
    assert sync.search(color=color, **SEARCH) == package.models.Count(count=3)
    sync.search(created=5)
    sync.get_shape(label=["a", "b/c"], matrix=["x", "y"], simple={"R": 1, "G": 2}, flag=None)
    sync.get_shape(label=["a"], matrix=[], simple=package.models.Color(R=1), flag=True)

    async def run() -> None:
        api = async_client(package, recorder).search
        assert (await api.search(color=color, **SEARCH)).count == 3
        await api.search(created=5)
        await api.get_shape(label=["a", "b/c"], matrix=["x", "y"], simple={"R": 1, "G": 2}, flag=None)
        await api.get_shape(label=["a"], matrix=[], simple=package.models.Color(R=1), flag=True)

    asyncio.run(run())
    return recorder.requests


def check(package: Any, generated: Any) -> None:
    flag = inspect.signature(client(package, Recorder()).search.get_shape).parameters["flag"]
    assert flag.default is inspect.Parameter.empty and "None" in str(flag.annotation)  # required, nullable

    recorder = Recorder(body={"count": 3})
    requests = _calls(package, recorder)
    assert len(requests) == 8
    for first, again in zip(requests[:4], requests[4:]):  # the asyncio client sends the very same requests
        assert first.url == again.url and first.headers.get("Cookie") == again.headers.get("Cookie")
        assert [(k, v) for k, v in first.headers.items() if k.startswith("x-")] == [(k, v) for k, v in again.headers.items() if k.startswith("x-")]

    search, created, shape, empty = requests[:4]
    assert search.url.query.decode() == SEARCH_QUERY
    assert search.headers["X-Tags"] == "a,b" and search.headers["X-Dims"] == "R=1,G=2" and search.headers["X-Debug"] == "true"
    assert search.headers["Cookie"] == "prefs=dark,wide; theme=x%3By"
    assert str(created.url) == "https://case.test/search?created=5" and "cookie" not in created.headers
    assert "x-tags" not in created.headers  # None: not sent
    assert shape.url.raw_path == b"/shapes/.a,b%2Fc/;matrix=x;matrix=y/R,1,G,2"  # flag=None: not sent
    assert empty.url.raw_path == b"/shapes/.a/;matrix/R,1?flag=true"

    # The docs' HTTP section and the docstrings say how each parameter is written.
    page = generated.files["docs/SearchApi.md"]
    assert "| `created` | query | [SearchCreatedOption1](models/SearchCreatedOption1.md) or integer | no | style `deepObject`, exploded (`created[x]=1&created[y]=2`) |" in page
    assert "| `matrix` | path | array of string | yes | style `matrix`, exploded (`;matrix=a;matrix=b`) |" in page
    assert "Cookie: prefs={prefs}; theme={theme}" in page
    doc = client(package, Recorder()).search.search.__doc__
    assert "Query parameter ``pipes``, style ``pipeDelimited``, not" in doc and "Cookie ``prefs``" in doc

    # Values that could change the path or the Cookie header's structure are encoded.
    odd = Recorder(body={"count": 0})
    api = client(package, odd).search
    api.get_shape(label=[""], matrix=["..", "a;b"], simple={"R": 1}, flag=None)
    assert odd.last.url.raw_path == b"/shapes/%2E/;matrix=%2E%2E;matrix=a%3Bb/R,1"
    api.search(theme="a=b; c", prefs=["x,y"])
    assert odd.last.headers["Cookie"] == "prefs=x%2Cy; theme=a%3Db%3B%20c"

    # allowReserved: RFC 3986's reserved characters and %XX triplets go out as they are, after
    # the other query items; "#" (it would end the URL), "%" alone and spaces are encoded.
    reserved = Recorder(body={"count": 1})
    text = "a:b/c?d[e]@f!$&'()*+,;=g#h%41 i%"
    both(package, reserved, lambda sdk: sdk.search.find(q=text, plain=":/ ", paths=["a/b", "c,d"], tags=["x:y", "z/w"]))
    assert reserved.last.url.query.decode() == "plain=%3A%2F+&q=a:b/c?d[e]@f!$&'()*+,;=g%23h%41%20i%25&paths=a/b,c,d&tags=x:y&tags=z/w"
    both(package, reserved, lambda sdk: sdk.search.find(q="a/b", extra_query={"q": "c/d"}))  # extra_query replaces it
    assert reserved.last.url.query.decode() == "q=c%2Fd"
    both(package, reserved, lambda sdk: sdk.search.find())
    assert reserved.last.url.query == b""
    assert "| `q` | query | string | no | style `form`, exploded, reserved characters unencoded (`allowReserved`) |" in page
