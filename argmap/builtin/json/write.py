"""Writing native JSON: each element as a dict (the format's documented mapping), one per line.

The same map always gives the same bytes: keys in a fixed order, elements in map order, one
element per line (so a change to one claim is a one-line diff), a space after every ``:`` and
``,``, UTF-8, escaping only what JSON requires.

msgspec encodes the elements; free ``data`` is encoded by the standard library's encoder, so
its numbers are written as Python writes them (``1e+16``), as they always were.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from argmap.builtin.json.schema import FORMAT_NAME, FORMAT_VERSION
from argmap.model import Argument, ArgumentMap, Claim, JSONValue, Relation, Section, Source

_encode = msgspec.json.Encoder().encode
_format = msgspec.json.format
_encode_data = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode


def source_to_dict(source: Source) -> dict[str, str]:
    """The JSON object for one source (absent fields left out)."""
    out: dict[str, str] = {}
    if source.speaker is not None:
        out["speaker"] = source.speaker
    if source.document is not None:
        out["document"] = source.document
    if source.date is not None:
        out["date"] = source.date
    if source.url is not None:
        out["url"] = source.url
    if source.quote is not None:
        out["quote"] = source.quote
    if source.locator is not None:
        out["locator"] = source.locator
    return out


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """The JSON object for one claim (defaults left out)."""
    out: dict[str, Any] = {"id": claim.id, "text": claim.text}
    if claim.title is not None:
        out["title"] = claim.title
    if claim.is_position:
        out["position"] = True
    if claim.holder is not None:
        out["holder"] = claim.holder
    if claim.tags:
        out["tags"] = claim.tags
    if claim.sources:
        out["sources"] = [source_to_dict(s) for s in claim.sources]
    if claim.section is not None:
        out["section"] = claim.section
    if claim.verdict is not None:
        out["verdict"] = claim.verdict.value
    if claim.data:
        out["data"] = claim.data
    return out


def argument_to_dict(argument: Argument) -> dict[str, Any]:
    """The JSON object for one argument (defaults left out)."""
    out: dict[str, Any] = {"id": argument.id, "premises": argument.premises}
    if argument.conclusion is not None:
        out["conclusion"] = argument.conclusion
    if argument.title is not None:
        out["title"] = argument.title
    if argument.gist is not None:
        out["gist"] = argument.gist
    if argument.scheme is not None:
        out["scheme"] = argument.scheme
    if argument.tags:
        out["tags"] = argument.tags
    if argument.sources:
        out["sources"] = [source_to_dict(s) for s in argument.sources]
    if argument.section is not None:
        out["section"] = argument.section
    if argument.data:
        out["data"] = argument.data
    return out


def relation_to_dict(relation: Relation) -> dict[str, Any]:
    """The JSON object for one relation."""
    out: dict[str, Any] = {
        "type": relation.kind.value,
        "from": relation.origin,
        "to": relation.target,
    }
    if relation.data:
        out["data"] = relation.data
    return out


def section_to_dict(section: Section) -> dict[str, Any]:
    """The JSON object for one section."""
    out: dict[str, Any] = {"id": section.id, "title": section.title}
    if section.parent is not None:
        out["parent"] = section.parent
    if section.data:
        out["data"] = section.data
    return out


def head_to_dict(amap: ArgumentMap) -> dict[str, Any]:
    """The keys of the document before its elements: format, version and the map's metadata."""
    out: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "title": amap.title}
    if amap.description is not None:
        out["description"] = amap.description
    if amap.authors:
        out["authors"] = amap.authors
    if amap.date is not None:
        out["date"] = amap.date
    if amap.data:
        out["data"] = amap.data
    return out


def document_bytes(amap: ArgumentMap) -> bytes:
    """``amap`` as a native JSON document in UTF-8 (ends with a newline).

    Raises:
        ValueError, TypeError: when free ``data`` holds something JSON cannot carry.
    """
    head = head_to_dict(amap)
    parts = [b"{\n"]
    parts.append(b",\n".join([b'  "%s": %s' % (key.encode(), _value(head, key)) for key in head]))
    for key, lines in (
        (b"sections", [_line(section_to_dict(s)) for s in amap.sections]),
        (b"claims", [_line(claim_to_dict(c)) for c in amap.claims]),
        (b"arguments", [_line(argument_to_dict(a)) for a in amap.arguments]),
        (b"relations", [_line(relation_to_dict(r)) for r in amap.relations]),
    ):
        if lines:
            parts += (b',\n  "', key, b'": [\n    ', b",\n    ".join(lines), b"\n  ]")
        else:
            parts += (b',\n  "', key, b'": []')
    parts.append(b"\n}\n")
    return b"".join(parts)


def _value(obj: dict[str, Any], key: str) -> bytes:
    """The JSON of ``obj[key]`` on one line."""
    value = obj[key]
    return _free_data(value) if key == "data" else _format(_encode(value), indent=0)


def _line(obj: dict[str, Any]) -> bytes:
    """``obj`` as one line of JSON."""
    data = obj.get("data")
    if data is not None:
        obj["data"] = msgspec.Raw(_free_data(data))
    return _format(_encode(obj), indent=0)


def _free_data(data: dict[str, JSONValue]) -> bytes:
    return _encode_data(data).encode("utf-8")
