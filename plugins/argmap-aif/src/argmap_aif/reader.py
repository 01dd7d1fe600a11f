"""Read AIFdb JSON and xAIF (OVA3) documents into argument maps.

The argument layer becomes the map: I-nodes claims, RA-nodes arguments (linked premises, one
conclusion, the scheme), CA-nodes attacks (undercuts when they point at an RA-node). MA-nodes
(rephrases) and PA-nodes (preferences) have no counterpart in argmap's model; they are kept in
the map's ``data["aif"]`` with their ends, so writing the map back as AIF restores them. The
dialogue layer becomes each claim's sources: for every L-node anchored on an I-node through a
YA-node, a :class:`~argmap.Source` with the speaker, the verbatim locution, its time and the
L-node's id as locator. The rest of the dialogue layer (transitions, illocutions anchored on
scheme nodes, the analyst's own locutions) is kept as it was under ``data["aif"]["dialogue"]``.

Real files are untidy: ids are strings or integers, timestamps are missing, some edges point at
nodes that do not exist, some nodes have no edge where they need one. The reader reads what it
can and reports everything it could not place as a warning naming the node (or edge) id; only
a document that is not AIF at all is an error.
"""

from __future__ import annotations

import itertools
import json
import logging
import operator
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import compress
from typing import Any

import attrs

from argmap.core.collector import paused_gc
from argmap.core.decoding import decode_utf8
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
)
from argmap_aif.bulk import group_ends, read_bulk
from argmap_aif.common import (
    DATA_KEY,
    EXTENSION_KEY,
    KNOWN_TYPES,
    participant_names,
    read_locution,
    scheme_of,
)
from argmap_aif.fields import (
    argument_fields,
    claim_fields,
    data_of,
    ident,
    opt_str,
    relation_kind,
    str_or_none,
    table_of,
    text_of,
)


@attrs.frozen
class AifReading:
    """The result of reading an AIF document.

    Attributes:
        map: The argument map.
        warnings: What could not be placed, each naming the node or edge id.
        node_counts: How many nodes of each AIF type the document holds.
        flavour: ``"aif"`` (AIFdb JSON) or ``"xaif"`` (OVA3's wrapper).
    """

    map: ArgumentMap
    warnings: tuple[Diagnostic, ...]
    node_counts: dict[str, int]
    flavour: str


def _edge_id(value: Any) -> str | None:
    """An edge id as read: strings as they are (even empty), other values as ids are read."""
    return value if type(value) is str else ident(value)


def _json(value: Any) -> JSONValue:
    """A JSON-decoded value, typed as one."""
    return value  # type: ignore[no-any-return]


