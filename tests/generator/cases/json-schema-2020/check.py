"""JSON Schema 2020-12 in an OpenAPI 3.1 document: ``$ref`` siblings, ``$defs``, ``$anchor`` and ``$id``
references, ``prefixItems``, ``propertyNames``, ``const``, type arrays, ``dependentSchemas``,
``unevaluatedProperties``, ``if``/``then``/``else`` (also declaring every property), ``$dynamicRef``, ``patternProperties``,
``contains``, ``not`` and the ``content*`` keywords."""

from __future__ import annotations

import warnings
from typing import Any, Literal, get_type_hints

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = [
    ("schema-relative-ref", "/components/schemas/Shape/$defs/Label/properties/size/$ref"),
    ("schema-relative-ref", "/components/schemas/Shape/properties/label_size/$ref"),
    ("dynamic-ref", "/components/schemas/GenericList/items/$dynamicRef"),
    ("schema-relative-ref", "/components/schemas/Filter/properties/filters/items/anyOf/1/$recursiveRef"),
    ("invalid-schema-keyword", "/components/schemas/Filter/$recursiveAnchor"),
    ("unsupported-schema", "/components/schemas/Shape/properties/mixed"),
    ("unsupported-schema", "/components/schemas/Shape/properties/ratio"),
    ("unsupported-schema", "/components/schemas/Shape/properties/at_origin"),
    ("conditional-properties", "/components/schemas/Job"),
    ("conditional-properties", "/components/schemas/Shape/properties/contact"),
    ("conditional-properties", "/components/schemas/Shape/properties/conditional"),
    ("conditional-properties", "/components/schemas/Shape/properties/payment"),
]

STORED = {
    "id": "s1",
    "kind": "polygon",
    "origin": {"x": 1.5, "y": 2},
    "colour": "green",
    "old_colour": "purple",
    "outline": None,
    "created_at": {"x": 0, "y": 0},
    "top": {"x": 1, "y": 2, "z": 3},
    "label": {"text": "hi", "size": 12},
    "label_size": 12,
    "centre": [0.5, 0.25],
    "mixed": ["a", 1, True],
    "tags": {"env": "prod"},
    "meta": {"k": 1},
    "score": "high",
    "nothing": None,
    "contact": {"phone": "555", "extension": "12"},
    "closed": {"a": "x"},
    "counts": {"a": 1, "b": 2},
    "conditional": {"mode": "fast", "speed": 9},
    "thumbnail": "iVBORw0KGgo=",
    "payload": '{"x": 1, "y": 2}',
    "vertex": {"at": [1, 2], "next": {"at": [3, 4]}},
    "payment": {"method": "transfer", "iban": "DE89"},
    "tree": {"name": "root", "children": [{"name": "leaf", "children": []}]},
    "names": ["a", 1],
    "headers": {"x-trace": "t1", "n-count": 3},
    "open_headers": {"x-a": "1", "other": [1]},
    "ones": [3, 1],
    "not_text": True,
    "version": 2,
    "ratio": 0.5,
    "at_origin": {"x": 0, "y": 0},
    "job": {"state": "failed", "error": "disk full"},
    "right_corner": {"angle": 90},
    "filter": {"op": "or", "filters": ["a", {"op": "and", "filters": ["b"]}]},
}


def _sources(generated: Any) -> tuple[str, str]:
    models = generated.files["case_json_schema_2020/models/shape.py"]
    methods = generated.files["case_json_schema_2020/resources/shapes.py"]
    return models, methods


