"""Native JSON: deterministic, lossless, and every problem reported with its JSON path."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Claim, ReadError
from argmap.builtin.json.codec import SCHEMA_FILE
from argmap.builtin.json.read import read_text
from argmap.builtin.json.report import read_reporting
from argmap.strategies import argument_maps
from argmap.testing import cyclic_map, example_map, hostile_map

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@settings(max_examples=300, deadline=None)
@given(argument_maps())
def test_round_trip_is_lossless(amap: ArgumentMap) -> None:
    text = argmap.dumps(amap)
    again = argmap.loads(text)
    assert again == amap
    assert argmap.dumps(again) == text


@settings(max_examples=100, deadline=None)
@given(argument_maps())
def test_output_matches_the_published_schema(amap: ArgumentMap) -> None:
    jsonschema.validate(json.loads(argmap.dumps(amap)), SCHEMA)


_ODD_VALUES = st.sampled_from(
    [None, "", "x", 0, 1, -1.5, 1e16, True, False, [], ["x"], [1], {}, {"x": 1}, "2022-13-01"]
)


@settings(max_examples=200, deadline=None)
@given(argument_maps(), st.data())
def test_a_changed_document_is_read_as_the_reporting_reader_reads_it(
    amap: ArgumentMap, data: st.DataObject
) -> None:
    # Valid documents are read through the schema types; anything they refuse goes to the
    # reporting reader. Whatever a field is changed to, the outcome is the reporting reader's.
    doc = json.loads(argmap.dumps(amap))
    objects: list[dict[str, Any]] = [doc]
    for key in ("sections", "claims", "arguments", "relations"):
        objects += doc[key]
    objects += [s for o in doc["claims"] + doc["arguments"] for s in o.get("sources", [])]
    target = data.draw(st.sampled_from(objects))
    known = ["id", "text", "title", "date", "premises", "from", "type", "position", "speaker"]
    key = data.draw(st.sampled_from(sorted(target) + known + ["colour"]))
    target[key] = data.draw(_ODD_VALUES)
    text = json.dumps(doc, ensure_ascii=False)
    try:
        expected: ArgumentMap | list[str] = read_reporting(text, "in.json")
    except ReadError as error:
        expected = [d.format() for d in error.diagnostics]
    try:
        found: ArgumentMap | list[str] = read_text(text, "in.json")
    except ReadError as error:
        found = [d.format() for d in error.diagnostics]
    assert found == expected


def test_numbers_in_data_are_written_as_python_writes_them() -> None:
    amap = ArgumentMap(claims=[Claim("a", data={"n": [1e16, 1e-05, 0.1, -0.0, 10**30]})])
    assert '"data": {"n": [1e+16, 1e-05, 0.1, -0.0, 1000000000000000000000000000000]}' in (
        argmap.dumps(amap)
    )


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_and_then_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        text = argmap.dumps(example_map())
        assert gc.isenabled() is enabled
        assert argmap.loads(text) == example_map()
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize("make", [example_map, hostile_map, cyclic_map])
def test_same_map_same_bytes(make: object) -> None:
    assert callable(make)
    assert argmap.dumps(make()) == argmap.dumps(make())


def test_hostile_text_survives() -> None:
    amap = hostile_map()
    assert argmap.loads(argmap.dumps(amap).encode("utf-8")) == amap


def test_dump_and_load_files(tmp_path: Path) -> None:
    path = tmp_path / "debate.json"
    argmap.dump(example_map(), path)
    assert argmap.load(path) == example_map()


def test_docs_publish_the_shipped_schema() -> None:
    published = Path(__file__).parents[2] / "docs" / "_static" / "argmap.schema.json"
    assert published.read_bytes() == SCHEMA_FILE.read_bytes()


def problems(text: str | bytes) -> list[str]:
    with pytest.raises(ReadError) as caught:
        argmap.loads(text, "in.json")
    return [d.format() for d in caught.value.diagnostics]


def doc(**parts: object) -> str:
    base: dict[str, object] = {"format": "argmap", "version": 1, "title": "t"}
    base.update(parts)
    return json.dumps(base)


class TestErrors:
    """Broken input: every problem, each with its JSON path; never a traceback or half a map."""

    def test_wrong_types_and_unknown_fields_all_at_once(self) -> None:
        found = problems(
            doc(
                claims=[
                    {"id": "a", "text": "A"},
                    {"id": "b", "text": 3, "colour": "red"},
                    {"id": "c", "sources": [{"speaker": "x", "date": "27.01.2022"}]},
                    "not an object",
                ],
                arguments=[{"id": "arg", "premises": ["a", 5], "conclusion": "zzz"}],
            )
        )
        assert found == [
            "in.json: claims[1].colour: error[unknown-field]: unknown field 'colour' in claim "
            "(known: data, holder, id, position, section, sources, tags, text, title, verdict)",
            "in.json: claims[1].text: error[wrong-type]: 'text' must be a string, not a number",
            "in.json: claims[2].sources[0].date: error[invalid-date]: '27.01.2022' is not an ISO "
            "8601 date (expected e.g. 2022-01-27)",
            "in.json: claims[3]: error[wrong-type]: claim must be an object, not a string",
            "in.json: arguments[0].premises[1]: error[wrong-type]: must be a string, not a number",
        ]

    def test_duplicate_ids_and_dangling_references(self) -> None:
        found = problems(
            doc(
                claims=[{"id": "a"}, {"id": "a"}, {"id": "b", "section": "nowhere"}],
                arguments=[{"id": "arg", "premises": ["a", "ghost"], "conclusion": "b"}],
                relations=[
                    {"type": "attack", "from": "b", "to": "phantom"},
                    {"type": "undercut", "from": "a", "to": "b"},
                    {"type": "rephrase", "from": "a", "to": "b"},
                    {"type": "attack", "from": "b", "to": "b"},
                ],
            )
        )
        assert (
            "in.json: claims[1].id: error[duplicate-id]: duplicate id 'a': claims[0] already uses it"
            in found
        )
        assert (
            "in.json: claims[2].section: error[dangling-reference]: 'nowhere' names no section in this map"
            in found
        )
        assert (
            "in.json: arguments[0].premises[1]: error[dangling-reference]: 'ghost' names no claim in this map"
            in found
        )
        assert (
            "in.json: relations[0].to: error[dangling-reference]: 'phantom' names no claim or argument in this map"
            in found
        )
        assert any(
            p.startswith("in.json: relations[1].to: error[wrong-reference]: an undercut")
            for p in found
        )
        assert any(p.startswith("in.json: relations[2].type: error[unknown-value]") for p in found)
        assert "in.json: relations[3]: error[self-support]: 'b' cannot attack itself" in found

    def test_a_wrong_date_is_reported_once(self) -> None:
        found = problems(doc(claims=[{"id": "a", "sources": [{"date": 2022}]}]))
        assert found == [
            "in.json: claims[0].sources[0].date: error[wrong-type]: 'date' must be a string, "
            "not a number"
        ]

    def test_null_for_a_field_that_may_only_be_absent(self) -> None:
        (found,) = problems(doc(claims=[{"id": "a", "title": None}]))
        assert found == (
            "in.json: claims[0].title: error[wrong-type]: 'title' must be a string or absent, "
            "not null"
        )

    def test_not_utf8(self) -> None:
        (found,) = problems(b'{"format": "argmap",\n "title": "\xff\xfe"}')
        assert found.startswith("in.json:2:")
        assert "not UTF-8" in found

    def test_truncated(self) -> None:
        text = argmap.dumps(example_map())
        (found,) = problems(text[: len(text) // 2])
        assert "ends too early (truncated?)" in found
        assert found.startswith("in.json:")

    def test_invalid_json(self) -> None:
        (found,) = problems('{"format": "argmap", "version": 1,, }')
        assert found.startswith("in.json:1:")
        assert "not valid JSON" in found

    def test_not_an_argmap_file(self) -> None:
        (found,) = problems('{"nodes": [], "edges": []}')
        assert "'format' must be 'argmap'" in found

    def test_newer_version(self) -> None:
        (found,) = problems(doc(version=2))
        assert "upgrade argmap" in found

    def test_huge_number(self) -> None:
        (found,) = problems(doc(data={"x": 1}).replace('"x": 1', '"x": 1e999'))
        assert "too large" in found

    def test_nan(self) -> None:
        (found,) = problems(doc(data={"x": 1}).replace('"x": 1', '"x": NaN'))
        assert "NaN" in found

    def test_top_level_not_an_object(self) -> None:
        (found,) = problems("[1, 2]")
        assert "must be an object, not a list" in found

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(ReadError, match="No such file"):
            argmap.load(tmp_path / "missing.json")

    def test_message_lists_every_problem(self) -> None:
        with pytest.raises(ReadError) as caught:
            argmap.loads(doc(claims=[{"id": 1}, {"id": 2}]), "in.json")
        message = str(caught.value)
        assert message.splitlines()[0] == "in.json: cannot read map (2 problems):"
        assert "claims[0].id" in message
        assert "claims[1].id" in message


def test_data_json_cannot_carry_is_an_export_error() -> None:
    from argmap import ExportError

    with pytest.raises(ExportError, match="cannot write the map as JSON"):
        argmap.dumps(ArgumentMap(data={"x": float("nan")}))
    with pytest.raises(ExportError, match="not JSON serializable"):
        argmap.dumps(ArgumentMap(data={"x": object()}))  # type: ignore[dict-item]  # on purpose
