"""Evaluating maps: the model's rules, hand-checked maps, the seed debate and the reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from argmap import ArgumentMap, MapBuilder, RelationKind, Verdict, load
from argmap.evaluation import Evaluation, EvaluationError, Label, evaluate
from argmap.strategies import argument_maps

SEED = Path(__file__).parents[2] / "argmap" / "data" / "lavrov_2022.json"


def reference_grounded(amap: ArgumentMap) -> dict[str, Label]:
    """The issue's rules applied directly to the map, as a least fixed point.

    An argument stands when all its premises stand and nothing undercutting or attacking it
    stands; a claim stands when (it has no reasons, or one stands) and no objection stands;
    verdicts override. Written without the framework translation, as an independent check.
    """
    value: dict[str, Label] = {n.id: Label.UNDECIDED for n in amap}
    index = amap.index

    def objections(node_id: str) -> list[str]:
        kinds = (RelationKind.ATTACK, RelationKind.UNDERCUT, RelationKind.CONTRADICTION)
        return [n.id for k, n in index.incoming(node_id) if k in kinds]

    changed = True
    while changed:
        changed = False
        for node in amap:
            new = value[node.id]
            against = [value[o] for o in objections(node.id)]
            if hasattr(node, "premises"):
                premises = [value[p] for p in node.premises]
                if all(p is Label.IN for p in premises) and all(o is Label.OUT for o in against):
                    new = Label.IN
                elif Label.OUT in premises or Label.IN in against:
                    new = Label.OUT
            else:
                verdict = node.verdict
                reasons = [value[r.id] for r in index.reasons(node.id)]
                if verdict is Verdict.ACCEPTED:
                    new = Label.IN
                elif (
                    verdict is Verdict.REJECTED
                    or (reasons and all(r is Label.OUT for r in reasons))
                    or Label.IN in against
                ):
                    new = Label.OUT
                elif (
                    verdict is None
                    and (not reasons or Label.IN in reasons)
                    and all(o is Label.OUT for o in against)
                ):
                    new = Label.IN
            if new is not value[node.id]:
                value[node.id] = new
                changed = True
    return value


@settings(max_examples=200, deadline=None)
@given(argument_maps())
def test_grounded_follows_the_rules_of_the_model(amap: ArgumentMap) -> None:
    """On arbitrary maps (cycles, shared claims, verdicts) grounded equals the rules."""
    result = evaluate(amap)
    assert list(result.labels) == [n.id for n in amap]
    assert {k: v.label for k, v in result.labels.items()} == reference_grounded(amap)
    for node in result.labels.values():
        assert node.reason.startswith(f"{node.label.value}: ")


@settings(max_examples=100, deadline=None)
@given(argument_maps())
def test_semantics_nest(amap: ArgumentMap) -> None:
    """Grounded in is sceptically in and grounded out is out under every other semantics."""
    base = evaluate(amap)
    for semantics in ("preferred", "complete", "stable"):
        other = evaluate(amap, semantics)
        assert other.extensions is not None
        for node_id, node in base.labels.items():
            got = other.label(node_id)
            if other.extensions and node.label is not Label.UNDECIDED:
                assert got.label is node.label
            if got.sceptical:
                assert got.credulous


class TestSeedDebate:
    """The Lavrov briefing of 27 January 2022, labels checked by hand (docs/evaluation.md)."""

    def labels(self, **options: str) -> Evaluation:
        return evaluate(load(SEED), **options)

    def test_grounded(self) -> None:
        """Indivisible security stands; the freedom to choose alliances is defeated."""
        result = self.labels()
        expected_in = {
            "indivisible-security",
            "the-declarations-commit-to-indivisible",
            "signed-by-all-osce-leaders",
            "the-freedom-is-conditioned",
            "commitments-are-not-a-menu",
            "the-memoirs-were-misread",
            "only-verbal",
            "signed-commitments",
        }
        assert set(result.ids_with(Label.IN)) == expected_in
        assert result.label("freedom-to-choose-alliances").reason == (
            "out: defeated by the-freedom-is-conditioned"
        )
        assert result.label("promises-bind").reason == "out: undercut by only-verbal"
        assert result.label("arg-the-memoirs").reason == "out: premise the-memoirs does not stand"
        assert result.label("the-promise-of-1990").reason == (
            "out: no reason stands (arg-the-memoirs does not)"
        )
        assert result.ids_with(Label.UNDECIDED) == ()

    def test_symmetric_conflict_leaves_the_clash_open(self) -> None:
        """Treated symmetrically, the unanswered clash over alliances is undecided."""
        result = self.labels(conflict="symmetric")
        assert result.label("indivisible-security").label is Label.UNDECIDED
        assert result.label("freedom-to-choose-alliances").label is Label.UNDECIDED
        assert result.label("only-verbal").label is Label.IN
        preferred = self.labels(semantics="preferred", conflict="symmetric")
        assert preferred.extensions == 2
        assert preferred.label("indivisible-security").credulous is True
        assert preferred.label("indivisible-security").sceptical is False


def support_cycle() -> ArgumentMap:
    b = MapBuilder("cycle")
    b.claim("A", id="a")
    b.claim("B", id="b")
    b.argument(["b"], "a", id="ab")
    b.argument(["a"], "b", id="ba")
    b.claim("C", id="c")
    b.argument(["a"], "c", id="ac")
    return b.build()


def test_support_cycle_is_undecided_and_named() -> None:
    """A claim resting only on itself is undecided, and the reason names the cycle."""
    result = evaluate(support_cycle())
    assert result.label("a").reason == "undecided: support cycle a, b, a"
    assert result.label("c").label is Label.UNDECIDED
    assert result.label("c").reason.startswith("undecided: reason ac is undecided (support cycle")


def test_verdicts_override() -> None:
    """Accepted stands even when attacked; rejected falls; questioned stays open."""
    b = MapBuilder("verdicts")
    b.claim("X", id="x", verdict="accepted")
    b.claim("Y", id="y", verdict="rejected")
    b.claim("Z", id="z", verdict="questioned")
    b.claim("W", id="w")
    b.attack("w", "x")
    b.support("w", "y")
    result = evaluate(b.build())
    assert result.label("x").reason == "in: accepted by the analyst"
    assert result.label("y").reason == "out: rejected by the analyst"
    assert result.label("z").reason == "undecided: questioned by the analyst"
    assert evaluate(b.build(), "preferred").label("z").credulous is True


def test_attack_cycle_of_three_has_no_stable_extension() -> None:
    """An odd attack cycle: grounded undecided, stable says no extension exists."""
    b = MapBuilder("odd")
    for name in "pqr":
        b.claim(name.upper(), id=name)
    b.attack("p", "q")
    b.attack("q", "r")
    b.attack("r", "p")
    amap = b.build()
    assert evaluate(amap).label("p").reason == "undecided: attack cycle p, r, q, p"
    stable = evaluate(amap, "stable")
    assert stable.extensions == 0
    assert stable.label("p").reason == "undecided: no stable extension exists"
    assert stable.label("p").sceptical is False


def test_unknown_semantics_and_conflict_are_errors() -> None:
    """Bad options raise EvaluationError, naming what is known."""
    amap = support_cycle()
    with pytest.raises(EvaluationError, match="preferred"):
        evaluate(amap, "ideal")
    with pytest.raises(EvaluationError, match="symmetric"):
        evaluate(amap, conflict="both")
    with pytest.raises(KeyError):
        evaluate(amap).label("nope")
