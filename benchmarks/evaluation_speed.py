"""Evaluation speed: grounded on 1,000,000 arguments, preferred on 100,000, a 30-argument SCC.

Run: ``.venv/bin/python benchmarks/evaluation_speed.py`` (prints one figure per line).
Random frameworks are seeded; generating them is not timed. Wall time suffers when the
machine is shared; CPU time is what the solver itself spent.
"""

from __future__ import annotations

import random
import time

from argmap.evaluation.framework import Framework, grounded_labels, solve


def random_framework(n: int, attacks: int, seed: int) -> Framework:
    """``n`` arguments and ``attacks`` attacks between uniformly chosen pairs."""
    rng = random.Random(seed)
    attackers: list[list[int]] = [[] for _ in range(n)]
    targets: list[list[int]] = [[] for _ in range(n)]
    randrange = rng.randrange
    for _ in range(attacks):
        a, b = randrange(n), randrange(n)
        targets[a].append(b)
        attackers[b].append(a)
    return Framework.from_lists([str(i) for i in range(n)], attackers, targets)


def timed(label: str, work: object) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    result = work()  # type: ignore[operator]
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label}: {elapsed:.2f} s wall, {used:.2f} s CPU  ({result})")
    return elapsed


def main() -> None:
    """Print the figures."""
    big = random_framework(1_000_000, 2_500_000, 1)

    def run_grounded() -> str:
        label = grounded_labels(big)
        return f"in {label.count(1)}, out {label.count(2)}, undecided {label.count(0)}"

    timed("grounded, 1,000,000 arguments, 2,500,000 attacks", run_grounded)

    for attacks in (100_000, 250_000):
        mid = random_framework(100_000, attacks, 2)

        def run_preferred(mid: Framework = mid) -> str:
            result = solve(mid, "preferred")
            return f"{result.extensions} preferred extension(s)"

        timed(f"preferred, 100,000 arguments, {attacks:,} attacks", run_preferred)

    rng = random.Random(3)
    ring = [(i, (i + 1) % 30) for i in range(30)]
    chords = [(rng.randrange(30), rng.randrange(30)) for _ in range(30)]
    scc = Framework([str(i) for i in range(30)], ring + chords)

    for semantics in ("preferred", "stable", "complete"):

        def run_scc(semantics: str = semantics) -> str:
            result = solve(scc, semantics)
            return f"{result.extensions} {semantics} extension(s)"

        timed(f"{semantics}, one strongly connected component of 30 arguments, 60 attacks", run_scc)

    worst = 0.0
    for extra in (15, 30, 60, 90, 150, 300):
        for seed in range(10):
            rng = random.Random(seed)
            edges = ring + [(rng.randrange(30), rng.randrange(30)) for _ in range(extra)]
            framework = Framework([str(i) for i in range(30)], edges)
            for semantics in ("preferred", "stable", "complete"):
                start = time.perf_counter()
                solve(framework, semantics)
                worst = max(worst, time.perf_counter() - start)
    print(f"slowest of 180 random 30-argument SCCs (30-330 attacks), 3 semantics: {worst:.3f} s")

    pairs = [(2 * i, (2 * i + 1)) for i in range(15)] + [(2 * i + 1, 2 * i) for i in range(15)]
    chain = [(2 * i + 1, (2 * i + 2) % 30) for i in range(15)]
    scc2 = Framework([str(i) for i in range(30)], pairs + chain)
    timed(
        "preferred, 30 arguments: 15 mutual attacks chained into one SCC",
        lambda: f"{solve(scc2, 'preferred').extensions} preferred extension(s)",
    )


if __name__ == "__main__":
    main()
