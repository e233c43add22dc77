"""The hostile spec: its strings come through literally, and none of them runs.

The strings are read back from ``openapi.yaml`` (the enum ``EvilEnum`` holds all six), so
the check compares against the spec, not against a copy. The sixth holds control characters
(NUL, escape, C1 controls) and separators: literals keep them, escaped; no file holds them raw.
"""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
import sys
import tempfile
import typing
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import yaml

from tests.generator.cases.harness import Recorder, client

SPEC = yaml.safe_load((Path(__file__).parent / "openapi.yaml").read_text(encoding="utf-8"))
STRINGS: list[str] = SPEC["components"]["schemas"]["EvilEnum"]["enum"]
S1, S2, S3, S4, S5, S6 = STRINGS
PATH = next(iter(SPEC["paths"]))
OPERATION = PATH.replace("~", "~0").replace("/", "~1")

#: What no generated file may hold raw: control characters but tab and newline, the separators.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

WARNINGS = [
    ("unprintable-character", "/info/title"),
    ("unprintable-character", "/servers/0/url"),
    ("unprintable-character", "/tags/0/name"),
    ("unprintable-character", f"/paths/{OPERATION}/post/tags/0"),
    ("unprintable-character", f"/paths/{OPERATION}/post/summary"),
    ("unprintable-character", f"/paths/{OPERATION}/post/parameters/1/name"),
    ("unprintable-character", f"/paths/{OPERATION}/post/parameters/1/description"),
    ("unprintable-character", f"/paths/{OPERATION}/post/parameters/1/schema/default"),
    ("unprintable-character", f"/paths/{OPERATION}/post/parameters/1/schema/example"),
    ("unprintable-character", f"/paths/{OPERATION}/get/tags/0"),
    ("unprintable-character", "/components/schemas/evil.name-1/properties/ctl\x00\x1b/default"),
    ("unprintable-character", "/components/schemas/evil.name-1/properties/ctl\x00\x1b/example"),
    ("unprintable-character", "/components/schemas/evil.name-1/properties/ctl\x00\x1b"),
    ("unprintable-character", "/components/schemas/EvilEnum/enum/5"),
    ("invalid-name", '/components/schemas/evil.name-1/properties/"""'),
    ("name-collision", "/components/schemas/evil.name-1/properties/self"),
    ("name-collision", "/components/schemas/evil.name-1/properties/class"),
    ("name-collision", "/components/schemas/evil.name-1/properties/json"),
]


def _same_text(haystack: str | None, needle: str) -> bool:
    """``needle`` in ``haystack`` up to whitespace (docstrings are re-wrapped) and docstring escapes."""
    text = " ".join((haystack or "").split())
    return " ".join(needle.split()) in text


def check(package: Any, generated: Any) -> None:
    # Every file is valid Python, and importing it (in a fresh interpreter, in an empty folder) runs nothing.
    for path, text in generated.texts.items():  # black changes no string: a control character written raw stays raw
        if path.endswith(".py"):
            ast.parse(text, filename=path)
        assert not RAW_CONTROL.search(text), f"{path} holds {RAW_CONTROL.search(text)!r} raw"
    with tempfile.TemporaryDirectory() as empty:
        probe = (
            "import case_hostile, case_hostile.models, inspect\n"
            "c = case_hostile.Client(api_key='k')\n"
            "[inspect.getdoc(getattr(m, n)) for m in (case_hostile, case_hostile.models) for n in m.__all__]\n"
        )
        result = subprocess.run([sys.executable, "-c", probe], cwd=empty, env={"PYTHONPATH": str(generated.out), "HOME": empty}, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert not list(Path(empty).iterdir()), "importing the SDK wrote a file"
    assert "PWNED" not in "".join(p.name for p in Path.cwd().iterdir())

    models = package.models
    # Enum values, defaults and examples are literals with the spec's exact text.
    assert list(typing.get_args(models.EvilEnum)) == STRINGS
    fields = models.EvilName1.model_fields
    assert fields["self"].default == S1 and fields["self"].alias is None
    assert fields["json_"].default == S3 and fields["json_"].alias == "json"
    assert fields["class_"].default == S4 and fields["class_"].alias == "class"
    assert fields["init"].default == S5 and fields["init"].alias == "__init__"
    assert fields["field"].alias == '"""' and fields["a_b_c"].alias == "a'b\"c" and fields["x"].alias == "{{x}}"
    # Docstrings hold the text (re-wrapped), and the titles and descriptions are not code.
    for text in STRINGS[:5]:
        assert _same_text(models.EvilName1.__doc__, text.replace("\\", "\\")), text
    assert fields["ctl"].default == S6 and fields["ctl"].alias == "ctl\x00\x1b"
    assert package._client.DEFAULT_BASE_URL == SPEC["servers"][0]["url"] == "https://hostile.example/api\x00\x1b"
    assert "PWNED) " in (package.Client.__doc__ or "") and not RAW_CONTROL.search(package.Client.__doc__ or "")
    api = client(package, Recorder()).evil_tag_x
    method = api.import_os_os_system_touch_pwned
    assert _same_text(inspect.getdoc(method), S1)
    signature = inspect.signature(method)
    assert signature.parameters["q"].default == S1 and signature.parameters["nul_name"].default == S6
    assert "ends in a backslash \\" in (inspect.getdoc(method) or "") and not RAW_CONTROL.search(inspect.getdoc(method) or "")
    assert list(signature.parameters)[:2] == ["thing_id", "field"]

    # A request carries the wire names and the hostile path; the response comes back as the model.
    echo = {'"""': S1, "self": S2, "json": S3, "class": S4, "__init__": S5, "{{x}}": S3, "nested": {"k": S5}}
    recorder = Recorder(body=echo)
    api = client(package, recorder).evil_tag_x
    result = api.import_os_os_system_touch_pwned(thing_id=S1, field=S2, class_=S3, self_=7, self_2=S1, class_2=S4, nul_name=S6, ctl=S6)
    sent = recorder.last
    assert sent.method == "POST"
    template_tail = PATH.split("}", 1)[1]
    assert unquote(sent.url.raw_path.decode()).split("?")[0] == "/things/" + S1 + template_tail
    assert sent.url.params['q"\''] == S1 and sent.url.params["class"] == S3 and sent.url.params["self"] == "7"
    assert sent.url.params["nul\x00name\x1b"] == S6, "the wire name and value as the spec has them"
    body = recorder.last_json()
    assert body["ctl\x00\x1b"] == S6
    assert body['"""'] == S2 and body["self"] == S1 and body["json"] == S3 and body["class"] == S4 and body["__init__"] == S5
    assert isinstance(result, models.EvilName1)
    assert result.field == S1 and result.self == S2 and result.json_ == S3 and result.class_ == S4 and result.init == S5
    assert result.x == S3 and isinstance(result.nested, models.EvilName1Nested) and result.nested.model_extra == {"k": S5}
    assert result.to_dict() == echo

    listed = client(package, Recorder(body=STRINGS)).evil_tag_x.config(thing_id="{{x}}")
    assert listed == STRINGS
