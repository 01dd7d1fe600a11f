"""The Markdown outline as a plugin: the ``markdown`` exporter.

Registration only. argmap imports every plugin on every command to know the formats, so the
outline's code (:mod:`argmap.exporters.markdown`: its patterns and tables) is imported when
an outline is first written, not before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.formats import EvaluationLike, Exporter, RegisterExporter
from argmap.hookspecs import hookimpl

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def export_markdown(amap: ArgumentMap, /, *, evaluation: EvaluationLike | None = None) -> str:
    """The map as a Markdown outline; see :func:`argmap.exporters.markdown.export`."""
    from argmap.exporters.markdown import export

    return export(amap, evaluation=evaluation)


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``markdown`` exporter."""
    register(
        Exporter(
            name="markdown",
            description="GitHub-flavoured Markdown outline: positions, reasons, objections, "
            "footnoted sources",
            suffixes=(".md", ".markdown"),
            export=export_markdown,
            options={"evaluation": "an Evaluation whose labels to show"},
            media_type="text/markdown",
        )
    )
