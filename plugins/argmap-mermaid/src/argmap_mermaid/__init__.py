"""argmap-mermaid: an argmap plugin that writes argument maps as Mermaid flowcharts.

Installed next to argmap, it adds the ``mermaid`` format::

    argmap export debate.json --to mermaid -o debate.mmd
    argmap export debate.json --to mermaid -O fence=true    # a ```mermaid block for Markdown

or from Python::

    from argmap.host.plugins import registry
    chart = registry().exporter("mermaid")(amap, direction="LR")

The plugin is this module: argmap finds it through the entry point ``mermaid`` in the group
``argmap`` and calls its :func:`argmap_register_exporters` hook.
"""

from __future__ import annotations

from argmap.plugin_api import Exporter, RegisterExporter, hookimpl
from argmap_mermaid.options import OPTIONS

__all__ = ["EXPORTER", "argmap_register_exporters"]
__version__ = "0.1.0"

EXPORTER = Exporter(
    name="mermaid",
    description="Mermaid flowchart (GitHub renders it): kinds told apart by shape, line and words",
    suffixes=(".mmd", ".mermaid"),
    export="argmap_mermaid.flowchart:export",
    options=OPTIONS,
    media_type="text/vnd.mermaid",
)
"""The ``mermaid`` format, as argmap lists it in ``argmap formats``; the writer
(:mod:`argmap_mermaid.flowchart`) is imported when a chart is first written."""


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``mermaid`` exporter with argmap."""
    register(EXPORTER)
