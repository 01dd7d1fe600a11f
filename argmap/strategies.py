"""Hypothesis strategies that generate argument maps, for property tests.

Needs hypothesis (``pip install argmap[test]``). The maps are valid (unique ids, resolved
references) and deliberately unkind: arbitrary Unicode in every text, shared claims, cycles of
support and attack, nested sections, free JSON data.

>>> from hypothesis import given
>>> from argmap.strategies import argument_maps
>>> @given(argument_maps())
... def test_round_trip(amap): ...
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    JSONValue,
    Relation,
    RelationKind,
    Section,
    Source,
    Verdict,
)

# Surrogates cannot be encoded as UTF-8, so no file format can carry them.
TEXT_ALPHABET = st.characters(codec="utf-8")


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Arbitrary Unicode text (no lone surrogates)."""
    return st.text(TEXT_ALPHABET, max_size=max_size)


def optional_texts(max_size: int = 30) -> st.SearchStrategy[str | None]:
    """Text or None."""
    return st.none() | texts(max_size)


def json_values(max_leaves: int = 6) -> st.SearchStrategy[JSONValue]:
    """Values JSON can carry (finite floats only)."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-(2**53), 2**53)
        | st.floats(allow_nan=False, allow_infinity=False)
        | texts(12)
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts(8), inner, max_size=3),
        max_leaves=max_leaves,
    )


def data_dicts() -> st.SearchStrategy[dict[str, JSONValue]]:
    """Free ``data`` of an element."""
    return st.dictionaries(texts(8), json_values(), max_size=3)


def dates() -> st.SearchStrategy[str]:
    """ISO 8601 dates."""
    return st.dates().map(lambda d: d.isoformat())


def sources() -> st.SearchStrategy[Source]:
    """Sources with any of their fields set."""
    return st.builds(
        Source,
        speaker=optional_texts(),
        document=optional_texts(),
        date=st.none() | dates(),
        url=optional_texts(),
        quote=optional_texts(60),
        locator=optional_texts(10),
    )


@st.composite
def argument_maps(
    draw: st.DrawFn,
    max_claims: int = 8,
    max_arguments: int = 5,
    max_relations: int = 8,
    max_sections: int = 3,
) -> ArgumentMap:
    """Valid maps with arbitrary text, shared claims and cycles."""
    ids = draw(
        st.lists(
            texts(12).filter(bool),
            min_size=0,
            max_size=max_claims + max_arguments + max_sections,
            unique=True,
        )
    )
    n_sections = draw(st.integers(0, min(max_sections, len(ids))))
    section_ids, rest = ids[:n_sections], ids[n_sections:]
    n_claims = draw(st.integers(0, min(max_claims, len(rest))))
    claim_ids, argument_ids = rest[:n_claims], rest[n_claims : n_claims + max_arguments]
    if len(claim_ids) < 2:
        argument_ids = []

    sections = []
    for i, section_id in enumerate(section_ids):
        parent = draw(st.none() | st.sampled_from(section_ids[:i])) if i else None
        sections.append(Section(section_id, draw(texts(20)), parent, draw(data_dicts())))
    section_ref = st.none() | st.sampled_from(section_ids) if section_ids else st.none()

    claims = [
        Claim(
            id=claim_id,
            text=draw(texts(60)),
            title=draw(optional_texts()),
            is_position=draw(st.booleans()),
            holder=draw(optional_texts(15)),
            tags=tuple(draw(st.lists(texts(10), max_size=3))),
            sources=tuple(draw(st.lists(sources(), max_size=2))),
            section=draw(section_ref),
            verdict=draw(st.none() | st.sampled_from(list(Verdict))),
            data=draw(data_dicts()),
        )
        for claim_id in claim_ids
    ]
    arguments = []
    for argument_id in argument_ids:
        premises = draw(st.lists(st.sampled_from(claim_ids), min_size=0, max_size=3, unique=True))
        others = [c for c in claim_ids if c not in premises]
        conclusion = draw(st.none() | st.sampled_from(others)) if others else None
        arguments.append(
            Argument(
                id=argument_id,
                premises=tuple(premises),
                conclusion=conclusion,
                title=draw(optional_texts()),
                gist=draw(optional_texts()),
                scheme=draw(optional_texts()),
                tags=tuple(draw(st.lists(texts(10), max_size=2))),
                sources=tuple(draw(st.lists(sources(), max_size=1))),
                section=draw(section_ref),
                data=draw(data_dicts()),
            )
        )
    nodes = claim_ids + argument_ids
    relations: dict[Any, Relation] = {}
    if len(nodes) >= 2:
        for _ in range(draw(st.integers(0, max_relations))):
            kind = draw(st.sampled_from(list(RelationKind)))
            if kind is RelationKind.UNDERCUT:
                if not argument_ids:
                    continue
                target = draw(st.sampled_from(argument_ids))
                origin = draw(st.sampled_from(nodes))
            elif kind is RelationKind.CONTRADICTION:
                origin = draw(st.sampled_from(claim_ids))
                target = draw(st.sampled_from(claim_ids))
            else:
                origin = draw(st.sampled_from(nodes))
                target = draw(st.sampled_from(nodes))
            if origin == target:
                continue
            relation = Relation(kind, origin, target, data=draw(data_dicts()))
            relations.setdefault(relation.key, relation)
    return ArgumentMap(
        title=draw(texts(30)),
        description=draw(optional_texts(60)),
        authors=tuple(draw(st.lists(texts(15), max_size=2))),
        date=draw(st.none() | dates()),
        claims=claims,
        arguments=arguments,
        relations=list(relations.values()),
        sections=sections,
        data=draw(data_dicts()),
    )
