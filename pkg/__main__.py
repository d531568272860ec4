"""``python -m khabar`` runs the command line."""

from khabar.cli.app import main

main()
