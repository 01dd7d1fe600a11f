"""Argdown's own reader of simple YAML agrees with PyYAML (both loaders) or defers to it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.builtin.argdown import _yaml
from argmap.builtin.argdown._yaml import _DEFER, _json, _simple

ROOT = Path(__file__).resolve().parents[2]
LOADERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]


def agrees(text: str) -> bool:
    """Check ``text``: when the simple reader accepts it, every PyYAML loader gives the same.

    Returns whether the simple reader accepted it.
    """
    ours = _simple(text)
    if ours is _DEFER:
        return False
    for loader in LOADERS:
        try:
            theirs = _json(yaml.load(text, Loader=loader))
        except yaml.YAMLError as error:  # pragma: no cover - a failure shows the text
            pytest.fail(f"simple reader accepted {text!r}, {loader.__name__} refused: {error}")
        # repr tells 1 from 1.0 from True, and keeps the order of keys.
        assert repr(ours) == repr(theirs), (text, loader.__name__)
    assert repr(_yaml.load(text)) == repr(ours)
    return True


# Characters that matter to YAML's scanner, plus ordinary and exotic ones.
SPECIAL = " -?:,[]{}#&*!|>'\"%@`.<=~+_/\\0123456789eExXoby"
EXOTIC = "\t\r\x85\u2028\u2029\ufeff\xa0\u00e9\u05d0\U0001f600\x7f\x00"

ordinary = st.text(
    alphabet=st.sampled_from("abzAZ\u00e9\u05d0\U0001f600\xa0"), min_size=1, max_size=5
)
odd = st.text(alphabet=st.sampled_from("abzAZ" + SPECIAL), min_size=1, max_size=8)
scalar_words = st.sampled_from(
    [
        "yes",
        "No",
        "ON",
        "off",
        "true",
        "False",
        "null",
        "NULL",
        "~",
        "0",
        "-0",
        "+1",
        "007",
        "0x1f",
        "0b1",
        "1_000",
        "1:30",
        "1.5",
        "-2.",
        ".5",
        "1.0e+20",
        "1e5",
        "1.5E-3",
        ".inf",
        "-.inf",
        ".nan",
        "2022-01-27",
        "2022-1-2 3:04:05",
        "<<",
        "=",
        "-",
        "--",
        "-x",
        "a b",
        "a  b",
        "a:b",
        "http://x.org/a?b#c",
        "a #b",
        "a#b",
        "y",
        "n",
        "Yes",
        "NaN",
        "",
        "12",
        "-3",
        "4.25",
        "-0.0",
        "1.e+5",
        "x-y",
        "a, b",
        "a[b]",
        "a{b}",
        "it's",
        'say "x"',
        "50%",
        "@x",
        "`x",
        "!x",
        "&x",
        "*x",
        "|",
        ">",
        "%x",
        "a: b",
        "a - b",
        "a -b",
        "a ?b",
        "?x",
        ":x",
    ]
)
plain = st.one_of(ordinary, ordinary, scalar_words, odd)
double = st.builds(
    lambda parts: '"' + "".join(parts) + '"',
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "\\\\",
                    '\\"',
                    "\\/",
                    "\\n",
                    "\\t",
                    "\\b",
                    "\\f",
                    "\\r",
                    "\\u00e9",
                    "\\u003c",
                    "\\u0000",
                    "\\ud83d",
                    "\\x41",
                    "\\N",
                    "\\ ",
                    "\\0",
                    "'",
                    " ",
                    "  ",
                ]
            ),
            ordinary,
            st.text(alphabet=st.sampled_from("ab #:,{}[]" + EXOTIC[:4]), max_size=3),
        ),
        max_size=6,
    ),
)
single = st.builds(
    lambda s: "'" + s.replace("'", "''") + "'",
    st.text(alphabet=st.sampled_from("ab '\"\\#:,{}\u00e9"), max_size=6),
)
scalars = st.one_of(plain, double, single)
spaces = st.sampled_from(["", "", "", " ", "  "])
separators = st.sampled_from([", ", ", ", ", ", ",", " , ", ",  "])
colons = st.sampled_from([": ", ": ", ": ", ": ", ":", " : ", ":  "])
tails = st.sampled_from(["", "", "", "", ",", " #", " "])


def flow_mapping(depth: int) -> st.SearchStrategy[str]:
    """A flow mapping ``{...}`` with assorted keys, values and spacing."""
    inner = flow(depth - 1) if depth > 1 else scalars
    pair = st.builds(lambda k, colon, v: k + colon + v, scalars, colons, inner)
    return st.builds(
        lambda items, a, sep, tail: "{" + a + sep.join(items) + tail + a + "}",
        st.lists(pair, max_size=4),
        spaces,
        separators,
        tails,
    )


def flow(depth: int = 2) -> st.SearchStrategy[str]:
    """Flow YAML text: scalars, sequences and mappings with assorted spacing."""
    if depth == 0:
        return scalars
    inner = flow(depth - 1)
    seq = st.builds(
        lambda items, a, sep, tail: "[" + a + sep.join(items) + tail + a + "]",
        st.lists(inner, max_size=3),
        spaces,
        separators,
        tails,
    )
    return st.one_of(scalars, seq, flow_mapping(depth))


def block_mapping(depth: int = 2, indent: int = 0) -> st.SearchStrategy[list[str]]:
    """The lines of a block mapping at ``indent``, nested mappings deeper."""
    value = st.one_of(
        scalars, scalars, flow(1), st.builds(lambda s: s + " # note", flow(1)), st.just("")
    )
    key = st.one_of(plain, plain, double, single)
    scalar_entry = st.builds(lambda k, colon, v: [" " * indent + k + colon + v], key, colons, value)
    entries: list[st.SearchStrategy[list[str]]] = [scalar_entry]
    if depth:
        for step in (2, 4, 1):
            entries.append(
                st.builds(
                    lambda k, tail, nested: [" " * indent + k + ":" + tail, *nested],
                    key,
                    st.sampled_from(["", "", " # c", " "]),
                    block_mapping(depth - 1, indent + step),
                )
            )
    entry = st.one_of(*entries)
    return st.builds(
        lambda groups: [line for group in groups for line in group],
        st.lists(entry, min_size=1, max_size=4),
    )


def block_lines() -> st.SearchStrategy[str]:
    """Block YAML text: nested mappings, now and then with a stray line of another kind."""
    other = st.sampled_from(
        [
            "",
            "# comment",
            "  # indented comment",
            "---",
            "- item",
            "  - item",
            "  continued text",
            "...",
            "%YAML 1.1",
            "\t",
            "key: |",
            "  more",
            " odd: indent",
        ]
    )
    return st.builds(
        lambda lines, extra, where: "\n".join(
            lines[:where] + extra + lines[where:] if where <= len(lines) else lines
        ),
        block_mapping(),
        st.lists(other, max_size=1),
        st.integers(0, 12),
    )


class TestAgreesWithPyYAML:
    """Whatever the simple reader accepts, PyYAML reads to the same JSON values."""

    @settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(flow_mapping(3))
    def test_flow(self, text: str) -> None:
        agrees(text)

    @settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(block_lines())
    def test_block(self, text: str) -> None:
        agrees(text)

    @settings(max_examples=1000, deadline=None)
    @given(st.text(alphabet=st.sampled_from("ab1 " + SPECIAL + EXOTIC + "\n"), max_size=30))
    def test_any_text(self, text: str) -> None:
        agrees(text)
        agrees("{" + text + "}")
        agrees("a: " + text)

    @pytest.mark.parametrize(
        "text",
        [
            "{weight: 3}",
            '{position: true, holder: United States and NATO, tags: [OSCE], quote: "It is."}',
            '{"n": 1.0e+20, "s": "a \\/\\/ b \\u003c!-- c", "l": [null, true], "e": {}}',
            "{a: -1.5, b: [1, 'x''y', {c: null}], url: http://x.org/a, d: 'it''s'}",
            "{1: one, yes: y, Null: n, 1.5: f}",
            "title: Security guarantees in Europe, January 2022\nargmap:\n  # ids\n  ids: slug\n"
            '  source:\n    speaker: Sergey Lavrov\n    date: "2022-01-27"\nauthor: [a, b]\n',
            '"quoted key": {a: 1}\nempty:\nlast: x # comment\n',
            "# only a comment\n",
        ],
    )
    def test_common_documents_take_the_simple_path(self, text: str) -> None:
        assert agrees(text)

    @pytest.mark.parametrize(
        "text",
        [
            "{a: 2022-01-27}",
            "{a: 007}",
            "{a: 0x1f}",
            "{a: .5}",
            "{a: ~}",
            "{a: &x 1}",
            "{a: !!str 1}",
            "{a: b?c}",
            '{a: "\\ud83d"}',
            "{a: 1,}",
            "{a:1}",
            "{a: }",
            "[a: b]",
            "{a: b #c}",
            "a:\n- x\n",
            "a: |\n  x\n",
            "a: b\n  c\n",
            "a: 1\n\tb: 2\n",
            "{a: \x85}",
            "  a: 1\n",
            "a: b: c\n",
            "---\na: 1\n",
        ],
    )
    def test_everything_else_goes_to_pyyaml(self, text: str) -> None:
        assert _simple(text) is _DEFER

    def test_errors_are_pyyaml_errors(self) -> None:
        with pytest.raises(_yaml.YAMLError) as caught:
            _yaml.load("a: b: c\n")
        assert caught.value.line == 0
        assert "mapping values are not allowed" in str(caught.value)

    @pytest.mark.parametrize("text", ['{key: value, other: "text"}', "{a: [1, 2]}"])
    def test_same_mapping_from_both_paths(self, text: str) -> None:
        assert _yaml.load(text) == _json(yaml.safe_load(text))

    def test_seed_debate_is_read_without_importing_pyyaml(self) -> None:
        code = (
            "import sys; from argmap.builtin.argdown import loads; "
            "loads(open('examples/lavrov_2022.argdown', encoding='utf-8').read()); "
            "print('yaml' in sys.modules)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "False"

    def test_unusual_data_still_read_by_pyyaml(self) -> None:
        assert _yaml.load("{when: 2022-01-27, n: 0x10, s: !!str 5}") == {
            "when": "2022-01-27",
            "n": 16,
            "s": "5",
        }

    def test_json_keys(self) -> None:
        assert _yaml.load("{1: a, true: b, 1.0: c}") == {"1": "c"}
        assert _yaml.load("{null: a}") == {"None": "a"}

    def test_deep_nesting_goes_to_pyyaml(self) -> None:
        text = "[" * 200 + "]" * 200
        assert _simple(text) is _DEFER
        value: Any = _yaml.load(text)
        for _ in range(199):
            value = value[0]
        assert value == []
