"""The ``svg``, ``png`` and ``pdf`` exporters: the DOT diagram laid out and drawn."""

from __future__ import annotations

from typing import Any

from argmap.model import ArgumentMap
from argmap.render.drawing import render


def svg(amap: ArgumentMap, /, **options: Any) -> str:
    """Render ``amap`` as SVG text (see :func:`argmap.render.render` for the options)."""
    return render(amap, format="svg", **options).decode("utf-8")


def png(amap: ArgumentMap, /, **options: Any) -> bytes:
    """Render ``amap`` as PNG (see :func:`argmap.render.render` for the options)."""
    return render(amap, format="png", **options)


def pdf(amap: ArgumentMap, /, **options: Any) -> bytes:
    """Render ``amap`` as PDF (see :func:`argmap.render.render` for the options)."""
    return render(amap, format="pdf", **options)
