"""How a map shows itself in Jupyter: an SVG diagram, or the Markdown outline without Graphviz.

:meth:`argmap.ArgumentMap._repr_mimebundle_` calls :func:`mimebundle`, so a map on the last
line of a cell draws itself. When no engine is found, when rendering fails, or when the map is
too large to lay out quickly (see :func:`argmap.render.large_map_advice`), the outline is
shown instead, with a note saying why.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from argmap.model import ArgumentMap

SVG = "image/svg+xml"
MARKDOWN = "text/markdown"


def mimebundle(
    amap: ArgumentMap,
    include: Container[str] | None = None,
    exclude: Container[str] | None = None,
) -> dict[str, Any]:
    """The rich display of ``amap``: ``image/svg+xml`` or ``text/markdown``, and text.

    Only one rich type is offered: notebook front ends rank Markdown above SVG, so offering
    both would hide the diagram.
    """
    from argmap.core.errors import ArgmapError
    from argmap.render.drawing import draw, large_map_advice

    bundle: dict[str, Any] = {"text/plain": _plain(amap)}
    wanted_svg = (include is None or SVG in include) and not (exclude and SVG in exclude)
    note = ""
    if wanted_svg:
        advice = large_map_advice(amap, None)
        if advice is None:
            try:
                bundle[SVG] = draw(amap, "svg").data.decode("utf-8")
                return bundle
            except ArgmapError as error:
                note = str(error)
        else:
            note = advice
    if include is None or MARKDOWN in include:
        from argmap.host.io import export

        outline = export(amap, "markdown")
        text = outline if isinstance(outline, str) else outline.decode("utf-8")
        if note:
            quoted = "\n".join(f"> {line}" if line else ">" for line in note.splitlines())
            text = f"{quoted}\n\n{text}"
        bundle[MARKDOWN] = text
    return bundle


def _plain(amap: ArgumentMap) -> str:
    title = amap.title or "untitled map"
    return (
        f"<ArgumentMap {title!r}: {len(amap.claims)} claims, {len(amap.arguments)} arguments, "
        f"{len(amap.relations)} relations>"
    )
