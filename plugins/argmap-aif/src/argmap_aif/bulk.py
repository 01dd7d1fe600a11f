"""argmap's own AIF documents, read with whole-list operations.

What argmap writes (the document carries the extension, see
:data:`~argmap_aif.common.EXTENSION_KEY`) has a regular shape: I-, L-, YA-, RA- and CA-nodes
only; an RA-node with its premises leading in and one conclusion leading out; a CA-node from one
claim to one claim or argument; each source an L-node, a YA-node and the claim it anchors on.
The general reader (:mod:`argmap_aif.reader`) reads any document node by node, collecting every
node's edges into lists first; on a document of this shape most of that work finds nothing to
report. :func:`read_bulk` reads such a document in a few passes over whole lists instead, and
returns None as soon as the document leaves that shape: anything the general reader would warn
about, or read in some other way. The reader then reads the document from the start, so a
document is always read as the general reader reads it (a test holds the two readings equal).
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Iterable
from itertools import compress
from typing import Any, NamedTuple

from argmap.model import Argument, Claim, Relation, RelationKind, Source
from argmap_aif.common import participant_names, read_locution, scheme_of
from argmap_aif.fields import (
    argument_fields,
    claim_fields,
    data_of,
    relation_kind,
    table_of,
    text_of,
)

_NODE_ID = operator.itemgetter("nodeID")
_TYPE = operator.itemgetter("type")
_FROM = operator.itemgetter("fromID")
_TO = operator.itemgetter("toID")
_GET_TEXT = operator.methodcaller("get", "text")

_TYPES = frozenset({"I", "L", "YA", "RA", "CA"})
_EDGES = frozenset(
    {
        ("I", "RA"),
        ("RA", "I"),
        ("I", "CA"),
        ("CA", "I"),
        ("CA", "RA"),
        ("L", "YA"),
        ("YA", "I"),
        ("RA", "CA"),
        ("RA", "RA"),
    }
)
"""The edges of argmap's shape, by the types of their ends (an undercut is CA -> RA)."""
Grouped = tuple[dict[str, str], dict[str, list[str]]]
"""One side of nodes' edges: each node's end (its last), and all ends of nodes with several."""
_LED_INTO = frozenset({"RA", "CA", "YA"})
"""The nodes whose incoming edges are looked up (premises, objections, locutions)."""


class BulkReading(NamedTuple):
    """What :func:`read_bulk` read: the map's elements, and the node counts by type."""

    claims: list[Claim]
    arguments: list[Argument]
    relations: list[Relation]
    node_counts: dict[str, int]


def read_bulk(
    nodes: list[Any],
    edges: list[Any],
    locutions: list[Any],
    participants: list[Any],
    extension: dict[str, Any],
) -> BulkReading | None:
    """Read a document in argmap's shape, or return None when it is in any other shape.

    Args:
        nodes: The document's nodes.
        edges: Its edges.
        locutions: Its locution records.
        participants: Its participant records.
        extension: The document's argmap extension.
    """
    try:
        ids = list(map(_NODE_ID, nodes))
        kinds = list(map(_TYPE, nodes))
        types = dict(zip(ids, kinds, strict=True))
        if not _TYPES.issuperset(kinds):
            return None
        origins = list(map(_FROM, edges))
        targets = list(map(_TO, edges))
        # (every id is a string, so a number at an edge's end is not found either)
        origin_kinds = list(map(types.__getitem__, origins))
        target_kinds = list(map(types.__getitem__, targets))
        named = list(map(_NODE_ID, locutions))
        locution_of = dict(zip(named, locutions, strict=True))
    except (KeyError, TypeError):
        return None
    if (
        len(types) != len(ids)
        or set(map(type, ids)) != {str}
        or "" in types
        or not _EDGES.issuperset(zip(origin_kinds, target_kinds, strict=True))
        or len(locution_of) != len(named)
        or not types.keys() >= locution_of.keys()
    ):
        return None
    # Every edge is in one of these: keyed by its RA-, CA- or YA-node end.
    into = list(map(_LED_INTO.__contains__, target_kinds))
    ins = group_ends(compress(targets, into), compress(origins, into))
    out_of = list(map(_LED_INTO.__contains__, origin_kinds))
    outs = group_ends(compress(origins, out_of), compress(targets, out_of))
    if ins is None or outs is None:
        return None  # a repeated edge
    # Only an RA-node may have several premises (and undercuts), or lead to several nodes (its
    # conclusion, and the relations the argument is the origin of).
    if any(types[node_id] != "RA" for node_id in itertools.chain(ins[1], outs[1])):
        return None

    is_claim = list(map("I".__eq__, kinds))
    is_locution = list(map("L".__eq__, kinds))
    sources = _sources(
        compress(ids, map("YA".__eq__, kinds)),
        dict(zip(compress(ids, is_locution), compress(nodes, is_locution), strict=True)),
        ins[0],
        outs[0],
        locution_of,
        participant_names(participants),
    )
    if sources is None:
        return None
    claims = _claims(
        compress(ids, is_claim), compress(nodes, is_claim), sources, table_of(extension, "claims")
    )
    made = _Layer(types, ins, outs, table_of(extension, "relations")).read(
        [(i, n, k) for i, n, k in zip(ids, nodes, kinds, strict=True) if k == "RA" or k == "CA"],
        table_of(extension, "arguments"),
    )
    if made is None:
        return None
    return BulkReading(claims, made[0], made[1], dict(Counter(kinds)))


