"""Relation trees: an element, then indented lines each starting with a relation symbol.

    [Claim]: text
      + [Reason]: text      (the reason supports the claim)
        - [Objection]       (the objection attacks the reason)
      <- <Argument>         (the argument attacks the claim)

A line indented more than the one above it hangs under that one; a line indented as much as an
earlier one is its sibling.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from argmap.builtin.argdown.document import (
    ATTACK,
    CONTRA,
    SUPPORT,
    UNDERCUT,
    Document,
    Node,
    Problem,
    RawRelation,
)
from argmap.builtin.argdown.element import parse_element

# Longest symbols first; every symbol must be followed by white space.
RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+")


class Symbol(NamedTuple):
    """What a relation symbol means: the kind, and whether the line's element is the origin."""

    kind: str
    child_is_origin: bool


SYMBOLS: dict[str, Symbol] = {
    "+": Symbol(SUPPORT, True),
    "<+": Symbol(SUPPORT, True),
    "-": Symbol(ATTACK, True),
    "<-": Symbol(ATTACK, True),
    "_": Symbol(UNDERCUT, True),
    "<_": Symbol(UNDERCUT, True),
    "+>": Symbol(SUPPORT, False),
    "->": Symbol(ATTACK, False),
    "_>": Symbol(UNDERCUT, False),
    "><": Symbol(CONTRA, False),
}


class TreeItem(NamedTuple):
    """One line of a tree with its continuation lines: the element's raw text and place.

    ``column`` is where the element starts (after the symbol); ``symbol`` is None for the root.
    """

    line: int
    column: int
    indent: int
    symbol: str | None
    raw: str


def relation_item(number: int, line: str) -> TreeItem | None:
    """The item of a line starting (after its indentation) with a relation symbol, else None."""
    stripped = line.lstrip()
    match = RELATION.match(stripped)
    if match is None:
        return None
    indent = len(line) - len(stripped)
    end = match.end()
    return TreeItem(number, indent + end + 1, indent, match.group(1), stripped[end:])


def continued(item: TreeItem, text: str) -> TreeItem:
    """``item`` with a continuation line's text added."""
    return item._replace(raw=item.raw + " " + text)


def gather(block: Sequence[tuple[int, str]]) -> list[TreeItem]:
    """Group the lines of a tree into items; a line without a symbol continues the one above."""
    items: list[TreeItem] = []
    for number, line in block:
        item = relation_item(number, line) if items else None
        if item is not None:
            items.append(item)
        elif items:
            items[-1] = continued(items[-1], line.lstrip())
        else:
            stripped = line.lstrip()
            indent = len(line) - len(stripped)
            items.append(TreeItem(number, indent + 1, indent, None, stripped))
    return items


def parse_tree(
    doc: Document,
    items: Sequence[TreeItem],
    root: Node | None = None,
) -> Node:
    """Parse a tree into relations; return its root element.

    Without ``root``, the first item is the root element; with it (an element of a
    premise-conclusion structure), every item hangs under ``root``. A problem in one line is
    recorded and skips only that line.

    Raises:
        Problem: the first item, which must be the root, starts with a relation symbol, or
            the root element is malformed.
    """
    first = 0
    root_indent = -1
    if root is None:
        number, column, indent, symbol, raw = items[0]
        if symbol is not None:
            raise Problem(f"the relation {symbol!r} has no parent above it", number, column)
        root = parse_element(doc, raw, number, column)
        root_indent = indent
        first = 1
    # The open levels: the indentation of each, and the element its lines hang under.
    levels: list[tuple[int, Node | None]] = [(root_indent, None)]
    last = root
    problems: list[Problem] = []
    for number, column, indent, symbol, raw in items[first:]:
        assert symbol is not None  # continuation lines are merged into their item
        parent: Node | None
        if indent > levels[-1][0]:
            levels.append((indent, last))
            parent = last
        elif indent == levels[-1][0]:
            parent = levels[-1][1]
        else:
            while len(levels) > 1 and indent < levels[-1][0]:
                levels.pop()
            parent = levels[-1][1]
        if parent is None:
            problems.append(
                Problem(
                    "this relation is not indented under an element; indent it more than "
                    "the line it belongs to",
                    number,
                    column - len(symbol) - 1,
                )
            )
            continue
        try:
            child = parse_element(doc, raw, number, column)
        except Problem as problem:
            problems.append(problem)
            continue
        kind, child_is_origin = SYMBOLS[symbol]
        origin, target = (child, parent) if child_is_origin else (parent, child)
        doc.relations.append(RawRelation(kind, origin, target, number, column))
        last = child
    for found in problems:
        doc.report(found)
    return root
