"""``python -m generator``: the same process as the ``leap-generate`` script (see :func:`generator.cli.entry_point`)."""

from generator.cli import entry_point

if __name__ == "__main__":
    entry_point()
