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

from argmap_aif.reader import AifReading, read_aif
from argmap_aif.writer import dumps, to_aif

__version__ = "0.1.0"

__all__ = ["AifReading", "__version__", "dumps", "read_aif", "to_aif"]
