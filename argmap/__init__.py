"""argmap: argument maps of real debates, in Python.

Build a map with :class:`MapBuilder`, check it with :func:`validate`, save and load it as
native JSON with :func:`dump` and :func:`load`, or in any registered format with :func:`read`,
:func:`write` and :func:`export`. Formats (Markdown, DOT, Argdown, ...) come from plugins; see
:mod:`argmap.host.plugins`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap._version import __version__

# The names below are imported on first use, so that `argmap --help` and other commands load
# only the modules they need (start-up time is a goal of the command line).
_LAZY: dict[str, str] = {
    "MapBuilder": "argmap.authoring.builder",
    "ArgmapError": "argmap.core.errors",
    "DuplicateIdError": "argmap.core.errors",
    "ExportError": "argmap.core.errors",
    "FormatError": "argmap.core.errors",
    "InvalidRelationError": "argmap.core.errors",
    "MapStructureError": "argmap.core.errors",
    "OutputError": "argmap.core.errors",
    "PluginError": "argmap.core.errors",
    "ReadError": "argmap.core.errors",
    "SelfSupportError": "argmap.core.errors",
    "UnknownIdError": "argmap.core.errors",
    "export": "argmap.host.io",
    "parse": "argmap.host.io",
    "read": "argmap.host.io",
    "write": "argmap.host.io",
    "dump": "argmap.builtin.json.codec",
    "dumps": "argmap.builtin.json.codec",
    "load": "argmap.builtin.json.codec",
    "loads": "argmap.builtin.json.codec",
    "Argument": "argmap.model",
    "ArgumentMap": "argmap.model",
    "Claim": "argmap.model",
    "Location": "argmap.model",
    "Relation": "argmap.model",
    "RelationKind": "argmap.model",
    "Section": "argmap.model",
    "Source": "argmap.model",
    "Verdict": "argmap.model",
    "Diagnostic": "argmap.core.diagnostics",
    "Report": "argmap.authoring.validation",
    "Severity": "argmap.core.diagnostics",
    "hookimpl": "argmap.plugin_api.hookspecs",
    "validate": "argmap.authoring.validation",
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
    "hookimpl",
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
    from argmap.authoring.builder import MapBuilder
    from argmap.authoring.validation import Report, validate
    from argmap.builtin.json.codec import dump, dumps, load, loads
    from argmap.core.diagnostics import Diagnostic, Severity
    from argmap.core.errors import (
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
    from argmap.host.io import export, parse, read, write
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
    from argmap.plugin_api.hookspecs import hookimpl
