r"""A strict reader for the Mermaid subset that argmap-mermaid writes.

It exists for tests, yours and ours: parse a chart back and check that every text came out
exactly and that the structure is what the map says. It refuses every line it does not
understand, so a claim that broke out of its label makes it fail.

>>> from argmap_mermaid.parsing import parse_flowchart
>>> chart = parse_flowchart('flowchart BT\n    c1["<b>A #quot;B#quot;</b><br/>C<br>D"]\n')
>>> chart.nodes["c1"].fields
('A "B"', 'CD')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import attrs

from argmap_mermaid.escape import FIELD_BREAK, LINE_BREAK, unescape
from argmap_mermaid.style import DIRECTIONS, LINKS, SHAPES


class FlowchartSyntaxError(ValueError):
    """A line is not in the subset argmap-mermaid writes."""

    def __init__(self, line_number: int, line: str, why: str) -> None:
        super().__init__(f"line {line_number}: {why}: {line[:120]!r}")
        self.line_number = line_number


@attrs.frozen
class ParsedNode:
    """A node: its id, shape (a key of :data:`~argmap_mermaid.style.SHAPES`), label."""

    id: str
    shape: str
    label: str
    subgraph: str | None
    element_id: str | None

    @property
    def fields(self) -> tuple[str, ...]:
        """The label's fields (title, text, ...) as plain text, exactly."""
        return label_fields(self.label)


@attrs.frozen
class ParsedEdge:
    """An edge: from, link (a value of :data:`~argmap_mermaid.style.LINKS`), text, to."""

    origin: str
    link: str
    text: str | None
    target: str


@attrs.frozen
class ParsedSubgraph:
    """A subgraph: its id, title (plain text), enclosing subgraph and the map's section id."""

    id: str
    title: str
    parent: str | None
    element_id: str | None


@attrs.define
class Flowchart:
    """What :func:`parse_flowchart` found."""

    direction: str = ""
    title: str | None = None
    fenced: bool = False
    nodes: dict[str, ParsedNode] = attrs.field(factory=dict)
    edges: list[ParsedEdge] = attrs.field(factory=list)
    subgraphs: dict[str, ParsedSubgraph] = attrs.field(factory=dict)
    classes: dict[str, set[str]] = attrs.field(factory=dict)
    class_defs: dict[str, str] = attrs.field(factory=dict)
    link_styles: dict[int, str] = attrs.field(factory=dict)

    def texts(self) -> Iterator[str]:
        """Every text of the chart: title, node label fields, subgraph titles, edge words."""
        if self.title is not None:
            yield self.title
        for node in self.nodes.values():
            yield from node.fields
        for subgraph in self.subgraphs.values():
            yield subgraph.title
        for edge in self.edges:
            if edge.text is not None:
                yield edge.text

    def by_element(self) -> dict[str, ParsedNode]:
        """The nodes by the id of the map element they show."""
        return {n.element_id: n for n in self.nodes.values() if n.element_id is not None}


_LABEL = r'"([^"]*)"'
_ID = r"([A-Za-z][A-Za-z0-9_]*)"
_SHAPE_RES = [
    (name, re.compile(rf"{_ID}{re.escape(opening[:-1])}{_LABEL}{re.escape(closing[1:])}"))
    for name, (opening, closing) in SHAPES.items()
    if name != "note"
]
_LINK_ALTERNATIVES = "|".join(re.escape(link) for link in sorted(LINKS.values(), key=len)[::-1])
_EDGE = re.compile(rf"{_ID} ({_LINK_ALTERNATIVES})(?:\|{_LABEL}\|)? {_ID}")
_COMMENT = re.compile(r"%% ([A-Za-z][A-Za-z0-9_]*): ([^\"]*)")
_SUBGRAPH = re.compile(rf"subgraph {_ID} \[{_LABEL}\]")
_CLASS_DEF = re.compile(r"classDef ([A-Za-z_]+) ([a-z0-9:#,.\- ]+)")
_CLASS = re.compile(r"class ([A-Za-z0-9_,]+) ([A-Za-z_]+)")
_LINK_STYLE = re.compile(r"linkStyle ([0-9,]+) ([a-z0-9:#,\- ]+)")
_FIELD_TAGS = re.compile(r"^<(b|i)>(.*)</\1>$", re.DOTALL)


