"""The ``argmap`` command line: the top layer, which parses options and calls the library."""

from argmap.cli.app import app, main

__all__ = ["app", "main"]
