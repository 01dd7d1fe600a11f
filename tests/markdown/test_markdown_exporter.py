"""The Markdown outline, checked by parsing it with a CommonMark/GFM parser."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

import argmap
from argmap import ArgumentMap, MapBuilder, Source
from argmap.builtin.markdown.escape import escape, escapes
from argmap.strategies import argument_maps, texts
from argmap.testing import (
    HOSTILE_TEXTS,
    LONG_TEXT,
    check_exporter,
    cyclic_map,
    example_map,
    hostile_map,
)

# markdown-it stops parsing inline below 20 levels of nesting by default; GitHub does not.
PARSER = (
    MarkdownIt("commonmark", {"maxNesting": 10_000})
    .enable(["table", "strikethrough"])
    .use(footnote_plugin)
)


def outline(amap: ArgumentMap, **options: Any) -> str:
    text = argmap.export(amap, "markdown", **options)
    assert isinstance(text, str)
    return text


def plain(token: Token) -> str:
    """The text a reader sees in an inline token (markup and HTML anchors left out)."""
    return "".join(
        child.content for child in token.children or [] if child.type in ("text", "code_inline")
    )


def inline_texts(markdown: str) -> list[str]:
    return [plain(t) for t in PARSER.parse(markdown) if t.type == "inline"]


def count(markdown: str, kind: str, tag: str | None = None) -> int:
    return sum(
        1 for t in PARSER.parse(markdown) if t.type == kind and (tag is None or t.tag == tag)
    )


def representable(text: str) -> bool:
    """What Markdown can carry: no NUL (it becomes U+FFFD), and no vertical tab at an edge of
    the text (parsers trim it, and no character reference may stand for it)."""
    return "\x00" not in text and not text.startswith("\v") and not text.endswith("\v")


def contains(haystack: list[str], needle: str) -> bool:
    return any(needle in text for text in haystack)


class TestSeedDebate:
    """The outline of the seed debate reads as the debate."""

    def test_positions_are_headings_with_their_holders(self) -> None:
        tokens = PARSER.parse(outline(example_map()))
        headings = [
            plain(t)
            for prev, t in itertools.pairwise(tokens)
            if t.type == "inline" and prev.type == "heading_open" and prev.tag == "h2"
        ]
        assert headings[:2] == [
            "Position: Indivisible security — held by Russia",
            "Position: Freedom to choose alliances — held by United States and NATO",
        ]

    def test_kinds_in_words(self) -> None:
        texts_ = inline_texts(outline(example_map()))
        assert contains(texts_, "Reason: argument “Signed commitments”")
        assert contains(texts_, "(linked: these premises support it only together)")
        assert contains(texts_, "Undercut (denies that the step follows): Only verbal.")
        assert contains(texts_, "Objection (undermines this premise): The memoirs were misread.")
        assert contains(texts_, "Objection (rebuttal): Commitments are not a menu.")

    def test_co_premises_stay_together(self) -> None:
        lines = outline(example_map()).splitlines()
        start = next(i for i, line in enumerate(lines) if "Signed commitments" in line)
        assert "Premise:** **The declarations commit" in lines[start + 1]
        assert "Premise:** **Signed by all OSCE leaders" in lines[start + 2]

    def test_sources_are_footnotes_with_verbatim_quotes(self) -> None:
        amap = example_map()
        markdown = outline(amap)
        quotes = [s.quote for n in amap for s in n.sources]
        assert count(markdown, "footnote_open") == len(quotes)
        texts_ = inline_texts(markdown)
        for quote in quotes:
            assert quote is not None
            assert contains(texts_, "Sergey Lavrov, 2022-01-27, ")
            assert contains(texts_, f"“{quote}”")

    def test_shared_claim_is_written_once_and_linked(self) -> None:
        markdown = outline(example_map())
        assert markdown.count("**The freedom is conditioned.** The freedom to choose") == 1
        assert "↩ [The freedom is conditioned](#am-the-freedom-is-conditioned)" in markdown
        assert '<a id="am-the-freedom-is-conditioned"></a>' in markdown

    def test_cycles_end(self) -> None:
        markdown = outline(cyclic_map())
        assert markdown.count("↩") >= 1
        assert len(markdown) < 5000


class TestEscaping:
    """No text can change the outline's structure, and every text comes back exactly."""

    def test_hostile_texts_come_back_exactly(self) -> None:
        markdown = outline(hostile_map())
        texts_ = inline_texts(markdown)
        for text in (*HOSTILE_TEXTS, LONG_TEXT):
            assert contains(texts_, text), text

    def test_hostile_map_keeps_its_structure(self) -> None:
        amap = hostile_map()
        markdown = outline(amap)
        assert count(markdown, "heading_open", "h1") == 1
        # one h2 per position, plus the sections list
        assert count(markdown, "heading_open", "h2") == len(amap.positions) + 1
        assert count(markdown, "footnote_open") == sum(len(n.sources) for n in amap)
        assert count(markdown, "table_open") == 0
        assert count(markdown, "blockquote_open") == 0

    @settings(max_examples=300, deadline=None)
    @given(texts(80))
    def test_escape_round_trips_any_text(self, text: str) -> None:
        assume(representable(text))
        (token,) = [
            t
            for t in PARSER.parse(f"- **Premise:** {escape(text)}[^1]\n\n[^1]: x\n")
            if t.type == "inline"
        ][:1]
        children = [c for c in token.children or [] if c.type != "text" or c.content]
        assert [c.type for c in children][:3] == ["strong_open", "text", "strong_close"]
        assert plain(token) == "Premise: " + text
        assert children[-1].type == "footnote_ref"

    @settings(max_examples=150, deadline=None)
    @given(argument_maps())
    def test_any_map_every_node_written_once(self, amap: ArgumentMap) -> None:
        assume(all(representable(c.text) for c in amap.claims))
        markdown = outline(amap)
        assert count(markdown, "heading_open", "h1") == 1
        expected_h2 = len(amap.positions) + bool(amap.sections)
        leftovers = count(markdown, "heading_open", "h2") - expected_h2
        assert leftovers in (0, 1)  # "Other claims" when something hangs off no position
        assert count(markdown, "footnote_open") == sum(len(n.sources) for n in amap)
        texts_ = inline_texts(markdown)
        for claim in amap.claims:
            if claim.text and "\x00" not in claim.text:
                assert contains(texts_, claim.text)

    def test_deterministic(self) -> None:
        assert outline(hostile_map()) == outline(hostile_map())


