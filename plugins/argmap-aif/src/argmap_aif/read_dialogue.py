"""Reading the dialogue layer: locutions as claims' sources, and the rest kept as it was.

Each L-node anchored on an I-node through a YA-node becomes a :class:`~argmap.Source` of that
claim (see :func:`argmap_aif.common.read_locution`). Without argmap's extension, everything
else the map has no place for (transitions, illocutions anchored on scheme nodes, the
analyst's own locutions, the edges between them) is kept in the map's ``data["aif"]``, so that
writing the map back as AIF restores it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from argmap.model import JSONValue, Source
from argmap_aif.common import read_locution
from argmap_aif.fields import text_of
from argmap_aif.read_graph import Graph, edge_id
from argmap_aif.read_report import Report

_YA = frozenset({"YA"})


class Sources(NamedTuple):
    """What the locutions anchored on claims give."""

    by_claim: dict[str, tuple[Source, ...]]
    """Each claim's sources, in the order of its YA-nodes."""
    anchors: set[str]
    """The L-nodes that anchor claims (gathered only for a document without the extension)."""
    learnt: dict[str, str]
    """Speakers' names by participant id, for participants the document does not list."""


def read_sources(graph: Graph, report: Report, *, extended: bool) -> Sources:
    """Each I-node's sources (L -> YA -> I), warning about dates that are not ISO 8601."""
    found: dict[str, tuple[Source, ...]] = {}
    anchors: set[str] = set()
    learnt: dict[str, str] = {}
    types, nodes, ins, outs = graph.types, graph.nodes, graph.ins, graph.outs
    locution_of, participants = graph.locutions.get, graph.participants
    for ya in graph.of_kind(_YA):
        leading = ins.get(ya)
        if leading is None:
            continue
        claims = [n for n in outs.get(ya, ()) if types[n] == "I"]
        for lnode in leading:
            if types[lnode] != "L":
                continue
            said = read_locution(lnode, nodes[lnode], locution_of(lnode), participants)
            source, pid = said.source, said.participant
            if said.bad_date is not None:
                report.warn(
                    "bad-date",
                    f"locution {lnode}: time {said.bad_date!r} is not an ISO 8601 "
                    "date; left out of the source",
                    lnode,
                )
            if pid is not None and source.speaker is not None and pid not in participants:
                learnt.setdefault(pid, source.speaker)
            if claims and not extended:
                anchors.add(lnode)
            for claim in claims:
                listed = found.get(claim)
                if listed is None:
                    found[claim] = (source,)
                elif source not in listed:
                    found[claim] = (*listed, source)
    return Sources(found, anchors, learnt)


def unanchored(graph: Graph, report: Report, node_id: str) -> None:
    """Warn that the YA-node ``node_id`` points at nothing."""
    text = graph.nodes[node_id].get("text")
    report.warn(
        "unanchored-illocution",
        f"YA-node {node_id} ({text_of(text)!r}) points at nothing; kept under data.aif.dialogue",
        node_id,
    )


def kept_dialogue(
    graph: Graph, report: Report, placed: set[str], sources: Sources
) -> dict[str, JSONValue]:
    """What the map keeps of the dialogue layer (``data["aif"]["dialogue"]``).

    Args:
        graph: The document.
        report: Where the warnings go (a YA-node that points at nothing).
        placed: The scheme nodes the map itself carries (as arguments, relations, or records).
        sources: The sources read; their L-nodes are carried by the claims.
    """
    types, nodes, outs, anchors = graph.types, graph.nodes, graph.outs, sources.anchors
    dialogue_nodes: list[JSONValue] = []
    for node_id, kind in types.items():
        if kind == "I" or node_id in placed or node_id in anchors:
            continue
        if kind == "YA" and node_id not in outs:
            unanchored(graph, report, node_id)
        node = dict(nodes[node_id])
        node["nodeID"] = node_id
        dialogue_nodes.append(node)
    # Edges between two nodes the map itself carries are written again from the map.
    edges: list[JSONValue] = []
    for kept_id, origin, target, form in graph.edges:
        if (types[origin] != "I" and origin not in placed) or (
            types[target] != "I" and target not in placed
        ):
            edge: dict[str, JSONValue] = {
                "edgeID": edge_id(kept_id) or "",
                "fromID": origin,
                "toID": target,
            }
            if form is not None:
                edge["formEdgeID"] = form
            edges.append(edge)
    dialogue: dict[str, JSONValue] = {}
    if dialogue_nodes:
        dialogue["nodes"] = dialogue_nodes
    if edges:
        dialogue["edges"] = edges
    locutions = graph.locutions
    if locutions:
        dialogue["locutions"] = [dict(locutions[n], nodeID=n) for n in types if n in locutions]
    participants: list[Any] = list(graph.participant_records)
    for pid, name in sources.learnt.items():
        participants.append({"participantID": pid, "name": name})
    if participants:
        dialogue["participants"] = participants
    return dialogue
