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
import gc
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from generator import cache as caching
from generator.config import Config, check_extend_modules, load_config
from generator.diagnostics import Diagnostic, SpecError, report
from generator.run_record import file_stat, make_record, run_key, settle, settled, still_fresh, unchanged_outputs
from generator.write import hand_written, read_tree, tree_entries

if TYPE_CHECKING:  # the pipeline is imported only when something must be generated
    from generator.pipeline import Result
    from generator.render.reuse import Reuse

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
            command.add_argument(
                "--no-format", dest="formatted", action="store_false", help="leave the Python files as the templates write them (not black's layout; much faster)"
            )
            command.add_argument("--out", type=Path, default=None, help="the output folder (default: the config's output, else generated/leap)")
            command.add_argument("--templates", type=Path, default=None, help="a folder of template overrides (default: the config's templates, else none)")
    return parser


#: At most this many warnings of one code are printed by ``generate`` and ``check`` (``validate`` prints all).
PER_CODE = 10


def _print(diagnostics: list[Diagnostic], per_code: int | None = PER_CODE) -> str:
    """Print ``diagnostics`` (see :func:`generator.diagnostics.report`); return the text printed."""
    text = report(diagnostics, per_code)
    if text:
        print(text, file=sys.stderr)
    return text


def _run_key(args: argparse.Namespace, config: Config, overrides: Path | None) -> str:
    """The key of the record of this generation: what the arguments and the config say."""
    from generator.format.formatter import layout_key

    config_bytes = b""
    if config.path is not None:
        try:
            config_bytes = config.path.read_bytes()
        except OSError:
            config_bytes = b"?"
    spec, out = Path(args.spec).resolve(), Path(args.out).resolve()
    templates = overrides.resolve() if overrides is not None else None
    return run_key(spec, out, templates, args.strict, repr(config), config_bytes, layout_key(args.formatted))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    cache = None if args.no_cache else caching.Cache.default(args.cache_dir)
    try:
        config = load_config(args.config, args.spec)
        if args.command == "validate":
            return _validate(args, cache)
        overrides = args.templates or config.templates
        args.out = args.out or config.output or DEFAULT_OUT
        keep = (hand_written(config.package.package),)  # the user's own code in the package: never touched
        last, tree, reuse = None, None, None
        if cache is not None:
            last = _last_run(args, _run_key(args, config, overrides), keep, cache)
            if _up_to_date(args, config, cache, last):
                return 0
            tree = read_tree(args.out, keep)
            reuse = _reuse(last, tree, args.out) if args.command == "generate" else None
        from generator.pipeline import generate_files

        result = generate_files(
            args.spec, config=config.package, strict=args.strict, overrides=overrides, config_file=config.path, cache=cache, reuse=reuse, formatted=args.formatted
        )
        check_extend_modules(config, args.out)  # the package would not import without them
    except SpecError as exc:
        _print(exc.diagnostics, None if args.command == "validate" else PER_CODE)
        print(f"{len(exc.diagnostics)} problem(s); nothing was written.", file=sys.stderr)
        return 2
    messages = _print(result.warnings)
    status, rewritten = (_check(args, result, keep), []) if args.command == "check" else (0, _write(args, result, tree, keep))
    if cache is not None and last is not None and status == 0:
        _record(cache, last, result, messages, rewritten)
    return status


@dataclass(frozen=True)
class _LastRun:
    """The record of the last generation into ``--out`` (``None``: none) under ``key``, and the ``stat`` of each
    file the output folder holds now (see :mod:`generator.run_record`)."""

    key: str
    record: Any
    stats: dict[str, list[int] | None]
    taken_at: int  # ``time.time_ns()`` before the first ``stat``


def _last_run(args: argparse.Namespace, key: str, keep: tuple[str, ...], cache: caching.Cache) -> _LastRun:
    taken_at = time.time_ns()
    return _LastRun(key, cache.read_value("runs", key), {rel: file_stat(entry) for rel, entry in tree_entries(args.out, keep)}, taken_at)


