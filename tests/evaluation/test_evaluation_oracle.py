"""argmap's solver against an independent one (python-argumentation) on random frameworks."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.evaluation.framework import IN, OUT, Framework, grounded, solve

py_arg = pytest.importorskip("py_arg")

from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (  # noqa: E402
    AbstractArgumentationFramework,
)
from py_arg.abstract_argumentation_classes.argument import Argument  # noqa: E402
from py_arg.abstract_argumentation_classes.defeat import Defeat  # noqa: E402
from py_arg.algorithms.semantics import (  # noqa: E402
    get_complete_extensions,
    get_grounded_extension,
    get_preferred_extensions,
    get_stable_extensions,
)

ORACLES: dict[str, Any] = {
    "preferred": get_preferred_extensions.get_preferred_extensions,
    "stable": get_stable_extensions.get_stable_extensions,
    "complete": get_complete_extensions.get_complete_extensions,
}


def oracle(n: int, attacks: list[tuple[int, int]], semantics: str) -> list[frozenset[int]]:
    """The extensions python-argumentation finds, as sets of argument numbers."""
    args = [Argument(str(i)) for i in range(n)]
    af = AbstractArgumentationFramework("t", args, [Defeat(args[a], args[b]) for a, b in attacks])
    if semantics == "grounded":
        found = [get_grounded_extension.get_grounded_extension(af)]
    else:
        found = list(ORACLES[semantics](af))
    return [frozenset(int(a.name) for a in e) for e in found]


def agrees(n: int, attacks: list[tuple[int, int]], semantics: str) -> bool:
    """Whether argmap's counts match the oracle's extensions exactly."""
    extensions = oracle(n, attacks, semantics)
    attackers = [[a for a, b in attacks if b == x] for x in range(n)]
    want_in = [sum(x in e for e in extensions) for x in range(n)]
    want_out = [sum(any(a in e for a in attackers[x]) for e in extensions) for x in range(n)]
    got = solve(Framework([str(i) for i in range(n)], attacks), semantics)
    return (got.extensions, got.in_count, got.out_count) == (len(extensions), want_in, want_out)


frameworks = st.integers(1, 8).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n, unique=True
        ),
    )
)


@settings(max_examples=300, deadline=None)
@given(frameworks, st.sampled_from(["grounded", "preferred", "stable", "complete"]))
def test_counts_match_the_oracle(framework: tuple[int, list[tuple[int, int]]], sem: str) -> None:
    """Extension count and per-argument in/out counts equal python-argumentation's."""
    n, attacks = framework
    assert agrees(n, attacks, sem)


def test_thousands_of_random_frameworks_agree() -> None:
    """2,000 seeded random frameworks (1-10 arguments, varied density), four semantics each."""
    rng = random.Random(20220127)
    disagreements = []
    for _ in range(2000):
        n = rng.randint(1, 10)
        p = rng.random() * 0.45
        attacks = [(a, b) for a in range(n) for b in range(n) if rng.random() < p]
        for sem in ("grounded", "preferred", "stable", "complete"):
            if not agrees(n, attacks, sem):
                disagreements.append((sem, n, attacks))
    assert disagreements == []


@settings(max_examples=200, deadline=None)
@given(frameworks)
def test_grounded_labelling_is_the_least_fixed_point(
    framework: tuple[int, list[tuple[int, int]]],
) -> None:
    """in = every attacker out; out = some attacker in; the in set is the oracle's."""
    n, attacks = framework
    label, _ = grounded(Framework([str(i) for i in range(n)], attacks))
    (want,) = oracle(n, attacks, "grounded")
    assert {i for i in range(n) if label[i] == IN} == want
    for x in range(n):
        attackers = [a for a, b in attacks if b == x]
        assert (label[x] == OUT) == any(label[a] == IN for a in attackers)


def test_a_thirty_argument_cycle_has_two_preferred_extensions() -> None:
    """Naive subset enumeration (2**30 sets) would never end here."""
    n = 30
    af = Framework([str(i) for i in range(n)], [(i, (i + 1) % n) for i in range(n)])
    result = solve(af, "preferred")
    assert result.extensions == 2
    assert all(result.in_count[i] == 1 for i in range(n))


def test_independent_conflicts_multiply() -> None:
    """40 separate mutual attacks: 2**40 preferred extensions, counted without listing them."""
    attacks = [(2 * i, 2 * i + 1) for i in range(40)] + [(2 * i + 1, 2 * i) for i in range(40)]
    result = solve(Framework([str(i) for i in range(80)], attacks), "preferred")
    assert result.extensions == 2**40
    assert result.in_count[0] == 2**39
