"""Inline objects are models named after their parent."""

from __future__ import annotations

from typing import Any

from tests.generator.cases.harness import Recorder, both, client

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

    # A request body's inline objects are named after the operation (CreateOrderRequest...) and
    # travel as nested JSON; the answer's inline objects parse into theirs (blocking and asyncio).
    assert "gift: CreateOrderRequestGift | None = None" in generated.files["case_inline_objects/resources/orders.py"]
    order = models.Order(customer=models.OrderCustomer(name="Bo", address=models.OrderCustomerAddress(city="Rome")), lines=[models.OrderLinesItem(sku="y", quantity=1)])
    gift = models.CreateOrderRequestGift(message="hi", wrapping=models.CreateOrderRequestGiftWrapping(colour="red"))
    recorder = Recorder(status=201, body=answer["order"])
    stored = both(package, recorder, lambda sdk: sdk.orders.create_order(order=order, gift=gift))
    sent = {"order": {"customer": {"name": "Bo", "address": {"city": "Rome"}}, "lines": [{"sku": "y", "quantity": 1}]}, "gift": {"message": "hi", "wrapping": {"colour": "red"}}}
    assert recorder.last_json() == sent
    assert isinstance(stored, models.Order) and isinstance(stored.lines[0], models.OrderLinesItem) and stored.to_dict() == answer["order"]
