"""The built-in ``markdown`` exporter: an outline to paste into an issue, a wiki or a report.

GitHub-flavoured Markdown: the title and description; each position a heading with its holder;
under each claim, nested lists of what supports and what attacks it, the kind of each said in
words as well as by a marker; co-premises of one argument kept together under the argument;
undercuts told apart from rebuttals; sources as footnotes with speaker, date and the verbatim
quote. A claim reached from several places is written in full once and linked by anchor
elsewhere, so cycles end.

Every text is escaped so that nothing in a claim can change the outline's structure: Markdown
punctuation is backslash-escaped, and line breaks and edge spaces become character references,
so a CommonMark parser gives back the text exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Container, Mapping
from itertools import accumulate, chain
from operator import attrgetter, itemgetter
from typing import cast

from argmap.core.collector import paused_gc
from argmap.model import Argument, ArgumentMap, Claim, Node, RelationKind, Source
from argmap.plugin_api.formats import EvaluationLike

# Characters with an inline meaning in CommonMark, GFM or on GitHub (`^[` inline footnotes,
# `@user` mentions that would notify people). Block syntax cannot start inside our text: it
# never begins a line (line breaks are written as character references).
_INLINE_SPECIAL = frozenset("\\`*_[]<>&!~|#()^@")
# GitHub turns :shortcode: into an emoji; escaping the opening colon keeps the text.
_SHORTCODE = re.compile(r":(?=[a-z0-9_+-]+:)")
_REFERENCES = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;", "\x00": "&#xFFFD;"}

MARKERS = {
    "reason": "➕",
    "objection": "➖",
    "undercut": "⚡",
    "contradiction": "⇄",
    "premise": "•",
}


# What Markdown parsers strip from the edges of a line (JavaScript's trim(), which markdown-it
# and GitHub's renderer follow), minus what a character reference cannot carry.
_EDGE_SPACE = frozenset(
    " \t\n\r\f\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)
_SPECIAL_RE = re.compile("[" + re.escape("".join(sorted(_INLINE_SPECIAL))) + "]")
_REFERENCE_RE = re.compile("[" + "".join(_REFERENCES) + "]")
_SPECIAL_CHARS = "".join(sorted(_INLINE_SPECIAL)) + "".join(_REFERENCES) + ":"
_ANY_SPECIAL = re.compile("[" + re.escape(_SPECIAL_CHARS) + "]")


def escape(text: str) -> str:
    """Escape ``text`` for an inline position in GFM (a list item, heading or footnote)."""
    if not text or (
        _ANY_SPECIAL.search(text) is None
        and text[0] not in _EDGE_SPACE
        and text[-1] not in _EDGE_SPACE
    ):
        return text  # most claims: nothing to escape
    if text[0] in _EDGE_SPACE or text[-1] in _EDGE_SPACE:
        # A parser drops white space at the edges of a line; keep it as character references.
        return _edge_references(text)
    if ":" in text and _SHORTCODE.search(text):
        escaped = _escape_shortcodes(text)
    elif _SPECIAL_RE.search(text):
        escaped = _SPECIAL_RE.sub(r"\\\g<0>", text)
    else:
        escaped = text
    if _REFERENCE_RE.search(escaped):
        escaped = _REFERENCE_RE.sub(lambda m: _REFERENCES[m.group()], escaped)
    return escaped


def _unsafe(texts: list[str]) -> set[str]:
    """Those of ``texts`` (none of them empty) that :func:`escape` may change (few, in most maps).

    Scans in C of all the texts at once find them: for each special character, a search of
    the texts joined; for white space, a search of their first and of their last characters.
    A regular-expression search per text would cost several times as much.
    """
    unsafe: set[str] = set()
    joined = "".join(texts)
    ends: list[int] = []
    for char in _SPECIAL_CHARS:
        at = joined.find(char)
        if at >= 0 and not ends:
            ends = list(accumulate(map(len, texts)))
        while at >= 0:
            i = bisect_right(ends, at)  # the text that holds the character
            unsafe.add(texts[i])
            at = joined.find(char, ends[i])  # on from the next text
    firsts = "".join(map(_FIRST, texts))  # one character per text (none is empty)
    lasts = "".join(map(_LAST, texts))
    for char in _EDGE_SPACE:
        for edges in (firsts, lasts):
            at = edges.find(char)
            while at >= 0:
                unsafe.add(texts[at])
                at = edges.find(char, at + 1)
    return unsafe


_FIRST = itemgetter(slice(None, 1))
_LAST = itemgetter(slice(-1, None))


def _escape_shortcodes(text: str) -> str:
    colons = {m.start() for m in _SHORTCODE.finditer(text)}
    return "".join(
        "\\" + char if char in _INLINE_SPECIAL or i in colons else char
        for i, char in enumerate(text)
    )


def _edge_references(text: str) -> str:
    start = 0
    while start < len(text) and text[start] in _EDGE_SPACE:
        start += 1
    end = len(text)
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    lead = "".join(f"&#{ord(c)};" for c in text[:start])
    trail = "".join(f"&#{ord(c)};" for c in text[end:])
    return lead + escape(text[start:end]) + trail


_STATUS_MARKERS = {"in": "✅", "out": "❌", "undecided": "❔"}

# The words before a list item, by how it relates to its parent (objections depend on the parent).
_KIND_WORDS = {
    "premise": f"{MARKERS['premise']} **Premise:**",
    "support": f"{MARKERS['reason']} **Reason:**",
    "reason": f"{MARKERS['reason']} **Reason:**",
    "undercut": f"{MARKERS['undercut']} **Undercut (denies that the step follows):**",
    "contradiction": f"{MARKERS['contradiction']} **Contradicts:**",
}
_OBJECTION_WORDS = f"{MARKERS['objection']} **Objection:**"
_AGAINST_ARGUMENT = f"{MARKERS['objection']} **Objection against the argument:**"
_AGAINST_PREMISE = f"{MARKERS['objection']} **Objection (undermines this premise):**"
_REBUTTAL = f"{MARKERS['objection']} **Objection (rebuttal):**"

_Child = tuple[str, Node, Argument | None]
"""A list item under a node: the words it starts with, its claim or argument, and the bare
argument it stands for when the item is that argument's only premise (a "reason")."""

