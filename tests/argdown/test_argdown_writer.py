"""The Argdown writer: any map reads back equal; hostile text survives; output is stable."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, MapBuilder, Source
from argmap.builtin.argdown import dumps, loads, names, writer
from argmap.builtin.argdown.inline import escape, parse_inline
from argmap.strategies import argument_maps

ARGDOWN_SPECIALS = "[]<>{}*_#@\\/:-+()=!`\"'\n\t \u2028\u00a0"


class TestRoundTrip:
    """Writing then reading gives an equal map."""

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(argument_maps())
    def test_any_map_round_trips(self, amap: ArgumentMap) -> None:
        text = dumps(amap)
        assert loads(text) == amap
        assert dumps(loads(text)) == text

    def test_seed_debate_round_trips(self) -> None:
        amap = argmap.load("examples/lavrov_2022.json")
        assert loads(dumps(amap)) == amap

    def test_output_is_deterministic(self) -> None:
        amap = argmap.load("examples/lavrov_2022.json")
        assert dumps(amap) == dumps(amap)


class TestHostileText:
    """Text that Argdown treats specially comes back exactly and changes no structure."""

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from([*ARGDOWN_SPECIALS, "a", "é", "ש", "😀"])))
    def test_claim_text_survives(self, text: str) -> None:
        b = MapBuilder("t")
        first = b.claim(text, id="x", title="X")
        b.objection("other", against=first, id="y", title="Y")
        amap = b.build()
        back = loads(dumps(amap))
        assert back == amap
        assert len(back.claims) == 2
        assert len(back.relations) == 1

    @given(st.text())
    def test_escape_is_inverse_of_inline_parsing(self, text: str) -> None:
        if text == text.strip() and "\n" not in text:
            assert parse_inline(escape(text))[0] == text

    def test_long_text(self) -> None:
        b = MapBuilder()
        b.claim("x <&>\"' " * 12_000, title="Long")
        amap = b.build()
        assert loads(dumps(amap)) == amap

    def test_untitled_claims_and_ids_differing_from_titles(self) -> None:
        b = MapBuilder("Shapes")
        a = b.claim("A claim without a title")
        c = b.claim("text", id="custom", title="Shown title", sources=[Source(quote="q}")])
        b.argument([a], c, title="Shown title")  # an argument may share a claim's title
        amap = b.build()
        text = dumps(amap)
        assert loads(text) == amap


class TestReadableOutput:
    """Maps that Argdown can say directly come out as plain Argdown."""

    def test_plain_map_has_no_reserved_keys(self) -> None:
        b = MapBuilder()
        a = b.claim("A text", id="A", title="A")
        c = b.claim("C text", id="C", title="C")
        b.argument([a], c, id="Arg", title="Arg", scheme="Modus ponens")
        b.attack(a, c)
        text = dumps(b.build())
        assert "{" not in text
        assert "-- Modus ponens --" in text
        assert "[A]\n  -> [C]" in text

    def test_data_is_json_values(self) -> None:
        b = MapBuilder()
        b.claim("x", title="X", data={"n": 1e20, "s": "a // b <!-- c", "l": [None, True]})
        amap = b.build()
        assert loads(dumps(amap)).claims[0].data == json.loads(json.dumps(amap.claims[0].data))


class TestBatchChecks:
    """The writer finds the texts and names that need escaping in one search over all of them;
    it must find every one that the check of a single text would."""

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.text(alphabet=st.sampled_from([*ARGDOWN_SPECIALS, "\r", "\x1c", "\u3000", "a", "é"]))
        )
    )
    def test_every_text_to_escape_is_flagged(self, texts: list[str]) -> None:
        flagged = writer.texts_to_check(texts)
        for i, text in enumerate(texts):
            if writer._inline(text, ()) != (text, False):
                assert i in flagged, (i, text)

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.text(alphabet=st.sampled_from([*ARGDOWN_SPECIALS, "a", "é"])).filter(
                lambda name: not names.unbracketable([name])
            )
        ),
        st.sampled_from("]>-"),
    )
    def test_every_name_to_escape_is_flagged(self, found: list[str], closing: str) -> None:
        flagged = names.titles_to_escape(found, closing)
        for i, name in enumerate(found):
            if names.title_text(name, closing) != name:
                assert i in flagged, (i, name)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.text(alphabet=st.sampled_from([*ARGDOWN_SPECIALS, "\r", "\x1c", "a"]))))
    def test_unbracketable_names(self, found: list[str]) -> None:
        expected = {
            i
            for i, name in enumerate(found)
            if not name or name != name.strip() or "\n" in name or "\r" in name
        }
        assert names.unbracketable(found) == expected
