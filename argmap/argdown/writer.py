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
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from argmap.argdown.inline import escape, parse_inline, unescape
from argmap.argdown.reader import ARGUMENT_KEYS, CLAIM_KEYS, SECTION_KEYS
from argmap.jsonformat import paused_gc
from argmap.model import Argument, ArgumentMap, Claim, RelationKind, Section

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
    text = _flow(data)
    # What must be escaped occurs only inside strings, so one pass over the whole text does;
    # ASCII text is checked with plain searches, much faster than the character class.
    if text.isascii():
        if "/" not in text and "<" not in text and "\x7f" not in text:
            return text
    elif _STRING_UNSAFE.search(text) is None:
        return text
    return _STRING_UNSAFE.sub(_string_escape, text)


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


class _Names:
    """Gives claims, or arguments, their Argdown names in the order they are written."""

    def __init__(
        self, elements: Sequence[Claim | Argument], stem: str, brackets: tuple[str, str]
    ) -> None:
        self.stem = stem
        self.opening, self.closing = brackets
        self.used: set[str] = set()
        self.titles: set[str] = {e.title for e in elements if e.title}
        self.fresh = 0  # names only get taken, so the next fresh number never goes down
        # How premise-conclusion structures and relations refer to each named element.
        self.refs: dict[str, str] = {}

    def name(self, element: Claim | Argument) -> dict[str, Any]:
        """Name ``element`` (its title, else its id, else a fresh name) and keep its reference.

        Returns the fields the name leaves out: the id and the title when they differ from it.
        """
        element_id, title = element.id, element.title
        used = self.used
        fields: dict[str, Any]
        if title and title not in used and _bracketable(title):
            name = title
            fields = {} if element_id == name else {"id": element_id}
        elif (
            title is None
            and element_id not in used
            and element_id not in self.titles
            and _bracketable(element_id)
        ):
            name = element_id
            fields = {"title": None}
        else:
            stem, fresh = self.stem, self.fresh + 1
            while f"{stem} {fresh}" in used or f"{stem} {fresh}" in self.titles:
                fresh += 1
            self.fresh = fresh
            name = f"{stem} {fresh}"
            fields = {"title": title}
            if element_id != name:
                fields["id"] = element_id
        used.add(name)
        self.refs[element_id] = self.opening + _title_text(name, self.closing) + self.closing
        return fields


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.blocks: list[str] = []
        self.claim_names = _Names(amap.claims, "Claim", ("[", "]"))
        self.argument_names = _Names(amap.arguments, "Argument", ("<", ">"))

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

    def claim(self, claim: Claim, name_section: bool) -> None:
        fields = self.claim_names.name(claim)
        text, tags_in_text = _inline(claim.text, claim.tags)
        if text is None:
            fields["text"] = claim.text
            text = ""
        if claim.is_position:
            fields["position"] = True
        if claim.holder is not None:
            fields["holder"] = claim.holder
        if claim.verdict is not None:
            fields["verdict"] = claim.verdict.value
        if claim.tags and not tags_in_text:
            fields["tags"] = list(claim.tags)
        if name_section:
            fields["section"] = claim.section
        if claim.sources:
            fields["sources"] = [_source(s) for s in claim.sources]
        if claim.data:
            _free(fields, claim.data, CLAIM_KEYS)
        ref = self.claim_names.refs[claim.id]
        # Argdown rejects a definition without text; an empty text is a bare reference.
        line = (f"{ref}: {text}" if text else ref) + _data(fields)
        self.blocks.append(line)

    def argument(self, argument: Argument, name_section: bool, structure: bool) -> None:
        fields = self.argument_names.name(argument)
        data = dict(argument.data) if argument.data else argument.data
        head = self.argument_names.refs[argument.id]
        if argument.gist is not None:
            gist, tags_in_text = _inline(argument.gist, argument.tags)
            if not gist:
                fields["gist"] = argument.gist
            else:
                head = f"{head}: {gist}".rstrip()
        else:
            tags_in_text = False
        if argument.tags and not tags_in_text:
            fields["tags"] = list(argument.tags)
        if name_section:
            fields["section"] = argument.section
        if argument.sources:
            fields["sources"] = [_source(s) for s in argument.sources]
        pcs: str | None = None
        if structure:
            found = data.get("inference")
            inference_data: dict[str, Any] = {}
            if isinstance(found, dict):
                inference_data = found
                del data["inference"]
            rules = _rules(argument.scheme)
            if rules is None:
                fields["scheme"] = argument.scheme
                rules = ""
            inference = (
                f"-- {rules}{_data(inference_data)} --" if (rules or inference_data) else "----"
            )
            refs = self.claim_names.refs
            lines = [f"({i}) {refs[p]}" for i, p in enumerate(argument.premises, 1)]
            lines.append(inference)
            assert argument.conclusion is not None
            lines.append(f"({len(argument.premises) + 1}) {refs[argument.conclusion]}")
            pcs = "\n".join(lines)
        else:
            if argument.premises:
                fields["premises"] = list(argument.premises)
            if argument.conclusion is not None:
                fields["conclusion"] = argument.conclusion
            if argument.scheme is not None:
                fields["scheme"] = argument.scheme
        if data:
            _free(fields, data, ARGUMENT_KEYS)
        self.blocks.append(head + _data(fields))
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

        def names_section(section: str | None) -> bool:
            """Whether an element in ``section`` must name it (it is not the open one)."""
            if section is not None and position[section] >= emitted:
                emit_sections(position[section])
            return section != current

        # Each argument follows the claims it names (those have references once written), in
        # the order of the arguments: an argument whose claims are written waits for the ones
        # before it.
        arguments = amap.arguments
        written = self.claim_names.refs.__contains__
        next_argument = 0

        def flush(final: bool) -> None:
            nonlocal next_argument
            while next_argument < len(arguments):
                argument = arguments[next_argument]
                conclusion = argument.conclusion
                if not final and not (
                    all(map(written, argument.premises)) and (not conclusion or written(conclusion))
                ):
                    return
                next_argument += 1
                structure = (
                    bool(argument.premises)
                    and argument.conclusion is not None
                    and (argument.id not in origins)
                )
                self.argument(argument, names_section(argument.section), structure)

        for claim in amap.claims:
            self.claim(claim, names_section(claim.section))
            flush(False)
        flush(True)
        refs = {**self.claim_names.refs, **self.argument_names.refs}
        self.blocks.extend(
            f"{refs[r.origin]}\n  {_SYMBOL[r.kind]} {refs[r.target]}" for r in amap.relations
        )
        if emitted < len(sections):
            emit_sections(len(sections) - 1)
        if not self.blocks:
            return "\n"
        self.blocks[-1] += "\n"  # the final line break, without copying the joined text again
        return "\n\n".join(self.blocks)


def _free(fields: dict[str, Any], data: dict[str, Any], reserved: frozenset[str]) -> None:
    """Add free data: its keys beside the fields, or under "data" if one is a reserved key."""
    if set(data) & reserved:
        fields["data"] = data
    else:
        fields.update(data)


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


_SOURCE_FIELDS = ("speaker", "document", "date", "url", "quote", "locator")


def _source(source: Any) -> dict[str, str]:
    return {f: v for f in _SOURCE_FIELDS if (v := getattr(source, f)) is not None}


def write(amap: ArgumentMap) -> str:
    """Argdown text for ``amap``; reading it gives a map equal to ``amap``."""
    # Hundreds of thousands of small dicts and strings, no cycles: the collector would only walk
    # the map's own objects again and again.
    with paused_gc():
        return _Writer(amap).write()
