"""Draw part of a map: one position (or any claim) and what surrounds it."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from argmap.model import Argument, ArgumentMap, Claim


def narrow(amap: ArgumentMap, focus: str | Iterable[str], depth: int = 2) -> ArgumentMap:
    """The part of ``amap`` within ``depth`` steps of the ``focus`` claims or arguments.

    A step goes from a claim to a reason or objection of it, or to what it supports,
    attacks or contradicts; an argument comes with its co-premises, conclusion and
    undercutters in the same step, so ``depth=1`` around a position gives its reasons (with
    their co-premises) and its objections, and ``depth=0`` the focus alone. An argument that
    is kept keeps all its premises and its conclusion; the sections of what is kept are kept
    with their parents; relations are kept when both ends are.

    Args:
        amap: The whole map.
        focus: Ids or titles of the claims or arguments to centre on.
        depth: How many steps to go out (0: the focus alone).

    Raises:
        UnknownIdError: When a focus names nothing in the map.
    """
    names = [focus] if isinstance(focus, str) else list(focus)
    index = amap.index
    distance: dict[str, int] = {}
    queue: deque[tuple[str, int]] = deque()
    for name in names:
        node_id = amap.find(name).id
        distance[node_id] = 0
        queue.append((node_id, 0))
    while queue:
        node_id, reached = queue.popleft()
        if reached > distance.get(node_id, reached):
            continue
        node = amap.get(node_id)
        steps: list[tuple[str, int]] = []
        if isinstance(node, Argument):
            # An argument and what it joins count as one step: its premises, conclusion and
            # undercutters come with it.
            steps.extend((p, 0) for p in node.premises)
            if node.conclusion is not None:
                steps.append((node.conclusion, 0))
            steps.extend((n.id, 0) for _, n in index.incoming(node_id))
            steps.extend((n.id, 0) for _, n in index.outgoing(node_id))
        else:
            steps.extend((a.id, 1) for a in index.arguments_for(node_id))
            steps.extend((a.id, 1) for a in index.arguments_using(node_id))
            steps.extend((n.id, 1) for _, n in index.incoming(node_id))
            steps.extend((n.id, 1) for _, n in index.outgoing(node_id))
        for other, cost in steps:
            total = reached + cost
            if total > depth or total >= distance.get(other, depth + 1):
                continue
            distance[other] = total
            if cost == 0:
                queue.appendleft((other, total))
            else:
                queue.append((other, total))
    kept = set(distance)
    for argument in amap.arguments:
        if argument.id in kept:
            kept.update(argument.premises)
            if argument.conclusion is not None:
                kept.add(argument.conclusion)
    claims = tuple(c for c in amap.claims if c.id in kept)
    arguments = tuple(a for a in amap.arguments if a.id in kept)
    relations = tuple(r for r in amap.relations if r.origin in kept and r.target in kept)
    used: set[str] = set()
    parents = {s.id: s.parent for s in amap.sections}
    members: list[Claim | Argument] = [*claims, *arguments]
    for member in members:
        section = member.section
        while section is not None and section not in used:
            used.add(section)
            section = parents[section]
    sections = tuple(s for s in amap.sections if s.id in used)
    return ArgumentMap(
        title=amap.title,
        description=amap.description,
        authors=amap.authors,
        date=amap.date,
        claims=claims,
        arguments=arguments,
        relations=relations,
        sections=sections,
        data=amap.data,
    )
