"""What a plugin sees: the format descriptors (:mod:`.formats`) and hook specs (:mod:`.hookspecs`).

A plugin needs nothing else of argmap to register a format::

    from argmap.plugin_api import Exporter, RegisterExporter, hookimpl
"""

from argmap.plugin_api.formats import (
    EvaluationLike,
    Exporter,
    LabelLike,
    Origin,
    Reader,
    RegisterExporter,
    RegisterReader,
)
from argmap.plugin_api.hookspecs import hookimpl, hookspec

__all__ = [
    "EvaluationLike",
    "Exporter",
    "LabelLike",
    "Origin",
    "Reader",
    "RegisterExporter",
    "RegisterReader",
    "hookimpl",
    "hookspec",
]
