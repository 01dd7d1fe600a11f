"""Drawing a map: choose the format, narrow a large map, lay it out with an engine, write it."""

from __future__ import annotations

import datetime
import logging
import os
import re
from pathlib import Path
from typing import Any

from argmap.core.errors import FormatError
from argmap.model import ArgumentMap
from argmap.render.engines import (
    FORMATS,
    LARGE,
    Rendered,
    resolve,
)

log = logging.getLogger("argmap.render")

_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


def format_for(output: str | Path | None, format: str | None = None) -> str:
    """The format to write: ``format`` if given, else the output's suffix, else ``svg``.

    Raises:
        FormatError: For a format other than svg, png, pdf and dot, or a suffix that is none
            of theirs.
    """
    if format is not None:
        fmt = format.lower().lstrip(".")
        if fmt == "gv":
            fmt = "dot"
        if fmt not in (*FORMATS, "dot"):
            raise FormatError(f"cannot render {format!r}: choose svg, png, pdf or dot")
        return fmt
    if output is None or str(output) == "-":
        return "svg"
    suffix = Path(output).suffix.lower()
    if suffix not in _SUFFIXES:
        raise FormatError(
            f"{output}: cannot tell the format from the suffix {suffix or '(none)'!r}; "
            "use .svg, .png, .pdf or .dot, or give the format"
        )
    return _SUFFIXES[suffix]


def nodes_to_lay_out(amap: ArgumentMap) -> int:
    """How many nodes the diagram of ``amap`` has (claims, and arguments drawn as nodes)."""
    bare = sum(
        1
        for a in amap.arguments
        if len(a.premises) == 1 and not (a.title or a.gist or a.scheme) and a.conclusion
    )
    return len(amap) - bare


def large_map_advice(amap: ArgumentMap, command: str | None = "argmap render MAP") -> str | None:
    """For a map too large to lay out quickly: its size and how to draw part of it.

    Args:
        amap: The map.
        command: The command line to suggest ``--focus`` with; None suggests
            :func:`narrow` (for Python).

    Returns:
        The advice, or None for a map of fewer than :data:`LARGE` nodes.
    """
    nodes = nodes_to_lay_out(amap)
    if nodes < LARGE:
        return None
    positions = [c.id for c in amap.positions[:3]]
    example = positions[0] if positions else amap.claims[0].id
    listed = f" (positions: {', '.join(positions)}{', ...' if len(amap.positions) > 3 else ''})"
    if command is None:
        how = f"argmap.render.narrow(amap, {example!r}, depth=2)"
    else:
        how = f"{command} --focus {example} --depth 2"
    return (
        f"this map has {len(amap.claims):,} claims and {len(amap.arguments):,} arguments "
        f"({nodes:,} nodes to lay out); Graphviz may need a minute or more for it. To draw one "
        f"position and what surrounds it: {how}{listed if positions else ''}"
    )


def draw(
    amap: ArgumentMap,
    format: str = "svg",
    *,
    engine: str | None = None,
    timeout: float | None = None,
    **options: Any,
) -> Rendered:
    """Draw ``amap`` and say which engine did it and what Graphviz warned about.

    Args:
        amap: The map.
        format: ``svg``, ``png`` or ``pdf``.
        engine: The engine to use (``pygraphviz``, ``dot`` or a path to a dot program);
            default: ``ARGMAP_DOT``, then ``dot`` on PATH, then pygraphviz.
        timeout: Seconds after which layout is abandoned (None: no limit).
        **options: Diagram options (see :class:`argmap.builtin.dot.writer.DotOptions`).

    Raises:
        EngineNotFoundError: No engine can write the format (the message says how to fix it).
        LayoutTimeoutError: Layout took longer than ``timeout``.
        RenderError: Graphviz failed.
    """
    import attrs

    from argmap.builtin.dot.writer import diagram, export, restore_tooltips

    fmt = format_for(None, format)
    if fmt == "dot":
        return Rendered(export(amap, **options).encode("utf-8"), "argmap (DOT)")
    chosen = resolve(fmt, engine)
    drawing = diagram(amap, exact_tooltips=fmt == "svg", **options)
    rendered = chosen.render(drawing.source, fmt, timeout=timeout, nodes=nodes_to_lay_out(amap))
    if fmt == "svg":
        rendered = attrs.evolve(rendered, data=restore_tooltips(rendered.data, drawing.tooltips))
    elif fmt == "pdf":
        rendered = attrs.evolve(rendered, data=fixed_pdf_date(rendered.data))
    return rendered


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)[0-9]{14}")


def fixed_pdf_date(pdf: bytes) -> bytes:
    """The PDF with its creation date fixed, so the same map always gives the same bytes.

    Cairo stamps the time of drawing; the date becomes ``SOURCE_DATE_EPOCH`` (the
    reproducible-builds convention) when set, else 1970-01-01. The digits keep their length,
    so the PDF's cross-reference offsets stay right.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
    try:
        when = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    except (ValueError, OverflowError, OSError):
        when = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    stamp = when.strftime("%Y%m%d%H%M%S").encode("ascii")
    return _PDF_DATE.sub(lambda m: m.group(1) + stamp, pdf)


def render(
    amap: ArgumentMap,
    output: str | Path | None = None,
    format: str | None = None,
    *,
    engine: str | None = None,
    timeout: float | None = None,
    **options: Any,
) -> bytes:
    """Render ``amap`` as SVG, PNG, PDF or DOT, and write it to ``output`` if given.

    The format is ``format``, else the suffix of ``output``, else SVG. The file is written
    whole or not at all. Graphviz's warnings go to the ``argmap.render`` logger, and so does,
    before layout starts, the size of a map too large to lay out quickly with how to narrow it.

    Args:
        amap: The map.
        output: A file to write, or None.
        format: ``svg``, ``png``, ``pdf`` or ``dot``.
        engine: See :func:`draw`.
        timeout: See :func:`draw`.
        **options: Diagram options: ``direction``, ``theme``, ``legend``, ``sources``,
            ``wrap``, ``max_lines``, ``evaluation``.

    Returns:
        The bytes of the drawing.
    """
    from argmap.host.output import write_atomic

    fmt = format_for(output, format)
    if fmt != "dot":
        advice = large_map_advice(amap, None)
        if advice is not None:
            log.warning("%s", advice)
    rendered = draw(amap, fmt, engine=engine, timeout=timeout, **options)
    for message in rendered.warnings:
        log.warning("%s: %s", rendered.engine, message)
    if output is not None and str(output) != "-":
        write_atomic(Path(output), rendered.data)
    return rendered.data
