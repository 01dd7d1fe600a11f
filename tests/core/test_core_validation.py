"""validate() reports every problem at once, errors apart from warnings."""

from __future__ import annotations

from argmap import Argument, ArgumentMap, Claim, MapBuilder, Relation, Source, validate
from argmap.testing import example_map


def test_the_seed_debate_is_clean() -> None:
    report = validate(example_map())
    assert report.ok
    assert len(report) == 0, report.format()


def test_every_problem_at_once() -> None:
    amap = ArgumentMap(
        date="27/01/2022",
        claims=[
            Claim("a", "A", is_position=True),
            Claim("empty", "", is_position=True),
            Claim("lonely", "nobody links me"),
            Claim("held", "x", holder="Russia"),
            Claim("dated", "y", sources=(Source(date="yesterday"),)),
            Claim("p", "P"),
            Claim("q", "Q"),
        ],
        arguments=[Argument("no-premises", (), "a"), Argument("no-conclusion", ("p",))],
        relations=[
            Relation("attack", "p", "a"),
            Relation("support", "q", "p"),
            Relation("support", "p", "q"),
            Relation("support", "held", "dated"),
        ],
    )
    report = validate(amap)
    codes = [d.code for d in report]
    assert [d.code for d in report.errors] == ["invalid-date", "invalid-date"]
    assert set(codes) >= {
        "empty-text",
        "isolated-claim",
        "holder-without-position",
        "no-premises",
        "no-conclusion",
        "support-cycle",
    }
    assert not report.ok
    # errors come first
    assert codes.index("invalid-date") < codes.index("empty-text")
    cycle = next(d for d in report if d.code == "support-cycle")
    assert "p" in cycle.message
    assert "q" in cycle.message


def test_conflicting_relations_are_an_error() -> None:
    b = MapBuilder()
    a = b.position("A")
    p = b.premise("P", for_=a)
    b.attack(p, a)
    report = validate(b.build())
    assert [d.code for d in report.errors] == ["conflicting-relations"]
    assert report.errors[0].element == p.id


def test_diagnostics_carry_the_location_of_read_maps() -> None:
    import argmap

    text = argmap.dumps(ArgumentMap(claims=[Claim("a", "A"), Claim("b", "")]))
    amap = argmap.loads(text, "debate.json")
    report = validate(amap)
    lines = [d.format() for d in report]
    assert "debate.json: claims[1]: warning[empty-text]: claim 'b' has no text" in lines
