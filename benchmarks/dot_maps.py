"""Synthetic debates of any size for the diagram benchmarks (deterministic: same n, same map)."""

from __future__ import annotations

import random

from argmap import Argument, ArgumentMap, Claim, Relation, RelationKind, Section, Source

WORDS = [
    *("security", "alliance", "treaty", "promise", "state", "border", "guarantee", "pledge"),
    *("principle", "declaration", "expansion", "military", "verbal", "binding", "signed"),
    *("leaders", "Europe", "freedom", "choose", "indivisible"),
]


def synthetic_map(claims: int, seed: int = 1) -> ArgumentMap:
    """A debate of ``claims`` claims: positions, linked and single-premise arguments,
    objections, undercuts, contradictions, sections, and a source on every third claim."""
    rng = random.Random(seed)
    sections = [Section(id=f"s{i}", title=f"Section {i}") for i in range(max(1, claims // 500))]
    made: list[Claim] = []
    arguments: list[Argument] = []
    relations: list[Relation] = []
    positions = max(2, claims // 100)
    for i in range(claims):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))).capitalize() + "."
        sources = (
            (Source(speaker="Speaker", date="2022-01-27", quote=text[:60]),) if i % 3 == 0 else ()
        )
        is_position = i < positions
        made.append(
            Claim(
                id=f"c{i}",
                text=text,
                title=f"Claim {i}" if i % 4 == 0 else None,
                is_position=is_position,
                holder="Party A" if is_position and i % 2 == 0 else None,
                sources=sources,
                section=None if is_position else sections[i % len(sections)].id,
            )
        )
        if is_position:
            if i % 2 == 1:
                relations.append(Relation(RelationKind.CONTRADICTION, f"c{i - 1}", f"c{i}"))
            continue
        target = rng.randrange(0, i)
        roll = rng.random()
        if roll < 0.45:
            arguments.append(Argument(id=f"a{i}", premises=(f"c{i}",), conclusion=f"c{target}"))
        elif roll < 0.6 and i > positions + 1 and target != i - 1:
            # a linked argument: this claim and the previous one together
            arguments.append(
                Argument(
                    id=f"a{i}",
                    premises=(f"c{i - 1}", f"c{i}"),
                    conclusion=f"c{target}",
                    title=f"Argument {i}",
                    scheme="Argument from commitment",
                )
            )
        elif roll < 0.9 or not arguments:
            relations.append(Relation(RelationKind.ATTACK, f"c{i}", f"c{target}"))
        else:
            relations.append(Relation(RelationKind.UNDERCUT, f"c{i}", rng.choice(arguments).id))
    seen: set[tuple[RelationKind, str, str]] = set()
    unique = []
    for relation in relations:
        if relation.key not in seen:
            seen.add(relation.key)
            unique.append(relation)
    return ArgumentMap(
        title=f"Synthetic debate of {claims:,} claims",
        claims=made,
        arguments=arguments,
        relations=unique,
        sections=sections,
    )
