"""The parts of an AIF document as the writer makes them: nodes, edges, locutions, records."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Mapping
from typing import Any

from argmap.model import JSONValue
from argmap_aif.common import DATA_KEY, DEFAULT_SCHEME_IDS, DEFAULT_TEXTS
from argmap_aif.write_json import add_kept_line, kept_lines, node_tail, string

Edge = tuple[str, str]
"""An edge to write: its origin's and its target's node ids."""


def aif_details(data: Mapping[str, JSONValue]) -> Mapping[str, Any]:
    """What an element's (or the map's) ``data`` keeps of AIF (an object, else empty)."""
    value = data.get(DATA_KEY)
    return value if isinstance(value, dict) else {}


def records(value: Any) -> list[dict[str, Any]]:
    """The objects of a list kept from an AIF reading (none if it is not a list)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def nonempty(value: Any) -> str | None:
    """A non-empty string, else None."""
    return value if isinstance(value, str) and value else None


def scheme_tail(kind: str, text: str, details: Mapping[str, Any]) -> str:
    """The members after the text of an argument-layer node whose AIF details are ``details``.

    A scheme node names its scheme (its text, unless the details say otherwise) and the
    scheme's id when the details give it or the scheme is the default one.
    """
    if not details:
        return bare_tail(kind, text)
    timestamp = nonempty(details.get("timestamp"))
    scheme = scheme_id = None
    if kind in DEFAULT_TEXTS:
        scheme = nonempty(details.get("scheme")) or text
        written = details.get("schemeID")
        if isinstance(written, (str, int)) and not isinstance(written, bool):
            scheme_id = str(written)
        elif text == DEFAULT_TEXTS[kind]:
            scheme_id = DEFAULT_SCHEME_IDS[kind]
    return node_tail(kind, timestamp, scheme, scheme_id)


@functools.lru_cache(maxsize=1024)
def bare_tail(kind: str, text: str) -> str:
    """:func:`scheme_tail` without details (the scheme of most nodes is one of a few)."""
    if kind not in DEFAULT_TEXTS:
        return node_tail(kind)
    return node_tail(
        kind, None, text, DEFAULT_SCHEME_IDS[kind] if text == DEFAULT_TEXTS[kind] else None
    )


def free_ids(taken: set[str]) -> Iterator[str]:
    """Ids that ``taken`` does not hold: "1", "2", ... (digits: JSON text as they are)."""
    if not taken:
        return map(str, itertools.count(1))
    return itertools.filterfalse(taken.__contains__, map(str, itertools.count(1)))


class Parts:
    """The document written so far.

    Args:
        wanted: The ids that nodes will take as they are (elements' ids, locators, ids kept
            from an AIF reading); new ids avoid them.

    Attributes:
        nodes: Each node as JSON text, in order.
        ids: The ids of the nodes written so far.
        edges: The edges, in order (numbered when the document is put together).
        unchecked: The span of ``edges`` whose ends come from kept records rather than from the
            map: they may name nodes that are not written, or repeat each other.
        locutions: The locution records, in order.
        new_id: A node id no other node has or will have.
        claim_records: The extension's record of each claim that needs one, as JSON text.
        argument_records: The same for arguments.
        relation_records: The same for relation nodes.
    """

    def __init__(self, wanted: set[str]) -> None:
        self.nodes: list[str] = []
        self.ids: set[str] = set()
        self.edges: list[Edge] = []
        self.unchecked = range(0)
        self.locutions: list[dict[str, Any]] = []
        self.new_id = free_ids(wanted).__next__
        self.claim_records: dict[str, str] = {}
        self.argument_records: dict[str, str] = {}
        self.relation_records: dict[str, str] = {}

    def node(self, node_id: str, text: str, tail: str) -> None:
        """Add a node: its id, its text, and the rest as :func:`node_tail` writes it."""
        self.ids.add(node_id)
        self.nodes.append(f'{{"nodeID": {string(node_id)}, "text": {string(text)}{tail}')

    def kept_node(self, node_id: str, record: dict[str, Any]) -> None:
        """Add a node kept from an AIF reading, as it was (with ``node_id`` as its id)."""
        self.ids.add(node_id)
        add_kept_line(self.nodes, kept_lines(dict(record, nodeID=node_id), "nodeID"))

    def own_id(self, preferred: Any) -> str:
        """``preferred`` if it is a free id, else a new one."""
        if isinstance(preferred, str) and preferred and preferred not in self.ids:
            return preferred
        return self.new_id()

    def checked_edges(self) -> list[Edge]:
        """The edges to write: those of :attr:`unchecked` only if they join written nodes, once."""
        edges, span, ids = self.edges, self.unchecked, self.ids
        if not span:
            return edges
        seen: set[Edge] = set()
        kept: list[Edge] = []
        for edge in edges[span.start : span.stop]:
            if edge[0] in ids and edge[1] in ids and edge not in seen:
                seen.add(edge)
                kept.append(edge)
        return edges[: span.start] + kept + edges[span.stop :]
