"""The generator's configuration file: what to call the generated package, and where to write it.

A ``generator.toml`` beside the spec (or the file given with ``--config``) holds flat
``key = value`` pairs; every key is optional and defaults to Leap's value::

    package = "petstore"            # import name of the generated package
    distribution = "petstore-sdk"   # pip name (default: package, with "_" as "-")
    version = "1.0.0"               # version of the generated distribution
    client_class = "Petstore"       # the blocking client
    async_client_class = "AsyncPetstore"   # default: "Async" + client_class
    error_base = "PetstoreError"    # base class of every SDK exception (default: client_class + "Error")
    env_prefix = "PETSTORE"         # PETSTORE_API_KEY, PETSTORE_BASE_URL (default: package upper-cased)
    title = "Petstore"              # product name in headers and docs (default: client_class)
    base_url = "https://petstore3.swagger.io/api/v3"   # default: the spec's first server
    request_id_header = "x-request-id"   # the response header with the API's ID of a request
    output = "../generated/petstore"   # relative to this file; --out overrides it
    templates = "templates"         # a folder of template overrides, relative to this file; --templates overrides it

    [extend]                        # hand-written subclasses in <package>/lib/ used by the client
    Petstore = "lib.client"         # lib/client.py defines Petstore and AsyncPetstore
    PetApi = "lib.pets"             # lib/pets.py defines PetApi and AsyncPetApi

An unknown key, a value of the wrong type or a name that is not a valid identifier is an
``invalid-config`` error (exit status 2), reported with the file and line.
"""

from __future__ import annotations

import keyword
import os
import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable

from generator.diagnostics import CODES, Diagnostic, SpecError


@dataclass(frozen=True)
class PackageConfig:
    """What names the generated package; Leap's values are the defaults."""

    package: str = "leap"
    distribution: str = "leap"
    version: str = "0.1.0"
    client_class: str = "Leap"
    async_client_class: str = "AsyncLeap"
    error_base: str = "LeapError"
    env_prefix: str = "LEAP"
    title: str = "Leap"
    base_url: str = ""  # "" = the first server of the spec
    #: The response header that carries the API's ID of a request (``request_id`` of errors
    #: and raw responses, ``_request_id`` of models).
    request_id_header: str = "x-request-id"
    #: ``[extend]``: (generated class name, module under the package) pairs, sorted; the client
    #: uses the module's subclasses (same names) instead of the generated classes.
    extend: tuple[tuple[str, str], ...] = ()

    def extension(self, class_name: str) -> str:
        """The module (``lib.images``) whose subclass replaces ``class_name``, or ``""``."""
        return dict(self.extend).get(class_name, "")