_REASON_WORDS = _KIND_WORDS["reason"]
_ARGUMENT_WORDS = MARKERS["reason"]  # an argument listed as such, its premises under it
_PREMISE_WORDS = _KIND_WORDS["premise"]
_CONTRADICTS = _KIND_WORDS["contradiction"]
_RELATION_WORDS = {kind: _KIND_WORDS.get(kind.value, _OBJECTION_WORDS) for kind in RelationKind}
_PREMISES = attrgetter("premises")


class _Outline:
    """Writes the outline; one instance per export."""

    def __init__(self, amap: ArgumentMap, evaluation: EvaluationLike | None) -> None:
        self.amap = amap
        self.evaluation = evaluation
        self.lines: list[str] = []
        self.footnotes: list[str] = []
        self.written: set[str] = set()
        # The map's own index by id, without ArgumentMap.get's check: every premise, origin
        # and target of the map is a claim or argument of it.
        self.node_of = cast("Mapping[str, Node]", amap.elements)
        self.renamed = _renamed(amap)
        self.contradicted: set[str] = set()  # nodes that take part in a contradiction
        self.edges = self._edges()
        self.unsafe = _unsafe_texts(amap)

    def _edges(self) -> dict[str, list[_Child]]:
        """What is listed under each node, except an argument's premises.

        For a claim, the arguments concluding in it; for every node, then, the relations into
        it (both ways for a contradiction). The order is that of :meth:`GraphIndex.children`;
        one pass over the map costs far less than asking the index node by node. A bare
        one-premise argument is listed as its premise (a "reason").
        """
        amap = self.amap
        node_of = self.node_of
        targets = {r.target for r in amap.relations}
        edges: defaultdict[str, list[_Child]] = defaultdict(list)
        bare_premises: list[str] = []  # the premise of each bare argument
        for argument in amap.arguments:
            conclusion = argument.conclusion
            if conclusion is None:
                continue
            premises = argument.premises
            entry: _Child
            if (
                len(premises) == 1
                and not (argument.title or argument.gist or argument.scheme)
                and not (argument.tags or argument.sources or argument.data)
                and argument.id not in targets
            ):
                bare_premises.append(premises[0])
                entry = (_REASON_WORDS, node_of[premises[0]], argument)
            else:
                entry = (_ARGUMENT_WORDS, argument, None)
            edges[conclusion].append(entry)
        if len(set(bare_premises)) < len(bare_premises):
            # A premise of two bare arguments (no dict of (premise, conclusion) pairs built for
            # the many maps without one): if they share the conclusion too, both items stand
            # for the last of them (the other is written under "Other claims").
            for conclusion, found in edges.items():
                last = {n.id: a for _, n, a in found if a is not None}
                if len(last) < sum(a is not None for _, _, a in found):
                    edges[conclusion] = [
                        (w, n, a if a is None else last[n.id]) for w, n, a in found
                    ]
        # Which targets are premises: looked up in the targets rather than made a set of every
        # premise (lookups in a smaller set, no set growing premise by premise).
        premise_ids = targets.intersection(chain.from_iterable(map(_PREMISES, amap.arguments)))
        attack, contradiction = RelationKind.ATTACK, RelationKind.CONTRADICTION
        for relation in amap.relations:
            kind, target = relation.kind, relation.target
            if kind is not attack:
                words = _RELATION_WORDS[kind]
            elif isinstance(node_of[target], Argument):
                words = _AGAINST_ARGUMENT
            else:
                words = _AGAINST_PREMISE if target in premise_ids else _REBUTTAL
            edges[target].append((words, node_of[relation.origin], None))
            if kind is contradiction:
                self.contradicted.update((relation.origin, target))
                entry = (_CONTRADICTS, node_of[target], None)
                edges[relation.origin].append(entry)
        return edges

    # -- pieces -----------------------------------------------------------------------------

    def escape(self, text: str) -> str:
        """:func:`escape` for a text of the map."""
        return escape(text) if text in self.unsafe else text

    def anchor(self, node: Node) -> str:
        return f'<a id="am-{self.renamed.get(node.id, node.id)}"></a>'

    def link(self, node: Node) -> str:
        label = node.label or node.id
        short = label if len(label) <= 80 else label[:77] + "…"
        if label in self.unsafe or label == node.id:
            # (a label that is a safe text of the map stays safe when cut: the cut ends in "…")
            short = escape(short)
        return f"[{short}](#am-{self.renamed.get(node.id, node.id)})"

    def cite(self, sources: tuple[Source, ...]) -> str:
        footnotes, unsafe = self.footnotes, self.unsafe
        refs = ""
        for source in sources:
            n = len(footnotes) + 1
            footnotes.append(_footnote(n, source, unsafe))
            refs += f"[^{n}]"
        return refs

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
        unsafe = self.unsafe
        if isinstance(node, Claim):
            title, text = node.title, node.text
            if title in unsafe:
                title = escape(title)
            if text in unsafe:
                text = escape(text)
            if not title:
                body = text or "*(no text)*"
            else:
                body = f"**{title}.** {text}" if text else f"**{title}.**"
            if node.tags:
                body += " " + " ".join([f"`#{_code(tag)}`" for tag in node.tags])
        else:
            esc = self.escape
            words = f"argument “{esc(node.title)}”" if node.title else "argument"
            parts = [f"**Reason: {words}**"]
            if len(node.premises) > 1:
                parts.append("(linked: these premises support it only together)")
            if node.gist:
                parts.append(esc(node.gist))
            if node.scheme:
                parts.append(f"*scheme: {esc(node.scheme)}*")
            body = " ".join(parts)
        return body + self.cite(node.sources) if node.sources else body

    # -- the walk ---------------------------------------------------------------------------

    def children(self, node: Node) -> list[_Child]:
        """What is listed under ``node``.

        For a claim its reasons, for an argument its premises; then what relates to the node
        itself (a contradiction only once).
        """
        found = self.edges.get(node.id, [])
        if node.id in self.contradicted:
            written = self.written
            found = [c for c in found if not (c[0] == _CONTRADICTS and c[1].id in written)]
        if isinstance(node, Argument):
            node_of = self.node_of
            premises: list[_Child] = [(_PREMISE_WORDS, node_of[p], None) for p in node.premises]
            return premises + found
        return found

    def tree(self, root: Node, depth: int = 0) -> None:
        """Write the items under ``root``, starting at ``depth``."""
        self.walk(self.children(root), depth)

    def walk(self, items: list[_Child], depth: int) -> None:
        """Write ``items`` at ``depth`` and, under each written in full, its children."""
        # An explicit stack (debates can be deeper than Python's recursion limit) of the lists
        # being written, each with what its items' lines start with. A node's children are
        # pushed when it is written and the loop over its list is left; when they are done,
        # the loop picks its list up again where it stopped (a depth-first walk in order).
        stack = [(iter(items), "  " * depth + "- ")]
        lines, written, renamed = self.lines, self.written, self.renamed
        edges, contradicted, node_of = self.edges, self.contradicted, self.node_of
        body, status, link, unsafe = self.body, self.status, self.link, self.unsafe
        evaluated = self.evaluation is not None
        while stack:
            todo, start = stack[-1]
            for words, node, bare in todo:
                node_id = node.id
                lead = ""
                if bare is not None and bare.id not in written:
                    # A bare argument listed as its premise: its anchor goes with the premise.
                    written.add(bare.id)
                    lead = f'<a id="am-{renamed.get(bare.id, bare.id)}"></a>'
                if node_id in written:
                    lines.append(f"{start}{lead}{words} ↩ {link(node)} (see above)")
                    continue
                written.add(node_id)
                # body(node), without the call for most claims: a text alone, safe as it is.
                said = node.text if isinstance(node, Claim) else ""
                if not said or said in unsafe or node.title or node.tags or node.sources:
                    said = body(node)
                anchor = renamed.get(node_id, node_id) if renamed else node_id
                lines.append(
                    f'{start}{lead}<a id="am-{anchor}"></a>{words} {said}'
                    + (status(node) if evaluated else "")
                )
                # Its children, as children() gives them.
                found = edges.get(node_id)
                if found and node_id in contradicted:
                    found = [c for c in found if not (c[0] == _CONTRADICTS and c[1].id in written)]
                if isinstance(node, Argument):
                    premises: list[_Child] = [
                        (_PREMISE_WORDS, node_of[p], None) for p in node.premises
                    ]
                    found = premises + found if found else premises
                if found:
                    stack.append((iter(found), "  " + start))
                    break
            else:
                stack.pop()

    def heading(self, claim: Claim, prefix: str) -> None:
        title = escape(claim.title or claim.text or claim.id)
        holder = f" — held by {escape(claim.holder)}" if claim.holder else ""
        if claim.id in self.written:
            # Already written in full under another position (positions can support each other).
            self.lines.append(f"## {prefix}: {title}{holder}")
            self.lines.extend(["", f"↩ Written in full above: {self.link(claim)}", ""])
            return
        self.written.add(claim.id)
        self.lines.append(f"## {self.anchor(claim)}{prefix}: {title}{holder}")
        self.lines.append("")
        body = []
        if claim.title and claim.text:
            body.append(escape(claim.text))
        if claim.tags:
            body.append(" ".join(f"`#{_code(tag)}`" for tag in claim.tags))
        # Only the spaces added here are trimmed: escaped text keeps its own white space.
        text = (" ".join(body) + self.cite(claim.sources) + self.status(claim)).strip(" ")
        if text:
            self.lines.append(text)
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
            if amap.sections:
                self.sections()
            return self.finish()
        self.lines.extend([_legend(self.evaluation), ""])
        roots: list[tuple[Claim, str]] = [(c, "Position") for c in amap.positions]
        for claim, prefix in roots:
            expand = claim.id not in self.written
            self.heading(claim, prefix)
            if expand:
                self.list_block(claim)
        written = self.written
        nodes = _nodes(amap)
        first = len(nodes)
        if len(written) < len(nodes):  # (written holds ids of nodes only)
            first = next(i for i, node in enumerate(nodes) if node.id not in written)
        if first < len(nodes):
            self.lines.extend(["## Other claims", ""])
            for node in nodes[first:]:
                if node.id in written:
                    continue
                if isinstance(node, Argument):
                    self.walk([(_ARGUMENT_WORDS, node, None)], 0)  # it, then its children
                    continue
                written.add(node.id)
                self.lines.append(f"- {self.anchor(node)}{self.body(node)}{self.status(node)}")
                self.tree(node, 1)
            self.lines.append("")
        if amap.sections:
            self.sections()
        return self.finish()

    def list_block(self, root: Node) -> None:
        before = len(self.lines)
        self.tree(root)
        if len(self.lines) > before:
            self.lines.append("")

    def sections(self) -> None:
        self.lines.extend(["## Sections", ""])
        depth_of: dict[str, int] = {}
        by_section: dict[str, list[str]] = {section.id: [] for section in self.amap.sections}
        unsafe, renamed = self.unsafe, self.renamed
        for node in _nodes(self.amap):
            member_of = node.section
            if member_of is None:
                continue
            # link(node), written out: this runs for most nodes of a map.
            node_id = node.id
            label = node.title or (node.text if isinstance(node, Claim) else node.gist) or node_id
            anchor = renamed.get(node_id, node_id) if renamed else node_id
            if label in unsafe or label == node_id:
                short = escape(label if len(label) <= 80 else label[:77] + "…")
                link = f"[{short}](#am-{anchor})"
            elif len(label) <= 80:
                link = f"[{label}](#am-{anchor})"
            else:  # the cut label in the link itself, not a string of its own first
                link = f"[{label[:77]}…](#am-{anchor})"
            by_section[member_of].append(link)
        for section in self.amap.sections:
            depth = depth_of[section.parent] + 1 if section.parent in depth_of else 0
            depth_of[section.id] = depth
            links = ", ".join(by_section[section.id]) or "*(empty)*"
            self.lines.append(f"{'  ' * depth}- **{escape(section.title)}:** {links}")
        self.lines.append("")

    def finish(self) -> str:
        if self.footnotes:
            self.lines.extend(self.footnotes)
            self.lines.append("")
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.lines.append("")  # the final line break, without copying the joined text again
        return "\n".join(self.lines)


