"""JSON values written as YAML flow text (``{key: value}`` data and front matter values).

JSON is YAML flow text, with three exceptions the writer must escape: characters PyYAML
refuses in (or reads as line breaks inside) a double-quoted scalar, and ``/`` and ``<``, which
could open an Argdown comment. Every text written here reads back (see :mod:`.yaml_data`) to
the value it was made from.
"""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring
from operator import attrgetter
from typing import Any

from argmap.model import Source

# Characters PyYAML refuses in (or reads as line breaks inside) a double-quoted scalar, and
# "/" and "<" (which must not open a comment). JSON encoding has already escaped C0 controls.
_STRING_UNSAFE = re.compile("[/<\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")

# A string as JSON text: what json.dumps(text, ensure_ascii=False) gives.
string = encode_basestring

_SOURCE_KEYS = tuple(f'"{f}": ' for f in ("speaker", "document", "date", "url", "quote", "locator"))
_source_values = attrgetter("speaker", "document", "date", "url", "quote", "locator")


def value(data: Any) -> str:
    """A JSON value as YAML flow text that the reader parses back to the same value."""
    return yaml_safe(flow(data))


def yaml_safe(text: str) -> str:
    """JSON text made safe as YAML flow text in Argdown (see the module's docstring).

    What must be escaped occurs only inside strings, so one pass over the whole text does.
    Every character to escape is "/", "<", DEL or not ASCII: a text with none needs nothing.
    """
    if text.isascii() and "/" not in text and "<" not in text and "\x7f" not in text:
        return text
    return _STRING_UNSAFE.sub(_string_escape, text)


def _string_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "/":
        return "\\/"
    return f"\\u{ord(char):04x}"


def flow(data: Any) -> str:
    """A JSON value as JSON text on one line, ``", "`` and ``": "`` between members."""
    if isinstance(data, str):
        return encode_basestring(data)
    if isinstance(data, dict):
        return "{" + ", ".join([f"{_key(k)}: {flow(v)}" for k, v in data.items()]) + "}"
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
        if e and "." not in mantissa:  # YAML 1.1 reads 1e+20 as text, 1.0e+20 as a number
            text = f"{mantissa}.0e{exponent}"
        return text
    if isinstance(data, (list, tuple)):
        return "[" + ", ".join([flow(v) for v in data]) + "]"
    raise TypeError(f"not a JSON value: {data!r}")  # pragma: no cover


def _key(key: Any) -> str:
    return encode_basestring(key) if isinstance(key, str) else json.dumps(key, ensure_ascii=False)


def data_text(fields: dict[str, Any]) -> str:
    """`` {data}`` for ``fields``, or "" without any."""
    return " " + value(fields) if fields else ""


def braced(members: list[str]) -> str:
    """`` {data}`` from its members (``"key": value`` texts), or "" without any."""
    return " " + yaml_safe("{" + ", ".join(members) + "}") if members else ""


def sources_member(sources: tuple[Source, ...]) -> str:
    """The ``"sources"`` member for an element's sources (fields that are None left out)."""
    return '"sources": [' + ", ".join(map(_source_json, sources)) + "]"


def _source_json(source: Source) -> str:
    values = zip(_SOURCE_KEYS, _source_values(source), strict=True)
    return "{" + ", ".join([k + flow(v) for k, v in values if v is not None]) + "}"


def free_members(data: dict[str, Any], reserved: frozenset[str]) -> str:
    """Free data as members: beside the fields, or under "data" if a key is a reserved one."""
    if set(data) & reserved:
        return '"data": ' + flow(data)
    return flow(data)[1:-1]
