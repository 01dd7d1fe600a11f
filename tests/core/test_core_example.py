"""The seed debate: the Python script, its JSON and the briefing agree."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import argmap
from argmap import ArgumentMap, RelationKind

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def build() -> ArgumentMap:
    spec = importlib.util.spec_from_file_location("lavrov_2022", EXAMPLES / "lavrov_2022.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: ArgumentMap = module.build()
    return built


def test_json_is_exactly_what_argmap_writes_for_the_script() -> None:
    amap = build()
    written = (EXAMPLES / "lavrov_2022.json").read_text(encoding="utf-8")
    assert argmap.dumps(amap) == written
    assert argmap.loads(written) == amap


def test_package_ships_the_same_bytes() -> None:
    packaged = EXAMPLES.parent / "argmap" / "data" / "lavrov_2022.json"
    assert packaged.read_bytes() == (EXAMPLES / "lavrov_2022.json").read_bytes()


def test_every_quote_is_verbatim_from_the_briefing() -> None:
    briefing = next((EXAMPLES / "sources").glob("lavrov-2022-01-27*.txt")).read_text(
        encoding="utf-8"
    )
    sources = [s for node in build() for s in node.sources]
    assert len(sources) >= 10
    for source in sources:
        assert source.quote is not None
        assert source.quote in briefing, source.quote
        assert source.speaker == "Sergey Lavrov"
        assert source.date == "2022-01-27"


def test_the_map_has_what_the_issue_asks_for() -> None:
    amap = build()
    assert len(amap.positions) == 2
    premises = {p for a in amap.arguments for p in a.premises}
    assert len(premises) >= 4
    attacks = [r for r in amap.relations if r.kind is RelationKind.ATTACK]
    objections = {r.origin for r in attacks}
    assert len(objections) >= 3
    # a rebuttal of an objection: something attacks a claim that itself attacks
    assert any(r.target in objections for r in attacks)
    assert any(len(a.premises) >= 2 for a in amap.arguments)
    assert any(r.kind is RelationKind.UNDERCUT for r in amap.relations)
    assert argmap.validate(amap).ok
