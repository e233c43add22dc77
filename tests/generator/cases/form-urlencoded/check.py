"""Form-encoded bodies: keyword arguments, sent as the spec's ``encoding`` says, byte for byte."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.generator.cases.harness import Recorder, async_client, client, spec_arguments

WARNINGS: list[tuple[str, str]] = []

FORM = "application/x-www-form-urlencoded"

#: deepObject (Stripe's declaration): objects as name[key], arrays indexed, items' fields nested.
CREATE = (
    b"name=Jane+Doe&balance=0&active=true&metadata%5Bplan%5D=pro&metadata%5Bref%5D=a%26b"
    b"&expand%5B0%5D=customer&expand%5B1%5D=items.data"
    b"&items%5B0%5D%5Bprice%5D=p_1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bprice%5D=p_2"
)
#: form + explode (the default) repeats an array and spreads an object; explode false joins
#: with commas, pipeDelimited with |, a JSON contentType sends JSON text.
SEARCH = b"tags=a&tags=b&ids=1%2C2&codes=x%7Cy&low=1&high=5&filter=%7B%22k%22%3A%5B1%2Ctrue%5D%7D"


def _create(api: Any, package: Any) -> Any:
    item = package.models.CreateCustomerRequestItemsItem
    return api.create_customer(
        name="Jane Doe",
        balance=0,
        active=True,
        metadata={"plan": "pro", "ref": "a&b"},
        expand=["customer", "items.data"],
        items=[item(price="p_1", quantity=2), item(price="p_2")],
    )


def _search(api: Any, package: Any) -> Any:
    return api.search(tags=["a", "b"], ids=[1, 2], codes=["x", "y"], range=package.models.SearchRequestRange(low=1, high=5), filter={"k": [1, True]})


def _sent(recorder: Recorder, method: str, path: str, content: bytes) -> None:
    request = recorder.last
    assert (request.method, request.url.path) == (method, path)
    assert request.content == content, request.content
    if content:
        assert request.headers["content-type"] == FORM
    else:
        assert "content-type" not in request.headers


def check(package: Any, generated: Any) -> None:
    assert spec_arguments(client(package, Recorder()).customers.create_customer) == ["name", "balance", "active", "metadata", "expand", "items"]
    source = generated.files["case_form_urlencoded/resources/customers.py"]
    assert "form-encoded (application/x-www-form-urlencoded)" in source

    recorder = Recorder(body={"id": "cus_1", "name": "Jane Doe", "metadata": {"plan": "pro"}})
    customer = _create(client(package, recorder).customers, package)
    _sent(recorder, "POST", "/customers", CREATE)
    assert customer.id == "cus_1" and customer.metadata == {"plan": "pro"}
    customer = asyncio.run(_create(async_client(package, recorder).customers, package))
    _sent(recorder, "POST", "/customers", CREATE)
    assert customer.id == "cus_1"

    # Left-out arguments are not sent; an empty string is (Stripe clears metadata with it).
    client(package, recorder).customers.create_customer(name="Ann", metadata="")
    _sent(recorder, "POST", "/customers", b"name=Ann&metadata=")

    recorder = Recorder(body=[{"id": "cus_1"}, {"id": "cus_2"}])
    found = _search(client(package, recorder).customers, package)
    _sent(recorder, "POST", "/customers/search", SEARCH)
    assert [c.id for c in found] == ["cus_1", "cus_2"]
    found = asyncio.run(_search(async_client(package, recorder).customers, package))
    _sent(recorder, "POST", "/customers/search", SEARCH)
    assert len(found) == 2
    client(package, recorder).customers.search()  # nothing given: no body at all
    _sent(recorder, "POST", "/customers/search", b"")

    # A body without properties (Stripe's GET operations) takes no arguments and sends nothing.
    recorder = Recorder(body={"id": "cus_1"})
    assert spec_arguments(client(package, recorder).customers.get_customer) == ["id"]
    assert client(package, recorder).customers.get_customer(id="cus_1").id == "cus_1"
    _sent(recorder, "GET", "/customers/cus_1", b"")

    # A map body is one `body` argument.
    recorder = Recorder(status=204)
    assert client(package, recorder).settings.replace_settings(body={"theme": "dark", "lang": "en gb"}) is None
    _sent(recorder, "PUT", "/settings", b"theme=dark&lang=en+gb")
    assert asyncio.run(async_client(package, recorder).settings.replace_settings(body={"theme": "dark"})) is None
    _sent(recorder, "PUT", "/settings", b"theme=dark")

    # The docs: the media type and how each property is written.
    docs = generated.files["docs/CustomersApi.md"]
    assert "Content-Type: application/x-www-form-urlencoded\n" in docs
    assert "Request body (required): `application/x-www-form-urlencoded`, one keyword argument per property, form-encoded." in docs
    assert "Form encoding: `metadata`, `expand`, `items` as `deepObject`: an object as `name[key]=value`" in docs
    assert "`codes` as `pipeDelimited`: `name=a|b`; `filter` as JSON text; the rest as `form`" in docs
