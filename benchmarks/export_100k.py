"""Issue 3's goal: exporting a 100,000-claim map takes under 1 s per format.

Times every registered exporter (built-in and installed plugins) on the same synthetic
100,000-claim debate (see dot_maps.py), in one process, best of N.

    python benchmarks/export_100k.py [--claims 100000] [--repeat 3] [--formats json,markdown]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dot_maps import synthetic_map

from argmap.host.plugins import registry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default="", help="comma-separated; default: every text one")
    args = parser.parse_args()
    start = time.perf_counter()
    amap = synthetic_map(args.claims)
    print(
        f"map: {len(amap.claims):,} claims, {len(amap.arguments):,} arguments, "
        f"{len(amap.relations):,} relations (made in {time.perf_counter() - start:.1f} s)"
    )
    wanted = [f for f in args.formats.split(",") if f]
    exporters = registry().exporters
    # By default every text format but the drawn ones (svg takes Graphviz minutes to lay out
    # 100,000 nodes; benchmarks/dot_render.py times drawing on a map Graphviz can handle).
    names = wanted or [
        n for n, e in exporters.items() if not e.binary and "engine" not in (e.options or {})
    ]
    print(
        f"{'format':<10} {'wall s':>8} {'CPU s':>8} {'MB':>8}   "
        f"(best of {args.repeat}; goal under 1 s each)"
    )
    for name in names:
        exporter = exporters[name]
        best = cpu = float("inf")
        size = 0
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            out = exporter(amap)
            best = min(best, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
            size = len(out)
        print(f"{name:<10} {best:8.2f} {cpu:8.2f} {size / 1e6:8.1f}")


if __name__ == "__main__":
    main()
