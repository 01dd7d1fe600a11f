"""Property tests: any map's chart parses back with every text exact and every element drawn."""

from __future__ import annotations

from argmap_mermaid.flowchart import export
from argmap_mermaid.parsing import parse_flowchart
from argmap_mermaid.style import LINKS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, RelationKind
from argmap.strategies import argument_maps


def bare(amap: ArgumentMap) -> set[str]:
    return {
        a.id
        for a in amap.arguments
        if len(a.premises) == 1
        and a.conclusion is not None
        and not (a.title or a.gist or a.scheme or a.tags or a.sources or a.data)
        and not amap.index.incoming(a.id)
    }


def expected_edges(amap: ArgumentMap) -> list[tuple[str, str, str]]:
    edges = []
    skipped = bare(amap)
    for argument in amap.arguments:
        if argument.id in skipped:
            edges.append((argument.premises[0], LINKS["support"], str(argument.conclusion)))
            continue
        edges.extend((p, LINKS["premise"], argument.id) for p in argument.premises)
        if argument.conclusion is not None:
            edges.append((argument.id, LINKS["support"], argument.conclusion))
    edges.extend((r.origin, LINKS[r.kind.value], r.target) for r in amap.relations)
    return edges


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    argument_maps(),
    st.sampled_from([0, 7, 40]),
    st.booleans(),
    st.sampled_from(["BT", "LR"]),
)
def test_any_map_parses_back_exactly(
    amap: ArgumentMap, wrap: int, fence: bool, direction: str
) -> None:
    output = export(amap, wrap=wrap, fence=fence, direction=direction, sources=True)
    assert output == export(amap, wrap=wrap, fence=fence, direction=direction, sources=True)
    chart = parse_flowchart(output)
    nodes = chart.by_element()
    element_of = {n.id: n.element_id for n in chart.nodes.values()}

    # every claim and every argument that is not a bare step is a node, in its section
    drawn = [n for n in amap if n.id not in bare(amap)]
    assert set(nodes) == {n.id for n in drawn}
    for node in drawn:
        parsed = nodes[node.id]
        fields = parsed.fields
        if isinstance(node, Claim):
            assert parsed.shape == ("position" if node.is_position else "claim")
            if node.title:
                assert node.title in fields
            if node.text:
                assert node.text in fields
            if node.is_position:
                head = "⚑ Position" + (f" · held by {node.holder}" if node.holder else "")
                assert fields[0] == head
        else:
            assert parsed.shape == "argument"
            for text in (node.title, node.gist):
                if text:
                    assert text in fields
            if node.scheme:
                assert f"scheme: {node.scheme}" in fields
        section = chart.subgraphs[parsed.subgraph].element_id if parsed.subgraph else None
        assert section == node.section

    # every relation and every argument step is an edge of the right kind, in order
    found = [(element_of[e.origin], e.link, element_of[e.target]) for e in chart.edges]
    assert found == expected_edges(amap)

    # sections nest as in the map, with their titles exact
    sections = {s.element_id: s for s in chart.subgraphs.values()}
    assert set(sections) == {s.id for s in amap.sections}
    for section in amap.sections:
        parsed_section = sections[section.id]
        assert parsed_section.title == section.title
        parent = parsed_section.parent
        assert (chart.subgraphs[parent].element_id if parent else None) == section.parent

    assert chart.title == (amap.title or None)
    assert chart.direction == direction
    assert chart.fenced == fence


@settings(max_examples=50, deadline=None)
@given(argument_maps())
def test_contradictions_are_two_headed_and_attacks_end_in_a_cross(amap: ArgumentMap) -> None:
    chart = parse_flowchart(export(amap))
    links = [e.link for e in chart.edges]
    kinds = [r.kind for r in amap.relations]
    assert links.count("x==x") == kinds.count(RelationKind.CONTRADICTION)
    assert links.count("--x") == kinds.count(RelationKind.ATTACK)
    assert links.count("-.-x") == kinds.count(RelationKind.UNDERCUT)