def group_ends(keys: Iterable[str], values: Iterable[str]) -> Grouped | None:
    """Each key's value, and the values of the keys that have several (None if one repeats)."""
    keys, values = list(keys), list(values)
    one = dict(zip(keys, values, strict=True))
    many: dict[str, list[str]] = {}
    if len(one) != len(keys):
        many = {key: [] for key, n in Counter(keys).items() if n > 1}
        for key, value in zip(keys, values, strict=True):
            listed = many.get(key)
            if listed is not None:
                if value in listed:
                    return None  # a repeated edge
                listed.append(value)
    return one, many


def _sources(
    illocutions: Iterable[str],
    locution_nodes: dict[str, Any],
    speaker_of: dict[str, str],
    anchored_on: dict[str, str],
    locution_of: dict[str, Any],
    participants: dict[str, str],
) -> dict[str, tuple[Source, ...]] | None:
    """Each claim's sources, from its YA-nodes in order (None if one is not argmap's shape)."""
    illocutions = list(illocutions)
    claims = list(map(anchored_on.get, illocutions))
    if None in claims:
        return None  # an illocution anchored on nothing: the general reader warns
    lnodes = list(map(speaker_of.get, illocutions))
    made: dict[str | None, Source] = {}  # an L-node may anchor several claims
    for lnode in dict.fromkeys(lnodes):
        if lnode is None:
            continue  # (an illocution nobody made is no source)
        source, bad_date, _ = read_locution(
            lnode, locution_nodes[lnode], locution_of.get(lnode), participants
        )
        if bad_date is not None:
            return None  # the general reader warns
        made[lnode] = source
    found: dict[str, tuple[Source, ...]] = {}
    for claim, lnode in zip(claims, lnodes, strict=True):
        said = made.get(lnode)
        if said is None:
            continue
        listed = found.get(claim)  # type: ignore[arg-type]
        if listed is None:
            found[claim] = (said,)  # type: ignore[index]
        elif said not in listed:
            found[claim] = (*listed, said)  # type: ignore[index]
    return found


def _claims(
    claim_ids: Iterable[str],
    claim_nodes: Iterable[dict[str, Any]],
    sources: dict[str, tuple[Source, ...]],
    records: dict[str, Any],
) -> list[Claim]:
    claim_ids = list(claim_ids)
    texts = list(map(_GET_TEXT, claim_nodes))
    if set(map(type, texts)) - {str}:
        texts = [t if type(t) is str else text_of(t) for t in texts]
    get_sources = sources.get
    claims = [
        Claim(claim_id, text, None, False, None, (), get_sources(claim_id, ()))
        for claim_id, text in zip(claim_ids, texts, strict=True)
    ]
    if records:
        for i, claim_id in enumerate(claim_ids):
            record = records.get(claim_id)
            if record and isinstance(record, dict):
                fields = claim_fields(record)
                fields.setdefault("sources", claims[i].sources)
                claims[i] = Claim(id=claim_id, text=claims[i].text, **fields)
    return claims


