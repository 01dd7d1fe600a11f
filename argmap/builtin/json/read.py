"""Reading native JSON: the document decoded into the schema types, then the map built.

msgspec decodes and checks the whole document against :mod:`.schema` in C; what is left to
Python is making the model's elements, checking dates, and the map's own integrity check
(unique ids, references that resolve). A document that fails any of this is read again by
:func:`.report.read_reporting`, which names every problem with its JSON path.
"""

from __future__ import annotations

import msgspec

from argmap.authoring.validation import is_iso_date
from argmap.builtin.json import schema
from argmap.builtin.json.report import read_reporting
from argmap.core.errors import MapStructureError
from argmap.model import Argument, ArgumentMap, Claim, Location, Relation, Section, Source

_decode = msgspec.json.Decoder(schema.Document).decode


def read_text(text: str, source: str | None) -> ArgumentMap:
    """The map ``text`` holds.

    Raises:
        ReadError: every problem of a document that is not a valid map.
    """
    amap = _valid_map(text, source)
    return read_reporting(text, source) if amap is None else amap


def _valid_map(text: str, source: str | None) -> ArgumentMap | None:
    """The map of a valid document; None for any other (its problems are not looked for)."""
    try:
        doc = _decode(text)
    except (ValueError, RecursionError):  # msgspec's errors, or text that is not Unicode
        return None
    if doc.date is not None and not is_iso_date(doc.date):
        return None
    try:
        return ArgumentMap(
            doc.title,
            doc.description,
            doc.authors,
            doc.date,
            [
                Claim(
                    c.id,
                    c.text,
                    c.title,
                    c.position,
                    c.holder,
                    c.tags,
                    _sources(c.sources) if c.sources else (),
                    c.section,
                    c.verdict,
                    c.data,
                    location=Location(source, None, None, f"claims[{i}]"),
                )
                for i, c in enumerate(doc.claims)
            ],
            [
                Argument(
                    a.id,
                    a.premises,
                    a.conclusion,
                    a.title,
                    a.gist,
                    a.scheme,
                    a.tags,
                    _sources(a.sources) if a.sources else (),
                    a.section,
                    a.data,
                    location=Location(source, None, None, f"arguments[{i}]"),
                )
                for i, a in enumerate(doc.arguments)
            ],
            [
                Relation(
                    r.type,
                    r.origin,
                    r.target,
                    r.data,
                    location=Location(source, None, None, f"relations[{i}]"),
                )
                for i, r in enumerate(doc.relations)
            ],
            [
                Section(
                    s.id,
                    s.title,
                    s.parent,
                    s.data,
                    location=Location(source, None, None, f"sections[{i}]"),
                )
                for i, s in enumerate(doc.sections)
            ],
            doc.data,
        )
    except (_BadDate, MapStructureError):
        return None


class _BadDate(Exception):
    """A source's date is not an ISO 8601 date."""


def _sources(objects: tuple[schema.SourceObject, ...]) -> tuple[Source, ...]:
    sources = []
    for s in objects:
        if s.date is not None and not is_iso_date(s.date):
            raise _BadDate
        sources.append(Source(s.speaker, s.document, s.date, s.url, s.quote, s.locator))
    return tuple(sources)
