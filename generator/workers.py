"""Work spread over forked processes, for the stages that take long on a big spec (render, format).

Forked workers inherit the caller's data (the IR, the rendered files) instead of receiving a
copy; only each item and its result cross a pipe. Results come back in the order of the items,
so the output never depends on how many processes made it.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence


def workers() -> int:
    """How many processes to spread work over: one per core (at most 8), or 1 where there is no ``fork``."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 8)


@contextmanager
def _frozen() -> Iterator[None]:
    """Forked workers inherit the caller's heap (on Stripe's spec millions of objects: the parsed
    spec, the IR, the rendered files). Frozen before the fork, it is left out of the workers'
    garbage collections, which would otherwise walk all of it (about a fifth of black's time on
    Stripe) and copy every page they touch; the caller's own collector gets it back after."""
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


def fork_map(function: Callable[[Any], Any], items: Sequence[Any], chunksize: int = 1) -> list[Any]:
    """``[function(item) for item in items]``, computed by :func:`workers` forked processes.

    ``function`` must be a module-level function (it is found by name in the workers); an
    exception it raises is raised here. The workers collect their own garbage (black's syntax
    trees are cyclic), while the caller may run with the collector off (see ``generator.cli.entry_point``).
    """
    import multiprocessing

    with _frozen(), multiprocessing.get_context("fork").Pool(workers(), initializer=gc.enable) as pool:
        return pool.map(function, items, chunksize=chunksize)
