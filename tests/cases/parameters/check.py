"""Path-item parameters, overrides, path/query/header locations; cookies are a warning."""

from __future__ import annotations

import inspect
from typing import Any

from tests.cases.harness import Recorder, client, spec_arguments

WARNINGS = [("unsupported-parameter-location", "/paths/~1stores~1{storeId}~1items/get/parameters/3")]


def check(package: Any, generated: Any) -> None:
    api = client(package, Recorder(body=["a"])).items
    signature = inspect.signature(api.list_items)
    assert spec_arguments(api.list_items) == ["store_id", "limit", "tags", "x_request_id"]  # path, body, query, header
    assert signature.parameters["limit"].default == 50

    recorder = Recorder(body=["a", "b"])
    items = client(package, recorder).items.list_items(store_id="s/1", x_request_id="req-1", tags=["x", "y"])
    sent = recorder.last
    assert sent.url.raw_path.startswith(b"/stores/s%2F1/items")
    assert sent.url.params["limit"] == "50" and sent.url.params.get_list("tags") == ["x", "y"]
    assert sent.headers["X-Request-ID"] == "req-1"
    assert items == ["a", "b"]
