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
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from argmap.errors import FormatError
from argmap.model import Argument, ArgumentMap, Claim, Element, Node, RelationKind, Section
from argmap_mermaid.escape import FIELD_BREAK, LINE_BREAK, escape, label_text
from argmap_mermaid.options import DEFAULT_WRAP

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


class _NodeLabel(Protocol):
    @property
    def label(self) -> Any: ...

    @property
    def reason(self) -> str: ...


class _Evaluation(Protocol):
    @property
    def semantics(self) -> str: ...

    @property
    def labels(self) -> Mapping[str, _NodeLabel]: ...


def export(
    amap: ArgumentMap,
    /,
    *,
    evaluation: _Evaluation | str | bool | None = None,
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
    chart = _Chart(
        amap,
        _resolve_evaluation(amap, evaluation),
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


def _resolve_evaluation(amap: ArgumentMap, evaluation: object) -> _Evaluation | None:
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


class _Chart:
    """Writes one chart; one instance per export."""

    def __init__(
        self,
        amap: ArgumentMap,
        evaluation: _Evaluation | None,
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
        groups: tuple[tuple[str, Sequence[Element]], ...] = (
            ("c", amap.claims),
            ("a", amap.arguments),
            ("s", amap.sections),
        )
        # One dictionary filled in place (a comprehension per group, merged, would insert every
        # id twice into a dictionary of 100,000s).
        self.ids: dict[str, str] = {
            element.id: f"{prefix}{number}"
            for prefix, group in groups
            for number, element in enumerate(group, 1)
        }
        targets = {r.target for r in amap.relations}
        self.premise_ids = {p for a in amap.arguments for p in a.premises}
        self.argument_ids = {a.id for a in amap.arguments}
        # Bare one-premise arguments are drawn as one support edge from premise to conclusion.
        self.bare = {
            a.id
            for a in amap.arguments
            if len(a.premises) == 1
            and a.conclusion is not None
            and not (a.title or a.gist or a.scheme or a.tags or a.sources or a.data)
            and a.id not in targets
        }
        self.lines: list[str] = []
        self.classes: dict[str, list[str]] = defaultdict(list)
        self.edge_kinds: list[str] = []  # the kind of each edge, in order (linkStyle numbers)
        self.links = {
            (kind, words): LINKS[kind] + (f'|"{escape(EDGE_WORDS[words])}"|' if edge_labels else "")
            for kind in LINKS
            for words in EDGE_WORDS
        }

    # -- text -------------------------------------------------------------------------------

    def text(self, value: str) -> str:
        if self.limit is not None and len(value) > self.limit:
            value = value[: self.limit - 1] + "…"
        return label_text(value, self.width)

    def status(self, node: Node) -> list[str]:
        if self.evaluation is None:
            return []
        found = self.evaluation.labels.get(node.id)
        if found is None:
            return []
        value = str(getattr(found.label, "value", found.label))
        marker, words = STATUS.get(value, ("?", value))
        self.classes[f"status_{value}" if value in STATUS else "note"].append(self.ids[node.id])
        fields = [f"<b>{escape(f'{marker} {words}')}</b>"]
        if found.reason:
            fields.append(f"<i>{self.text(found.reason)}</i>")
        return fields

    def claim_label(self, claim: Claim) -> str:
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
            fields.extend(self.status(claim))
        return FIELD_BREAK.join(fields)

    def argument_label(self, argument: Argument) -> str:
        fields = [_argument_head(len(argument.premises))]
        if argument.title:
            fields.append(f"<b>{self.text(argument.title)}</b>")
        if argument.gist:
            fields.append(self.text(argument.gist))
        if argument.scheme:
            fields.append(f"<i>{_SCHEME}{self.text(argument.scheme)}</i>")
        if self.evaluation is not None:
            fields.extend(self.status(argument))
        return FIELD_BREAK.join(fields)

    # -- pieces -----------------------------------------------------------------------------

    def node(self, node_id: str, node: Node, indent: str) -> None:
        if isinstance(node, Claim):
            kind = "position" if node.is_position else "claim"
            label = self.claim_label(node)
        else:
            kind = "argument"
            label = self.argument_label(node)
        opening, closing = SHAPES[kind]
        self.classes[kind].append(node_id)
        # The comment and the node as one item of the lines: the chart joins them anyway.
        self.lines.append(
            f"{indent}%% {node_id}: {_comment(node.id)}\n{indent}{node_id}{opening}{label}{closing}"
        )

    def edge(self, origin: str, kind: str, link: str, target: str) -> None:
        """An edge of ``kind`` drawn as ``link`` (see :attr:`links`)."""
        ids = self.ids
        self.lines.append(f"    {ids[origin]} {link} {ids[target]}")
        self.edge_kinds.append(kind)

    def attack_words(self, target: str) -> str:
        """The words on an attack edge against the node with id ``target``."""
        if target in self.argument_ids:
            return "attack"
        return "undermine" if target in self.premise_ids else "rebut"

    # -- the chart --------------------------------------------------------------------------

    def render(self, direction: str) -> str:
        amap = self.amap
        if amap.title:
            self.lines.extend(["---", f"title: {_yaml_string(amap.title)}", "---"])
        self.lines.append(f"flowchart {direction}")
        if not len(amap) and not amap.sections:
            self.lines.append('    empty["' + escape("This map has no claims yet.") + '"]')
            self.classes["note"].append("empty")
        # The nodes of each section, and beside them their chart ids: self.ids holds those of
        # the claims and arguments first, in map order, so no id is looked up.
        members: dict[str | None, list[Node]] = defaultdict(list)
        member_ids: dict[str | None, list[str]] = defaultdict(list)
        bare = self.bare
        for node, node_id in zip(amap, self.ids.values(), strict=False):  # then sections
            if node.id not in bare:
                members[node.section].append(node)
                member_ids[node.section].append(node_id)
        for node_id, node in zip(member_ids[None], members[None], strict=True):
            self.node(node_id, node, "    ")
        self.subgraphs(members, member_ids)
        if self.legend and len(amap):
            self.lines.append('    legend["' + self.legend_label() + '"]')
            self.classes["note"].append("legend")
        self.edges()
        self.styles()
        self.lines.append("")  # the chart ends with a line break
        return "\n".join(self.lines)

    def subgraphs(
        self, members: Mapping[str | None, list[Node]], member_ids: Mapping[str | None, list[str]]
    ) -> None:
        children: dict[str | None, list[Section]] = defaultdict(list)
        for section in self.amap.sections:
            children[section.parent].append(section)
        # An explicit stack: sections may nest deeper than Python's recursion limit.
        stack: list[tuple[Section | None, int]] = [(s, 1) for s in reversed(children[None])]
        while stack:
            item, depth = stack.pop()
            indent = "    " * depth
            if item is None:
                self.lines.append(f"{indent}end")
                continue
            section = item
            section_id = self.ids[section.id]
            self.lines.append(f"{indent}%% {section_id}: {_comment(section.id)}")
            self.lines.append(f'{indent}subgraph {section_id} ["{self.text(section.title)}"]')
            inner = indent + "    "
            section_members = members.get(section.id, [])
            for node_id, node in zip(member_ids.get(section.id, []), section_members, strict=True):
                self.node(node_id, node, inner)
            stack.append((None, depth))
            stack.extend((child, depth + 1) for child in reversed(children[section.id]))

    def edges(self) -> None:
        bare, links, edge = self.bare, self.links, self.edge
        support = links["support", "support"]
        premise_links = {False: links["premise", "premise"], True: links["premise", "co-premise"]}
        for argument in self.amap.arguments:
            if argument.id in bare:
                edge(argument.premises[0], "support", support, argument.conclusion or "")
                continue
            link = premise_links[len(argument.premises) > 1]
            for premise in argument.premises:
                edge(premise, "premise", link, argument.id)
            if argument.conclusion is not None:
                edge(argument.id, "support", support, argument.conclusion)
        for relation in self.amap.relations:
            kind, target = relation.kind.value, relation.target
            words = self.attack_words(target) if relation.kind is RelationKind.ATTACK else kind
            edge(relation.origin, kind, links[kind, words], target)

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

    def styles(self) -> None:
        for name, style in CLASS_DEFS.items():
            if self.classes.get(name):
                self.lines.append(f"    classDef {name} {style}")
        for name in CLASS_DEFS:
            if self.classes.get(name):
                self.lines.append(f"    class {','.join(self.classes[name])} {name}")
        link_kinds: dict[str, list[str]] = defaultdict(list)
        for number, kind in enumerate(self.edge_kinds):
            link_kinds[kind].append(str(number))
        for kind, colour in LINK_COLOURS.items():
            if link_kinds.get(kind):
                self.lines.append(f"    linkStyle {','.join(link_kinds[kind])} {colour}")


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
    if text.isalnum():  # most ids
        return text
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
