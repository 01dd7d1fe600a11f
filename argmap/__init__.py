"""argmap: argument maps of real debates, in Python.

Build a map with :class:`MapBuilder`, check it with :func:`validate`, save and load it as
native JSON with :func:`dump` and :func:`load`, or in any registered format with :func:`read`,
:func:`write` and :func:`export`. Formats (Markdown, DOT, Argdown, ...) come from plugins; see
:mod:`argmap.plugins`.
"""

from __future__ import annotations

from argmap.builder import MapBuilder
from argmap.errors import (
    ArgmapError,
    DuplicateIdError,
    ExportError,
    FormatError,
    InvalidRelationError,
    MapStructureError,
    OutputError,
    PluginError,
    ReadError,
    SelfSupportError,
    UnknownIdError,
)
from argmap.io import export, parse, read, write
from argmap.jsonformat import dump, dumps, load, loads
from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    Location,
    Relation,
    RelationKind,
    Section,
    Source,
    Verdict,
)
from argmap.validation import Diagnostic, Report, Severity, validate

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "Claim",
    "Diagnostic",
    "DuplicateIdError",
    "ExportError",
    "FormatError",
    "InvalidRelationError",
    "Location",
    "MapBuilder",
    "MapStructureError",
    "OutputError",
    "PluginError",
    "ReadError",
    "Relation",
    "RelationKind",
    "Report",
    "Section",
    "SelfSupportError",
    "Severity",
    "Source",
    "UnknownIdError",
    "Verdict",
    "__version__",
    "dump",
    "dumps",
    "export",
    "load",
    "loads",
    "parse",
    "read",
    "validate",
    "write",
]
