"""The immutable map refuses broken invariants and answers queries."""

from __future__ import annotations

import attrs
import pytest

from argmap import (
    Argument,
    ArgumentMap,
    Claim,
    DuplicateIdError,
    InvalidRelationError,
    MapStructureError,
    Relation,
    Section,
    SelfSupportError,
    UnknownIdError,
)
from argmap.testing import cyclic_map, example_map


def test_values_are_immutable() -> None:
    claim = Claim("a", "text")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim.text = "other"  # type: ignore[misc]
    assert attrs.evolve(claim, text="other").text == "other"


def test_locations_do_not_count_for_equality() -> None:
    from argmap import Location

    assert Claim("a", location=Location(line=1)) == Claim("a", location=Location(line=9))


class TestIntegrity:
    """A map that breaks an invariant is never built."""

    def test_duplicate_ids_across_kinds(self) -> None:
        with pytest.raises(DuplicateIdError, match="'x'"):
            ArgumentMap(claims=[Claim("x")], arguments=[Argument("x")])

    def test_dangling_premise(self) -> None:
        with pytest.raises(UnknownIdError, match="premise of argument 'a'"):
            ArgumentMap(claims=[Claim("c")], arguments=[Argument("a", ("ghost",), "c")])

    def test_dangling_relation(self) -> None:
        with pytest.raises(UnknownIdError, match="'ghost'"):
            ArgumentMap(claims=[Claim("c")], relations=[Relation("attack", "ghost", "c")])

    def test_self_support(self) -> None:
        with pytest.raises(SelfSupportError):
            ArgumentMap(claims=[Claim("c")], arguments=[Argument("a", ("c",), "c")])
        with pytest.raises(SelfSupportError):
            ArgumentMap(claims=[Claim("c")], relations=[Relation("support", "c", "c")])

    def test_undercut_of_a_claim(self) -> None:
        with pytest.raises(InvalidRelationError):
            ArgumentMap(claims=[Claim("c"), Claim("d")], relations=[Relation("undercut", "c", "d")])

    def test_duplicate_relation(self) -> None:
        relation = Relation("attack", "c", "d")
        with pytest.raises(MapStructureError, match="twice"):
            ArgumentMap(claims=[Claim("c"), Claim("d")], relations=[relation, relation])

    def test_section_cycle(self) -> None:
        with pytest.raises(MapStructureError, match="inside itself"):
            ArgumentMap(sections=[Section("a", "A", "b"), Section("b", "B", "a")])

    def test_unknown_relation_kind(self) -> None:
        with pytest.raises(ValueError, match="rephrase"):
            Relation("rephrase", "a", "b")


class TestQueries:
    """Lookups and walks over the seed debate."""

    def test_lookup(self) -> None:
        amap = example_map()
        assert amap.get("indivisible-security").title == "Indivisible security"
        assert "indivisible-security" in amap
        with pytest.raises(UnknownIdError):
            amap.get("nope")
        with pytest.raises(UnknownIdError, match="claim"):
            amap.claim("signed-commitments")  # an argument, not a claim

    def test_elements_is_a_read_only_view_by_id(self) -> None:
        amap = example_map()
        elements = amap.elements
        ids = [s.id for s in amap.sections] + [n.id for n in amap]
        assert sorted(elements) == sorted(ids)
        assert all(elements[i] is amap.get(i) for i in ids)
        with pytest.raises(TypeError):
            elements["new"] = amap.claims[0]  # type: ignore[index]

    def test_positions(self) -> None:
        amap = example_map()
        assert [(p.title, p.holder) for p in amap.positions] == [
            ("Indivisible security", "Russia"),
            ("Freedom to choose alliances", "United States and NATO"),
        ]

    def test_reasons_and_objections(self) -> None:
        amap = example_map()
        reasons = amap.reasons_for("indivisible-security")
        assert [r.id for r in reasons] == ["signed-commitments"]
        objections = {o.id for o in amap.objections_against("freedom-to-choose-alliances")}
        assert objections == {
            "the-freedom-is-conditioned",
            "commitments-are-not-a-menu",
            "bound-by-the-1990-promise",
        }

    def test_walk_reaches_everything_under_a_position(self) -> None:
        amap = example_map()
        reached = {step.node.id for step in amap.walk("freedom-to-choose-alliances")}
        assert {"only-verbal", "the-memoirs-were-misread", "promises-bind"} <= reached

    def test_walk_depth_limit(self) -> None:
        amap = example_map()
        assert max(s.depth for s in amap.walk("freedom-to-choose-alliances", max_depth=1)) == 1

    def test_walk_ends_on_cycles(self) -> None:
        amap = cyclic_map()
        for node in amap:
            steps = list(amap.walk(node.id))
            assert len(steps) < 50

    def test_deep_chain_does_not_hit_the_recursion_limit(self) -> None:
        from argmap import MapBuilder

        b = MapBuilder()
        previous = b.position("root")
        for i in range(5000):
            previous = b.premise(f"reason {i}", for_=previous)
        amap = b.build()
        assert sum(1 for _ in amap.walk(amap.positions[0].id)) == 10001


def test_constructors_convert_and_evolve_and_pickle() -> None:
    # The attrs converters: iterables become tuples, names become enums, None data {}.
    import pickle

    import attrs

    from argmap import Argument, ArgumentMap, Claim, Relation, RelationKind, Section, Verdict

    claim = Claim("a", "x", tags=["t"], sources=iter(()), verdict="accepted", data=None)
    assert claim.tags == ("t",)
    assert claim.sources == ()
    assert claim.data == {}
    assert claim.verdict is Verdict.ACCEPTED
    assert attrs.evolve(claim, tags=["u"]).tags == ("u",)
    relation = Relation("attack", "b", "a", data={"w": 1})
    assert relation.kind is RelationKind.ATTACK
    assert Section("s", "S", data=None).data == {}
    argument = Argument("arg", premises=["b"], conclusion="a")
    assert argument.premises == ("b",)
    amap = ArgumentMap(claims=[claim, Claim("b")], arguments=[argument], relations=[relation])
    assert isinstance(amap.claims, tuple)
    assert amap.claim("a") is claim
    again = pickle.loads(pickle.dumps(amap))
    assert again == amap
    assert again.claim("b") == amap.claim("b")
    assert attrs.evolve(amap, title="t").argument("arg") is argument
    with pytest.raises(TypeError, match="single string"):
        Claim("c", tags="not a list")
    with pytest.raises(TypeError, match="single string"):
        ArgumentMap(authors="one author")
    with pytest.raises(ValueError, match="nonsense"):
        Relation("nonsense", "a", "b")
