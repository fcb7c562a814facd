"""The command line: `riftwatch run|extract|events|eval`."""

from riftwatch.cli.app import app, main

__all__ = ["app", "main"]
