"""``python -m khabar`` runs the command line."""

from khabar.cli.entry import main

main()
