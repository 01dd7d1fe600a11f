"""The AIF reader on the real files, on hand-made edge cases and on broken input."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from argmap_aif import read_aif

from argmap import Argument, ReadError, RelationKind, Source

DATA = Path(__file__).parent / "data"

# file: (node counts by type, claims, arguments, relations by kind, rephrases, sources, warnings)
REAL_FILES: dict[str, tuple[dict[str, int], int, int, dict[str, int], int, int, int]] = {
    "aifdbmapconverter__nodeset21145.json": (
        {"I": 14, "RA": 4, "CA": 1, "L": 34, "YA": 19, "TA": 14},
        14,
        4,
        {"attack": 1},
        0,
        15,
        0,
    ),
    "aifdbmapconverter__nodeset21147.json": (
        {"I": 22, "RA": 8, "MA": 4, "L": 46, "YA": 35, "TA": 22},
        22,
        8,
        {},
        4,
        23,
        0,
    ),
    "arguebuf-python__6064-original.json": (
        {"I": 9, "RA": 5, "L": 16, "YA": 14, "TA": 8},
        9,
        5,
        {},
        0,
        9,
        0,
    ),
    "arguebuf-python__6064-reconstructed.json": ({"I": 9, "RA": 5, "MA": 3}, 9, 5, {}, 3, 0, 13),
    "arguebuf-typescript__xaif.json": (
        {"I": 2, "RA": 1, "L": 4, "YA": 5, "TA": 1},
        2,
        1,
        {},
        0,
        2,
        0,
    ),
    "ceasystem__nodeset17919.json": (
        {"I": 16, "RA": 5, "MA": 4, "L": 33, "YA": 25, "TA": 14},
        16,
        5,
        {},
        4,
        16,
        0,
    ),
    "handmade-minimal.json": ({"I": 4, "RA": 1, "CA": 1, "MA": 1}, 4, 1, {"attack": 1}, 1, 0, 0),
    "papa__28010.json": (
        {"I": 9, "RA": 6, "CA": 2, "MA": 4, "L": 16, "YA": 28, "TA": 5},
        9,
        6,
        {"attack": 2},
        4,
        7,
        3,
    ),
    "papa__28022.json": (
        {"I": 21, "RA": 9, "CA": 3, "MA": 10, "L": 40, "YA": 62, "TA": 18},
        21,
        9,
        {"attack": 3},
        10,
        19,
        7,
    ),
    "papa__rebut_undercut.json": (
        {"I": 4, "RA": 1, "CA": 2, "L": 8, "YA": 8, "TA": 3},
        4,
        1,
        {"attack": 1, "undercut": 1},
        0,
        4,
        0,
    ),
}


def aif_data(amap: Any) -> Any:
    """The map's ``data["aif"]``, typed loosely for the tests."""
    return amap.data["aif"]


def read(name: str) -> Any:
    return read_aif((DATA / name).read_bytes(), name)


