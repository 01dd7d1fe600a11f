"""The first step of reading: an AIF document's nodes, edges and tables, checked one by one.

Real files are untidy: ids are strings or integers, some nodes lack an id or repeat one, some
edges point at nodes that do not exist or repeat another edge. :func:`load_graph` keeps what
can be used and reports the rest (naming the node or edge and its place in the document); the
later steps then work on a :class:`Graph` whose every edge joins two nodes it holds.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

from argmap_aif.common import KNOWN_TYPES, participant_names
from argmap_aif.fields import ident
from argmap_aif.read_report import Report

LOOKED_UP = frozenset({"RA", "CA", "MA", "PA", "YA"})
"""The nodes whose edges the reader looks up (premises, conclusions, ends, locutions)."""
_WITH_CLAIMS = LOOKED_UP | {"I"}
"""The same and claims: without the extension, a claim's edges tell whether it is a position."""


class KeptEdge(NamedTuple):
    """An edge as the document gives it (its id and ``formEdgeID`` untouched), ends read."""

    edge_id: Any
    origin: str
    target: str
    form: Any


class Graph:
    """The usable part of an AIF document.

    Attributes:
        nodes: Each node by its id (as text), in the document's order.
        types: Each node's type, upper case, by id (``""`` when it has none).
        outs: The nodes each looked-up node leads to, in the edges' order. Only nodes with such
            edges have an entry: look them up with ``.get(node_id, ())``.
        ins: The nodes leading into each looked-up node, likewise.
        edges: Every edge, once, when they are kept (documents without the extension).
        locutions: Each L-node's record in ``locutions``, by node id.
        participants: The participants' names, by participant id.
        participant_records: The participant records, as they are.
        scheme_ids: Scheme ids from xAIF's ``schemefulfillments``, by node id.
        counts: How many nodes of each type, in the order the types first appear.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.types: dict[str, str] = {}
        self.outs: dict[str, tuple[str, ...]] = {}
        self.ins: dict[str, tuple[str, ...]] = {}
        self.edges: list[KeptEdge] = []
        self.locutions: dict[str, dict[str, Any]] = {}
        self.participants: dict[str, str] = {}
        self.participant_records: list[Any] = []
        self.scheme_ids: dict[str, str] = {}
        self.counts: dict[str, int] = {}

    def of_kind(self, wanted: frozenset[str]) -> list[str]:
        """The ids of the nodes of the ``wanted`` types, in the document's order."""
        return [node_id for node_id, kind in self.types.items() if kind in wanted]


class Tables(NamedTuple):
    """The lists of a document that the graph is made of (each checked to be a list)."""

    nodes: list[Any]
    edges: list[Any]
    locutions: list[Any]
    participants: list[Any]
    fulfilled: Any
    """xAIF's ``schemefulfillments`` (not checked: anything but a list is ignored)."""


def load_graph(report: Report, prefix: str, tables: Tables, *, extended: bool) -> Graph:
    """Read a document's nodes, edges and tables, warning about what cannot be used.

    Args:
        report: Where the warnings go.
        prefix: The path of the lists in the document (``"AIF."`` in xAIF, else ``""``).
        tables: The document's lists.
        extended: Whether the document carries argmap's extension: then the edges themselves
            are not kept, and claims' edges are not looked up.
    """
    graph = Graph()
    _load_nodes(graph, report, prefix, tables.nodes)
    _load_edges(graph, report, prefix, tables.edges, extended=extended)
    graph.participants = participant_names(tables.participants)
    graph.participant_records = [r for r in tables.participants if isinstance(r, dict)]
    _load_locutions(graph, report, prefix, tables.locutions)
    if isinstance(tables.fulfilled, list):
        for record in tables.fulfilled:
            if isinstance(record, dict):
                node_id = ident(record.get("nodeID"))
                scheme_id = ident(record.get("schemeID"))
                if node_id is not None and scheme_id is not None:
                    graph.scheme_ids[node_id] = scheme_id
    return graph


