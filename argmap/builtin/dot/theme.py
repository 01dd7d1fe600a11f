"""How a diagram looks: the colour themes, and the shapes and line styles of each kind.

Shapes and line styles tell every kind apart (see :mod:`argmap.builtin.dot.writer`); a theme
only chooses the colours and the font.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import attrs


@attrs.frozen(kw_only=True)
class Theme:
    """Colours and fonts of a diagram. Shapes and line styles do not depend on the theme.

    The default palette takes its edge colours from Okabe and Ito's colour-blind-safe set.
    """

    name: str
    fontname: str = "Helvetica"
    ink: str = "#1a1a1a"
    muted: str = "#555555"
    background: str = "white"
    position_fill: str = "#d6e6f5"
    position_border: str = "#0b3c6e"
    premise_fill: str = "#dff2ea"
    objection_fill: str = "#fbe1d3"
    claim_fill: str = "#ffffff"
    argument_fill: str = "#fff2cc"
    border: str = "#333333"
    support: str = "#007a5a"
    attack: str = "#c2410c"
    undercut: str = "#a05a00"
    contradiction: str = "#9c2f7a"
    premise_link: str = "#5b6b63"
    section_fill: str = "#f7f7f4"
    section_border: str = "#8a8a80"
    status_in: str = "#007a5a"
    status_out: str = "#c2410c"
    status_undecided: str = "#555555"
    out_fill: str = "#eeeeee"

    @property
    def small(self) -> str:
        """The opening tag of small, muted label text (headings such as ``OBJECTION``)."""
        return f'<FONT POINT-SIZE="9" COLOR="{self.muted}">'


THEMES: Mapping[str, Theme] = {
    "default": Theme(name="default"),
    "print": Theme(
        name="print",
        ink="#000000",
        muted="#333333",
        position_fill="#e6e6e6",
        position_border="#000000",
        premise_fill="#ffffff",
        objection_fill="#ffffff",
        claim_fill="#ffffff",
        argument_fill="#f2f2f2",
        border="#000000",
        support="#000000",
        attack="#000000",
        undercut="#000000",
        contradiction="#000000",
        premise_link="#444444",
        section_fill="#ffffff",
        section_border="#666666",
        status_in="#000000",
        status_out="#000000",
        status_undecided="#000000",
        out_fill="#d9d9d9",
    ),
}
"""The built-in themes: ``default`` (colour) and ``print`` (black, white and greys)."""

ROLES = ("position", "objection", "premise", "claim")
"""What a claim node is drawn as: a position; else a premise (it supports something), an
objection (it attacks or undercuts something) or a plain claim."""


class EdgeStyles(NamedTuple):
    """The attributes (colour, head, line, class) of each kind of edge."""

    support: str
    premise: str
    attack: str
    undercut: str
    contradiction: str


def edge_styles(theme: Theme) -> EdgeStyles:
    """The edge attributes of ``theme``."""
    t = theme
    return EdgeStyles(
        support=f'color="{t.support}" arrowhead=normal class="argmap-support"',
        premise=f'color="{t.premise_link}" arrowhead=none penwidth=1.2 class="argmap-premise"',
        attack=f'color="{t.attack}" arrowhead=tee penwidth=2 class="argmap-attack"',
        undercut=(
            f'color="{t.undercut}" arrowhead=tee style=dashed penwidth=2 class="argmap-undercut"'
        ),
        contradiction=(
            f'color="{t.contradiction}:invis:{t.contradiction}" dir=both arrowhead=tee '
            'arrowtail=tee constraint=false class="argmap-contradiction"'
        ),
    )


def claim_style(theme: Theme, role: str, word: str | None = None) -> str:
    """The shape, fill and classes of a claim node of ``role`` (one of :data:`ROLES`).

    Args:
        theme: The colours.
        role: What the claim is drawn as.
        word: Its evaluation status (``in``, ``out``, ``undecided``), if shown.
    """
    t = theme
    fill = {
        "position": t.position_fill,
        "objection": t.objection_fill,
        "premise": t.premise_fill,
    }.get(role, t.claim_fill)
    if word == "out":
        fill = t.out_fill
    if role == "position":
        style = f'style="rounded,filled,bold" penwidth=2.5 color="{t.position_border}"'
    elif role == "objection":
        style = 'style="filled,diagonals"'
    else:
        style = 'style="rounded,filled"'
    classes = f"argmap-claim argmap-{role}" + (f" argmap-{word}" if word else "")
    return f'{style} fillcolor="{fill}" class="{classes}"'
