"""Graphviz DOT as a plugin: the ``dot`` exporter.

Registration only; the writer (:mod:`argmap.builtin.dot.writer`, with the ``graphviz``
package) is imported when a diagram is first made. The drawn formats (``svg``, ``png``,
``pdf``) are :mod:`argmap.render`'s plugin.
"""

from __future__ import annotations

from argmap.builtin.dot.options import OPTION_HELP
from argmap.plugin_api import Exporter, RegisterExporter, hookimpl


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``dot`` exporter."""
    register(
        Exporter(
            name="dot",
            description="Graphviz DOT source of the diagram (argmap render draws it)",
            suffixes=(".dot", ".gv"),
            export="argmap.builtin.dot.writer:export",
            options=OPTION_HELP,
            media_type="text/vnd.graphviz",
        )
    )
