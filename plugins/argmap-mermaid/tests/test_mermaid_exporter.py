"""The mermaid exporter: registration, what the chart shows, options, the contract."""

from __future__ import annotations

from importlib import metadata

import pytest
from argmap_mermaid import EXPORTER
from argmap_mermaid.flowchart import export
from argmap_mermaid.parsing import parse_flowchart

from argmap import FormatError, MapBuilder
from argmap.evaluation import evaluate
from argmap.host.plugins import Registry, get_plugin_manager, registry
from argmap.testing import ContractError, check_exporter, cyclic_map, empty_map


class TestRegistration:
    """The plugin is found through its entry point, as an installed distribution."""

    def test_the_entry_point_is_installed(self) -> None:
        found = [ep for ep in metadata.entry_points(group="argmap") if ep.name == "mermaid"]
        assert len(found) == 1
        assert found[0].value == "argmap_mermaid"
        assert found[0].dist is not None
        assert found[0].dist.metadata["Name"] == "argmap-mermaid"

    def test_the_registry_lists_it_with_its_distribution(self) -> None:
        exporter = registry().exporter("mermaid")
        assert exporter.origin is not None
        assert exporter.origin.plugin == "mermaid"
        assert exporter.origin.distribution == "argmap-mermaid"
        assert exporter.suffixes == (".mmd", ".mermaid")
        assert not exporter.binary
        assert "evaluation" in exporter.options

    def test_suffix_finds_it(self) -> None:
        assert registry().exporter_for("debate.mmd").name == "mermaid"

    def test_it_can_be_disabled_by_name(self) -> None:
        formats = Registry(get_plugin_manager(environ={"ARGMAP_DISABLE_PLUGINS": "mermaid"}))
        assert "mermaid" not in formats.exporters
        assert "markdown" in formats.exporters

    def test_unknown_options_are_refused(self, lavrov) -> None:
        with pytest.raises(FormatError, match="no option colour"):
            EXPORTER(lavrov, colour="red")


class TestContract:
    """argmap's exporter contract, with the texts read back by the chart reader."""

    def test_keeps_the_contract(self) -> None:
        check_exporter("mermaid", texts_of=lambda output: parse_flowchart(output).texts())

    @pytest.mark.parametrize(
        "options",
        [
            {"fence": True},
            {"wrap": 0},
            {"direction": "LR", "sources": True, "edge_labels": False, "legend": False},
            {"evaluation": "grounded"},
        ],
    )
    def test_keeps_the_contract_with_options(self, options: dict[str, object]) -> None:
        check_exporter(
            "mermaid", texts_of=lambda output: parse_flowchart(output).texts(), options=options
        )

    def test_the_contract_check_can_fail(self) -> None:
        def lossy(output: str | bytes) -> list[str]:
            return [t.replace("<", "") for t in parse_flowchart(str(output)).texts()]

        with pytest.raises(ContractError, match="text not found exactly"):
            check_exporter(EXPORTER, texts_of=lossy)