# Claims whose texts are gathered and scanned at a time (see _unsafe_texts).
_CHUNK = 4096


def _unsafe_texts(amap: ArgumentMap) -> set[str]:
    """The texts of claims, arguments and sources that :func:`escape` may change.

    The texts are gathered and scanned a few thousand at a time: :func:`_unsafe` goes over
    its texts several times, and a chunk's strings are still in the processor's cache from
    the previous pass (all the texts at once are tens of megabytes; each pass over them then
    waits for memory, text by text).
    """
    claims = amap.claims
    unsafe: set[str] = set()
    for start in range(0, len(claims), _CHUNK):
        chunk = claims[start : start + _CHUNK]
        texts = list(filter(None, map(_TEXT, chunk)))  # (map and filter run in C)
        texts += filter(None, map(_TITLE, chunk))
        unsafe |= _unsafe(texts)
    others = _other_texts(amap)
    for start in range(0, len(others), _CHUNK):
        unsafe |= _unsafe(others[start : start + _CHUNK])
    return unsafe


_TEXT = attrgetter("text")
_TITLE = attrgetter("title")


def _other_texts(amap: ArgumentMap) -> list[str]:
    """The texts of arguments and sources that the items show (none empty), each once.

    Speakers, dates and schemes repeat across a map: each distinct text is scanned once.
    """
    texts = [
        text
        for a in amap.arguments
        if a.title or a.gist or a.scheme
        for text in (a.title, a.gist, a.scheme)
        if text
    ]
    sources = [source for node in _nodes(amap) if node.sources for source in node.sources]
    texts += [
        text
        for s in sources
        for text in (s.speaker, s.date, s.document, s.locator, s.url, s.quote)
        if text
    ]
    return list(dict.fromkeys(texts))


