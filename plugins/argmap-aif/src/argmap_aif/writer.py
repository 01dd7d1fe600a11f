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
import re
from collections.abc import Callable, Iterator, Mapping
from operator import attrgetter
from typing import Any

from argmap.core.collector import paused_gc
from argmap.model import Argument, ArgumentMap, Claim, JSONValue, RelationKind, Source
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

_slow_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode
_string: Callable[[str], str] = json.encoder.encode_basestring
"""A string as JSON text, as the encoders write it (the C function, not ASCII-only)."""


def _encoder() -> Callable[[Any], str]:
    """``_slow_encode``, calling CPython's C encoder directly where there is one.

    ``JSONEncoder.encode`` makes a new C encoder and two Python calls for every value; the
    writer encodes one or two small values per claim, so that overhead was a tenth of the time.
    The output is the same (``", "`` and ``": "`` separate, as inside a list encoded at once).
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - Pythons without the C accelerator
        return _slow_encode

    def default(value: Any) -> Any:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    fast = make(None, default, _string, None, ": ", ", ", False, False, False)

    def encode(value: Any) -> str:
        if isinstance(value, str):
            return _string(value)
        return "".join(fast(value, 0))

    return encode


_encode = _encoder()
"""Encodes a value; one node, edge or record reads exactly as inside a list encoded at once."""


_id = attrgetter("id")
_data = attrgetter("data")
_sources = attrgetter("sources")
"""Getters of elements' fields, to gather them over a whole list in C."""


_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\]')
"""A character that :data:`_string` escapes (it writes every other one as it is)."""


def _aif(data: Mapping[str, JSONValue]) -> Mapping[str, Any]:
    value = data.get(DATA_KEY)
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _free_ids(taken: set[str]) -> Iterator[str]:
    """Node (or edge) ids that no wanted id uses: "1", "2", ... (digits: JSON as they are)."""
    # All in C (no generator frame): a map of 100,000 claims asks for some 400,000 ids.
    return itertools.filterfalse(taken.__contains__, map(str, itertools.count(1)))


_KIND_MEMBER = {kind: f'"kind": "{kind.value}"' for kind in RelationKind}
"""A relation's kind as a member of its extension record (the values need no escaping)."""

_PLAIN_NODE_TAIL = {
    kind: f', "text": "{text}", "type": "{kind}", "scheme": "{text}", '
    f'"schemeID": "{DEFAULT_SCHEME_IDS[kind]}"}}'
    for kind, text in DEFAULT_TEXTS.items()
}
"""What add_node writes after the id of a scheme node with the default text and no details."""


def _said(source: Source) -> str:
    """The text of a source's L-node: ``"Speaker : quote"`` (AIFdb's convention), or the quote."""
    quote = source.quote if source.quote is not None else ""
    return f"{source.speaker} : {quote}" if source.speaker is not None else quote


def _source_json(source: Source) -> str:
    """``_encode(source_to_dict(source))``, written directly (a third of all claims may need it)."""
    speaker, document, date, url, quote, locator = (
        source.speaker,
        source.document,
        source.date,
        source.url,
        source.quote,
        source.locator,
    )
    # Spelled out rather than looped: a comprehension over (key, value) pairs measured 30%
    # slower on the 100,000 sources of benchmarks/aif_speed.py.
    members = []
    if speaker is not None:
        members.append('"speaker": ' + _string(speaker))
    if document is not None:
        members.append('"document": ' + _string(document))
    if date is not None:
        members.append('"date": ' + _string(date))
    if url is not None:
        members.append('"url": ' + _string(url))
    if quote is not None:
        members.append('"quote": ' + _string(quote))
    if locator is not None:
        members.append('"locator": ' + _string(locator))
    return "{" + ", ".join(members) + "}"


