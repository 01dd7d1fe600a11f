"""Writing the dialogue layer: claims' sources as locutions, and the layer kept from a reading.

Each source of a claim becomes a locution: an L-node ``"Speaker : quote"`` (its id is the
source's locator when that is free), a YA-node ("Asserting") from it to the claim, and a record
in ``locutions`` with the speaker's participant id and the time. A source the reader would not
get back exactly from its locution (see :meth:`DialogueWriter.check_sources`) is also kept in
the claim's record in the extension. The dialogue layer an AIF reading kept (its nodes, edges,
locutions and participants) is written back as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from argmap.model import Claim, Source
from argmap_aif.common import iso_date, participant_name, source_from_locution, split_name
from argmap_aif.write_json import node_tail
from argmap_aif.write_parts import Parts, records
from argmap_aif.write_records import with_sources

_WEB = ("http://", "https://")
_YA_TAIL = node_tail("YA")


class Dialogue(NamedTuple):
    """What the writer adds to the document besides nodes and locution records."""

    participants: list[dict[str, Any]]
    """Every participant record: the kept ones, then one for each new speaker."""
    edges: list[dict[str, Any]]
    """The kept edges, as they were read (written after the new ones)."""


class _Kept(NamedTuple):
    """What the reader reads a kept L-node's source from."""

    text: Any
    timestamp: Any
    participant: Any = None
    start: Any = None
    origin: Any = None


def said(source: Source) -> str:
    """The text of a source's L-node: ``"Speaker : quote"`` (AIFdb's convention), or the quote."""
    quote = source.quote if source.quote is not None else ""
    return f"{source.speaker} : {quote}" if source.speaker is not None else quote


def reads_back(source: Source) -> bool:
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


def write_dialogue(parts: Parts, claims: Sequence[Claim], kept: Mapping[str, Any]) -> Dialogue:
    """Add the dialogue layer to ``parts``: the claims' sources, and the ``kept`` layer.

    Args:
        parts: The document so far (its argument layer written).
        claims: The map's claims.
        kept: The dialogue layer an AIF reading kept (``data["aif"]["dialogue"]``), if any.
    """
    return DialogueWriter(parts, claims, kept).write()


