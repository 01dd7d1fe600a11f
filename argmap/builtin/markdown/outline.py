"""The built-in ``markdown`` exporter: an outline to paste into an issue, a wiki or a report.

GitHub-flavoured Markdown: the title and description; each position a heading with its holder;
under each claim, nested lists of what supports and what attacks it, the kind of each said in
words as well as by a marker; co-premises of one argument kept together under the argument;
undercuts told apart from rebuttals; sources as footnotes with speaker, date and the verbatim
quote. A claim reached from several places is written in full once and linked by anchor
elsewhere, so cycles end.

Every text is escaped (:mod:`argmap.builtin.markdown.escape`) so that nothing in a claim can
change the outline's structure, and a CommonMark parser gives back the text exactly.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter

from argmap.builtin.markdown.anchors import renamed_anchors
from argmap.builtin.markdown.escape import code, escape, escapes
from argmap.builtin.markdown.footnotes import Footnotes
from argmap.builtin.markdown.items import ARGUMENT, MARKERS, Children, Item
from argmap.model import Argument, ArgumentMap, Claim, Node
from argmap.plugin_api.formats import EvaluationLike

_STATUS_MARKERS = {"in": "✅", "out": "❌", "undecided": "❔"}


class _Outline:
    """Writes the outline; one instance per export."""

    def __init__(self, amap: ArgumentMap, evaluation: EvaluationLike | None) -> None:
        self.amap = amap
        self.evaluation = evaluation
        self.lines: list[str] = []
        # The escaped form of each text of the map's nodes and sources that needs one.
        self.escaped = escapes(_texts(amap))
        self.footnotes = Footnotes(self.escaped)
        # The nodes written in full so far: any later item for one of them links to it.
        self.written: set[str] = set()
        self.renamed = renamed_anchors(amap)
        self.children = Children(amap)

    # -- pieces -----------------------------------------------------------------------------

    def anchor(self, node: Node) -> str:
        """The HTML anchor that links to ``node`` point at."""
        return f'<a id="am-{self.renamed.get(node.id, node.id)}"></a>'

    def link(self, node: Node) -> str:
        label = node.label or node.id
        short = label if len(label) <= 80 else label[:77] + "…"
        if label in self.escaped or label == node.id:
            # (a safe text of the map stays safe when cut: the cut ends in "…")
            short = escape(short)
        return f"[{short}](#am-{self.renamed.get(node.id, node.id)})"

    def status(self, node: Node) -> str:
        if self.evaluation is None:
            return ""
        found = self.evaluation.labels.get(node.id)
        if found is None:
            return ""
        status = str(getattr(found.label, "value", found.label))
        marker = _STATUS_MARKERS.get(status, "?")
        reason = found.reason
        if not reason.startswith(f"{status}:"):
            reason = f"{status}: {reason}" if reason else status
        return f" {marker} *{escape(reason)}*"

    def body(self, node: Node) -> str:
        """What an item says of a node after its words (with references to its footnotes)."""
        esc = self.escaped.get
        if isinstance(node, Claim):
            title = esc(node.title, node.title) if node.title else ""
            text = esc(node.text, node.text)
            if not title:
                body = text or "*(no text)*"
            else:
                body = f"**{title}.** {text}" if text else f"**{title}.**"
            if node.tags:
                body += " " + " ".join([f"`#{code(tag)}`" for tag in node.tags])
        else:
            words = f"argument “{esc(node.title, node.title)}”" if node.title else "argument"
            parts = [f"**Reason: {words}**"]
            if len(node.premises) > 1:
                parts.append("(linked: these premises support it only together)")
            if node.gist:
                parts.append(esc(node.gist, node.gist))
            if node.scheme:
                parts.append(f"*scheme: {esc(node.scheme, node.scheme)}*")
            body = " ".join(parts)
        return body + self.footnotes.cite(node.sources) if node.sources else body

    # -- the walk ---------------------------------------------------------------------------

    def walk(self, items: list[Item], depth: int) -> None:
        """Write ``items`` at ``depth`` and, under each written in full, its children.

        Depth first, in order. The stack (debates can be deeper than Python's recursion limit)
        holds the lists being written, each with what its items' lines start with; a node's
        children are pushed when it is written, and its list picks up again after them.
        """
        lines, written, children_of = self.lines, self.written, self.children.of
        anchor, body, status = self.anchor, self.body, self.status
        evaluated = self.evaluation is not None
        stack = [(iter(items), "  " * depth + "- ")]
        while stack:
            todo, start = stack[-1]
            for words, node, stands_for in todo:
                lead = ""
                if stands_for is not None and stands_for.id not in written:
                    # A bare argument listed as its premise: its anchor goes with the premise.
                    written.add(stands_for.id)
                    lead = anchor(stands_for)
                if node.id in written:
                    lines.append(f"{start}{lead}{words} ↩ {self.link(node)} (see above)")
                    continue
                written.add(node.id)
                said = f"{words} {body(node)}" if words else body(node)
                if evaluated:
                    said += status(node)
                lines.append(f"{start}{lead}{anchor(node)}{said}")
                children = children_of(node, written)
                if children:
                    stack.append((iter(children), "  " + start))
                    break
            else:
                stack.pop()

    def heading(self, claim: Claim) -> None:
        """Write a position's heading, its text and, the first time, what is listed under it."""
        title = escape(claim.title or claim.text or claim.id)
        holder = f" — held by {escape(claim.holder)}" if claim.holder else ""
        if claim.id in self.written:
            # Already written in full under another position (positions can support each other).
            self.lines.append(f"## Position: {title}{holder}")
            self.lines.extend(["", f"↩ Written in full above: {self.link(claim)}", ""])
            return
        self.written.add(claim.id)
        self.lines.append(f"## {self.anchor(claim)}Position: {title}{holder}")
        self.lines.append("")
        body = []
        if claim.title and claim.text:
            body.append(escape(claim.text))
        if claim.tags:
            body.append(" ".join(f"`#{code(tag)}`" for tag in claim.tags))
        # Only the spaces added here are trimmed: escaped text keeps its own white space.
        text = (" ".join(body) + self.footnotes.cite(claim.sources) + self.status(claim)).strip(" ")
        if text:
            self.lines.append(text)
            self.lines.append("")
        before = len(self.lines)
        self.walk(self.children.of(claim, self.written), 0)
        if len(self.lines) > before:
            self.lines.append("")

    # -- the document -----------------------------------------------------------------------

    def render(self) -> str:
        amap = self.amap
        self.lines.append(f"# {escape(amap.title) if amap.title else 'Argument map'}")
        self.lines.append("")
        if amap.description:
            self.lines.extend([escape(amap.description), ""])
        meta = []
        if amap.authors:
            meta.append("**Authors:** " + ", ".join(escape(a) for a in amap.authors))
        if amap.date:
            meta.append(f"**Date:** {escape(amap.date)}")
        if meta:
            self.lines.extend([" · ".join(meta), ""])
        if not len(amap):
            self.lines.extend(["*This map has no claims yet.*", ""])
        else:
            self.lines.extend([_legend(self.evaluation), ""])
            for claim in amap.positions:
                self.heading(claim)
            self.others()
        if amap.sections:
            self.sections()
        return self.finish()

    def others(self) -> None:
        """Write, under "Other claims", each node that no position's tree reached."""
        written = self.written
        nodes = _nodes(self.amap)
        if len(written) == len(nodes):  # (written holds ids of nodes only)
            return
        self.lines.extend(["## Other claims", ""])
        for node in nodes:
            if node.id not in written:
                words = ARGUMENT if isinstance(node, Argument) else ""
                self.walk([Item((words, node, None))], 0)
        self.lines.append("")

    def sections(self) -> None:
        self.lines.extend(["## Sections", ""])
        depth_of: dict[str, int] = {}
        by_section: dict[str, list[str]] = {section.id: [] for section in self.amap.sections}
        for node in _nodes(self.amap):
            if node.section is not None:
                by_section[node.section].append(self.link(node))
        for section in self.amap.sections:
            depth = depth_of[section.parent] + 1 if section.parent in depth_of else 0
            depth_of[section.id] = depth
            links = ", ".join(by_section[section.id]) or "*(empty)*"
            self.lines.append(f"{'  ' * depth}- **{escape(section.title)}:** {links}")
        self.lines.append("")

    def finish(self) -> str:
        if self.footnotes.lines:
            self.lines.extend(self.footnotes.lines)
            self.lines.append("")
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.lines.append("")  # the final line break
        return "\n".join(self.lines)


def _texts(amap: ArgumentMap) -> list[str]:
    """The texts of the map's nodes and sources that the items show, none empty."""
    claims, arguments = amap.claims, amap.arguments
    texts = [*filter(None, map(_TEXT, claims)), *filter(None, map(_TITLE, claims))]
    for field in (_TITLE, _GIST, _SCHEME):
        texts += filter(None, map(field, arguments))
    sources = [*chain.from_iterable(map(_SOURCES, _nodes(amap)))]
    fields = (_SPEAKER, _DATE, _DOCUMENT, _LOCATOR, _QUOTE)
    # Each once: speakers and dates repeat.
    texts += dict.fromkeys(chain.from_iterable(filter(None, map(f, sources)) for f in fields))
    return texts


_TEXT, _TITLE, _GIST, _SCHEME, _SOURCES = map(
    attrgetter, ("text", "title", "gist", "scheme", "sources")
)
_SPEAKER, _DATE, _DOCUMENT, _LOCATOR, _QUOTE = map(
    attrgetter, ("speaker", "date", "document", "locator", "quote")
)


def _nodes(amap: ArgumentMap) -> tuple[Node, ...]:
    """Claims, then arguments, in map order."""
    return (*amap.claims, *amap.arguments)


def _legend(evaluation: EvaluationLike | None) -> str:
    legend = (
        f"**Legend:** {MARKERS['reason']} reason · {MARKERS['premise']} premise · "
        f"{MARKERS['objection']} objection · {MARKERS['undercut']} undercut (the step does not "
        f"follow) · {MARKERS['contradiction']} contradiction · ↩ written in full above"
    )
    if evaluation is not None:
        legend += (
            f"  \n**Evaluation ({escape(evaluation.semantics)}):** ✅ in (stands) · ❌ out "
            "(defeated) · ❔ undecided, each with its reason"
        )
    return legend


def export(amap: ArgumentMap, /, *, evaluation: EvaluationLike | None = None) -> str:
    """Write ``amap`` as a GitHub-flavoured Markdown outline.

    Args:
        amap: The map.
        evaluation: An :class:`argmap.evaluation.Evaluation` whose labels are shown next to
            each claim and argument (with a legend), or None.
    """
    return _Outline(amap, evaluation).render()
