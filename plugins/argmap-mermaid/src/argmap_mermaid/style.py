"""How the chart tells the map's kinds apart: shapes, lines, words and colours.

Colour is only ever on top: every kind also has its own shape or line style and its words.
"""

from __future__ import annotations

DIRECTIONS = ("BT", "TB", "TD", "LR", "RL")
"""Directions a flowchart can run in; ``BT`` puts conclusions above their reasons."""


SHAPES = {
    "position": ('(["', '"])'),
    "claim": ('["', '"]'),
    "argument": ('{{"', '"}}'),
    "note": ('["', '"]'),
}
"""How each kind of node is drawn: the opening and closing of its shape."""

LINKS = {
    "premise": "---",
    "support": "-->",
    "attack": "--x",
    "undercut": "-.-x",
    "contradiction": "x==x",
}
"""How each kind of edge is drawn."""

EDGE_WORDS = {
    "premise": "premise",
    "co-premise": "co-premise",
    "support": "➕ supports",
    "rebut": "➖ rebuts",
    "undermine": "➖ undermines",
    "attack": "➖ attacks",
    "undercut": "⚡ undercuts",
    "contradiction": "⇄ contradicts",
}
"""The words on each kind of edge."""

STATUS = {
    "in": ("✅", "in · stands"),
    "out": ("❌", "out · defeated"),
    "undecided": ("❔", "undecided"),
}
"""The marker and words shown for each evaluation label."""

CLASS_DEFS = {
    "position": "fill:#fff4ce,stroke:#7a5c00,stroke-width:3px,color:#1f2328",
    "claim": "fill:#ffffff,stroke:#57606a,stroke-width:1px,color:#1f2328",
    "argument": "fill:#ddf4ff,stroke:#0969da,stroke-width:1px,color:#1f2328",
    "note": "fill:#f6f8fa,stroke:#8c959f,stroke-width:1px,stroke-dasharray:4 3,color:#1f2328",
    "status_in": "stroke:#1a7f37,stroke-width:4px",
    "status_out": "stroke:#cf222e,stroke-width:2px,stroke-dasharray:8 4",
    "status_undecided": "stroke:#9a6700,stroke-width:2px,stroke-dasharray:2 3",
}
"""Colours on top of shapes and line styles (never the only way a kind is told)."""

LINK_COLOURS = {
    "premise": "stroke:#0969da",
    "support": "stroke:#1a7f37",
    "attack": "stroke:#cf222e",
    "undercut": "stroke:#bc4c00",
    "contradiction": "stroke:#8250df",
}
"""The colour of each kind of edge (on top of its line style)."""
