"""Commands of the ``argmap`` program beyond the core ones in :mod:`argmap.cli`."""
