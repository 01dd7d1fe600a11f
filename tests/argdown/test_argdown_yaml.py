"""YAML in Argdown: front matter and ``{data}`` mean what PyYAML makes of them, as JSON values."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ReadError
from argmap.builtin.argdown import loads
from argmap.builtin.argdown.yaml_data import YAMLError, load

# Characters that matter to YAML's scanner, plus ordinary and exotic ones.
SPECIAL = " -?:,[]{}#&*!|>'\"%@`.<=~+_/\\0123456789eExXoby\n"
EXOTIC = "\t\r\x85\u2028\u2029\ufeff\xa0\u00e9\u05d0\U0001f600\x7f\x00"


def is_json(value: Any) -> bool:
    """Whether ``value`` is made of JSON values only (text keys, no dates, no sets...)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, list):
        return all(is_json(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_json(v) for k, v in value.items())
    return False


class TestLoad:
    """:func:`load` gives JSON values or a :class:`YAMLError` with a line, never anything else."""

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=st.sampled_from("ab1 " + SPECIAL + EXOTIC), max_size=30))
    def test_json_values_or_an_error(self, text: str) -> None:
        for candidate in (text, "{" + text + "}", "a: " + text):
            try:
                value = load(candidate)
            except YAMLError as error:
                line = error.line
            else:
                assert is_json(value), (candidate, value)
                line = 0
            assert line >= 0

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("{weight: 3}", {"weight": 3}),
            (
                "{a: -1.5, b: [1, 'x''y', {c: null}], d: yes}",
                {"a": -1.5, "b": [1, "x'y", {"c": None}], "d": True},
            ),
            ('{s: "a \\/\\/ b \\u003c!-- c", n: 1.0e+20}', {"s": "a // b <!-- c", "n": 1e20}),
            (
                "title: T\nargmap:\n  # ids\n  ids: slug\nempty:\n",
                {"title": "T", "argmap": {"ids": "slug"}, "empty": None},
            ),
            ("# only a comment\n", None),
        ],
    )
    def test_values(self, text: str, expected: Any) -> None:
        assert load(text) == expected

    def test_errors_are_pyyaml_errors(self) -> None:
        with pytest.raises(YAMLError) as caught:
            load("a: b: c\n")
        assert caught.value.line == 0
        assert "mapping values are not allowed" in str(caught.value)

    def test_unusual_data(self) -> None:
        assert load("{when: 2022-01-27, n: 0x10, s: !!str 5}") == {
            "when": "2022-01-27",
            "n": 16,
            "s": "5",
        }

    def test_json_keys(self) -> None:
        assert load("{1: a, true: b, 1.0: c}") == {"1": "c"}
        assert load("{null: a}") == {"None": "a"}

    def test_deep_nesting(self) -> None:
        value: Any = load("[" * 200 + "]" * 200)
        for _ in range(199):
            value = value[0]
        assert value == []


class TestDataInDocuments:
    """Where ``{data}`` ends, and where problems in it are reported."""

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            ('{s: "a } b"}', {"s": "a } b"}),
            ("{s: 'it''s {x}'}", {"s": "it's {x}"}),
            ("{l: [1, {m: 2}], n: 3}", {"l": [1, {"m": 2}], "n": 3}),
            ('{s: "a \\" } b"}', {"s": 'a " } b'}),
        ],
    )
    def test_closing_brace(self, data: str, expected: dict[str, Any]) -> None:
        claim = loads(f"[A]: text {data} #tag\n").claims[0]
        assert (claim.data, claim.tags) == (expected, ("tag",))

    def test_invalid_data_is_reported_where_it_starts(self) -> None:
        with pytest.raises(ReadError) as caught:
            loads("[A]: a\n\n[B]: text {a: b: c}\n", "doc.argdown")
        (problem,) = caught.value.diagnostics
        assert problem.location is not None
        assert (problem.location.line, problem.location.column) == (3, 11)
        assert problem.message.startswith("invalid data: ")

    def test_front_matter_error_line(self) -> None:
        with pytest.raises(ReadError) as caught:
            loads("===\ntitle: x\nbad: a: b\n===\n\n[A]: a\n")
        (problem,) = caught.value.diagnostics
        assert problem.location is not None
        assert problem.location.line == 3
        assert problem.message.startswith("invalid front matter: ")

    def test_front_matter_values(self) -> None:
        amap = loads('===\ntitle: T\nauthor: [a, b]\ndate: "2022-01-27"\nn: 1\n===\n\n[A]: a\n')
        assert (amap.title, amap.authors, amap.date, amap.data) == (
            "T",
            ("a", "b"),
            "2022-01-27",
            {"n": 1},
        )
        assert json.loads(json.dumps(amap.data)) == amap.data
