"""Method names from method and path; API classes from the path when there is no tag."""

from __future__ import annotations

from typing import Any

from tests.generator.cases.harness import Recorder, both, client

WARNINGS = [
    ("missing-operation-id", "/paths/~1v1~1customers~1{id}/get"),
    ("missing-operation-id", "/paths/~1v1~1customers~1{id}/delete"),
]


def check(package: Any, generated: Any) -> None:
    recorder = Recorder(body={"id": "c1"})
    sdk = client(package, recorder)
    customer = both(package, recorder, lambda sdk: sdk.customers.get_v1_customers_id(id="c1"))
    assert recorder.last.method == "GET" and recorder.last.url.path == "/v1/customers/c1"
    assert customer.id == "c1" and type(customer).__name__ == "GetV1CustomersIdResponse"
    recorder.status, recorder.body = 204, None
    assert both(package, recorder, lambda sdk: sdk.customers.delete_v1_customers_id(id="c 2")) is None
    assert recorder.last.method == "DELETE" and recorder.last.url.raw_path == b"/v1/customers/c%202", "the path item's parameter"
    recorder.status = 200
    assert sdk.health.health() is None
