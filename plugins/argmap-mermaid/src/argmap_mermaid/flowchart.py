"""The Mermaid flowchart writer.

A map becomes a ``flowchart`` that GitHub, GitLab and the Mermaid tools render. Every kind of
the map is told apart by shape and line style, by words, and by colour on top:

========================  =======================  ==========================================
map                       shape or line            words
========================  =======================  ==========================================
position                  stadium ``([ ])``,        "⚑ Position · held by ..."
                          thick border
claim                     rectangle ``[ ]``         its title (bold) and text
argument                  hexagon ``{{ }}``         "⛓ Argument" (and "linked" with several
                                                    co-premises), title, gist, scheme
premise of an argument    plain line ``---``        "premise" or "co-premise"
support                   arrow ``-->``             "➕ supports"
attack                    line ending in a cross    "➖ rebuts", "➖ undermines" (against a
                          ``--x``                   premise) or "➖ attacks" (an argument)
undercut                  dotted line with a        "⚡ undercuts"
                          cross ``-.-x``
contradiction             thick line, crosses at    "⇄ contradicts"
                          both ends ``x==x``
section                   subgraph (nested)         its title
evaluation                border: thick (in),       "✅ in · stands", "❌ out · defeated",
                          dashed (out), dotted      "❔ undecided", and the reason
                          (undecided)
========================  =======================  ==========================================

Node ids are ``c1, c2, ...`` for claims, ``a1, ...`` for arguments and ``s1, ...`` for
sections, numbered in map order: deterministic, never made from text, never a Mermaid keyword.
A comment before each node names the element's id in the map.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections import defaultdict
from collections.abc import Mapping

from argmap.core.errors import FormatError
from argmap.model import Argument, ArgumentMap, Claim, Node, Section
from argmap.plugin_api import EvaluationLike
from argmap_mermaid.escape import FIELD_BREAK, LINE_BREAK, escape, label_text
from argmap_mermaid.options import DEFAULT_WRAP
from argmap_mermaid.style import (
    CLASS_DEFS,
    DIRECTIONS,
    EDGE_WORDS,
    LINK_COLOURS,
    LINKS,
    SHAPES,
    STATUS,
)


def export(
    amap: ArgumentMap,
    /,
    *,
    evaluation: EvaluationLike | str | bool | None = None,
    direction: str = "BT",
    fence: bool = False,
    wrap: int | None = DEFAULT_WRAP,
    max_label: int | None = None,
    sources: bool = False,
    edge_labels: bool = True,
    legend: bool = True,
) -> str:
    """Write ``amap`` as a Mermaid flowchart.

    Args:
        amap: The map.
        evaluation: An :class:`argmap.evaluation.Evaluation` whose labels are shown in each
            box with a marker and words (and a legend); or the name of a semantics
            (``"grounded"``, ``"preferred"``, ...) to evaluate the map with; ``True`` means
            grounded.
        direction: Which way the chart runs: ``BT`` (conclusions on top), ``TB``, ``TD``,
            ``LR`` or ``RL``.
        fence: Wrap the chart in a ```` ```mermaid ```` fence, to paste into Markdown.
        wrap: Break label lines longer than this at spaces; 0 or None never breaks.
        max_label: Cut texts longer than this many characters, ending them with "…". Mermaid
            refuses charts over 50,000 characters by default (GitHub too).
        sources: Show each claim's sources (speaker and date) in its box.
        edge_labels: Write the kind of each edge on it in words.
        legend: Add a legend node that explains shapes, lines and markers.

    Returns:
        The chart, ending with a line break.

    Raises:
        FormatError: An option has a value the exporter cannot use.
    """
    if direction not in DIRECTIONS:
        raise FormatError(
            f"mermaid: direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}"
        )
    _check_flag("fence", fence)
    _check_flag("sources", sources)
    _check_flag("edge_labels", edge_labels)
    _check_flag("legend", legend)
    width = _check_count("wrap", wrap, minimum=0) or None
    limit = _check_count("max_label", max_label, minimum=2)
    resolved = _resolve_evaluation(amap, evaluation)
    chart = _Chart(
        amap,
        resolved,
        width=width,
        limit=limit,
        sources=sources,
        edge_labels=edge_labels,
        legend=legend,
    ).render(direction)
    if fence:
        return f"```mermaid\n{chart}```\n"
    return chart


def _check_flag(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise FormatError(f"mermaid: {name} must be true or false, not {value!r}")


def _check_count(name: str, value: object, *, minimum: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise FormatError(
            f"mermaid: {name} must be a whole number of at least {minimum}, not {value!r}"
        )
    return value


def _resolve_evaluation(amap: ArgumentMap, evaluation: object) -> EvaluationLike | None:
    if evaluation is None or evaluation is False:
        return None
    if evaluation is True or isinstance(evaluation, str):
        from argmap.evaluation import evaluate

        semantics = "grounded" if evaluation is True else str(evaluation)
        return evaluate(amap, semantics)  # raises an ArgmapError for an unknown semantics
    if not hasattr(evaluation, "labels") or not hasattr(evaluation, "semantics"):
        raise FormatError(
            "mermaid: evaluation must be an argmap.evaluation.Evaluation or a semantics name, "
            f"not {type(evaluation).__name__}"
        )
    return evaluation


class _Section:
    """What one section (or the top level) holds: its node lines, and its nodes' ids by class.

    ``indent`` is its nodes' indent (a section at depth 1 indents them by two levels).
    """

    __slots__ = ("classes", "indent", "lines")

    def __init__(self, indent: str) -> None:
        self.indent = indent
        self.lines: list[str] = []
        self.classes: dict[str, list[str]] = defaultdict(list)


class _Chart:
    """Writes one chart; one instance per export."""

    def __init__(
        self,
        amap: ArgumentMap,
        evaluation: EvaluationLike | None,
        *,
        width: int | None,
        limit: int | None,
        sources: bool,
        edge_labels: bool,
        legend: bool,
    ) -> None:
        self.amap = amap
        self.evaluation = evaluation
        self.width = width
        self.limit = limit
        self.sources = sources
        self.edge_labels = edge_labels
        self.legend = legend
        # Chart ids by element id, numbered in map order.
        self.ids: dict[str, str] = {c.id: f"c{n}" for n, c in enumerate(amap.claims, 1)}
        self.ids.update((a.id, f"a{n}") for n, a in enumerate(amap.arguments, 1))
        self.ids.update((s.id, f"s{n}") for n, s in enumerate(amap.sections, 1))
        # Bare arguments are drawn as one support edge from premise to conclusion.
        self.bare = amap.bare_arguments
        self.lines: list[str] = []
        self.classes: dict[str, list[str]] = defaultdict(list)
        # What goes between the ends of an edge of each kind, with the words of each.
        self.links = {
            (kind, words): LINKS[kind] + (f'|"{escape(EDGE_WORDS[words])}"|' if edge_labels else "")
            for kind in LINKS
            for words in EDGE_WORDS
        }

    # -- labels -----------------------------------------------------------------------------

    def text(self, value: str) -> str:
        """``value`` for a label: cut to the label limit, escaped and wrapped."""
        if self.limit is not None and len(value) > self.limit:
            value = value[: self.limit - 1] + "…"
        return label_text(value, self.width)

    def status(self, node: Node, section: _Section) -> list[str]:
        """The status fields of ``node``'s label; its status class goes to ``section``."""
        if self.evaluation is None:
            return []
        found = self.evaluation.labels.get(node.id)
        if found is None:
            return []
        value = str(getattr(found.label, "value", found.label))
        marker, words = STATUS.get(value, ("?", value))
        section.classes[f"status_{value}" if value in STATUS else "note"].append(self.ids[node.id])
        fields = [f"<b>{escape(f'{marker} {words}')}</b>"]
        if found.reason:
            fields.append(f"<i>{self.text(found.reason)}</i>")
        return fields

    def claim_label(self, claim: Claim, section: _Section) -> str:
        """The label of ``claim``; its status class, if any, goes to ``section``."""
        fields: list[str] = []
        if claim.is_position:
            head = "⚑ Position"
            if claim.holder:
                head += f" · held by {claim.holder}"
            fields.append(f"<b>{escape(head)}</b>")
        if claim.title:
            fields.append(f"<b>{self.text(claim.title)}</b>")
        if claim.text:
            fields.append(self.text(claim.text))
        elif not claim.title:
            fields.append("<i>(no text)</i>")
        if claim.tags:
            fields.append(f"<i>{escape(' '.join('#' + tag for tag in claim.tags))}</i>")
        if self.sources:
            fields.extend(
                f"<i>{self.text(_cite(source.speaker, source.date, source.document))}</i>"
                for source in claim.sources
            )
        if self.evaluation is not None:
            fields.extend(self.status(claim, section))
        return FIELD_BREAK.join(fields)

    def argument_label(self, argument: Argument, section: _Section) -> str:
        """The label of ``argument``; its status class, if any, goes to ``section``."""
        fields = [_argument_head(len(argument.premises))]
        if argument.title:
            fields.append(f"<b>{self.text(argument.title)}</b>")
        if argument.gist:
            fields.append(self.text(argument.gist))
        if argument.scheme:
            fields.append(f"<i>{_SCHEME}{self.text(argument.scheme)}</i>")
        if self.evaluation is not None:
            fields.extend(self.status(argument, section))
        return FIELD_BREAK.join(fields)

    # -- the chart --------------------------------------------------------------------------

    def render(self, direction: str) -> str:
        amap = self.amap
        if amap.title:
            self.lines.extend(["---", f"title: {_yaml_string(amap.title)}", "---"])
        self.lines.append(f"flowchart {direction}")
        if not len(amap) and not amap.sections:
            self.lines.append('    empty["' + escape("This map has no claims yet.") + '"]')
            self.classes["note"].append("empty")
        order, depths = self.section_order()
        # What each section holds, with its nodes' lines indented for its depth.
        members: dict[str | None, _Section] = {None: _Section("    ")}
        members.update(
            (s.id, _Section("    " * (depth + 1))) for s, depth in zip(order, depths, strict=True)
        )
        # Nodes in sections that are not drawn (none in a checked map) go nowhere.
        nowhere = _Section("")
        self.nodes(members, nowhere)
        top = members[None]
        self.lines.extend(top.lines)
        self.subgraphs(order, depths, members)
        # Each class lists its nodes in the order they are written.
        for part in (top, *(members[section.id] for section in order)):
            for name, ids in part.classes.items():
                self.classes[name].extend(ids)
        if self.legend and len(amap):
            self.lines.append('    legend["' + self.legend_label() + '"]')
            self.classes["note"].append("legend")
        self.styles(self.edges())
        self.lines.append("")  # the chart ends with a line break
        return "\n".join(self.lines)

    def section_order(self) -> tuple[list[Section], list[int]]:
        """The sections in the order they are written, and the depth of each (top level: 1)."""
        children: dict[str | None, list[Section]] = defaultdict(list)
        for section in self.amap.sections:
            children[section.parent].append(section)
        order: list[Section] = []
        depths: list[int] = []
        # An explicit stack: sections may nest deeper than Python's recursion limit.
        stack: list[tuple[Section, int]] = [(s, 1) for s in reversed(children[None])]
        while stack:
            section, depth = stack.pop()
            order.append(section)
            depths.append(depth)
            stack.extend((child, depth + 1) for child in reversed(children[section.id]))
        return order, depths

    def nodes(self, members: Mapping[str | None, _Section], nowhere: _Section) -> None:
        """Write each claim, then each argument not drawn as an edge, into its section.

        A comment naming the element's id goes before each node.
        """
        ids = self.ids
        drawn = [argument for argument in self.amap.arguments if argument.id not in self.bare]
        nodes: list[Node] = [*self.amap.claims, *drawn]
        for node in nodes:
            section = members.get(node.section, nowhere)
            if isinstance(node, Claim):
                kind = "position" if node.is_position else "claim"
                label = self.claim_label(node, section)
            else:
                kind = "argument"
                label = self.argument_label(node, section)
            node_id = ids[node.id]
            opening, closing = SHAPES[kind]
            indent = section.indent
            section.lines.append(f"{indent}%% {node_id}: {_comment(node.id)}")
            section.lines.append(f"{indent}{node_id}{opening}{label}{closing}")
            section.classes[kind].append(node_id)

    def subgraphs(
        self, order: list[Section], depths: list[int], members: Mapping[str | None, _Section]
    ) -> None:
        lines = self.lines
        ends: list[str] = []  # the "end" lines of the open subgraphs, innermost last
        for section, depth in zip(order, depths, strict=True):
            while len(ends) >= depth:
                lines.append(ends.pop())
            indent = "    " * depth
            section_id = self.ids[section.id]
            lines.append(f"{indent}%% {section_id}: {_comment(section.id)}")
            lines.append(f'{indent}subgraph {section_id} ["{self.text(section.title)}"]')
            lines.extend(members[section.id].lines)
            ends.append(f"{indent}end")
        lines.extend(reversed(ends))

    def edges(self) -> dict[str, list[int]]:
        """Write the edges; returns the numbers of the edges of each kind (for linkStyle)."""
        lines, ids, links = self.lines, self.ids, self.links
        numbers: dict[str, list[int]] = {kind: [] for kind in LINKS}
        first = len(lines)  # edges are numbered from 0 in the order they are written
        premise_words = {False: "premise", True: "co-premise"}
        for argument in self.amap.arguments:
            conclusion = argument.conclusion
            if argument.id in self.bare:
                assert conclusion is not None  # (a bare argument has one)
                numbers["support"].append(len(lines) - first)
                link = links["support", "support"]
                lines.append(f"    {ids[argument.premises[0]]} {link} {ids[conclusion]}")
                continue
            node_id = ids[argument.id]
            link = links["premise", premise_words[len(argument.premises) > 1]]
            for premise in argument.premises:
                numbers["premise"].append(len(lines) - first)
                lines.append(f"    {ids[premise]} {link} {node_id}")
            if conclusion is not None:
                numbers["support"].append(len(lines) - first)
                lines.append(f"    {node_id} {links['support', 'support']} {ids[conclusion]}")
        premises = {premise for argument in self.amap.arguments for premise in argument.premises}
        for relation in self.amap.relations:
            kind, target = relation.kind.value, relation.target
            words = kind
            if kind == "attack":
                if isinstance(self.amap.elements[target], Argument):
                    words = "attack"
                else:
                    words = "undermine" if target in premises else "rebut"
            numbers[kind].append(len(lines) - first)
            lines.append(f"    {ids[relation.origin]} {links[kind, words]} {ids[target]}")
        return numbers

    def legend_label(self) -> str:
        lines = [
            "<b>Legend</b>",
            "(stadium) ⚑ position · [box] claim · {hexagon} ⛓ argument",
            "─── premise · ──▶ ➕ supports · ──✕ ➖ rebuts or undermines",
            "┄┄✕ ⚡ undercuts (the step does not follow) · ✕══✕ ⇄ contradicts",
        ]
        if self.evaluation is not None:
            lines.append(
                f"evaluation ({self.evaluation.semantics}) · ✅ in, stands (thick border) · "
                "❌ out, defeated (dashed) · ❔ undecided (dotted)"
            )
        return FIELD_BREAK.join(line if line.startswith("<b>") else escape(line) for line in lines)

    def styles(self, edge_numbers: Mapping[str, list[int]]) -> None:
        for name, style in CLASS_DEFS.items():
            if self.classes.get(name):
                self.lines.append(f"    classDef {name} {style}")
        for name in CLASS_DEFS:
            if self.classes.get(name):
                self.lines.append(f"    class {','.join(self.classes[name])} {name}")
        for kind, colour in LINK_COLOURS.items():
            if edge_numbers.get(kind):
                self.lines.append(
                    f"    linkStyle {','.join(map(str, edge_numbers[kind]))} {colour}"
                )


@functools.cache
def _argument_head(premises: int) -> str:
    """The first field of an argument's label: what it is, and how many premises it links."""
    head = "⛓ Argument"
    if premises > 1:
        head += f" · linked, {premises} co-premises together"
    return f"<b>{escape(head)}</b>"


_SCHEME = escape("scheme: ")


def _comment(text: str) -> str:
    """``text`` escaped for a one-line comment (line breaks as ``#10;`` alone)."""
    return escape(text).replace(LINE_BREAK, "")


def _cite(speaker: str | None, date: str | None, document: str | None) -> str:
    said = ", ".join(part for part in (speaker, date) if part)
    if not said:
        said = document or "source without details"
    return f"— {said}"


def _yaml_string(text: str) -> str:
    r"""A YAML double-quoted string holding ``text`` exactly, safe in a Mermaid front matter.

    JSON strings are YAML strings; on top, ``%`` (Mermaid reads ``%%{`` anywhere as a
    directive) and characters YAML treats as line breaks or refuses are written as ``\\u``
    escapes, so the result is still a JSON string.
    """
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(_yaml_char(char) for char in quoted)


def _yaml_char(char: str) -> str:
    code = ord(char)
    if char == "%" or (code > 0x7E and unicodedata.category(char) in _YAML_UNSAFE):
        if code <= 0xFFFF:
            return f"\\u{code:04x}"
        code -= 0x10000  # a UTF-16 surrogate pair, as JSON and YAML both read it
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return char


_YAML_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
