"""Read and write a 100,000-claim map as AIF; the goal is under 2 s each.

Run: ``.venv/bin/python benchmarks/aif_speed.py [claims]`` (needs argmap-aif installed).
arguebuf needs about 33 s to load and 6 s to dump a graph of this size.

The map is a debate tree: every claim after the first is a reason for (a one-premise argument)
or an objection to (an attack) an earlier claim, every tenth objection undercuts an argument
instead, and every claim has a source (speaker, quote, date), so the dialogue layer (L- and
YA-nodes, locutions, participants) is written and read too.
"""

from __future__ import annotations

import random
import sys
import time

from argmap_aif import dumps, read_aif

from argmap import Argument, ArgumentMap, Claim, Relation, RelationKind, Source


def debate(size: int, seed: int = 7) -> ArgumentMap:
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
        claims.append(Claim(cid, text, is_position=i == 0, sources=(source,)))
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


def best_of(runs: int, action: object) -> tuple[float, float]:
    """The best wall time and the best CPU time (seconds) of ``runs`` calls of ``action``.

    The CPU time is the figure to trust when other programs share the machine.
    """
    assert callable(action)
    walls, cpus = [], []
    for _ in range(runs):
        cpu = time.process_time()
        start = time.perf_counter()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    amap = debate(size)
    text = dumps(amap)
    data = text.encode("utf-8")
    write = best_of(3, lambda: dumps(amap))
    read = best_of(3, lambda: read_aif(data))
    again = read_aif(data).map
    nodes = text.count('"type": ')  # only nodes have a type in this map
    print(
        f"map: {len(amap.claims):,} claims, {len(amap.arguments):,} arguments, "
        f"{len(amap.relations):,} relations; AIF: {len(data) / 1e6:.1f} MB, ~{nodes:,} nodes"
    )
    print(f"write (dumps):    {write[0]:6.2f} s, CPU {write[1]:.2f} s   goal < 2 s   arguebuf ~6 s")
    print(f"read  (read_aif): {read[0]:6.2f} s, CPU {read[1]:.2f} s   goal < 2 s   arguebuf ~33 s")
    print(f"round trip equal: {again == amap}")


if __name__ == "__main__":
    main()
