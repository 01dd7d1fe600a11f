"""An Argdown document as blocks: front matter, then blocks of lines between empty lines.

Each block is parsed on its own, so one bad block neither hides the others nor their errors.
A block is a heading (maybe followed by more lines), a premise-conclusion structure, a list, a
relation tree, or a lone element (such as ``<Argument>`` before its structure).
"""

from __future__ import annotations

import re

from argmap.builtin.argdown.document import Document, Heading, Node, Problem
from argmap.builtin.argdown.element import parse_element
from argmap.builtin.argdown.inline import parse_inline, strip_comments
from argmap.builtin.argdown.structures import parse_structure
from argmap.builtin.argdown.trees import gather, parse_tree
from argmap.builtin.argdown.yaml_data import front_matter, split_data

_LIST_ITEM = re.compile(r"(?:\*|\d+\.)[ \t]+")
# The first line of a block that is not a tree: a heading, an item of a structure, a list item
# (the three start with different characters, so at most one matches).
_BLOCK_START = re.compile(r"(?P<heading>#+[ \t])|(?P<pcs>\(\d+\))|(?P<list>(?:\*|\d+\.)[ \t])")

# The lines of a block: each line's number (from 1) and its text without trailing space.
Block = list[tuple[int, str]]


def parse_document(doc: Document, text: str) -> None:
    """Parse ``text``, whose lines end with a line feed only, into ``doc``."""
    lines = text.split("\n")
    start = front_matter(doc, lines)
    body = strip_comments("\n".join(lines[start:]))
    block: Block = []
    previous: Node | None = None  # the element a block ended with, for a structure after it
    for number, line in enumerate(body.split("\n"), start + 1):
        line = line.rstrip()
        if line:
            block.append((number, line))
        elif block:
            previous = _parse_block(doc, block, previous)
            block = []
    if block:
        _parse_block(doc, block, previous)


def _parse_block(doc: Document, block: Block, previous: Node | None) -> Node | None:
    """Parse one block; a problem that ends it is recorded and ``None`` returned."""
    try:
        return _block(doc, block, previous)
    except Problem as problem:
        doc.report(problem)
        return None


def _block(doc: Document, block: Block, previous: Node | None) -> Node | None:
    """Parse one block; return the element it ends with, if it is a tree or a lone element."""
    number, line = block[0]
    stripped = line.lstrip()
    indent = len(line) - len(stripped)
    start = _BLOCK_START.match(stripped)
    if start is None:  # the usual block: a tree of relations
        if len(block) == 1:  # a lone element (such as <Argument> before its structure)
            return parse_element(doc, stripped, number, indent + 1)
        return parse_tree(doc, gather(block))
    if start.lastgroup == "heading":
        _heading(doc, number, indent + 1, stripped)
        if len(block) > 1:
            return _block(doc, block[1:], None)
        return None
    if start.lastgroup == "pcs":
        parse_structure(doc, block, previous)
        return None
    if indent == 0:  # a list item
        _list(doc, block)
        return None
    return parse_tree(doc, gather(block))


def _heading(doc: Document, number: int, column: int, line: str) -> None:
    """Open the section of the heading ``line`` (``#`` marks, title, maybe data)."""
    level = len(line) - len(line.lstrip("#"))
    raw, data = split_data(doc, line[level:].strip(), number, column)
    title, _ = parse_inline(raw.strip())
    open_headings = doc.open_headings
    while open_headings and open_headings[-1].level >= level:
        open_headings.pop()
    parent = open_headings[-1].key if open_headings else None
    key = f"s{len(doc.headings) + 1}"
    heading = Heading(key, title, level, parent, data or {}, number, column)
    doc.headings.append(heading)
    open_headings.append(heading)
    doc.section = key


def _list(doc: Document, block: Block) -> None:
    """Parse a list: each item (``*`` or ``1.``, with its continuation lines) is an element."""
    items: list[tuple[int, int, str]] = []  # line, column, raw text
    for number, line in block:
        stripped = line.lstrip()
        match = _LIST_ITEM.match(stripped) if len(line) == len(stripped) else None
        if match is not None:
            items.append((number, match.end() + 1, stripped[match.end() :]))
        elif items:
            number0, column0, raw = items[-1]
            items[-1] = (number0, column0, raw + " " + stripped)
    for number, column, raw in items:
        try:
            parse_element(doc, raw, number, column)
        except Problem as problem:
            doc.report(problem)
