"""Write any :class:`~argmap.ArgumentMap` as Argdown that reads back to an equal map.

The output is plain Argdown where the map allows it: front matter for the map's metadata,
``#`` headings for sections, ``[Title]: text`` for claims, ``<Title>: gist`` with a
premise-conclusion structure for arguments, and one small relation tree per relation. What
Argdown has no syntax for (ids that differ from titles, positions, holders, sources, verdicts,
claims without titles, relation data) goes into ``{data}`` under the reserved keys listed in
``docs/argdown.md``, which the reader turns back into the same fields. Names come from
:mod:`.names`, data from :mod:`.yaml_flow`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import contains, ne
from typing import Any

from argmap.builtin.argdown.fields import ARGUMENT_KEYS, CLAIM_KEYS, SECTION_KEYS
from argmap.builtin.argdown.inline import escape, parse_inline
from argmap.builtin.argdown.names import name_all, rules_text, unbracketable
from argmap.builtin.argdown.yaml_flow import (
    braced,
    data_text,
    flow,
    free_members,
    sources_member,
    string,
    value,
)
from argmap.core.text import flagged
from argmap.model import Argument, ArgumentMap, Claim, RelationKind, Section

_FRONT_KEYS = frozenset({"title", "author", "authors", "date", "description", "argmap"})
_SYMBOL = {
    RelationKind.SUPPORT: "+>",
    RelationKind.ATTACK: "->",
    RelationKind.UNDERCUT: "_>",
    RelationKind.CONTRADICTION: "><",
}

# Every character that escaping or inline parsing reacts to; a text without any (and without
# line breaks or white space at its ends) is written as it is and reads back as it is.
_INLINE_SPECIAL = re.compile(r"[\\\[\]<>{}*_#@/!]")
_INLINE_SPECIAL_OR_CR = re.compile(r"[\\\[\]<>{}*_#@/!\r]")


def _inline(text: str, tags: tuple[str, ...]) -> tuple[str | None, bool]:
    """Escaped text, and whether the tags came out of it; None when text must go in data."""
    if text != text.strip() or "\n" in text or "\r" in text:
        return None, False
    if _INLINE_SPECIAL.search(text) is None:
        return text, False
    if tags:
        candidate = escape(text, keep_tags=True)
        if parse_inline(candidate) == (text, list(tags)):
            return candidate, True
    candidate = escape(text)
    if parse_inline(candidate)[0] != text:  # pragma: no cover - escape covers every marker
        return None, False
    return candidate, False


def texts_to_check(texts: Sequence[str]) -> set[int]:
    """The indices of the texts :func:`_inline` may change (and some it leaves alone)."""
    found = flagged(texts, _INLINE_SPECIAL_OR_CR)
    found.update(compress(count(), map(ne, texts, map(str.strip, texts))))
    found.update(compress(count(), map(contains, texts, repeat("\n"))))
    return found


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.blocks: list[str] = []

    # -- pieces -----------------------------------------------------------------------------

    def front_matter(self) -> None:
        amap = self.amap
        lines: list[str] = []
        if amap.title:
            lines.append(f"title: {value(amap.title)}")
        if amap.authors:
            lines.append(f"author: {value(list(amap.authors))}")
        if amap.date is not None:
            lines.append(f"date: {value(amap.date)}")
        if amap.description is not None:
            lines.append(f"description: {value(amap.description)}")
        data = amap.data
        if data and (set(data) & _FRONT_KEYS or set(data) == {"data"}):
            lines.append(f"data: {value(data)}")
        else:
            lines.extend(f"{value(k)}: {value(v)}" for k, v in data.items())
        with_data = [r for r in amap.relations if r.data]
        if with_data:
            entries = [
                {"kind": r.kind.value, "origin": r.origin, "target": r.target, "data": r.data}
                for r in with_data
            ]
            lines.append(f"argmap: {value({'relations': entries})}")
        if lines:
            self.blocks.append("===\n" + "\n".join(lines) + "\n===")

    def claim(
        self, claim: Claim, ref: str, name: str, check_text: bool, section: str | None
    ) -> None:
        """Write ``claim``; ``section`` is the member naming its section, if it must."""
        members = [name] if name else []
        text = claim.text
        tags_in_text = False
        if check_text:
            inline, tags_in_text = _inline(text, claim.tags)
            if inline is None:
                members.append('"text": ' + string(text))
                text = ""
            else:
                text = inline
        if claim.is_position:
            members.append('"position": true')
        if claim.holder is not None:
            members.append('"holder": ' + flow(claim.holder))
        if claim.verdict is not None:
            members.append('"verdict": ' + string(claim.verdict.value))
        if claim.tags and not tags_in_text:
            members.append('"tags": ' + flow(list(claim.tags)))
        if section is not None:
            members.append(section)
        if claim.sources:
            members.append(sources_member(claim.sources))
        if claim.data:
            members.append(free_members(claim.data, CLAIM_KEYS))
        # Argdown rejects a definition without text; an empty text is a bare reference.
        self.blocks.append((f"{ref}: {text}" if text else ref) + braced(members))

    def argument(
        self,
        argument: Argument,
        head: str,
        name: str,
        check_gist: bool,
        section: str | None,
        structure: bool,
        refs: dict[str, str],
    ) -> None:
        members = [name] if name else []
        data = dict(argument.data) if argument.data else argument.data
        gist = argument.gist
        tags_in_text = False
        if gist is not None:
            text: str | None = gist
            if check_gist:
                text, tags_in_text = _inline(gist, argument.tags)
            if not text:
                members.append('"gist": ' + string(gist))
            else:
                head = f"{head}: {text}".rstrip()
        if argument.tags and not tags_in_text:
            members.append('"tags": ' + flow(list(argument.tags)))
        if section is not None:
            members.append(section)
        if argument.sources:
            members.append(sources_member(argument.sources))
        pcs: str | None = None
        if structure:
            found = data.get("inference")
            inference_data: dict[str, Any] = {}
            if isinstance(found, dict):
                inference_data = found
                del data["inference"]
            rules = rules_text(argument.scheme)
            if rules is None:
                members.append('"scheme": ' + flow(argument.scheme))
                rules = ""
            inference = (
                f"-- {rules}{data_text(inference_data)} --" if (rules or inference_data) else "----"
            )
            premises = argument.premises
            conclusion = argument.conclusion
            assert conclusion is not None
            if len(premises) == 1:
                pcs = f"(1) {refs[premises[0]]}\n{inference}\n(2) {refs[conclusion]}"
            else:
                lines = [f"({i}) {refs[p]}" for i, p in enumerate(premises, 1)]
                lines.append(inference)
                lines.append(f"({len(premises) + 1}) {refs[conclusion]}")
                pcs = "\n".join(lines)
        else:
            if argument.premises:
                members.append('"premises": ' + flow(list(argument.premises)))
            if argument.conclusion is not None:
                members.append('"conclusion": ' + flow(argument.conclusion))
            if argument.scheme is not None:
                members.append('"scheme": ' + flow(argument.scheme))
        if data:
            members.append(free_members(data, ARGUMENT_KEYS))
        self.blocks.append(head + braced(members))
        if pcs is not None:
            self.blocks.append(pcs)

    # -- whole map --------------------------------------------------------------------------

    def write(self) -> str:
        amap = self.amap
        self.front_matter()
        origins = {r.origin for r in amap.relations if r.kind is not RelationKind.CONTRADICTION}
        sections = list(amap.sections)
        position = {s.id: i for i, s in enumerate(sections)}
        unusable_titles = unbracketable([s.title for s in sections])
        emitted = 0
        open_levels: list[tuple[int, str]] = []
        current: str | None = None

        def depth(section: Section) -> int:
            d = 0
            parent = section.parent
            while parent is not None:
                d += 1
                parent = amap.section(parent).parent
            return d

        def emit_sections(upto: int) -> None:
            nonlocal emitted, current
            while emitted <= upto:
                section = sections[emitted]
                level = depth(section) + 1
                while open_levels and open_levels[-1][0] >= level:
                    open_levels.pop()
                implied = open_levels[-1][1] if open_levels else None
                fields: dict[str, Any] = {}
                if section.id != f"s{emitted + 1}":
                    fields["id"] = section.id
                if implied != section.parent:
                    fields["parent"] = section.parent
                title = escape(section.title)
                if emitted in unusable_titles or parse_inline(title)[0] != section.title:
                    fields["title"] = section.title
                    title = "Section"
                if section.data:
                    if set(section.data) & SECTION_KEYS:
                        fields["data"] = section.data
                    else:
                        fields.update(section.data)
                self.blocks.append("#" * level + " " + title + data_text(fields))
                open_levels.append((level, section.id))
                current = section.id
                emitted += 1

        # The member that names a section, for an element not in the open one.
        section_members: dict[str | None, str] = {
            s: '"section": ' + flow(s) for s in [None, *position]
        }

        def section_member(section: str | None) -> str | None:
            if section is not None and position[section] >= emitted:
                emit_sections(position[section])
            return None if section == current else section_members[section]

        claims, arguments = amap.claims, amap.arguments
        claim_refs, claim_names = name_all(claims, "Claim", ("[", "]"))
        argument_refs, argument_names = name_all(arguments, "Argument", ("<", ">"))
        refs = dict(zip([c.id for c in claims], claim_refs, strict=True))
        check_text = texts_to_check([c.text for c in claims])
        check_gist = texts_to_check([a.gist or "" for a in arguments])

        # Each argument follows the claims it names, in the order of the arguments: an argument
        # whose claims are written waits for the ones before it. ready[k]: the index of the
        # claim after which argument k is written (len(claims): after all of them).
        order: dict[str, int] = {}
        for i, claim in enumerate(claims):
            order.setdefault(claim.id, i)
        missing = len(claims)
        ready: list[int] = []
        last = -1
        for argument in arguments:
            conclusion = argument.conclusion
            wanted = [order.get(p, missing) for p in argument.premises]
            if conclusion:
                wanted.append(order.get(conclusion, missing))
            last = max(last, *wanted) if wanted else last
            ready.append(last)
        ready.append(missing + 1)  # a sentinel: no argument after the last one
        next_argument = 0

        def flush(upto: int) -> None:
            nonlocal next_argument
            while ready[next_argument] <= upto:
                k = next_argument
                argument = arguments[k]
                next_argument += 1
                structure = (
                    bool(argument.premises)
                    and argument.conclusion is not None
                    and (argument.id not in origins)
                )
                self.argument(
                    argument,
                    argument_refs[k],
                    argument_names[k],
                    k in check_gist,
                    section_member(argument.section),
                    structure,
                    refs,
                )

        for i, claim in enumerate(claims):
            self.claim(
                claim,
                claim_refs[i],
                claim_names[i],
                i in check_text,
                section_member(claim.section),
            )
            if ready[next_argument] <= i:
                flush(i)
        flush(missing)
        refs.update(zip([a.id for a in arguments], argument_refs, strict=True))
        self.blocks.extend(
            [f"{refs[r.origin]}\n  {_SYMBOL[r.kind]} {refs[r.target]}" for r in amap.relations]
        )
        if emitted < len(sections):
            emit_sections(len(sections) - 1)
        if not self.blocks:
            return "\n"
        self.blocks[-1] += "\n"  # the final line break, without copying the joined text again
        return "\n\n".join(self.blocks)


def write(amap: ArgumentMap) -> str:
    """Argdown text for ``amap``; reading it gives a map equal to ``amap``."""
    return _Writer(amap).write()