class TestTheExampleDebate:
    """The Lavrov briefing as a chart."""

    def test_positions_are_stadiums_with_their_holders(self, chart_of, lavrov) -> None:
        chart = chart_of(lavrov)
        nodes = chart.by_element()
        position = nodes["indivisible-security"]
        assert position.shape == "position"
        assert position.fields[0] == "⚑ Position · held by Russia"
        assert position.fields[1] == "Indivisible security"
        assert "position" in chart.classes[position.id]
        assert nodes["the-memoirs"].shape == "claim"

    def test_every_claim_and_visible_argument_is_a_node(self, chart_of, lavrov) -> None:
        chart = chart_of(lavrov)
        nodes = chart.by_element()
        for claim in lavrov.claims:
            assert claim.text in nodes[claim.id].fields
        linked = nodes["signed-commitments"]
        assert linked.shape == "argument"
        assert linked.fields[0] == "⛓ Argument · linked, 2 co-premises together"
        assert "scheme: Argument from commitment" in linked.fields
        # a bare one-premise argument is one support arrow, not a node
        assert "arg-the-freedom-to-choose-is-agreed" not in nodes

    def test_co_premises_lead_into_their_argument_together(self, chart_of, lavrov) -> None:
        chart = chart_of(lavrov)
        nodes = chart.by_element()
        argument = nodes["signed-commitments"].id
        into = [e for e in chart.edges if e.target == argument]
        assert {e.origin for e in into} == {
            nodes["the-declarations-commit-to-indivisible"].id,
            nodes["signed-by-all-osce-leaders"].id,
        }
        assert {(e.link, e.text) for e in into} == {("---", "co-premise")}
        out = [e for e in chart.edges if e.origin == argument]
        assert [(e.link, e.text, e.target) for e in out] == [
            ("-->", "➕ supports", nodes["indivisible-security"].id)
        ]

    def test_kinds_of_edge_differ_in_line_and_words(self, chart_of, lavrov) -> None:
        chart = chart_of(lavrov)
        nodes = chart.by_element()
        kinds = {(e.origin, e.target): (e.link, e.text) for e in chart.edges}
        menu, freedom = nodes["commitments-are-not-a-menu"], nodes["freedom-to-choose-alliances"]
        rebuttal = kinds[menu.id, freedom.id]
        assert rebuttal == ("--x", "➖ rebuts")
        undermining = kinds[nodes["the-memoirs-were-misread"].id, nodes["the-memoirs"].id]
        assert undermining == ("--x", "➖ undermines")
        undercut = kinds[nodes["only-verbal"].id, nodes["promises-bind"].id]
        assert undercut == ("-.-x", "⚡ undercuts")
        colours = {chart.link_styles[i] for i, e in enumerate(chart.edges) if e.link == "--x"}
        assert colours == {"stroke:#cf222e"}

    def test_sections_are_subgraphs_holding_their_members(self, chart_of, lavrov) -> None:
        chart = chart_of(lavrov)
        titles = {s.element_id: s.title for s in chart.subgraphs.values()}
        assert titles == {
            "the-osce-declarations": "The OSCE declarations",
            "the-promises-of-1990": "The promises of 1990",
        }
        by_section = {s.element_id: s.id for s in chart.subgraphs.values()}
        for claim in lavrov.claims:
            expected = by_section.get(claim.section) if claim.section else None
            assert chart.by_element()[claim.id].subgraph == expected

    def test_title_is_in_the_front_matter(self, chart_of, lavrov) -> None:
        assert chart_of(lavrov).title == lavrov.title

    def test_legend_explains_shapes_and_lines(self, chart_of, lavrov) -> None:
        legend = chart_of(lavrov).nodes["legend"].fields
        assert legend[0] == "Legend"
        assert "(stadium) ⚑ position · [box] claim · {hexagon} ⛓ argument" in legend
        assert "legend" not in chart_of(lavrov, legend=False).nodes


class TestEvaluation:
    """Evaluation labels: a marker and words in every box, a border style, a legend line."""

    def test_labels_with_marker_words_and_reason(self, chart_of, lavrov) -> None:
        evaluation = evaluate(lavrov)
        chart = chart_of(lavrov, evaluation=evaluation)
        words = {"in": "✅ in · stands", "out": "❌ out · defeated", "undecided": "❔ undecided"}
        for claim in lavrov.claims:
            label = evaluation.label(claim.id)
            node = chart.by_element()[claim.id]
            assert words[label.label.value] in node.fields
            assert label.reason in node.fields
            assert f"status_{label.label.value}" in chart.classes[node.id]
        assert any(f.startswith("evaluation (grounded)") for f in chart.nodes["legend"].fields)

    def test_a_semantics_name_evaluates_the_map(self, lavrov) -> None:
        assert export(lavrov, evaluation="grounded") == export(lavrov, evaluation=evaluate(lavrov))
        assert export(lavrov, evaluation=True) == export(lavrov, evaluation="grounded")

    def test_no_evaluation_no_status(self, chart_of, lavrov) -> None:
        chart = chart_of(lavrov)
        assert not any("status_in" in c for c in chart.classes.values())

    def test_a_wrong_evaluation_is_refused(self, lavrov) -> None:
        with pytest.raises(FormatError, match="evaluation must be"):
            export(lavrov, evaluation=42)