def _footnote(n: int, source: Source, unsafe: Container[str]) -> str:
    """The line of footnote ``n``; ``unsafe`` holds the texts of the map that need escaping."""
    # Escaped only if in ``unsafe``, without a call per text: a footnote is made for every
    # source of the map.
    speaker, date, document, locator, url, quote = (
        source.speaker,
        source.date,
        source.document,
        source.locator,
        source.url,
        source.quote,
    )
    parts = []
    if speaker:
        parts.append(escape(speaker) if speaker in unsafe else speaker)
    if date:
        parts.append(escape(date) if date in unsafe else date)
    if document:
        parts.append(f"*{escape(document) if document in unsafe else document}*")
    if locator:
        parts.append(escape(locator) if locator in unsafe else locator)
    if url:
        parts.append(f"<{url}>" if _is_safe_url(url) else escape(url))
    head = ", ".join(parts)
    # The line made at once (no string for the quote or the text alone on the way).
    if quote is not None:
        if quote in unsafe:
            quote = escape(quote)
        return f"[^{n}]: {head}: “{quote}”" if head else f"[^{n}]: “{quote}”"
    return f"[^{n}]: {head or '*(source without details)*'}"


def _nodes(amap: ArgumentMap) -> tuple[Node, ...]:
    """Claims, then arguments, as iterating the map gives them (without a generator)."""
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


