"""argmap's own AIF is read in bulk (argmap_aif.bulk); the general reader must read it alike.

The bulk reading may only accept a document the general reader reads without a word: each test
reads a document both ways (the general way by switching the bulk reading off) and compares the
maps, the warnings and the node counts, or the errors.
"""

from __future__ import annotations

import json
import random
from typing import Any
from unittest import mock

import pytest
from argmap_aif import dumps, read_aif
from argmap_aif import reader as reader_module
from argmap_aif.bulk import read_bulk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import Argument, ArgumentMap, Claim, ReadError, Relation, RelationKind, Source
from argmap.strategies import argument_maps
from argmap.testing import contract_maps


def both_ways(raw: bytes) -> tuple[Any, Any, bool]:
    """The reading with the bulk path, the general reading, and whether the bulk path read it."""
    taken: list[bool] = []

    def watched(*args: Any) -> Any:
        made = read_bulk(*args)
        taken.append(made is not None)
        return made

    def outcome(**patch: Any) -> Any:
        with mock.patch.object(reader_module, "read_bulk", **patch):
            try:
                reading = read_aif(raw, "doc.json")
            except ReadError as error:
                return [d.format() for d in error.diagnostics]
            return reading.map, [w.format() for w in reading.warnings], reading.node_counts

    fast = outcome(new=watched)
    general = outcome(return_value=None)
    return fast, general, any(taken)


def debate() -> ArgumentMap:
    """A map of every shape the bulk path reads: linked premises, rebuttals, undercuts,
    supports and contradictions without arguments, shared locutions, extension records."""
    said = Source(speaker="Ann Lee", quote="We said so.", date="2022-01-27", locator="l1")
    return ArgumentMap(
        title="t",
        claims=[
            Claim("c1", "Thesis", is_position=True, holder="A", sources=(said,)),
            Claim("c2", "Reason", sources=(said, Source(speaker="Bo", quote="q", locator="l2"))),
            Claim("c3", "Co-premise", tags=("x",)),
            Claim("c4", "Objection"),
            Claim("c5", "Undercutter"),
            Claim("c6", "Rival", verdict="rejected"),
        ],
        arguments=[
            Argument("a1", ("c2", "c3"), "c1", scheme="Argument from Expert Opinion"),
            Argument("a2", ("c4",), "c3", title="Titled"),
        ],
        relations=[
            Relation(RelationKind.ATTACK, "c4", "c1"),
            Relation(RelationKind.UNDERCUT, "c5", "a1"),
            Relation(RelationKind.SUPPORT, "c6", "c5"),
            Relation(RelationKind.CONTRADICTION, "c6", "c1", data={"k": 1}),
        ],
    )


def test_argmaps_own_shapes_are_read_in_bulk() -> None:
    fast, general, taken = both_ways(dumps(debate()).encode())
    assert taken
    assert fast == general
    assert fast[0] == debate()


@pytest.mark.parametrize("name", sorted(contract_maps()))
def test_contract_maps_agree(name: str) -> None:
    fast, general, _ = both_ways(dumps(contract_maps()[name]).encode())
    assert fast == general


@settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
@given(argument_maps())
def test_any_map_agrees(amap: ArgumentMap) -> None:
    fast, general, _ = both_ways(dumps(amap).encode())
    assert fast == general


def _mutate(document: dict[str, Any], rng: random.Random) -> None:
    """Change one thing in a written document, as hand edits and other tools do."""
    nodes, edges = document["nodes"], document["edges"]
    locutions = document.setdefault("locutions", [])
    choice = rng.randrange(12)
    if choice == 0 and edges:
        edges.pop(rng.randrange(len(edges)))
    elif choice == 1 and edges:
        edges.append(dict(rng.choice(edges)))
    elif choice == 2 and edges:
        edge = rng.choice(edges)
        edge["fromID"], edge["toID"] = edge["toID"], edge["fromID"]
    elif choice == 3 and nodes:
        rng.choice(nodes)["type"] = rng.choice(["I", "L", "YA", "RA", "CA", "MA", "TA", "ra"])
    elif choice == 4 and nodes:
        nodes.pop(rng.randrange(len(nodes)))
    elif choice == 5 and locutions:
        rng.choice(locutions)["start"] = rng.choice(["yesterday", "2022-13-01", "", 7])
    elif choice == 6 and locutions:
        locutions.append(dict(rng.choice(locutions)))
    elif choice == 7 and nodes:
        rng.choice(nodes)["text"] = rng.choice([None, 3, 2.5, [], "Default Inference"])
    elif choice == 8 and edges and nodes:
        rng.choice(edges)[rng.choice(["fromID", "toID"])] = rng.choice(nodes)["nodeID"]
    elif choice == 9 and nodes:
        nodes.append(dict(rng.choice(nodes)))
    elif choice == 10 and edges:
        edge = rng.choice(edges)
        edge["toID"] = edge["fromID"]
    elif choice == 11:
        document["participants"] = rng.choice([[], "x", [{"participantID": "1", "name": "Z"}]])


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.one_of(argument_maps(), st.just(debate())), st.integers(0, 2**32), st.integers(1, 3))
def test_edited_documents_agree(amap: ArgumentMap, seed: int, edits: int) -> None:
    document = json.loads(dumps(amap))
    rng = random.Random(seed)
    for _ in range(edits):
        _mutate(document, rng)
    fast, general, _ = both_ways(json.dumps(document).encode())
    assert fast == general


@pytest.mark.parametrize(
    "edit",
    [
        "drop-conclusion",
        "repeat-edge",
        "transition",
        "number-id",
        "bad-date",
        "self-attack",
        "unanchored",
        "undercut-of-support",
    ],
)
def test_documents_out_of_shape_go_the_general_way(edit: str) -> None:
    """Each of these makes the general reader warn or read differently: no bulk reading."""
    document = json.loads(dumps(debate()))
    nodes, edges = document["nodes"], document["edges"]
    by_id = {n["nodeID"]: n for n in nodes}
    if edit == "drop-conclusion":
        edges[:] = [e for e in edges if not (e["fromID"] == "a1" and e["toID"] == "c1")]
    elif edit == "repeat-edge":
        edges.append(dict(edges[0]))
    elif edit == "transition":
        nodes.append({"nodeID": "t1", "type": "TA", "text": "Default Transition"})
    elif edit == "number-id":
        nodes.append({"nodeID": 99, "type": "I", "text": "numbered"})
    elif edit == "bad-date":
        document["locutions"][0]["start"] = "yesterday"
    elif edit == "self-attack":
        attack = next(n["nodeID"] for n in nodes if n["type"] == "CA")
        origin = next(e for e in edges if e["toID"] == attack)["fromID"]
        next(e for e in edges if e["fromID"] == attack)["toID"] = origin
    elif edit == "unanchored":
        ya = next(n["nodeID"] for n in nodes if n["type"] == "YA")
        edges[:] = [e for e in edges if e["fromID"] != ya]
    elif edit == "undercut-of-support":
        support = next(
            k
            for k, v in document["argmapExtension"]["relations"].items()
            if v.get("kind") == "support"
        )
        assert by_id[support]["type"] == "RA"
        edges.append({"edgeID": "u", "fromID": "c4", "toID": "x"})
        nodes.append({"nodeID": "x", "type": "CA", "text": "Default Conflict"})
        edges.append({"edgeID": "v", "fromID": "x", "toID": support})
    fast, general, taken = both_ways(json.dumps(document).encode())
    assert not taken
    assert fast == general
