"""``python -m generator generate | validate | check``.

Exit status: 0 done; 1 ``check`` found the committed output stale; 2 the spec has errors
(each printed with its code, pointer, file, line and hint; nothing was written).

Runs use the caches of :mod:`generator.cache` (``--no-cache`` turns them off). When the
record of the last generation into ``--out`` shows that no input changed (spec files,
config, templates, guide pages, the generator itself, installed libraries) and the folder
still holds exactly the files written then, ``generate`` and ``check`` are done without
loading the spec (or importing the libraries the pipeline needs).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import cache as caching
from .config import Config, load_config
from .diagnostics import Diagnostic, SpecError
from .write import read_tree

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "spec" / "openapi.yaml"
DEFAULT_OUT = ROOT / "generated" / "leap"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Generate a Python SDK from an OpenAPI document.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("generate", "write the SDK into --out (atomically; untouched on error)"),
        ("validate", "check the spec and print every problem"),
        ("check", "exit 1 and list the files when --out differs from a fresh generation"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="the OpenAPI document (default: spec/openapi.yaml)")
        command.add_argument("--config", type=Path, default=None, help="the generator's TOML config (default: generator.toml beside the spec, else Leap's names)")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument("--no-cache", action="store_true", help="use no cache: parse, validate and format everything again")
        command.add_argument(
            "--cache-dir", type=Path, default=None, help=f"the cache folder (default: ${caching.ENV_DIR}, else {caching.DEFAULT_DIR} in the current folder)"
        )
        if name != "validate":
            command.add_argument("--out", type=Path, default=None, help="the output folder (default: the config's output, else generated/leap)")
    return parser


def _print(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)


def _run_key(args: argparse.Namespace, config: Config) -> str:
    """The key of the record of this generation: what the arguments and the config say."""
    config_bytes = b""
    if config.path is not None:
        try:
            config_bytes = config.path.read_bytes()
        except OSError:
            config_bytes = b"?"
    from .fmt import mode_key

    spec, out = Path(args.spec).resolve(), Path(args.out).resolve()
    return caching.run_key(spec, out, args.strict, repr(config.package), config.path, config_bytes, mode_key())


def _fresh(args: argparse.Namespace, cache: caching.Cache, key: str, tree: dict[str, bytes]) -> bool:
    """When the record says nothing changed: print what that run printed (and what this command says) and return True."""
    record = cache.read_json("runs", key)
    if record is None or not caching.still_fresh(record, tree):
        return False
    if record["messages"]:
        print(record["messages"], file=sys.stderr)
    count = len(record["outputs"])
    if args.command == "check":
        print(f"{args.out} is up to date ({count} files)")
    else:
        print(f"{args.out} is up to date ({count} files; no input changed since they were written)")
    return True


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    cache = None if args.no_cache else caching.Cache.default(args.cache_dir)
    try:
        config = load_config(args.config, args.spec)
        if args.command == "validate":
            from .pipeline import check_spec

            warnings = check_spec(args.spec, strict=args.strict, cache=cache)
            _print(warnings)
            print(f"{args.spec}: valid ({len(warnings)} warning(s))")
            return 0
        args.out = args.out or config.output or DEFAULT_OUT
        key = _run_key(args, config) if cache is not None else ""
        tree = read_tree(args.out) if cache is not None else None
        if cache is not None and tree is not None and _fresh(args, cache, key, tree):
            return 0
        from .pipeline import generate_files

        result = generate_files(args.spec, config=config.package, strict=args.strict, cache=cache)
    except SpecError as exc:
        _print(exc.diagnostics)
        print(f"{len(exc.diagnostics)} problem(s); nothing was written.", file=sys.stderr)
        return 2
    _print(result.warnings)
    if args.command == "check":
        from .write import diff_tree

        stale = diff_tree(result.files, args.out)
        if stale:
            print(f"{args.out} is stale: run `make generate`.", file=sys.stderr)
            print("\n".join(stale), file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({len(result.files)} files)")
    else:
        from .write import update_tree

        update_tree(result.files, args.out, tree)
        print(f"wrote {len(result.files)} files to {args.out}")
    if cache is not None:
        messages = "\n".join(d.format() for d in result.warnings)
        cache.write_json("runs", key, caching.make_record(result.sources, result.folders, result.files, messages))
    return 0
