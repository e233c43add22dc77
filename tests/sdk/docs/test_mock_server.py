"""The mock API the docs examples run against behaves as its docstring says."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.sdk.docs.mock_server import MockLeap, serve

MODEL = "26a1a203-3a46-42cb-8cfa-f4de075907d8"


@pytest.fixture(scope="module")
def mock() -> Iterator[tuple[httpx.Client, MockLeap]]:
    with serve() as (url, state), httpx.Client(base_url=url, headers={"Authorization": "Bearer k"}) as client:
        yield client, state


def test_a_created_job_moves_from_queued_to_finished_on_polls(mock: tuple[httpx.Client, MockLeap]) -> None:
    client, _ = mock
    created = client.post(f"/api/v1/images/models/{MODEL}/inferences", json={"prompt": "a fox", "steps": 30})
    assert created.status_code == 201
    job = created.json()
    assert (job["state"], job["status"], job["images"], job["prompt"], job["steps"]) == ("queued", "queued", [], "a fox", 30)
    seen = [client.get(f"/api/v1/images/models/{MODEL}/inferences/{job['id']}").json() for _ in range(3)]
    assert [j["state"] for j in seen] == ["processing", "finished", "finished"]
    assert seen[0]["images"] == [] and seen[1]["images"][0]["uri"].startswith("https://")


def test_a_model_in_training_finishes_too(mock: tuple[httpx.Client, MockLeap]) -> None:
    client, _ = mock
    model = client.post("/api/v2/images/models/new", data={"name": "m", "imageSampleUrls": "https://example.com/1.png"}).json()
    assert model["status"] == "queued"
    assert [client.get(f"/api/v2/images/models/{model['id']}").json()["status"] for _ in range(2)] == ["processing", "finished"]


def test_lists_stop_after_the_first_page(mock: tuple[httpx.Client, MockLeap]) -> None:
    client, _ = mock
    first = client.get(f"/api/v1/images/models/{MODEL}/inferences", params={"page": 0, "pageSize": 50}).json()
    assert len(first) == 1 and first[0]["id"]
    assert client.get(f"/api/v1/images/models/{MODEL}/inferences", params={"page": 1}).json() == []


def test_errors(mock: tuple[httpx.Client, MockLeap]) -> None:
    client, _ = mock
    missing = client.get("/api/v2/images/models/missing-1")
    assert missing.status_code == 404 and missing.json()["message"] == "Model does not exist"
    assert client.get("/no/such/route").status_code == 404
    assert httpx.get(f"{client.base_url}/api/v2/images/models").status_code == 401
    deleted = client.delete(f"/api/v1/images/models/{MODEL}/inferences/a047df00-8bdd-4d57-a9bd-6eebef36ecaa")
    assert deleted.status_code == 200 and deleted.content == b""
