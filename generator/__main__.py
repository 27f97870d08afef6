"""``python -m generator``: the ``cutover`` command."""

from generator.cli import main

main()
