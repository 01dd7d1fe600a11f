"""argmap-mermaid: an argmap plugin that writes argument maps as Mermaid flowcharts.

Installed next to argmap, it adds the ``mermaid`` format::

    argmap export debate.json --to mermaid -o debate.mmd
    argmap export debate.json --to mermaid -O fence=true    # a ```mermaid block for Markdown

or from Python::

    from argmap.plugins import registry
    chart = registry().exporter("mermaid")(amap, direction="LR")

The plugin is this module: argmap finds it through the entry point ``mermaid`` in the group
``argmap`` and calls its :func:`argmap_register_exporters` hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.formats import Exporter, RegisterExporter
from argmap.hookspecs import hookimpl
from argmap_mermaid.options import OPTIONS

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["EXPORTER", "argmap_register_exporters", "export"]
__version__ = "0.1.0"


def export(amap: ArgumentMap, /, **options: Any) -> str:
    """The map as a Mermaid flowchart; see :func:`argmap_mermaid.flowchart.export`.

    argmap imports this module on every command to list formats, so the writer is imported
    here, on first use.
    """
    from argmap_mermaid.flowchart import export as flowchart

    return flowchart(amap, **options)


EXPORTER = Exporter(
    name="mermaid",
    description="Mermaid flowchart (GitHub renders it): kinds told apart by shape, line and words",
    suffixes=(".mmd", ".mermaid"),
    export=export,
    options=OPTIONS,
    media_type="text/vnd.mermaid",
)
"""The ``mermaid`` format, as argmap lists it in ``argmap formats``."""


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``mermaid`` exporter with argmap."""
    register(EXPORTER)
