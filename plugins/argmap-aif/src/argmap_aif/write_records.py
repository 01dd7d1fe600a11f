"""The records of argmap's extension: what AIF has no field for, by element, as JSON text.

A record holds the fields an element has beyond what its nodes say, in the native JSON
format's order and spelling (``{"title": ..., "position": true, "section": ...}``); an element
whose nodes say it all has none. Each record is written as text directly, every string through
:func:`~argmap_aif.write_json.string` and every other value through
:func:`~argmap_aif.write_json.encode`: a map can have a record for every claim, and the JSON
encoder's setup for each small object would take longer than all the rest of its record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.model import Argument, Claim, JSONValue, Source
from argmap_aif.common import scheme_of
from argmap_aif.write_json import encode, string


def _object(members: list[str]) -> str | None:
    return "{" + ", ".join(members) + "}" if members else None


def source_json(source: Source) -> str:
    """A source as a JSON object: the fields that are set, in the native JSON format's order."""
    members = []
    if source.speaker is not None:
        members.append('"speaker": ' + string(source.speaker))
    if source.document is not None:
        members.append('"document": ' + string(source.document))
    if source.date is not None:
        members.append('"date": ' + string(source.date))
    if source.url is not None:
        members.append('"url": ' + string(source.url))
    if source.quote is not None:
        members.append('"quote": ' + string(source.quote))
    if source.locator is not None:
        members.append('"locator": ' + string(source.locator))
    return "{" + ", ".join(members) + "}"


def sources_json(sources: Iterable[Source]) -> str:
    """Sources as a JSON list of objects (see :func:`source_json`)."""
    return "[" + ", ".join(map(source_json, sources)) + "]"


def claim_record(claim: Claim) -> str | None:
    """What the extension keeps of a claim (its sources are added apart: see below)."""
    members = []
    if claim.title is not None:
        members.append('"title": ' + string(claim.title))
    if claim.is_position:
        members.append('"position": true')
    if claim.holder is not None:
        members.append('"holder": ' + string(claim.holder))
    if claim.tags:
        members.append('"tags": ' + encode(claim.tags))
    if claim.section is not None:
        members.append('"section": ' + string(claim.section))
    if claim.verdict is not None:
        members.append('"verdict": ' + string(claim.verdict.value))
    if claim.data:
        members.append('"data": ' + encode(claim.data))
    return _object(members)


def with_sources(record: str | None, sources: Iterable[Source]) -> str:
    """A claim's record (or none) with its sources added as the last member."""
    listed = sources_json(sources)
    return (
        '{"sources": ' + listed + "}" if record is None else f'{record[:-1]}, "sources": {listed}}}'
    )


def argument_record(argument: Argument, text: str) -> str | None:
    """What the extension keeps of an argument whose RA-node reads ``text``."""
    members = []
    if argument.title is not None:
        members.append('"title": ' + string(argument.title))
    if argument.gist is not None:
        members.append('"gist": ' + string(argument.gist))
    if argument.section is not None:
        members.append('"section": ' + string(argument.section))
    if argument.scheme is not None and scheme_of(text) != argument.scheme:
        members.append('"scheme": ' + string(argument.scheme))
    if argument.tags:
        members.append('"tags": ' + encode(argument.tags))
    if argument.sources:
        members.append('"sources": ' + sources_json(argument.sources))
    if argument.data:
        members.append('"data": ' + encode(argument.data))
    return _object(members)


def relation_record(kind: str | None, data: Mapping[str, JSONValue]) -> str:
    """What the extension keeps of a relation: its kind (when given), and its data."""
    members = [] if kind is None else [f'"kind": {string(kind)}']
    if data:
        members.append('"data": ' + encode(data))
    return "{" + ", ".join(members) + "}"