class _Layer:
    """The argument layer, read the way the general reader reads it.

    RA-nodes become arguments; CA-nodes, and the RA-nodes the extension marks as relations,
    become relations.
    """

    def __init__(
        self, types: dict[str, str], ins: Grouped, outs: Grouped, records: dict[str, Any]
    ) -> None:
        self.types = types
        self.ins, self.outs = ins, outs
        self.records = records
        # RA-nodes read as a relation (a support or contradiction made without an argument)
        self.marks: dict[str, RelationKind] = {}
        for node_id, record in records.items():
            if isinstance(record, dict) and types.get(node_id) == "RA":
                kind = relation_kind(record)
                if kind is not None:
                    self.marks[node_id] = kind
        self.relations: dict[tuple[RelationKind, str, str], Relation] = {}

    def ends(self, grouped: Grouped, node_id: str) -> list[str]:
        """A node's ends on one side (ins or outs)."""
        listed = grouped[1].get(node_id)
        if listed is not None:
            return listed
        one = grouped[0].get(node_id)
        return [] if one is None else [one]

    def add(self, relation: Relation) -> bool:
        """Add a relation; False if it repeats one (the general reader warns)."""
        key = relation.key  # (a contradiction's ends in either order)
        if key in self.relations:
            # A contradiction may be written both ways; the general reader says nothing.
            return relation.kind is RelationKind.CONTRADICTION
        self.relations[key] = relation
        return True

    def read(
        self, scheme_nodes: list[tuple[str, dict[str, Any], str]], records: dict[str, Any]
    ) -> tuple[list[Argument], list[Relation]] | None:
        """The arguments and the relations, in the document's order.

        None if a node is not in argmap's shape.
        """
        types, marks, relations = self.types, self.marks, self.relations
        ins, several_ins = self.ins
        outs, several_outs = self.outs
        arguments: list[Argument] = []
        attack, undercut = RelationKind.ATTACK, RelationKind.UNDERCUT
        for node_id, node, kind_name in scheme_nodes:
            simple = (
                node_id not in several_ins
                and node_id not in several_outs
                and node_id not in (records if kind_name == "RA" else self.records)
            )
            if kind_name == "RA" and node_id not in marks:
                if not simple:
                    made = self.argument(node_id, node, records.get(node_id))
                    if made is None:
                        return None
                    arguments.append(made)
                    continue
                # The usual argument: one premise, one conclusion, nothing in the extension.
                premise = ins.get(node_id)
                conclusion = outs.get(node_id)
                if (
                    premise is None
                    or conclusion is None
                    or types[premise] != "I"
                    or types[conclusion] != "I"
                    or premise == conclusion
                ):
                    return None
                text = node.get("text")
                scheme = scheme_of(text if type(text) is str else text_of(text))
                arguments.append(Argument(node_id, (premise,), conclusion, None, None, scheme))
            elif simple and kind_name == "CA":
                # The usual objection: from a claim or argument to a claim or argument.
                origin = ins.get(node_id)
                target = outs.get(node_id)
                if origin is None or target is None or origin == target:
                    return None
                target_kind = types[target]
                if target_kind == "CA" or origin in marks or target in marks:
                    return None  # a relation between relations: the general reader warns
                chosen = undercut if target_kind == "RA" else attack
                key = (chosen, origin, target)
                if key in relations:
                    return None
                relations[key] = Relation(chosen, origin, target, {})
            elif not self.relation(node_id, kind_name):
                return None
        return arguments, list(self.relations.values())

    def argument(self, node_id: str, node: dict[str, Any], record: Any) -> Argument | None:
        types, marks = self.types, self.marks
        # Objections (undercuts) and supporting arguments lead into an RA-node too.
        premises = tuple([p for p in self.ends(self.ins, node_id) if types[p] == "I"])
        if not premises:
            return None
        led_to = self.ends(self.outs, node_id)
        conclusions = [n for n in led_to if types[n] == "I"]
        if len(conclusions) != 1 or conclusions[0] in premises:
            return None  # the general reader warns
        for target in led_to:
            # An argument for an argument (a relation node reads its own ends).
            if (
                types[target] == "RA"
                and target not in marks
                and not self.add(Relation(RelationKind.SUPPORT, node_id, target))
            ):
                return None
        text = node.get("text")
        scheme = scheme_of(text if type(text) is str else text_of(text))
        if record and isinstance(record, dict):
            fields = argument_fields(record)
            fields.setdefault("scheme", scheme)
            return Argument(id=node_id, premises=premises, conclusion=conclusions[0], **fields)
        return Argument(node_id, premises, conclusions[0], None, None, scheme)

    def relation(self, node_id: str, kind_name: str) -> bool:
        types, marks = self.types, self.marks
        origins = [o for o in self.ends(self.ins, node_id) if types[o] != "CA"]
        targets = self.ends(self.outs, node_id)
        if not origins or len(targets) != 1:
            return False  # no origin or target (the general reader warns), or several
        target = targets[0]
        target_kind = types[target]
        if target_kind == "CA" or any(o in marks for o in origins):
            return False  # a relation between relations: the general reader warns
        if target_kind == "RA" and target in marks:
            return False
        record = self.records.get(node_id)
        mark = record if isinstance(record, dict) else None
        kind = marks.get(node_id) if kind_name == "RA" else None
        if kind_name == "CA" and mark is not None:
            kind = relation_kind(mark)
        data = data_of(mark.get("data")) if mark is not None else {}
        for origin in origins:
            if origin == target:
                return False  # the general reader warns of a self-attack
            chosen = kind
            if chosen is None:
                chosen = RelationKind.UNDERCUT if target_kind == "RA" else RelationKind.ATTACK
            elif (chosen is RelationKind.UNDERCUT and target_kind != "RA") or (
                chosen is RelationKind.CONTRADICTION
                and (types[origin] != "I" or target_kind != "I")
            ):
                chosen = RelationKind.ATTACK
            if not self.add(Relation(chosen, origin, target, data)):
                return False
        return True
