"""AIF for argmap: read AIFdb JSON and xAIF (OVA3), write AIF.

Installing this distribution adds three formats to argmap through its plugin hooks:
``aif`` (read and write), ``xaif`` (read). Use them from the command line::

    argmap export nodeset21145.json --from aif --to markdown
    argmap export debate.json --to aif -o debate.aif.json

or from Python::

    from argmap_aif import read_aif, dumps
    reading = read_aif(open("nodeset21145.json", "rb").read(), "nodeset21145.json")
    reading.map, reading.warnings, reading.node_counts
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap_aif.reader import AifReading, read_aif
    from argmap_aif.writer import dumps, to_aif

__version__ = "0.1.0"

__all__ = ["AifReading", "__version__", "dumps", "read_aif", "to_aif"]

# argmap imports argmap_aif.plugin (and so this package) to list formats on every command;
# the reader and writer are imported on first use of these names instead (PEP 562).
_LAZY = {
    "AifReading": "argmap_aif.reader",
    "read_aif": "argmap_aif.reader",
    "dumps": "argmap_aif.writer",
    "to_aif": "argmap_aif.writer",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap_aif' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
