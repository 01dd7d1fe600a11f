"""Reserved ``{data}`` keys: the argmap fields Argdown has no syntax for.

Data on an element or heading is free JSON data, except for the keys listed here, which set
the element's fields (``{id: x, position: true, holder: Russia}``); ``data`` holds free data
whose keys would clash with them. ``docs/argdown.md`` lists them. The writer writes fields under
these keys; the reader checks and reads them back.
"""

from __future__ import annotations

from typing import Any

from argmap.builtin.argdown.document import Document, Heading, Node
from argmap.model import Source, Verdict

CLAIM_KEYS = frozenset(
    {
        "id",
        "title",
        "text",
        "position",
        "holder",
        "sources",
        "quote",
        "verdict",
        "tags",
        "section",
        "data",
    }
)
ARGUMENT_KEYS = frozenset(
    {
        "id",
        "title",
        "gist",
        "scheme",
        "premises",
        "conclusion",
        "sources",
        "quote",
        "tags",
        "section",
        "data",
    }
)
SECTION_KEYS = frozenset({"id", "parent", "title", "data"})
SOURCE_FIELDS = ("speaker", "document", "date", "url", "quote", "locator")


def element_fields(
    doc: Document, node: Node, allowed: frozenset[str], defaults: dict[str, Any]
) -> dict[str, Any]:
    """Split a node's data into argmap fields (by key) and free data (under ``"data"``).

    ``allowed``: the reserved keys of the node's kind; ``defaults``: the source fields a
    ``quote`` gets (front matter ``argmap.source``). A field of the wrong type is recorded as a
    problem in ``doc`` and left out.
    """
    data = node.data
    fields: dict[str, Any] = {}
    if not data:
        return fields
    line, column = node.data_line
    what = "argument" if node.is_argument else "statement"
    free: dict[str, Any] = {}
    for key, value in data.items():
        if key not in allowed:
            free[key] = value
            continue
        problem = _check_field(key, value)
        if problem:
            doc.error(f"{what} {node.key!r}: {problem}", line, column, "data", element=node.key)
            continue
        if key == "data":
            free.update(value)
        elif key == "quote":
            fields["sources"] = [*fields.get("sources", []), _source({**defaults, "quote": value})]
        elif key == "sources":
            fields["sources"] = [_source(s) for s in value] + fields.get("sources", [])
        elif key == "tags":
            fields["tags"] = tuple(value)
        elif key == "verdict":
            fields["verdict"] = Verdict(value) if value is not None else None
        else:
            fields[key] = value
    if free:
        fields["data"] = free
    return fields


def section_fields(doc: Document, heading: Heading) -> dict[str, Any]:
    """Split a heading's data into section fields (by key) and free data (under ``"data"``)."""
    fields: dict[str, Any] = {}
    free: dict[str, Any] = {}
    for key, value in heading.data.items():
        if key not in SECTION_KEYS:
            free[key] = value
        elif key == "data" and isinstance(value, dict):
            free.update(value)
        elif isinstance(value, str) or (key == "parent" and value is None):
            fields[key] = value
        else:
            doc.error(
                f"heading data: {key!r} has a value of the wrong type",
                heading.line,
                heading.column,
                "data",
            )
    if free:
        fields["data"] = free
    return fields


def _check_field(key: str, value: Any) -> str | None:
    """What is wrong with ``value`` for the reserved key ``key``, or None."""
    if key == "id":
        return None if isinstance(value, str) else "id must be text"
    if key == "position":
        return None if isinstance(value, bool) else "position must be true or false"
    if key in ("holder", "title", "gist", "scheme", "conclusion", "section"):
        return None if value is None or isinstance(value, str) else f"{key} must be text or null"
    if key in ("text", "quote"):
        return None if isinstance(value, str) else f"{key} must be text"
    if key in ("tags", "premises"):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else f"{key} must be a list of text"
    if key == "verdict":
        ok = value is None or value in Verdict._value2member_map_
        return None if ok else "verdict must be accepted, rejected or questioned"
    if key == "sources":
        ok = isinstance(value, list) and all(
            isinstance(s, dict)
            and set(s) <= set(SOURCE_FIELDS)
            and all(v is None or isinstance(v, str) for v in s.values())
            for s in value
        )
        return (
            None
            if ok
            else "sources must be a list of {speaker, document, date, url, quote, locator}"
        )
    if key == "data":
        return None if isinstance(value, dict) else "data must be a mapping"
    return None  # pragma: no cover - every reserved key is checked above


def _source(fields: dict[str, Any]) -> Source:
    return Source(**{k: fields.get(k) for k in SOURCE_FIELDS})