def doc(nodes: list[dict[str, Any]], edges: list[tuple[Any, Any]], **extra: Any) -> bytes:
    body = {
        "nodes": nodes,
        "edges": [{"edgeID": str(i), "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)],
        "locutions": [],
        **extra,
    }
    return json.dumps(body).encode()


def node(node_id: Any, kind: str, text: str = "") -> dict[str, Any]:
    return {"nodeID": node_id, "type": kind, "text": text or f"{kind} {node_id}"}


class TestRealFiles:
    """Every real file reads; the counts are pinned."""

    def test_every_file_in_the_data_folder_is_pinned(self) -> None:
        assert sorted(p.name for p in DATA.glob("*.json")) == sorted(REAL_FILES)

    @pytest.mark.parametrize("name", sorted(REAL_FILES))
    def test_counts(self, name: str) -> None:
        counts, claims, arguments, relations, rephrases, sources, warnings = REAL_FILES[name]
        reading = read(name)
        amap = reading.map
        assert reading.node_counts == counts
        assert len(amap.claims) == claims
        assert len(amap.arguments) == arguments
        assert dict(Counter(r.kind.value for r in amap.relations)) == relations
        assert len(aif_data(amap).get("rephrases", [])) == rephrases
        assert sum(len(c.sources) for c in amap.claims) == sources
        assert len(reading.warnings) == warnings, [w.format() for w in reading.warnings]
        for warning in reading.warnings:
            assert warning.element is not None

    @pytest.mark.parametrize("name", sorted(REAL_FILES))
    def test_the_shared_copy_still_matches(self, name: str) -> None:
        shared = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "aif" / name
        if not shared.exists():
            pytest.skip("the shared data folder is not next to the project")
        assert shared.read_bytes() == (DATA / name).read_bytes()

    def test_xaif_is_recognised(self) -> None:
        assert read("papa__rebut_undercut.json").flavour == "xaif"
        assert read("handmade-minimal.json").flavour == "aif"


class TestArgumentLayer:
    """I, RA, CA, MA and PA nodes."""

    def test_handmade_minimal(self) -> None:
        amap = read("handmade-minimal.json").map
        assert amap.argument("3") == Argument(
            "3",
            premises=("2",),
            conclusion="1",
            data={"aif": {"timestamp": "2024-05-01 10:00:06", "schemeID": "72"}},
        )
        assert [(r.kind, r.origin, r.target) for r in amap.relations] == [
            (RelationKind.ATTACK, "4", "1")
        ]
        assert [c.id for c in amap.positions] == ["1"]
        (rephrase,) = aif_data(amap)["rephrases"]
        assert rephrase == {
            "nodeID": "7",
            "text": "Default Rephrase",
            "scheme": "Default Rephrase",
            "timestamp": "2024-05-01 10:00:16",
            "schemeID": "144",
            "from": ["6"],
            "to": ["2"],
        }

    def test_rebut_and_undercut(self) -> None:
        amap = read("papa__rebut_undercut.json").map
        kinds = {(r.kind, amap.get(r.origin).text, r.target) for r in amap.relations}
        assert kinds == {
            (RelationKind.ATTACK, "not B", "9_173158685654602051"),
            (RelationKind.UNDERCUT, "A and B are totally unrelated", "36_173158685654602051"),
        }

    def test_linked_premises_and_free_form_scheme(self) -> None:
        data = doc(
            [
                node(1, "I"),
                node(2, "I"),
                node(3, "I"),
                {"nodeID": 4, "type": "RA", "text": "Argument From Expert Opinion"},
            ],
            [(1, 4), (2, 4), (4, 3)],
        )
        amap = read_aif(data).map
        assert amap.argument("4").premises == ("1", "2")
        assert amap.argument("4").conclusion == "3"
        assert amap.argument("4").scheme == "Argument From Expert Opinion"

    def test_default_inference_has_no_scheme(self) -> None:
        data = doc(
            [node("a", "I"), node("b", "I"), node("r", "RA", "Default Inference")],
            [("a", "r"), ("r", "b")],
        )
        assert read_aif(data).map.argument("r").scheme is None

    def test_preference_nodes_are_kept(self) -> None:
        data = doc(
            [node("a", "I"), node("b", "I"), node("p", "PA", "Default Preference")],
            [("a", "p"), ("p", "b")],
        )
        amap = read_aif(data).map
        assert aif_data(amap)["preferences"][0]["from"] == ["a"]

    def test_integer_ids_and_missing_timestamps(self) -> None:
        data = doc([node(1, "I"), node(2, "I"), node(3, "CA")], [(1, 3), (3, 2)])
        amap = read_aif(data).map
        assert [c.id for c in amap.claims] == ["1", "2"]
        assert amap.relations[0].origin == "1"
        assert amap.claims[0].data == {}


class TestUntidyInput:
    """What cannot be placed is a warning naming the node; nothing is lost silently."""

    def codes(self, data: bytes) -> list[tuple[str, str | None]]:
        return [(w.code, w.element) for w in read_aif(data).warnings]

    def test_dangling_edge(self) -> None:
        data = doc([node("a", "I"), node("r", "RA")], [("a", "r"), ("r", "ghost")])
        assert ("dangling-edge", "ghost") in self.codes(data)
        assert read_aif(data).map.argument("r").premises == ("a",)

    def test_ca_without_target_is_kept_in_the_dialogue(self) -> None:
        data = doc([node("a", "I"), node("c", "CA")], [("a", "c")])
        reading = read_aif(data)
        assert ("no-target", "c") in [(w.code, w.element) for w in reading.warnings]
        kept = aif_data(reading.map)["dialogue"]["nodes"]
        assert [n["nodeID"] for n in kept] == ["c"]

    def test_duplicate_and_unknown_nodes(self) -> None:
        data = doc([node("a", "I"), node("a", "I"), node("x", "XYZ")], [])
        assert self.codes(data) == [("duplicate-node", "a"), ("unknown-node-type", "x")]

    @pytest.mark.parametrize("name", sorted(REAL_FILES))
    def test_a_bad_node_changes_nothing_but_its_warning(self, name: str) -> None:
        # A node without a usable id is skipped: the map, the counts and the other warnings
        # stay as they were.
        top = json.loads((DATA / name).read_bytes())
        body = top.get("AIF", top)
        tidy = read_aif(json.dumps(top).encode(), name)
        body["nodes"].append({"nodeID": None, "type": "I"})
        untidy = read_aif(json.dumps(top).encode(), name)
        assert untidy.map == tidy.map
        assert untidy.node_counts == tidy.node_counts
        bad = f"{'AIF.' if 'AIF' in top else ''}nodes[{len(body['nodes']) - 1}]"
        expected = [f"{name}: {bad}: warning[no-node-id]: node has no usable nodeID; skipped"]
        expected += [w.format() for w in tidy.warnings]
        assert [w.format() for w in untidy.warnings] == expected

    def test_ra_with_two_conclusions_becomes_two_arguments(self) -> None:
        data = doc(
            [node("a", "I"), node("b", "I"), node("c", "I"), node("r", "RA")],
            [("a", "r"), ("r", "b"), ("r", "c")],
        )
        reading = read_aif(data)
        assert [(a.id, a.conclusion) for a in reading.map.arguments] == [("r", "b"), ("r#2", "c")]
        assert ("several-conclusions", "r") in [(w.code, w.element) for w in reading.warnings]

    def test_unanchored_ya(self) -> None:
        data = doc([node("l", "L", "Bo : hi"), node("y", "YA", "Asserting")], [("l", "y")])
        assert ("unanchored-illocution", "y") in self.codes(data)

    def test_malformed_extension_record(self) -> None:
        data = doc(
            [node("a", "I"), node("b", "I"), node("r", "RA")],
            [("a", "r"), ("r", "b")],
            argmapExtension={"version": 1, "relations": {"r": {"kind": ["support"]}}},
        )
        amap = read_aif(data).map
        assert [(a.id, a.premises, a.conclusion) for a in amap.arguments] == [("r", ("a",), "b")]

    def test_bad_node_without_id(self) -> None:
        data = doc([{"type": "I", "text": "no id"}, node("a", "I")], [])
        reading = read_aif(data)
        assert [w.code for w in reading.warnings] == ["no-node-id"]
        assert reading.warnings[0].location is not None
        assert reading.warnings[0].location.path == "nodes[0]"


class TestDialogueLayer:
    """Locutions become sources: speaker, verbatim words, time, L-node id."""

    def test_aifdb_speaker_from_the_locution_text(self) -> None:
        amap = read("aifdbmapconverter__nodeset21145.json").map
        claim = amap.claim("697878")
        assert claim.sources == (
            Source(
                speaker="Paul Dean",
                quote="I welcome the arrangements that the Government have made",
                date="2020-10-15 22:50:02",
                locator="697876",
            ),
        )

    def test_xaif_speaker_from_participants(self) -> None:
        amap = read("papa__rebut_undercut.json").map
        assert amap.claim("29_173158685654602051").sources == (
            Source(speaker="Participant Carolyn", quote="not B", locator="30_173158685654602051"),
        )

    def test_agreeing_gives_a_second_source(self) -> None:
        amap = read("aifdbmapconverter__nodeset21145.json").map
        speakers = [s.speaker for s in amap.claim("697882").sources]
        assert speakers == ["Paul Dean", "Lynda Chalker"]

    def test_transitions_are_kept(self) -> None:
        amap = read("aifdbmapconverter__nodeset21145.json").map
        kept = aif_data(amap)["dialogue"]
        types = Counter(n["type"] for n in kept["nodes"])
        # The 15 L-nodes that anchor claims become sources; the analyst's 19 stay as they are.
        assert types == {"TA": 14, "YA": 19, "L": 19}


class TestBrokenInput:
    """Input that is not AIF is one ReadError with a location."""

    def test_not_json(self) -> None:
        with pytest.raises(ReadError) as caught:
            read_aif(b'{"nodes": [\n  {"nodeID": 1,,}]}', "bad.json")
        (problem,) = caught.value.diagnostics
        assert problem.code == "invalid-json"
        assert problem.location is not None
        assert (problem.location.line, problem.location.file) == (2, "bad.json")

    @pytest.mark.parametrize("body", [b"[]", b'{"claims": []}', b'{"AIF": {"edges": []}}', b"3"])
    def test_not_aif(self, body: bytes) -> None:
        with pytest.raises(ReadError, match="not-aif"):
            read_aif(body, "x.json")

    def test_not_utf8(self) -> None:
        with pytest.raises(ReadError):
            read_aif(b'{"nodes": [{"text": "\xff"}]}')


@pytest.mark.parametrize(
    "name", ["aifdbmapconverter__nodeset21145.json", "ceasystem__nodeset17919.json"]
)
@pytest.mark.parametrize("rewritten", [False, True], ids=["aifdb", "argmap"])
def test_repeats_and_integer_ids_are_read_silently(name: str, rewritten: bool) -> None:
    """A repeated edge, a repeated locution and an integer node id change nothing.

    Real files hold ids as integers as well as strings, and some repeat an edge or a locution
    record: the reader reads them without a word, as the same map.
    """
    from argmap_aif import dumps

    raw = (DATA / name).read_bytes()
    if rewritten:
        raw = dumps(read_aif(raw, name).map).encode("utf-8")
    tidy = read_aif(raw, name)
    top = json.loads(raw)
    document = top.get("AIF", top)
    document["edges"].append(dict(document["edges"][0]))
    if document.get("locutions"):
        document["locutions"].append(dict(document["locutions"][0]))
    numeric = next(n for n in document["nodes"] if str(n["nodeID"]).isdigit())
    for edge in document["edges"]:
        for end in ("fromID", "toID"):
            if str(edge[end]) == str(numeric["nodeID"]):
                edge[end] = int(edge[end])
    numeric["nodeID"] = int(numeric["nodeID"])
    untidy = read_aif(json.dumps(top).encode("utf-8"), name)
    assert untidy.map == tidy.map
    assert untidy.warnings == tidy.warnings
    assert untidy.node_counts == tidy.node_counts