def label_fields(label: str) -> tuple[str, ...]:
    """Split a raw label into its fields and decode them (display breaks dropped)."""
    fields = []
    for field in label.split(FIELD_BREAK):
        tagged = _FIELD_TAGS.match(field)
        if tagged:
            field = tagged.group(2)
        field = field.replace(LINE_BREAK, "")
        if "<" in field or '"' in field:
            raise ValueError(f"markup inside a label field: {field[:80]!r}")
        fields.append(unescape(field))
    return tuple(fields)


def parse_flowchart(text: str) -> Flowchart:
    """Parse a chart written by argmap-mermaid; raise :class:`FlowchartSyntaxError` if not one.

    Raises:
        FlowchartSyntaxError: A line outside the subset, an unknown node, an unclosed subgraph.
    """
    chart = Flowchart()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    numbered = list(enumerate(lines, 1))
    if numbered and numbered[0][1] == "```mermaid":
        if numbered[-1][1] != "```":
            raise FlowchartSyntaxError(len(lines), lines[-1], "the fence is not closed")
        chart.fenced = True
        numbered = numbered[1:-1]
    if numbered and numbered[0][1] == "---":
        if len(numbered) < 3 or numbered[2][1] != "---" or not numbered[1][1].startswith("title: "):
            raise FlowchartSyntaxError(numbered[0][0], numbered[0][1], "bad front matter")
        chart.title = json.loads(numbered[1][1][len("title: ") :])
        numbered = numbered[3:]
    if not numbered:
        raise FlowchartSyntaxError(0, "", "no flowchart")
    number, header = numbered[0]
    if not header.startswith("flowchart ") or header[len("flowchart ") :] not in DIRECTIONS:
        raise FlowchartSyntaxError(number, header, "expected 'flowchart DIRECTION'")
    chart.direction = header[len("flowchart ") :]
    open_subgraphs: list[str] = []
    element: str | None = None
    for number, raw in numbered[1:]:
        line = raw.strip()
        comment = _COMMENT.fullmatch(line)
        if comment:
            element = unescape(comment.group(2))
            continue
        subgraph = _SUBGRAPH.fullmatch(line)
        if subgraph:
            parent = open_subgraphs[-1] if open_subgraphs else None
            sub_id = subgraph.group(1)
            chart.subgraphs[sub_id] = ParsedSubgraph(
                sub_id, "".join(label_fields(subgraph.group(2))), parent, element
            )
            open_subgraphs.append(sub_id)
            element = None
            continue
        if line == "end":
            if not open_subgraphs:
                raise FlowchartSyntaxError(number, raw, "'end' outside a subgraph")
            open_subgraphs.pop()
            continue
        if _node(chart, line, open_subgraphs, element):
            element = None
            continue
        edge = _EDGE.fullmatch(line)
        if edge:
            origin, link, label, target = edge.groups()
            text_ = None if label is None else "".join(label_fields(label))
            chart.edges.append(ParsedEdge(origin, link, text_, target))
            continue
        if _style(chart, line):
            continue
        raise FlowchartSyntaxError(number, raw, "not a line argmap-mermaid writes")
    if open_subgraphs:
        raise FlowchartSyntaxError(len(lines), "", f"subgraph {open_subgraphs[-1]} not closed")
    for parsed_edge in chart.edges:
        for end in (parsed_edge.origin, parsed_edge.target):
            if end not in chart.nodes:
                raise FlowchartSyntaxError(0, end, "an edge names an undeclared node")
    return chart


def _node(chart: Flowchart, line: str, open_subgraphs: list[str], element: str | None) -> bool:
    for shape, pattern in _SHAPE_RES:
        found = pattern.fullmatch(line)
        if found:
            node_id, label = found.groups()
            if node_id in chart.nodes:
                raise FlowchartSyntaxError(0, line, f"node {node_id} declared twice")
            parent = open_subgraphs[-1] if open_subgraphs else None
            chart.nodes[node_id] = ParsedNode(node_id, shape, label, parent, element)
            return True
    return False


def _style(chart: Flowchart, line: str) -> bool:
    found = _CLASS_DEF.fullmatch(line)
    if found:
        chart.class_defs[found.group(1)] = found.group(2)
        return True
    found = _CLASS.fullmatch(line)
    if found:
        for node_id in found.group(1).split(","):
            chart.classes.setdefault(node_id, set()).add(found.group(2))
        return True
    found = _LINK_STYLE.fullmatch(line)
    if found:
        for number in found.group(1).split(","):
            chart.link_styles[int(number)] = found.group(2)
        return True
    return False
