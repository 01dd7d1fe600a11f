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
Node names in the DOT are the element ids, quoted so that no text can change the structure.

The DOT is assembled in a :class:`graphviz.Digraph` (whose ``source`` is the output). Node and
edge statements are written by this module with DOT's quoting rules, because the ``graphviz``
package's own quoting treats backslashes as escapes and strings in ``<...>`` as HTML, and its
per-statement calls are too slow for maps of 100,000 claims.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any

import attrs

from argmap.builtin.dot.options import DEFAULT_MAX_LINES, DEFAULT_WRAP
from argmap.core.collector import paused_gc
from argmap.core.errors import FormatError
from argmap.model import Argument, ArgumentMap, Claim, RelationKind, Source
from argmap.plugin_api.formats import EvaluationLike

if TYPE_CHECKING:
    # Imported where used: registering the plugin must not cost the graphviz import.
    import graphviz

DIRECTIONS: Mapping[str, str] = {
    "BT": "BT",
    "TB": "TB",
    "LR": "LR",
    "RL": "RL",
    "up": "BT",
    "down": "TB",
    "right": "LR",
    "left": "RL",
}
"""Layout directions: Graphviz's ``rankdir`` values and words for them. ``BT`` (the default)
puts positions at the top with their reasons and objections below, arrows pointing up."""


# -- themes -----------------------------------------------------------------------------------


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


# -- text -------------------------------------------------------------------------------------

