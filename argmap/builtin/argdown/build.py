"""Turn a parsed :class:`~.document.Document` into an :class:`~argmap.ArgumentMap`.

Ids come from titles (front matter ``argmap: {ids: title}``, the default: a title is its own
id, repeats get `` (2)``, ...) or from slugs (``ids: slug``), unless data names one. Every problem
found here or while parsing is raised together in one :class:`~argmap.ReadError`.
"""

from __future__ import annotations

from typing import Any

from argmap.builtin.argdown.document import ATTACK, CONTRA, UNDERCUT, Document, Heading, Node
from argmap.builtin.argdown.fields import (
    ARGUMENT_KEYS,
    CLAIM_KEYS,
    element_fields,
    section_fields,
)
from argmap.builtin.argdown.structures import first_premise, structure_of
from argmap.core.errors import MapStructureError, ReadError
from argmap.model import Argument, ArgumentMap, Claim, Location, Relation, RelationKind, Section
from argmap.model.ids import IdAllocator

_KINDS = {kind.value: kind for kind in RelationKind}
_RelationKey = tuple[RelationKind, str, str]


class _Ids:
    """The ids taken so far, and how new ones are made (``title`` or ``slug`` mode)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.allocator = IdAllocator()

    def __contains__(self, item: str) -> bool:
        return item in self.taken

    def reserve(self, element_id: str) -> None:
        """Take an id that data names."""
        self.taken.add(element_id)
        self.allocator.reserve(element_id)

    def take(self, wanted: str) -> str:
        """``wanted``, or it with `` (2)``, `` (3)``, ... (the allocator is not used then)."""
        taken = self.taken
        candidate = wanted
        n = 2
        while candidate in taken:
            candidate = f"{wanted} ({n})"
            n += 1
        taken.add(candidate)
        return candidate

    def allocate(self, text: str, fallback: str) -> str:
        """A fresh slug of ``text`` (``fallback`` if it has no word)."""
        found = self.allocator.allocate(text, fallback)
        self.taken.add(found)
        return found


def build_map(doc: Document) -> ArgumentMap:
    """The map ``doc`` describes.

    Raises:
        ReadError: every problem found while parsing and here.
    """
    settings = doc.front.get("argmap")
    if settings is not None and not isinstance(settings, dict):
        _front_error(doc, "front matter 'argmap' must be a mapping")
        settings = {}
    settings = settings or {}
    id_mode = settings.get("ids", "title")
    if id_mode not in ("title", "slug"):
        _front_error(doc, "front matter argmap.model.ids must be 'title' or 'slug'")
        id_mode = "title"
    defaults = settings.get("source") or {}
    if not isinstance(defaults, dict):
        _front_error(doc, "front matter argmap.source must be a mapping")
        defaults = {}

    # Most nodes have no data, hence no fields: they share one empty dict (never changed).
    no_fields: dict[str, Any] = {}
    claims_info = [
        (node, element_fields(doc, node, CLAIM_KEYS, defaults) if node.data else no_fields)
        for node in doc.statements.values()
    ]
    args_info = [
        (node, element_fields(doc, node, ARGUMENT_KEYS, defaults) if node.data else no_fields)
        for node in doc.arguments.values()
    ]
    sections_info = [(h, section_fields(doc, h)) for h in doc.headings]
    section_id = _choose_ids(claims_info, args_info, sections_info, id_mode)
    # The section of each heading key, and none before the first heading.
    section_of: dict[str | None, str | None] = {None: None}
    section_of.update(section_id)

    source = doc.source

    def argument_section(node: Node, fields: dict[str, Any]) -> str | None:
        # An argument made up for a structure belongs to no section; one only referred to
        # before its structure belongs to the structure's.
        if "section" in fields:
            return fields["section"]  # type: ignore[no-any-return]
        if node.implicit:
            return None
        if not node.defined and node.pcs is not None:
            return section_of[node.pcs_section]
        return section_of[node.section]

    sections = [
        Section(
            id=section_id[heading.key],
            title=fields.get("title", heading.title),
            parent=fields.get("parent", section_of[heading.parent]),
            data=fields.get("data", {}),
            location=Location(source, heading.line, heading.column),
        )
        for heading, fields in sections_info
    ]
    # Positionally, in the order of the fields of Claim and Argument.
    claims = [
        Claim(
            node.id,
            fields.get("text", node.last_text or ""),
            fields.get("title", None if node.auto else node.key),
            fields.get("position", False),
            fields.get("holder"),
            fields["tags"] if "tags" in fields else tuple(dict.fromkeys(node.tags)),
            fields.get("sources", ()),
            fields.get("section", section_of[node.section]),  # of its first definition
            fields.get("verdict"),
            fields.get("data", {}),
            location=Location(source, node.line, node.column),
        )
        for node, fields in claims_info
    ]
    arguments: list[Argument] = []
    structured: dict[str, str] = {}  # argument id -> main conclusion id
    for node, fields in args_info:
        premises: list[str] = []
        conclusion: str | None = None
        scheme: str | None = None
        data = dict(fields.get("data", {}))
        if node.pcs is not None:
            premises, conclusion, scheme, extra = structure_of(node.pcs)
            data.update(extra)
            structured[node.id] = conclusion
        arguments.append(
            Argument(
                node.id,
                fields.get("premises", premises),
                fields.get("conclusion", conclusion),
                fields.get("title", None if node.auto else node.key),
                fields.get("gist", node.last_text),
                fields.get("scheme", scheme),
                fields["tags"] if "tags" in fields else tuple(dict.fromkeys(node.tags)),
                fields.get("sources", ()),
                argument_section(node, fields),
                data,
                location=Location(source, node.line, node.column),
            )
        )
    relations = _relations(doc, structured, _relation_data(doc, settings))
    title, description, authors, date, map_data = _metadata(doc)
    if doc.problems:
        raise ReadError(doc.problems, doc.source)
    try:
        return ArgumentMap(
            title=title,
            description=description,
            authors=authors,
            date=date,
            claims=claims,
            arguments=arguments,
            relations=relations,
            sections=sections,
            data=map_data,
        )
    except MapStructureError as error:
        line, column = _where(str(error), claims, arguments, sections)
        doc.error(str(error), line, column, code="structure")
        raise ReadError(doc.problems, doc.source) from None


def _front_error(doc: Document, message: str) -> None:
    doc.error(message, doc.front_line + 1, 1, "front-matter")


def _choose_ids(
    claims_info: list[tuple[Node, dict[str, Any]]],
    args_info: list[tuple[Node, dict[str, Any]]],
    sections_info: list[tuple[Heading, dict[str, Any]]],
    id_mode: str,
) -> dict[str, str]:
    """Give each node its id (kept on the node); return each heading's section id by key.

    Ids named in data are taken first; then claims, sections and arguments get theirs in that
    order, so a claim keeps its title where an argument or section has the same one.
    """
    ids = _Ids()
    for _, fields in [*claims_info, *args_info, *sections_info]:
        if "id" in fields:
            ids.reserve(fields["id"])
    for node, fields in claims_info:
        if "id" in fields:
            node.id = fields["id"]
        elif id_mode == "title":
            node.id = ids.take(node.key)
        else:
            title = fields.get("title", None if node.auto else node.key)
            node.id = ids.allocate(title or node.last_text or "", "claim")
    section_id: dict[str, str] = {}
    for heading, fields in sections_info:
        if "id" in fields:
            section_id[heading.key] = fields["id"]
        elif id_mode == "title":
            section_id[heading.key] = ids.take(heading.key)
        else:
            section_id[heading.key] = ids.allocate(heading.title, "section")
    for node, fields in args_info:
        if "id" in fields:
            node.id = fields["id"]
        elif id_mode == "title":
            key = node.key
            node.id = ids.take(key if key not in ids else f"<{key}>")
        else:
            title = fields.get("title", None if node.auto else node.key)
            if not title:
                first = first_premise(node)
                title = f"arg-{first}" if first else "argument"
            node.id = ids.allocate(title, "argument")
    return section_id


def _relations(
    doc: Document, structured: dict[str, str], relation_data: dict[_RelationKey, dict[str, Any]]
) -> tuple[Relation, ...]:
    """The relations of the map, each once (the first occurrence's place is kept).

    ``structured``: the main conclusion of each argument with a structure, which is what a
    support or attack from the argument comes from.
    """
    source = doc.source
    relations: dict[_RelationKey, Relation] = {}
    for kind, origin, target, line, column in doc.relations:
        origin_id = origin.id
        target_id = target.id
        if origin.is_argument and origin_id in structured and kind != CONTRA:
            origin_id = structured[origin_id]
        if kind == CONTRA and (origin.is_argument or target.is_argument):
            doc.error(
                "only statements can contradict each other ('><'); use '-' for an "
                "attack on an argument",
                line,
                column,
                "invalid-relation",
            )
            continue
        relation_extra: dict[str, Any] = {}
        if kind == UNDERCUT and not target.is_argument:
            # argmap undercuts arguments only; an undercut of a statement is an attack.
            kind = ATTACK
            relation_extra = {"argdown": "undercut"}
        if origin_id == target_id:
            doc.error(f"{origin_id!r} cannot {kind} itself", line, column, "invalid-relation")
            continue
        relation_kind = _KINDS[kind]
        relation_key = (relation_kind, origin_id, target_id)
        if relation_kind is RelationKind.CONTRADICTION and target_id < origin_id:
            relation_key = (relation_kind, target_id, origin_id)  # as Relation.key orders it
        if relation_key in relations:
            continue
        relations[relation_key] = Relation(
            relation_kind,
            origin_id,
            target_id,
            relation_data.get(relation_key) or relation_extra,
            location=Location(source, line, column),
        )
    return tuple(relations.values())


def _relation_data(doc: Document, settings: dict[str, Any]) -> dict[_RelationKey, dict[str, Any]]:
    """The data of relations, from front matter ``argmap.relations`` (by relation key)."""
    found: dict[_RelationKey, dict[str, Any]] = {}
    entries = settings.get("relations", [])
    if not isinstance(entries, list):
        entries = [None]
    for entry in entries:
        if not (
            isinstance(entry, dict)
            and set(entry) == {"kind", "origin", "target", "data"}
            and entry["kind"] in RelationKind._value2member_map_
            and isinstance(entry["origin"], str)
            and isinstance(entry["target"], str)
            and isinstance(entry["data"], dict)
        ):
            _front_error(
                doc, "front matter argmap.relations holds entries {kind, origin, target, data}"
            )
            continue
        relation = Relation(entry["kind"], entry["origin"], entry["target"])
        found[relation.key] = entry["data"]
    return found


def _metadata(
    doc: Document,
) -> tuple[str, str | None, tuple[str, ...], str | None, dict[str, Any]]:
    """Title, description, authors, date and free data of the map, from the front matter."""
    front = dict(doc.front)
    front.pop("argmap", None)
    title = front.pop("title", "")
    description = front.pop("description", None)
    authors = front.pop("author", front.pop("authors", ()))
    if isinstance(authors, str):
        authors = (authors,)
    date = front.pop("date", None)
    map_data = front
    if (
        not isinstance(title, str)
        or not (description is None or isinstance(description, str))
        or not (date is None or isinstance(date, str))
        or not isinstance(authors, (list, tuple))
        or not all(isinstance(a, str) for a in authors)
    ):
        _front_error(doc, "front matter title, description, date and author must be text")
        title, description, authors, date = "", None, (), None
    if "data" in map_data and isinstance(map_data["data"], dict) and len(map_data) == 1:
        map_data = map_data["data"]
    return title, description, tuple(authors), date, map_data


def _where(message: str, *groups: Any) -> tuple[int, int]:
    """The place of the first element whose id the message names (1, 1 if none)."""
    for group in groups:
        for element in group:
            if repr(element.id) in message and element.location is not None:
                return element.location.line or 1, element.location.column or 1
    return 1, 1
