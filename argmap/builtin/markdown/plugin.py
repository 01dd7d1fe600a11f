"""The Markdown outline as a plugin: the ``markdown`` exporter.

Registration only; the outline (:mod:`argmap.builtin.markdown.outline`) is imported when one
is first written.
"""

from __future__ import annotations

from argmap.plugin_api import Exporter, RegisterExporter, hookimpl


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``markdown`` exporter."""
    register(
        Exporter(
            name="markdown",
            description="GitHub-flavoured Markdown outline: positions, reasons, objections, "
            "footnoted sources",
            suffixes=(".md", ".markdown"),
            export="argmap.builtin.markdown.outline:export",
            options={"evaluation": "an Evaluation whose labels to show"},
            media_type="text/markdown",
        )
    )
