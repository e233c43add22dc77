"""Recursive and mutually recursive schemas import, type-check and parse nested data."""

from __future__ import annotations

from typing import Any

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    models = package.models
    company = generated.files["case_recursive/models/company.py"]
    assert "staff: list[Person] | None = None" in company, "the alias on the cycle is written out"
    assert company.index("from .person import Person") > company.index("class Company"), "imported after the class"

    tree = {"name": "root", "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b", "parent": None}]}
    node = client(package, Recorder(body=tree)).tree.get_tree()
    assert isinstance(node.children[0].children[0], models.Node) and node.children[0].children[0].name == "a1"
    assert node.to_dict() == tree

    person = client(package, Recorder(body={"name": "Ann", "employer": {"name": "Acme", "staff": [{"name": "Bob"}]}})).tree.get_person()
    assert isinstance(person.employer, models.Company) and isinstance(person.employer.staff[0], models.Person)

    # Requests: a tree and a mutually recursive pair sent as nested JSON (blocking and asyncio).
    recorder = Recorder(body=tree)
    children = [models.Node(name="a", children=[models.Node(name="a1")]), models.Node(name="b", parent=None)]
    assert both(package, recorder, lambda sdk: sdk.tree.put_tree(name="root", children=children)) == node
    assert recorder.last_json() == {"name": "root", "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b", "parent": None}]}, "a field set to None is sent as null"
    recorder = Recorder(status=201, body={"name": "Ann", "employer": {"name": "Acme", "staff": [{"name": "Ann"}, {"name": "Bob"}]}})
    employer = models.Company(name="Acme", staff=[models.Person(name="Bob", employer=models.Company(name="Acme"))])
    added = both(package, recorder, lambda sdk: sdk.tree.add_person(name="Ann", employer=employer))
    assert recorder.last_json() == {"name": "Ann", "employer": {"name": "Acme", "staff": [{"name": "Bob", "employer": {"name": "Acme"}}]}}
    assert added.employer is not None and added.employer.staff is not None and [p.name for p in added.employer.staff] == ["Ann", "Bob"]
