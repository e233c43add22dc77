"""readOnly out of requests, writeOnly optional in responses; request views (``<Name>Input``) where a request nests them."""

from __future__ import annotations

from typing import Any

from tests.generator.cases.harness import Recorder, both, client, spec_arguments

WARNINGS: list[tuple[str, str]] = [("name-collision", "/components/schemas/Label")]

USER = {"id": "u1", "name": "Ann"}
ORDER = {
    "number": 7,
    "user": USER,
    "members": [{"id": "u2", "name": "Bob"}],
    "approver": {"id": "u3", "name": "Cy", "level": 2},
    "pet": {"petType": "cat", "tag": "t-1", "lives": 9},
    "labels": [{"id": "l1", "text": "urgent"}],
    "meta": {"created": "2024-05-01T10:00:00Z", "note": "n"},
}


def check(package: Any, generated: Any) -> None:
    models = package.models
    recorder = Recorder(body=USER, status=201)
    api = client(package, recorder).users
    # A whole body: its read-only property is no argument, its write-only one required.
    assert spec_arguments(api.create_user) == ["name", "password"]
    user = both(package, recorder, lambda sdk: sdk.users.create_user(name="Ann", password="s3cret"))
    assert recorder.last_json() == {"name": "Ann", "password": "s3cret"}
    assert type(user) is models.User and user.id == "u1" and user.password is None
    fields = models.User.model_fields
    assert fields["id"].is_required() and not fields["password"].is_required()
    inputs = models.UserInput.model_fields
    assert set(inputs) == {"name", "password"} and inputs["name"].is_required() and inputs["password"].is_required()

    # Nested in a body object and in arrays, through allOf, an inline object and a discriminated
    # union: requests take the request views and send no read-only property.
    recorder.body = ORDER
    order = both(
        package,
        recorder,
        lambda sdk: sdk.orders.create_order(
            user=models.UserInput(name="Ann", password="pw"),
            members=[models.UserInput(name="Bob", password="pw2")],
            approver=models.AdminInput(name="Cy", password="pw3", level=2),
            ship_to=models.Address(street="Main St"),
            pet=models.CatInput(pet_type="cat", lives=9),
            labels=[models.LabelInput_2(text="urgent")],
            meta=models.OrderMetaInput(note="n"),
        ),
    )
    assert recorder.last_json() == {
        "user": {"name": "Ann", "password": "pw"},
        "members": [{"name": "Bob", "password": "pw2"}],
        "approver": {"name": "Cy", "password": "pw3", "level": 2},
        "shipTo": {"street": "Main St"},
        "pet": {"petType": "cat", "lives": 9},
        "labels": [{"text": "urgent"}],
        "meta": {"note": "n"},
    }
    assert spec_arguments(client(package, recorder).orders.create_order) == ["user", "members", "approver", "ship_to", "pet", "labels", "meta"]
    # The response parses into the response views, read-only properties included.
    assert type(order) is models.Order and order.number == 7
    assert type(order.user) is models.User and order.user.id == "u1" and order.user.password is None
    assert type(order.members[0]) is models.User and order.members[0].id == "u2"
    assert type(order.approver) is models.Admin and order.approver.id == "u3" and order.approver.level == 2
    assert type(order.pet) is models.Cat and order.pet.tag == "t-1"
    assert type(order.labels[0]) is models.Label and order.labels[0].id == "l1"
    assert type(order.meta) is models.OrderMeta and order.meta.created is not None

    # A union with a branch whose views are equal keeps that branch: Dog is sent as it is.
    both(package, recorder, lambda sdk: sdk.orders.create_order(user=models.UserInput(name="A", password="p"), pet=models.Dog(pet_type="dog", bark="woof")))
    assert recorder.last_json() == {"user": {"name": "A", "password": "p"}, "pet": {"petType": "dog", "bark": "woof"}}

    # An array request body.
    recorder.body = [USER]
    users = both(package, recorder, lambda sdk: sdk.users.replace_users(body=[models.UserInput(name="Ann", password="pw")]))
    assert recorder.last_json() == [{"name": "Ann", "password": "pw"}]
    assert type(users[0]) is models.User and users[0].id == "u1"

    # Recursive: a tree of request views, answered by a tree of response views.
    recorder.body = {"id": 1, "name": "root", "children": [{"id": 2, "name": "leaf", "children": []}]}
    tree = both(package, recorder, lambda sdk: sdk.trees.put_tree(name="root", children=[models.NodeInput(name="leaf", children=[])]))
    assert recorder.last_json() == {"name": "root", "children": [{"name": "leaf", "children": []}]}
    assert type(tree.children[0]) is models.Node and tree.children[0].id == 2
    assert set(models.NodeInput.model_fields) == {"name", "children"}
    # Recursive, differing only through what it holds (User).
    recorder.body = {"name": "a", "owner": USER, "subfolders": [{"name": "b"}]}
    folder = both(
        package,
        recorder,
        lambda sdk: sdk.trees.put_folder(folder=models.FolderInput(name="a", owner=models.UserInput(name="Ann", password="pw"), subfolders=[models.FolderInput(name="b")])),
    )
    assert recorder.last_json() == {"folder": {"name": "a", "owner": {"name": "Ann", "password": "pw"}, "subfolders": [{"name": "b"}]}}
    assert type(folder) is models.Folder and type(folder.owner) is models.User and type(folder.subfolders[0]) is models.Folder

    # writeOnly only: required in the request view, optional (and left out) in responses.
    recorder.body = {"login": "ann"}
    credentials = both(package, recorder, lambda sdk: sdk.users.log_in(credentials=models.CredentialsInput(login="ann", secret="s")))
    assert recorder.last_json() == {"credentials": {"login": "ann", "secret": "s"}}
    assert type(credentials) is models.Credentials and credentials.secret is None
    assert models.CredentialsInput.model_fields["secret"].is_required() and not models.Credentials.model_fields["secret"].is_required()

    # No request view where none is needed: equal views (Address, Dog, Credentials' own
    # response view), or a schema that is only a whole flattened body (Account, Order).
    recorder.body = {"id": "a1", "name": "Acme", "address": {"street": "Main St"}}
    account = both(package, recorder, lambda sdk: sdk.users.create_account(name="Acme", address=models.Address(street="Main St")))
    assert recorder.last_json() == {"name": "Acme", "address": {"street": "Main St"}}
    assert account.id == "a1"
    for name in ("AccountInput", "OrderInput", "AddressInput", "DogInput"):
        assert not hasattr(models, name), name
        assert not any(path.endswith(f"/{name}.md") for path in generated.files), name
    wanted = {"UserInput", "AdminInput", "CatInput", "PetInput", "LabelInput_2", "OrderMetaInput", "NodeInput", "FolderInput", "CredentialsInput"}
    assert {n for n in models.__all__ if "Input" in n} == wanted | {"LabelInput"}  # LabelInput: the spec's own schema

    # Docs and docstrings say whose request view it is and cite the spec.
    doc = generated.files["docs/models/UserInput.md"]
    assert "The request view of [`User`](User.md)" in doc and "spec `#/components/schemas/User`" in doc
    assert "| `password` | `password` | str | yes |" in doc and "`id`" not in doc
    assert "request view of ``User``" in (models.UserInput.__doc__ or "") and "#/components/schemas/User" in (models.UserInput.__doc__ or "")
    assert "#/components/schemas/Order/properties/meta" in (models.OrderMetaInput.__doc__ or "")
    source = generated.files["case_read_write_only/models/pet_input.py"]
    assert 'PetInput: TypeAlias = Annotated[CatInput | Dog | UnknownVariant, OpenUnion("pet_type")]' in source
    assert "The request view of `User`." in generated.files["docs/api.md"]
