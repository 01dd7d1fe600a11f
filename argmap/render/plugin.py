"""The drawn diagrams as a plugin: the ``svg``, ``png`` and ``pdf`` exporters.

Registration only; :mod:`argmap.render.exporters` draws them when first used.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.builtin.dot.options import OPTION_HELP
from argmap.plugin_api import Exporter, RegisterExporter, hookimpl

IMAGE_OPTION_HELP: Mapping[str, str] = {
    **OPTION_HELP,
    "engine": "Graphviz engine: pygraphviz, dot, or a path to a dot program",
    "timeout": "give up laying out after this many seconds",
}
"""The options of the ``svg``, ``png`` and ``pdf`` exporters, with their help."""

_IMAGES = (
    ("svg", "Graphviz diagram as SVG (tooltips: full texts, sources)", False, "image/svg+xml"),
    ("png", "Graphviz diagram as PNG", True, "image/png"),
    ("pdf", "Graphviz diagram as PDF", True, "application/pdf"),
)


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``svg``, ``png`` and ``pdf`` exporters."""
    for fmt, description, binary, media_type in _IMAGES:
        register(
            Exporter(
                name=fmt,
                description=description,
                suffixes=(f".{fmt}",),
                export=f"argmap.render.exporters:{fmt}",
                binary=binary,
                options=IMAGE_OPTION_HELP,
                media_type=media_type,
            )
        )
