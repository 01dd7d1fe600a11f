"""The Graphviz formats as a plugin: ``dot``, and ``svg``, ``png`` and ``pdf`` drawn from it.

Registration only. argmap imports every plugin on every command to know the formats, so the
diagram code (:mod:`argmap.exporters.dot`: its classes, patterns and the ``graphviz``
package) is imported when a diagram is first made, not before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from argmap.formats import Exporter, RegisterExporter
from argmap.hookspecs import hookimpl

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

DEFAULT_WRAP = 36
"""Labels wrap at this many characters unless ``wrap`` says otherwise."""
DEFAULT_MAX_LINES = 12
"""Labels show at most this many lines unless ``max_lines`` says otherwise."""

OPTION_HELP: Mapping[str, str] = {
    "direction": "layout direction: BT (positions on top, default), TB, LR, RL",
    "theme": "colours: default or print (black, white and greys)",
    "legend": "add a key to the shapes and lines (true/false)",
    "sources": "show sources: speaker under the text, quote in the tooltip (default true)",
    "wrap": f"wrap labels at this many characters (default {DEFAULT_WRAP})",
    "max_lines": f"show at most this many lines of a text (default {DEFAULT_MAX_LINES})",
    "evaluation": "an Evaluation whose labels to show (marker, words and legend)",
}
"""The options of the ``dot`` exporter, with their help."""

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


def export_dot(amap: ArgumentMap, /, **options: Any) -> str:
    """The map as Graphviz DOT; see :func:`argmap.exporters.dot.export`."""
    from argmap.exporters.dot import export

    return export(amap, **options)


def _image_exporter(fmt: str, binary: bool) -> Callable[..., str | bytes]:
    def export_image(amap: ArgumentMap, /, **options: Any) -> str | bytes:
        from argmap.render import render

        data = render(amap, format=fmt, **options)
        return data if binary else data.decode("utf-8")

    export_image.__doc__ = f"Render ``amap`` as {fmt.upper()} (see :func:`argmap.render.render`)."
    return export_image


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``dot`` exporter and the rendered ``svg``, ``png`` and ``pdf``."""
    register(
        Exporter(
            name="dot",
            description="Graphviz DOT source of the diagram (argmap render draws it)",
            suffixes=(".dot", ".gv"),
            export=export_dot,
            options=OPTION_HELP,
            media_type="text/vnd.graphviz",
        )
    )
    for fmt, description, binary, media_type in _IMAGES:
        register(
            Exporter(
                name=fmt,
                description=description,
                suffixes=(f".{fmt}",),
                export=_image_exporter(fmt, binary),
                binary=binary,
                options=IMAGE_OPTION_HELP,
                media_type=media_type,
            )
        )