def test_empty_map() -> None:
    assert (
        outline(MapBuilder("Nothing yet").build())
        == "# Nothing yet\n\n*This map has no claims yet.*\n"
    )


def test_claims_without_positions_are_listed() -> None:
    b = MapBuilder("loose")
    a = b.claim("A")
    b.premise("B", for_=a)
    markdown = outline(b.build())
    assert "## Other claims" in markdown
    assert contains(inline_texts(markdown), "Reason: B")


def test_urls_become_links() -> None:
    b = MapBuilder()
    b.position("A", sources=[Source(url="https://example.org/x?a=1&b=2")])
    tokens = PARSER.parse(outline(b.build()))
    links = [
        c for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"
    ]
    assert links[-1].attrs["href"] == "https://example.org/x?a=1&b=2"


def test_contract() -> None:
    check_exporter("markdown", texts_of=lambda out: inline_texts(str(out)))


def test_anchors_are_unique_slugs() -> None:
    # Plain ids become their own anchors (the quick path); any other id is slugged and, when
    # the slug is taken, numbered, even when only one id in the map is not plain.
    from argmap import Argument, Claim

    claims = [Claim("a-b", "one"), Claim("a\nb", "two"), Claim("a b", "three"), Claim("x", "")]
    amap = ArgumentMap(claims=claims, arguments=[Argument("x_1", ("a-b",), "x")])
    markdown = outline(amap)
    ids = ["am-a-b", "am-a-b-2", "am-a-b-3", "am-x", "am-x_1"]
    assert [f'<a id="{i}"></a>' in markdown for i in ids] == [True] * len(ids)
    assert outline(ArgumentMap(claims=claims[:1] + claims[3:])).count('<a id="am-') == 2
    # Joined by line breaks, "a-b", "a\nb" and "x" look like four plain ids: still slugged.
    markdown = outline(ArgumentMap(claims=[claims[0], claims[1], claims[3]]))
    assert '<a id="am-a-b-2"></a>' in markdown


def test_cut_labels_in_links_come_back_exactly() -> None:
    # A link shows a long label cut to 77 characters and "…". Links skip escaping for labels
    # that the map's scan found safe, so the cut of an unsafe label must still be escaped on
    # its own terms: the cut can split a :shortcode:, keep or drop a special character.
    from argmap import Claim, Section

    labels = [
        "a" * 70 + "x :smile: and more " + "b" * 20,
        " " + "c" * 100,
        "*" * 90,
        "plain words " * 10,
        "d" * 76 + "\\" + "e" * 10,
        "f" * 80 + "<&>",
        "short [one]",
        "**bold** and `code` and [a](b) " + "g" * 80,
        "line\nbreak &amp; " + "h" * 80,
    ]
    claims = [Claim(f"c{i}", text, section="s") for i, text in enumerate(labels)]
    markdown = outline(ArgumentMap(claims=claims, sections=[Section("s", "S")]))
    cut = [label if len(label) <= 80 else label[:77] + "…" for label in labels]
    assert [t for t in inline_texts(markdown) if t.startswith("S: ")] == ["S: " + ", ".join(cut)]


@settings(max_examples=200, deadline=None)
@given(st.lists(texts(20) | st.sampled_from(["\n", " a", "a\n", ":x:", "\u3000", "é"]), max_size=6))
def test_escapes_finds_every_text_that_escaping_changes(found: list[str]) -> None:
    escaped = escapes(found)
    assert {text for text in found if escape(text) != text} <= set(escaped)
    assert all(escaped[text] == escape(text) for text in escaped)


def test_two_bare_arguments_for_one_step() -> None:
    # Both items under the conclusion stand for the later argument (its anchor goes with the
    # premise); the earlier one is written under "Other claims" as an argument of its own.
    from argmap import Argument, Claim

    claims = [Claim("c", "Conclusion", is_position=True), Claim("p", "Premise")]
    arguments = [Argument("a1", ("p",), "c"), Argument("a2", ("p",), "c")]
    lines = outline(ArgumentMap(claims=claims, arguments=arguments)).splitlines()
    assert lines[lines.index('## <a id="am-c"></a>Position: Conclusion') + 2 :][:2] == [
        '- <a id="am-a2"></a><a id="am-p"></a>➕ **Reason:** Premise',
        "- ➕ **Reason:** ↩ [Premise](#am-p) (see above)",
    ]
    assert lines[-2:] == [
        '- <a id="am-a1"></a>➕ **Reason: argument**',
        "  - • **Premise:** ↩ [Premise](#am-p) (see above)",
    ]
