"""argmap's native JSON format: versioned, deterministic and lossless.

The same map always gives the same bytes: keys in a fixed order, elements in map order, one
element per line (so a change to one claim is a one-line diff), UTF-8 with no ASCII escaping.
Reading checks everything and reports every problem with its JSON path
(``claims[3].sources[0].date``) in one :class:`~argmap.core.errors.ReadError`; it never returns a
half-built map. The JSON Schema is ``argmap/builtin/json/argmap.schema.json``.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from argmap.authoring.validation import is_iso_date
from argmap.core.collector import paused_gc as paused_gc  # re-exported: older imports use it
from argmap.core.decoding import decode_utf8
from argmap.core.diagnostics import Diagnostic, Severity
from argmap.core.errors import ExportError, MapStructureError, ReadError
from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    JSONValue,
    Location,
    Relation,
    RelationKind,
    Section,
    Source,
    Verdict,
)

FORMAT_NAME = "argmap"
FORMAT_VERSION = 1
"""The version this module writes and the newest it reads."""

SCHEMA_FILE = Path(__file__).parent / "argmap.schema.json"


# -- writing --------------------------------------------------------------------------------


def source_to_dict(source: Source) -> dict[str, str]:
    """The JSON object for one source (absent fields left out)."""
    return {
        key: value
        for key, value in (
            ("speaker", source.speaker),
            ("document", source.document),
            ("date", source.date),
            ("url", source.url),
            ("quote", source.quote),
            ("locator", source.locator),
        )
        if value is not None
    }


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != [] and value != {}:
        out[key] = value


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """The JSON object for one claim (defaults left out)."""
    out: dict[str, Any] = {"id": claim.id, "text": claim.text}
    # Spelled out rather than looped: this runs once per claim of every map written.
    if claim.title is not None:
        out["title"] = claim.title
    if claim.is_position:
        out["position"] = True
    if claim.holder is not None:
        out["holder"] = claim.holder
    if claim.tags:
        out["tags"] = list(claim.tags)
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
    out: dict[str, Any] = {"id": argument.id, "premises": list(argument.premises)}
    _put(out, "conclusion", argument.conclusion)
    _put(out, "title", argument.title)
    _put(out, "gist", argument.gist)
    _put(out, "scheme", argument.scheme)
    _put(out, "tags", list(argument.tags))
    _put(out, "sources", [source_to_dict(s) for s in argument.sources])
    _put(out, "section", argument.section)
    _put(out, "data", argument.data)
    return out


def relation_to_dict(relation: Relation) -> dict[str, Any]:
    """The JSON object for one relation."""
    out: dict[str, Any] = {
        "type": relation.kind.value,
        "from": relation.origin,
        "to": relation.target,
    }
    _put(out, "data", relation.data)
    return out


def section_to_dict(section: Section) -> dict[str, Any]:
    """The JSON object for one section."""
    out: dict[str, Any] = {"id": section.id, "title": section.title}
    _put(out, "parent", section.parent)
    _put(out, "data", section.data)
    return out


def _element_encoder() -> Callable[[Any], str]:
    """Encode one value as compact JSON (UTF-8 text, no NaN), as fast as the C encoder can.

    ``JSONEncoder.encode`` adds two Python calls per element; for the one-element-per-line
    layout that is most of the time spent on a large map, so the C encoder is called directly
    where it exists (it is CPython's, used by ``json.dumps`` itself).
    """
    slow = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode
    make = getattr(json.encoder, "c_make_encoder", None)
    string = getattr(json.encoder, "c_encode_basestring", None)
    if make is None or string is None:  # pragma: no cover - other Pythons
        return slow

    def default(value: Any) -> Any:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    fast = make(None, default, string, None, ": ", ", ", False, False, False)

    def encode(value: Any) -> str:
        if isinstance(value, str):
            return slow(value)
        return "".join(fast(value, 0))

    return encode


def _line_writers(enc: Callable[[Any], str]) -> tuple[Callable[[Any], str], ...]:
    """One function per kind of element that writes its line of JSON as text directly.

    The result is exactly ``enc(claim_to_dict(claim))`` (a test holds them equal), made three
    times faster for the common element: no dict is built and the C string escaper, which the
    encoder calls too, is called on the strings themselves.
    """
    esc: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) or enc

    def strings(values: tuple[str, ...]) -> str:
        return "[" + ", ".join([esc(v) for v in values]) + "]"

    def sources(values: tuple[Source, ...]) -> str:
        return enc([source_to_dict(s) for s in values])

    def claim(c: Claim) -> str:
        out = '{"id": ' + esc(c.id) + ', "text": ' + esc(c.text)
        if c.title is not None:
            out += ', "title": ' + esc(c.title)
        if c.is_position:
            out += ', "position": true'
        if c.holder is not None:
            out += ', "holder": ' + esc(c.holder)
        if c.tags:
            out += ', "tags": ' + strings(c.tags)
        if c.sources:
            out += ', "sources": ' + sources(c.sources)
        if c.section is not None:
            out += ', "section": ' + esc(c.section)
        if c.verdict is not None:
            out += ', "verdict": ' + esc(c.verdict.value)
        if c.data:
            out += ', "data": ' + enc(c.data)
        return out + "}"

    def argument(a: Argument) -> str:
        out = '{"id": ' + esc(a.id) + ', "premises": ' + strings(a.premises)
        if a.conclusion is not None:
            out += ', "conclusion": ' + esc(a.conclusion)
        if a.title is not None:
            out += ', "title": ' + esc(a.title)
        if a.gist is not None:
            out += ', "gist": ' + esc(a.gist)
        if a.scheme is not None:
            out += ', "scheme": ' + esc(a.scheme)
        if a.tags:
            out += ', "tags": ' + strings(a.tags)
        if a.sources:
            out += ', "sources": ' + sources(a.sources)
        if a.section is not None:
            out += ', "section": ' + esc(a.section)
        if a.data:
            out += ', "data": ' + enc(a.data)
        return out + "}"

    def relation(r: Relation) -> str:
        out = (
            '{"type": "' + r.kind.value + '", "from": ' + esc(r.origin) + ', "to": ' + esc(r.target)
        )
        if r.data:
            out += ', "data": ' + enc(r.data)
        return out + "}"

    return claim, argument, relation


def dumps(amap: ArgumentMap) -> str:
    """Return ``amap`` as native JSON text (ends with a newline).

    Raises:
        ExportError: when free ``data`` holds something JSON cannot carry (NaN, an object).
    """
    with paused_gc():
        try:
            return _dumps(amap)
        except (ValueError, TypeError) as error:
            raise ExportError(f"cannot write the map as JSON: {error}") from None


def _dumps(amap: ArgumentMap) -> str:
    enc = _element_encoder()
    claim_line, argument_line, relation_line = _line_writers(enc)
    head: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "title": amap.title}
    _put(head, "description", amap.description)
    _put(head, "authors", list(amap.authors))
    _put(head, "date", amap.date)
    _put(head, "data", amap.data)
    parts = ["{\n"]
    parts.append(",\n".join(f"  {enc(k)}: {enc(v)}" for k, v in head.items()))
    for key, lines in (
        ("sections", [enc(section_to_dict(s)) for s in amap.sections]),
        ("claims", [claim_line(c) for c in amap.claims]),
        ("arguments", [argument_line(a) for a in amap.arguments]),
        ("relations", [relation_line(r) for r in amap.relations]),
    ):
        if not lines:
            parts.append(f',\n  "{key}": []')
            continue
        parts.append(f',\n  "{key}": [\n    ')
        parts.append(",\n    ".join(lines))
        parts.append("\n  ]")
    parts.append("\n}\n")
    return "".join(parts)


def dump(amap: ArgumentMap, path: str | Path) -> None:
    """Write ``amap`` as native JSON to ``path`` (whole or not at all)."""
    from argmap.host.output import write_atomic

    write_atomic(Path(path), dumps(amap).encode("utf-8"))


# -- reading --------------------------------------------------------------------------------

_TOP_KEYS = frozenset(
    {
        "format",
        "version",
        "title",
        "description",
        "authors",
        "date",
        "data",
        "sections",
        "claims",
        "arguments",
        "relations",
        "$schema",
    }
)
_CLAIM_KEYS = frozenset(
    {"id", "text", "title", "position", "holder", "tags", "sources", "section", "verdict", "data"}
)
_ARGUMENT_KEYS = frozenset(
    {
        "id",
        "premises",
        "conclusion",
        "title",
        "gist",
        "scheme",
        "tags",
        "sources",
        "section",
        "data",
    }
)
_RELATION_KEYS = frozenset({"type", "from", "to", "data"})
_SECTION_KEYS = frozenset({"id", "title", "parent", "data"})
_SOURCE_KEYS = ("speaker", "document", "date", "url", "quote", "locator")
_KINDS = {kind.value: kind for kind in RelationKind}
_VERDICTS = {verdict.value: verdict for verdict in Verdict}


class _Reader:
    """Checks a decoded JSON document and builds the map from it."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.problems: list[Diagnostic] = []

    def error(
        self, path: str, message: str, code: str = "invalid", element: str | None = None
    ) -> None:
        self.problems.append(
            Diagnostic(Severity.ERROR, code, message, element, Location(file=self.file, path=path))
        )

    def location(self, path: str) -> Location:
        return Location(file=self.file, path=path)

    # Field readers return a default after reporting, so reading goes on to find more problems.

    def obj(self, value: Any, path: str, keys: frozenset[str], what: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(path, f"{what} must be an object, not {_kind(value)}", "wrong-type")
            return None
        unknown = value.keys() - keys
        for key in sorted(unknown):
            self.error(
                f"{path}.{key}" if path else key,
                f"unknown field {key!r} in {what} (known: {', '.join(sorted(keys))})",
                "unknown-field",
            )
        return value

    def string(
        self, obj: Mapping[str, Any], key: str, path: str, required: bool = False
    ) -> str | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.error(path, f"{key!r} is required", "missing-field")
            elif key in obj:
                self.error(
                    f"{path}.{key}", f"{key!r} must be a string or absent, not null", "wrong-type"
                )
            return None
        if not isinstance(value, str):
            self.error(
                f"{path}.{key}", f"{key!r} must be a string, not {_kind(value)}", "wrong-type"
            )
            return None
        return value

    def ident(
        self, obj: Mapping[str, Any], key: str, path: str, required: bool = True
    ) -> str | None:
        value = self.string(obj, key, path, required)
        if value is not None and not value:
            self.error(f"{path}.{key}", f"{key!r} must not be empty", "empty-id")
            return None
        return value

    def strings(self, obj: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            self.error(
                f"{path}.{key}",
                f"{key!r} must be a list of strings, not {_kind(value)}",
                "wrong-type",
            )
            return ()
        good = True
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.error(
                    f"{path}.{key}[{i}]", f"must be a string, not {_kind(item)}", "wrong-type"
                )
                good = False
        return tuple(value) if good else ()

    def data(self, obj: Mapping[str, Any], path: str) -> dict[str, JSONValue]:
        value = obj.get("data", {})
        if not isinstance(value, dict):
            self.error(
                f"{path}.data", f"'data' must be an object, not {_kind(value)}", "wrong-type"
            )
            return {}
        return value

    def date(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        value = self.string(obj, key, path)
        if value is not None and not is_iso_date(value):
            self.error(
                f"{path}.{key}",
                f"{value!r} is not an ISO 8601 date (expected e.g. 2022-01-27)",
                "invalid-date",
            )
        return value

    def sources(self, obj: Mapping[str, Any], path: str) -> tuple[Source, ...]:
        value = obj.get("sources", [])
        if not isinstance(value, list):
            self.error(
                f"{path}.sources", f"'sources' must be a list, not {_kind(value)}", "wrong-type"
            )
            return ()
        result = []
        for i, item in enumerate(value):
            item_path = f"{path}.sources[{i}]"
            src = self.obj(item, item_path, _SOURCE_KEYS_SET, "source")
            if src is None:
                continue
            fields = {key: self.string(src, key, item_path) for key in _SOURCE_KEYS}
            fields["date"] = self.date(src, "date", item_path)
            result.append(Source(**fields))
        return tuple(result)

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> bool:
        value = obj.get(key, False)
        if not isinstance(value, bool):
            self.error(
                f"{path}.{key}", f"{key!r} must be true or false, not {_kind(value)}", "wrong-type"
            )
            return False
        return value

    def items(self, doc: Mapping[str, Any], key: str) -> list[Any]:
        value = doc.get(key, [])
        if not isinstance(value, list):
            self.error(key, f"{key!r} must be a list, not {_kind(value)}", "wrong-type")
            return []
        return value

    # -- elements ---------------------------------------------------------------------------

    def claim(self, value: Any, path: str) -> Claim | None:
        obj = self.obj(value, path, _CLAIM_KEYS, "claim")
        if obj is None:
            return None
        before = len(self.problems)
        claim_id = self.ident(obj, "id", path)
        text = self.string(obj, "text", path)
        verdict_text = self.string(obj, "verdict", path)
        verdict = None
        if verdict_text is not None:
            verdict = _VERDICTS.get(verdict_text)
            if verdict is None:
                self.error(
                    f"{path}.verdict",
                    f"unknown verdict {verdict_text!r} (known: {', '.join(_VERDICTS)})",
                    "unknown-value",
                )
        claim = Claim(
            id=claim_id or "",
            text=text or "",
            title=self.string(obj, "title", path),
            is_position=self.boolean(obj, "position", path),
            holder=self.string(obj, "holder", path),
            tags=self.strings(obj, "tags", path),
            sources=self.sources(obj, path),
            section=self.ident(obj, "section", path, required=False),
            verdict=verdict,
            data=self.data(obj, path),
            location=self.location(path),
        )
        return claim if len(self.problems) == before else None

    def argument(self, value: Any, path: str) -> Argument | None:
        obj = self.obj(value, path, _ARGUMENT_KEYS, "argument")
        if obj is None:
            return None
        before = len(self.problems)
        argument = Argument(
            id=self.ident(obj, "id", path) or "",
            premises=self.strings(obj, "premises", path),
            conclusion=self.ident(obj, "conclusion", path, required=False),
            title=self.string(obj, "title", path),
            gist=self.string(obj, "gist", path),
            scheme=self.string(obj, "scheme", path),
            tags=self.strings(obj, "tags", path),
            sources=self.sources(obj, path),
            section=self.ident(obj, "section", path, required=False),
            data=self.data(obj, path),
            location=self.location(path),
        )
        return argument if len(self.problems) == before else None

    def relation(self, value: Any, path: str) -> Relation | None:
        obj = self.obj(value, path, _RELATION_KEYS, "relation")
        if obj is None:
            return None
        before = len(self.problems)
        kind_text = self.string(obj, "type", path, required=True)
        kind = _KINDS.get(kind_text) if kind_text is not None else None
        if kind_text is not None and kind is None:
            self.error(
                f"{path}.type",
                f"unknown relation type {kind_text!r} (known: {', '.join(_KINDS)})",
                "unknown-value",
            )
        origin = self.ident(obj, "from", path)
        target = self.ident(obj, "to", path)
        data = self.data(obj, path)
        if len(self.problems) != before or kind is None or origin is None or target is None:
            return None
        return Relation(kind, origin, target, data=data, location=self.location(path))

    def section(self, value: Any, path: str) -> Section | None:
        obj = self.obj(value, path, _SECTION_KEYS, "section")
        if obj is None:
            return None
        before = len(self.problems)
        section = Section(
            id=self.ident(obj, "id", path) or "",
            title=self.string(obj, "title", path, required=True) or "",
            parent=self.ident(obj, "parent", path, required=False),
            data=self.data(obj, path),
            location=self.location(path),
        )
        return section if len(self.problems) == before else None

    # -- the document -----------------------------------------------------------------------

    def document(self, doc: Any) -> ArgumentMap | None:
        if isinstance(doc, dict) and doc.get("format") != FORMAT_NAME:
            # Another kind of JSON altogether: say that, not every field it does not share.
            self.error(
                "format",
                f"'format' must be {FORMAT_NAME!r}, not {doc.get('format')!r}: this is not an "
                "argmap file (for another format, name it with --from)",
                "not-argmap",
            )
            return None
        top = self.obj(doc, "", _TOP_KEYS, "an argmap document")
        if top is None:
            return None
        version = top.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.error(
                "version", f"'version' must be a positive integer, not {version!r}", "wrong-type"
            )
        elif version > FORMAT_VERSION:
            self.error(
                "version",
                f"this file is version {version}; this argmap reads up to version "
                f"{FORMAT_VERSION} (upgrade argmap)",
                "unsupported-version",
            )
            return None
        title = self.string(top, "title", "") or ""
        description = self.string(top, "description", "")
        authors = self.strings(top, "authors", "")
        date = self.date(top, "date", "")
        data = self.data(top, "")
        sections = self.collect(top, "sections", self.section)
        claims = self.collect(top, "claims", self.claim)
        arguments = self.collect(top, "arguments", self.argument)
        relations = self.collect(top, "relations", self.relation)
        self.check_references(sections, claims, arguments, relations)
        if self.problems:
            return None
        try:
            return ArgumentMap(
                title=title,
                description=description,
                authors=authors,
                date=date,
                claims=[c for _, c in claims],
                arguments=[a for _, a in arguments],
                relations=[r for _, r in relations],
                sections=[s for _, s in sections],
                data=data,
            )
        except MapStructureError as error:  # pragma: no cover - check_references finds these
            self.error("", str(error), "inconsistent")
            return None

    def collect(
        self, top: Mapping[str, Any], key: str, read: Callable[[Any, str], Any]
    ) -> list[Any]:
        found = []
        for i, item in enumerate(self.items(top, key)):
            path = f"{key}[{i}]"
            element = read(item, path)
            if element is not None:
                found.append((path, element))
        return found

    def check_references(
        self,
        sections: list[tuple[str, Section]],
        claims: list[tuple[str, Claim]],
        arguments: list[tuple[str, Argument]],
        relations: list[tuple[str, Relation]],
    ) -> None:
        kinds: dict[str, str] = {}
        first: dict[str, str] = {}
        for group, what in ((sections, "section"), (claims, "claim"), (arguments, "argument")):
            for path, element in group:
                if element.id in kinds:
                    self.error(
                        f"{path}.id",
                        f"duplicate id {element.id!r}: {first[element.id]} already uses it",
                        "duplicate-id",
                        element.id,
                    )
                else:
                    kinds[element.id] = what
                    first[element.id] = path

        def ref(value: str | None, path: str, allowed: tuple[str, ...], what: str) -> None:
            if value is None:
                return
            kind = kinds.get(value)
            if kind is None:
                self.error(
                    path, f"{value!r} names no {what} in this map", "dangling-reference", value
                )
            elif kind not in allowed:
                self.error(
                    path, f"{value!r} is a {kind}, expected a {what}", "wrong-reference", value
                )

        parents = {s.id: s.parent for _, s in sections}
        for path, section in sections:
            ref(section.parent, f"{path}.parent", ("section",), "section")
            seen = {section.id}
            parent = section.parent
            while parent is not None and parent in parents:
                if parent in seen:
                    self.error(
                        f"{path}.parent",
                        f"section {section.id!r} is nested inside itself",
                        "section-cycle",
                    )
                    break
                seen.add(parent)
                parent = parents[parent]
        for path, claim in claims:
            ref(claim.section, f"{path}.section", ("section",), "section")
        for path, argument in arguments:
            ref(argument.section, f"{path}.section", ("section",), "section")
            for i, premise in enumerate(argument.premises):
                ref(premise, f"{path}.premises[{i}]", ("claim",), "claim")
                if premise in argument.premises[:i]:
                    self.error(
                        f"{path}.premises[{i}]",
                        f"premise {premise!r} is given twice",
                        "duplicate-premise",
                    )
            ref(argument.conclusion, f"{path}.conclusion", ("claim",), "claim")
            if argument.conclusion is not None and argument.conclusion in argument.premises:
                self.error(
                    f"{path}.conclusion",
                    f"{argument.conclusion!r} is both a premise and the conclusion",
                    "self-support",
                    argument.id,
                )
        seen_relations: dict[tuple[RelationKind, str, str], str] = {}
        for path, relation in relations:
            ref(relation.origin, f"{path}.from", ("claim", "argument"), "claim or argument")
            ref(relation.target, f"{path}.to", ("claim", "argument"), "claim or argument")
            if relation.origin == relation.target:
                self.error(
                    path, f"{relation.origin!r} cannot {relation.kind.value} itself", "self-support"
                )
            if relation.kind is RelationKind.UNDERCUT and kinds.get(relation.target) == "claim":
                self.error(
                    f"{path}.to",
                    f"an undercut must target an argument; {relation.target!r} is a claim "
                    "(use 'attack')",
                    "wrong-reference",
                )
            if relation.kind is RelationKind.CONTRADICTION:
                for end, value in (("from", relation.origin), ("to", relation.target)):
                    if kinds.get(value) == "argument":
                        self.error(
                            f"{path}.{end}",
                            f"only claims contradict; {value!r} is an argument",
                            "wrong-reference",
                        )
            key = relation.key
            if key in seen_relations:
                self.error(
                    path,
                    f"the same relation is already given at {seen_relations[key]}",
                    "duplicate-relation",
                )
            else:
                seen_relations[key] = path


_SOURCE_KEYS_SET = frozenset(_SOURCE_KEYS)


class _Unusual(Exception):
    """Raised by the fast path at the first thing it does not expect."""


_NONE = type(None)
_CLAIM_TYPES: dict[str, Any] = {
    "id": str,
    "text": str,
    "title": str,
    "position": bool,
    "holder": str,
    "tags": list,
    "sources": list,
    "section": str,
    "verdict": str,
    "data": dict,
}
_ARGUMENT_TYPES: dict[str, Any] = {
    "id": str,
    "premises": list,
    "conclusion": str,
    "title": str,
    "gist": str,
    "scheme": str,
    "tags": list,
    "sources": list,
    "section": str,
    "data": dict,
}
_TOP_TYPES: dict[str, Any] = {
    "format": str,
    "version": int,
    "title": str,
    "description": str,
    "authors": list,
    "date": str,
    "data": dict,
    "sections": list,
    "claims": list,
    "arguments": list,
    "relations": list,
    "$schema": str,
}


def _check_types(obj: Any, types: dict[str, Any]) -> None:
    if type(obj) is not dict:
        raise _Unusual
    for key, value in obj.items():
        if type(value) is not types.get(key):
            raise _Unusual


# Location(file, path=...) goes through the named tuple's Python __new__; this does not, and
# the fast reader makes one per claim and argument.
_location: Callable[[tuple[str | None, None, None, str]], Location] = functools.partial(
    tuple.__new__, Location
)


def _fast_strings(value: list[Any]) -> tuple[str, ...]:
    for item in value:
        if type(item) is not str:
            raise _Unusual
    return tuple(value)


@functools.lru_cache(maxsize=1024)
def _is_iso_date_cached(value: str) -> bool:
    # Sources of one debate share a few dates; the check is a regex and two int() calls.
    return is_iso_date(value)


def _fast_sources(value: list[Any]) -> tuple[Source, ...]:
    result = []
    for item in value:
        if type(item) is not dict:
            raise _Unusual
        for key, field in item.items():
            if key not in _SOURCE_KEYS_SET or type(field) is not str:
                raise _Unusual
        date = item.get("date")
        if date is not None and not _is_iso_date_cached(date):
            raise _Unusual
        result.append(Source(**item))
    return tuple(result)


def _fast_document(doc: Any, file: str | None) -> ArgumentMap | None:
    """Build the map from a well-formed document quickly; None when anything is unusual.

    The checks here are the slow reader's, without the bookkeeping needed to report problems;
    references and duplicates are left to :class:`ArgumentMap`'s own integrity check.
    """
    try:
        _check_types(doc, _TOP_TYPES)
        if doc["format"] != FORMAT_NAME or not 1 <= doc["version"] <= FORMAT_VERSION:
            raise _Unusual
        date = doc.get("date")
        if date is not None and not is_iso_date(date):
            raise _Unusual
        sections = []
        for i, obj in enumerate(doc.get("sections", ())):
            if type(obj) is not dict or obj.keys() - _SECTION_KEYS:
                raise _Unusual
            section_id, title = obj["id"], obj["title"]
            parent, data = obj.get("parent"), obj.get("data", {})
            if type(section_id) is not str or not section_id or type(title) is not str:
                raise _Unusual
            if (parent is not None and (type(parent) is not str or not parent)) or type(
                data
            ) is not dict:
                raise _Unusual
            sections.append(
                Section(
                    section_id, title, parent, data, location=Location(file, path=f"sections[{i}]")
                )
            )
        claims = []
        for i, obj in enumerate(doc.get("claims", ())):
            _check_types(obj, _CLAIM_TYPES)
            get = obj.get
            verdict = get("verdict")
            claims.append(
                Claim(
                    obj["id"] or _fail(),
                    get("text", ""),
                    get("title"),
                    get("position", False),
                    get("holder"),
                    _fast_strings(get("tags", ())),
                    _fast_sources(get("sources", ())),
                    get("section") if get("section") != "" else _fail(),
                    None if verdict is None else _VERDICTS.get(verdict) or _fail(),
                    get("data", {}),
                    location=_location((file, None, None, f"claims[{i}]")),
                )
            )
        arguments = []
        for i, obj in enumerate(doc.get("arguments", ())):
            _check_types(obj, _ARGUMENT_TYPES)
            get = obj.get
            premises = _fast_strings(get("premises", ()))
            if len(set(premises)) != len(premises):
                raise _Unusual
            conclusion = get("conclusion")
            section = get("section")
            if conclusion == "" or section == "":
                raise _Unusual
            arguments.append(
                Argument(
                    obj["id"] or _fail(),
                    premises,
                    conclusion,
                    get("title"),
                    get("gist"),
                    get("scheme"),
                    _fast_strings(get("tags", ())),
                    _fast_sources(get("sources", ())),
                    section,
                    get("data", {}),
                    location=_location((file, None, None, f"arguments[{i}]")),
                )
            )
        relations = []
        for i, obj in enumerate(doc.get("relations", ())):
            if type(obj) is not dict or obj.keys() - _RELATION_KEYS:
                raise _Unusual
            kind = _KINDS.get(obj["type"])
            origin, target, data = obj["from"], obj["to"], obj.get("data", {})
            if kind is None or type(origin) is not str or type(target) is not str:
                raise _Unusual
            if not origin or not target or type(data) is not dict:
                raise _Unusual
            relations.append(
                Relation(
                    kind, origin, target, data, location=Location(file, path=f"relations[{i}]")
                )
            )
        return ArgumentMap(
            title=doc.get("title", ""),
            description=doc.get("description"),
            authors=_fast_strings(doc.get("authors", ())),
            date=date,
            claims=claims,
            arguments=arguments,
            relations=relations,
            sections=sections,
            data=doc.get("data", {}),
        )
    except (_Unusual, KeyError, TypeError, ValueError, MapStructureError):
        return None


def _fail() -> Any:
    raise _Unusual


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__  # pragma: no cover


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        # Python would read it as infinity, which JSON cannot carry back out.
        raise ValueError(f"the number {text} is too large to represent")
    return value


def loads(text: str | bytes, source: str | None = None) -> ArgumentMap:
    """Read native JSON (text, or UTF-8 bytes) into a map.

    Args:
        text: The document.
        source: A file name to put in locations and messages.

    Raises:
        ReadError: with every problem found, each with its JSON path or line and column.
    """
    text = decode_utf8(text, source)
    # One pause for parsing and building, and the parsed tree dropped before the collector is
    # back: otherwise its first pass walks every object of the tree, a tenth of the read.
    with paused_gc():
        doc = _parse(text, source)
        amap = _fast_document(doc, source)
        if amap is None:
            amap = _slow_document(doc, source)
        del doc
    return amap


def _parse(text: str, source: str | None) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        # json reports an unterminated string where it starts, but only EOF can end one.
        at_end = not text[error.pos :].strip() or error.msg.startswith("Unterminated string")
        message = (
            "the file ends too early (truncated?): " + error.msg
            if at_end
            else f"not valid JSON: {error.msg}"
        )
        raise ReadError(
            [
                Diagnostic(
                    Severity.ERROR,
                    "truncated" if at_end else "invalid-json",
                    message,
                    location=Location(file=source, line=error.lineno, column=error.colno),
                )
            ],
            source,
        ) from None
    except (ValueError, RecursionError) as error:
        raise ReadError(
            [
                Diagnostic(
                    Severity.ERROR, "invalid-json", str(error), location=Location(file=source)
                )
            ],
            source,
        ) from None


def _slow_document(doc: Any, source: str | None) -> ArgumentMap:
    """Read ``doc`` again, slowly, to report every problem with its JSON path."""
    reader = _Reader(source)
    amap = reader.document(doc)
    if amap is None:
        raise ReadError(reader.problems, source)
    return amap


def load(path: str | Path) -> ArgumentMap:
    """Read a native JSON file.

    Raises:
        ReadError: when the file cannot be read or is not a valid map.
    """
    from argmap.host.files import read_bytes

    path = Path(path)
    raw = read_bytes(path)
    return loads(raw, str(path))
