"""The legend: a cluster that shows each kind of node and edge once, with its name."""

from __future__ import annotations

from argmap.builtin.dot.labels import html
from argmap.builtin.dot.markers import STATUS
from argmap.builtin.dot.theme import EdgeStyles, Theme
from argmap.plugin_api.formats import EvaluationLike


def _node(name: str, label: str, attributes: str) -> str:
    return f'{name} [label=<{label}> {attributes} tooltip="legend"]'


def legend(theme: Theme, edges: EdgeStyles, evaluation: EvaluationLike | None) -> list[str]:
    """The statements of the key, as lines of the graph's body.

    Args:
        theme: The colours.
        edges: The edge attributes, as the diagram draws its edges.
        evaluation: The evaluation the diagram shows, if any: then the key explains its markers.
    """
    t = theme
    small = t.small
    position = f'style="rounded,filled,bold" penwidth=2.5 color="{t.position_border}" '
    objection = f'style="filled,diagonals" fillcolor="{t.objection_fill}"'
    body = [
        "subgraph cluster_legend {",
        'label=<<B>Legend</B>> labeljust=l style="rounded,filled" '
        f'fillcolor="white" color="{t.section_border}" fontsize=11 class="argmap-legend"',
        _node(
            "legend_position",
            f"{small}POSITION · held by …</FONT><BR/><B>Position</B><BR/>a party's thesis",
            f'{position}fillcolor="{t.position_fill}"',
        ),
        _node(
            "legend_rival",
            f"{small}POSITION</FONT><BR/><B>Rival position</B>",
            f'{position}fillcolor="{t.position_fill}"',
        ),
        _node(
            "legend_argument",
            f"{small}ARGUMENT</FONT><BR/>premises that work together",
            f'shape=ellipse style=filled fillcolor="{t.argument_fill}"',
        ),
        _node(
            "legend_premise",
            "Premise (a reason)",
            f'style="rounded,filled" fillcolor="{t.premise_fill}"',
        ),
        _node("legend_objection", f"{small}OBJECTION</FONT><BR/>Objection", objection),
        _node("legend_undercut", f"{small}OBJECTION</FONT><BR/>“that does not follow”", objection),
        "{rank=same legend_position legend_rival}",
    ]
    for origin, target, style, words in (
        ("legend_argument", "legend_position", edges.support, "supports"),
        ("legend_premise", "legend_argument", edges.premise, "premise of"),
        ("legend_objection", "legend_premise", edges.attack, "attacks"),
        ("legend_undercut", "legend_argument", edges.undercut, "undercuts"),
        ("legend_position", "legend_rival", edges.contradiction, "contradicts"),
    ):
        body.append(f'{origin} -> {target} [{style} label="{words}" tooltip="{words}"]')
    if evaluation is not None:
        rows = "<BR/>".join(f"<B>{symbol}</B> {html(words)}" for symbol, words in STATUS.values())
        semantics = html(evaluation.semantics)
        body.append(
            _node(
                "legend_status",
                f"{small}EVALUATION ({semantics})</FONT><BR/>{rows}",
                'shape=box style="rounded" color="#999999"',
            )
        )
    body.append("}")
    return [f"\t{statement}\n" for statement in body]