class DialogueWriter:
    """One writing of the dialogue layer (see :func:`write_dialogue`)."""

    def __init__(self, parts: Parts, claims: Sequence[Claim], kept: Mapping[str, Any]) -> None:
        self.parts = parts
        self.claims = claims
        self.raw_nodes = [
            r
            for r in records(kept.get("nodes"))
            if isinstance(r.get("nodeID"), (str, int)) and not isinstance(r.get("nodeID"), bool)
        ]
        self.raw_types = {str(r["nodeID"]): str(r.get("type", "")).upper() for r in self.raw_nodes}
        self.raw_edges = records(kept.get("edges"))
        self.kept_locutions = {str(r.get("nodeID")): r for r in records(kept.get("locutions"))}
        self.participants = records(kept.get("participants"))
        # Which L-nodes lead into, and which nodes follow, each kept YA-node.
        self.ya_in: dict[str, list[str]] = {}
        self.ya_out: dict[str, list[str]] = {}
        for edge in self.raw_edges:
            origin, target = str(edge.get("fromID")), str(edge.get("toID"))
            if self.raw_types.get(target) == "YA":
                self.ya_in.setdefault(target, []).append(origin)
            if self.raw_types.get(origin) == "YA":
                self.ya_out.setdefault(origin, []).append(target)
        self.kept_l: dict[str, _Kept] = {}  # each kept L-node, as the reader will read it
        self.new_l: dict[str, Source] = {}  # each new L-node, with its source
        self.person_of: dict[str, str] = {}  # speaker -> participant id
        self.names: dict[str, str] = {}  # participant id -> name, as written

    def write(self) -> Dialogue:
        """Write the locutions of the claims' sources, then the kept layer."""
        parts, participants = self.parts, self.participants
        raw_ids = {str(r["nodeID"]) for r in self.raw_nodes} - parts.ids
        # The (L, I) pairs a kept YA-node already joins.
        anchored = {
            (lnode, claim)
            for ya, ins in self.ya_in.items()
            if ya in raw_ids
            for lnode in ins
            for claim in self.ya_out.get(ya, ())
        }
        person_of, names = self.person_of, self.names
        pids: set[str] = set()
        for record in participants:
            pid = record.get("participantID")
            name = participant_name(record)
            if isinstance(pid, (str, int)):
                pids.add(str(pid))
                if name is not None:
                    person_of.setdefault(name, str(pid))
        for record in participants:
            pid = record.get("participantID")
            name = participant_name(record)
            if isinstance(pid, (str, int)) and name is not None:
                names.setdefault(str(pid), name)
        next_pid = 0
        new_l = self.new_l
        # claim -> L-nodes anchored by new YA-nodes (for the claims check_sources may compare)
        generated: dict[str, list[str]] = {}
        # Claims whose sources cannot come back from the locutions (a source without locator:
        # every source read back has its L-node as locator), and claims whose new locutions
        # may not give their sources back exactly (see check_sources).
        lost: dict[str, Claim] = {}
        inexact: set[str] = set()
        node_ids, edges, new_id = parts.ids, parts.edges, parts.new_id
        for claim in self.claims:
            sources, claim_id = claim.sources, claim.id
            if not sources:
                continue
            mine: list[str] = []  # its L-nodes anchored by new YA-nodes
            exact = len(sources) == 1 or len(set(sources)) == len(sources)
            for source in sources:
                lnode = source.locator
                if lnode and lnode not in node_ids and lnode not in raw_ids:
                    fresh = True
                elif lnode and new_l.get(lnode) == source:
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
                    self.locution(lnode, source, person)
                    new_l[lnode] = source
                if lnode not in mine and (not anchored or (lnode, claim_id) not in anchored):
                    ya = new_id()
                    parts.node(ya, "Asserting", _YA_TAIL)
                    edges.append((lnode, ya))
                    edges.append((ya, claim_id))
                    mine.append(lnode)
                    # The reader takes this locution's source back as it is when its L-node
                    # is the locator, and its text, speaker, date and origin read back alike.
                    exact = (
                        exact
                        and lnode == source.locator
                        and reads_back(source)
                        and (speaker is None or names.get(person_of[speaker]) == speaker)
                    )
                else:
                    exact = False
                if source.locator is None:
                    lost[claim_id] = claim
            # Only the claims that check_sources may compare need their L-nodes listed
            if not exact and claim_id not in lost:
                inexact.add(claim_id)
                generated[claim_id] = mine
            elif self.raw_nodes:
                generated[claim_id] = mine
        self.kept_nodes()
        self.check_sources(generated, lost, inexact)
        return Dialogue(participants, self.raw_edges)

    def kept_nodes(self) -> None:
        """Write the kept nodes whose ids are free, and the locution records of kept L-nodes."""
        parts, kept_locutions, raw_types = self.parts, self.kept_locutions, self.raw_types
        for record in self.raw_nodes:
            node_id = str(record["nodeID"])
            if node_id in parts.ids:
                continue
            parts.kept_node(node_id, record)
            locution = None
            if node_id in kept_locutions and raw_types.get(node_id) == "L":
                locution = dict(kept_locutions[node_id], nodeID=node_id)
                parts.locutions.append(locution)
            if record.get("type") == "L":  # (written so: one the reader takes as a source)
                text, stamp = record.get("text"), record.get("timestamp")
                self.kept_l[node_id] = (
                    _Kept(text, stamp)
                    if locution is None
                    else _Kept(
                        text,
                        stamp,
                        locution.get("personID"),
                        locution.get("start"),
                        locution.get("source"),
                    )
                )

    def locution(self, lnode: str, source: Source, person: str | None) -> None:
        """Add the L-node and the locution record of a source (``person``: its participant)."""
        parts, date = self.parts, source.date
        parts.node(lnode, said(source), node_tail("L", date))
        origin = source.url if source.url is not None else source.document
        record: dict[str, Any] = {"nodeID": lnode}
        base = self.kept_locutions.get(lnode) if self.kept_locutions else None
        if base is not None:
            record.update(base)
            record["nodeID"] = lnode
        record["personID"] = person
        record["start"] = date
        if origin is not None or "source" in record:
            record["source"] = origin
        parts.locutions.append(record)

    def derive(self, lnode: str) -> Source:
        """The source the reader will read from the L-node ``lnode``."""
        source = self.new_l.get(lnode)
        text: Any
        stamp: Any
        if source is not None:  # a new locution: see locution()
            text = said(source)
            stamp = start = source.date
            origin = source.url if source.url is not None else source.document
            speaker = source.speaker
            pid = self.person_of[speaker] if speaker is not None else None
        else:
            text, stamp, pid, start, origin = self.kept_l[lnode]
        return source_from_locution(
            lnode,
            text if isinstance(text, str) else "",
            stamp if isinstance(stamp, str) and stamp else None,
            {"start": start, "source": origin},
            self.names.get(str(pid)) if pid is not None else None,
        ).source

    def check_sources(
        self, generated: Mapping[str, list[str]], lost: Mapping[str, Claim], inexact: set[str]
    ) -> None:
        """Keep a claim's sources in the extension unless the locutions give them back exactly.

        This reads the written dialogue layer as the reader will: new YA-nodes first, in
        order, then the kept ones.
        """
        parts, kept_l, new_l = self.parts, self.kept_l, self.new_l
        derived: dict[str, Source] = {}

        def derive(lnode: str) -> Source:
            source = derived.get(lnode)
            if source is None:
                source = derived[lnode] = self.derive(lnode)
            return source

        kept_yas = [
            ya
            for ya in (str(r["nodeID"]) for r in self.raw_nodes)
            if self.raw_types.get(ya) == "YA" and ya in parts.ids
        ]
        raw_anchored = {claim for ya in kept_yas for claim in self.ya_out.get(ya, ())}
        slow = inexact - lost.keys()
        if raw_anchored:
            slow.update(c.id for c in self.claims if c.id in raw_anchored and c.id not in lost)
        if not slow and not lost:
            return
        found: dict[str, list[Source]] = {}
        for claim_id, lnodes in generated.items():
            if claim_id in slow:
                found[claim_id] = [derive(lnode) for lnode in lnodes]
        for ya in kept_yas:
            for lnode in self.ya_in.get(ya, ()):
                if lnode not in kept_l and lnode not in new_l:
                    continue
                for claim_id in self.ya_out.get(ya, ()):
                    listed = found.setdefault(claim_id, [])
                    source = derive(lnode)
                    if source not in listed:
                        listed.append(source)
        # In the map's order: lost claims alone when no claim is slow (the usual case)
        checked = (
            [c for c in self.claims if c.id in lost or c.id in slow] if slow else lost.values()
        )
        records = parts.claim_records
        for claim in checked:
            claim_id = claim.id
            if claim_id in lost or list(claim.sources) != found.get(claim_id, []):
                records[claim_id] = with_sources(records.get(claim_id), claim.sources)
