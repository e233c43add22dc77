"""The generators the bench measures: how each is run, in which environment, with which settings.

Ours runs cold (``--no-cache``); openapi-python-client with ``literal_enums`` (without it, it stops
on Stripe); OpenAPI Generator with ``-g python``, and on the specs of :data:`JSON_TOO` a second time
from a JSON copy of the document; datamodel-code-generator with pydantic v2 models, into one module,
or a folder of modules when schema names have dots. Files a tool needs made from a spec (the JSON
copy) are made before the clock starts (:meth:`Tool.prepare`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import peers
from .paths import BUILD, OUR_PYTHON


@dataclass(frozen=True)
class Tool:
    """A generator: ``key`` (short), ``label`` (for tables), how to run it, how to import its output."""

    key: str
    label: str

    def argv(self, spec: Path, out: Path) -> list[str]:
        if self.key == "ours":  # cold: no cache (the edit loop measures it warm)
            return [str(OUR_PYTHON), "-m", "generator", "generate", "--spec", str(spec), "--out", str(out), "--no-cache"]
        if self.key == "opc":
            return [
                str(peers.bin_path("openapi-python-client")), "generate",
                "--path", str(spec), "--output-path", str(out), "--overwrite", "--config", str(_opc_config()),
            ]  # fmt: skip
        if self.key in ("oag", "oagj"):
            source = _as_json(spec) if self.key == "oagj" else spec
            return [
                str(peers.bin_path("openapi-generator-cli")),
                "generate",
                "-i",
                str(source),
                "-g",
                "python",
                "-o",
                str(out),
            ]
        if self.key == "dcg":
            # A spec with dotted schema names makes a package of modules (a folder); else one module.
            target = out / "models" if _modular(spec) else out / "models.py"
            return [
                str(peers.bin_path("datamodel-codegen")),
                "--input", str(spec),
                "--input-file-type", "openapi",
                "--output-model-type", "pydantic_v2.BaseModel",
                "--output", str(target),
            ]  # fmt: skip
        raise ValueError(self.key)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        # Python's own bytecode as a user has it: the peers' was compiled when pip installed them, and
        # ours is written beside the generator's source by its first run (as on any machine where this
        # is not turned off), instead of every module being compiled again on every run.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if self.key != "ours":  # openapi-python-client runs ruff from its own environment's bin/
            env["PATH"] = f"{peers.VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        return env

    def prepare(self, spec: Path) -> None:
        """What the tool's run needs made from ``spec`` that is not part of its timed run (a JSON copy, the layout of its models)."""
        if self.key == "oagj":
            _as_json(spec)
        if self.key == "dcg":
            _modular(spec)

    @property
    def python(self) -> Path:
        return OUR_PYTHON if self.key == "ours" else peers.python()


OURS = Tool("ours", "ours")
PEERS = (
    Tool("opc", "openapi-python-client"),
    Tool("oag", "OpenAPI Generator (python)"),
    Tool("dcg", "datamodel-code-generator (models only)"),
)
#: OpenAPI Generator fed the same document converted to JSON: it fails on Stripe's YAML
#: (measured on the specs in :data:`JSON_TOO`, besides the YAML run).
OAG_JSON = Tool("oagj", "OpenAPI Generator (python), spec as JSON")
JSON_TOO = {"stripe"}


def _opc_config() -> Path:
    """openapi-python-client's config: ``literal_enums``, without which it stops on Stripe
    (two enum values of one enum map to the same Python name); the same for every spec."""
    path = BUILD / "bench" / "opc-config.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text("literal_enums: true\n", encoding="utf-8")
    return path


def _as_json(spec: Path) -> Path:
    """A JSON copy of ``spec`` in ``build/bench/json/`` (made once, outside the timed run)."""
    import json

    from .specs import load

    target = BUILD / "bench" / "json" / (spec.stem + ".json")
    if not target.exists() or target.stat().st_mtime < spec.stat().st_mtime:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(load(spec), default=str), encoding="utf-8")
    return target


_MODULAR: dict[Path, bool] = {}


def _modular(spec: Path) -> bool:
    if spec not in _MODULAR:
        from .specs import load

        schemas = ((load(spec).get("components") or {}).get("schemas")) or {}
        _MODULAR[spec] = any("." in name for name in schemas)
    return _MODULAR[spec]
