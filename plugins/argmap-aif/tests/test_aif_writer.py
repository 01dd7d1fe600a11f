"""The AIF writer: round trips, AIFdb-shaped output, hostile text, determinism."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from argmap_aif import dumps, read_aif, to_aif
from argmap_aif.write_records import source_json
from hypothesis import HealthCheck, given, settings

from argmap import Argument, ArgumentMap, Claim, MapBuilder, Relation, RelationKind, Source
from argmap.builtin.json.codec import source_to_dict
from argmap.strategies import argument_maps, sources
from argmap.testing import HOSTILE_TEXTS, LONG_TEXT, check_exporter, contract_maps, example_map

DATA = Path(__file__).parent / "data"
REAL = sorted(p.name for p in DATA.glob("*.json"))


def texts_of(output: str | bytes) -> Iterable[str]:
    document = json.loads(output)
    for item in document["nodes"]:
        yield item["text"]
    yield from _strings(document["argmapExtension"])


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class TestRoundTrip:
    """argmap -> AIF -> argmap gives an equal map; AIF -> argmap -> AIF keeps the AIF."""

    @settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
    @given(argument_maps())
    def test_any_map(self, amap: ArgumentMap) -> None:
        text = dumps(amap)
        again = read_aif(text.encode())
        assert again.map == amap
        assert dumps(again.map) == text

    @pytest.mark.parametrize("name", sorted(contract_maps()))
    def test_contract_maps(self, name: str) -> None:
        amap = contract_maps()[name]
        assert read_aif(dumps(amap)).map == amap

    @pytest.mark.parametrize("name", REAL)
    def test_real_files_survive_a_second_trip(self, name: str) -> None:
        first = read_aif((DATA / name).read_bytes(), name).map
        written = dumps(first)
        second = read_aif(written.encode()).map
        assert second == first
        assert dumps(second) == written

    @pytest.mark.parametrize("name", REAL)
    def test_the_argument_layer_is_written_back_as_it_was(self, name: str) -> None:
        original = json.loads((DATA / name).read_bytes())
        original = original.get("AIF", original)
        written = to_aif(read_aif((DATA / name).read_bytes(), name).map)

        def layer(document: dict[str, Any]) -> tuple[Counter[str], set[tuple[str, str]]]:
            types = {str(n["nodeID"]): n["type"] for n in document["nodes"]}
            edges = {
                (str(e["fromID"]), str(e["toID"]))
                for e in document["edges"]
                if str(e["fromID"]) in types and str(e["toID"]) in types
            }
            return Counter(types.values()), edges

        assert layer(written) == layer(original)

    def test_sources_become_locutions_and_back(self) -> None:
        b = MapBuilder("Briefing")
        b.position(
            "No state may strengthen its security at the expense of others.",
            sources=[
                Source(
                    speaker="Sergey Lavrov",
                    quote="indivisible security",
                    date="2022-01-27",
                    locator="p1",
                )
            ],
        )
        amap = b.build()
        document = to_aif(amap)
        (lnode,) = [n for n in document["nodes"] if n["type"] == "L"]
        assert lnode == {
            "nodeID": "p1",
            "text": "Sergey Lavrov : indivisible security",
            "type": "L",
            "timestamp": "2022-01-27",
        }
        assert document["locutions"][0]["start"] == "2022-01-27"
        assert document["participants"] == [
            {"participantID": "1", "firstname": "Sergey", "surname": "Lavrov"}
        ]
        # Derivable from the locution alone: the extension does not repeat it.
        assert "claims" not in document["argmapExtension"] or not any(
            "sources" in r for r in document["argmapExtension"]["claims"].values()
        )
        assert read_aif(json.dumps(document)).map == amap


class TestOutput:
    """What other AIF tools see."""

    def test_exporter_contract(self) -> None:
        check_exporter("aif", texts_of=texts_of)

    def test_hostile_texts_are_node_texts_exactly(self) -> None:
        amap = contract_maps()["hostile"]
        texts = {n["text"] for n in to_aif(amap)["nodes"] if n["type"] == "I"}
        for text in (*HOSTILE_TEXTS, LONG_TEXT):
            if any(c.text == text for c in amap.claims):
                assert text in texts

    def test_every_edge_joins_existing_nodes_and_ids_are_unique(self) -> None:
        for amap in (*contract_maps().values(), example_map()):
            document = to_aif(amap)
            ids = [n["nodeID"] for n in document["nodes"]]
            assert len(ids) == len(set(ids))
            edge_ids = [e["edgeID"] for e in document["edges"]]
            assert len(edge_ids) == len(set(edge_ids))
            for edge in document["edges"]:
                assert edge["fromID"] in ids
                assert edge["toID"] in ids
            for node in document["nodes"]:
                assert set(node) >= {"nodeID", "text", "type"}
                assert node["type"] in {"I", "RA", "CA", "MA", "PA", "L", "YA", "TA"}

    @pytest.mark.parametrize("odd", ['"', "\\", "\n", "\x00", "\u00e9", ""])
    def test_ids_that_need_escaping(self, odd: str) -> None:
        # Ids are written in nodes, edges and extension keys: each must read back the same.
        amap = ArgumentMap(
            claims=[
                Claim(f"a{odd}", "A", title="T"),
                Claim("b", "B", sources=(Source(speaker="S", quote="q", locator=f"l{odd}"),)),
            ],
            arguments=[Argument(f"x{odd}", premises=(f"a{odd}",), conclusion="b", title="X")],
        )
        text = dumps(amap)
        document = json.loads(text)
        ids = {n["nodeID"] for n in document["nodes"]}
        assert {f"a{odd}", f"x{odd}", f"l{odd}"} <= ids
        assert {(e["fromID"], e["toID"]) for e in document["edges"]} >= {
            (f"a{odd}", f"x{odd}"),
            (f"x{odd}", "b"),
        }
        assert set(document["argmapExtension"]["claims"]) == {f"a{odd}"}
        assert set(document["argmapExtension"]["arguments"]) == {f"x{odd}"}
        assert read_aif(text.encode()).map == amap

    def test_relation_kinds_as_nodes(self) -> None:
        amap = ArgumentMap(
            claims=[Claim("a", "A"), Claim("b", "B"), Claim("c", "C")],
            relations=[
                Relation(RelationKind.SUPPORT, "a", "b"),
                Relation(RelationKind.ATTACK, "c", "b"),
                Relation(RelationKind.CONTRADICTION, "a", "c"),
            ],
        )
        document = to_aif(amap)
        assert Counter(n["type"] for n in document["nodes"]) == {"I": 3, "RA": 1, "CA": 3}
        assert read_aif(json.dumps(document)).map == amap

    def test_without_the_extension_the_argument_layer_still_reads(self) -> None:
        amap = example_map()
        document = to_aif(amap)
        del document["argmapExtension"]
        plain = read_aif(json.dumps(document)).map
        assert [c.text for c in plain.claims] == [c.text for c in amap.claims]
        assert [(a.premises, a.conclusion) for a in plain.arguments] == [
            (a.premises, a.conclusion) for a in amap.arguments
        ]

        def said(m: ArgumentMap) -> list[list[tuple[str | None, ...]]]:
            return [[(s.speaker, s.quote, s.date) for s in c.sources] for c in m.claims]

        assert said(plain) == said(amap)

    def test_deterministic(self) -> None:
        amap = example_map()
        assert dumps(amap) == dumps(amap)


def _encoded(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class TestRecordsAsText:
    """The extension's records are written as text: each is the JSON the native format writes."""

    @settings(max_examples=500, suppress_health_check=list(HealthCheck), deadline=None)
    @given(sources())
    def test_a_source_is_its_native_json(self, source: Source) -> None:
        assert source_json(source) == _encoded(source_to_dict(source))

    @pytest.mark.parametrize("text", [*HOSTILE_TEXTS, LONG_TEXT])
    def test_a_source_of_hostile_text(self, text: str) -> None:
        source = Source(text, text, text, text, text, text)
        assert source_json(source) == _encoded(source_to_dict(source))
        assert source_json(Source()) == "{}"

    @settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
    @given(argument_maps())
    def test_every_node_and_record_reads_as_the_encoder_writes_it(self, amap: ArgumentMap) -> None:
        text = dumps(amap)
        document = json.loads(text)
        for node in document["nodes"]:
            assert _encoded(node) in text
        for table in ("claims", "arguments", "relations"):
            for key, record in document["argmapExtension"][table].items():
                assert f"{_encoded(key)}: {_encoded(record)}" in text
