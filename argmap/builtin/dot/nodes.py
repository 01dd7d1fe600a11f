"""The statements of a diagram's nodes and section frames: labels, styles and tooltips.

Every node and section frame gets a numbered tooltip (``id="argmap_N"``): its exact text is
kept in :attr:`NodeStatements.tooltips`, so that an SVG can be given the text back
(:func:`argmap.builtin.dot.tooltips.restore_tooltips`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import NamedTuple

from argmap.builtin.dot.labels import DOT_SPECIAL, HTML_SPECIAL, block, html, quote
from argmap.builtin.dot.markers import NO_STATUS, status
from argmap.builtin.dot.settings import DotOptions
from argmap.builtin.dot.theme import ROLES, claim_style
from argmap.core.text import flagged
from argmap.model import Argument, ArgumentMap, Claim, RelationKind, Section, Source


def sources_note(sources: Iterable[Source]) -> str:
    """What a tooltip adds to its text for the sources, or ``""``.

    A paragraph per source: speaker, document, date, where (locator, URL), then the quote.
    """
    note = ""
    for source in sources:
        head = ", ".join(filter(None, (source.speaker, source.document, source.date)))
        if source.locator or source.url:
            where = ", ".join(filter(None, (source.locator, source.url)))
            head = f"{head} ({where})" if head else where
        if source.quote is not None:
            head = f"{head}: “{source.quote}”" if head else f"“{source.quote}”"
        if head:
            note = f"{note}\n\n— {head}"
    return note


class Roles(NamedTuple):
    """What the claims of a map do, from which each claim's role follows.

    A position is one; else a supporter is a premise, an attacker an objection, and the rest
    plain claims (see :data:`argmap.builtin.dot.theme.ROLES`).

    Attributes:
        supporters: The ids of what supports something (premises of arguments too).
        attackers: The ids of what attacks or undercuts something.
        premise_uses: How many arguments each premise is a premise of.
    """

    supporters: set[str]
    attackers: set[str]
    premise_uses: Counter[str]

    @classmethod
    def of(cls, amap: ArgumentMap) -> Roles:
        """The roles in ``amap``."""
        uses = Counter(chain.from_iterable([argument.premises for argument in amap.arguments]))
        supporters = set(uses)
        attackers: set[str] = set()
        for relation in amap.relations:
            if relation.kind is RelationKind.SUPPORT:
                supporters.add(relation.origin)
            elif relation.kind is not RelationKind.CONTRADICTION:
                attackers.add(relation.origin)
        return cls(supporters, attackers, uses)


class NodeStatements:
    """Writes the node and section statements of one diagram, numbering their tooltips.

    Attributes:
        tooltips: The exact tooltip of each numbered element so far, in number order (edges
            add theirs after the nodes; see :mod:`argmap.builtin.dot.writer`).
    """

    def __init__(self, options: DotOptions) -> None:
        self.options = options
        self.theme = options.theme
        self.small = options.theme.small
        self.claim_styles = {role: claim_style(self.theme, role) for role in ROLES}
        self.tooltips: list[str | None] = []
        # The speaker line of each list of speakers: debates quote few speakers.
        self._said: dict[str, str] = {}

    def tooltip(self, text: str, escape: bool = True) -> str:
        """The ``id`` and ``tooltip`` attributes of a node or section whose tooltip is ``text``.

        The id numbers the tooltip, so that the exact text can be put back into the SVG
        (Graphviz rewrites backslashes, entities and runs of spaces).

        Args:
            text: The tooltip.
            escape: False when the caller knows that ``text`` needs no escaping.
        """
        number = len(self.tooltips)
        self.tooltips.append(text)
        return f'id="argmap_{number}" tooltip={quote(text, escape=escape)}'

    # -- claims -------------------------------------------------------------------------------

    def claims(
        self,
        claims: Sequence[Claim],
        roles: Roles,
        quoted: Mapping[str, str],
        into: defaultdict[str | None, list[str]],
    ) -> None:
        """Add the statement of every claim node to ``into``, under its section.

        A claim's label is its heading (position or objection), title, text and who said it;
        its tooltip the text and the sources.

        Args:
            claims: The claims, in map order.
            roles: What the claims do, from which each one's role follows.
            quoted: The DOT names (without their quotes) of the ids that need escaping.
            into: The statements by section (None: outside every section).
        """
        o, t = self.options, self.theme
        width, budget, evaluation, show_sources = o.wrap, o.max_lines, o.evaluation, o.sources
        small, styles, tooltips, name_of = self.small, self.claim_styles, self.tooltips, quoted.get
        supporters, attackers = roles.supporters, roles.attackers
        objection = f"{small}OBJECTION</FONT>"
        # Which texts need escaping, found at once: the others go into label and tooltip as
        # they are.
        special = flagged([claim.text for claim in claims], HTML_SPECIAL)
        for index, claim in enumerate(claims):
            claim_id, title, text = claim.id, claim.title, claim.text
            parts: list[str] = []
            if claim.is_position:
                role = "position"
                head = "POSITION" + (" · held by " + claim.holder if claim.holder else "")
                parts.append(f"{small}{block(head, 3, width)}</FONT>")
            elif claim_id in supporters:
                role = "premise"
            elif claim_id in attackers:
                role = "objection"
                parts.append(objection)
            else:
                role = "claim"
            if title:
                parts.append(block(title, 3, width, bold=True))
            escape = index in special
            if text:
                parts.append(block(text, budget, width, escape=escape))
                tip = text
            else:
                if not title:
                    parts.append(f"{small}<I>(no text)</I></FONT>")
                tip, escape = title or claim_id, True
            if claim.sources and show_sources:
                said = self.speakers(claim.sources)
                if said:
                    parts.append(said)
                note = sources_note(claim.sources)
                if note:
                    tip += note
                    escape = escape or DOT_SPECIAL.search(note) is not None
            attributes = styles[role]
            line = ""
            if evaluation is not None:
                line, word = status(evaluation, t, claim_id)
                if word is not None:
                    attributes = claim_style(t, role, word)
            label = "<BR/>".join(parts)
            number = len(tooltips)  # numbered as by tooltip()
            tooltips.append(tip)
            into[claim.section].append(
                f'\t"{name_of(claim_id, claim_id)}" [label=<{label}{line}> {attributes} '
                f'id="argmap_{number}" tooltip={quote(tip, escape=escape)}]\n'
            )

    def speakers(self, sources: tuple[Source, ...]) -> str:
        """The line of a claim's label that names who said it, or ``""``."""
        if len(sources) == 1:
            names = sources[0].speaker or sources[0].document or ""
        else:
            speakers = dict.fromkeys(s.speaker or s.document for s in sources)
            names = ", ".join(filter(None, speakers))
        if not names:
            return ""
        said = self._said.get(names)
        if said is None:
            said = self._said[names] = f"{self.small}<I>{html('— ' + names)}</I></FONT>"
        return said

    # -- arguments ----------------------------------------------------------------------------

    def arguments(
        self,
        arguments: Iterable[Argument],
        quoted: Mapping[str, str],
        into: defaultdict[str | None, list[str]],
    ) -> None:
        """Add the statement of each of ``arguments`` to ``into``, under its section.

        ``quoted`` and ``into`` as for :meth:`claims`.
        """
        name_of = quoted.get
        for argument in arguments:
            argument_id = argument.id
            name = f'"{name_of(argument_id, argument_id)}"'
            into[argument.section].append(self.argument(argument, name))

    def argument(self, argument: Argument, name: str) -> str:
        """The statement of an argument node; ``name`` is its quoted DOT name."""
        o, t = self.options, self.theme
        line, word = status(o.evaluation, t, argument.id) if o.evaluation else NO_STATUS
        fill = t.out_fill if word == "out" else t.argument_fill
        classes = "argmap-argument" + (f" argmap-{word}" if word else "")
        tooltip = argument.gist or argument.title or argument.id
        if o.sources:
            tooltip += sources_note(argument.sources)
        return (
            f"\t{name} [label=<{self.argument_label(argument)}{line}> "
            f'shape=ellipse style=filled fillcolor="{fill}" margin="0.05,0.03" '
            f'class="{classes}" {self.tooltip(tooltip)}]\n'
        )

    def argument_label(self, argument: Argument) -> str:
        """The label of an argument node: its heading, title, gist and scheme."""
        o = self.options
        small = self.small
        linked = len(argument.premises) > 1
        head = "ARGUMENT" if argument.title or not linked else "LINKED REASON"
        parts = [f"{small}{head}</FONT>"]
        if argument.title:
            parts.append(block(argument.title, 3, o.wrap, bold=True))
        if argument.gist:
            parts.append(block(argument.gist, o.max_lines, o.wrap))
        if argument.scheme:
            parts.append(f"{small}<I>{block(argument.scheme, 2, o.wrap)}</I></FONT>")
        return "<BR/>".join(parts)

    # -- sections -----------------------------------------------------------------------------

    def section_head(self, section: Section, number: int) -> list[str]:
        """The opening lines of a section's frame (``cluster_<number>``)."""
        t = self.theme
        return [
            f"\tsubgraph cluster_{number} {{\n",
            # The label sits where the ranks begin (at the bottom when positions are on top),
            # away from the edges that leave the section towards what it supports.
            f"\tlabel=<{block(section.title, 3, self.options.wrap, bold=True)}> labeljust=l "
            'style="rounded,dashed,filled" '
            f'fillcolor="{t.section_fill}" color="{t.section_border}" fontsize=11 '
            f'class="argmap-section" {self.tooltip(section.title)}'
            "\n",
        ]
