"""The generator's config file: names of the generated package, output folder, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.config import load_config
from generator.diagnostics import SpecError
from generator.ir import PackageConfig
from generator.write import read_tree
from tests.conftest import SPEC_PATH

BROKEN = Path(__file__).resolve().parent / "broken_specs"


def test_without_a_config_the_names_are_leaps(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.1.0\n", encoding="utf-8")
    config = load_config(None, spec)
    assert config.package == PackageConfig() and config.output is None


def test_generator_toml_beside_the_spec_is_found(tmp_path: Path) -> None:
    (tmp_path / "generator.toml").write_text('package = "pets"\noutput = "../out/pets"\n', encoding="utf-8")
    config = load_config(None, tmp_path / "spec.yaml")
    assert config.package == PackageConfig(
        package="pets", distribution="pets", client_class="Pets", async_client_class="AsyncPets", error_base="PetsError", env_prefix="PETS", title="Pets"
    )
    assert config.output == tmp_path.parent / "out" / "pets"


def test_every_key_can_be_set(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'package = "acme_sdk"\ndistribution = "acme"\nversion = "2.0.0"\nclient_class = "Acme"\nasync_client_class = "AcmeAsync"\n'
        'error_base = "AcmeFailure"\nenv_prefix = "ACME_API"\ntitle = "Acme Cloud"\nbase_url = "https://api.acme.test/v2"\n',
        encoding="utf-8",
    )
    assert load_config(path, tmp_path / "spec.yaml").package == PackageConfig(
        package="acme_sdk", distribution="acme", version="2.0.0", client_class="Acme", async_client_class="AcmeAsync",
        error_base="AcmeFailure", env_prefix="ACME_API", title="Acme Cloud", base_url="https://api.acme.test/v2",
    )


@pytest.mark.slow
def test_the_leap_spec_with_another_config_generates_another_package(tmp_path: Path) -> None:
    config = tmp_path / "acme.toml"
    config.write_text('package = "acme"\nclient_class = "Acme"\nenv_prefix = "ACME"\nbase_url = "https://api.acme.test"\noutput = "sdk"\n', encoding="utf-8")

    assert main(["generate", "--spec", str(SPEC_PATH), "--config", str(config)]) == 0

    files = read_tree(tmp_path / "sdk")
    client = files["acme/_client.py"].decode()
    assert "class Acme(SyncAPIClient):" in client and "class AsyncAcme(AsyncAPIClient):" in client
    assert "ACME_API_KEY" in client and "DEFAULT_BASE_URL = \"https://api.acme.test\"" in client
    assert "class AcmeError(Exception):" in files["acme/_exceptions.py"].decode()
    generated = "\n".join(text.decode() for name, text in files.items() if name.endswith((".py", ".md", ".toml")))
    for leaked in ("LEAP_", "LeapError", "AsyncLeap", "class Leap", "from leap", "import leap", " leap."):
        assert leaked not in generated, f"a Leap name leaked into another package: {leaked}"


def test_the_invalid_config_case_reports_every_problem_with_its_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(SPEC_PATH), "--config", str(BROKEN / "invalid-config.toml"), "--out", str(out)]) == 2
    stderr = capsys.readouterr().err
    assert "invalid-config.toml:2: error[invalid-config]" in stderr and "'pet store'" in stderr
    assert "invalid-config.toml:3: error[invalid-config]" in stderr and "unknown key 'colour'" in stderr
    assert "invalid-config.toml:4: error[invalid-config]" in stderr and "client_class must be a string" in stderr
    assert "hint: " in stderr and "Traceback" not in stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('package = "x\n', "not valid TOML"),
        ('package = "class"\n', "is a Python keyword"),
        ('env_prefix = "lower"\n', "env_prefix = 'lower' is not"),
        ('client_class = "APIError"\n', "a name the SDK already defines"),
        ('client_class = "Same"\nasync_client_class = "Same"\n', "must differ"),
        ('base_url = "ftp://x"\n', "is not an http(s) URL"),
        ("output = 3\n", "output must be a folder path"),
        ("[package]\nname = 'x'\n", "package must be a string"),
    ],
)
def test_bad_values_are_diagnostics_not_tracebacks(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_config(path, tmp_path / "spec.yaml")
    assert all(d.code == "invalid-config" and d.severity == "error" for d in caught.value.diagnostics)
    assert any(message in d.message for d in caught.value.diagnostics), [d.message for d in caught.value.diagnostics]


def test_a_missing_config_file_is_a_diagnostic(tmp_path: Path) -> None:
    assert main(["validate", "--spec", str(SPEC_PATH), "--config", str(tmp_path / "nope.toml")]) == 2


def test_the_leap_config_beside_the_spec_is_the_default() -> None:
    config = load_config(None, SPEC_PATH)
    assert config.path == SPEC_PATH.parent / "generator.toml"
    assert config.package == PackageConfig()
    assert config.output is not None and config.output.resolve() == (SPEC_PATH.parent.parent / "generated" / "leap").resolve()