def _load_nodes(graph: Graph, report: Report, prefix: str, nodes: list[Any]) -> None:
    known, types = graph.nodes, graph.types
    kinds: dict[str, str] = {}  # a type as written -> as read ("ra " -> "RA")
    for i, node in enumerate(nodes):
        if type(node) is not dict:
            report.warn(
                "bad-node", "a node must be a JSON object; skipped", None, f"{prefix}nodes[{i}]"
            )
            continue
        node_id = node.get("nodeID")
        if type(node_id) is not str or not node_id:
            node_id = ident(node_id)
            if node_id is None:
                report.warn(
                    "no-node-id", "node has no usable nodeID; skipped", None, f"{prefix}nodes[{i}]"
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
            report.warn(
                "duplicate-node",
                f"node {node_id} appears twice; the later one is ignored",
                node_id,
                f"{prefix}nodes[{i}]",
            )
            continue
        known[node_id] = node
        types[node_id] = kind
        if kind not in KNOWN_TYPES:
            report.warn(
                "unknown-node-type",
                f"node {node_id} has type {node.get('type')!r}, which argmap does not map; "
                "kept as it is under data.aif.dialogue",
                node_id,
                f"{prefix}nodes[{i}]",
            )
    counts = graph.counts
    for kind, count in Counter(types.values()).items():
        key = kind or "?"
        counts[key] = counts.get(key, 0) + count


def _load_edges(
    graph: Graph, report: Report, prefix: str, edges: list[Any], *, extended: bool
) -> None:
    types = graph.types
    looked_up = LOOKED_UP if extended else _WITH_CLAIMS
    kept = None if extended else graph.edges
    seen: set[tuple[str, str]] = set()
    # The ends of the edges out of (and into) looked-up nodes, side by side: grouped at the end.
    out_of: list[str] = []
    out_to: list[str] = []
    into: list[str] = []
    into_from: list[str] = []
    for i, edge in enumerate(edges):
        if type(edge) is not dict:
            report.warn(
                "bad-edge", "an edge must be a JSON object; skipped", None, f"{prefix}edges[{i}]"
            )
            continue
        origin = edge.get("fromID")
        target = edge.get("toID")
        if type(origin) is not str or type(target) is not str or not origin or not target:
            origin, target = ident(origin), ident(target)
            if origin is None or target is None:
                _bad_edge(graph, report, f"{prefix}edges[{i}]", edge, origin, target)
                continue
        origin_kind = types.get(origin)
        target_kind = types.get(target)
        if origin_kind is None or target_kind is None or origin == target:
            _bad_edge(graph, report, f"{prefix}edges[{i}]", edge, origin, target)
            continue
        pair = (origin, target)
        if pair in seen:
            continue  # a repeat says nothing new
        seen.add(pair)
        if origin_kind in looked_up:
            out_of.append(origin)
            out_to.append(target)
        if target_kind in looked_up:
            into.append(target)
            into_from.append(origin)
        if kept is not None:
            kept.append(KeptEdge(edge.get("edgeID"), origin, target, edge.get("formEdgeID")))
    graph.outs = _grouped(out_of, out_to)
    graph.ins = _grouped(into, into_from)


def _grouped(keys: list[str], values: list[str]) -> dict[str, tuple[str, ...]]:
    """Each key's values, in order: ``keys[i]`` has ``values[i]``."""
    grouped: dict[str, tuple[str, ...]] = dict(zip(keys, zip(values), strict=True))
    if len(grouped) < len(keys):  # some keys have several values
        several: dict[str, list[str]] = {k: [] for k, n in Counter(keys).items() if n > 1}
        for key, value in zip(keys, values, strict=True):
            listed = several.get(key)
            if listed is not None:
                listed.append(value)
        for key, listed in several.items():
            grouped[key] = tuple(listed)
    return grouped


def edge_id(value: Any) -> str | None:
    """An edge id as read: strings as they are (even empty), other values as ids are read."""
    return value if type(value) is str else ident(value)


def _bad_edge(
    graph: Graph,
    report: Report,
    path: str,
    edge: dict[str, Any],
    origin: str | None,
    target: str | None,
) -> None:
    name = edge_id(edge.get("edgeID"))
    label = f"edge {name}" if name else "an edge"
    if origin is None or target is None:
        report.warn("bad-edge", f"{label} lacks fromID or toID; skipped", name, path)
        return
    missing = [n for n in (origin, target) if n not in graph.nodes]
    if missing:
        report.warn(
            "dangling-edge",
            f"{label} from {origin} to {target} points at "
            + " and ".join(f"node {m}" for m in missing)
            + ", which does not exist; skipped",
            missing[0],
            path,
        )
        return
    report.warn("self-edge", f"{label} joins node {origin} to itself; skipped", origin, path)


def _load_locutions(graph: Graph, report: Report, prefix: str, locutions: list[Any]) -> None:
    nodes, found = graph.nodes, graph.locutions
    for i, record in enumerate(locutions):
        node_id = ident(record.get("nodeID")) if type(record) is dict else None
        if node_id is None:
            report.warn(
                "bad-locution", "locution has no nodeID; ignored", None, f"{prefix}locutions[{i}]"
            )
            continue
        if node_id not in nodes:
            report.warn(
                "dangling-locution",
                f"locution of node {node_id}, which does not exist",
                node_id,
                f"{prefix}locutions[{i}]",
            )
        found.setdefault(node_id, record)