def check(package: Any, generated: Any) -> None:
    models, methods = _sources(generated)
    m = package.models
    # $ref siblings: the named model kept, its docs, default, deprecation, nullability and readOnly honoured.
    assert "origin: Point\n" in models and '"""Where the shape starts."""' in models
    assert 'colour: Colour | str = "red"' in models and "The fill colour." in models
    assert "outline: Colour | str | None = None" in models
    assert "created_at: Point | None = None" in models and "created_at" not in methods, "readOnly beside a $ref: not an argument"
    assert set(m.Point3.model_fields) == {"x", "y", "z"} and m.Point3.model_fields["z"].is_required(), "a $ref beside properties extends the target"
    assert "A point with a height." in (m.Point3.__doc__ or "")
    # $defs, $anchor and $id references: the schemas they point at.
    assert "label: ShapeLabel | None" in models and "label_size: int | None" in models
    assert "vertex: Vertex | None" in models and get_type_hints(m.Vertex)["at"] == list[float] | None
    assert "next: Vertex | None" in generated.files["case_json_schema_2020/models/vertex.py"], "a relative $ref against the schema's $id"
    assert "-> list[VertexCorner]:" in methods, "a $ref to an anchor inside another $id resource"
    # prefixItems: a tuple when the array holds exactly its items; else list[Any] (a warning).
    assert "centre: tuple[float, float] = (0.5, 0.5)" in models and "centre: tuple[float, float] = (0.5, 0.5)," in methods
    assert "mixed: list[Any] | None" in models
    # propertyNames limits keys only; unevaluatedProperties is the value type of a map; const null; type arrays.
    assert "tags: dict[str, str] | None" in models and "meta: dict[str, Any] | None" in models
    assert "counts: dict[str, int] | None" in models and "nothing: Literal[None] | None" in models
    assert "score: int | str | None" in models
    # dependentSchemas and then/else add optional properties; a property the object declares keeps its type.
    assert set(m.ShapeContact.model_fields) == {"email", "phone", "extension"}
    assert set(m.ShapeConditional.model_fields) == {"mode", "speed", "reason"} and get_type_hints(m.ShapeConditional)["mode"] == str | None
    # Properties only then/else declare: optional fields, a property both declare the union of their types.
    assert set(m.ShapePayment.model_fields) == {"method", "card_number", "iban"}
    assert get_type_hints(m.ShapePayment)["method"] == Literal["card"] | Literal["transfer"] | None
    assert not any(f.is_required() for f in m.ShapePayment.model_fields.values())
    # then/else inside allOf branches: the object's fields and theirs; a branch that only requires makes a field required.
    assert list(m.Job.model_fields) == ["state", "count", "error"] and not any(f.is_required() for f in m.Job.model_fields.values())
    assert set(m.RightCorner.model_fields) == {"angle"} and m.RightCorner.model_fields["angle"].is_required()
    # $dynamicRef: to the one $dynamicAnchor of its name, a $ref; generic (several declare it), Any with a warning.
    assert get_type_hints(m.Node)["children"] == list[m.Node] | None
    assert m.StringList == list[Any] and "names: StringList | None" in models
    assert get_type_hints(m.Filter)["filters"] == list[str | m.Filter] | None, "$recursiveRef '#' (2019-09, as OpenAI writes it): its component schema"
    # patternProperties of a closed map: the union of the patterns' value types; an open map's values are Any.
    assert "headers: dict[str, str | int] | None" in models and "open_headers: dict[str, Any] | None" in models
    # contains and not only validate: the type is the array's or the type's; const: a Literal, or its value's type.
    assert "ones: list[int] | None" in models and "not_text: int | bool | None" in models
    assert "version: Literal[2] | None" in models and "ratio: float | None" in models and "at_origin: dict[str, Any] | None" in models
    # contentEncoding/contentMediaType: base64 text and JSON text stay strings.
    assert "thumbnail: str | None" in models and "payload: str | None" in models

    recorder = Recorder(body=STORED)
    sent_args: dict[str, Any] = dict(
        kind="polygon",
        origin=m.Point(x=1.5, y=2),
        top=m.Point3(x=1, y=2, z=3),
        label=m.ShapeLabel(text="hi", size=12),
        centre=(0.5, 0.25),
        mixed=["a", 1],
        tags={"env": "prod"},
        counts={"a": 1},
        contact=m.ShapeContact(phone="555", extension="12"),
        conditional=m.ShapeConditional(mode="fast", speed=9),
        vertex=m.Vertex(at=[1.0, 2.0], next=m.Vertex(at=[3.0])),
        nothing=None,
        payment=m.ShapePayment(method="card", card_number="4242"),
        tree=m.Node(name="root", children=[m.Node(name="leaf")]),
        headers={"x-trace": "t1", "n-count": 3},
        version=2,
        ratio=0.5,
    )
    shape = both(package, recorder, lambda sdk: sdk.shapes.create_shape(**sent_args))
    assert recorder.last_json() == {
        "kind": "polygon",
        "origin": {"x": 1.5, "y": 2},
        "colour": "red",
        "top": {"x": 1, "y": 2, "z": 3},
        "label": {"text": "hi", "size": 12},
        "centre": [0.5, 0.25],
        "mixed": ["a", 1],
        "tags": {"env": "prod"},
        "counts": {"a": 1},
        "contact": {"phone": "555", "extension": "12"},
        "conditional": {"mode": "fast", "speed": 9},
        "vertex": {"at": [1.0, 2.0], "next": {"at": [3.0]}},
        "payment": {"method": "card", "card_number": "4242"},
        "tree": {"name": "root", "children": [{"name": "leaf"}]},
        "headers": {"x-trace": "t1", "n-count": 3},
        "version": 2,
        "ratio": 0.5,
    }, recorder.last_json()
    assert isinstance(shape, m.Shape) and isinstance(shape.origin, m.Point) and shape.origin.x == 1.5
    assert isinstance(shape.top, m.Point3) and shape.top.z == 3
    assert isinstance(shape.label, m.ShapeLabel) and shape.label.size == 12 and shape.label_size == 12
    assert shape.centre == (0.5, 0.25) and isinstance(shape.centre, tuple) and shape.mixed == ["a", 1, True]
    assert shape.colour == "green" and shape.outline is None and shape.nothing is None
    assert shape.score == "high" and shape.counts == {"a": 1, "b": 2} and shape.contact.extension == "12"
    assert shape.conditional.speed == 9 and shape.closed.a == "x"
    assert isinstance(shape.vertex.next, m.Vertex) and shape.vertex.next.at == [3.0, 4.0]
    assert isinstance(shape.payment, m.ShapePayment) and shape.payment.method == "transfer" and shape.payment.iban == "DE89"
    assert isinstance(shape.tree, m.Node) and isinstance(shape.tree.children[0], m.Node) and shape.tree.children[0].name == "leaf"
    assert isinstance(shape.filter.filters[1], m.Filter) and shape.filter.filters[1].filters == ["b"]
    assert isinstance(shape.job, m.Job) and shape.job.error == "disk full" and shape.right_corner.angle == 90
    assert shape.names == ["a", 1] and shape.headers == {"x-trace": "t1", "n-count": 3} and shape.open_headers == {"x-a": "1", "other": [1]}
    assert shape.ones == [3, 1] and shape.not_text is True and shape.version == 2 and shape.ratio == 0.5 and shape.at_origin == {"x": 0, "y": 0}
    assert shape.to_dict()["created_at"] == {"x": 0, "y": 0}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert shape.old_colour == "purple", "an enum value the spec does not list yet still parses"
    assert any(issubclass(w.category, DeprecationWarning) for w in caught), "deprecated beside a $ref"

    recorder = Recorder(body=[{"angle": 90}, {"angle": 45.5}])
    corners = both(package, recorder, lambda sdk: sdk.shapes.list_corners(id="s1", near=[1.5, 2]))
    assert recorder.last.url.path == "/shapes/s1/corners" and recorder.last.url.query == b"near=1.5%2C2", recorder.last.url.query
    assert "near: list[float] | None = None" in methods, "a tuple parameter is a list: the serializers write lists"
    assert [type(c).__name__ for c in corners] == ["VertexCorner", "VertexCorner"] and corners[1].angle == 45.5
    assert "Where the shape starts." in (client(package, recorder).shapes.create_shape.__doc__ or "")
