"""Write argument maps as AIF JSON (the AIFdb layout), for AIFdb, OVA and arguebuf.

Every claim becomes an I-node, every argument an RA-node between its premises and its
conclusion, every attack and undercut a CA-node, every support relation an RA-node of its own,
every contradiction two CA-nodes (one each way); rephrases and preferences kept from an AIF
reading come back as MA- and PA-nodes. Each source of a claim becomes a locution (see
:mod:`argmap_aif.write_dialogue`). What AIF has no field for (titles, positions, tags,
sections, verdicts, free data, the exact kind of a relation) goes into one extra top-level
object, ``argmapExtension``, which other tools ignore and argmap reads back, so that writing a
map and reading it again gives an equal map.

The output is deterministic: one node, edge or record per line, keys in AIFdb's order, UTF-8
text as it is (see :mod:`argmap_aif.write_json`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from argmap.model import ArgumentMap, JSONValue, RelationKind
from argmap_aif.common import DEFAULT_TEXTS, EXTENSION_KEY, EXTENSION_VERSION
from argmap_aif.write_dialogue import write_dialogue
from argmap_aif.write_json import (
    encode,
    joined,
    kept_lines,
    list_lines,
    node_tail,
    object_lines,
    string,
)
from argmap_aif.write_parts import (
    Parts,
    aif_details,
    bare_tail,
    free_ids,
    nonempty,
    records,
    scheme_tail,
)
from argmap_aif.write_records import argument_record, claim_record, relation_record


def _claim_tail(data: Mapping[str, JSONValue]) -> str:
    """The members after an I-node's text: its type, and the time stamp kept from AIF."""
    return node_tail("I", nonempty(aif_details(data).get("timestamp")))


