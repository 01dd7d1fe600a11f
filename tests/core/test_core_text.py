"""The shared escaping scan finds exactly the texts a per-text search finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.core.text import flagged

PATTERNS = [
    re.compile(r"[*_\\]"),
    re.compile(r"<br>|&"),
    re.compile(r"\n"),
    re.compile(r"a\nb"),
    re.compile(r"##|\n\n"),
    re.compile(r"[\"\\\x00-\x1f]"),
]

alphabet = st.sampled_from(list('ab *_\\<>&#\n"\x00é'))
texts = st.lists(st.text(alphabet, max_size=8), max_size=12)


def by_each(items: list[str], pattern: re.Pattern[str], edges: str) -> set[int]:
    return {
        i
        for i, t in enumerate(items)
        if pattern.search(t) or (t and (t[0] in edges or t[-1] in edges))
    }


@given(texts, st.sampled_from(PATTERNS), st.sampled_from(["", " ", " \n"]))
def test_flagged_equals_a_search_of_each_text(
    items: list[str], pattern: re.Pattern[str], edges: str
) -> None:
    assert flagged(items, pattern, edges=edges) == by_each(items, pattern, edges)


def test_a_match_across_two_texts_flags_neither() -> None:
    assert flagged(["xa", "by"], re.compile(r"a\nb")) == set()


def test_no_texts() -> None:
    assert flagged([], re.compile("x")) == set()
