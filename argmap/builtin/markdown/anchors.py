"""The HTML anchor of each node: ``am-`` and its id, made plain and unique where it is not."""

from __future__ import annotations

import re
from operator import attrgetter

from argmap.model import ArgumentMap

# Letters, digits, "_" and, inside, "-".
_PLAIN_ID = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?")
# A character that no plain id holds, nor the line breaks that join ids.
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9_\n-]")
_ID = attrgetter("id")


def renamed_anchors(amap: ArgumentMap) -> dict[str, str]:
    """The nodes whose anchor is not ``am-`` and their id, with what follows ``am-`` in theirs.

    A plain id (letters, digits, "_" and, inside, "-") is its own anchor unless a node before
    it took that anchor; any other id is made plain, and numbered when the result is taken.
    When every id is plain, no anchor is taken twice and the answer is empty (most maps).
    """
    # Every id of the map, its sections' too (ids of nodes only would give the same answer).
    joined = "\n".join(amap.elements)
    if (
        joined.count("\n") == len(amap.elements) - 1  # no id holds a line break
        and _NOT_PLAIN.search(joined) is None
        # and none is empty, or starts or ends with "-"
        and joined[:1] not in ("", "\n", "-")
        and joined[-1:] not in ("\n", "-")
        and "\n\n" not in joined
        and "\n-" not in joined
        and "-\n" not in joined
    ):
        return {}
    renamed: dict[str, str] = {}
    taken: set[str] = set()
    for node_id in [*map(_ID, amap.claims), *map(_ID, amap.arguments)]:
        if _PLAIN_ID.fullmatch(node_id):
            base = node_id
        else:
            base = re.sub(r"[^A-Za-z0-9_-]+", "-", node_id).strip("-") or "node"
        anchor = base
        n = 2
        while anchor in taken:
            anchor = f"{base}-{n}"
            n += 1
        taken.add(anchor)
        if anchor != node_id:
            renamed[node_id] = anchor
    return renamed