class _Writer:
    """One writing of a map: the argument layer, then the dialogue layer, then the document."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.aif = aif_details(amap.data)
        dialogue = self.aif.get("dialogue")
        self.dialogue: dict[str, Any] = dialogue if isinstance(dialogue, dict) else {}
        self.argument_ids = {a.id for a in amap.arguments}
        wanted = {c.id for c in amap.claims}
        wanted.update(self.argument_ids)
        for relation in amap.relations:
            if relation.data:
                preferred = nonempty(aif_details(relation.data).get("nodeID"))
                if preferred is not None:
                    wanted.add(preferred)
        for key in ("rephrases", "preferences"):
            for record in records(self.aif.get(key)):
                if nonempty(record.get("nodeID")):
                    wanted.add(record["nodeID"])
        for record in records(self.dialogue.get("nodes")):
            if isinstance(record.get("nodeID"), (str, int)):
                wanted.add(str(record["nodeID"]))
        wanted.update([s.locator for c in amap.claims for s in c.sources if s.locator is not None])
        self.parts = Parts(wanted)

    def claims(self) -> None:
        """An I-node for each claim, and its record in the extension."""
        parts, ext, plain = self.parts, self.parts.claim_records, node_tail("I")
        for claim in self.amap.claims:
            claim_id, data = claim.id, claim.data
            parts.node(claim_id, claim.text, _claim_tail(data) if data else plain)
            record = claim_record(claim)
            if record:
                ext[claim_id] = record

    def arguments(self) -> None:
        """An RA-node for each argument, with its edges, and its record in the extension."""
        parts, edges, ext = self.parts, self.parts.edges, self.parts.argument_records
        default = DEFAULT_TEXTS["RA"]
        for argument in self.amap.arguments:
            argument_id, scheme, data = argument.id, argument.scheme, argument.data
            text = scheme if scheme is not None else default
            tail = scheme_tail("RA", text, aif_details(data)) if data else bare_tail("RA", text)
            parts.node(argument_id, text, tail)
            for premise in argument.premises:
                edges.append((premise, argument_id))
            if argument.conclusion is not None:
                edges.append((argument_id, argument.conclusion))
            record = argument_record(argument, text)
            if record:
                ext[argument_id] = record

    def relations(self) -> None:
        """A scheme node for each relation (two for a contradiction), with its edges."""
        parts, ext, edges = self.parts, self.parts.relation_records, self.parts.edges
        support, contradiction = RelationKind.SUPPORT, RelationKind.CONTRADICTION
        attack, arguments = RelationKind.ATTACK, self.argument_ids
        for relation in self.amap.relations:
            kind, data = relation.kind, relation.data
            node_kind = "RA" if kind is support else "CA"
            details = aif_details(data) if data else {}
            if details:
                node_id = parts.own_id(details.get("nodeID"))
                text = nonempty(details.get("text")) or DEFAULT_TEXTS[node_kind]
                tail = scheme_tail(node_kind, text, details)
            else:
                node_id, text = parts.new_id(), DEFAULT_TEXTS[node_kind]
                tail = bare_tail(node_kind, text)
            parts.node(node_id, text, tail)
            edges.append((relation.origin, node_id))
            edges.append((node_id, relation.target))
            # The record names the kind where the node's type and ends do not tell it (a CA-node
            # into an argument reads as an undercut), and holds the data.
            if (
                kind is support
                or kind is contradiction
                or (kind is attack and relation.target in arguments)
            ):
                record: str | None = relation_record(kind.value, data)
            else:
                record = relation_record(None, data) if data else None
            if record is not None:
                ext[node_id] = record
            if kind is contradiction:  # the same, the other way round
                back = parts.new_id()
                parts.node(
                    back,
                    text,
                    scheme_tail(
                        node_kind, text, {k: v for k, v in details.items() if k != "nodeID"}
                    ),
                )
                edges.append((relation.target, back))
                edges.append((back, relation.origin))
                if record is not None:
                    ext[back] = record

    def scheme_records(self) -> None:
        """The MA- and PA-nodes kept from an AIF reading, with the edges to their ends."""
        parts = self.parts
        start = len(parts.edges)
        for key, kind in (("rephrases", "MA"), ("preferences", "PA")):
            for record in records(self.aif.get(key)):
                node_id = nonempty(record.get("nodeID"))
                if node_id is None or node_id in parts.ids:
                    continue
                text = record.get("text")
                text = text if isinstance(text, str) else DEFAULT_TEXTS[kind]
                parts.node(node_id, text, scheme_tail(kind, text, record))
                ends = record.get("from")
                for end in ends if isinstance(ends, list) else []:
                    if isinstance(end, str):
                        parts.edges.append((end, node_id))
                ends = record.get("to")
                for end in ends if isinstance(ends, list) else []:
                    if isinstance(end, str):
                        parts.edges.append((node_id, end))
        parts.unchecked = range(start, len(parts.edges))

    def document(self) -> str:
        """The whole document as text."""
        self.claims()
        self.arguments()
        self.relations()
        self.scheme_records()
        parts = self.parts
        dialogue = write_dialogue(parts, self.amap.claims, self.dialogue)
        kept_edges = dialogue.edges
        edge_ids = free_ids(
            {str(e.get("edgeID")) for e in kept_edges if e.get("edgeID") not in (None, "")}
        )
        written = parts.checked_edges()
        # Edge ids are digits: JSON text as they are.
        edges = [
            f'{{"edgeID": "{number}", "fromID": {string(origin)}, "toID": {string(target)}}}'
            for (origin, target), number in zip(written, edge_ids, strict=False)  # ids: endless
        ]
        if kept_edges:
            node_ids, seen = parts.ids, set(written)
            for edge in kept_edges:
                origin, target = str(edge.get("fromID")), str(edge.get("toID"))
                if origin in node_ids and target in node_ids and (origin, target) not in seen:
                    seen.add((origin, target))
                    edge_id = edge.get("edgeID")
                    kept: dict[str, Any] = {
                        "edgeID": edge_id if edge_id not in (None, "") else next(edge_ids),
                        "fromID": origin,
                        "toID": target,
                    }
                    if edge.get("formEdgeID") is not None:
                        kept["formEdgeID"] = edge["formEdgeID"]
                    edges.append(kept_lines(kept, "edgeID"))
        tail = ""
        if dialogue.participants:
            tail += ",\n" + list_lines("participants", dialogue.participants, "participantID")
        text = self.aif.get("text")
        if isinstance(text, str):
            tail += f',\n  "text": {encode(text)}'
        tail += f',\n  "{EXTENSION_KEY}": {self.extension()}\n}}\n'
        locutions = [object_lines(parts.locutions, "nodeID")] if parts.locutions else []
        return joined(
            "{\n", (("nodes", parts.nodes), ("edges", edges), ("locutions", locutions)), tail
        )

    def extension(self) -> str:
        """The ``argmapExtension`` object: the map's own fields, and the elements' records."""
        amap = self.amap
        meta: dict[str, Any] = {"title": amap.title}
        if amap.description is not None:
            meta["description"] = amap.description
        if amap.authors:
            meta["authors"] = list(amap.authors)
        if amap.date is not None:
            meta["date"] = amap.date
        if amap.data:
            meta["data"] = amap.data
        if amap.sections:
            meta["sections"] = [
                {
                    k: v
                    for k, v in (
                        ("id", s.id),
                        ("title", s.title),
                        ("parent", s.parent),
                        ("data", s.data or None),
                    )
                    if v is not None
                }
                for s in amap.sections
            ]
        lines = [f'{{\n    "version": {EXTENSION_VERSION}', f'    "map": {encode(meta)}']
        parts = self.parts
        for key, table in (
            ("claims", parts.claim_records),
            ("arguments", parts.argument_records),
            ("relations", parts.relation_records),
        ):
            if not table:
                lines.append(f'    "{key}": {{}}')
                continue
            body = ",\n      ".join([f"{string(k)}: {v}" for k, v in table.items()])
            lines.append(f'    "{key}": {{\n      {body}\n    }}')
        return ",\n".join(lines) + "\n  }"


def dumps(amap: ArgumentMap) -> str:
    """Return ``amap`` as AIF JSON text (AIFdb layout plus argmap's extension block)."""
    return _Writer(amap).document()


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """Return ``amap`` as an AIF document (a dict with ``nodes``, ``edges``, ``locutions``)."""
    result: dict[str, Any] = json.loads(dumps(amap))
    return result


__all__ = ["dumps", "to_aif"]
