"""The ``clearance`` command line (Typer). The app lives in :mod:`clearance.cli.main`."""
