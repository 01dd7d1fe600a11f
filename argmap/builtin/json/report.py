"""Reading a document that is not a valid map: every problem, each with its JSON path.

:mod:`.read` accepts valid documents through the schema types of :mod:`.schema`; a document
they refuse comes here. It is parsed again with the standard library, which says where a
syntax error is (line and column), then checked object by object; reading goes on after each
problem so that one :class:`~argmap.core.errors.ReadError` lists them all
(``claims[3].sources[0].date``). A document with no problem after all gives its map.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from argmap.authoring.validation import is_iso_date
from argmap.builtin.json import schema
from argmap.builtin.json.references import Placed, check_references
from argmap.builtin.json.schema import FORMAT_NAME, FORMAT_VERSION
from argmap.core.diagnostics import Diagnostic, Severity
from argmap.core.errors import MapStructureError, ReadError
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

_TOP_KEYS = frozenset(schema.keys(schema.Document))
_SECTION_KEYS = frozenset(schema.keys(schema.SectionObject))
_CLAIM_KEYS = frozenset(schema.keys(schema.ClaimObject))
_ARGUMENT_KEYS = frozenset(schema.keys(schema.ArgumentObject))
_RELATION_KEYS = frozenset(schema.keys(schema.RelationObject))
_SOURCE_FIELDS = schema.keys(schema.SourceObject)
_SOURCE_KEYS = frozenset(_SOURCE_FIELDS)
_E = TypeVar("_E")
_KINDS = {kind.value: kind for kind in RelationKind}
_VERDICTS = {verdict.value: verdict for verdict in Verdict}


def read_reporting(text: str, source: str | None) -> ArgumentMap:
    """Read ``text`` checking everything; the map, or every problem found.

    Raises:
        ReadError: with each problem's JSON path, or the line and column of a syntax error.
    """
    doc = _parse(text, source)
    reader = _Reader(source)
    amap = reader.document(doc)
    if amap is None:
        raise ReadError(reader.problems, source)
    return amap


class _Reader:
    """Checks a parsed JSON document and builds the map from it, noting every problem."""

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
            src = self.obj(item, item_path, _SOURCE_KEYS, "source")
            if src is None:
                continue
            fields = {
                key: self.date(src, key, item_path)
                if key == "date"
                else self.string(src, key, item_path)
                for key in _SOURCE_FIELDS
            }
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
        check_references(self.error, sections, claims, arguments, relations)
        if self.problems:
            return None
        try:
            return ArgumentMap(
                title=title,
                description=description,
                authors=authors,
                date=date,
                claims=[c.element for c in claims],
                arguments=[a.element for a in arguments],
                relations=[r.element for r in relations],
                sections=[s.element for s in sections],
                data=data,
            )
        except MapStructureError as error:  # pragma: no cover - check_references finds these
            self.error("", str(error), "inconsistent")
            return None

    def collect(
        self, top: Mapping[str, Any], key: str, read: Callable[[Any, str], _E | None]
    ) -> list[Placed[_E]]:
        found = []
        for i, item in enumerate(self.items(top, key)):
            path = f"{key}[{i}]"
            element = read(item, path)
            if element is not None:
                found.append(Placed(path, element))
        return found


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


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        # Python would read it as infinity, which JSON cannot carry back out.
        raise ValueError(f"the number {text} is too large to represent")
    return value


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
