r"""The built-in ``kialo`` reader: Kialo's plain-text export of a pro/con discussion.

A Kialo export is a numbered tree::

    Discussion Title: Should cities ban cars from their centres?

    1. Cities should ban cars from their centres.
    1.1. Pro: Cars cause most air pollution downtown.
    1.1.1. Con: Delivery vans, not private cars, cause most of it \(city survey, 2021\).
    1.1.1.1. Pro: -> See 1.2.1.
    1.2. Con: Shops depend on customers who arrive by car.

How it becomes a map:

- the title line gives the map's title; each top-level ``N.`` claim is a position (a thesis);
- every ``<id> Pro:`` claim is the premise of a one-premise argument (``arg-<id>``) for its
  parent, every ``<id> Con:`` claim attacks its parent; claim ids are Kialo's numbers without
  the final dot (``1.1.1``);
- ``-> See <id>.`` reuses the claim numbered ``<id>`` in a second place, so the tree becomes a
  graph: no new claim, but one more argument or attack from that claim (children written under
  the link attach to the claim it points at);
- ``-> See discussion #N: <title>`` points at another discussion: it stays a claim with that
  text, and the discussion's number and title go into ``data["kialo"]``;
- text is Markdown: the backslash escapes Kialo puts before ``( ) [ ]`` are removed, links
  ``[label](url)`` stay in the text and each also becomes a source (``url``, and the label as
  ``document``); lines without a number continue the claim above.

Problems that make the export unusable (a number whose parent is missing, a number used twice,
text before the first claim) are collected and raised together in one
:class:`~argmap.core.errors.ReadError` with their line and column. Links that cannot be placed
(a ``See`` to a number that does not exist, a claim linked to itself) are logged as warnings
on the ``argmap.kialo`` logger and left out. (The plugin that registers the format is
:mod:`argmap.builtin.kialo.plugin`; this module is imported when an export is read.)
"""

from __future__ import annotations

import logging
import re

import attrs

from argmap.core.decoding import decode_utf8
from argmap.core.diagnostics import Diagnostic, Severity
from argmap.core.errors import ReadError
from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    JSONValue,
    Location,
    Relation,
    RelationKind,
    Source,
)

_TITLE = re.compile(r"^Discussion Title:\s?(.*)$")
_LINE = re.compile(r"^(\d+(?:\.\d+)*)\.(?:[ \t]+|$)(?:(Pro|Con):(?:[ \t]+|$))?(.*)$")
_SEE = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$")
_SEE_DISCUSSION = re.compile(r"^->\s*See discussion\s+#(\d+)(?::\s*(.*))?$")
_ESCAPE = re.compile(r"\\([()\[\]])")
_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\((\S+?)\)")


@attrs.frozen
class KialoReading:
    """The result of reading a Kialo export: the map and what could not be placed."""

    map: ArgumentMap
    warnings: tuple[Diagnostic, ...]


@attrs.define
class _Entry:
    number: str
    stance: str | None
    text_lines: list[str]
    line: int
    column: int

    @property
    def parent(self) -> str | None:
        head, sep, _ = self.number.rpartition(".")
        return head if sep else None


def unescape(text: str) -> str:
    """Remove the backslashes Kialo puts before ``( ) [ ]``."""
    return _ESCAPE.sub(r"\1", text)


def links(text: str) -> list[tuple[str, str]]:
    """The Markdown links ``[label](url)`` in Kialo text, as (label, url) pairs."""
    return [(unescape(m.group(1)), m.group(2)) for m in _LINK.finditer(text)]