def _is_safe_url(url: str) -> bool:
    return bool(re.fullmatch(r"https?://[^\s<>]+", url))


def _code(text: str) -> str:
    # Inside a code span nothing is interpreted, but a backtick would end it and a line break
    # would fold; tags rarely hold either, and those are replaced by safe look-alikes.
    return text.replace("`", "ˋ").replace("\n", " ").replace("\r", " ")


_PLAIN_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*[A-Za-z0-9_]|[A-Za-z0-9_]")
# A character that no plain id holds, nor the line breaks between ids.
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9_\n-]")


def _renamed(amap: ArgumentMap) -> dict[str, str]:
    """The nodes whose HTML anchor is not "am-" and their id: what follows "am-" in theirs.

    A plain id (letters, digits, "_" and, inside, "-") makes an anchor that no other node
    takes; other ids are made plain, and numbered when two come out the same.
    """
    # The ids of sections too (the map's index holds them): joined from its keys without a
    # pass over the nodes. A section's id that is not plain only sends the map the long way.
    ids = amap.elements
    joined = "\n".join(ids)
    if (
        joined.count("\n") == len(ids) - 1  # no id holds a line break
        and _NOT_PLAIN.search(joined) is None
        # and none is empty or starts or ends with "-"
        and joined[:1] not in ("", "\n", "-")
        and joined[-1:] not in ("\n", "-")
        and "\n\n" not in joined
        and "\n-" not in joined
        and "-\n" not in joined
    ):
        return {}  # most maps
    renamed: dict[str, str] = {}
    taken: set[str] = set()
    for node in amap:
        if _PLAIN_ID.fullmatch(node.id):
            base = node.id
        else:
            base = re.sub(r"[^A-Za-z0-9_-]+", "-", node.id).strip("-") or "node"
        anchor = base
        n = 2
        while anchor in taken:
            anchor = f"{base}-{n}"
            n += 1
        taken.add(anchor)
        if anchor != node.id:
            renamed[node.id] = anchor
    return renamed


def export(amap: ArgumentMap, /, *, evaluation: EvaluationLike | None = None) -> str:
    """Write ``amap`` as a GitHub-flavoured Markdown outline.

    Args:
        amap: The map.
        evaluation: An :class:`argmap.evaluation.Evaluation` whose labels are shown next to
            each claim and argument (with a legend), or None.
    """
    # Hundreds of thousands of strings and tuples, no cycles: the collector would only walk
    # the map's own objects again and again.
    with paused_gc():
        return _Outline(amap, evaluation).render()
