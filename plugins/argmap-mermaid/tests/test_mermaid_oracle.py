"""Differential tests against the real Mermaid parser (Mermaid 11, headless in Node.js).

Needs Node.js and ``npm ci --prefix tests/oracle`` (no browser is downloaded: jsdom stands in
for the DOM). Without them these tests are skipped, with the reason.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from argmap_mermaid.flowchart import export
from argmap_mermaid.parsing import parse_flowchart

from argmap import ArgumentMap, MapBuilder
from argmap.testing import contract_maps, example_map

ORACLE = Path(__file__).parent / "oracle"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    NODE is None or not (ORACLE / "node_modules" / "mermaid").is_dir(),
    reason="the real Mermaid parser needs Node.js and `npm ci --prefix tests/oracle`",
)

LINK_TYPES = {
    "---": ("arrow_open", "normal"),
    "-->": ("arrow_point", "normal"),
    "--x": ("arrow_cross", "normal"),
    "-.-x": ("arrow_cross", "dotted"),
    "x==x": ("double_arrow_cross", "thick"),
}


def mermaid_parse(chart: str) -> dict[str, Any]:
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(ORACLE / "parse.mjs")],
        input=chart.encode("utf-8", "surrogatepass"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    result: dict[str, Any] = json.loads(done.stdout)
    assert result["ok"], result.get("error")
    return result


def as_mermaid_stores_it(label: str) -> str:
    """What Mermaid keeps of a label we wrote: entity codes as placeholders, <br/> as <br>."""

    def placeholder(match: re.Match[str]) -> str:
        code = match.group(1)
        return ("ﬂ°°" if code.isdigit() else "ﬂ°") + code + "¶ß"

    return re.sub(r"#(\w+);", placeholder, label.replace("<br/>", "<br>"))


def check_against_mermaid(amap: ArgumentMap, **options: Any) -> None:
    output = export(amap, **options)
    ours = parse_flowchart(output)
    theirs = mermaid_parse(output)
    assert theirs["type"] == "flowchart-v2"
    vertices = {v["id"]: v for v in theirs["vertices"]}
    assert set(vertices) == set(ours.nodes)
    shapes = {"position": "stadium", "claim": "square", "argument": "hexagon"}
    for node in ours.nodes.values():
        vertex = vertices[node.id]
        assert vertex["text"] == as_mermaid_stores_it(node.label), node.id
        assert vertex["type"] == shapes[node.shape]
        assert set(vertex["classes"]) == ours.classes.get(node.id, set())
    edges = [(e["start"], e["type"], e["stroke"], e["end"]) for e in theirs["edges"]]
    assert edges == [(e.origin, *LINK_TYPES[e.link], e.target) for e in ours.edges]
    subgraphs = {s["id"]: s for s in theirs["subgraphs"]}
    assert set(subgraphs) == set(ours.subgraphs)
    for sub_id in ours.subgraphs:
        members = {n.id for n in ours.nodes.values() if n.subgraph == sub_id}
        children = {s.id for s in ours.subgraphs.values() if s.parent == sub_id}
        assert set(subgraphs[sub_id]["nodes"]) == members | children


@pytest.mark.parametrize("name", sorted(contract_maps()))
def test_the_contract_maps_parse_as_we_read_them(name: str) -> None:
    check_against_mermaid(contract_maps()[name], evaluation="grounded", sources=True)


def test_the_example_without_edge_words_and_fenced_body() -> None:
    check_against_mermaid(example_map(), edge_labels=False, direction="LR", wrap=0)


def test_every_nasty_text_in_every_place(nasty_texts: tuple[str, ...]) -> None:
    b = MapBuilder("nasty")
    previous = b.position("root", id="root")
    for i, text in enumerate(nasty_texts):
        section = b.section(text or "empty", id=f"s{i}")
        claim = b.claim(text, title=text or None, id=f"c{i}", section=section)
        argument = b.argument(
            [claim],
            previous,
            title=text or None,
            gist=text or None,
            scheme=text or None,
            id=f"a{i}",
        )
        b.undercut(b.claim(text, id=f"u{i}"), against=argument)
        previous = claim
    check_against_mermaid(b.build(), sources=True)