def read_kialo(data: bytes | str, source: str | None = None) -> KialoReading:
    """Read a Kialo text export.

    Args:
        data: The export (UTF-8 bytes, or text).
        source: A file name for messages.

    Returns:
        The map and the warnings.

    Raises:
        ReadError: every problem that makes the export unusable, with line and column.
    """
    errors: list[Diagnostic] = []
    warnings: list[Diagnostic] = []

    def problem(
        into: list[Diagnostic],
        code: str,
        message: str,
        line: int,
        column: int = 1,
        element: str | None = None,
    ) -> None:
        severity = Severity.ERROR if into is errors else Severity.WARNING
        into.append(
            Diagnostic(
                severity, code, message, element, Location(file=source, line=line, column=column)
            )
        )

    text = decode_utf8(data, source)
    title = ""
    entries: list[_Entry] = []
    by_number: dict[str, _Entry] = {}
    theses = 0
    pending_blank = 0
    for index, raw in enumerate(text.splitlines()):
        number = index + 1
        line = raw.rstrip()
        if not entries:
            if not line.strip():
                continue
            found = _TITLE.match(line)
            if found and not title:
                title = found.group(1).strip()
                continue
        match = _LINE.match(line)
        entry: _Entry | None = None
        if match is not None:
            ident, stance, rest = match.group(1), match.group(2), match.group(3)
            depth = ident.count(".") + 1
            if depth == 1 and stance is None and int(ident) == theses + 1:
                theses += 1
                entry = _Entry(ident, None, [rest], number, 1)
            elif depth > 1 and stance is not None:
                entry = _Entry(ident, stance.lower(), [rest], number, 1)
        if entry is not None:
            if entry.number in by_number:
                problem(
                    errors,
                    "duplicate-number",
                    f"{entry.number}. is used twice (first on line {by_number[entry.number].line})",
                    number,
                    element=entry.number,
                )
                continue
            parent = entry.parent
            if parent is not None and parent not in by_number:
                problem(
                    errors,
                    "missing-parent",
                    f"{entry.number}. has no parent: no claim {parent}. comes before it",
                    number,
                    element=entry.number,
                )
            entries.append(entry)
            by_number[entry.number] = entry
            pending_blank = 0
            continue
        if not entries:
            problem(
                errors,
                "not-kialo",
                f"expected 'Discussion Title: ...' or the thesis '1. ...', found {line[:40]!r}",
                number,
            )
            if len(errors) >= 20:
                break
            continue
        if not line.strip():
            pending_blank += 1
            continue
        entries[-1].text_lines.extend([""] * pending_blank)
        entries[-1].text_lines.append(line)
        pending_blank = 0
    if not entries and not errors:
        problem(
            errors, "not-kialo", "no claims found (a Kialo export numbers them 1., 1.1., ...)", 1
        )
    if errors:
        raise ReadError(errors, source)

    # Resolve "-> See" links: a number may stand for another claim.
    alias: dict[str, str] = {}
    for entry in entries:
        body = "\n".join(entry.text_lines).strip()
        see = _SEE.match(body)
        if see is not None and entry.stance is not None:
            alias[entry.number] = see.group(1)

    def resolve(number: str, line: int) -> str | None:
        seen = {number}
        while number in alias:
            number = alias[number]
            if number in seen:
                problem(
                    warnings,
                    "see-cycle",
                    f"the '-> See' links around {number}. go in a circle; left out",
                    line,
                    element=number,
                )
                return None
            seen.add(number)
        if number not in by_number:
            return None
        return number

    claims: list[Claim] = []
    arguments: list[Argument] = []
    relations: dict[tuple[RelationKind, str, str], Relation] = {}
    for entry in entries:
        if entry.number in alias:
            continue
        body = "\n".join(entry.text_lines).strip()
        extra: dict[str, JSONValue] = {}
        other = _SEE_DISCUSSION.match(body)
        if other is not None:
            extra["kialo"] = {
                "discussion": int(other.group(1)),
                "title": unescape(other.group(2) or "").strip(),
            }
        sources = tuple(Source(document=label or None, url=url) for label, url in links(body))
        claims.append(
            Claim(
                id=entry.number,
                text=unescape(body),
                is_position=entry.stance is None,
                sources=sources,
                data=extra,
            )
        )
    for entry in entries:
        if entry.stance is None:
            continue
        parent_number = entry.parent
        assert parent_number is not None
        parent = resolve(parent_number, entry.line)
        if entry.number in alias:
            origin = resolve(entry.number, entry.line)
            if origin is None:
                problem(
                    warnings,
                    "unknown-see",
                    f"{entry.number}. points at "
                    f"{alias[entry.number]}., which is not in this discussion; left out",
                    entry.line,
                    element=entry.number,
                )
                continue
        else:
            origin = entry.number
        if parent is None:
            problem(
                warnings,
                "unplaced",
                f"{entry.number}. answers {parent_number}., a '-> See' "
                "link that leads nowhere; left out",
                entry.line,
                element=entry.number,
            )
            continue
        if origin == parent:
            problem(
                warnings,
                "self-link",
                f"{entry.number}. links claim {origin} to itself; left out",
                entry.line,
                element=entry.number,
            )
            continue
        if entry.stance == "pro":
            arguments.append(
                Argument(id=f"arg-{entry.number}", premises=(origin,), conclusion=parent)
            )
        else:
            relation = Relation(RelationKind.ATTACK, origin, parent)
            relations.setdefault(relation.key, relation)
    amap = ArgumentMap(
        title=title, claims=claims, arguments=arguments, relations=list(relations.values())
    )
    return KialoReading(amap, tuple(warnings))


def read(data: bytes | str, source: str | None = None) -> ArgumentMap:
    """Read a Kialo export as a map; warnings go to the ``argmap.kialo`` logger."""
    reading = read_kialo(data, source)
    if reading.warnings:
        logger = logging.getLogger("argmap.kialo")
        for warning in reading.warnings:
            logger.warning("argmap: %s", warning.format())
    return reading.map
