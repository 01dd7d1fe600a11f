"""DOT generation time for maps of 1k, 10k and 100k claims (goal, issue 3: 100k under 1 s CPU).

Run: .venv/bin/python benchmarks/dot_generation.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dot_maps import synthetic_map

from argmap.host.plugins import registry

# Through the registered exporter, as users call it (the host pauses the cyclic collector).
export = registry().exporters["dot"]


def best_of(runs: int, claims: int) -> tuple[float, float, int, int]:
    """Best wall-clock and CPU seconds of ``runs`` exports (CPU time is steadier on a busy
    machine), the DOT size and the number of arguments and relations."""
    amap = synthetic_map(claims)
    export(amap)  # warm up (imports, the map's index)
    wall = []
    cpu = []
    size = 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        source = export(amap)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert isinstance(source, str)
        size = len(source.encode("utf-8"))
    return min(wall), min(cpu), size, len(amap.arguments) + len(amap.relations)


def main() -> None:
    print(f"{'claims':>8}  {'args+rels':>10}  {'DOT size':>10}  {'wall':>8}  {'CPU':>8}")
    for claims, runs in ((1_000, 7), (10_000, 5), (100_000, 3)):
        wall, cpu, size, links = best_of(runs, claims)
        print(f"{claims:>8,}  {links:>10,}  {size / 1e6:>8.1f}MB  {wall:>7.3f}s  {cpu:>7.3f}s")
    print(
        "goals: 100,000 claims under 1.5 s (diagrams) and under 1 s (every export);"
        " arguebuf needs 15 s and refuses above 1,000 nodes"
    )


if __name__ == "__main__":
    main()