class TestOptions:
    """Options, and the messages for wrong values."""

    def test_fence_wraps_the_chart_for_markdown(self, lavrov) -> None:
        fenced = export(lavrov, fence=True)
        assert fenced.startswith("```mermaid\n---\n")
        assert fenced.endswith("\n```\n")
        assert fenced == "```mermaid\n" + export(lavrov) + "```\n"
        assert parse_flowchart(fenced).fenced

    @pytest.mark.parametrize("direction", ["BT", "TB", "TD", "LR", "RL"])
    def test_direction(self, chart_of, lavrov, direction: str) -> None:
        assert chart_of(lavrov, direction=direction).direction == direction

    def test_wrap_breaks_long_lines_for_display_only(self, lavrov) -> None:
        wrapped = export(lavrov, wrap=20)
        unwrapped = export(lavrov, wrap=0)
        assert wrapped.count("<br>") > unwrapped.count("<br>") == 0
        assert parse_flowchart(wrapped).texts
        assert list(parse_flowchart(wrapped).texts()) == list(parse_flowchart(unwrapped).texts())

    def test_max_label_cuts_long_texts(self, chart_of) -> None:
        b = MapBuilder("t")
        b.claim("x" * 1000, id="long")
        chart = chart_of(b.build(), max_label=50)
        assert chart.by_element()["long"].fields == ("x" * 49 + "…",)

    def test_sources_show_speaker_and_date(self, chart_of, lavrov) -> None:
        fields = chart_of(lavrov, sources=True).by_element()["indivisible-security"].fields
        assert "— Sergey Lavrov, 2022-01-27" in fields
        plain = chart_of(lavrov).by_element()["indivisible-security"].fields
        assert "— Sergey Lavrov, 2022-01-27" not in plain

    def test_edge_labels_off(self, chart_of, lavrov) -> None:
        chart = chart_of(lavrov, edge_labels=False)
        assert chart.edges
        assert all(e.text is None for e in chart.edges)

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"direction": "up"}, "direction must be one of"),
            ({"fence": "yes"}, "fence must be true or false"),
            ({"wrap": -1}, "wrap must be a whole number"),
            ({"wrap": True}, "wrap must be a whole number"),
            ({"max_label": 1}, "max_label must be a whole number of at least 2"),
            ({"legend": 1}, "legend must be true or false"),
        ],
    )
    def test_wrong_values_are_refused(
        self, lavrov, options: dict[str, object], message: str
    ) -> None:
        with pytest.raises(FormatError, match=message):
            export(lavrov, **options)  # type: ignore[arg-type]


class TestIdsAndEdgeCases:
    """Node ids, determinism, empty and cyclic maps."""

    def test_ids_are_numbered_in_map_order_never_made_from_text(self, chart_of) -> None:
        b = MapBuilder("ids")
        first = b.claim("one", id="a-b")
        second = b.claim("two", id="a_b")
        third = b.claim("three", id="end")
        b.premise(first, for_=second)
        b.objection(third, against=second)
        chart = chart_of(b.build())
        assert {n.element_id: n.id for n in chart.nodes.values() if n.element_id} == {
            "a-b": "c1",
            "a_b": "c2",
            "end": "c3",
        }

    def test_element_ids_with_hostile_characters_stay_in_their_comment(self, chart_of) -> None:
        b = MapBuilder("ids")
        hostile_id = 'x"]\n%%{init: {"theme": "dark"}}%%\nclick c1 call alert()'
        b.claim("one", id=hostile_id)
        assert list(chart_of(b.build()).by_element()) == [hostile_id]

    def test_same_map_same_bytes(self, lavrov) -> None:
        assert export(lavrov, evaluation="grounded") == export(lavrov, evaluation="grounded")

    def test_empty_map_says_so(self, chart_of) -> None:
        chart = chart_of(empty_map())
        assert chart.nodes["empty"].fields == ("This map has no claims yet.",)
        assert chart.edges == []

    def test_cyclic_map_ends_and_draws_every_edge(self, chart_of) -> None:
        amap = cyclic_map()
        chart = chart_of(amap)
        assert len([e for e in chart.edges if e.link == "-->"]) == 3
        assert len([e for e in chart.edges if e.link == "--x"]) == 2
        assert len([e for e in chart.edges if e.link == "x==x"]) == 1
        assert [e.text for e in chart.edges if e.link == "x==x"] == ["⇄ contradicts"]

    def test_nested_sections_are_nested_subgraphs(self, chart_of) -> None:
        b = MapBuilder("nested")
        outer = b.section("Outer")
        inner = b.section("Inner", parent=outer)
        b.claim("deep", section=inner, id="deep")
        chart = chart_of(b.build())
        subgraphs = {s.title: s for s in chart.subgraphs.values()}
        assert subgraphs["Inner"].parent == subgraphs["Outer"].id
        assert chart.by_element()["deep"].subgraph == subgraphs["Inner"].id


def test_registering_the_plugin_does_not_import_the_writer() -> None:
    # argmap imports every plugin on every command; this one must stay cheap to import.
    import subprocess
    import sys

    code = "import sys, argmap_mermaid; print('argmap_mermaid.flowchart' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
