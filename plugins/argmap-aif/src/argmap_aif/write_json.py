"""The JSON text of the AIF the writer makes: values encoded, and the document's layout.

The layout is that of AIFdb's exports, made deterministic: each list of the document (nodes,
edges, locutions, participants) holds one object per line, and each object reads exactly as
:func:`encode` writes it (``", "`` and ``": "`` between members, UTF-8 text as it is). The
writer makes the objects it has most of as text directly (nodes with
:meth:`~argmap_aif.write_parts.Parts.node`, the edges, the extension's records with
:mod:`argmap_aif.write_records`), each string through :func:`string`, the JSON encoder's own
string escaper; it encodes everything else, and everything kept from an AIF reading.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

encode: Callable[[Any], str] = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, check_circular=False
).encode
"""A JSON value as text: what every object of the document reads as."""

string: Callable[[str], str] = json.encoder.encode_basestring
"""A string as JSON text, as :func:`encode` writes it."""


@functools.lru_cache(maxsize=1024)
def node_tail(
    kind: str, timestamp: str | None = None, scheme: str | None = None, scheme_id: str | None = None
) -> str:
    """A node's members after its text, as text: ``"type"`` and the optional ones.

    A node is ``{"nodeID", "text", "type", "timestamp"?, "scheme"?, "schemeID"?}``. Many nodes
    share the rest after their text (every claim's, every default inference's), hence the cache.
    """
    tail = f', "type": {string(kind)}'
    if timestamp is not None:
        tail += f', "timestamp": {string(timestamp)}'
    if scheme is not None:
        tail += f', "scheme": {string(scheme)}'
    if scheme_id is not None:
        tail += f', "schemeID": {string(scheme_id)}'
    return tail + "}"


def kept_lines(item: Any, first: str) -> str:
    """An object kept as it was read, encoded, with the line breaks its list would give it.

    A kept object can hold any JSON, lists of objects too: where one of those starts with the
    key ``first``, the line breaks too, as :func:`object_lines` breaks a list encoded at once.
    """
    return encode(item).replace(f'}}, {{"{first}": ', f'}},\n    {{"{first}": ')


def add_kept_line(lines: list[str], line: str) -> None:
    """Add a kept object's line (see :func:`kept_lines`) to a list's lines.

    A kept object may name its id later than first: then it shares the line before it, as in
    :func:`object_lines`.
    """
    if line.startswith('{"nodeID": ') or not lines:
        lines.append(line)
    else:
        lines[-1] += ", " + line


def object_lines(items: list[dict[str, Any]], first: str) -> str:
    """The objects ``items`` as the body of a list, encoded at once, a line for each object.

    A line breaks before each object whose first key is ``first``. A JSON string cannot hold
    an unescaped quote, so ``}, {"<first>": `` occurs only between two objects (of the list, or
    nested in one of them, where the line breaks too).
    """
    return encode(items)[1:-1].replace(f'}}, {{"{first}": ', f'}},\n    {{"{first}": ')


def list_lines(key: str, items: list[dict[str, Any]], first: str) -> str:
    """The member ``key`` of the document: the objects ``items``, one per line."""
    if not items:
        return f'  "{key}": []'
    return f'  "{key}": [\n    {object_lines(items, first)}\n  ]'


def joined(head: str, lists: tuple[tuple[str, list[str]], ...], tail: str) -> str:
    """``head``, the members ``key`` listing objects already encoded (one a line), ``tail``.

    Each line reads as :func:`list_lines` would write its object. The lists are most of the
    document, so the text between two objects of different lists is stuck to them and one join
    writes the whole document (joining each list, then the document, would copy that text
    twice). The lists are consumed.
    """
    items: list[str] = []
    between = head  # the text before the next object
    for key, lines in lists:
        if not lines:
            between += f'  "{key}": [],\n'
            continue
        lines[0] = f'{between}  "{key}": [\n    {lines[0]}'
        if items:
            items[-1] += lines[0]
            items += lines[1:]
        else:
            items = lines
        between = "\n  ],\n"
    between = between[:-2] + tail  # no comma after the last list
    if not items:
        return between
    items[-1] += between
    return ",\n    ".join(items)