def _reads_back(source: Source) -> bool:
    """Whether the reader gets this source's quote, date and origin back from its locution.

    (Its speaker comes back when the participant's name is the speaker; the caller checks.)
    """
    quote, date, url, document = source.quote, source.date, source.url, source.document
    if quote is None or (source.speaker is None and quote.find(" : ") > 0):
        return False
    if date is not None and (date != date.strip() or not iso_date(date)):
        return False
    if url is not None and (document is not None or not url.startswith(_WEB)):
        return False
    return document is None or (document != "" and not document.startswith(_WEB))


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.nodes: list[str] = []  # each node encoded as JSON
        self.edges: list[tuple[str, str]] = []  # (from, to)
        # Whether some edge may name a node that is not written, or repeat another edge: the
        # edges made from claims, arguments, relations and sources never do.
        self.check_edges = False
        self.l_texts: dict[str, tuple[Any, Any]] = {}  # kept L-node -> its text and timestamp
        self.locutions: list[str] = []  # each locution record encoded as JSON
        # kept L-node -> its locution's participant, start and source (None when absent)
        self.locution_facts: dict[str, tuple[Any, Any, Any]] = {}
        # The node ids written so far (each written as _string(id): no need to keep that text)
        self.node_ids: set[str] = set()
        aif = _aif(amap.data)
        dialogue = aif.get("dialogue")
        self.dialogue: Mapping[str, Any] = dialogue if isinstance(dialogue, dict) else {}
        self.argument_ids = set(map(_id, amap.arguments))
        wanted: set[str] = set(map(_id, amap.claims))
        wanted.update(self.argument_ids)
        for data in filter(None, map(_data, amap.relations)):
            preferred = _str(_aif(data).get("nodeID"))
            if preferred is not None:
                wanted.add(preferred)
        for key in ("rephrases", "preferences"):
            for record in self._records(aif.get(key)):
                if _str(record.get("nodeID")):
                    wanted.add(record["nodeID"])
        for record in self._records(self.dialogue.get("nodes")):
            if isinstance(record.get("nodeID"), (str, int)):
                wanted.add(str(record["nodeID"]))
        # The claims with sources (a third of them or fewer, usually)
        self.sourced = list(filter(_sources, amap.claims))
        wanted.update([s.locator for c in self.sourced for s in c.sources if s.locator is not None])
        self.new_id = _free_ids(wanted).__next__
        # The extension's records (id -> the record as a JSON object)
        self.ext_claims: dict[str, str] = {}
        self.ext_arguments: dict[str, str] = {}
        self.ext_relations: dict[str, str] = {}
        # Whether no node id needs escaping: a node's id is either wanted or new (digits)
        self.clean_ids = not _NEEDS_ESCAPE.search("".join(wanted))

    @staticmethod
    def _records(value: Any) -> Iterator[dict[str, Any]]:
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield item

    def add_node(self, node_id: str, text: str, kind: str, details: Mapping[str, Any]) -> None:
        """Add a node ``{"nodeID", "text", "type", "timestamp"?, "scheme"?, "schemeID"?}``."""
        line = f'{{"nodeID": {_string(node_id)}, "text": {_string(text)}, "type": "{kind}"'
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
        self.node_ids.add(node_id)

    def own_id(self, preferred: Any) -> str:
        """``preferred`` if it is a free id, else a new one."""
        if isinstance(preferred, str) and preferred and preferred not in self.node_ids:
            return preferred
        return self.new_id()

    # -- the argument layer ---------------------------------------------------------------

    def claims(self) -> None:
        claims, ext = self.amap.claims, self.ext_claims
        self.node_ids.update(map(_id, claims))
        if any(map(_data, claims)):
            for claim in claims:
                self.add_node(claim.id, claim.text, "I", _aif(claim.data) if claim.data else {})
        else:  # add_node's lines (no details), in one comprehension
            self.nodes.extend(
                [
                    f'{{"nodeID": {_string(c.id)}, "text": {_string(c.text)}, "type": "I"}}'
                    for c in claims
                ]
            )
        for claim in claims:  # the claim's record, as _encode would write it
            claim_id, data = claim.id, claim.data
            title, holder, tags, section = claim.title, claim.holder, claim.tags, claim.section
            if (
                title is None
                and holder is None
                and not tags
                and not data
                and not claim.is_position
                and claim.verdict is None
            ):  # the usual claim: its section alone, if any
                if section is not None:
                    ext[claim_id] = f'{{"section": {_string(section)}}}'
                continue
            record = ""  # its members
            if title is not None:
                record += ', "title": ' + _string(title)
            if claim.is_position:
                record += ', "position": true'
            if holder is not None:
                record += ', "holder": ' + _string(holder)
            if tags:
                record += ', "tags": ' + _encode(tags)
            if section is not None:
                record += ', "section": ' + _string(section)
            if claim.verdict is not None:
                record += ', "verdict": ' + _string(claim.verdict.value)
            if data:
                record += ', "data": ' + _encode(data)
            ext[claim_id] = "{" + record[2:] + "}"

    def arguments(self) -> None:
        nodes, edges, ext = self.nodes, self.edges, self.ext_arguments
        self.node_ids.update(self.argument_ids)
        default, tail = DEFAULT_TEXTS["RA"], _PLAIN_NODE_TAIL["RA"]
        for argument in self.amap.arguments:
            argument_id, data, scheme = argument.id, argument.data, argument.scheme
            text = scheme if scheme is not None else default
            if data:
                self.add_node(argument_id, text, "RA", _aif(data))
            elif scheme is None:
                nodes.append(f'{{"nodeID": {_string(argument_id)}{tail}')
            else:
                self.add_node(argument_id, text, "RA", {})
            for premise in argument.premises:
                edges.append((premise, argument_id))
            if argument.conclusion is not None:
                edges.append((argument_id, argument.conclusion))
            if (
                scheme is not None
                or data
                or argument.title is not None
                or argument.gist is not None
                or argument.section is not None
                or argument.tags
                or argument.sources
            ):
                record = self._argument_record(argument, text)
                if record:
                    ext[argument_id] = record

    @staticmethod
    def _argument_record(argument: Argument, text: str) -> str:
        """The argument's record as _encode would write it, or "" when it has no members."""
        record = ""  # its members
        if argument.title is not None:
            record += ', "title": ' + _string(argument.title)
        if argument.gist is not None:
            record += ', "gist": ' + _string(argument.gist)
        if argument.section is not None:
            record += ', "section": ' + _string(argument.section)
        if argument.scheme is not None and scheme_of(text) != argument.scheme:
            record += ', "scheme": ' + _string(argument.scheme)
        if argument.tags:
            record += ', "tags": ' + _encode(argument.tags)
        if argument.sources:
            record += ', "sources": [' + ", ".join(map(_source_json, argument.sources)) + "]"
        if argument.data:
            record += ', "data": ' + _encode(argument.data)
        return "{" + record[2:] + "}" if record else ""

    def relations(self) -> None:
        arguments, node_ids, ext = self.argument_ids, self.node_ids, self.ext_relations
        nodes, edges, new_id = self.nodes, self.edges, self.new_id
        support, contradiction, attack = (
            RelationKind.SUPPORT,
            RelationKind.CONTRADICTION,
            RelationKind.ATTACK,
        )
        for relation in self.amap.relations:
            data, relation_kind = relation.data, relation.kind
            # The record's kind member, when the node's type and ends do not tell the kind
            if relation_kind is support:
                kind = "RA"
                member = _KIND_MEMBER[support]
            else:
                kind = "CA"
                member = (
                    _KIND_MEMBER[relation_kind]
                    if relation_kind is contradiction
                    or (relation_kind is attack and relation.target in arguments)
                    else ""
                )
            details = _aif(data) if data else {}
            if details:
                node_id = self.own_id(details.get("nodeID"))
                text = _str(details.get("text")) or DEFAULT_TEXTS[kind]
                self.add_node(node_id, text, kind, details)
            else:  # a new id (digits) and the default scheme
                node_id = new_id()
                text = DEFAULT_TEXTS[kind]
                nodes.append(f'{{"nodeID": "{node_id}"{_PLAIN_NODE_TAIL[kind]}')
                node_ids.add(node_id)
            edges.append((relation.origin, node_id))
            edges.append((node_id, relation.target))
            # The record as _encode would write it
            if data:
                ext[node_id] = f'{{{member + ", " if member else ""}"data": {_encode(data)}}}'
            elif member:
                ext[node_id] = "{" + member + "}"
            if relation_kind is contradiction:
                back = new_id()
                self.add_node(back, text, kind, {k: v for k, v in details.items() if k != "nodeID"})
                edges.append((relation.target, back))
                edges.append((back, relation.origin))
                ext[back] = ext[node_id]

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
        raw_ids = {str(r["nodeID"]) for r in raw_nodes} - self.node_ids
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
        l_nodes: dict[str, Source] = {}  # new L-node -> its source
        # claim -> L-nodes anchored by new YA-nodes (for the claims _check_sources may compare)
        generated: dict[str, list[str]] = {}
        # Claims whose sources cannot come back from the locutions (a source without locator:
        # every source read back has its L-node as locator), and claims whose new locutions
        # may not give their sources back exactly (see _check_sources).
        lost: dict[str, Claim] = {}
        inexact: set[str] = set()
        node_ids, nodes, edges, new_id = self.node_ids, self.nodes, self.edges, self.new_id
        for claim in self.sourced:
            sources, claim_id = claim.sources, claim.id
            mine: list[str] = []  # its L-nodes anchored by new YA-nodes
            exact = len(sources) == 1 or len(set(sources)) == len(sources)
            for source in sources:
                lnode = source.locator
                if lnode and lnode not in node_ids and lnode not in raw_ids:
                    fresh = True
                elif lnode and l_nodes.get(lnode) == source:
                    fresh = False  # the same locution anchors another claim
                else:
                    lnode = new_id()  # never a locator: those are all wanted ids
                    fresh = True
                speaker = source.speaker
                if speaker is not None and speaker not in person_of:
                    while True:
                        next_pid += 1
                        if str(next_pid) not in pids:
                            break
                    person_of[speaker] = str(next_pid)
                    pids.add(str(next_pid))
                    first, last = split_name(speaker)
                    participants.append(
                        {"participantID": str(next_pid), "firstname": first, "surname": last}
                    )
                    written = participant_name(participants[-1])
                    if written is not None:
                        names[str(next_pid)] = written
                if fresh:
                    person = person_of[speaker] if speaker is not None else None
                    self._locution(lnode, source, kept_locutions, person)
                    l_nodes[lnode] = source
                if lnode not in mine and (not anchored or (lnode, claim_id) not in anchored):
                    ya = new_id()
                    nodes.append(f'{{"nodeID": "{ya}", "text": "Asserting", "type": "YA"}}')
                    node_ids.add(ya)
                    edges.append((lnode, ya))
                    edges.append((ya, claim_id))
                    mine.append(lnode)
                    # The reader takes this locution's source back as it is when its L-node
                    # is the locator, and its text, speaker, date and origin read back alike.
                    exact = (
                        exact
                        and lnode == source.locator
                        and _reads_back(source)
                        and (speaker is None or names.get(person_of[speaker]) == speaker)
                    )
                else:
                    exact = False
                if source.locator is None:
                    lost[claim_id] = claim
            # Only the claims that _check_sources may compare need their L-nodes listed
            if not exact and claim_id not in lost:
                inexact.add(claim_id)
                generated[claim_id] = mine
            elif raw_nodes:
                generated[claim_id] = mine
        for record in raw_nodes:
            node_id = str(record["nodeID"])
            if node_id in self.node_ids:
                continue
            _add_line(self.nodes, _nested_lines(_encode(dict(record, nodeID=node_id)), "nodeID"))
            self.node_ids.add(node_id)
            if record.get("type") == "L":
                self.l_texts[node_id] = (record.get("text"), record.get("timestamp"))
            if node_id in kept_locutions and raw_types.get(node_id) == "L":
                kept = dict(kept_locutions[node_id], nodeID=node_id)
                _add_line(self.locutions, _nested_lines(_encode(kept), "nodeID"))
                self.locution_facts[node_id] = (
                    kept.get("personID"),
                    kept.get("start"),
                    kept.get("source"),
                )
        self.raw_edges = raw_edges
        self._check_sources(
            generated, l_nodes, lost, inexact, person_of, raw_nodes, raw_types, ya_in, ya_out, names
        )
        return participants

    def _check_sources(
        self,
        generated: Mapping[str, list[str]],
        l_nodes: Mapping[str, Source],
        lost: Mapping[str, Claim],
        inexact: set[str],
        person_of: Mapping[str, str],
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
        facts = self.locution_facts
        derived_cache: dict[str, Source] = {}

        def derive(lnode: str) -> Source:
            if lnode not in derived_cache:
                text: Any
                stamp: Any
                source = l_nodes.get(lnode)
                if source is not None:  # a new locution: see _locution
                    text = _said(source)
                    stamp = start = source.date
                    origin = source.url if source.url is not None else source.document
                    speaker = source.speaker
                    pid = person_of[speaker] if speaker is not None else None
                else:
                    text, stamp = l_texts[lnode]
                    pid = start = origin = None
                    if lnode in facts:
                        pid, start, origin = facts[lnode]
                derived_cache[lnode] = source_from_locution(
                    lnode,
                    text if isinstance(text, str) else "",
                    stamp if isinstance(stamp, str) and stamp else None,
                    {"start": start, "source": origin},
                    names.get(str(pid)) if pid is not None else None,
                )[0]
            return derived_cache[lnode]

        found: dict[str, list[Source]] = {}
        raw_anchored: set[str] = set()
        for record in raw_nodes:
            ya = str(record["nodeID"])
            if raw_types.get(ya) == "YA" and ya in self.node_ids:
                raw_anchored.update(ya_out.get(ya, ()))
        slow = inexact - lost.keys()
        if raw_anchored:
            slow.update(c.id for c in self.amap.claims if c.id in raw_anchored and c.id not in lost)
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
                if lnode not in l_texts and lnode not in l_nodes:
                    continue
                for claim_id in ya_out.get(ya, ()):
                    listed = found.setdefault(claim_id, [])
                    source = derive(lnode)
                    if source not in listed:
                        listed.append(source)
        # In the map's order: lost claims alone when no claim is slow (the usual case)
        checked = (
            [c for c in self.amap.claims if c.id in lost or c.id in slow] if slow else lost.values()
        )
        for claim in checked:
            claim_id = claim.id
            if claim_id in lost or list(claim.sources) != found.get(claim_id, []):
                sources = "[" + ", ".join(map(_source_json, claim.sources)) + "]"
                written = self.ext_claims.get(claim_id)
                self.ext_claims[claim_id] = (
                    f'{{"sources": {sources}}}'
                    if written is None
                    else f'{written[:-1]}, "sources": {sources}}}'
                )

    def _locution(
        self,
        lnode: str,
        source: Source,
        kept: Mapping[str, Mapping[str, Any]],
        person: str | None,
    ) -> None:
        """Add the L-node and the locution record of a source (``person``: its participant)."""
        date = source.date
        encoded = _string(lnode)
        line = f'{{"nodeID": {encoded}, "text": {_string(_said(source))}, "type": "L"'
        if date is not None:
            line += f', "timestamp": {_string(date)}'
        self.nodes.append(line + "}")
        self.node_ids.add(lnode)
        origin = source.url if source.url is not None else source.document
        base = kept.get(lnode) if kept else None
        if base is None:  # the record _encode would write, written in place
            line = (
                f'{{"nodeID": {encoded}, '
                f'"personID": {_string(person) if person is not None else "null"}, '
                f'"start": {_string(date) if date is not None else "null"}'
            )
            if origin is not None:
                line += f', "source": {_string(origin)}'
            self.locutions.append(line + "}")
            return
        record: dict[str, Any] = {"nodeID": lnode}
        record.update(base)
        record["nodeID"] = lnode
        record["personID"] = person
        record["start"] = date
        if origin is not None or "source" in record:
            record["source"] = origin
        self.locutions.append(_nested_lines(_encode(record), "nodeID"))

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
        if not self.check_edges and not self.raw_edges and self.clean_ids:
            # The common case: every edge is new and joins written nodes, and no node id needs
            # escaping, so each is its JSON text between quotes. An f-string in a comprehension
            # formats the 400,000 edges of a 100,000-claim map in 0.15 s; encoding each end
            # instead (below) takes several times longer, and str.format over map() more.
            edges = [
                f'{{"edgeID": "{number}", "fromID": "{origin}", "toID": "{target}"}}'
                for number, (origin, target) in enumerate(self.edges, 1)
            ]
        elif not self.check_edges and not self.raw_edges:
            edges = [
                f'{{"edgeID": "{number}", "fromID": {_string(origin)}, "toID": {_string(target)}}}'
                for number, (origin, target) in enumerate(self.edges, 1)
            ]
        else:
            edges = []
            for pair in self.edges:
                origin, target = pair
                if origin in node_ids and target in node_ids and pair not in seen:
                    seen.add(pair)
                    edges.append(_EDGE.format(_string(origin), _string(target), new_edge_id()))
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
                edges.append(_nested_lines(_encode(raw), "edgeID"))
        tail = ""
        if participants:
            tail += ",\n" + _list("participants", participants, "participantID")
        text = _aif(self.amap.data).get("text")
        if isinstance(text, str):
            tail += f',\n  "text": {_encode(text)}'
        tail += f',\n  "{EXTENSION_KEY}": {self.extension()}\n}}\n'
        return _joined(
            "{\n", (("nodes", self.nodes), ("edges", edges), ("locutions", self.locutions)), tail
        )

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
            if self.clean_ids:  # the ids are node ids
                body = ",\n      ".join([f'"{k}": {v}' for k, v in table.items()])
            else:
                body = ",\n      ".join([f"{_string(k)}: {v}" for k, v in table.items()])
            lines.append(f'    "{key}": {{\n      {body}\n    }}')
        return ",\n".join(lines) + "\n  }"


_EDGE = '{{"edgeID": "{2}", "fromID": {0}, "toID": {1}}}'
"""An edge; its ends as JSON text, its id digits."""


def _list(key: str, items: list[dict[str, Any]], first: str) -> str:
    """``items`` one per line, encoded in one call of the C encoder."""
    if not items:
        return f'  "{key}": []'
    return _lines_of(key, _encode(items)[1:-1], first)


def _joined(head: str, lists: tuple[tuple[str, list[str]], ...], tail: str) -> str:
    """``head``, the lists ``key`` of objects already encoded (one line each), then ``tail``.

    Each line reads as :func:`_list` would write its object (see :func:`_nested_lines`). The
    lists are most of the document (66 MB for the export benchmark's map): joining each and
    then the document would copy that text twice. So the text between two objects of different
    lists is stuck to them, and one join writes the whole document. The lists are consumed.
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


def _add_line(lines: list[str], line: str) -> None:
    """Add a kept record's line as :func:`_lines_of` would break a list encoded at once.

    A kept record may list its id later than first: then it shares the line before it.
    """
    if line.startswith('{"nodeID": ') or not lines:
        lines.append(line)
    else:
        lines[-1] += ", " + line


def _nested_lines(item: str, first: str) -> str:
    """An object encoded by :data:`_encode`, line breaks added as :func:`_lines_of` does.

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
