"""The built-in ``dot`` exporter: the map as a Graphviz diagram, and ``svg``/``png``/``pdf``.

The visual language (see ``docs/diagrams.md``) tells every kind apart by shape or line style as
well as by colour, so a diagram reads in greyscale and for colour-blind readers:

========================  ==================================================================
what                      how it is drawn
========================  ==================================================================
position                  rounded box with a thick border, headed "POSITION · held by X"
premise or reason         rounded box, thin border
objection                 square-cornered box with clipped corners, headed "OBJECTION"
other claim               rounded box, white
argument                  oval headed "ARGUMENT" (or "LINKED REASON"); co-premises join it
support                   solid line, filled arrowhead
attack                    heavy solid line, bar (⊣) head
undercut                  dashed line, bar head, ending at the argument
contradiction             double line, bars at both ends
premise of an argument    thin line without head, into the argument
section                   dashed rounded frame with the section's title
========================  ==================================================================

A one-premise argument with nothing of its own (no title, gist, scheme, tags, sources, data,
and no relation to or from it) is drawn as a plain support arrow, as analysts sketch it.

Text is data: every claim text reaches the diagram exactly. Visible labels are wrapped at a
readable width (and cut after ``max_lines`` lines, with an ellipsis); the node's tooltip (in
SVG: the ``xlink:title``) carries the whole text, then the sources with speaker and quote.
The DOT is assembled in a :class:`graphviz.Digraph` (whose ``source`` is the output). Node and
edge statements are written by this package with DOT's quoting rules
(:mod:`argmap.builtin.dot.labels`), because the ``graphviz`` package's own quoting treats
backslashes as escapes and strings in ``<...>`` as HTML. The other modules of the package hold
the labels and escaping, the theme, the evaluation markers, the legend, the node statements
and the SVG tooltips; this one walks the map.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from argmap.builtin.dot.labels import (
    DOT_SPECIAL,
    block,
    clean,
    dot_string,
    quote,
    wrap,
)
from argmap.builtin.dot.legend import legend
from argmap.builtin.dot.markers import STATUS
from argmap.builtin.dot.nodes import NodeStatements, Roles
from argmap.builtin.dot.settings import DIRECTIONS, DotOptions
from argmap.builtin.dot.theme import THEMES, Theme, edge_styles
from argmap.builtin.dot.tooltips import restore_tooltips
from argmap.core.text import flagged
from argmap.model import Argument, ArgumentMap, Claim, RelationKind

if TYPE_CHECKING:
    # Imported where used: registering the plugin must not cost the graphviz import.
    import graphviz

__all__ = [
    "DIRECTIONS",
    "STATUS",
    "THEMES",
    "Diagram",
    "DotOptions",
    "Theme",
    "clean",
    "diagram",
    "digraph",
    "export",
    "restore_tooltips",
    "wrap",
]

_SHORT = 80
"""Characters of a node's title or id that an edge tooltip shows."""


class EdgeNames(NamedTuple):
    """How edges name their ends, for the nodes that are not simply called by their id.

    A node's DOT name is its id in quotes, and an edge's tooltip calls each end by its id:
    only the exceptions are kept, so that most lookups find nothing and use the id.

    Attributes:
        quoted: The DOT name (without its outer quotes) of each id that needs escaping.
        tips: What an edge tooltip calls a node, escaped: its title, or a long or odd id cut
            short.
        shorts: The same unescaped, for the exact tooltips (filled only when collected).
    """

    quoted: dict[str, str]
    tips: dict[str, str]
    shorts: dict[str, str]

    @classmethod
    def of(cls, nodes: list[Claim | Argument], collect: bool) -> EdgeNames:
        """The names of ``nodes``; ``collect``: whether to fill :attr:`shorts`."""
        ids = [node.id for node in nodes]
        odd = flagged(ids, DOT_SPECIAL)
        if max(map(len, ids), default=0) > _SHORT:
            odd.update(i for i, node_id in enumerate(ids) if len(node_id) > _SHORT)
        quoted: dict[str, str] = {}
        for i in odd:
            name = quote(ids[i])
            if name != f'"{ids[i]}"':
                quoted[ids[i]] = name[1:-1]  # a long id is '"a" + "b"': quotes outside
        named = [node for node in nodes if node.title]
        named.extend(nodes[i] for i in sorted(odd) if not nodes[i].title)
        names = [node.title or node.id for node in named]
        shorts = {
            node.id: name if len(name) <= _SHORT else name[: _SHORT - 1] + "…"
            for node, name in zip(named, names, strict=True)
        }
        tips = {node_id: dot_string(short) for node_id, short in shorts.items()}
        return cls(quoted, tips, shorts if collect else {})


