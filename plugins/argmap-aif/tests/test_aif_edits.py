"""argmap's own AIF read back, as written and after the edits hand editing and other tools make."""

from __future__ import annotations

import json
import random
from typing import Any

from argmap_aif import dumps, read_aif
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import Argument, ArgumentMap, Claim, ReadError, Relation, RelationKind, Source
from argmap.strategies import argument_maps


def debate() -> ArgumentMap:
    """A map of every shape the writer makes: linked premises, rebuttals, undercuts, supports
    and contradictions without arguments, shared locutions, extension records."""
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


def test_every_shape_the_writer_makes_reads_back_without_a_word() -> None:
    reading = read_aif(dumps(debate()).encode(), "doc.json")
    assert reading.map == debate()
    assert reading.warnings == ()
    assert reading.node_counts == {"I": 6, "L": 2, "YA": 3, "RA": 3, "CA": 4}


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
def test_edited_documents_read_without_a_traceback(
    amap: ArgumentMap, seed: int, edits: int
) -> None:
    document = json.loads(dumps(amap))
    rng = random.Random(seed)
    for _ in range(edits):
        _mutate(document, rng)
    try:
        reading = read_aif(json.dumps(document).encode(), "doc.json")
    except ReadError:
        return  # (an edit may leave a map argmap cannot hold: one error, not a traceback)
    # What was read is a map that reads again alike from what the writer makes of it.
    assert read_aif(dumps(reading.map)).map == reading.map
    for warning in reading.warnings:
        assert warning.location is not None


def test_a_repeated_edge_an_unknown_type_and_a_bad_date_each_give_their_warning() -> None:
    document = json.loads(dumps(debate()))
    document["edges"].append(dict(document["edges"][0]))  # said nothing: a repeat is no news
    document["nodes"].append({"nodeID": "t1", "type": "TA", "text": "Default Transition"})
    document["nodes"].append({"nodeID": "x1", "type": "XYZ", "text": "?"})
    document["locutions"][0]["start"] = "yesterday"
    reading = read_aif(json.dumps(document).encode(), "doc.json")
    assert [(w.code, w.element) for w in reading.warnings] == [
        ("unknown-node-type", "x1"),
        ("bad-date", "l1"),
        ("bad-date", "l1"),
    ]
    assert [c.id for c in reading.map.claims] == [c.id for c in debate().claims]
