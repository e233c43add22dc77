import gc
import os
import sys

from generator.cli import main

# A run is one short process that builds a few million objects (a big spec's parsed tree, the
# IR, the rendered files) and frees almost all of them by reference counting. Python's cyclic
# garbage collector would walk that whole heap again and again while it grows (on Stripe's spec
# a third of loading and building); it is turned off for the command-line process. The processes
# that run black turn it back on: black's syntax trees are cyclic (see generator.workers).
gc.disable()
status = main()
# Done: every file is written and closed, every child process joined. Freeing that heap object by
# object at exit would take longer than most of the edit loop's stages (0.15 s on Stripe's spec),
# so the process ends at once, once what it printed is out.
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
