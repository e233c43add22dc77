"""Inline objects are models named after their parent."""

from __future__ import annotations

from typing import Any

from tests.cases.harness import Recorder, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    for name in ("OrderCustomer", "OrderCustomerAddress", "OrderLinesItem", "GetOrderResponse", "GetOrderResponseShipment"):
        assert name in models.__all__, name
    answer = {"order": {"customer": {"name": "Ann", "address": {"city": "Oslo"}}, "lines": [{"sku": "x", "quantity": 2}]}, "shipment": {"carrier": "DHL"}}
    recorder = Recorder(body=answer)
    result = client(package, recorder).orders.get_order(id=42)
    assert recorder.last.url.path == "/orders/42"
    assert isinstance(result, models.GetOrderResponse)
    assert isinstance(result.order.customer.address, models.OrderCustomerAddress) and result.order.customer.address.city == "Oslo"
    assert isinstance(result.order.lines[0], models.OrderLinesItem) and result.order.lines[0].quantity == 2
    assert result.shipment is not None and result.shipment.carrier == "DHL"
    assert result.to_dict() == answer
