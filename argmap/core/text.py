"""Finding the texts that need escaping, for every writer: one scan of all texts at once.

A writer escapes what its format would misread (quotes in DOT, ``*`` in Markdown, ``<`` in
Mermaid). Most texts of a real map need nothing, so a writer asks :func:`flagged` which do and
escapes only those. The answer is exactly that of searching each text on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate


def flagged(texts: Sequence[str], pattern: re.Pattern[str], *, edges: str = "") -> set[int]:
    r"""The indices of the texts that ``pattern`` matches in, or that start or end with ``edges``.

    Equal to ``{i for i, t in enumerate(texts) if pattern.search(t) or (t and (t[0] in edges
    or t[-1] in edges))}``, found by searching the texts joined by line breaks and checking
    each text a match falls in (so a match across two texts, or of the line break between
    them, is never taken for a text's own).

    The pattern must match by the characters of a text alone: no anchors (``^``, ``$``,
    ``\A``, ``\Z``) and no look-behind or look-ahead past a text's ends, which see the joined
    neighbours. What matters at a text's start or end goes in ``edges``.

    Args:
        texts: The texts to look at.
        pattern: What needs escaping anywhere in a text (see above).
        edges: Characters that need escaping at the start or end of a text (white space, say).

    >>> sorted(flagged(["plain", "a*b", "", " x"], re.compile(r"[*]"), edges=" "))
    [1, 3]
    """
    found: set[int] = set()
    if not texts:
        return found
    joined = "\n".join(texts)
    match = pattern.search(joined)
    if match is not None:
        ends = list(accumulate(len(text) + 1 for text in texts))  # past each text's line break
        while match is not None:
            index = bisect_right(ends, match.start())
            if index >= len(texts):
                break
            if index not in found and pattern.search(texts[index]):
                found.add(index)
                match = pattern.search(joined, ends[index])  # on from the next text
            else:
                match = pattern.search(joined, match.start() + 1)
    if edges:
        for index, text in enumerate(texts):
            if text and (text[0] in edges or text[-1] in edges):
                found.add(index)
    return found