# Characters XML cannot carry (SVG is XML, and Graphviz parses HTML labels as XML): C0
# controls other than tab and line breaks become their visible Unicode control pictures;
# lone surrogates and the two non-characters become the replacement character.
_CONTROL = {c: 0x2400 + c for c in range(32) if c not in (9, 10, 13)}
_CONTROL.update({0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD})
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Replace the characters that XML cannot carry with visible stand-ins."""
    if _UNSAFE.search(text) is None:  # the common case, at C speed
        return text
    return _SURROGATE.sub("\ufffd", text.translate(_CONTROL))


_HTML_SPECIAL = re.compile('[&<>"\\\\\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')
_DOT_SPECIAL = re.compile('["\\\\\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')


def _inert(text: str) -> bool:
    """Whether ``text`` surely needs no escaping, in an HTML-like label or a DOT string.

    A quick check (scanning for a character class runs at a fraction of the speed): it may
    say no to a text that needs nothing, such as one with a line break, but never yes to one
    that does.
    """
    # Every character that either format escapes is unprintable or one of these five.
    return text.isprintable() and not (
        "&" in text or "<" in text or ">" in text or '"' in text or "\\" in text
    )


_ASCII_SPECIAL = bytes(range(32)) + b'\x7f&<>"\\'
"""The ASCII characters that make a text not :func:`_inert`: the controls and five more."""


def _inert_long(text: str) -> bool:
    """:func:`_inert` of a long text, such as many joined: for ASCII at the speed of memory.

    Deleting the characters from the bytes is several times quicker than ``isprintable``.
    """
    if text.isascii():
        data = text.encode("ascii")
        return len(data.translate(None, _ASCII_SPECIAL)) == len(data)
    return _inert(text)


def _inert_each(texts: list[str]) -> list[bool]:
    """:func:`_inert` of each of ``texts``, checked a thousand at a time.

    Most texts of a map need no escaping: one check of many joined (by a space, which needs
    none) costs a fraction of a call per text; only a group that fails is checked text by text.
    """
    flags: list[bool] = []
    for start in range(0, len(texts), 1000):
        group = texts[start : start + 1000]
        if _inert_long(" ".join(group)):
            flags.extend([True] * len(group))
        else:
            flags.extend(map(_inert, group))
    return flags


def _inert_lines(text: str) -> bool:
    """Whether ``text`` surely needs no escaping in a DOT string, line breaks allowed.

    The quick check for tooltips, which have line breaks when they list sources: cheaper than
    scanning for :data:`_DOT_SPECIAL`, and like :func:`_inert` it never says yes wrongly.
    """
    return '"' not in text and "\\" not in text and text.replace("\n", " ").isprintable()


def html(text: str) -> str:
    """Escape ``text`` for the inside of a Graphviz HTML-like label (one line)."""
    if _inert(text) or _HTML_SPECIAL.search(text) is None:  # most texts: nothing to do
        return text
    text = (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        # Graphviz reads backslash sequences in labels too (\N is the node's name): double them.
        .replace("\\", "\\\\")
    )
    # Graphviz drops tabs from HTML labels; a space keeps the words apart.
    return text.replace("\t", " ") if "\t" in text else text


def quote(text: str) -> str:
    """Quote ``text`` as a DOT string: a node name, or an attribute such as a tooltip.

    Backslashes are doubled and quotes escaped, so the string always ends where it should; an
    escString attribute (tooltip, URL) then shows the text exactly as given.
    """
    if len(text) <= _CHUNK:
        return '"' + _inner(text) + '"'
    # Graphviz refuses quoted strings of more than 16,384 bytes; DOT joins "a" + "b".
    return " + ".join('"' + _inner(text[i : i + _CHUNK]) + '"' for i in range(0, len(text), _CHUNK))


_CHUNK = 4000
"""Characters per quoted piece: at most 16,000 bytes even escaped (2 bytes for an escaped
ASCII character, 4 for others)."""

_INLINE_CLAIMS = True
"""Whether plain claims are written by the inline path in :meth:`_Writer.digraph`; a test
turns it off to hold that path's statements equal to :meth:`_Writer.claim_node`'s."""


def _inner(text: str) -> str:
    if _inert(text) or _DOT_SPECIAL.search(text) is None:
        return text
    return clean(text).replace("\\", "\\\\").replace('"', '\\"')


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` characters, at spaces where possible.

    Line breaks in the text are kept; words longer than ``width`` are cut. Runs of white
    space become one space, as Graphviz shows them anyway (the tooltip keeps the text exactly).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for raw in text.split("\n"):
        if len(raw) <= width:
            lines.append(raw.strip())
        else:
            lines.extend(_wrap_line(raw, width))
    return lines


def _wrap_line(line: str, width: int, printable: bool = False) -> list[str]:
    """Wrap a line longer than ``width`` (without line breaks): :func:`wrap` does the rest.

    ``printable``: the caller knows that the line is printable.
    """
    paragraph = line.strip(" ")
    # Every white space character but the space is unprintable: most texts need no work.
    if "  " in paragraph or not (printable or paragraph.isprintable()):
        paragraph = " ".join(paragraph.split())
    return _line_pattern(width).findall(paragraph) if paragraph else [""]


_LINE_PATTERNS: dict[int, re.Pattern[str]] = {}


def _line_pattern(width: int) -> re.Pattern[str]:
    """The lines of a paragraph (single spaces, no line breaks) as ``findall`` finds them.

    A line is the longest run of at most ``width`` characters that a space or the end follows
    or, when a word is longer than that, the next ``width`` characters; the space after it
    goes with it.
    """
    pattern = _LINE_PATTERNS.get(width)
    if pattern is None:
        pattern = re.compile(f"(.{{1,{width}}}(?= |\\Z)|.{{{width}}}) ?")
        _LINE_PATTERNS[width] = pattern
    return pattern


# -- evaluation (argmap.plugin_api.EvaluationLike: no import of argmap.evaluation here) --


STATUS = {
    "in": ("✔", "IN: stands"),
    "out": ("✘", "OUT: defeated"),
    "undecided": ("?", "UNDECIDED"),
}
"""Evaluation labels as (marker, words): a diagram never tells them apart by colour alone."""


# -- the diagram ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DotOptions:
    """How a map is drawn. Every exporter option of ``dot``, ``svg``, ``png`` and ``pdf``.

    Attributes:
        direction: ``BT`` (default: positions on top), ``TB``, ``LR``, ``RL`` or the words
            ``up``, ``down``, ``right``, ``left``.
        theme: ``default`` or ``print``, or a :class:`Theme`.
        legend: Whether to add a key to the shapes and lines.
        sources: Whether to show sources (speaker under the text, speaker and quote in the
            tooltip).
        wrap: The width in characters at which labels are wrapped.
        max_lines: How many lines of a text a node shows at most (the tooltip has all).
        evaluation: An :class:`argmap.evaluation.Evaluation` whose labels to show.
    """

    direction: str = "BT"
    theme: Theme = THEMES["default"]
    legend: bool = False
    sources: bool = True
    wrap: int = DEFAULT_WRAP
    max_lines: int = DEFAULT_MAX_LINES
    evaluation: EvaluationLike | None = None

    @classmethod
    def from_options(cls, **options: Any) -> DotOptions:
        """Check and convert exporter options (as given in Python or on the command line)."""
        direction = str(options.pop("direction", "BT"))
        if direction not in DIRECTIONS:
            raise FormatError(
                f"unknown direction {direction!r} (choose from {', '.join(DIRECTIONS)})"
            )
        theme = options.pop("theme", "default")
        if not isinstance(theme, Theme):
            if theme not in THEMES:
                raise FormatError(f"unknown theme {theme!r} (choose from {', '.join(THEMES)})")
            theme = THEMES[theme]
        numbers: dict[str, int] = {}
        for name, default, low in (("wrap", DEFAULT_WRAP, 8), ("max_lines", DEFAULT_MAX_LINES, 1)):
            value = options.pop(name, default)
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise FormatError(f"{name} must be a whole number of at least {low}, not {value!r}")
            numbers[name] = value
        flags: dict[str, bool] = {}
        for name, default in (("legend", False), ("sources", True)):
            value = options.pop(name, default)
            if not isinstance(value, bool):
                raise FormatError(f"{name} must be true or false, not {value!r}")
            flags[name] = value
        evaluation = options.pop("evaluation", None)
        if evaluation is not None and not hasattr(evaluation, "labels"):
            raise FormatError("evaluation must be an argmap.evaluation.Evaluation")
        if options:
            raise FormatError(f"unknown diagram option {', '.join(sorted(options))}")
        return cls(
            direction=DIRECTIONS[direction],
            theme=theme,
            evaluation=evaluation,
            wrap=numbers["wrap"],
            max_lines=numbers["max_lines"],
            legend=flags["legend"],
            sources=flags["sources"],
        )


def _role_sets(amap: ArgumentMap) -> tuple[set[str], set[str], Counter[str]]:
    """What supports something (premises too), what attacks or undercuts, and premises' uses.

    A claim's role follows: a position is one; else a supporter is a premise, an attacker an
    objection, and the rest plain claims. The counter tells how many arguments each premise
    is a premise of.
    """
    # Counted at C speed (a dictionary update per premise in Python cost twice as much).
    uses = Counter(chain.from_iterable([argument.premises for argument in amap.arguments]))
    supports = set(uses)
    attacks: set[str] = set()
    for relation in amap.relations:
        if relation.kind is RelationKind.SUPPORT:
            supports.add(relation.origin)
        elif relation.kind is not RelationKind.CONTRADICTION:
            attacks.add(relation.origin)
    return supports, attacks, uses


def _plain(argument: Argument, targeted: set[str]) -> bool:
    """Whether an argument is drawn as a bare support arrow from its one premise."""
    return (
        len(argument.premises) == 1
        and argument.conclusion is not None
        and not (argument.title or argument.gist or argument.scheme)
        and not (argument.tags or argument.sources or argument.data)
        and argument.id not in targeted
    )


_SHORT = 80
"""Characters of a node's title or id that an edge tooltip shows."""


