"""Write any :class:`~argmap.ArgumentMap` as Argdown that reads back to an equal map.

The output is plain Argdown where the map allows it: front matter for the map's metadata,
``#`` headings for sections, ``[Title]: text`` for claims, ``<Title>: gist`` with a
premise-conclusion structure for arguments, and one small relation tree per relation. What
Argdown has no syntax for (ids that differ from titles, positions, holders, sources, verdicts,
claims without titles, relation data) goes into ``{data}`` under the reserved keys listed in
``docs/argdown.md``, which the reader turns back into the same fields.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from json.encoder import encode_basestring
from operator import attrgetter
from typing import Any

from argmap.builtin.argdown.inline import escape, parse_inline, unescape
from argmap.builtin.argdown.reader import ARGUMENT_KEYS, CLAIM_KEYS, SECTION_KEYS
from argmap.core.collector import paused_gc
from argmap.model import Argument, ArgumentMap, Claim, RelationKind, Section, Source

_FRONT_KEYS = frozenset({"title", "author", "authors", "date", "description", "argmap"})
_SYMBOL = {
    RelationKind.SUPPORT: "+>",
    RelationKind.ATTACK: "->",
    RelationKind.UNDERCUT: "_>",
    RelationKind.CONTRADICTION: "><",
}
# Characters PyYAML refuses in (or reads as line breaks inside) a double-quoted scalar, and
# "/" and "<" (which must not open a comment). json.dumps has already escaped C0 controls.
_STRING_UNSAFE = re.compile("[/<\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def value(data: Any) -> str:
    """A JSON value as YAML flow text that the reader parses back to the same value."""
    return _yaml_safe(_flow(data))


def _yaml_safe(text: str) -> str:
    """JSON text made safe as YAML flow text (see _STRING_UNSAFE)."""
    # What must be escaped occurs only inside strings, so one pass over the whole text does;
    # ASCII text is checked with plain searches, much faster than the character class.
    if text.isascii():
        if "/" not in text and "<" not in text and "\x7f" not in text:
            return text
    elif _STRING_UNSAFE.search(text) is None:
        return text
    return _STRING_UNSAFE.sub(_string_escape, text)


_enc = encode_basestring  # a string as JSON: json.dumps(text, ensure_ascii=False), in C


def _flow(data: Any) -> str:
    # Exact types first: strings and dicts are nearly every value a map holds.
    kind = type(data)
    if kind is str:
        return encode_basestring(data)
    if kind is dict:
        items = [
            f"{encode_basestring(k) if type(k) is str else _key(k)}: "
            + (encode_basestring(v) if type(v) is str else _flow(v))
            for k, v in data.items()
        ]
        return "{" + ", ".join(items) + "}"
    if data is None:
        return "null"
    if data is True:
        return "true"
    if data is False:
        return "false"
    if isinstance(data, int):
        return str(data)
    if isinstance(data, float):
        text = repr(data)
        mantissa, e, exponent = text.partition("e")
        if e and "." not in mantissa:
            text = f"{mantissa}.0e{exponent}"
        return text
    if isinstance(data, str):
        return encode_basestring(data)
    if isinstance(data, dict):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in data.items()) + "}"
    if isinstance(data, (list, tuple)):
        return "[" + ", ".join([_flow(v) for v in data]) + "]"
    raise TypeError(f"not a JSON value: {data!r}")  # pragma: no cover


def _key(key: Any) -> str:
    # encode_basestring is what json.dumps(key, ensure_ascii=False) does for a string.
    return encode_basestring(key) if isinstance(key, str) else json.dumps(key, ensure_ascii=False)


def _string(text: str) -> str:
    return value(text)


def _string_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "/":
        return "\\/"
    return f"\\u{ord(char):04x}"


def _data(fields: dict[str, Any]) -> str:
    return " " + value(fields) if fields else ""


def _bracketable(name: str | None) -> bool:
    if not name:
        return False
    return name == name.strip() and "\n" not in name and "\r" not in name


# What _title_text escapes, by the character that closes the name: markup characters anywhere,
# the closing one, a first character that would start other syntax, "/" opening a comment.
_TITLE_SPECIAL = {
    closing: re.compile(r"[\\\[\]<>{}" + re.escape(closing) + r"]|^[-+_@#:!]|/(?=[/*])")
    for closing in "]>-"
}


def _title_text(name: str, closing: str) -> str:
    special = _TITLE_SPECIAL[closing]
    if special.search(name) is None:
        return name  # most names: nothing to escape
    text = special.sub(r"\\\g<0>", name)
    assert unescape(text).strip() == name
    return text


# Every character that escaping or inline parsing reacts to; a text without any is written as
# it is and reads back as it is (its tags, if any, cannot be in it).
_INLINE_SPECIAL = re.compile(r"[\\\[\]<>{}*_#@/!]")


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


# What _title_text and _inline react to, as substrings to look for in many texts at once (see
# _flagged); "\n" before a character: at the start of a text. Either may find more than needed.
_TITLE_NEEDLES = {
    closing: (
        "\\",
        "[",
        "]",
        "<",
        ">",
        "{",
        "}",
        closing,
        "//",
        "/*",
        *["\n" + c for c in "-+_@#:!"],
    )
    for closing in "]>-"
}
_INLINE_NEEDLES = (*"\\[]<>{}*_#@/!", "\r")


def _flagged(texts: list[str], needles: Sequence[str]) -> set[int]:
    """Indices of the texts that hold one of ``needles``, or a line break, or end with space.

    The texts are searched as one, joined by line breaks, with one fast search per needle and
    flagged text (a regular expression over all of them is many times slower).
    """
    joined = "\n" + "\n".join(texts)
    flagged: set[int] = set()
    starts: list[int] = []  # where each text starts in joined, and where it would go on
    for needle in needles:
        at = joined.find(needle)
        if at < 0:
            continue
        if not starts:
            starts = list(accumulate([len(t) + 1 for t in texts], initial=1))
        while at >= 0:
            i = bisect_right(starts, at + len(needle) - 1) - 1
            flagged.add(i)
            at = joined.find(needle, starts[i + 1] - len(needle) + 1)
    if joined.count("\n") > len(texts):
        flagged.update(i for i, text in enumerate(texts) if "\n" in text)
    stripped = list(map(str.strip, texts))
    if stripped != texts:
        flagged.update(i for i, (a, b) in enumerate(zip(stripped, texts, strict=True)) if a != b)
    return flagged


def _name_all(
    elements: Sequence[Claim | Argument], stem: str, brackets: tuple[str, str]
) -> tuple[list[str], list[str]]:
    """Name claims, or arguments, in order: the title, else the id, else a fresh name.

    Returns each element's reference (how structures and relations name it) and the ``{data}``
    members its name leaves out: the id and the title when they differ from it ("" if none).
    """
    ids = [e.id for e in elements]
    titles_in_order = [e.title for e in elements]
    names = [i if t is None else t for i, t in zip(ids, titles_in_order, strict=True)]
    if "" not in names and len(set(names)) == len(names) and not _flagged(names, ("\r",)):
        # The usual map: every title, else id, can be the name (no clash, no line break).
        members = [
            '"title": null' if title is None else "" if i == title else '"id": ' + _enc(i)
            for i, title in zip(ids, titles_in_order, strict=True)
        ]
    else:
        names, members = _name_each(elements, stem)
    opening, closing = brackets
    refs = [opening + name + closing for name in names]
    for i in _flagged(names, _TITLE_NEEDLES[closing]):
        refs[i] = opening + _title_text(names[i], closing) + closing
    return refs, members


def _name_each(elements: Sequence[Claim | Argument], stem: str) -> tuple[list[str], list[str]]:
    """The names of _name_all, and the members they leave out, one element after the other."""
    titles = {e.title for e in elements if e.title}
    used: set[str] = set()
    names: list[str] = []
    members: list[str] = []
    fresh = 0  # names only get taken, so the next fresh number never goes down
    for element in elements:
        element_id, title = element.id, element.title
        if title and title not in used and _bracketable(title):
            name = title
            members.append("" if element_id == name else '"id": ' + _enc(element_id))
        elif (
            title is None
            and element_id not in used
            and element_id not in titles
            and _bracketable(element_id)
        ):
            name = element_id
            members.append('"title": null')
        else:
            fresh += 1
            while f"{stem} {fresh}" in used or f"{stem} {fresh}" in titles:
                fresh += 1
            name = f"{stem} {fresh}"
            member = '"title": ' + ("null" if title is None else _enc(title))
            members.append(member if element_id == name else f'{member}, "id": {_enc(element_id)}')
        used.add(name)
        names.append(name)
    return names, members


def _braced(members: list[str]) -> str:
    """`` {data}`` from its members ("key": value), or "" without any."""
    return " " + _yaml_safe("{" + ", ".join(members) + "}") if members else ""


_SOURCE_KEYS = tuple(f'"{f}": ' for f in ("speaker", "document", "date", "url", "quote", "locator"))
_source_values = attrgetter("speaker", "document", "date", "url", "quote", "locator")


def _source_json(source: Source) -> str:
    # Source fields are strings: encoded directly, without a _flow call per field.
    values = zip(_SOURCE_KEYS, _source_values(source), strict=True)
    members = [k + (_enc(v) if type(v) is str else _flow(v)) for k, v in values if v is not None]
    return "{" + ", ".join(members) + "}"


def _sources_member(sources: tuple[Source, ...]) -> str:
    return '"sources": [' + ", ".join(map(_source_json, sources)) + "]"


def _free_members(data: dict[str, Any], reserved: frozenset[str]) -> str:
    """Free data as members: beside the fields, or under "data" if a key is a reserved one."""
    if set(data) & reserved:
        return '"data": ' + _flow(data)
    return _flow(data)[1:-1]


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
            lines.extend(f"{_string(k)}: {value(v)}" for k, v in data.items())
        with_data = [r for r in amap.relations if r.data]
        if with_data:
            entries = [
                {"kind": r.kind.value, "origin": r.origin, "target": r.target, "data": r.data}
                for r in with_data
            ]
            lines.append(f"argmap: {value({'relations': entries})}")
        if not lines and not self._needs_front_matter():
            return
        self.blocks.append("===\n" + "\n".join(lines) + "\n===")

    def _needs_front_matter(self) -> bool:
        return False

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
                members.append('"text": ' + _enc(text))
                text = ""
            else:
                text = inline
        if claim.is_position:
            members.append('"position": true')
        if claim.holder is not None:
            members.append('"holder": ' + _flow(claim.holder))
        if claim.verdict is not None:
            members.append('"verdict": ' + _enc(claim.verdict.value))
        if claim.tags and not tags_in_text:
            members.append('"tags": ' + _flow(list(claim.tags)))
        if section is not None:
            members.append(section)
        if claim.sources:
            members.append(_sources_member(claim.sources))
        if claim.data:
            members.append(_free_members(claim.data, CLAIM_KEYS))
        # Argdown rejects a definition without text; an empty text is a bare reference.
        self.blocks.append((f"{ref}: {text}" if text else ref) + _braced(members))

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
                members.append('"gist": ' + _enc(gist))
            else:
                head = f"{head}: {text}".rstrip()
        if argument.tags and not tags_in_text:
            members.append('"tags": ' + _flow(list(argument.tags)))
        if section is not None:
            members.append(section)
        if argument.sources:
            members.append(_sources_member(argument.sources))
        pcs: str | None = None
        if structure:
            found = data.get("inference")
            inference_data: dict[str, Any] = {}
            if isinstance(found, dict):
                inference_data = found
                del data["inference"]
            rules = _rules(argument.scheme)
            if rules is None:
                members.append('"scheme": ' + _flow(argument.scheme))
                rules = ""
            inference = (
                f"-- {rules}{_data(inference_data)} --" if (rules or inference_data) else "----"
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
                members.append('"premises": ' + _flow(list(argument.premises)))
            if argument.conclusion is not None:
                members.append('"conclusion": ' + _flow(argument.conclusion))
            if argument.scheme is not None:
                members.append('"scheme": ' + _flow(argument.scheme))
        if data:
            members.append(_free_members(data, ARGUMENT_KEYS))
        self.blocks.append(head + _braced(members))
        if pcs is not None:
            self.blocks.append(pcs)

    # -- whole map --------------------------------------------------------------------------

    def write(self) -> str:
        amap = self.amap
        self.front_matter()
        origins = {r.origin for r in amap.relations if r.kind is not RelationKind.CONTRADICTION}
        sections = list(amap.sections)
        position = {s.id: i for i, s in enumerate(sections)}
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
                if not _bracketable(section.title) or parse_inline(title)[0] != section.title:
                    fields["title"] = section.title
                    title = "Section"
                if section.data:
                    if set(section.data) & SECTION_KEYS:
                        fields["data"] = section.data
                    else:
                        fields.update(section.data)
                self.blocks.append("#" * level + " " + title + _data(fields))
                open_levels.append((level, section.id))
                current = section.id
                emitted += 1

        # The member that names a section, for an element not in the open one.
        section_members: dict[str | None, str] = {
            s: '"section": ' + _flow(s) for s in [None, *position]
        }

        def section_member(section: str | None) -> str | None:
            if section is not None and position[section] >= emitted:
                emit_sections(position[section])
            return None if section == current else section_members[section]

        claims, arguments = amap.claims, amap.arguments
        claim_refs, claim_names = _name_all(claims, "Claim", ("[", "]"))
        argument_refs, argument_names = _name_all(arguments, "Argument", ("<", ">"))
        refs = dict(zip([c.id for c in claims], claim_refs, strict=True))
        check_text = _flagged([c.text for c in claims], _INLINE_NEEDLES)
        check_gist = _flagged([a.gist or "" for a in arguments], _INLINE_NEEDLES)

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


@functools.lru_cache(maxsize=1024)  # maps name few schemes, and use them often
def _rules(scheme: str | None) -> str | None:
    """The inference rules of a premise-conclusion structure; None when they must go in data."""
    if scheme is None:
        return ""
    rules = [r.strip() for r in scheme.split(",")]
    if not all(rules) or ", ".join(rules) != scheme:
        return None
    escaped = ", ".join(_title_text(r, "-").replace("{", "\\{") for r in rules)
    if "--" in escaped or escaped.endswith("-") or "\n" in escaped or "\r" in escaped:
        return None
    back = [unescape(r).strip() for r in escaped.split(",") if r.strip()]
    return escaped if ", ".join(back) == scheme else None


def write(amap: ArgumentMap) -> str:
    """Argdown text for ``amap``; reading it gives a map equal to ``amap``."""
    # Hundreds of thousands of small dicts and strings, no cycles: the collector would only walk
    # the map's own objects again and again.
    with paused_gc():
        return _Writer(amap).write()
