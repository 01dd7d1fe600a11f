"""Hostile text: nothing in a claim can change the chart, and every text comes back exactly."""

from __future__ import annotations

import json

import pytest
import yaml
from argmap_mermaid.escape import escape, label_text, unescape, wrap
from argmap_mermaid.flowchart import _yaml_string, export
from argmap_mermaid.parsing import parse_flowchart
from hypothesis import given
from hypothesis import strategies as st

from argmap import MapBuilder
from argmap.testing import LONG_TEXT


def single_claim_chart(text: str, **options: object) -> str:
    b = MapBuilder(text)
    section = b.section(text or "s", id="sec")
    thesis = b.position(text, title=text or None, holder=text or None, section=section, id="p")
    reason = b.claim(text, id="r")
    argument = b.argument(
        [reason, b.claim("co", id="co")],
        thesis,
        title=text or None,
        gist=text or None,
        scheme=text or None,
        id="arg",
    )
    b.undercut(b.claim(text, id="u"), against=argument)
    b.contradiction(b.claim(text, id="x"), thesis)
    return export(b.build(), **options)  # type: ignore[arg-type]


class TestHostileTexts:
    """Each hostile text, in every place a text goes."""

    @pytest.mark.parametrize("wrap", [0, 12, 40])
    def test_structure_holds_and_texts_come_back(self, nasty_text: str, wrap: int) -> None:
        text = nasty_text
        output = single_claim_chart(text, wrap=wrap, sources=True, evaluation="grounded")
        chart = parse_flowchart(output)
        assert set(chart.by_element()) == {"p", "r", "co", "u", "x", "arg"}
        assert len(chart.subgraphs) == 1
        assert [e.link for e in chart.edges] == ["---", "---", "-->", "-.-x", "x==x"]
        nodes = chart.by_element()
        if text:
            assert text in nodes["r"].fields
            assert nodes["p"].fields[1:3] == (text, text)
            assert nodes["p"].fields[0] == f"⚑ Position · held by {text}"
            assert f"scheme: {text}" in nodes["arg"].fields
            assert chart.title == text
            assert next(iter(chart.subgraphs.values())).title == text
        else:
            assert nodes["r"].fields[0] == "(no text)"

    def test_no_raw_special_characters_inside_labels(self, nasty_text: str) -> None:
        text = nasty_text
        escaped = label_text(text, 10)
        for char in '"#&<>`%:|[](){}\\\n\r\u2028\u2029':
            stripped = escaped.replace("<br>", "")
            if char == "#":
                stripped = "".join(part.split(";", 1)[-1] for part in stripped.split("#"))
            assert char not in stripped, (char, escaped)

    def test_a_100_kb_claim_comes_back_whole(self) -> None:
        b = MapBuilder("long")
        b.claim(LONG_TEXT, id="long")
        b.claim(LONG_TEXT.replace(" ", "\n"), id="lines")
        for wrap_width in (0, 40):
            chart = parse_flowchart(export(b.build(), wrap=wrap_width))
            assert chart.by_element()["long"].fields == (LONG_TEXT,)
            assert chart.by_element()["lines"].fields == (LONG_TEXT.replace(" ", "\n"),)

    def test_the_reader_refuses_a_label_that_broke_out(self) -> None:
        # What an exporter that forgot to escape would write: the reader must not accept it.
        output = single_claim_chart("x", edge_labels=False)
        assert parse_flowchart(output).nodes
        broken = output.replace('c2["x"]', 'c2["x"] --> evil["x"]')
        assert broken != output
        with pytest.raises(ValueError, match="not a line"):
            parse_flowchart(broken)


class TestPieces:
    """The escaping functions, on any text."""

    @given(st.text())
    def test_unescape_inverts_escape(self, text: str) -> None:
        assert unescape(escape(text).replace("<br>", "")) == text

    @given(st.text(st.characters(exclude_characters="\n")), st.integers(1, 60))
    def test_wrap_loses_nothing(self, line: str, width: int) -> None:
        pieces = wrap(line, width)
        assert "".join(pieces) == line
        assert all(len(p) <= width + 1 or " " not in p.rstrip(" ") for p in pieces)

    @given(st.text(), st.integers(0, 30))
    def test_label_text_comes_back(self, text: str, width: int) -> None:
        assert unescape(label_text(text, width).replace("<br>", "")) == text

    @given(st.text())
    def test_front_matter_title_is_json_and_yaml(self, text: str) -> None:
        quoted = _yaml_string(text)
        assert "%" not in quoted
        assert "\n" not in quoted
        assert json.loads(quoted) == text
        if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):  # PyYAML refuses lone surrogates
            loaded = yaml.safe_load(f"title: {quoted}")["title"]
            # JavaScript (js-yaml in Mermaid) joins a \\u surrogate pair; PyYAML keeps both halves
            assert loaded.encode("utf-16-le", "surrogatepass").decode("utf-16-le") == text


@pytest.mark.parametrize("module", ["argmap_mermaid.escape", "argmap_mermaid.parsing"])
def test_the_examples_in_the_docstrings_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
