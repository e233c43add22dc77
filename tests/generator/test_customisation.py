"""Hand-written code in ``<package>/lib/`` survives regeneration, and ``[extend]`` puts it to use.

``tests/generator/customisation/`` holds a small spec and what a user writes: ``lib/`` (a subclass of a
generated API class, a subclass of the client) and ``use.py``, which calls both, sync and
async, in a fresh interpreter.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.write import read_tree

HERE = Path(__file__).resolve().parent / "customisation"
CONFIG = 'package = "shop"\nclient_class = "Shop"\noutput = "out"\n'
EXTEND = '\n[extend]\nShop = "lib.client"\nPetsApi = "lib.pets"\n'
NEW_OPERATION = """\
  /pets/{name}:
    delete:
      tags: [Pets]
      operationId: deletePet
      parameters:
        - name: name
          in: path
          required: true
          schema: {type: string}
      responses:
        "204":
          description: Deleted.
"""


def _project(tmp_path: Path, config: str) -> Path:
    shutil.copy(HERE / "openapi.yaml", tmp_path / "openapi.yaml")
    (tmp_path / "generator.toml").write_text(config, encoding="utf-8")
    return tmp_path / "out"


def _generate(tmp_path: Path) -> int:
    return main(["generate", "--spec", str(tmp_path / "openapi.yaml")])


def _python(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(out), "MYPYPATH": str(out)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=out, timeout=600)


@pytest.mark.slow
def test_hand_written_code_survives_regeneration_and_extends_the_client(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _project(tmp_path, CONFIG)
    assert _generate(tmp_path) == 0
    (tmp_path / "generator.toml").write_text(CONFIG + EXTEND, encoding="utf-8")
    before = read_tree(out)
    assert _generate(tmp_path) == 2, "[extend] names modules that do not exist yet: the package would not import"
    assert "generator.toml:7: error[invalid-config]" in capsys.readouterr().err and read_tree(out) == before
    shutil.copytree(HERE / "lib", out / "shop" / "lib")
    (out / "shop" / "lib" / "data.bin").write_bytes(b"\x00\xff\r\n not text")
    mine = read_tree(out / "shop" / "lib")

    # The client uses the subclasses once they are written.
    assert _generate(tmp_path) == 0
    assert read_tree(out / "shop" / "lib") == mine
    assert "from .lib.pets import AsyncPetsApi, PetsApi" in (out / "shop" / "_client.py").read_text(encoding="utf-8")
    assert main(["check", "--spec", str(tmp_path / "openapi.yaml")]) == 0, "the hand-written folder made the output stale"

    # A spec change regenerates around it.
    spec = tmp_path / "openapi.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("components:\n", NEW_OPERATION + "components:\n"), encoding="utf-8")
    assert _generate(tmp_path) == 0
    assert read_tree(out / "shop" / "lib") == mine

    # A broken spec leaves everything, the hand-written folder too, as it was.
    before = read_tree(out)
    broken = spec.read_text(encoding="utf-8").replace('        "200":\n          description: The pets.', '        "200":\n          $ref: "#/components/responses/Nope"\n        "201":\n          description: The pets.')
    spec.write_text(broken, encoding="utf-8")  # a response that does not resolve: unresolved-ref, an error
    assert _generate(tmp_path) == 2
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generator.toml", "openapi.yaml", "out"]

    used = _python(out, str(HERE / "use.py"))
    assert used.returncode == 0, used.stdout + used.stderr
    assert "delete_pet" in used.stdout and "oldest" in used.stdout
    shutil.copy(HERE / "use.py", tmp_path / "use.py")
    typed = _python(out, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, "shop", str(tmp_path / "use.py"))
    assert typed.returncode == 0, typed.stdout + typed.stderr


def test_extend_must_name_a_generated_class(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _project(tmp_path, CONFIG + '\n[extend]\nPetApi = "lib.pets"\n')
    assert _generate(tmp_path) == 2
    err = capsys.readouterr().err
    assert "generator.toml:6: error[invalid-config]" in err and "'PetApi' is not a generated class" in err and "PetsApi" in err


@pytest.mark.parametrize(
    ("extend", "message"),
    [('PetsApi = "pets"', "not a module of the hand-written folder"), ('PetsApi = "lib.Pets-x"', "not a module"), ("extend = 3", "must be a table")],
)
def test_extend_values_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str], extend: str, message: str) -> None:
    _project(tmp_path, CONFIG + ("\n[extend]\n" + extend if not extend.startswith("extend") else extend) + "\n")
    assert _generate(tmp_path) == 2
    err = capsys.readouterr().err
    assert "error[invalid-config]" in err and message in err
