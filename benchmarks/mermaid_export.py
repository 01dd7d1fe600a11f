"""How long the mermaid exporter (the argmap-mermaid plugin) takes, up to 100,000 claims.

Run: .venv/bin/python benchmarks/mermaid_export.py [CLAIMS ...]

Prints, for each size, the best of three export times in Python (the map already built: wall
clock, and CPU time, which is steadier on a busy machine; goal: 100,000 claims under 1 s), the
chart's size, and the time of the whole command `argmap export MAP.json --to mermaid -o
OUT.mmd` (start-up, reading the JSON, exporting, writing).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dot_maps import synthetic_map

from argmap import dump
from argmap.host.plugins import registry


def best_of(runs: int, action: object) -> float:
    return best_of_both(runs, action)[0]


def best_of_both(runs: int, action: object) -> tuple[float, float]:
    """The best wall-clock and the best CPU seconds of ``runs`` calls of ``action``."""
    assert callable(action)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(wall), min(cpu)


def main(sizes: list[int]) -> None:
    exporter = registry().exporter("mermaid")
    argmap_script = Path(sys.executable).parent / "argmap"
    print(
        f"{'claims':>8} {'export s':>9} {'CPU s':>7} {'+evaluation s':>14} {'chart MB':>9} "
        f"{'CLI s':>7}"
    )
    for claims in sizes:
        amap = synthetic_map(claims)
        seconds, cpu = best_of_both(3, lambda amap=amap: exporter(amap))
        chart = exporter(amap)
        assert isinstance(chart, str)
        with_evaluation = best_of(1, lambda amap=amap: exporter(amap, evaluation="grounded"))
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "map.json"
            dump(amap, source)
            start = time.perf_counter()
            subprocess.run(
                [
                    str(argmap_script),
                    "export",
                    str(source),
                    "--to",
                    "mermaid",
                    "-o",
                    str(Path(folder) / "out.mmd"),
                ],
                check=True,
            )
            cli = time.perf_counter() - start
        print(
            f"{claims:>8} {seconds:>9.3f} {cpu:>7.3f} {with_evaluation:>14.3f} "
            f"{len(chart.encode()) / 1e6:>9.1f} {cli:>7.2f}"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
