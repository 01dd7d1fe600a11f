"""One statement or argument as written: ``[Title]: text``, ``<Title>``, or untitled text.

An occurrence with text defines (or redefines) the element; one without text refers to it.
Every occurrence is merged into the document's :class:`~.document.Node` of that title.
"""

from __future__ import annotations

import re

from argmap.builtin.argdown.document import Document, Node, Problem
from argmap.builtin.argdown.inline import parse_inline, unescape
from argmap.builtin.argdown.yaml_data import split_data

# A title: '[' or '<' (not "<!--"), up to the first closing bracket not escaped by a backslash.
_TITLE = re.compile(r"\[([^\\\]]*(?:\\.[^\\\]]*)*)\]|<(?!!--)([^\\>]*(?:\\.[^\\>]*)*)>", re.DOTALL)


def parse_element(doc: Document, raw: str, line: int, column: int) -> Node:
    """Parse one element (the text after any relation symbol) that starts at ``column``.

    Raises:
        Problem: an unclosed or empty title, text after a reference without a colon, bad data.
    """
    head = _TITLE.match(raw)
    if head is None:
        kind = raw[:1]
        if kind in "[<" and not raw.startswith("<!--"):
            closing = "]" if kind == "[" else ">"
            raise Problem(
                f"the title opened with '{kind}' is never closed with '{closing}'", line, column
            )
    else:
        statement, argument = head.groups()
        end = head.end()  # after the closing bracket
        if argument is not None or not raw.startswith("(", end):  # else a link: untitled text
            is_argument = argument is not None
            title = argument if is_argument else statement
            title = (unescape(title) if "\\" in title else title).strip()
            if not title:
                raise Problem(
                    "an empty title; write text after [Title]: or leave the brackets out",
                    line,
                    column,
                )
            if raw.startswith(":", end):  # a definition
                text_raw = raw[end + 1 :]
                data = None
                if "{" in text_raw:
                    text_raw, data = split_data(doc, text_raw, line, column + end + 1)
                text, tags = parse_inline(text_raw.strip())
                return doc.add(is_argument, title, False, text, tags, data, line, column)
            if end == len(raw):  # a bare reference
                return doc.add(is_argument, title, False, None, [], None, line, column)
            # A reference followed by data or tags, and nothing else.
            rest, data = split_data(doc, raw[end:], line, column + end)
            rest_text, tags = parse_inline(rest.strip())
            if rest_text and any(not w.startswith("#") for w in rest_text.split()):
                opening, closing = ("<", ">") if is_argument else ("[", "]")
                raise Problem(
                    f"text after the reference {opening}{title}{closing} needs a "
                    f"colon: write {opening}Title{closing}: text",
                    line,
                    column + end,
                )
            return doc.add(is_argument, title, False, None, tags, data, line, column)
    text_raw, data = split_data(doc, raw, line, column)
    text, tags = parse_inline(text_raw.strip())
    return doc.add(False, doc.untitled_key(), True, text, tags, data, line, column)
