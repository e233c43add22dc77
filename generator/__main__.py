import gc
import sys

from .cli import main

# A run is one short process that builds a few million objects (a big spec's parsed tree, the
# IR, the rendered files) and frees almost all of them by reference counting. Python's cyclic
# garbage collector would walk that whole heap again and again while it grows (on Stripe's spec
# a third of loading and building); it is turned off for the command-line process. The processes
# that run black turn it back on: black's syntax trees are cyclic (see generator.fmt).
gc.disable()
sys.exit(main())