class _Writer:
    """Builds the DOT statements of one map; one instance per export."""

    def __init__(self, amap: ArgumentMap, options: DotOptions, collect: bool = False) -> None:
        self.amap = amap
        self.options = options
        self.collect = collect
        self.nodes = NodeStatements(options)
        self.edge_styles = edge_styles(options.theme)

    @property
    def tooltips(self) -> list[str | None]:
        """The exact tooltip of every numbered element (None for edges when not collected)."""
        return self.nodes.tooltips

    def digraph(self) -> graphviz.Digraph:
        """The whole diagram: :meth:`frame` with :meth:`lines` in its body."""
        dot = self.frame()
        dot.body.extend(self.lines())
        return dot

    def frame(self) -> graphviz.Digraph:
        """The graph without nodes and edges: its attributes and title."""
        import graphviz

        amap, t, o = self.amap, self.options.theme, self.options
        dot = graphviz.Digraph(
            name="argmap",
            graph_attr={
                "rankdir": o.direction,
                "newrank": "true",
                "compound": "true",
                "nodesep": "0.35",
                "ranksep": "0.5",
                "fontname": t.fontname,
                "bgcolor": t.background,
                "fontcolor": t.ink,
                "pad": "0.2",
            },
            node_attr={
                "shape": "box",
                "fontname": t.fontname,
                "fontsize": "11",
                "fontcolor": t.ink,
                "color": t.border,
                "margin": "0.12,0.06",
            },
            edge_attr={"fontname": t.fontname, "fontsize": "9", "fontcolor": t.muted},
        )
        if amap.title:
            title = block(amap.title, 3, 2 * o.wrap, bold=True)
            dot.attr(label=f"<{title}>", labelloc="t", fontsize="16")
        return dot

    def lines(self) -> list[str]:
        """The statements of the sections, nodes, edges and legend, as lines of the body.

        Tooltips are numbered in the order they are made: claims, arguments, sections, edges.
        """
        amap, o = self.amap, self.options
        names = EdgeNames.of([*amap.claims, *amap.arguments], self.collect)
        roles = Roles.of(amap)
        # A bare argument is drawn as an arrow from its premise, unless a relation leaves it:
        # that edge needs the argument's node to start from.
        arrows = amap.bare_arguments.difference([r.origin for r in amap.relations])
        statements = self.node_statements(names, roles, arrows)
        body: list[str] = []
        self.sections(body, statements)
        body.extend(statements.get(None, ()))
        body.extend(self.edges(names, roles, arrows))
        if o.legend:
            body.extend(legend(o.theme, self.edge_styles, o.evaluation))
        return body

    def node_statements(
        self, names: EdgeNames, roles: Roles, arrows: frozenset[str]
    ) -> defaultdict[str | None, list[str]]:
        """The statements of the claim and argument nodes, by section (None: no section)."""
        statements: defaultdict[str | None, list[str]] = defaultdict(list)
        self.nodes.claims(self.amap.claims, roles, names.quoted, statements)
        drawn = [a for a in self.amap.arguments if a.id not in arrows]
        self.nodes.arguments(drawn, names.quoted, statements)
        return statements

    def sections(self, body: list[str], statements: dict[str | None, list[str]]) -> None:
        """Append each section's frame to ``body``, with its statements and those nested."""
        amap = self.amap
        children: dict[str | None, list[str]] = {}
        for section in amap.sections:
            children.setdefault(section.parent, []).append(section.id)
        numbers = {s.id: i for i, s in enumerate(amap.sections)}
        # An explicit stack: sections can nest deeper than Python's recursion limit.
        stack: list[tuple[str, bool]] = [(s, False) for s in reversed(children.get(None, []))]
        while stack:
            section_id, done = stack.pop()
            if done:
                body.append("\t}\n")
                continue
            body.extend(self.nodes.section_head(amap.section(section_id), numbers[section_id]))
            body.extend(statements.pop(section_id, ()))
            stack.append((section_id, True))
            stack.extend((c, False) for c in reversed(children.get(section_id, [])))

    def edges(self, names: EdgeNames, roles: Roles, arrows: frozenset[str]) -> list[str]:
        """The edge statements (with a ``rank=same`` line for each group of co-premises).

        Each edge takes the next tooltip number.
        """
        amap = self.amap
        styles = self.edge_styles
        support, premise_link = styles.support, styles.premise
        quoted = names.quoted.get
        uses = roles.premise_uses
        # (style, words, origin, target) of each edge in the order of the DOT, or a ready line.
        specs: list[tuple[str, str, str, str] | str] = []
        spec = specs.append
        for argument in amap.arguments:
            conclusion = argument.conclusion
            premises = argument.premises
            if argument.id in arrows:
                assert conclusion is not None
                spec((support, "supports", premises[0], conclusion))
                continue
            for premise in premises:
                spec((premise_link, "is a premise of", premise, argument.id))
            if conclusion is not None:
                spec((support, "supports", argument.id, conclusion))
            # Co-premises side by side, when nothing else pulls them apart.
            if (
                len(premises) > 1
                and all(uses[p] == 1 for p in premises)
                and len({amap.claim(p).section for p in premises}) == 1
            ):
                spec("\t{rank=same " + " ".join(f'"{quoted(p, p)}"' for p in premises) + "}\n")
        words = {
            RelationKind.SUPPORT: (styles.support, "supports"),
            RelationKind.ATTACK: (styles.attack, "attacks"),
            RelationKind.UNDERCUT: (styles.undercut, "undercuts"),
            RelationKind.CONTRADICTION: (styles.contradiction, "contradicts"),
        }
        specs.extend([(*words[r.kind], r.origin, r.target) for r in amap.relations])
        tip = names.tips.get
        tooltips = self.tooltips
        number = len(tooltips)
        body: list[str] = []
        append = body.append
        for item in specs:
            if isinstance(item, str):
                append(item)
                continue
            style, said, origin, target = item
            append(
                f'\t"{quoted(origin, origin)}" -> "{quoted(target, target)}" [{style} '
                f'id="argmap_{number}" '
                f'tooltip="{tip(origin, origin)} {said} {tip(target, target)}"]\n'
            )
            number += 1
        if self.collect:
            short = names.shorts.get
            edges = [item for item in specs if not isinstance(item, str)]
            tooltips.extend(
                f"{short(origin, origin)} {said} {short(target, target)}"
                for _, said, origin, target in edges
            )
        else:
            tooltips.extend([None] * (number - len(tooltips)))
        return body


