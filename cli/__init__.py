"""khabar's command line: a thin Typer layer over :mod:`khabar.core`."""
