"""JSON Schema identifiers across files: ``$ref``s by another file's ``$id`` (absolute and relative), to another
file's ``$anchor``, and inside a file relative to its ``$id``, all resolved to the schemas they name; a 2019-09
``$recursiveRef: "#"`` in a schema file of its own names that file's root schema."""

from __future__ import annotations

from typing import Any, get_type_hints

from tests.generator.cases.harness import Recorder, both

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    m = package.models
    methods = generated.files["case_json_schema_ids_files/resources/pets.py"]
    assert "-> Pet:" in methods, "the document's $ref by the URI of pet.yaml's $id"
    assert "-> list[Tag]:" in methods, "schemas/pet.yaml#tag: an $anchor of another file"
    hints = get_type_hints(m.Pet)
    assert hints["tag"] == m.Tag | None, "#tag inside pet.yaml: its own anchor"
    assert hints["size"] == int | None, "#/$defs/Size inside pet.yaml: relative to its $id"
    assert hints["owner"] == m.Owner | None, "owner.yaml's $id URI, from pet.yaml"
    assert get_type_hints(m.Owner)["pets"] == list[m.Pet] | None, "'pet' relative to owner.yaml's $id: pet.yaml's schema"
    assert m.Animal is m.Pet and m.Person is m.Owner

    stored = {"name": "Rex", "tag": {"label": "good"}, "size": 3, "owner": {"name": "Ann", "pets": [{"name": "Tom"}]}}
    recorder = Recorder(body=stored)
    pet = both(package, recorder, lambda sdk: sdk.pets.get_pet(id="p 1"))
    assert recorder.last.url.raw_path == b"/pets/p%201", recorder.last.url
    assert isinstance(pet, m.Pet) and isinstance(pet.tag, m.Tag) and pet.tag.label == "good" and pet.size == 3
    assert isinstance(pet.owner, m.Owner) and isinstance(pet.owner.pets[0], m.Pet) and pet.owner.pets[0].name == "Tom"

    recorder = Recorder(body=[{"label": "a"}, {"label": "b"}])
    tags = both(package, recorder, lambda sdk: sdk.pets.list_tags())
    assert [type(t).__name__ for t in tags] == ["Tag", "Tag"] and tags[1].label == "b"

    trees = generated.files["case_json_schema_ids_files/resources/trees.py"]
    assert "-> Tree:" in trees, "the response: tree.yaml's schema"
    assert get_type_hints(m.Tree) == {"label": str, "children": list[m.Tree] | None}, "$recursiveRef '#': tree.yaml's root"
    grown = {"label": "root", "children": [{"label": "a", "children": [{"label": "a1"}]}, {"label": "b"}]}
    recorder = Recorder(body=grown)
    tree = both(package, recorder, lambda sdk: sdk.trees.put_tree(label="root", children=[m.Tree(label="a", children=[m.Tree(label="a1")])]))
    assert recorder.last_json() == {"label": "root", "children": [{"label": "a", "children": [{"label": "a1"}]}]}
    assert isinstance(tree, m.Tree) and isinstance(tree.children[0].children[0], m.Tree) and tree.children[0].children[0].label == "a1"
    assert tree.children[1].label == "b" and tree.children[1].children is None
