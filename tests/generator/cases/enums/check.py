"""String and integer enums: closed in arguments, open in models."""

from __future__ import annotations

import inspect
import typing
from typing import Any

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    assert typing.get_args(models.Status) == ("placed", "approved", "delivered")
    assert typing.get_args(models.Priority) == (1, 2, 3)
    source = generated.files["case_enums/models/order.py"]
    assert "status: Status | str" in source and "priority: Priority | int | None = None" in source
    assert 'channel: Literal["web", "phone"] | str | None = None' in source
    signature = generated.files["case_enums/resources/orders.py"]
    assert "status: Status | None = None" in signature and "priority: Priority | None = None" in signature

    recorder = Recorder(body=[{"status": "approved", "priority": 2, "channel": "web"}, {"status": "returned", "priority": 9, "channel": "fax"}])
    orders = client(package, recorder).orders.list_orders(status="approved", priority=2)
    assert dict(recorder.last.url.params) == {"status": "approved", "priority": "2"}
    assert [(o.status, o.priority, o.channel) for o in orders] == [("approved", 2, "web"), ("returned", 9, "fax")]
    assert "priority" in inspect.signature(client(package, recorder).orders.list_orders).parameters

    # A request body takes the listed values (closed arguments); the answer keeps unknown ones,
    # also inside an array of enums.
    assert "status: Status," in signature and "history: list[Status] | None = None" in signature
    assert "history: list[Status | str] | None = None" in source
    recorder = Recorder(status=201, body={"status": "lost", "priority": 7, "history": ["placed", "lost"]})
    order = both(package, recorder, lambda sdk: sdk.orders.create_order(status="placed", priority=3, channel="phone", history=["placed"]))
    assert recorder.last_json() == {"status": "placed", "priority": 3, "channel": "phone", "history": ["placed"]}
    assert (order.status, order.priority, order.history) == ("lost", 7, ["placed", "lost"])
