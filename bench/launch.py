"""A small launcher that measures one command: ``python -I -S launch.py REPORT TIMEOUT CMD...``.

Linux carries a process's peak RSS over ``fork`` and ``exec``: a child of the harness (which
holds parsed specs in memory) would report at least the harness's own peak. This launcher is
a fresh, small interpreter (no site packages), so the child it spawns starts from its few
MiB. It spawns CMD (inheriting the standard streams and the working folder), kills it after
TIMEOUT seconds, and writes ``{"seconds", "maxrss_kib", "code"}`` as JSON to REPORT, where
``seconds`` is the wall time from spawn to exit and ``maxrss_kib`` the peak resident memory of
CMD or any process it waited for.
"""

import json
import os
import signal
import sys
import time


def main() -> None:
    report, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ)

    def kill(*_):
        os.kill(pid, signal.SIGKILL)

    signal.signal(signal.SIGALRM, kill)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    while True:
        try:
            _, status, usage = os.wait4(pid, 0)
            break
        except InterruptedError:
            continue
    seconds = time.perf_counter() - start
    signal.setitimer(signal.ITIMER_REAL, 0)
    with open(report, "w") as handle:
        json.dump(
            {"seconds": seconds, "maxrss_kib": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status)}, handle
        )


main()