CONFIG_NAME = "generator.toml"
"""The file looked for beside the spec when ``--config`` is not given."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_RULES: dict[str, tuple[re.Pattern[str], str]] = {
    "package": (re.compile(r"[a-z_][a-z0-9_]*"), "a lower-case Python identifier (letters, digits, _)"),
    "distribution": (re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?"), "a pip distribution name"),
    "version": (re.compile(r"\S+"), "a version without spaces"),
    "client_class": (re.compile(r"[A-Z][A-Za-z0-9_]*"), "a class name starting with an upper-case letter"),
    "async_client_class": (re.compile(r"[A-Z][A-Za-z0-9_]*"), "a class name starting with an upper-case letter"),
    "error_base": (re.compile(r"[A-Z][A-Za-z0-9_]*"), "a class name starting with an upper-case letter"),
    "env_prefix": (re.compile(r"[A-Z][A-Z0-9_]*"), "upper-case letters, digits and _"),
    "title": (re.compile(r"[^\n]*\S[^\n]*"), "one line of text"),
    "base_url": (re.compile(r"(https?://\S+)?"), "an http(s) URL"),
    "request_id_header": (re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"), "an HTTP header name"),
}
#: Names the generated package defines itself; a client or error class may not take them.
_TAKEN = {"APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError", "APITimeoutError", "AuthenticationError", "BadRequestError", "ConflictError", "InternalServerError", "MissingAPIKeyError", "NotFoundError", "PaymentRequiredError", "PermissionDeniedError", "RateLimitError", "UnprocessableEntityError", "FileInput"}


#: ``[extend]`` values: a module of the hand-written folder (``lib``), as a dotted path from the package.
_EXTEND_MODULE = re.compile(r"lib(\.[a-z_][a-z0-9_]*)+")


@dataclass(frozen=True)
class Config:
    """A loaded configuration: the package names, the output folder and the template overrides
    folder (``None``: the caller's default, no overrides)."""

    package: PackageConfig
    output: Path | None = None
    path: Path | None = None
    templates: Path | None = None


def _error(path: Path, message: str, line: int | None = None) -> SpecError:
    return SpecError([Diagnostic("invalid-config", "error", "", message, CODES["invalid-config"][1], file=str(path), line=line)])


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def package_config(values: dict[str, Any]) -> PackageConfig:
    """A :class:`PackageConfig` from (already checked) values, deriving what is left out from what is given."""
    base = PackageConfig()
    given = dict(values)
    if "package" in given:
        package = given["package"]
        given.setdefault("distribution", package.replace("_", "-"))
        given.setdefault("env_prefix", package.upper())
        given.setdefault("client_class", "".join(w[:1].upper() + w[1:] for w in package.split("_") if w) or base.client_class)
    if "client_class" in given:
        given.setdefault("async_client_class", "Async" + given["client_class"])
        given.setdefault("error_base", given["client_class"] + "Error")
        given.setdefault("title", given["client_class"])
    if "extend" in given:
        given["extend"] = tuple(sorted(given["extend"].items()))
    known = {f.name for f in fields(PackageConfig)}
    return PackageConfig(**{k: v for k, v in given.items() if k in known})


def check_values(values: dict[str, Any], path: Path, text: str = "") -> PackageConfig:
    """Check raw ``values`` (from TOML) and build the :class:`PackageConfig`; raise ``SpecError`` listing every problem."""
    problems: list[Diagnostic] = []

    def problem(key: str, message: str) -> None:
        problems.append(Diagnostic("invalid-config", "error", "", message, CODES["invalid-config"][1], file=str(path), line=_line_of(text, key)))

    for key, value in values.items():
        if key in ("output", "templates"):
            if not isinstance(value, str) or not value.strip():
                problem(key, f"{key} must be a folder path (a string), not {value!r}")
            continue
        if key == "extend":
            _check_extend(value, problem)
            continue
        if key not in _RULES:
            problem(key, f"unknown key {key!r}; known keys: {', '.join(sorted([*_RULES, 'extend', 'output', 'templates']))}")
            continue
        pattern, what = _RULES[key]
        if not isinstance(value, str):
            problem(key, f"{key} must be a string ({what}), not {type(value).__name__} {value!r}")
        elif not pattern.fullmatch(value):
            problem(key, f"{key} = {value!r} is not {what}")
        elif key in ("package", "client_class", "async_client_class", "error_base") and keyword.iskeyword(value):
            problem(key, f"{key} = {value!r} is a Python keyword")
        elif key in ("client_class", "async_client_class", "error_base") and value in _TAKEN:
            problem(key, f"{key} = {value!r} is a name the SDK already defines")
    if problems:
        raise SpecError(problems)
    config = package_config({k: v for k, v in values.items() if k not in ("output", "templates")})
    classes = [config.client_class, config.async_client_class, config.error_base]
    if len(set(classes)) < 3:
        raise _error(path, f"client_class, async_client_class and error_base must differ: {classes}")
    return config


def _check_extend(value: Any, problem: Callable[[str, str], None]) -> None:
    """``[extend]``: class name = module under ``lib`` (whether the class exists is checked after the build)."""
    if not isinstance(value, dict):
        problem("extend", f"extend must be a table of class name = module (e.g. ImagesApi = \"lib.images\"), not {value!r}")
        return
    for name, module in value.items():
        if not _IDENTIFIER.fullmatch(name):
            problem(name, f"extend: {name!r} is not a class name")
        elif not isinstance(module, str) or not _EXTEND_MODULE.fullmatch(module):
            problem(name, f"extend: {name} = {module!r} is not a module of the hand-written folder (e.g. \"lib.images\")")


def check_extend(config: PackageConfig, api_classes: list[str], path: Path | None = None) -> None:
    """Check that every ``[extend]`` key of ``config`` names the client class or one of ``api_classes``.

    Raises:
        SpecError: (``invalid-config``) a key names no class the generator writes.
    """
    names = [config.client_class, *api_classes]
    text = path.read_text(encoding="utf-8") if path is not None and path.is_file() else ""
    problems = []
    for name, _ in config.extend:
        if name not in names:
            import difflib  # here, not above: only a wrong key needs it

            close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
            message = f"extend: {name!r} is not a generated class; extend names {config.client_class!r} or an API class" + (f" (did you mean {', '.join(close)}?)" if close else f" ({', '.join(names[1:])})")
            problems.append(Diagnostic("invalid-config", "error", "", message, CODES["invalid-config"][1], file=str(path or ""), line=_line_of(text, name)))
    if problems:
        raise SpecError(problems)


def check_extend_modules(config: Config, out: Path) -> None:
    """Check that every ``[extend]`` module exists in the output folder ``out`` (else the package would not import).

    Raises:
        SpecError: (``invalid-config``) a module named under ``[extend]`` is not written yet.
    """
    text = config.path.read_text(encoding="utf-8") if config.path is not None and config.path.is_file() else ""
    problems = []
    for name, module in config.package.extend:
        base = Path(out, config.package.package, *module.split("."))
        if not base.with_suffix(".py").is_file() and not (base / "__init__.py").is_file():
            message = f"extend: {name} = {module!r}, but {base.with_suffix('.py')} does not exist; write the module (with {name} and its async twin) first"
            problems.append(Diagnostic("invalid-config", "error", "", message, CODES["invalid-config"][1], file=str(config.path or ""), line=_line_of(text, name)))
    if problems:
        raise SpecError(problems)


def load_config(path: Path | None, spec: Path) -> Config:
    """The configuration at ``path``; without one, ``generator.toml`` beside ``spec``; without that, Leap's defaults.

    Raises:
        SpecError: (``invalid-config``) the file cannot be read, is not TOML, or holds a bad value.
    """
    if path is None:
        beside = Path(spec).parent / CONFIG_NAME
        if not beside.is_file():
            return Config(PackageConfig())
        path = beside
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(path, f"cannot read the config file: {getattr(exc, 'strerror', None) or exc}") from None
    if sys.version_info >= (3, 11):  # here, not above: most runs read no config file
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise _error(path, f"not valid TOML: {exc}", int(line.group(1)) if line else None) from None
    package = check_values(values, path, text)

    def folder(key: str) -> Path | None:
        value = values.get(key)
        return Path(os.path.normpath(path.parent / value)) if isinstance(value, str) else None

    return Config(package, folder("output"), path, folder("templates"))
