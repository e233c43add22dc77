"""Swagger 2.0 documents, converted to OpenAPI 3.0 before anything else by ``swagger2openapi``.

``swagger2openapi`` (Mermade's oas-kit, the converter most OpenAPI tools use) runs on Node.js;
the generator's ``package.json`` pins it and ``npm ci`` installs it beside the generator. It
reads the file and the files its ``$ref``s name (``--resolve``), fixes the small defects it
knows (``--patch``), and writes the OpenAPI 3.0 document as JSON, which the generator reads on.
Without Node.js or the converter, the diagnostic gives the command line to convert by hand.

Diagnostics keep naming the Swagger file: an element of ``components`` is found at its 2.0 place
(``/components/schemas/Pet`` at ``/definitions/Pet``), anything else at the deepest element of its
pointer that the 2.0 document also has.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from generator.diagnostics import CODES, Diagnostic, SpecError

#: Where an element of the converted document's ``components`` was in the Swagger 2.0 document.
PLACES_IN_SWAGGER = (
    ("/components/schemas", "/definitions"),
    ("/components/parameters", "/parameters"),
    ("/components/responses", "/responses"),
    ("/components/securitySchemes", "/securityDefinitions"),
)

_CONVERTER = Path(__file__).resolve().parents[2] / "node_modules" / "swagger2openapi" / "swagger2openapi.js"
_TIMEOUT = 300


def is_swagger(data: dict[str, Any]) -> bool:
    return "swagger" in data and "openapi" not in data


def by_hand(shown: str) -> str:
    """The command line that converts the document ``shown`` by hand."""
    target = str(Path(shown).with_name(Path(shown).stem + ".openapi.yaml"))
    return f"npx swagger2openapi@7 --patch --resolve --outfile {target} {shown}"


def _failure(shown: str, line: int | None, reason: str) -> SpecError:
    message = f"the document is Swagger, not OpenAPI, and {reason}; convert it to OpenAPI 3.0 with `{by_hand(shown)}` and pass the result with --spec"
    return SpecError([Diagnostic("swagger-not-converted", "error", "/swagger", message, CODES["swagger-not-converted"][1], file=shown, line=line)])


def converter() -> list[str] | None:
    """The command that runs swagger2openapi (the generator's own ``node_modules``, else one on the PATH), or ``None``."""
    node = shutil.which("node")
    script = str(_CONVERTER) if _CONVERTER.is_file() else shutil.which("swagger2openapi")
    if node is None or not script:
        return None
    return [node, script]


def convert(path: Path, shown: str, line: int | None, replaced: dict[str, Any] | None = None) -> bytes:
    """The OpenAPI 3.0 document (JSON) converted from the Swagger 2.0 file at ``path`` (or from ``replaced``, the
    document as it is to be converted instead, see :mod:`.swagger_names`); :class:`SpecError` (at ``line``,
    that of its ``swagger`` field) when it cannot be."""
    command = converter()
    if command is None:
        raise _failure(shown, line, "Node.js or swagger2openapi is not installed (run `npm ci` in the generator's folder)")
    with tempfile.TemporaryDirectory() as folder:
        source = path
        if replaced is not None:
            source = Path(folder) / f"{path.stem}.json"
            source.write_text(json.dumps(replaced, ensure_ascii=False, default=str), encoding="utf-8")
        done = _run([*command, "--patch", "--resolve", "--warnOnly", str(source)], shown, line)
    if done.returncode != 0 or not done.stdout.strip():
        said = [line.strip() for line in done.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        raise _failure(shown, line, f"swagger2openapi failed: {said[0] if said else f'exit status {done.returncode}'}")
    return done.stdout


def _run(command: list[str], shown: str, line: int | None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise _failure(shown, line, f"swagger2openapi could not run: {exc}") from None