@attrs.frozen
class Diagram:
    """A map's diagram: the DOT source and the exact tooltip of every numbered element.

    Attributes:
        graph: The :class:`graphviz.Digraph`; ``graph.source`` is the DOT text.
        tooltips: For each ``id="argmap_N"`` in the DOT, the exact tooltip text (None for
            edges when not collected).
    """

    graph: graphviz.Digraph = attrs.field(eq=False)
    tooltips: tuple[str | None, ...] = ()

    @property
    def source(self) -> str:
        """The DOT text."""
        source: str = self.graph.source
        return source


def diagram(amap: ArgumentMap, /, *, exact_tooltips: bool = True, **options: Any) -> Diagram:
    """Build the diagram of ``amap`` (options as for :func:`export`).

    Args:
        amap: The map.
        exact_tooltips: Whether to collect every edge tooltip too (node and section tooltips
            are always kept), for :func:`restore_tooltips`.
        **options: See :class:`DotOptions`.
    """
    writer = _Writer(amap, DotOptions.from_options(**options), collect=exact_tooltips)
    return Diagram(writer.digraph(), tuple(writer.tooltips))


def digraph(amap: ArgumentMap, /, **options: Any) -> graphviz.Digraph:
    """The map as a :class:`graphviz.Digraph` (options as for :func:`export`)."""
    return _Writer(amap, DotOptions.from_options(**options)).digraph()


def export(amap: ArgumentMap, /, **options: Any) -> str:
    """Write ``amap`` as Graphviz DOT source.

    Args:
        amap: The map.
        **options: ``direction``, ``theme``, ``legend``, ``sources``, ``wrap``,
            ``max_lines``, ``evaluation``; see :class:`DotOptions`.

    Returns:
        The DOT text; the same map and options always give the same text.
    """
    source: str = digraph(amap, **options).source
    return source