def _source_line(source: Source) -> str:
    return ", ".join(filter(None, (source.speaker, source.document, source.date)))


def _tooltip(text: str, sources: Iterable[Source]) -> str:
    """The text, then a paragraph per source: speaker, document, date, where, the quote."""
    return text + _sources_note(sources)


def _sources_note(sources: Iterable[Source]) -> str:
    """What a tooltip adds to its text for the sources (see :func:`_tooltip`), or ``""``."""
    note = ""
    for source in sources:  # most claims quote one source: no list to join
        head = _source_line(source)
        if source.locator or source.url:
            where = ", ".join(filter(None, (source.locator, source.url)))
            head = f"{head} ({where})" if head else where
        if source.quote is not None:
            head = f"{head}: “{source.quote}”" if head else f"“{source.quote}”"
        if head:
            note = f"{note}\n\n— {head}"
    return note


class _Writer:
    """Builds the DOT statements of one map; one instance per export."""

    def __init__(self, amap: ArgumentMap, options: DotOptions, collect: bool = False) -> None:
        self.amap = amap
        self.o = options
        self.t = options.theme
        self.small = f'<FONT POINT-SIZE="9" COLOR="{self.t.muted}">'
        t = self.t
        self.edge_styles = {
            "support": f'color="{t.support}" arrowhead=normal class="argmap-support"',
            "premise": (
                f'color="{t.premise_link}" arrowhead=none penwidth=1.2 class="argmap-premise"'
            ),
            "attack": f'color="{t.attack}" arrowhead=tee penwidth=2 class="argmap-attack"',
            "undercut": (
                f'color="{t.undercut}" arrowhead=tee style=dashed penwidth=2 '
                'class="argmap-undercut"'
            ),
            "contradiction": (
                f'color="{t.contradiction}:invis:{t.contradiction}" dir=both arrowhead=tee '
                'arrowtail=tee constraint=false class="argmap-contradiction"'
            ),
        }
        self.claim_styles = {
            role: self.claim_style(role) for role in ("position", "objection", "premise", "claim")
        }
        # A node's DOT name is its id in quotes, and edge tooltips call it by its id: these
        # hold the exceptions (see ends()).
        self.quoted: dict[str, str] = {}
        self.tips: dict[str, str] = {}
        # The speaker line of each list of speakers (debates quote few speakers).
        self.said: dict[str, str] = {}
        # The short names that may differ from the id, unescaped (for the exact tooltips).
        self.shorts: dict[str, str] = {}
        self.tooltips: list[str | None] = []
        self.collect = collect

    # -- labels -------------------------------------------------------------------------------

    def block(
        self, text: str, budget: int, bold: bool = False, width: int = 0, inert: bool | None = None
    ) -> str:
        """``text`` wrapped and escaped, lines joined by ``<BR/>``, at most ``budget`` lines.

        ``inert``: :func:`_inert` of ``text``, when the caller knows it.
        """
        width = width or self.o.wrap
        if inert is None:
            inert = _inert(text)  # then it is one line, with no white space but spaces
        if inert and len(text) <= width:
            return f"<B>{text.strip()}</B>" if bold else text.strip()
        if inert:  # what _wrap_line does, without its calls for the most common text
            paragraph = text.strip(" ")
            if "  " in paragraph:
                paragraph = " ".join(paragraph.split())
            found = _line_pattern(width).findall(paragraph) if paragraph else [""]
        elif len(text) <= width and "\n" not in text and "\r" not in text:
            joined = html(text.strip())
            return f"<B>{joined}</B>" if bold else joined
        else:
            found = wrap(text, width)
        if len(found) > budget:
            found = found[:budget]
            found[-1] = found[-1][: width - 1] + "…"
        if inert or _HTML_SPECIAL.search(text) is None:  # nor does any line, then
            if bold:
                return "<B>" + "</B><BR/><B>".join(found) + "</B>"
            return "<BR/>".join(found)
        joined = html("\n".join(found))
        if bold:
            return "<B>" + joined.replace("\n", "</B><BR/><B>") + "</B>"
        return joined.replace("\n", "<BR/>")

    def status(self, node_id: str) -> tuple[str, str | None]:
        """The evaluation line of a node's label, and its status word."""
        if self.o.evaluation is None:
            return "", None
        found = self.o.evaluation.labels.get(node_id)
        if found is None:
            return "", None
        word = str(getattr(found.label, "value", found.label))
        marker, words = STATUS.get(word, ("?", word.upper()))
        colour = {
            "in": self.t.status_in,
            "out": self.t.status_out,
        }.get(word, self.t.status_undecided)
        line = f'<BR/><FONT POINT-SIZE="10" COLOR="{colour}"><B>{marker} {html(words)}</B></FONT>'
        return line, word

    def claim_label(self, claim: Claim, role: str, inert_text: bool | None = None) -> str:
        parts: list[str] = []
        if role == "position":
            head = "POSITION"
            if claim.holder:
                head += " · held by " + claim.holder
            parts.append(f"{self.small}{self.block(head, 3)}</FONT>")
        elif role == "objection":
            parts.append(f"{self.small}OBJECTION</FONT>")
        budget = self.o.max_lines
        if claim.title:
            parts.append(self.block(claim.title, 3, bold=True))
        if claim.text:
            parts.append(self.block(claim.text, budget, inert=inert_text))
        elif not claim.title:
            parts.append(f"{self.small}<I>(no text)</I></FONT>")
        sources = claim.sources
        if sources and self.o.sources:
            said = self.speakers(sources)
            if said:
                parts.append(said)
        return "<BR/>".join(parts)

    def speakers(self, sources: tuple[Source, ...]) -> str:
        """The line of a claim's label that names who said it, or ``""``."""
        if len(sources) == 1:
            names = sources[0].speaker or sources[0].document or ""
        else:
            speakers = dict.fromkeys(s.speaker or s.document for s in sources)
            names = ", ".join(filter(None, speakers))
        if not names:
            return ""
        said = self.said.get(names)
        if said is None:
            said = self.said[names] = f"{self.small}<I>{html('— ' + names)}</I></FONT>"
        return said

    def argument_label(self, argument: Argument) -> str:
        linked = len(argument.premises) > 1
        head = "ARGUMENT" if argument.title or not linked else "LINKED REASON"
        parts = [f"{self.small}{head}</FONT>"]
        if argument.title:
            parts.append(self.block(argument.title, 3, bold=True))
        if argument.gist:
            parts.append(self.block(argument.gist, self.o.max_lines))
        if argument.scheme:
            parts.append(f"{self.small}<I>{self.block(argument.scheme, 2)}</I></FONT>")
        return "<BR/>".join(parts)

    # -- statements ---------------------------------------------------------------------------

    def claim_node(self, claim: Claim, role: str, name: str) -> str:
        """The statement of a claim node; ``name`` is its quoted DOT name."""
        # The text is both label and tooltip: check once whether it needs escaping.
        inert_text = _inert(claim.text) if claim.text else None
        label = self.claim_label(claim, role, inert_text)
        attributes = self.claim_styles[role]
        status = ""
        if self.o.evaluation is not None:
            status, word = self.status(claim.id)
            if word is not None:
                attributes = self.claim_style(role, word)
        tooltip = claim.text or claim.title or claim.id
        if self.o.sources and claim.sources:
            tooltip = _tooltip(tooltip, claim.sources)
        inert = inert_text if tooltip is claim.text else None
        return f"\t{name} [label=<{label}{status}> {attributes} {self.tooltip(tooltip, inert)}]\n"

    def claim_style(self, role: str, word: str | None = None) -> str:
        """The shape, fill and classes of a claim node of ``role`` (and evaluation status)."""
        t = self.t
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

    def argument_node(self, argument: Argument, name: str) -> str:
        """The statement of an argument node; ``name`` is its quoted DOT name."""
        t = self.t
        status, word = self.status(argument.id)
        fill = t.out_fill if word == "out" else t.argument_fill
        classes = "argmap-argument" + (f" argmap-{word}" if word else "")
        text = argument.gist or argument.title or argument.id
        tooltip = _tooltip(text, argument.sources) if self.o.sources else text
        return (
            f"\t{name} [label=<{self.argument_label(argument)}{status}> "
            f'shape=ellipse style=filled fillcolor="{fill}" margin="0.05,0.03" '
            f'class="{classes}" {self.tooltip(tooltip)}]\n'
        )

    def tooltip(self, text: str, inert: bool | None = None) -> str:
        """The ``id`` and ``tooltip`` attributes of a node or cluster whose tooltip is ``text``.

        The id numbers the tooltip, so that :func:`restore_tooltips` can put the exact text
        back into the SVG (Graphviz rewrites backslashes, entities and runs of spaces).
        ``inert``: :func:`_inert` of ``text``, when the caller knows it.
        """
        number = len(self.tooltips)
        self.tooltips.append(text)
        if inert is None:
            inert = _inert_lines(text)
        if len(text) <= _CHUNK and (inert or _DOT_SPECIAL.search(text) is None):
            return f'id="argmap_{number}" tooltip="{text}"'
        return f'id="argmap_{number}" tooltip={quote(text)}'

    def ends(self, nodes: list[Claim | Argument]) -> None:
        """Fill :attr:`quoted`, :attr:`tips` and :attr:`shorts` for the nodes of the map.

        Most ids need nothing but the quotes around them, and most nodes are called by their
        id in edge tooltips: only the others are kept. (Looking up both ends of each of
        100,000s of edges in dictionaries of every node cost more than writing the edges.)
        """
        ids = [node.id for node in nodes]
        odd_ids = max(map(len, ids), default=0) > _SHORT or not (
            _inert_long(" ".join(ids))  # the quick check; then the exact one
            or _DOT_SPECIAL.search("\n".join(ids)) is None  # the join's line breaks are safe
        )
        if odd_ids:
            for node_id in ids:
                name = quote(node_id)
                if name != f'"{node_id}"':
                    self.quoted[node_id] = name[1:-1]  # a long id is '"a" + "b"': quotes outside
        named = nodes if odd_ids else [node for node in nodes if node.title]
        named_ids = [node.id for node in named]
        shorts = [node.title or node.id for node in named]
        if max(map(len, shorts), default=0) > _SHORT:
            shorts = [s if len(s) <= _SHORT else s[: _SHORT - 1] + "…" for s in shorts]
        if self.collect:
            self.shorts.update(zip(named_ids, shorts, strict=True))
        if _inert_long(" ".join(shorts)) or _DOT_SPECIAL.search("\n".join(shorts)) is None:
            self.tips.update(zip(named_ids, shorts, strict=True))
        else:
            self.tips.update(zip(named_ids, map(_inner, shorts), strict=True))

    # -- the whole ----------------------------------------------------------------------------

    def digraph(self) -> graphviz.Digraph:
        """The whole diagram: :meth:`frame` with :meth:`lines` in its body."""
        dot = self.frame()
        # The lines go in as they are: joining them first would copy the whole DOT once more.
        dot.body.extend(self.lines())
        return dot

    def frame(self) -> graphviz.Digraph:
        """The graph without nodes and edges: its attributes and title."""
        import graphviz

        amap, t, o = self.amap, self.t, self.o
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
            title = self.block(amap.title, 3, bold=True, width=2 * o.wrap)
            dot.attr(label=f"<{title}>", labelloc="t", fontsize="16")
        return dot

    def lines(self) -> list[str]:
        """The statements of the sections, nodes, edges and legend, as lines of the body."""
        amap, o = self.amap, self.o
        body: list[str] = []
        claims, arguments = amap.claims, amap.arguments
        self.ends([*claims, *arguments])
        quoted = self.quoted.get
        supports, attacks, used_by = _role_sets(amap)
        # An argument that a relation starts or ends at must be a node of its own.
        related = {r.target for r in amap.relations}
        related.update([r.origin for r in amap.relations])
        # Beside the arguments, in their order: looking ids up in a set of them cost more.
        plain = [_plain(a, related) for a in arguments]

        statements: defaultdict[str | None, list[str]] = defaultdict(list)
        claim_node = self.claim_node
        tooltips = self.tooltips
        styles = self.claim_styles
        heads = {"objection": f"{self.small}OBJECTION</FONT><BR/>"}
        width, budget = o.wrap, o.max_lines
        lines = _line_pattern(width).findall
        # Most claims of a large map are no position, shown without evaluation, with a text
        # that needs no escaping. Their statements are written here, inline, with what
        # claim_node, claim_label, block and tooltip would do for them: at 100,000 claims
        # those calls per claim cost more than the statement itself.
        inline = _INLINE_CLAIMS and o.evaluation is None
        show_sources = o.sources
        block, speakers = self.block, self.speakers
        for claim, inert in zip(claims, _inert_each([claim.text for claim in claims]), strict=True):
            claim_id = claim.id
            if claim.is_position:
                role = "position"
            elif claim_id in supports:
                role = "premise"
            elif claim_id in attacks:
                role = "objection"
            else:
                role = "claim"
            text = claim.text
            if inline and inert and role != "position" and text and len(text) <= _CHUNK:
                if len(text) <= width:
                    label = text.strip()
                else:
                    paragraph = text.strip(" ")
                    if "  " in paragraph:
                        paragraph = " ".join(paragraph.split())
                    found = lines(paragraph) if paragraph else [""]
                    if len(found) > budget:
                        found = found[:budget]
                        found[-1] = found[-1][: width - 1] + "…"
                    label = "<BR/>".join(found)
                # The label is head, text and speaker line; the tooltip text and source note.
                head = heads.get(role, "")
                if claim.title:
                    head = f"{head}{block(claim.title, 3, bold=True)}<BR/>"
                said = note = ""
                sources = claim.sources
                if sources and show_sources:
                    said = speakers(sources)
                    if said:
                        said = "<BR/>" + said
                    note = _sources_note(sources)
                if len(text) + len(note) <= _CHUNK and (not note or _inert_lines(note)):
                    # The text and the note need no escaping, so neither does the whole.
                    statement = (
                        f'\t"{quoted(claim_id, claim_id)}" [label=<{head}{label}{said}> '
                        f'{styles[role]} id="argmap_{len(tooltips)}" tooltip="{text}{note}"]\n'
                    )
                    tooltips.append(text + note if note else text)
                else:
                    statement = (
                        f'\t"{quoted(claim_id, claim_id)}" [label=<{head}{label}{said}> '
                        f"{styles[role]} {self.tooltip(text + note)}]\n"
                    )
            else:
                statement = claim_node(claim, role, f'"{quoted(claim_id, claim_id)}"')
            statements[claim.section].append(statement)
        for argument, drawn_as_arrow in zip(arguments, plain, strict=True):
            if not drawn_as_arrow:
                argument_id = argument.id
                name = f'"{quoted(argument_id, argument_id)}"'
                statements[argument.section].append(self.argument_node(argument, name))
        self.sections(body, statements)
        body.extend(statements.get(None, ()))

        # Every edge as (style, words, origin, target), in the order of the DOT; a ``rank=same``
        # line of co-premises, which takes no tooltip number, as (None, line, "", "").
        edge_styles = self.edge_styles
        support = edge_styles["support"]
        specs: list[tuple[str | None, str, str, str]] = []
        spec = specs.append
        for argument, drawn_as_arrow in zip(arguments, plain, strict=True):
            conclusion = argument.conclusion
            if drawn_as_arrow:
                assert conclusion is not None
                spec((support, "supports", argument.premises[0], conclusion))
                continue
            premises = argument.premises
            for premise in premises:
                spec((edge_styles["premise"], "is a premise of", premise, argument.id))
            if conclusion is not None:
                spec((support, "supports", argument.id, conclusion))
            # Co-premises side by side, when nothing else pulls them apart.
            if (
                len(premises) > 1
                and all(used_by[p] == 1 for p in premises)
                and len({amap.claim(p).section for p in premises}) == 1
            ):
                line = "\t{rank=same " + " ".join(f'"{quoted(p, p)}"' for p in premises) + "}\n"
                spec((None, line, "", ""))
        words = {
            RelationKind.SUPPORT: (edge_styles["support"], "supports"),
            RelationKind.ATTACK: (edge_styles["attack"], "attacks"),
            RelationKind.UNDERCUT: (edge_styles["undercut"], "undercuts"),
            RelationKind.CONTRADICTION: (edge_styles["contradiction"], "contradicts"),
        }
        specs.extend([(*words[r.kind], r.origin, r.target) for r in amap.relations])
        # Written here, not by a method call per edge (there are 100,000s): each edge takes the
        # next tooltip number.
        tip = self.tips.get
        append = body.append
        number = len(tooltips)
        for style, said, origin, target in specs:
            if style is None:
                append(said)
                continue
            append(
                f'\t"{quoted(origin, origin)}" -> "{quoted(target, target)}" [{style} '
                f'id="argmap_{number}" '
                f'tooltip="{tip(origin, origin)} {said} {tip(target, target)}"]\n'
            )
            number += 1
        if self.collect:
            short = self.shorts.get
            tooltips.extend(
                f"{short(origin, origin)} {said} {short(target, target)}"
                for style, said, origin, target in specs
                if style is not None
            )
        else:
            tooltips.extend([None] * (number - len(tooltips)))
        if o.legend:
            body.extend(self.legend())
        return body

    def sections(self, body: list[str], statements: dict[str | None, list[str]]) -> None:
        t = self.t
        children: dict[str | None, list[str]] = {}
        for section in self.amap.sections:
            children.setdefault(section.parent, []).append(section.id)
        numbers = {s.id: i for i, s in enumerate(self.amap.sections)}
        # An explicit stack: sections can nest deeper than Python's recursion limit.
        stack: list[tuple[str, bool]] = [(s, False) for s in reversed(children.get(None, []))]
        while stack:
            section_id, done = stack.pop()
            if done:
                body.append("\t}\n")
                continue
            section = self.amap.section(section_id)
            body.append(f"\tsubgraph cluster_{numbers[section_id]} {{\n")
            body.append(
                # The label sits where the ranks begin (at the bottom when positions are on
                # top), away from the edges that leave the section towards what it supports.
                f"\tlabel=<{self.block(section.title, 3, bold=True)}> labeljust=l "
                'style="rounded,dashed,filled" '
                f'fillcolor="{t.section_fill}" color="{t.section_border}" fontsize=11 '
                f'class="argmap-section" {self.tooltip(section.title)}'
                "\n"
            )
            body.extend(statements.pop(section_id, ()))
            stack.append((section_id, True))
            stack.extend((c, False) for c in reversed(children.get(section_id, [])))

    def legend(self) -> list[str]:
        """The statements of the key, as lines of the graph's body."""
        t = self.t
        body: list[str] = []
        small = self.small

        def node(name: str, label: str, attributes: str) -> str:
            return f'{name} [label=<{label}> {attributes} tooltip="legend"]'

        body.append("subgraph cluster_legend {")
        body.append(
            'label=<<B>Legend</B>> labeljust=l style="rounded,filled" '
            f'fillcolor="white" color="{t.section_border}" fontsize=11 class="argmap-legend"'
        )
        body.append(
            node(
                "legend_position",
                f"{small}POSITION · held by …</FONT><BR/><B>Position</B><BR/>a party's thesis",
                f'style="rounded,filled,bold" penwidth=2.5 color="{t.position_border}" '
                f'fillcolor="{t.position_fill}"',
            )
        )
        body.append(
            node(
                "legend_rival",
                f"{small}POSITION</FONT><BR/><B>Rival position</B>",
                f'style="rounded,filled,bold" penwidth=2.5 color="{t.position_border}" '
                f'fillcolor="{t.position_fill}"',
            )
        )
        body.append(
            node(
                "legend_argument",
                f"{small}ARGUMENT</FONT><BR/>premises that work together",
                f'shape=ellipse style=filled fillcolor="{t.argument_fill}"',
            )
        )
        body.append(
            node(
                "legend_premise",
                "Premise (a reason)",
                f'style="rounded,filled" fillcolor="{t.premise_fill}"',
            )
        )
        body.append(
            node(
                "legend_objection",
                f"{small}OBJECTION</FONT><BR/>Objection",
                f'style="filled,diagonals" fillcolor="{t.objection_fill}"',
            )
        )
        body.append(
            node(
                "legend_undercut",
                f"{small}OBJECTION</FONT><BR/>“that does not follow”",
                f'style="filled,diagonals" fillcolor="{t.objection_fill}"',
            )
        )
        edges = [
            ("legend_argument", "legend_position", "support", "supports"),
            ("legend_premise", "legend_argument", "premise", "premise of"),
            ("legend_objection", "legend_premise", "attack", "attacks"),
            ("legend_undercut", "legend_argument", "undercut", "undercuts"),
            ("legend_position", "legend_rival", "contradiction", "contradicts"),
        ]
        body.append("{rank=same legend_position legend_rival}")
        for origin, target, kind, words in edges:
            body.append(
                f'{origin} -> {target} [{self.edge_styles[kind]} label="{words}" tooltip="{words}"]'
            )
        if self.o.evaluation is not None:
            rows = "<BR/>".join(
                f"<B>{marker}</B> {html(words)}" for marker, words in STATUS.values()
            )
            semantics = html(self.o.evaluation.semantics)
            body.append(
                node(
                    "legend_status",
                    f"{small}EVALUATION ({semantics})</FONT><BR/>{rows}",
                    'shape=box style="rounded" color="#999999"',
                )
            )
        body.append("}")
        return [f"\t{statement}\n" for statement in body]


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
    return Diagram(_build(writer), tuple(writer.tooltips))


