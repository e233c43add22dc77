"""Run by the customisation test in a fresh interpreter: the extensions work, sync and async."""

from __future__ import annotations

import asyncio
import json

import httpx

import shop
from shop.lib.pets import AsyncPetsApi, PetsApi

PETS = [{"name": "Rex", "age": 3}, {"name": "Tom", "age": 7, "colour": "grey"}]


def answer(request: httpx.Request) -> httpx.Response:
    assert request.url.path == "/pets", request.url
    return httpx.Response(200, json=PETS)


def main() -> None:
    client = shop.Shop(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    assert isinstance(client.pets, PetsApi)
    oldest = client.pets.oldest()
    assert oldest is not None and oldest.name == "Tom"
    assert client.pet_names() == ["Rex", "Tom"]

    async def run() -> None:
        async_client = shop.AsyncShop(api_key="k", http_client=httpx.AsyncClient(transport=httpx.MockTransport(answer)))
        assert isinstance(async_client.pets, AsyncPetsApi)
        oldest = await async_client.pets.oldest()
        assert oldest is not None and oldest.name == "Tom"
        assert await async_client.pet_names() == ["Rex", "Tom"]

    asyncio.run(run())
    print(json.dumps({"ok": True, "operations": sorted(n for n in dir(client.pets) if not n.startswith("_"))}))


main()