def _record(cache: caching.Cache, last: _LastRun, result: Result, messages: str, rewritten: list[str]) -> None:
    """Record this generation for the next run. A file not rewritten held this run's text when it was read
    (it was compared with it): the ``stat`` it had then is recorded, and when that was the one recorded last
    time, so is the hash recorded then (not computed again). A file rewritten gets its ``stat`` later."""
    again = set(rewritten)
    stats = settled({rel: found for rel, found in last.stats.items() if rel in result.files and rel not in again}, last.taken_at)
    known = {rel: sha for rel, sha in unchanged_outputs(last.record, last.stats).items() if rel not in again}
    record = make_record(result.sources, result.folders, result.files, messages, result.jobs, stats=stats, known=known)
    cache.write_value("runs", last.key, record)


def _reuse(last: _LastRun, tree: dict[str, bytes], out: Path) -> Reuse:
    """What the last generation into ``--out`` recorded, for the files whose inputs did not change (see
    :mod:`generator.render.reuse`); nothing when there is no record. A file is trusted to hold what was
    written without its bytes being hashed when its ``stat`` was the recorded one before ``tree`` read it
    and still is after (a file edited between the two is hashed like any other)."""
    from generator.render.reuse import Reuse

    jobs = last.record.get("jobs") if isinstance(last.record, dict) else None
    outputs = last.record.get("outputs") if isinstance(last.record, dict) else None
    if not isinstance(jobs, dict) or not isinstance(outputs, dict):
        return Reuse({}, {}, {})
    unchanged = unchanged_outputs(last.record, last.stats)
    root = str(out)
    return Reuse(jobs, outputs, tree, settled=frozenset(rel for rel in unchanged if file_stat(os.path.join(root, rel)) == last.stats[rel]))


def _validate(args: argparse.Namespace, cache: caching.Cache | None) -> int:
    from generator.pipeline import check_spec

    warnings = check_spec(args.spec, strict=args.strict, cache=cache)
    _print(warnings, None)
    print(f"{args.spec}: valid ({len(warnings)} warning(s))")
    return 0


def _up_to_date(args: argparse.Namespace, config: Config, cache: caching.Cache, last: _LastRun) -> bool:
    """The fast path: nothing changed since the last generation into ``--out`` (every input, and the output
    folder), which is said and done; the files read to tell it are recorded as settled (see :func:`settle`)."""
    record = last.record
    if record is None or not still_fresh(record, last.stats, lambda rel: caching.read_bytes(os.path.join(args.out, rel))):
        return False
    settled = settle(record, last.stats, last.taken_at)
    if settled is not None:
        cache.write_value("runs", last.key, settled)
    check_extend_modules(config, args.out)  # the package would not import without them
    if record["messages"]:
        print(record["messages"], file=sys.stderr)
    done = "" if args.command == "check" else "; no input changed since they were written"
    print(f"{args.out} is up to date ({len(record['outputs'])} files{done})")
    return True


def _check(args: argparse.Namespace, result: Result, keep: tuple[str, ...]) -> int:
    from generator.write import diff_tree

    stale = diff_tree(result.files, args.out, keep)
    if stale:
        print(f"{args.out} is stale: run `make generate`.", file=sys.stderr)
        print("\n".join(stale), file=sys.stderr)
        return 1
    print(f"{args.out} is up to date ({len(result.files)} files)")
    return 0


def _write(args: argparse.Namespace, result: Result, tree: dict[str, bytes] | None, keep: tuple[str, ...]) -> list[str]:
    """Write the files; the paths rewritten."""
    from generator.write import update_tree

    rewritten = update_tree(result.files, args.out, tree, keep)
    print(f"wrote {len(result.files)} files to {args.out}")
    return rewritten


def entry_point() -> NoReturn:
    """The command-line process: ``python -m generator`` and the ``leap-generate`` script both run this.

    A run is one short process that builds a few million objects (a big spec's parsed tree, the IR,
    the rendered files) and frees almost all of them by reference counting. Python's cyclic garbage
    collector would walk that whole heap again and again while it grows (on Stripe's spec a third of
    loading and building), so it is off here; the processes that run black turn it back on (black's
    syntax trees are cyclic: see :mod:`generator.workers`). When :func:`main` returns, every file is
    written and closed and every child process joined: freeing that heap object by object at exit
    would take longer than most of the edit loop's stages (0.15 s on Stripe's spec), so the process
    ends at once, once what it printed is out. (An exception, ``SystemExit`` included, ends it as usual.)
    """
    gc.disable()
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