def _build(writer: _Writer) -> graphviz.Digraph:
    # Hundreds of thousands of short-lived strings, no cycles: the cyclic collector would only
    # rescan them again and again.
    with paused_gc():
        return writer.digraph()


def digraph(amap: ArgumentMap, /, **options: Any) -> graphviz.Digraph:
    """The map as a :class:`graphviz.Digraph` (options as for :func:`export`)."""
    return diagram(amap, exact_tooltips=False, **options).graph


_SVG_TOOLTIP = re.compile(rb'(<g id="a_argmap_(\d+)"><a xlink:title=")[^"]*(")')
_XML_ATTRIBUTE = {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
    ord("\n"): "&#10;",
    ord("\r"): "&#13;",
    ord("\t"): "&#9;",
}


def restore_tooltips(svg: bytes, tooltips: tuple[str | None, ...]) -> bytes:
    r"""Put the exact tooltip texts back into an SVG that Graphviz drew from a diagram.

    Graphviz rewrites tooltips on the way (backslash sequences such as ``\N`` become the
    node's name, ``&amp;`` becomes ``&``, runs of spaces become no-break spaces, tabs are
    lost to XML attribute normalisation); this writes each one as an XML attribute that
    parses back to exactly the text of the claim.
    """

    def exact(match: re.Match[bytes]) -> bytes:
        number = int(match.group(2))
        text = tooltips[number] if number < len(tooltips) else None
        if text is None:
            return match.group(0)
        value = clean(text).translate(_XML_ATTRIBUTE).encode("utf-8")
        return match.group(1) + value + match.group(3)

    return _SVG_TOOLTIP.sub(exact, svg)


def export(amap: ArgumentMap, /, **options: Any) -> str:
    """Write ``amap`` as Graphviz DOT source.

    Args:
        amap: The map.
        **options: ``direction``, ``theme``, ``legend``, ``sources``, ``wrap``,
            ``max_lines``, ``evaluation``; see :class:`DotOptions`.

    Returns:
        The DOT text; the same map and options always give the same text.
    """
    # Without a Diagram: its tuple of every tooltip would only be copied and dropped.
    writer = _Writer(amap, DotOptions.from_options(**options))
    with paused_gc():  # as in _build
        frame = writer.frame()
        lines = writer.lines()
    # What graph.source would be: graphviz joins the lines that iterating the graph yields,
    # the closing brace last. Joining a list instead spares a generator step per line.
    *head, tail = frame
    return "".join([*head, *lines, tail])
