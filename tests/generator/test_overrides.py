"""Template overrides replace our templates file by file, through the same pipeline; docs/customisation.md documents their context."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jinja2
import jinja2.meta
import pytest

from generator.render import output as render, overrides
from generator.cli import main
from generator.config import load_config
from generator.diagnostics import SpecError
from generator.render.overrides import check_overrides
from generator.pipeline import generate_files
from generator.write import STAMP, read_tree

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path(__file__).resolve().parent / "customisation" / "openapi.yaml"
CONFIG = 'package = "shop"\nclient_class = "Shop"\noutput = "out"\ntemplates = "my-templates"\n'
VERSION = "__version__={{ api.config.version | pyrepr }}\nFLAVOUR   = 'mine'\nTAGS = {{ api.tags | map(attribute='name') | list | pyrepr }}\n"


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    shutil.copy(SPEC, tmp_path / "openapi.yaml")
    (tmp_path / "generator.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / "my-templates" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "my-templates" / name).write_text(text, encoding="utf-8")
    return tmp_path / "out"


def _generate(tmp_path: Path, *extra: str) -> int:
    return main(["generate", "--spec", str(tmp_path / "openapi.yaml"), *extra])


def test_overrides_replace_our_templates_through_the_same_pipeline(tmp_path: Path) -> None:
    out = _project(tmp_path, {"package/_version.py.jinja": VERSION, "package/py.typed": "# typed, by hand\n"})
    assert _generate(tmp_path) == 0
    version = (out / "shop" / "_version.py").read_text(encoding="utf-8")
    assert version.endswith("__version__ = \"0.1.0\"\nFLAVOUR = \"mine\"\nTAGS = [\"Orders\", \"Pets\"]\n"), version  # rendered, then black
    assert version.startswith("# Generated from the OpenAPI spec by the Shop SDK generator.")
    assert (out / "shop" / "py.typed").read_text(encoding="utf-8") == "# typed, by hand\n"
    plain = generate_files(tmp_path / "openapi.yaml", config=load_config(None, tmp_path / "openapi.yaml").package).files
    tree = read_tree(out)
    assert {rel for rel in tree} == set(plain), "an override changes files, not which files there are"
    assert "templates_sha256" not in plain[STAMP]

    stamped = json.loads(tree[STAMP])
    assert _generate(tmp_path) == 0 and read_tree(out) == tree, "not deterministic"
    (tmp_path / "my-templates" / "package" / "py.typed").write_text("# changed\n", encoding="utf-8")
    assert main(["check", "--spec", str(tmp_path / "openapi.yaml")]) == 1, "a changed override does not make the output stale"
    assert _generate(tmp_path) == 0
    assert json.loads((out / STAMP).read_text(encoding="utf-8"))["templates_sha256"] != stamped["templates_sha256"]


def test_an_override_can_include_the_template_it_replaces(tmp_path: Path) -> None:
    out = _project(tmp_path, {"README.md.jinja": '{% include "ours/README.md.jinja" %}\n\n## Support\n\nWrite to {{ api.title }} support.\n'})
    assert _generate(tmp_path) == 0
    readme = (out / "README.md").read_text(encoding="utf-8")
    ours = generate_files(tmp_path / "openapi.yaml", config=load_config(None, tmp_path / "openapi.yaml").package).files["README.md"]
    assert readme == ours + "\n## Support\n\nWrite to Shop support.\n"
    assert (out / "docs" / "index.md").read_text(encoding="utf-8").endswith("Write to Shop support.\n"), "README.md.jinja renders the docs home page too"


def test_the_templates_flag_overrides_the_config(tmp_path: Path) -> None:
    out = _project(tmp_path, {"package/py.typed": "config's\n"})
    (tmp_path / "flag" / "package").mkdir(parents=True)
    (tmp_path / "flag" / "package" / "py.typed").write_text("flag's\n", encoding="utf-8")
    assert _generate(tmp_path, "--templates", str(tmp_path / "flag")) == 0
    assert (out / "shop" / "py.typed").read_text(encoding="utf-8") == "flag's\n"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("package/resources/tags.py.jinja", "x", "package/resources/tags.py.jinja replaces none of the generator's templates"),
        ("package/_version.py.jinja", "{% if %}\n", "my-templates/package/_version.py.jinja:1: error[invalid-template]"),
        ("package/_version.py.jinja", "X = 1\nY = {{ api.no_such_thing }}\n", "my-templates/package/_version.py.jinja:2: error[invalid-template]"),
    ],
)
def test_a_bad_override_is_a_diagnostic_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, expected: str
) -> None:
    out = _project(tmp_path, {name: text})
    out.mkdir()
    (out / "old.txt").write_text("old\n", encoding="utf-8")
    assert _generate(tmp_path) == 2
    err = capsys.readouterr().err
    assert expected in err and "hint: " in err
    assert read_tree(out) == {"old.txt": b"old\n"}


def test_an_unknown_name_gets_a_hint_with_close_names(tmp_path: Path) -> None:
    _project(tmp_path, {"package/resources/tags.py.jinja": "x", "package/_clent.py.jinja": "x"})
    with pytest.raises(SpecError) as caught:
        check_overrides(tmp_path / "my-templates")
    hints = {Path(d.file).name: d.hint for d in caught.value.diagnostics}
    assert set(hints) == {"tags.py.jinja", "_clent.py.jinja"}
    assert "package/resources/tag.py.jinja" in hints["tags.py.jinja"]
    assert "package/_client.py.jinja" in hints["_clent.py.jinja"]
    with pytest.raises(SpecError, match="problem"):
        check_overrides(tmp_path / "missing")


def test_template_reference_is_up_to_date() -> None:
    """Run ``python -m generator.render.overrides`` when this fails."""
    page = (ROOT / "docs" / "customisation.md").read_text(encoding="utf-8")
    assert overrides.REFERENCE_PAGE == ROOT / "docs" / "customisation.md"
    assert page.count(overrides.START) == 1 and overrides.reference() in page
    assert overrides.START not in (ROOT / "README.md").read_text(encoding="utf-8"), "the reference lives in docs/customisation.md only"


def test_every_variable_a_template_uses_is_documented() -> None:
    env = render.environment()
    for path in sorted(render.TEMPLATES.rglob("*.jinja")):
        name = path.relative_to(render.TEMPLATES).as_posix()
        tree = env.parse(path.read_text(encoding="utf-8"))
        targets = [assign.target for assign in tree.find_all((jinja2.nodes.Assign, jinja2.nodes.AssignBlock))]
        assigned = {node.name for target in targets for node in [target, *target.find_all(jinja2.nodes.Name)] if isinstance(node, jinja2.nodes.Name)}
        used = jinja2.meta.find_undeclared_variables(tree) - assigned
        documented = set(render.CONTEXT) | set(render.FAN_OUT_CONTEXT.get(name, {}))
        assert used <= documented, f"{name} uses {sorted(used - documented)}: add them to render.CONTEXT or FAN_OUT_CONTEXT"


def test_every_context_and_output_the_plan_uses_is_documented() -> None:
    from generator.build.builder import build
    from generator.read.loader import load

    api = build(load(ROOT / "spec" / "openapi.yaml"))
    for out, template, extra in render.plan(api):
        assert set(extra) <= set(render.FAN_OUT_CONTEXT.get(template, {})), template
        documented = render.FAN_OUT_PATHS.get(template, (template.removesuffix(".jinja").replace("package/", "<package>/", 1),))
        context = {"package": api.config.package, **{f"{name}.{attr}": getattr(value, attr) for name, value in extra.items() for attr in ("module", "class_name", "name") if hasattr(value, attr)}}
        filled = [re.sub(r"<([\w.]+)>", lambda m: str(context[m.group(1)]), pattern) for pattern in documented]
        assert out in filled or template.startswith(render.GUIDE_FOLDER + "/"), (out, template, documented)


@pytest.mark.slow
def test_every_ir_class_is_in_the_reference() -> None:
    reference = overrides.reference()
    for cls in overrides._classes():
        assert f"**`{cls.__name__}`**" in reference
        for field in __import__("dataclasses").fields(cls):
            assert f"| `{field.name}` |" in reference
