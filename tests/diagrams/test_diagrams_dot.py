"""The dot exporter: structure of the diagram (nodes, edges, clusters, text), not its bytes."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

import pygraphviz
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, FormatError, MapBuilder, Source
from argmap.builtin.dot.labels import HTML_SPECIAL, block, clean, wrap
from argmap.builtin.dot.theme import THEMES
from argmap.builtin.dot.writer import export
from argmap.evaluation import evaluate
from argmap.render import render
from argmap.testing import LONG_TEXT, check_exporter, example_map, hostile_map

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"


def parse_dot(source: str) -> pygraphviz.AGraph:
    return pygraphviz.AGraph(string=source)


def unescape(value: str) -> str:
    """A DOT string attribute as argmap wrote it, back to the text."""
    return re.sub(r"\\(.)", r"\1", value, flags=re.S)


def svg_root(amap: ArgumentMap, **options: Any) -> ET.Element:
    return ET.fromstring(render(amap, format="svg", **options))


def groups(root: ET.Element, css_class: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if css_class in (g.get("class") or "").split()]


def texts(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def tooltip(group: ET.Element) -> str:
    link = next(group.iter(f"{SVG}a"))
    return link.get(XLINK_TITLE) or ""


def dot_texts(output: str | bytes) -> Iterable[str]:
    assert isinstance(output, str)
    graph = parse_dot(output)
    found = [unescape(n.attr.get("tooltip") or "") for n in graph.nodes()]
    for subgraph in graph.subgraphs_iter():
        found.append(unescape(subgraph.graph_attr.get("tooltip") or ""))
    found.append(graph.graph_attr.get("label") or "")
    return found


def svg_texts(output: str | bytes) -> Iterable[str]:
    root = ET.fromstring(output)
    found = [a.get(XLINK_TITLE) or "" for a in root.iter(f"{SVG}a")]
    return found


def non_space(text: str) -> str:
    return "".join(text.split())


class TestSeedDebate:
    """The seed debate comes out with every element where the visual language puts it."""

    def test_every_claim_is_a_node_with_its_role(self) -> None:
        amap = example_map()
        graph = parse_dot(export(amap))
        for claim in amap.claims:
            node = graph.get_node(claim.id)
            classes = node.attr["class"].split()
            assert "argmap-claim" in classes
            if claim.is_position:
                assert "argmap-position" in classes
                assert "bold" in node.attr["style"]
                assert float(node.attr["penwidth"]) >= 2
        objections = [n for n in graph.nodes() if "argmap-objection" in n.attr["class"]]
        assert {n.get_name() for n in objections} >= {"only-verbal", "the-memoirs-were-misread"}
        for node in objections:
            assert "diagonals" in node.attr["style"]  # told apart without colour

    def test_arguments_with_something_of_their_own_are_ovals_joined_by_their_premises(
        self,
    ) -> None:
        amap = example_map()
        graph = parse_dot(export(amap))
        argument = graph.get_node("signed-commitments")
        assert argument.attr["shape"] == "ellipse"
        premises = {e[0] for e in graph.in_edges("signed-commitments")}
        assert premises == set(amap.argument("signed-commitments").premises)
        assert graph.get_edge("signed-commitments", "indivisible-security").attr["class"] == (
            "argmap-support"
        )

    def test_a_bare_one_premise_argument_is_a_support_arrow(self) -> None:
        graph = parse_dot(export(example_map()))
        names = {n.get_name() for n in graph.nodes()}
        assert "arg-the-memoirs" not in names
        edge = graph.get_edge("the-memoirs", "the-promise-of-1990")
        assert edge.attr["class"] == "argmap-support"
        assert edge.attr["arrowhead"] == "normal"

    def test_an_argument_with_relations_of_its_own_stays_a_node(self) -> None:
        b = MapBuilder("Arguments in relations")
        thesis = b.position("T.")
        other = b.claim("O.")
        argument = b.argument([b.claim("P.")], thesis)
        b.attack(argument, other)
        graph = parse_dot(export(b.build()))
        node = graph.get_node(argument.id)
        assert node.attr["shape"] == "ellipse"
        assert node.attr["class"] == "argmap-argument"

    def test_edges_are_told_apart_by_line_and_head(self) -> None:
        amap = example_map()
        graph = parse_dot(export(amap))
        by_class: dict[str, list[pygraphviz.Edge]] = {}
        for edge in graph.edges():
            by_class.setdefault(edge.attr["class"], []).append(edge)
        kinds = [r.kind.value for r in amap.relations]
        assert len(by_class["argmap-attack"]) == kinds.count("attack")
        assert len(by_class["argmap-undercut"]) == kinds.count("undercut")
        assert all(e.attr["arrowhead"] == "tee" for e in by_class["argmap-attack"])
        assert all(e.attr["style"] == "dashed" for e in by_class["argmap-undercut"])
        assert all(e.attr.get("style") in (None, "") for e in by_class["argmap-support"])
        assert graph.get_edge("only-verbal", "promises-bind").attr["class"] == "argmap-undercut"

    def test_contradiction_is_a_double_line_with_two_heads(self) -> None:
        b = MapBuilder("Clash")
        one = b.position("One.", holder="A")
        two = b.position("Two.", holder="B")
        b.contradiction(one, two)
        (line,) = [s for s in export(b.build()).splitlines() if "argmap-contradiction" in s]
        assert " dir=both " in line
        assert "arrowhead=tee arrowtail=tee" in line
        assert ":invis:" in line  # two parallel lines

    def test_sections_are_clusters_with_their_titles(self) -> None:
        amap = example_map()
        root = svg_root(amap)
        clusters = groups(root, "cluster")
        titles = {" ".join(texts(c)[:1]) for c in clusters}
        assert titles == {s.title for s in amap.sections}
        osce = next(c for c in clusters if texts(c)[0] == "The OSCE declarations")
        members = {
            g.find(f"{SVG}title").text  # type: ignore[union-attr]
            for g in groups(root, "node")
        }
        assert "signed-by-all-osce-leaders" in members
        assert osce.get("class") == "cluster argmap-section"

    def test_position_shows_its_holder_and_bold_title(self) -> None:
        amap = example_map()
        source = export(amap)
        assert "<B>Indivisible security</B>" in source
        root = svg_root(amap)
        position = next(
            g for g in groups(root, "argmap-position") if "Indivisible security" in texts(g)
        )
        assert "POSITION · held by Russia" in texts(position)
        bold = [t for t in position.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
        assert [t.text for t in bold] == ["Indivisible security"]

    def test_source_speaker_is_shown_and_quote_is_in_the_tooltip(self) -> None:
        amap = example_map()
        claim = amap.claim("indivisible-security")
        quote = claim.sources[0].quote
        assert quote is not None
        node = next(
            g
            for g in groups(svg_root(amap), "argmap-position")
            if "Indivisible security" in texts(g)
        )
        assert "— Sergey Lavrov" in texts(node)
        assert tooltip(node).startswith(claim.text + "\n\n— Sergey Lavrov")
        assert f"“{quote}”" in tooltip(node)

    def test_sources_can_be_hidden(self) -> None:
        amap = example_map()
        root = svg_root(amap, sources=False)
        for node in groups(root, "argmap-claim"):
            assert "— Sergey Lavrov" not in texts(node)
            assert "Sergey Lavrov" not in tooltip(node)


class TestOptions:
    """Direction, theme, legend, wrapping and evaluation change what they should."""

    def test_direction(self) -> None:
        for given_, rankdir in (("LR", "LR"), ("down", "TB"), ("BT", "BT")):
            graph = parse_dot(export(example_map(), direction=given_))
            assert graph.graph_attr["rankdir"] == rankdir

    def test_print_theme_uses_only_greys(self) -> None:
        source = export(example_map(), theme="print", legend=True)
        colours = set(re.findall(r"#([0-9a-fA-F]{6})", source))
        assert colours
        for colour in colours:
            r, g, b = colour[0:2], colour[2:4], colour[4:6]
            assert r == g == b, colour

    def test_themes_change_colour_only(self) -> None:
        shapes = []
        for theme in THEMES:
            graph = parse_dot(export(example_map(), theme=theme))
            shapes.append(
                sorted((n.get_name(), n.attr["shape"], n.attr["style"]) for n in graph.nodes())
            )
        assert shapes[0] == shapes[1]

    def test_legend_is_a_cluster_showing_every_kind(self) -> None:
        root = svg_root(example_map(), legend=True)
        legend = groups(root, "argmap-legend")
        assert len(legend) == 1
        graph = parse_dot(export(example_map(), legend=True))
        legend_edges = {e.attr["class"] for e in graph.edges() if e[0].startswith("legend_")}
        assert legend_edges == {
            "argmap-support",
            "argmap-premise",
            "argmap-attack",
            "argmap-undercut",
            "argmap-contradiction",
        }
        assert "legend_position" in {n.get_name() for n in graph.nodes()}

    def test_no_legend_by_default(self) -> None:
        assert "cluster_legend" not in export(example_map())

    def test_labels_are_wrapped_at_the_width(self) -> None:
        amap = example_map()
        for width in (20, 36):
            root = svg_root(amap, wrap=width, sources=False)
            for node in groups(root, "argmap-claim"):
                for line in texts(node):
                    if not line.startswith("POSITION"):
                        assert len(line) <= width, line

    def test_long_text_is_cut_in_the_label_but_whole_in_the_tooltip(self) -> None:
        b = MapBuilder("Long")
        b.claim(LONG_TEXT, id="long")
        root = svg_root(b.build(), max_lines=4)
        node = groups(root, "argmap-claim")[0]
        assert len(texts(node)) == 4
        assert texts(node)[-1].endswith("…")
        assert tooltip(node) == LONG_TEXT

    def test_evaluation_shows_marker_words_and_legend(self) -> None:
        amap = example_map()
        result = evaluate(amap)
        root = svg_root(amap, evaluation=result, legend=True)
        for node_id, label in result.labels.items():
            if node_id == "arg-the-freedom-to-choose-is-agreed" or node_id == "arg-the-memoirs":
                continue  # drawn as arrows
            node = next(
                g
                for g in groups(root, "node")
                if g.find(f"{SVG}title").text == node_id  # type: ignore[union-attr]
            )
            words = {"in": "✔ IN: stands", "out": "✘ OUT: defeated", "undecided": "? UNDECIDED"}
            assert words[label.label.value] in texts(node)
            assert f"argmap-{label.label.value}" in (node.get("class") or "")
        key = next(g for g in groups(root, "node") if g.find(f"{SVG}title").text == "legend_status")  # type: ignore[union-attr]
        assert "EVALUATION (grounded)" in texts(key)

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"direction": "sideways"}, "unknown direction"),
            ({"theme": "neon"}, "unknown theme"),
            ({"wrap": 3}, "wrap must be"),
            ({"max_lines": 0}, "max_lines must be"),
            ({"legend": "yes"}, "legend must be"),
            ({"evaluation": 3}, "evaluation must be"),
        ],
    )
    def test_bad_options_are_refused(self, options: dict[str, object], message: str) -> None:
        with pytest.raises(FormatError, match=message):
            export(example_map(), **options)


class TestText:
    """Text is data: it reaches the diagram exactly and never changes its structure."""

    def test_the_dot_contract(self) -> None:
        check_exporter("dot", texts_of=dot_texts)

    def test_the_svg_contract(self) -> None:
        check_exporter("svg", texts_of=svg_texts)

    @pytest.mark.parametrize("fmt", ["png", "pdf"])
    def test_the_png_and_pdf_contract(self, fmt: str) -> None:
        check_exporter(fmt)  # bytes, deterministic, every contract map renders

    def test_hostile_ids_keep_the_structure(self) -> None:
        b = MapBuilder("Ids")
        odd = ['a"b', "back\\", "new\nline", "x -> y", "<b>", "\\N"]
        claims = [b.claim(f"text {i}", id=i_) for i, i_ in enumerate(odd)]
        for before, after in itertools.pairwise(claims):
            b.premise(before, for_=after)
        graph = parse_dot(export(b.build()))
        assert graph.number_of_nodes() == len(odd)
        assert graph.number_of_edges() == len(odd) - 1

    def test_control_characters_become_visible_stand_ins(self) -> None:
        b = MapBuilder("Controls")
        b.claim("bell\x07 and nul\x00 end", id="c")
        root = svg_root(b.build())  # valid XML, or this raises
        node = groups(root, "argmap-claim")[0]
        assert tooltip(node) == "bell␇ and nul␀ end"
        assert clean("bell\x07") == "bell␇"

    @settings(
        max_examples=int(os.environ.get("ARGMAP_DIAGRAM_EXAMPLES", "60")),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        st.lists(
            st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))
            | st.sampled_from(
                [
                    "<",
                    ">",
                    "&",
                    '"',
                    "'",
                    "\\",
                    "\n",
                    "\r\n",
                    "\t",
                    "  ",
                    "😀",
                    "ש",
                    "&amp;",
                    "\\N",
                    "\\G",
                    "]]>",
                    "&#x41;",
                    " ",
                ]
            ),
            min_size=1,
            max_size=60,
        )
        .map("".join)
        .filter(lambda s: s.strip())
    )
    def test_any_text_reaches_the_svg_exactly(self, text: str) -> None:
        b = MapBuilder("Property")
        b.claim(text, id="c")
        root = svg_root(b.build(), max_lines=60)
        node = groups(root, "argmap-claim")[0]
        assert tooltip(node) == text
        visible = "".join(texts(node))
        assert non_space(visible) == non_space(text)

    def test_wrap_keeps_every_non_space_character(self) -> None:
        text = "word " * 30 + "x" * 100 + "\nnext  paragraph\r\nthird"
        lines = wrap(text, 20)
        assert all(len(line) <= 20 for line in lines)
        assert non_space("".join(lines)) == non_space(text)

    @settings(max_examples=500, deadline=None)
    @given(
        st.text(st.sampled_from(list("ab c  \t\n\r\x0b\x1c\x85\xa0\u2028\u3000\x00é😀.")))
        | st.text(),
        st.integers(1, 40),
    )
    def test_wrap_is_greedy_at_spaces(self, text: str, width: int) -> None:
        assert wrap(text, width) == greedy_wrap(text, width)


def greedy_wrap(text: str, width: int) -> list[str]:
    """The plain algorithm that :func:`wrap` must agree with: break each line at its last space
    within the width, cut a longer word, and turn runs of white space into one space."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if len(raw) <= width:
            lines.append(raw.strip())
            continue
        paragraph = " ".join(raw.split())
        start = 0
        while len(paragraph) - start > width:
            cut = paragraph.rfind(" ", start, start + width + 1)
            if cut <= start:
                lines.append(paragraph[start : start + width])
                start += width
                if paragraph.startswith(" ", start):
                    start += 1
            else:
                lines.append(paragraph[start:cut])
                start = cut + 1
        lines.append(paragraph[start:])
    return lines


