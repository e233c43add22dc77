"""Servers of an operation or path item: sent there while the client has its default base URL,
to the client's base URL when it was given another; blocking and asyncio clients alike."""

from __future__ import annotations

import asyncio
from types import ModuleType
from typing import Any

import httpx

from tests.generator.cases.harness import Recorder, both

WARNINGS: list[tuple[str, str]] = []


def _urls(package: ModuleType, recorder: Recorder, **client_options: Any) -> list[str]:
    """The URLs the four operations are sent to, by the blocking and then the asyncio client."""
    recorder.requests.clear()
    with package.Client(http_client=httpx.Client(transport=httpx.MockTransport(recorder)), **client_options) as client:
        client.media.upload_file(content=b"x")
        client.media.create_video()
        client.media.get_item()
        client.media.clear_items()

    async def run() -> None:
        async with package.AsyncClient(http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)), **client_options) as client:
            await client.media.upload_file(content=b"x")
            await client.media.create_video()
            await client.media.get_item()
            await client.media.clear_items()

    asyncio.run(run())
    return [str(r.url) for r in recorder.requests]


def check(package: ModuleType, generated: Any) -> None:
    recorder = Recorder(body={"id": "i1"})
    assert package.Client.default_base_url == "https://case.test"

    # The default base URL: each operation goes to its own server (the path item's for the upload,
    # its variable's default filled in; /v2 resolved against the document's server).
    spec_servers = ["https://eu.upload.case.test/api/files/content", "https://case.test/v2/videos", "https://case.test/items", "https://case.test/items"]
    assert _urls(package, recorder) == spec_servers * 2
    item = both(package, recorder, lambda c: c.media.create_video())
    assert item.id == "i1" and str(recorder.last.url) == "https://case.test/v2/videos"

    # Another base URL (a test server): every operation goes there, under its own path.
    local = ["http://127.0.0.1:9/files/content", "http://127.0.0.1:9/videos", "http://127.0.0.1:9/items", "http://127.0.0.1:9/items"]
    assert _urls(package, recorder, base_url="http://127.0.0.1:9") == local * 2

    # Two operations pass their server (in the blocking and the asyncio class); the one whose server is the document's own passes none.
    source = generated.files["case_operation_servers/resources/media.py"]
    assert source.count("server_url=") == 4, source
