"""Reading the argument layer: I-nodes as claims, RA-nodes as arguments, CA-nodes as relations.

An RA-node becomes an argument from the I-nodes leading into it to the I-node it leads to (one
argument per conclusion when it leads to several); an RA-node leading to another RA-node is a
support of that argument. A CA-node becomes an attack, or an undercut when it points at an
argument. argmap's extension may say more: a claim's title, position, tags..., an argument's
fields, the exact kind of a relation (and that an RA-node is a support made without an
argument). Without it, each element keeps its node's details (time stamp, scheme, scheme id) in
its ``data["aif"]``. MA- and PA-nodes are kept as records of their own, with their ends.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from argmap.model import Argument, Claim, JSONValue, Relation, RelationKind, Source
from argmap_aif.common import DATA_KEY, scheme_of
from argmap_aif.fields import (
    argument_fields,
    claim_fields,
    data_of,
    ident,
    relation_kind,
    table_of,
    text_of,
)
from argmap_aif.read_graph import Graph
from argmap_aif.read_report import Report

_SCHEME_NODES = frozenset({"RA", "CA", "MA", "PA"})
_ARGUMENT_LAYER = frozenset({"I", "RA", "CA", "MA", "PA"})
_RA_SOURCES = frozenset({"RA", "CA", "YA", "MA", "PA"})
"""Nodes whose edges into an RA-node are read elsewhere (or are the dialogue's)."""
_RELATION_ENDS = frozenset({"I", "RA"})

Relations = dict[tuple[RelationKind, str, str], Relation]
"""The relations read so far, by key (a repeat is left out)."""


class Layer(NamedTuple):
    """The argument layer as read."""

    claims: list[Claim]
    arguments: list[Argument]
    relations: list[Relation]
    placed: set[str]
    """The scheme nodes the map carries (as arguments, relations, rephrases or preferences)."""
    rephrases: list[JSONValue]
    preferences: list[JSONValue]


def _json(value: Any) -> JSONValue:
    """A JSON-decoded value, typed as one."""
    return value  # type: ignore[no-any-return]


class LayerReader:
    """Reads the claims, arguments and relations of one document.

    Args:
        graph: The document.
        report: Where the warnings go.
        extension: argmap's extension, if the document carries it (checked to be an object).
    """

    def __init__(self, graph: Graph, report: Report, extension: dict[str, Any] | None) -> None:
        self.graph = graph
        self.types = graph.types
        self.report = report
        self.extended = extension is not None
        self.ext_claims: dict[str, Any] = table_of(extension, "claims")
        self.ext_arguments: dict[str, Any] = table_of(extension, "arguments")
        self.ext_relations: dict[str, Any] = table_of(extension, "relations")
        self.relations: Relations = {}
        self.argument_ids: set[str] = set()

    def read(self, sources: dict[str, tuple[Source, ...]]) -> Layer:
        """Read the layer; ``sources`` gives each claim's sources from the dialogue layer."""
        claims = self.claims(sources)
        types, ext_relations = self.types, self.ext_relations
        scheme_nodes = self.graph.of_kind(_SCHEME_NODES)
        # RA-nodes first, so that relations can point at the arguments they make.
        relation_nodes: set[str] = set()
        for node_id in scheme_nodes:
            if types[node_id] == "RA":
                mark = ext_relations.get(node_id)
                if isinstance(mark, dict) and relation_kind(mark) is not None:
                    relation_nodes.add(node_id)
                else:
                    self.argument_ids.add(node_id)
        arguments: list[Argument] = []
        rephrases: list[JSONValue] = []
        preferences: list[JSONValue] = []
        placed: set[str] = set()
        for node_id in scheme_nodes:
            kind = types[node_id]
            if kind == "RA" and node_id not in relation_nodes:
                arguments.extend(self.argument(node_id))
                placed.add(node_id)
            elif kind in ("CA", "RA"):
                if self.relation(node_id):
                    placed.add(node_id)
            else:
                (rephrases if kind == "MA" else preferences).append(self.scheme_record(node_id))
                placed.add(node_id)
        return Layer(
            claims, arguments, list(self.relations.values()), placed, rephrases, preferences
        )

    def claims(self, sources: dict[str, tuple[Source, ...]]) -> list[Claim]:
        """Every I-node as a claim, in the document's order."""
        nodes, extended, records = self.graph.nodes, self.extended, self.ext_claims
        claims: list[Claim] = []
        for node_id, kind in self.types.items():
            if kind != "I":
                continue
            text = nodes[node_id].get("text")
            if type(text) is not str:
                text = text_of(text)
            own = sources.get(node_id, ())
            fields: dict[str, Any]
            if extended:
                record = records.get(node_id)
                if not record or not isinstance(record, dict):
                    claims.append(Claim(node_id, text, None, False, None, (), own))
                    continue
                fields = claim_fields(record)
                fields.setdefault("sources", own)
            else:
                details = self.node_details(node_id)
                fields = {
                    "sources": own,
                    "is_position": self.looks_like_position(node_id),
                    "data": {DATA_KEY: _json(details)} if details else {},
                }
            claims.append(Claim(id=node_id, text=text, **fields))
        return claims

    def node_details(self, node_id: str, *, text: bool = False) -> dict[str, JSONValue]:
        """What an element keeps of its node: timestamp, scheme, scheme id (and text)."""
        node = self.graph.nodes[node_id]
        out: dict[str, JSONValue] = {}
        if text:
            out["text"] = text_of(node.get("text"))
        for key in ("scheme", "timestamp"):
            value = node.get(key)
            if isinstance(value, str) and value:
                out[key] = value
        scheme_id = ident(node.get("schemeID")) or self.graph.scheme_ids.get(node_id)
        if scheme_id is not None:
            out["schemeID"] = scheme_id
        return out

    def looks_like_position(self, node_id: str) -> bool:
        """Whether a claim is reasoned about (concluded, targeted, rephrased) but leads nowhere."""
        types = self.types
        if any(types[n] in ("RA", "CA") for n in self.graph.outs.get(node_id, ())):
            return False
        return any(types[n] in ("RA", "CA", "MA") for n in self.graph.ins.get(node_id, ()))

    def argument(self, node_id: str) -> list[Argument]:
        """The arguments an RA-node makes: one per conclusion (or one without any)."""
        graph, types, warn = self.graph, self.types, self.report.warn
        node = graph.nodes[node_id]
        premises: list[str] = []
        for n in graph.ins.get(node_id, ()):
            kind = types[n]
            if kind == "I":
                premises.append(n)
            elif kind not in _RA_SOURCES:
                warn(
                    "unplaced-edge",
                    f"edge from {kind or '?'}-node {n} into RA-node "
                    f"{node_id} has no meaning in the argument layer; ignored",
                    n,
                )
        following = graph.outs.get(node_id, ())
        conclusions: list[str] = []
        for n in following:
            kind = types[n]
            if kind == "I":
                conclusions.append(n)
            elif kind == "RA" and n in self.argument_ids:
                self.add(Relation(RelationKind.SUPPORT, node_id, n), node_id)
        text = node.get("text")
        if type(text) is not str:
            text = text_of(text)
        fields: dict[str, Any]
        if self.extended:
            record = self.ext_arguments.get(node_id)
            if record and isinstance(record, dict):
                fields = argument_fields(record)
                fields.setdefault("scheme", scheme_of(text))
            else:
                fields = {"scheme": scheme_of(text)}
        else:
            details = self.node_details(node_id)
            if details.get("scheme") == text:
                del details["scheme"]
            fields = {
                "scheme": scheme_of(text)
                if text.strip()
                else scheme_of(text_of(node.get("scheme"))),
                "data": {DATA_KEY: _json(details)} if details else {},
            }
        if not conclusions:
            if not any(types[n] == "RA" for n in following):
                warn(
                    "no-conclusion",
                    f"RA-node {node_id} leads to no I-node: an argument without a conclusion",
                    node_id,
                )
            ends: list[str | None] = [None]
        else:
            ends = list(conclusions)
            if len(conclusions) > 1:
                warn(
                    "several-conclusions",
                    f"RA-node {node_id} leads to "
                    f"{len(conclusions)} I-nodes; read as one argument per conclusion "
                    f"({', '.join(conclusions)})",
                    node_id,
                )
        if not premises:
            warn(
                "no-premises",
                f"RA-node {node_id} has no premise (no I-node leads into it)",
                node_id,
            )
        made: list[Argument] = []
        for i, conclusion in enumerate(ends):
            own = premises
            if conclusion in premises:
                own = [p for p in premises if p != conclusion]
                warn(
                    "self-support",
                    f"RA-node {node_id}: I-node {conclusion} is both a "
                    "premise and the conclusion; left out of the premises",
                    node_id,
                )
            argument_id = node_id if i == 0 else f"{node_id}#{i + 1}"
            while argument_id in graph.nodes and i:
                argument_id += "'"
            made.append(
                Argument(id=argument_id, premises=tuple(own), conclusion=conclusion, **fields)
            )
        return made

    def relation(self, node_id: str) -> bool:
        """Read a CA-node (or an RA-node the extension marks) as relations; False if it can't be."""
        graph, types, warn = self.graph, self.types, self.report.warn
        kind_name = types[node_id]
        origins = [n for n in graph.ins.get(node_id, ()) if types[n] in _RELATION_ENDS]
        targets = [n for n in graph.outs.get(node_id, ()) if types[n] in _RELATION_ENDS]
        for n in graph.outs.get(node_id, ()):
            if types[n] in ("CA", "MA", "PA"):
                warn(
                    "unplaced-edge",
                    f"{kind_name}-node {node_id} points at "
                    f"{types[n]}-node {n}; argmap cannot attack a conflict or a rephrase; "
                    "edge ignored",
                    node_id,
                )
        if not origins or not targets:
            missing = "origin" if not origins else "target"
            warn(
                f"no-{missing}",
                f"{kind_name}-node {node_id} has no {missing} "
                "(no I- or RA-node on that side); kept under data.aif.dialogue",
                node_id,
            )
            return False
        data: dict[str, JSONValue]
        kind: RelationKind | None = None
        if self.extended:
            record = self.ext_relations.get(node_id)
            mark = record if isinstance(record, dict) else None
            if mark is not None:
                kind = relation_kind(mark)
            data = data_of(mark.get("data")) if mark is not None else {}
        else:
            details = self.node_details(node_id, text=True)
            details["nodeID"] = node_id
            data = {DATA_KEY: _json(details)}
        arguments = self.argument_ids
        for origin in origins:
            if types[origin] == "RA" and origin not in arguments:
                warn(
                    "unplaced-edge",
                    f"RA-node {origin} leads into {kind_name}-node "
                    f"{node_id} but is itself read as a relation; edge ignored",
                    node_id,
                )
                continue
            for target in targets:
                target_kind = types[target]
                if target_kind == "RA" and target not in arguments:
                    warn(
                        "unplaced-edge",
                        f"{kind_name}-node {node_id} points at RA-node "
                        f"{target}, which is itself read as a relation; edge ignored",
                        node_id,
                    )
                    continue
                if origin == target:
                    warn(
                        "self-attack",
                        f"{kind_name}-node {node_id} joins node {origin} to itself; ignored",
                        node_id,
                    )
                    continue
                chosen = kind
                if chosen is None:
                    if kind_name == "RA":
                        chosen = RelationKind.SUPPORT
                    else:
                        chosen = (
                            RelationKind.UNDERCUT if target_kind == "RA" else RelationKind.ATTACK
                        )
                if chosen is RelationKind.UNDERCUT and target_kind != "RA":
                    chosen = RelationKind.ATTACK
                if chosen is RelationKind.CONTRADICTION and (
                    types[origin] != "I" or target_kind != "I"
                ):
                    chosen = RelationKind.ATTACK
                self.add(Relation(chosen, origin, target, data), node_id)
        return True

    def add(self, relation: Relation, node_id: str) -> None:
        """Add a relation that ``node_id`` makes, unless it repeats one (then warn)."""
        key = relation.key
        if key in self.relations:
            if relation.kind is not RelationKind.CONTRADICTION:
                self.report.warn(
                    "duplicate-relation",
                    f"node {node_id}: {relation.origin} already "
                    f"{relation.kind.value}s {relation.target}; the repeat is left out",
                    node_id,
                )
            return
        self.relations[key] = relation

    def scheme_record(self, node_id: str) -> JSONValue:
        """An MA- or PA-node with its ends, as kept in the map's data."""
        types, graph = self.types, self.graph
        record: dict[str, JSONValue] = {"nodeID": node_id}
        record.update(self.node_details(node_id, text=True))
        ins = [n for n in graph.ins.get(node_id, ()) if types[n] in _ARGUMENT_LAYER]
        outs = [n for n in graph.outs.get(node_id, ()) if types[n] in _ARGUMENT_LAYER]
        record["from"] = _json(ins)
        record["to"] = _json(outs)
        if not ins or not outs:
            side = "nothing leads into it" if not ins else "it leads to nothing"
            self.report.warn(
                "incomplete-scheme-node", f"{types[node_id]}-node {node_id}: {side}", node_id
            )
        return record
