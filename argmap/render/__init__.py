"""Render maps as SVG, PNG or PDF with Graphviz, found wherever it is.

>>> from argmap.render import render
>>> from argmap.testing import example_map
>>> svg = render(example_map(), format="svg", legend=True)
>>> svg[:5]
b'<?xml'

The diagram itself comes from the ``dot`` exporter (:mod:`argmap.builtin.dot.writer`); this package
finds an engine (:mod:`argmap.render.engines`), draws part of a large map
(:func:`narrow`) and shows maps in Jupyter (:mod:`argmap.render.notebook`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "ENV",
    "FORMATS",
    "LARGE",
    "DotProgram",
    "Engine",
    "EngineNotFoundError",
    "EngineReport",
    "LayoutTimeoutError",
    "Pygraphviz",
    "RenderError",
    "Rendered",
    "draw",
    "find_engines",
    "format_for",
    "large_map_advice",
    "narrow",
    "render",
    "resolve",
]

# Imported on first use (PEP 562): the plugin module :mod:`argmap.render.plugin` is imported
# on every command to list the formats, and must not bring the engines with it.
_HOMES: dict[str, str] = {
    "ENV": "argmap.render.engines",
    "FORMATS": "argmap.render.engines",
    "LARGE": "argmap.render.engines",
    "DotProgram": "argmap.render.engines",
    "Engine": "argmap.render.engines",
    "EngineNotFoundError": "argmap.render.engines",
    "EngineReport": "argmap.render.engines",
    "LayoutTimeoutError": "argmap.render.engines",
    "Pygraphviz": "argmap.render.engines",
    "RenderError": "argmap.render.engines",
    "Rendered": "argmap.render.engines",
    "draw": "argmap.render.drawing",
    "find_engines": "argmap.render.engines",
    "format_for": "argmap.render.drawing",
    "large_map_advice": "argmap.render.drawing",
    "narrow": "argmap.render.focus",
    "render": "argmap.render.drawing",
    "resolve": "argmap.render.engines",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'argmap.render' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


if TYPE_CHECKING:
    from argmap.render.drawing import (
        draw,
        format_for,
        large_map_advice,
        render,
    )
    from argmap.render.engines import (
        ENV,
        FORMATS,
        LARGE,
        DotProgram,
        Engine,
        EngineNotFoundError,
        EngineReport,
        LayoutTimeoutError,
        Pygraphviz,
        Rendered,
        RenderError,
        find_engines,
        resolve,
    )
    from argmap.render.focus import narrow
