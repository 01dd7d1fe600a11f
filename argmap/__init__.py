"""argmap: argument maps of real debates, in Python.

Build a map with :class:`MapBuilder`, check it with :func:`validate`, save and load it as
native JSON with :func:`dump` and :func:`load`, or in any registered format with :func:`read`,
:func:`write` and :func:`export`. Formats (Markdown, DOT, Argdown, ...) come from plugins; see
:mod:`argmap.plugins`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The names below are imported on first use, so that `argmap --help` and other commands load
# only the modules they need (start-up time is a goal of the command line).
_LAZY: dict[str, str] = {
    "MapBuilder": "argmap.builder",
    "ArgmapError": "argmap.errors",
    "DuplicateIdError": "argmap.errors",
    "ExportError": "argmap.errors",
    "FormatError": "argmap.errors",
    "InvalidRelationError": "argmap.errors",
    "MapStructureError": "argmap.errors",
    "OutputError": "argmap.errors",
    "PluginError": "argmap.errors",
    "ReadError": "argmap.errors",
    "SelfSupportError": "argmap.errors",
    "UnknownIdError": "argmap.errors",
    "export": "argmap.io",
    "parse": "argmap.io",
    "read": "argmap.io",
    "write": "argmap.io",
    "dump": "argmap.jsonformat",
    "dumps": "argmap.jsonformat",
    "load": "argmap.jsonformat",
    "loads": "argmap.jsonformat",
    "Argument": "argmap.model",
    "ArgumentMap": "argmap.model",
    "Claim": "argmap.model",
    "Location": "argmap.model",
    "Relation": "argmap.model",
    "RelationKind": "argmap.model",
    "Section": "argmap.model",
    "Source": "argmap.model",
    "Verdict": "argmap.model",
    "Diagnostic": "argmap.validation",
    "Report": "argmap.validation",
    "Severity": "argmap.validation",
    "validate": "argmap.validation",
}

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


if TYPE_CHECKING:
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
