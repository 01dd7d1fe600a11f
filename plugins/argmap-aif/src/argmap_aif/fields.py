"""Values as the AIF reader takes them from JSON: ids, texts, and the extension's records.

Real files hold ids as strings or integers and texts as strings, numbers or nothing; the
extension (see :data:`argmap_aif.common.EXTENSION_KEY`) may have been edited by hand. These
helpers read what makes sense and drop what does not, without raising.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap.model import JSONValue, RelationKind, Source, Verdict

_KINDS = {kind.value: kind for kind in RelationKind}
_VERDICTS = {verdict.value: verdict for verdict in Verdict}
_SOURCE_FIELDS = ("speaker", "document", "date", "url", "quote", "locator")


def ident(value: Any) -> str | None:
    """An AIF id as text: strings stay, integers become their digits, others are not ids."""
    if isinstance(value, str):
        return value if value else None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def relation_kind(mark: Mapping[str, Any]) -> RelationKind | None:
    """The relation kind an extension record names, if it names one."""
    kind = mark.get("kind")
    return _KINDS.get(kind) if isinstance(kind, str) else None


def text_of(value: Any) -> str:
    """A node's text: strings as they are, numbers as digits, anything else empty."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def opt_str(value: Any) -> str | None:
    """A non-empty string, else None."""
    return value if isinstance(value, str) and value else None


def str_or_none(value: Any) -> str | None:
    """A string (even empty), else None."""
    return value if isinstance(value, str) else None


def data_of(value: Any) -> dict[str, JSONValue]:
    """An object's free data: a JSON object, else empty."""
    return value if isinstance(value, dict) else {}


def table_of(extension: Mapping[str, Any] | None, key: str) -> dict[str, Any]:
    """One of the extension's tables (``claims``, ``arguments``, ``relations``), else empty."""
    if extension is None:
        return {}
    value = extension.get(key)
    return value if isinstance(value, dict) else {}


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str))


def _sources(value: Any) -> tuple[Source, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if isinstance(item, dict):
            out.append(
                Source(
                    **{k: item[k] if isinstance(item.get(k), str) else None for k in _SOURCE_FIELDS}
                )
            )
    return tuple(out)


def claim_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """A claim's fields from its extension record (``sources`` only when the record has them)."""
    fields: dict[str, Any] = {
        "title": str_or_none(record.get("title")),
        "is_position": record.get("position") is True,
        "holder": str_or_none(record.get("holder")),
        "tags": _strings(record.get("tags")),
        "section": str_or_none(record.get("section")),
        "verdict": _VERDICTS.get(str(record.get("verdict"))),
        "data": data_of(record.get("data")),
    }
    if "sources" in record:
        fields["sources"] = _sources(record.get("sources"))
    return fields


def argument_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """An argument's fields from its extension record (``scheme`` only when the record has it)."""
    fields: dict[str, Any] = {
        "title": str_or_none(record.get("title")),
        "gist": str_or_none(record.get("gist")),
        "tags": _strings(record.get("tags")),
        "sources": _sources(record.get("sources")),
        "section": str_or_none(record.get("section")),
        "data": data_of(record.get("data")),
    }
    if "scheme" in record:
        fields["scheme"] = str_or_none(record.get("scheme"))
    return fields
