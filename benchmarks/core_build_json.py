"""Issue 2's goal: build a 100,000-claim map through the API, write it as JSON, read it back.

Goal on the 2-core reference machine: all three together under 2.5 s and 500 MB. The peer,
arguebuf (the Python library for argument graphs), does the same work in the same run when it
is installed (``bash benchmarks/run.sh`` installs it into its own environment).

Each side runs in a fresh subprocess, so peak memory (max RSS) is its own.

    python benchmarks/core_build_json.py [--claims 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def argmap_run(claims: int, folder: Path) -> dict[str, float]:
    import argmap
    from argmap import MapBuilder, Source

    times: dict[str, float] = {}
    start = time.process_time()
    b = MapBuilder(f"Synthetic debate of {claims} claims")
    positions = [
        b.position(f"Position {i} of the synthetic debate.", holder=f"Party {i % 2}")
        for i in range(max(2, claims // 1000))
    ]
    made = list(positions)
    i = len(made)
    while i < claims:
        target = made[(i * 7919) % len(made)]
        source = (
            [Source(speaker="Speaker", date="2022-01-27", quote=f"Quote number {i}.")]
            if i % 3 == 0
            else []
        )
        kind = i % 10
        if kind < 6:
            made.append(
                b.premise(f"Reason number {i} for the claim above.", for_=target, sources=source)
            )
            i += 1
        elif kind < 8:
            made.append(
                b.objection(f"Objection number {i} against it.", against=target, sources=source)
            )
            i += 1
        else:
            first = b.claim(f"Co-premise number {i}.", sources=source)
            second = b.claim(f"Co-premise number {i + 1}.")
            argument = b.argument(
                [first, second],
                target,
                title=f"Linked argument {i}",
                scheme="Argument from commitment",
            )
            made.extend((first, second))
            if i % 20 == 8:
                b.undercut(f"Undercut number {i + 2}: it does not follow.", against=argument)
                i += 1
            i += 2
    amap = b.build()
    times["build"] = time.process_time() - start

    path = folder / "argmap.json"
    start = time.process_time()
    argmap.dump(amap, path)
    times["write"] = time.process_time() - start

    start = time.process_time()
    again = argmap.load(path)
    times["read"] = time.process_time() - start
    assert again == amap
    times["claims"] = len(amap.claims)
    times["bytes"] = path.stat().st_size
    return times


def arguebuf_run(claims: int, folder: Path) -> dict[str, float]:
    import arguebuf as ag  # type: ignore[import-not-found,unused-ignore]

    times: dict[str, float] = {}
    start = time.process_time()
    g = ag.Graph()
    made = []
    for i in range(max(2, claims // 1000)):
        node = ag.AtomNode(f"Position {i} of the synthetic debate.")
        g.add_node(node)
        made.append(node)
    i = len(made)
    while i < claims:
        target = made[(i * 7919) % len(made)]
        kind = i % 10
        atom = ag.AtomNode(f"Claim number {i}.")
        g.add_node(atom)
        scheme = ag.SchemeNode(ag.Support.DEFAULT if kind < 6 or kind >= 8 else ag.Attack.DEFAULT)
        g.add_node(scheme)
        g.add_edge(ag.Edge(atom, scheme))
        g.add_edge(ag.Edge(scheme, target))
        made.append(atom)
        i += 1
    times["build"] = time.process_time() - start
    path = folder / "arguebuf.json"
    start = time.process_time()
    ag.dump.file(g, path)
    times["write"] = time.process_time() - start
    start = time.process_time()
    ag.load.file(path)
    times["read"] = time.process_time() - start
    times["claims"] = len(g.atom_nodes)
    times["bytes"] = path.stat().st_size
    return times


def child(peer: str, claims: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        run = argmap_run if peer == "argmap" else arguebuf_run
        result = run(claims, Path(folder))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["peak_mb"] = usage.ru_maxrss / 1024
    result["cpu"] = usage.ru_utime + usage.ru_stime
    print(json.dumps(result))


def measure(peer: str, claims: int) -> dict[str, float] | str:
    done = subprocess.run(
        [sys.executable, __file__, "--child", peer, "--claims", str(claims)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return last
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["argmap", "arguebuf"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.claims)
        return
    print(
        f"{args.claims:,} claims: build through the API, write JSON, read it back "
        f"(best of {args.repeat}, each in a fresh process)"
    )
    print(
        f"{'peer':<9} {'build s':>8} {'write s':>8} {'read s':>8} {'total s':>8} "
        f"{'peak MB':>8} {'file MB':>8} {'CPU s':>7}"
    )
    for peer in ("argmap", "arguebuf"):
        runs = [measure(peer, args.claims) for _ in range(args.repeat if peer == "argmap" else 1)]
        good = [r for r in runs if isinstance(r, dict)]
        if not good:
            print(f"{peer:<9} not run: {runs[0]}")
            continue
        best = min(good, key=lambda r: r["build"] + r["write"] + r["read"])
        total = best["build"] + best["write"] + best["read"]
        print(
            f"{peer:<9} {best['build']:8.2f} {best['write']:8.2f} {best['read']:8.2f} "
            f"{total:8.2f} {best['peak_mb']:8.0f} {best['bytes'] / 1e6:8.1f} {best['cpu']:7.2f}"
        )
    print("goal for argmap: total under 2.5 s and peak under 500 MB")
    print("(build/write/read are CPU seconds of each phase, which other work on the machine")
    print(" barely changes; CPU s is the whole child process, start-up and imports included)")


if __name__ == "__main__":
    main()