class TestDeterminism:
    """The same map gives the same DOT bytes, in this process and in another."""

    def test_same_map_same_bytes(self) -> None:
        amap = hostile_map()
        assert export(amap, legend=True) == export(amap, legend=True)

    def test_same_bytes_across_processes(self) -> None:
        script = (
            "from argmap.testing import example_map; from argmap.builtin.dot.writer import export;"
            "import sys; sys.stdout.write(export(example_map(), legend=True))"
        )
        outputs = set()
        for seed in ("1", "2", "3"):
            done = subprocess.run(
                [sys.executable, "-c", script],
                capture_output=True,
                check=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
            outputs.add(done.stdout)
        assert len(outputs) == 1
        assert outputs.pop().decode("utf-8") == export(example_map(), legend=True)

    def test_with_source_quotes(self) -> None:
        b = MapBuilder("Sources")
        b.claim("A.", sources=[Source(speaker="S", quote="q"), Source(document="D")])
        assert export(b.build()) == export(b.build())


@settings(max_examples=500, deadline=None)
@given(
    st.text(st.sampled_from(list("ab c  .\n\r\x0b\x1c\x85\xa0\u2028\u3000é😀"))) | st.text(),
    st.integers(8, 40),
    st.integers(1, 4),
)
def test_a_label_is_the_same_whether_or_not_the_writer_knew_it_needs_no_escaping(
    text: str, width: int, budget: int
) -> None:
    # The writer finds the texts that need escaping for all claims at once and tells the
    # label so; for the others, the label must come out as if it had looked itself.
    if HTML_SPECIAL.search(text) is None:
        assert block(text, budget, width, escape=False) == block(text, budget, width)


def test_sources_with_odd_characters_reach_label_and_tooltip_exactly() -> None:
    b = MapBuilder("Sources")
    said = Source(speaker="A <b> & \\N", quote='say "it"\tnow', date="2022-01-27")
    b.claim("plain text", id="c", sources=[said])
    b.claim("x" * 5000 + ' "quoted"', id="long", sources=[said])
    amap = b.build()
    graph = parse_dot(export(amap))
    for claim_id in ("c", "long"):
        claim = amap.claim(claim_id)
        expected = f'{claim.text}\n\n— A <b> & \\N, 2022-01-27: “say "it"\tnow”'
        assert unescape(graph.get_node(claim_id).attr["tooltip"]) == expected
    label = graph.get_node("c").attr["label"]
    assert "— A &lt;b&gt; &amp; \\\\N" in label