class _Reader:
    """One reading: collects warnings while it turns the document into a map."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.warnings: list[Diagnostic] = []

    def warn(self, code: str, message: str, element: str | None, path: str | None = None) -> None:
        self.warnings.append(
            Diagnostic(
                Severity.WARNING,
                code,
                message,
                element,
                Location(file=self.source, path=path),
            )
        )

    def fail(self, code: str, message: str, path: str | None = None) -> ReadError:
        return ReadError(
            [
                Diagnostic(
                    Severity.ERROR, code, message, None, Location(file=self.source, path=path)
                )
            ],
            self.source,
        )

    # -- the document ---------------------------------------------------------------------

    def decode(self, data: bytes | str) -> Any:
        text = decode_utf8(data, self.source)
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise ReadError(
                [
                    Diagnostic(
                        Severity.ERROR,
                        "invalid-json",
                        f"not JSON: {error.msg}",
                        location=Location(file=self.source, line=error.lineno, column=error.colno),
                    )
                ],
                self.source,
            ) from None
        except RecursionError:
            raise self.fail("invalid-json", "the JSON is nested too deeply") from None

    def read(self, data: bytes) -> AifReading:
        top = self.decode(data)
        if not isinstance(top, dict):
            raise self.fail("not-aif", "an AIF document is a JSON object with a 'nodes' list")
        flavour = "aif"
        doc: Any = top
        prefix = ""
        if isinstance(top.get("AIF"), dict):
            flavour, doc, prefix = "xaif", top["AIF"], "AIF."
        nodes = doc.get("nodes")
        if not isinstance(nodes, list):
            raise self.fail(
                "not-aif",
                "not an AIF document: no 'nodes' list"
                + (" under 'AIF'" if prefix else " (xAIF keeps it under 'AIF')"),
                f"{prefix}nodes",
            )
        edges = doc.get("edges", [])
        if not isinstance(edges, list):
            raise self.fail("not-aif", "'edges' must be a list", f"{prefix}edges")
        locutions = doc.get("locutions", [])
        if not isinstance(locutions, list):
            self.warn(
                "bad-locutions", "'locutions' is not a list; ignored", None, f"{prefix}locutions"
            )
            locutions = []
        participants = doc.get("participants", [])
        if not isinstance(participants, list):
            participants = []
        extension = top.get(EXTENSION_KEY)
        if extension is not None and not (
            isinstance(extension, dict) and isinstance(extension.get("version"), int)
        ):
            self.warn(
                "bad-extension", f"'{EXTENSION_KEY}' is malformed; ignored", None, EXTENSION_KEY
            )
            extension = None
        built = _Builder(self, prefix, extension)
        if extension is not None:
            bulk = read_bulk(nodes, edges, locutions, participants, extension)
            if bulk is not None:
                meta = extension.get("map")
                amap = built.make_map(
                    bulk.claims,
                    bulk.arguments,
                    bulk.relations,
                    meta if isinstance(meta, dict) else {},
                    default_data={},
                )
                return AifReading(amap, tuple(self.warnings), bulk.node_counts, flavour)
        built.load_nodes(nodes)
        built.load_edges(edges)
        built.load_dialogue_tables(locutions, participants, doc.get("schemefulfillments"))
        amap = built.build(flavour, top)
        return AifReading(amap, tuple(self.warnings), dict(built.counts), flavour)


class _Builder:
    """Turns nodes and edges into claims, arguments, relations and sources."""

    def __init__(self, reader: _Reader, prefix: str, extension: dict[str, Any] | None) -> None:
        self.r = reader
        self.prefix = prefix
        self.ext = extension
        self.nodes: dict[str, dict[str, Any]] = {}
        self.types: dict[str, str] = {}
        self.order: list[str] = []
        self.kinds: list[str] = []  # the type of each node in ``order``
        self.counts: dict[str, int] = {}
        # Only nodes with edges have an entry: look them up with ``.get(node_id, ())``.
        self.outs: dict[str, list[str]] = {}
        self.ins: dict[str, list[str]] = {}
        self.raw_edges: list[tuple[Any, str, str, Any]] = []
        self.locutions: dict[str, dict[str, Any]] = {}
        self.participants: dict[str, str] = {}
        self.participant_records: list[Any] = []
        self.learnt_participants: dict[str, str] = {}
        self.scheme_ids: dict[str, str] = {}

    # -- loading --------------------------------------------------------------------------

    def load_nodes(self, nodes: list[Any]) -> None:
        if not self.load_tidy_nodes(nodes):
            self.load_any_nodes(nodes)
        # Counted in the order types first appear.
        counts = self.counts
        for kind, count in Counter(self.types.values()).items():
            key = kind or "?"
            counts[key] = counts.get(key, 0) + count

    def load_tidy_nodes(self, nodes: list[Any]) -> bool:
        """Load the nodes in bulk if none needs a warning, else load nothing and return False.

        Nodes as argmap (and most tools) write them: objects with a string ``nodeID``, unique,
        and a known ``type``. Any other list is read one node at a time by
        :meth:`load_any_nodes`, which reports what is wrong.
        """
        if not nodes:
            return True
        # One pass makes (id, type) pairs; a node that is not an object, or lacks either key,
        # makes the getter raise, and an unhashable id makes ``dict`` raise.
        try:
            pairs = list(map(_ID_AND_TYPE, nodes))
            types = dict(pairs)
            written = set(types.values())
        except (KeyError, TypeError):
            return False
        if len(types) != len(pairs):  # a duplicate id
            return False
        if set(map(type, types)) != {str} or "" in types or set(map(type, written)) != {str}:
            return False
        kinds = {w: w.strip().upper() for w in written}
        if not KNOWN_TYPES.issuperset(kinds.values()):
            return False
        if any(k != w for w, k in kinds.items()):
            types = {node_id: kinds[w] for node_id, w in types.items()}
        ids = list(types)
        self.types = types
        self.nodes = dict(zip(ids, nodes, strict=True))
        self.order = ids
        self.kinds = list(types.values())
        return True

    def load_any_nodes(self, nodes: list[Any]) -> None:
        known, types, order, order_kinds = self.nodes, self.types, self.order, self.kinds
        kinds: dict[str, str] = {}  # a type as written -> as read ("ra " -> "RA")
        for i, node in enumerate(nodes):
            if not isinstance(node, dict):
                self.r.warn(
                    "bad-node",
                    "a node must be a JSON object; skipped",
                    None,
                    f"{self.prefix}nodes[{i}]",
                )
                continue
            node_id = node.get("nodeID")
            if type(node_id) is not str or not node_id:
                node_id = ident(node_id)
                if node_id is None:
                    self.r.warn(
                        "no-node-id",
                        "node has no usable nodeID; skipped",
                        None,
                        f"{self.prefix}nodes[{i}]",
                    )
                    continue
            written = node.get("type")
            if type(written) is str:
                kind = kinds.get(written)
                if kind is None:
                    kind = kinds[written] = written.strip().upper()
            else:
                kind = ""
            if node_id in known:
                self.r.warn(
                    "duplicate-node",
                    f"node {node_id} appears twice; the later one is ignored",
                    node_id,
                    f"{self.prefix}nodes[{i}]",
                )
                continue
            known[node_id] = node
            types[node_id] = kind
            order.append(node_id)
            order_kinds.append(kind)
            if kind not in KNOWN_TYPES:
                self.r.warn(
                    "unknown-node-type",
                    f"node {node_id} has type {node.get('type')!r}, which argmap does not map; "
                    "kept as it is under data.aif.dialogue",
                    node_id,
                    f"{self.prefix}nodes[{i}]",
                )

    def load_edges(self, edges: list[Any]) -> None:
        if not self.load_tidy_edges(edges):
            self.load_any_edges(edges)

    def adjacent(self) -> frozenset[str]:
        """The node types whose edges are looked up (claims' only to guess positions)."""
        return _LOOKED_UP if self.ext is not None else _LOOKED_UP | _I

    def load_tidy_edges(self, edges: list[Any]) -> bool:
        """Load the edges in bulk if none needs a warning or is repeated, else return False.

        Edges as argmap writes them: objects whose string ``fromID`` and ``toID`` name two
        different nodes, each pair once. Any other list is read one edge at a time by
        :meth:`load_any_edges`, which reports (or skips) what is wrong.
        """
        types = self.types
        try:
            origins = list(map(_FROM, edges))
            targets = list(map(_TO, edges))
            origin_kinds = list(map(types.get, origins))
            target_kinds = list(map(types.get, targets))
        except (KeyError, TypeError):
            return False
        # (node ids are non-empty strings: this checks the ends' type too)
        if None in origin_kinds or None in target_kinds:
            return False
        if not all(map(operator.ne, origins, targets)):
            return False
        if self.ext is None:
            # Every edge is kept (see ``build``): none may repeat. With the extension only the
            # edges in ``outs`` and ``ins`` matter, and ``_group`` finds their repeats.
            pairs = list(zip(origins, targets, strict=True))
            if len(set(pairs)) != len(pairs):
                return False
            self.raw_edges = [
                (edge.get("edgeID"), origin, target, edge.get("formEdgeID"))
                for edge, (origin, target) in zip(edges, pairs, strict=True)
            ]
        adjacent = self.adjacent()
        leads_on = list(map(adjacent.__contains__, origin_kinds))
        outs = _group(compress(origins, leads_on), compress(targets, leads_on))
        led_into = list(map(adjacent.__contains__, target_kinds))
        ins = _group(compress(targets, led_into), compress(origins, led_into))
        if outs is None or ins is None:
            self.raw_edges = []
            return False
        self.outs, self.ins = outs, ins
        return True

    def load_any_edges(self, edges: list[Any]) -> None:
        seen: set[tuple[str, str]] = set()
        types, outs, ins = self.types, self.outs, self.ins
        # The raw edges are only kept when there is no extension (see ``build``).
        adjacent = self.adjacent()
        raw_edges = self.raw_edges if self.ext is None else None
        for i, edge in enumerate(edges):
            if type(edge) is not dict:
                self.r.warn(
                    "bad-edge",
                    "an edge must be a JSON object; skipped",
                    None,
                    f"{self.prefix}edges[{i}]",
                )
                continue
            origin = edge.get("fromID")
            target = edge.get("toID")
            if type(origin) is not str or type(target) is not str or not origin or not target:
                origin, target = ident(origin), ident(target)
            if origin is None or target is None:
                self.bad_edge(i, _edge_id(edge.get("edgeID")), origin, target)
                continue
            origin_kind = types.get(origin)
            target_kind = types.get(target)
            if origin_kind is None or target_kind is None or origin == target:
                self.bad_edge(i, _edge_id(edge.get("edgeID")), origin, target)
                continue
            pair = (origin, target)
            if pair in seen:
                continue
            seen.add(pair)
            if origin_kind in adjacent:
                following = outs.get(origin)
                if following is None:
                    outs[origin] = [target]
                else:
                    following.append(target)
            if target_kind in adjacent:
                leading = ins.get(target)
                if leading is None:
                    ins[target] = [origin]
                else:
                    leading.append(origin)
            if raw_edges is not None:
                raw_edges.append((edge.get("edgeID"), origin, target, edge.get("formEdgeID")))

    def bad_edge(self, i: int, edge_id: Any, origin: str | None, target: str | None) -> None:
        path = f"{self.prefix}edges[{i}]"
        label = f"edge {edge_id}" if edge_id else "an edge"
        if origin is None or target is None:
            self.r.warn("bad-edge", f"{label} lacks fromID or toID; skipped", edge_id, path)
            return
        missing = [n for n in (origin, target) if n not in self.nodes]
        if missing:
            self.r.warn(
                "dangling-edge",
                f"{label} from {origin} to {target} points at "
                + " and ".join(f"node {m}" for m in missing)
                + ", which does not exist; skipped",
                missing[0],
                path,
            )
            return
        self.r.warn("self-edge", f"{label} joins node {origin} to itself; skipped", origin, path)

    def load_dialogue_tables(
        self, locutions: list[Any], participants: list[Any], fulfilled: Any
    ) -> None:
        self.participants = participant_names(participants)
        self.participant_records = [r for r in participants if isinstance(r, dict)]
        if not self.load_tidy_locutions(locutions):
            self.load_any_locutions(locutions)
        if isinstance(fulfilled, list):
            for record in fulfilled:
                if isinstance(record, dict):
                    node_id = ident(record.get("nodeID"))
                    scheme_id = ident(record.get("schemeID"))
                    if node_id is not None and scheme_id is not None:
                        self.scheme_ids[node_id] = scheme_id

    def load_tidy_locutions(self, locutions: list[Any]) -> bool:
        """Load the locutions in bulk if each names a different node by a string id."""
        try:
            ids = list(map(_NODE_ID, locutions))
            named = set(ids)
        except (KeyError, TypeError):
            return False
        # (node ids are non-empty strings: this checks the ids' type too)
        if len(named) != len(ids) or not self.nodes.keys() >= named:
            return False
        self.locutions = dict(zip(ids, locutions, strict=True))
        return True

    def load_any_locutions(self, locutions: list[Any]) -> None:
        for i, record in enumerate(locutions):
            node_id = ident(record.get("nodeID")) if isinstance(record, dict) else None
            if node_id is None:
                self.r.warn(
                    "bad-locution",
                    "locution has no nodeID; ignored",
                    None,
                    f"{self.prefix}locutions[{i}]",
                )
                continue
            if node_id not in self.nodes:
                self.r.warn(
                    "dangling-locution",
                    f"locution of node {node_id}, which does not exist",
                    node_id,
                    f"{self.prefix}locutions[{i}]",
                )
            assert isinstance(record, dict)
            self.locutions.setdefault(node_id, record)

    # -- building -------------------------------------------------------------------------

    def of_kind(self, wanted: frozenset[str]) -> list[str]:
        """The ids of the nodes of the ``wanted`` types, in the document's order."""
        return list(itertools.compress(self.order, map(wanted.__contains__, self.kinds)))

    def of_kind_with_nodes(self, wanted: frozenset[str]) -> list[tuple[str, dict[str, Any]]]:
        """:meth:`of_kind` with each node's record (``nodes`` holds them in the same order)."""
        chosen = list(map(wanted.__contains__, self.kinds))
        node_ids = compress(self.order, chosen)
        return list(zip(node_ids, compress(self.nodes.values(), chosen), strict=True))

    def node_details(self, node_id: str, *, text: bool = False) -> dict[str, JSONValue]:
        """What an element keeps of its node: timestamp, scheme, scheme id (and text)."""
        node = self.nodes[node_id]
        out: dict[str, JSONValue] = {}
        if text:
            out["text"] = text_of(node.get("text"))
        for key in ("scheme", "timestamp"):
            value = node.get(key)
            if isinstance(value, str) and value:
                out[key] = value
        scheme_id = ident(node.get("schemeID")) or self.scheme_ids.get(node_id)
        if scheme_id is not None:
            out["schemeID"] = scheme_id
        return out

    def sources(self) -> tuple[dict[str, tuple[Source, ...]], set[str]]:
        """Each I-node's sources (L -> YA -> I), and the L-nodes that anchor claims."""
        found: dict[str, tuple[Source, ...]] = {}
        anchors: set[str] = set()
        types, nodes, ins, outs = self.types, self.nodes, self.ins, self.outs
        locution_of, participants = self.locutions.get, self.participants
        keep_anchors = self.ext is None  # (only a reading without the extension needs them)
        for ya in self.of_kind(_YA):
            leading = ins.get(ya)
            if leading is None:
                continue
            claims = [n for n in outs.get(ya, ()) if types[n] == "I"]
            for lnode in leading:
                if types[lnode] != "L":
                    continue
                source, bad, pid = read_locution(
                    lnode, nodes[lnode], locution_of(lnode), participants
                )
                if bad is not None:
                    self.r.warn(
                        "bad-date",
                        f"locution {lnode}: time {bad!r} is not an ISO 8601 "
                        "date; left out of the source",
                        lnode,
                    )
                if pid is not None and source.speaker is not None and pid not in participants:
                    self.learnt_participants.setdefault(pid, source.speaker)
                if claims and keep_anchors:
                    anchors.add(lnode)
                for claim in claims:
                    listed = found.get(claim)
                    if listed is None:
                        found[claim] = (source,)
                    elif source not in listed:
                        found[claim] = (*listed, source)
        return found, anchors

    def build(self, flavour: str, top: Mapping[str, Any]) -> ArgumentMap:
        ext = self.ext
        has_ext = ext is not None
        ext_claims: dict[str, Any] = table_of(ext, "claims")
        ext_arguments: dict[str, Any] = table_of(ext, "arguments")
        ext_relations: dict[str, Any] = table_of(ext, "relations")
        sources, anchors = self.sources()
        types, nodes, order = self.types, self.nodes, self.order

        claims: list[Claim] = []
        # The RA-, CA-, MA- and PA-nodes, in order.
        scheme_nodes = self.of_kind_with_nodes(_SCHEME_NODES)
        for node_id, node in self.of_kind_with_nodes(_I):
            text = node.get("text")
            if type(text) is not str:
                text = text_of(text)
            own = sources.get(node_id, ())
            if has_ext:
                record = ext_claims.get(node_id)
                if not record or not isinstance(record, dict):
                    # What a claim without extras reads as (the common case, made directly).
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

        arguments: list[Argument] = []
        relations: dict[tuple[RelationKind, str, str], Relation] = {}
        rephrases: list[JSONValue] = []
        preferences: list[JSONValue] = []
        placed: set[str] = set()  # the scheme nodes the map itself carries
        argument_ids: set[str] = set()
        # RA-nodes first, so that relations can point at the arguments they make.
        relation_nodes: dict[str, str] = {}
        for node_id, _ in scheme_nodes:
            if types[node_id] == "RA":
                mark = ext_relations.get(node_id)
                if isinstance(mark, dict) and relation_kind(mark) is not None:
                    relation_nodes[node_id] = str(mark["kind"])
                else:
                    argument_ids.add(node_id)
        ins, outs = self.ins, self.outs
        no_ends: tuple[str, ...] = ()
        for node_id, node in scheme_nodes:
            kind = types[node_id]
            # First the shapes argmap writes, with no extras: an RA-node from I-nodes to one
            # I-node, a CA-node from one I-node to one I- or RA-node. They are made here
            # directly; :meth:`argument` and :meth:`relation` read (and warn about) any other.
            # (A document that is all argmap's shape never gets here: bulk.py reads it. These
            # serve the others with the extension, such as an AIFdb corpus argmap wrote back
            # with its dialogue layer kept.)
            if has_ext and kind == "RA":
                premises = ins.get(node_id, no_ends)
                following = outs.get(node_id, no_ends)
                if (
                    premises
                    and len(following) == 1
                    and node_id not in ext_arguments
                    and node_id not in relation_nodes
                    and _I.issuperset(map(types.__getitem__, premises))
                ):
                    conclusion = following[0]
                    if types[conclusion] == "I" and conclusion not in premises:
                        text = node.get("text")
                        scheme = scheme_of(text if type(text) is str else text_of(text))
                        arguments.append(
                            Argument(node_id, tuple(premises), conclusion, None, None, scheme)
                        )
                        placed.add(node_id)
                        continue
            elif has_ext and kind == "CA" and node_id not in ext_relations:
                origins = ins.get(node_id, no_ends)
                targets = outs.get(node_id, no_ends)
                if len(origins) == 1 and len(targets) == 1:
                    origin = origins[0]
                    target = targets[0]
                    target_kind = types[target]
                    if types[origin] == "I" and origin != target:
                        chosen = None
                        if target_kind == "I":
                            chosen = RelationKind.ATTACK
                        elif target_kind == "RA" and target in argument_ids:
                            chosen = RelationKind.UNDERCUT
                        key = (chosen, origin, target)
                        if chosen is not None and key not in relations:
                            relations[key] = Relation(chosen, origin, target, {})  # type: ignore[index]
                            placed.add(node_id)
                            continue
            if kind == "RA" and node_id not in relation_nodes:
                made = self.argument(
                    node_id,
                    ext_arguments.get(node_id) if has_ext else None,
                    has_ext,
                    relations,
                    argument_ids,
                )
                arguments.extend(made)
                placed.add(node_id)
            elif kind in ("CA", "RA"):
                if self.relation(
                    node_id, ext_relations.get(node_id), has_ext, relations, argument_ids
                ):
                    placed.add(node_id)
            else:
                record = self.scheme_record(node_id)
                (rephrases if kind == "MA" else preferences).append(record)
                placed.add(node_id)

        if ext is not None:
            # The extension's map data replaces what is gathered below: only warn.
            for node_id in self.of_kind(_YA):
                if node_id not in self.outs:
                    self.unanchored(node_id)
            meta = ext.get("map") if isinstance(ext.get("map"), dict) else {}
            assert isinstance(meta, dict)
            return self.make_map(claims, arguments, list(relations.values()), meta, default_data={})

        dialogue_nodes: list[JSONValue] = []
        for node_id in order:
            kind = types[node_id]
            if kind == "I" or node_id in placed or node_id in anchors:
                continue
            if kind == "YA" and node_id not in self.outs:
                self.unanchored(node_id)
            dialogue_nodes.append(_json(_plain_node(nodes[node_id], node_id)))
        # Edges between two nodes the map itself carries are written again from the map.
        raw_edges: list[dict[str, Any]] = []
        for edge_id, origin, target, form in self.raw_edges:
            if (types[origin] != "I" and origin not in placed) or (
                types[target] != "I" and target not in placed
            ):
                raw: dict[str, Any] = {
                    "edgeID": _edge_id(edge_id) or "",
                    "fromID": origin,
                    "toID": target,
                }
                if form is not None:
                    raw["formEdgeID"] = form
                raw_edges.append(raw)

        aif: dict[str, JSONValue] = {"flavour": flavour}
        if rephrases:
            aif["rephrases"] = rephrases
        if preferences:
            aif["preferences"] = preferences
        dialogue: dict[str, JSONValue] = {}
        if dialogue_nodes:
            dialogue["nodes"] = dialogue_nodes
        if raw_edges:
            dialogue["edges"] = _json(raw_edges)
        if self.locutions:
            dialogue["locutions"] = _json(
                [dict(self.locutions[n], nodeID=n) for n in self.order if n in self.locutions]
            )
        participants: list[Any] = list(self.participant_records)
        for pid, name in self.learnt_participants.items():
            participants.append({"participantID": pid, "name": name})
        if participants:
            dialogue["participants"] = _json(participants)
        if dialogue:
            aif["dialogue"] = dialogue
        document_text = top.get("text")
        if isinstance(document_text, str) and document_text:
            aif["text"] = document_text

        title = ""
        if self.r.source and not self.r.source.startswith("<"):
            from pathlib import PurePath

            title = PurePath(self.r.source).stem
        return self.make_map(
            claims,
            arguments,
            list(relations.values()),
            {"title": title},
            default_data={DATA_KEY: aif},
        )

    def make_map(
        self,
        claims: list[Claim],
        arguments: list[Argument],
        relations: list[Relation],
        meta: Mapping[str, Any],
        default_data: dict[str, JSONValue],
    ) -> ArgumentMap:
        sections: list[Section] = []
        for item in meta.get("sections", []) if isinstance(meta.get("sections"), list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                sections.append(
                    Section(
                        id=item["id"],
                        title=text_of(item.get("title")),
                        parent=opt_str(item.get("parent")),
                        data=data_of(item.get("data")),
                    )
                )
        known_sections = {s.id for s in sections}

        def check_section(element: Claim | Argument) -> Claim | Argument:
            if element.section is None or element.section in known_sections:
                return element
            self.r.warn(
                "unknown-section",
                f"{element.id} names section {element.section!r}, "
                "which the extension does not list; dropped",
                element.id,
            )
            return attrs.evolve(element, section=None)

        # Most elements have no section: look only at those that name one.
        claims = [c if c.section is None else check_section(c) for c in claims]  # type: ignore[misc]
        arguments = [
            a if a.section is None else check_section(a)  # type: ignore[misc]
            for a in arguments
        ]
        try:
            return ArgumentMap(
                title=text_of(meta.get("title")),
                description=str_or_none(meta.get("description")),
                authors=tuple(a for a in meta.get("authors", ()) if isinstance(a, str))
                if isinstance(meta.get("authors"), list)
                else (),
                date=str_or_none(meta.get("date")),
                claims=claims,
                arguments=arguments,
                relations=relations,
                sections=sections,
                data=data_of(meta["data"]) if "data" in meta else default_data,
            )
        except MapStructureError as error:  # pragma: no cover - guarded above, kept as a net
            raise self.r.fail("invalid-map", str(error)) from None

    def unanchored(self, node_id: str) -> None:
        self.r.warn(
            "unanchored-illocution",
            f"YA-node {node_id} ({text_of(self.nodes[node_id].get('text'))!r}) "
            "points at nothing; kept under data.aif.dialogue",
            node_id,
        )

    def looks_like_position(self, node_id: str) -> bool:
        """Whether a claim is reasoned about (concluded, targeted, rephrased) but leads nowhere."""
        if any(self.types[n] in ("RA", "CA") for n in self.outs.get(node_id, ())):
            return False
        return any(self.types[n] in ("RA", "CA", "MA") for n in self.ins.get(node_id, ()))

    def argument(
        self,
        node_id: str,
        record: Any,
        has_ext: bool,
        relations: dict[tuple[RelationKind, str, str], Relation],
        argument_ids: set[str],
    ) -> list[Argument]:
        node = self.nodes[node_id]
        types = self.types
        premises: list[str] = []
        for n in self.ins.get(node_id, ()):
            kind = types[n]
            if kind == "I":
                premises.append(n)
            elif kind not in _RA_SOURCES:
                self.r.warn(
                    "unplaced-edge",
                    f"edge from {kind or '?'}-node {n} into RA-node "
                    f"{node_id} has no meaning in the argument layer; ignored",
                    n,
                )
        following = self.outs.get(node_id, ())
        conclusions: list[str] = []
        for n in following:
            kind = types[n]
            if kind == "I":
                conclusions.append(n)
            elif kind == "RA" and n in argument_ids:
                self.add_relation(relations, Relation(RelationKind.SUPPORT, node_id, n), node_id)
        text = text_of(node.get("text"))
        fields: dict[str, Any]
        if has_ext:
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
                self.r.warn(
                    "no-conclusion",
                    f"RA-node {node_id} leads to no I-node: an argument without a conclusion",
                    node_id,
                )
            conclusions_or_none: list[str | None] = [None]
        else:
            conclusions_or_none = list(conclusions)
            if len(conclusions) > 1:
                self.r.warn(
                    "several-conclusions",
                    f"RA-node {node_id} leads to "
                    f"{len(conclusions)} I-nodes; read as one argument per conclusion "
                    f"({', '.join(conclusions)})",
                    node_id,
                )
        if not premises:
            self.r.warn(
                "no-premises",
                f"RA-node {node_id} has no premise (no I-node leads into it)",
                node_id,
            )
        made: list[Argument] = []
        for i, conclusion in enumerate(conclusions_or_none):
            own = premises
            if conclusion in premises:
                own = [p for p in premises if p != conclusion]
                self.r.warn(
                    "self-support",
                    f"RA-node {node_id}: I-node {conclusion} is both a "
                    "premise and the conclusion; left out of the premises",
                    node_id,
                )
            argument_id = node_id if i == 0 else f"{node_id}#{i + 1}"
            while argument_id in self.nodes and i:
                argument_id += "'"
            made.append(
                Argument(id=argument_id, premises=tuple(own), conclusion=conclusion, **fields)
            )
        return made

    def relation(
        self,
        node_id: str,
        record: Any,
        has_ext: bool,
        relations: dict[tuple[RelationKind, str, str], Relation],
        argument_ids: set[str],
    ) -> bool:
        types = self.types
        kind_name = types[node_id]
        ends = ("I", "RA")
        origins = [n for n in self.ins.get(node_id, ()) if types[n] in ends]
        targets = [n for n in self.outs.get(node_id, ()) if types[n] in ends]
        for n in self.outs.get(node_id, ()):
            if types[n] in ("CA", "MA", "PA"):
                self.r.warn(
                    "unplaced-edge",
                    f"{kind_name}-node {node_id} points at "
                    f"{types[n]}-node {n}; argmap cannot attack a conflict or a rephrase; "
                    "edge ignored",
                    node_id,
                )
        if not origins or not targets:
            missing = "origin" if not origins else "target"
            self.r.warn(
                f"no-{missing}",
                f"{kind_name}-node {node_id} has no {missing} "
                "(no I- or RA-node on that side); kept under data.aif.dialogue",
                node_id,
            )
            return False
        mark = record if isinstance(record, dict) else None
        kind = relation_kind(mark) if has_ext and mark is not None else None
        if has_ext:
            data = data_of(mark.get("data")) if mark is not None else {}
        else:
            details = self.node_details(node_id, text=True)
            details["nodeID"] = node_id
            data = {DATA_KEY: _json(details)}
        for origin in origins:
            if types[origin] == "RA" and origin not in argument_ids:
                self.r.warn(
                    "unplaced-edge",
                    f"RA-node {origin} leads into {kind_name}-node "
                    f"{node_id} but is itself read as a relation; edge ignored",
                    node_id,
                )
                continue
            for target in targets:
                target_kind = types[target]
                if target_kind == "RA" and target not in argument_ids:
                    self.r.warn(
                        "unplaced-edge",
                        f"{kind_name}-node {node_id} points at RA-node "
                        f"{target}, which is itself read as a relation; edge ignored",
                        node_id,
                    )
                    continue
                if origin == target:
                    self.r.warn(
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
                self.add_relation(relations, Relation(chosen, origin, target, data=data), node_id)
        return True

    def add_relation(
        self,
        relations: dict[tuple[RelationKind, str, str], Relation],
        relation: Relation,
        node_id: str,
    ) -> None:
        key = relation.key
        if key in relations:
            if relation.kind is not RelationKind.CONTRADICTION:
                self.r.warn(
                    "duplicate-relation",
                    f"node {node_id}: {relation.origin} already "
                    f"{relation.kind.value}s {relation.target}; the repeat is left out",
                    node_id,
                )
            return
        relations[key] = relation

    def scheme_record(self, node_id: str) -> JSONValue:
        """An MA- or PA-node with its ends, as kept in the map's data."""
        record: dict[str, JSONValue] = {"nodeID": node_id}
        record.update(self.node_details(node_id, text=True))
        ins = [n for n in self.ins.get(node_id, ()) if self.types[n] in _ARGUMENT_LAYER]
        outs = [n for n in self.outs.get(node_id, ()) if self.types[n] in _ARGUMENT_LAYER]
        record["from"] = _json(ins)
        record["to"] = _json(outs)
        if not ins or not outs:
            side = "nothing leads into it" if not ins else "it leads to nothing"
            self.r.warn(
                "incomplete-scheme-node", f"{self.types[node_id]}-node {node_id}: {side}", node_id
            )
        return record


_NODE_ID = operator.itemgetter("nodeID")
_ID_AND_TYPE = operator.itemgetter("nodeID", "type")
_FROM = operator.itemgetter("fromID")
_TO = operator.itemgetter("toID")

_I = frozenset({"I"})
_YA = frozenset({"YA"})
_ARGUMENT_LAYER = frozenset({"I", "RA", "CA", "MA", "PA"})
_SCHEME_NODES = frozenset({"RA", "CA", "MA", "PA"})
_LOOKED_UP = frozenset({"RA", "CA", "MA", "PA", "YA"})
"""The nodes whose edges the reader looks up (and claims', when it guesses positions)."""
_RA_SOURCES = frozenset({"RA", "CA", "YA", "MA", "PA"})
"""Nodes whose edges into an RA-node are read elsewhere (or are the dialogue's)."""


def _group(keys: Iterable[str], values: Iterable[str]) -> dict[str, list[str]] | None:
    """The values of each key, in order; None if a key has the same value twice."""
    grouped = group_ends(keys, values)
    if grouped is None:
        return None
    one, several = grouped
    lists = dict(zip(one, map(list, zip(one.values())), strict=True))
    lists.update(several)
    return lists


def _plain_node(node: Mapping[str, Any], node_id: str) -> dict[str, Any]:
    out = dict(node)
    out["nodeID"] = node_id
    return out


def read_aif(data: bytes | str, source: str | None = None) -> AifReading:
    """Read an AIFdb JSON or xAIF document.

    Args:
        data: The document (bytes, or text).
        source: A file name for messages.

    Returns:
        The map, the warnings (what could not be placed, each with its node id), the node
        counts by AIF type and the flavour found.

    Raises:
        ReadError: the document is not JSON, or not AIF at all.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    # Reading makes millions of small objects and no cycles: the cyclic collector would only
    # walk them again and again (a third of the time on large corpora).
    with paused_gc():
        return _Reader(source).read(raw)


def node_types(nodes: Iterable[Mapping[str, Any]]) -> Counter[str]:
    """Count nodes by AIF type (a helper for reports and tests)."""
    return Counter(str(n.get("type", "?")).upper() for n in nodes)


def read(data: bytes | str, source: str | None = None) -> ArgumentMap:
    """Read AIF or xAIF as a map; every warning goes to the ``argmap_aif`` logger."""
    reading = read_aif(data, source)
    if reading.warnings:
        logger = logging.getLogger("argmap_aif")
        for warning in reading.warnings:
            logger.warning("argmap: %s", warning.format())
    return reading.map
