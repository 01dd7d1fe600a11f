"""Read and write a 100,000-claim map as AIF; the goal is under 2 s each.

Run: ``.venv/bin/python benchmarks/aif_speed.py [claims] [--repeat N] [--no-peer]`` (needs
argmap-aif installed). When arguebuf is importable (``benchmarks/run.sh`` installs it in
``.venv-bench``) it loads and dumps the same AIF document in the same run, once: it needs
about half a minute to load a graph of this size.

argmap's figures are taken as the host calls a format (``argmap.plugin_api.Reader`` and
``Exporter`` pause the cyclic garbage collector around the call); arguebuf's as its users call
it.

The map is a debate tree: every claim after the first is a reason for (a one-premise argument)
or an objection to (an attack) an earlier claim, every tenth objection undercuts an argument
instead, and every claim has a source (speaker, quote, date), so the dialogue layer (L- and
YA-nodes, locutions, participants) is written and read too: twice the nodes and edges of the
same debate without sources (``--no-sources``).
"""

from __future__ import annotations

import argparse
import json
import random
import time

from argmap_aif import dumps, read_aif

from argmap import Argument, ArgumentMap, Claim, Relation, RelationKind, Source
from argmap.core.collector import paused_gc


def debate(size: int, seed: int = 7, sources: bool = True) -> ArgumentMap:
    rng = random.Random(seed)
    speakers = [f"Speaker {i}" for i in range(40)]
    claims: list[Claim] = []
    arguments: list[Argument] = []
    relations: list[Relation] = []
    for i in range(size):
        cid = f"c{i}"
        text = f"Claim {i}: " + " ".join(
            rng.choice(("security", "NATO", "treaty", "<&>", "ё")) for _ in range(12)
        )
        source = Source(
            speaker=rng.choice(speakers), quote=text, date="2022-01-27", locator=f"l{i}"
        )
        claims.append(Claim(cid, text, is_position=i == 0, sources=(source,) if sources else ()))
        if i == 0:
            continue
        parent = f"c{rng.randrange(i)}"
        roll = rng.random()
        if roll < 0.6:
            arguments.append(Argument(f"a{i}", premises=(cid,), conclusion=parent))
        elif roll < 0.65 and arguments:
            relations.append(Relation(RelationKind.UNDERCUT, cid, rng.choice(arguments).id))
        else:
            relations.append(Relation(RelationKind.ATTACK, cid, parent))
    return ArgumentMap(title="benchmark", claims=claims, arguments=arguments, relations=relations)


def best_of(runs: int, action: object, *, as_the_host: bool = False) -> tuple[float, float]:
    """The best wall time and the best CPU time (seconds) of ``runs`` calls of ``action``.

    The CPU time is the figure to trust when other programs share the machine. With
    ``as_the_host``, each call runs with the collector paused, as the host runs a format.
    """
    assert callable(action)
    walls, cpus = [], []
    for _ in range(runs):
        cpu = time.process_time()
        start = time.perf_counter()
        if as_the_host:
            with paused_gc():
                action()
        else:
            action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def arguebuf_times(data: bytes) -> tuple[tuple[float, float], tuple[float, float]] | str:
    """arguebuf's (wall, CPU) seconds to load and to dump the AIF document ``data``, once.

    Load is ``json.loads`` plus ``arguebuf.load.aif`` (as ``read_aif`` parses the bytes too);
    dump is ``arguebuf.dump.aif`` plus ``json.dumps``. A reason instead when it cannot run.
    """
    try:
        import arguebuf as ag  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return "not installed here (benchmarks/run.sh installs it in .venv-bench)"
    graph: object = None

    def load() -> None:
        nonlocal graph
        graph = ag.load.aif(json.loads(data))

    load_time = best_of(1, load)
    dump_time = best_of(1, lambda: json.dumps(ag.dump.aif(graph), ensure_ascii=False))
    return load_time, dump_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="argmap's runs (best is shown)")
    parser.add_argument("--no-peer", action="store_true", help="do not time arguebuf")
    parser.add_argument(
        "--no-sources", action="store_true", help="claims without sources: no dialogue layer"
    )
    args = parser.parse_args()
    amap = debate(args.claims, sources=not args.no_sources)
    text = dumps(amap)
    data = text.encode("utf-8")
    write = best_of(args.repeat, lambda: dumps(amap), as_the_host=True)
    read = best_of(args.repeat, lambda: read_aif(data), as_the_host=True)
    # What any reader in Python pays first: decoding the JSON (and freeing it again).
    floor = best_of(args.repeat, lambda: json.loads(data), as_the_host=True)
    again = read_aif(data).map
    nodes = text.count('"type": ')  # only nodes have a type in this map
    print(
        f"map: {len(amap.claims):,} claims, {len(amap.arguments):,} arguments, "
        f"{len(amap.relations):,} relations; AIF: {len(data) / 1e6:.1f} MB, ~{nodes:,} nodes"
    )
    peer = "not timed (--no-peer)" if args.no_peer else arguebuf_times(data)
    print(f"{'':17} {'wall s':>7} {'CPU s':>7}   (argmap: best of {args.repeat}; goal < 2 s)")
    print(f"argmap write:     {write[0]:7.2f} {write[1]:7.2f}   dumps")
    print(f"argmap read:      {read[0]:7.2f} {read[1]:7.2f}   read_aif")
    print(f"  of which JSON:  {floor[0]:7.2f} {floor[1]:7.2f}   json.loads alone")
    if isinstance(peer, str):
        print(f"arguebuf:         {peer}")
    else:
        (load_wall, load_cpu), (dump_wall, dump_cpu) = peer
        print(f"arguebuf dump:    {dump_wall:7.2f} {dump_cpu:7.2f}   dump.aif + json.dumps, once")
        print(f"arguebuf load:    {load_wall:7.2f} {load_cpu:7.2f}   json.loads + load.aif, once")
    print(f"round trip equal: {again == amap}")


if __name__ == "__main__":
    main()
