"""Render time of a 2,000-claim map: argmap against bare Graphviz on the same DOT.

argmap's overhead (building the DOT, choosing the engine, the child process it uses for large
maps, putting exact tooltips back into the SVG) should be at most 10% of the layout itself.
"Bare" is Graphviz run directly on argmap's DOT: pygraphviz's bundled Graphviz in-process, and
a ``dot`` program too when one is on PATH.

Run: .venv/bin/python benchmarks/dot_render.py [CLAIMS] [RUNS]
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pygraphviz
from dot_maps import synthetic_map

from argmap.builtin.dot.writer import export
from argmap.render import render
from argmap.render.drawing import nodes_to_lay_out


def best(runs: int, *works: Callable[[], object]) -> list[float]:
    """The best time of each of ``works`` over ``runs`` rounds, taken in turn, so that a
    busy machine slows them alike."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(runs):
        for i, work in enumerate(works):
            start = time.perf_counter()
            work()
            times[i].append(time.perf_counter() - start)
    return [min(t) for t in times]


def main() -> None:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    logging.getLogger("argmap.render").setLevel(logging.ERROR)  # the large-map notice
    amap = synthetic_map(claims)
    source = export(amap)
    print(
        f"map: {claims:,} claims, {len(amap.arguments):,} arguments, "
        f"{len(amap.relations):,} relations, {nodes_to_lay_out(amap):,} nodes to lay out"
    )
    print(f"SVG, best of {runs} (taken in turn):")
    (generation,) = best(runs, lambda: export(amap))
    print(f"  argmap DOT generation alone            {generation:8.3f} s")
    bare, ours = best(
        runs,
        lambda: pygraphviz.AGraph(string=source).draw(format="svg", prog="dot"),
        lambda: render(amap, format="svg", engine="pygraphviz"),
    )
    print(f"  bare Graphviz (pygraphviz, in-process) {bare:8.3f} s")
    print(
        f"  argmap render, engine pygraphviz       {ours:8.3f} s  "
        f"overhead {100 * (ours - bare) / bare:+.1f}%"
    )
    program = shutil.which("dot")
    if program is not None:
        data = source.encode("utf-8")
        bare_program, ours_program = best(
            runs,
            lambda: subprocess.run([program, "-Tsvg"], input=data, capture_output=True, check=True),
            lambda: render(amap, format="svg", engine=program),
        )
        print(f"  bare dot program ({program})  {bare_program:8.3f} s")
        print(
            f"  argmap render, engine {program}   {ours_program:8.3f} s  "
            f"overhead {100 * (ours_program - bare_program) / bare_program:+.1f}%"
        )
    print("goal: argmap's overhead at most 10% of bare Graphviz on the same DOT")


if __name__ == "__main__":
    main()
