"""``python -m generator generate | validate | check``.

Exit status: 0 done; 1 ``check`` found the committed output stale; 2 the spec has errors
(each printed with its code, pointer, file, line and hint; nothing was written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import check_extend_modules, load_config
from .diagnostics import Diagnostic, SpecError
from .pipeline import check_spec, generate_files
from .write import diff_tree, hand_written, write_tree

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
        if name != "validate":
            command.add_argument("--out", type=Path, default=None, help="the output folder (default: the config's output, else generated/leap)")
            command.add_argument("--templates", type=Path, default=None, help="a folder of template overrides (default: the config's templates, else none)")
    return parser


def _print(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.config, args.spec)
        if args.command == "validate":
            warnings = check_spec(args.spec, strict=args.strict)
            _print(warnings)
            print(f"{args.spec}: valid ({len(warnings)} warning(s))")
            return 0
        overrides = args.templates or config.templates
        result = generate_files(args.spec, config=config.package, strict=args.strict, overrides=overrides, config_file=config.path)
        args.out = args.out or config.output or DEFAULT_OUT
        check_extend_modules(config, args.out)  # the package would not import without them
    except SpecError as exc:
        _print(exc.diagnostics)
        print(f"{len(exc.diagnostics)} problem(s); nothing was written.", file=sys.stderr)
        return 2
    _print(result.warnings)
    keep = (hand_written(config.package.package),)  # the user's own code in the package: never touched
    if args.command == "check":
        stale = diff_tree(result.files, args.out, keep)
        if stale:
            print(f"{args.out} is stale: run `make generate`.", file=sys.stderr)
            print("\n".join(stale), file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({len(result.files)} files)")
        return 0
    write_tree(result.files, args.out, keep)
    print(f"wrote {len(result.files)} files to {args.out}")
    return 0
