"""Write argument maps as AIF JSON (the AIFdb layout), for AIFdb, OVA and arguebuf.

Every claim becomes an I-node, every argument an RA-node between its premises and its
conclusion, every attack and undercut a CA-node, every support relation an RA-node of its own,
every contradiction two CA-nodes (one each way); rephrases and preferences kept from an AIF
reading come back as MA- and PA-nodes. Each source of a claim becomes a locution: an L-node
``"Speaker : quote"`` (its id is the source's locator when that is free), a YA-node
("Asserting") from it to the claim, and a record in ``locutions`` with the speaker's
participant id and the time. What AIF has no field for (titles, positions, tags, sections,
verdicts, free data, the exact kind of a relation) goes into one extra top-level object,
``argmapExtension``, which other tools ignore and argmap reads back, so that writing a map and
reading it again gives an equal map.

The output is deterministic: one node, edge or record per line, keys in AIFdb's order, UTF-8
text as it is.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from argmap.jsonformat import paused_gc, source_to_dict
from argmap.model import Argument, ArgumentMap, JSONValue, RelationKind, Source
from argmap_aif.common import (
    DATA_KEY,
    DEFAULT_SCHEME_IDS,
    DEFAULT_TEXTS,
    EXTENSION_KEY,
    EXTENSION_VERSION,
    iso_date,
    participant_name,
    scheme_of,
    source_from_locution,
    split_name,
)

_WEB = ("http://", "https://")

_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode
_dump_item = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, check_circular=False, separators=(", ", ": ")
).encode
"""Encodes one node, edge or record exactly as it reads inside a list encoded in one call."""
_string: Callable[[str], str] = json.encoder.encode_basestring
"""A string as JSON text, as the encoders above write it (the C function, not ASCII-only)."""


def _aif(data: Mapping[str, JSONValue]) -> Mapping[str, Any]:
    value = data.get(DATA_KEY)
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _free_ids(taken: set[str]) -> Iterator[str]:
    """Node (or edge) ids that no wanted id uses: "1", "2", ... (digits: JSON as they are)."""
    # All in C (no generator frame): a map of 100,000 claims asks for some 400,000 ids.
    return itertools.filterfalse(taken.__contains__, map(str, itertools.count(1)))


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.nodes: list[str] = []  # each node encoded as JSON
        self.edges: list[tuple[str, str]] = []  # (from, to)
        # Whether some edge may name a node that is not written, or repeat another edge: the
        # edges made from claims, arguments, relations and sources never do.
        self.check_edges = False
        self.l_texts: dict[str, tuple[Any, Any]] = {}  # L-node -> its text and timestamp
        self.locutions: list[dict[str, Any]] = []
        self.node_ids: dict[str, str] = {}  # node id -> the id as JSON text
        aif = _aif(amap.data)
        dialogue = aif.get("dialogue")
        self.dialogue: Mapping[str, Any] = dialogue if isinstance(dialogue, dict) else {}
        wanted: set[str] = {c.id for c in amap.claims}
        wanted.update(a.id for a in amap.arguments)
        for relation in amap.relations:
            preferred = _str(_aif(relation.data).get("nodeID"))
            if preferred is not None:
                wanted.add(preferred)
        for key in ("rephrases", "preferences"):
            for record in self._records(aif.get(key)):
                if _str(record.get("nodeID")):
                    wanted.add(record["nodeID"])
        for record in self._records(self.dialogue.get("nodes")):
            if isinstance(record.get("nodeID"), (str, int)):
                wanted.add(str(record["nodeID"]))
        for claim in amap.claims:
            for source in claim.sources:
                if source.locator is not None:
                    wanted.add(source.locator)
        self.new_id = _free_ids(wanted).__next__
        self.ext_claims: dict[str, dict[str, Any]] = {}
        self.ext_arguments: dict[str, dict[str, Any]] = {}
        self.ext_relations: dict[str, dict[str, Any]] = {}

    @staticmethod
    def _records(value: Any) -> Iterator[dict[str, Any]]:
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield item

    def add_node(self, node_id: str, text: str, kind: str, details: Mapping[str, Any]) -> None:
        """Add a node ``{"nodeID", "text", "type", "timestamp"?, "scheme"?, "schemeID"?}``."""
        encoded = _string(node_id)
        line = f'{{"nodeID": {encoded}, "text": {_string(text)}, "type": "{kind}"'
        if details:
            timestamp = _str(details.get("timestamp"))
            if timestamp is not None:
                line += f', "timestamp": {_string(timestamp)}'
        if kind in DEFAULT_TEXTS:
            scheme = (_str(details.get("scheme")) if details else None) or text
            line += f', "scheme": {_string(scheme)}'
            scheme_id = details.get("schemeID") if details else None
            if isinstance(scheme_id, (str, int)) and not isinstance(scheme_id, bool):
                line += f', "schemeID": {_string(str(scheme_id))}'
            elif text == DEFAULT_TEXTS[kind]:
                line += f', "schemeID": "{DEFAULT_SCHEME_IDS[kind]}"'
        self.nodes.append(line + "}")
        self.node_ids[node_id] = encoded

    def own_id(self, preferred: Any) -> str:
        """``preferred`` if it is a free id, else a new one."""
        if isinstance(preferred, str) and preferred and preferred not in self.node_ids:
            return preferred
        return self.new_id()

    # -- the argument layer ---------------------------------------------------------------

    def claims(self) -> None:
        for claim in self.amap.claims:
            self.add_node(claim.id, claim.text, "I", _aif(claim.data))
            record: dict[str, Any] = {}
            if claim.title is not None:
                record["title"] = claim.title
            if claim.is_position:
                record["position"] = True
            if claim.holder is not None:
                record["holder"] = claim.holder
            if claim.tags:
                record["tags"] = list(claim.tags)
            if claim.section is not None:
                record["section"] = claim.section
            if claim.verdict is not None:
                record["verdict"] = claim.verdict.value
            if claim.data:
                record["data"] = claim.data
            if record:
                self.ext_claims[claim.id] = record

    def arguments(self) -> None:
        for argument in self.amap.arguments:
            details = _aif(argument.data)
            text = argument.scheme if argument.scheme is not None else DEFAULT_TEXTS["RA"]
            self.add_node(argument.id, text, "RA", details)
            for premise in argument.premises:
                self.edges.append((premise, argument.id))
            if argument.conclusion is not None:
                self.edges.append((argument.id, argument.conclusion))
            record = self._argument_record(argument, text)
            if record:
                self.ext_arguments[argument.id] = record

    @staticmethod
    def _argument_record(argument: Argument, text: str) -> dict[str, Any]:
        record: dict[str, Any] = {}
        for key, value in (
            ("title", argument.title),
            ("gist", argument.gist),
            ("section", argument.section),
        ):
            if value is not None:
                record[key] = value
        if scheme_of(text) != argument.scheme:
            record["scheme"] = argument.scheme
        if argument.tags:
            record["tags"] = list(argument.tags)
        if argument.sources:
            record["sources"] = [source_to_dict(s) for s in argument.sources]
        if argument.data:
            record["data"] = argument.data
        return record

    def relations(self) -> None:
        arguments = {a.id for a in self.amap.arguments}
        for relation in self.amap.relations:
            details = _aif(relation.data)
            node_id = self.own_id(details.get("nodeID"))
            record: dict[str, Any] = {}
            if relation.kind is RelationKind.SUPPORT:
                kind = "RA"
                record["kind"] = relation.kind.value
            else:
                kind = "CA"
                if relation.kind is RelationKind.CONTRADICTION or (
                    relation.kind is RelationKind.ATTACK and relation.target in arguments
                ):
                    record["kind"] = relation.kind.value
            text = _str(details.get("text")) or DEFAULT_TEXTS[kind]
            self.add_node(node_id, text, kind, details)
            self.edges.append((relation.origin, node_id))
            self.edges.append((node_id, relation.target))
            if relation.data:
                record["data"] = relation.data
            if record:
                self.ext_relations[node_id] = record
            if relation.kind is RelationKind.CONTRADICTION:
                back = self.new_id()
                self.add_node(back, text, kind, {k: v for k, v in details.items() if k != "nodeID"})
                self.edges.append((relation.target, back))
                self.edges.append((back, relation.origin))
                self.ext_relations[back] = record

    def scheme_records(self) -> None:
        aif = _aif(self.amap.data)
        for key, kind in (("rephrases", "MA"), ("preferences", "PA")):
            for record in self._records(aif.get(key)):
                node_id = _str(record.get("nodeID"))
                if node_id is None or node_id in self.node_ids:
                    continue
                text = record.get("text")
                self.add_node(
                    node_id, text if isinstance(text, str) else DEFAULT_TEXTS[kind], kind, record
                )
                for end in record.get("from", []) if isinstance(record.get("from"), list) else []:
                    if isinstance(end, str):
                        self.edges.append((end, node_id))
                        self.check_edges = True
                for end in record.get("to", []) if isinstance(record.get("to"), list) else []:
                    if isinstance(end, str):
                        self.edges.append((node_id, end))
                        self.check_edges = True

    # -- the dialogue layer ---------------------------------------------------------------

    def dialogue_layer(self) -> list[dict[str, Any]]:
        """L-nodes for the sources, YA-nodes anchoring them, and the kept dialogue layer."""
        raw_nodes = [
            r
            for r in self._records(self.dialogue.get("nodes"))
            if isinstance(r.get("nodeID"), (str, int)) and not isinstance(r.get("nodeID"), bool)
        ]
        raw_ids = {str(r["nodeID"]) for r in raw_nodes} - self.node_ids.keys()
        raw_types = {str(r["nodeID"]): str(r.get("type", "")).upper() for r in raw_nodes}
        raw_edges = list(self._records(self.dialogue.get("edges")))
        # Which (L, I) pairs a kept YA-node already joins.
        ya_in: dict[str, list[str]] = {}
        ya_out: dict[str, list[str]] = {}
        for edge in raw_edges:
            origin, target = str(edge.get("fromID")), str(edge.get("toID"))
            if raw_types.get(target) == "YA":
                ya_in.setdefault(target, []).append(origin)
            if raw_types.get(origin) == "YA":
                ya_out.setdefault(origin, []).append(target)
        anchored = {
            (lnode, claim)
            for ya, ins in ya_in.items()
            if ya in raw_ids
            for lnode in ins
            for claim in ya_out.get(ya, ())
        }
        kept_locutions = {
            str(r.get("nodeID")): r for r in self._records(self.dialogue.get("locutions"))
        }
        participants = list(self._records(self.dialogue.get("participants")))
        person_of: dict[str, str] = {}
        pids: set[str] = set()
        for record in participants:
            pid = record.get("participantID")
            name = participant_name(record)
            if isinstance(pid, (str, int)):
                pids.add(str(pid))
                if name is not None:
                    person_of.setdefault(name, str(pid))
        names: dict[str, str] = {}  # participant id -> name, as written
        for record in participants:
            pid = record.get("participantID")
            name = participant_name(record)
            if isinstance(pid, (str, int)) and name is not None:
                names.setdefault(str(pid), name)
        next_pid = 0
        l_nodes: dict[str, Source] = {}
        generated: dict[str, list[str]] = {}  # claim -> L-nodes anchored by new YA-nodes
        node_ids, nodes, edges = self.node_ids, self.nodes, self.edges
        for claim in self.amap.claims:
            if not claim.sources:
                continue
            mine = generated[claim.id] = []
            for source in claim.sources:
                lnode = source.locator
                if lnode and lnode not in node_ids and lnode not in raw_ids:
                    self._locution(lnode, source, kept_locutions, person_of)
                    l_nodes[lnode] = source
                elif lnode and l_nodes.get(lnode) == source:
                    pass  # the same locution anchors another claim
                else:
                    lnode = self.new_id()
                    self._locution(lnode, source, kept_locutions, person_of)
                    l_nodes[lnode] = source
                if source.speaker is not None and source.speaker not in person_of:
                    while True:
                        next_pid += 1
                        if str(next_pid) not in pids:
                            break
                    person_of[source.speaker] = str(next_pid)
                    pids.add(str(next_pid))
                    first, last = split_name(source.speaker)
                    participants.append(
                        {"participantID": str(next_pid), "firstname": first, "surname": last}
                    )
                    written = participant_name(participants[-1])
                    if written is not None:
                        names[str(next_pid)] = written
                if lnode not in mine and (not anchored or (lnode, claim.id) not in anchored):
                    ya = self.new_id()
                    nodes.append(f'{{"nodeID": "{ya}", "text": "Asserting", "type": "YA"}}')
                    node_ids[ya] = f'"{ya}"'
                    edges.append((lnode, ya))
                    edges.append((ya, claim.id))
                    mine.append(lnode)
        for record in self.locutions:
            speaker = record.pop("_speaker", None)
            if speaker is not None:
                record["personID"] = person_of[speaker]
        for record in raw_nodes:
            node_id = str(record["nodeID"])
            if node_id in self.node_ids:
                continue
            line = _nested_lines(_dump_item(dict(record, nodeID=node_id)), "nodeID")
            if line.startswith('{"nodeID": ') or not self.nodes:
                self.nodes.append(line)
            else:  # a kept record may list its nodeID later: then it shares the line before it
                self.nodes[-1] += ", " + line
            self.node_ids[node_id] = _string(node_id)
            if record.get("type") == "L":
                self.l_texts[node_id] = (record.get("text"), record.get("timestamp"))
            if node_id in kept_locutions and raw_types.get(node_id) == "L":
                self.locutions.append(dict(kept_locutions[node_id], nodeID=node_id))
        self.raw_edges = raw_edges
        self._check_sources(generated, raw_nodes, raw_types, ya_in, ya_out, names)
        return participants

    def _check_sources(
        self,
        generated: Mapping[str, list[str]],
        raw_nodes: list[dict[str, Any]],
        raw_types: Mapping[str, str],
        ya_in: Mapping[str, list[str]],
        ya_out: Mapping[str, list[str]],
        names: Mapping[str, str],
    ) -> None:
        """Keep a claim's sources in the extension unless the locutions give them back exactly.

        This reads the written dialogue layer as the reader will: new YA-nodes first, in
        order, then the kept ones.
        """
        l_texts = self.l_texts
        records = {r["nodeID"]: r for r in self.locutions}
        derived_cache: dict[str, Source] = {}

        def derive(lnode: str) -> Source:
            if lnode not in derived_cache:
                text, stamp = l_texts[lnode]
                record = records.get(lnode)
                pid = record.get("personID") if record is not None else None
                speaker = names.get(str(pid)) if pid is not None else None
                derived_cache[lnode] = source_from_locution(
                    lnode,
                    text if isinstance(text, str) else "",
                    stamp if isinstance(stamp, str) and stamp else None,
                    record,
                    speaker,
                )[0]
            return derived_cache[lnode]

        found: dict[str, list[Source]] = {}
        raw_anchored: set[str] = set()
        for record in raw_nodes:
            ya = str(record["nodeID"])
            if raw_types.get(ya) == "YA" and ya in self.node_ids:
                raw_anchored.update(ya_out.get(ya, ()))
        slow: set[str] = set()
        lost: set[str] = set()
        for claim in self.amap.claims:
            if claim.sources and any(s.locator is None for s in claim.sources):
                # Every source read back has its L-node as locator: these cannot come back.
                lost.add(claim.id)
            elif claim.id in raw_anchored or (
                claim.sources
                and not self._simple(claim.sources, generated.get(claim.id, []), records, names)
            ):
                slow.add(claim.id)
        if not slow and not lost:
            return
        for claim_id, lnodes in generated.items():
            if claim_id in slow:
                found[claim_id] = [derive(lnode) for lnode in lnodes]
        for record in raw_nodes:
            ya = str(record["nodeID"])
            if raw_types.get(ya) != "YA" or ya not in self.node_ids:
                continue
            for lnode in ya_in.get(ya, ()):
                if lnode not in l_texts:
                    continue
                for claim_id in ya_out.get(ya, ()):
                    listed = found.setdefault(claim_id, [])
                    source = derive(lnode)
                    if source not in listed:
                        listed.append(source)
        for claim in self.amap.claims:
            if claim.id in lost or (
                claim.id in slow and list(claim.sources) != found.get(claim.id, [])
            ):
                self.ext_claims.setdefault(claim.id, {})["sources"] = [
                    source_to_dict(s) for s in claim.sources
                ]

    @staticmethod
    def _simple(
        sources: tuple[Source, ...],
        lnodes: list[str],
        records: Mapping[str, Mapping[str, Any]],
        names: Mapping[str, str],
    ) -> bool:
        """Whether new locutions give these sources back exactly (the common, fast case)."""
        if len(lnodes) != len(sources) or (len(sources) > 1 and len(set(sources)) != len(sources)):
            return False
        for source, lnode in zip(sources, lnodes, strict=True):
            if source.locator != lnode or source.quote is None:
                return False
            if source.speaker is None:
                if source.quote.find(" : ") > 0:
                    return False
            else:
                record = records.get(lnode)
                pid = record.get("personID") if record is not None else None
                if pid is None or names.get(str(pid)) != source.speaker:
                    return False
            date = source.date
            if date is not None and (date != date.strip() or not iso_date(date)):
                return False
            url, document = source.url, source.document
            if url is not None and (document is not None or not url.startswith(_WEB)):
                return False
            if document is not None and (not document or document.startswith(_WEB)):
                return False
        return True

    def _locution(
        self,
        lnode: str,
        source: Source,
        kept: Mapping[str, Mapping[str, Any]],
        person_of: Mapping[str, str],
    ) -> None:
        quote = source.quote if source.quote is not None else ""
        text = f"{source.speaker} : {quote}" if source.speaker is not None else quote
        encoded = _string(lnode)
        line = f'{{"nodeID": {encoded}, "text": {_string(text)}, "type": "L"'
        if source.date is not None:
            line += f', "timestamp": {_string(source.date)}'
        self.nodes.append(line + "}")
        self.node_ids[lnode] = encoded
        self.l_texts[lnode] = (text, source.date)
        record: dict[str, Any] = {"nodeID": lnode}
        base = kept.get(lnode)
        if base is not None:
            record.update(base)
            record["nodeID"] = lnode
        record["personID"] = None
        if source.speaker is not None:
            record["_speaker"] = source.speaker  # the participant id is settled later
        record["start"] = source.date
        origin = source.url if source.url is not None else source.document
        if origin is not None or "source" in record:
            record["source"] = origin
        self.locutions.append(record)

    # -- the document ---------------------------------------------------------------------

    def document(self) -> str:
        self.claims()
        self.arguments()
        self.relations()
        self.scheme_records()
        participants = self.dialogue_layer()
        new_edge_id = _free_ids(
            {str(e.get("edgeID")) for e in self.raw_edges if e.get("edgeID") not in (None, "")}
        ).__next__
        node_ids = self.node_ids
        edges: list[str]
        seen: set[tuple[str, str]] = set()
        if not self.check_edges and not self.raw_edges:
            # The common case: every edge is new and joins written nodes. An f-string in a
            # comprehension formats the 400,000 edges of a 100,000-claim map in 0.3 s where
            # str.format over map() took 0.55 s (the text is _EDGE's).
            edges = [
                f'{{"edgeID": "{number}", "fromID": {node_ids[origin]}, '
                f'"toID": {node_ids[target]}}}'
                for number, (origin, target) in enumerate(self.edges, 1)
            ]
        else:
            edges = []
            for pair in self.edges:
                origin, target = pair
                if origin in node_ids and target in node_ids and pair not in seen:
                    seen.add(pair)
                    edges.append(_EDGE.format(node_ids[origin], node_ids[target], new_edge_id()))
        for edge in self.raw_edges:
            origin, target = str(edge.get("fromID")), str(edge.get("toID"))
            if origin in node_ids and target in node_ids and (origin, target) not in seen:
                seen.add((origin, target))
                edge_id = edge.get("edgeID")
                raw = {
                    "edgeID": edge_id if edge_id not in (None, "") else new_edge_id(),
                    "fromID": origin,
                    "toID": target,
                }
                if edge.get("formEdgeID") is not None:
                    raw["formEdgeID"] = edge["formEdgeID"]
                edges.append(_nested_lines(_dump_item(raw), "edgeID"))
        parts = ["{\n"]
        _lines(parts, "nodes", self.nodes)
        parts.append(",\n")
        _lines(parts, "edges", edges)
        parts.append(",\n" + _list("locutions", self.locutions, "nodeID"))
        if participants:
            parts.append(",\n" + _list("participants", participants, "participantID"))
        text = _aif(self.amap.data).get("text")
        if isinstance(text, str):
            parts.append(f',\n  "text": {_encode(text)}')
        parts.append(f',\n  "{EXTENSION_KEY}": {self.extension()}')
        parts.append("\n}\n")
        return "".join(parts)

    def extension(self) -> str:
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
        lines = [f'{{\n    "version": {EXTENSION_VERSION}', f'    "map": {_encode(meta)}']
        for key, table in (
            ("claims", self.ext_claims),
            ("arguments", self.ext_arguments),
            ("relations", self.ext_relations),
        ):
            if not table:
                lines.append(f'    "{key}": {{}}')
                continue
            body = ",\n      ".join(f"{_encode(k)}: {_encode(v)}" for k, v in table.items())
            lines.append(f'    "{key}": {{\n      {body}\n    }}')
        return ",\n".join(lines) + "\n  }"


_EDGE = '{{"edgeID": "{2}", "fromID": {0}, "toID": {1}}}'
"""An edge; its ends as JSON text, its id digits."""

_dump_list = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, check_circular=False, separators=(", ", ": ")
).encode


def _list(key: str, items: list[dict[str, Any]], first: str) -> str:
    """``items`` one per line, encoded in one call of the C encoder."""
    if not items:
        return f'  "{key}": []'
    return _lines_of(key, _dump_list(items)[1:-1], first)


def _lines(parts: list[str], key: str, lines: list[str]) -> None:
    """Add the list ``key`` of objects already encoded, one line each, to ``parts``.

    Each line reads as :func:`_list` would write its object (see :func:`_nested_lines`); the
    list is joined once, straight into the document's parts.
    """
    if not lines:
        parts.append(f'  "{key}": []')
        return
    parts.extend((f'  "{key}": [\n    ', ",\n    ".join(lines), "\n  ]"))


def _nested_lines(item: str, first: str) -> str:
    """An object encoded by :data:`_dump_item`, line breaks added as :func:`_lines_of` does.

    Kept records can hold any JSON, objects nested in lists too; their lines must read as
    when the whole list was encoded at once.
    """
    return item.replace(f'}}, {{"{first}": ', f'}},\n    {{"{first}": ')


def _lines_of(key: str, body: str, first: str) -> str:
    """A list of objects from its encoded items, ``", "``-separated, one per line.

    A JSON string cannot hold an unescaped quote, so ``}, {"<first>": `` occurs only between
    two objects; a line break there (or, harmlessly, between nested objects) is whitespace.
    """
    body = body.replace(f'}}, {{"{first}": ', f'}},\n    {{"{first}": ')
    return f'  "{key}": [\n    {body}\n  ]'


def dumps(amap: ArgumentMap) -> str:
    """Return ``amap`` as AIF JSON text (AIFdb layout plus argmap's extension block)."""
    # Many small objects, no cycles: the collector would only slow writing down.
    with paused_gc():
        return _Writer(amap).document()


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """Return ``amap`` as an AIF document (a dict with ``nodes``, ``edges``, ``locutions``)."""
    result: dict[str, Any] = json.loads(dumps(amap))
    return result


__all__ = ["dumps", "to_aif"]
