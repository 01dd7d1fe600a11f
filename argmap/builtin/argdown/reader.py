"""Read Argdown text into an :class:`~argmap.ArgumentMap`.

A hand-written, line-oriented parser: a document is split into blocks at empty lines, each
block is parsed on its own (so one bad block neither hides the others nor their errors), and
the equivalence classes, arguments, relations and sections found are then turned into a map.
Every problem is collected and raised together in one :class:`~argmap.ReadError`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from argmap.builtin.argdown._yaml import load as load_yaml
from argmap.builtin.argdown.inline import find_unescaped, parse_inline, strip_comments, unescape
from argmap.core.collector import paused_gc
from argmap.core.decoding import decode_utf8
from argmap.core.diagnostics import Diagnostic, Severity
from argmap.core.errors import MapStructureError, ReadError
from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    JSONValue,
    Location,
    Relation,
    RelationKind,
    Section,
    Source,
    Verdict,
)

_PCS_ITEM = re.compile(r"\((\d+)\)[ \t]*")
_LIST_ITEM = re.compile(r"(?:\*|\d+\.)[ \t]+")
# The first line of a block that is not a tree: a heading, an item of a structure, a list item
# (the three start with different characters, so at most one matches).
_BLOCK_START = re.compile(r"(?P<heading>#+[ \t])|(?P<pcs>\(\d+\))|(?P<list>(?:\*|\d+\.)[ \t])")
# Longest symbols first; every symbol must be followed by white space.
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+")
_FRONT = re.compile(r"===[ \t]*\Z")
# What ends the continuation lines of an item of a structure: the start of an item, of an
# inference or of a relation.
_PCS_LINE_START = re.compile(r"\(\d+\)|--|(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]")
# The usual element: [statement] or <argument> (not "<!--"), then nothing or ':' and text,
# without backslashes. A '[' title may not be followed by '(' (a link), which '\Z' ensures.
# The text is split where inline markup or data may start ('*_[#{'): most texts hold none.
_PLAIN_ELEMENT = re.compile(r"(?:\[([^\]\\]*)\]|<(?!!--)([^>\\]*)>)(?::([^\\*_\[#{]*)([^\\]*))?\Z")
_BRACE_CHARS = re.compile(r"[\\\"'{}\[\]]")

SUPPORT, ATTACK, UNDERCUT, CONTRA = "support", "attack", "undercut", "contradiction"
# symbol -> (kind, child_is_origin)
_SYMBOLS: dict[str, tuple[str, bool]] = {
    "+": (SUPPORT, True),
    "<+": (SUPPORT, True),
    "-": (ATTACK, True),
    "<-": (ATTACK, True),
    "_": (UNDERCUT, True),
    "<_": (UNDERCUT, True),
    "+>": (SUPPORT, False),
    "->": (ATTACK, False),
    "_>": (UNDERCUT, False),
    "><": (CONTRA, False),
}

_KINDS = {kind.value: kind for kind in RelationKind}

CLAIM_KEYS = frozenset(
    {
        "id",
        "title",
        "text",
        "position",
        "holder",
        "sources",
        "quote",
        "verdict",
        "tags",
        "section",
        "data",
    }
)
ARGUMENT_KEYS = frozenset(
    {
        "id",
        "title",
        "gist",
        "scheme",
        "premises",
        "conclusion",
        "sources",
        "quote",
        "tags",
        "section",
        "data",
    }
)
SECTION_KEYS = frozenset({"id", "parent", "title", "data"})
SOURCE_FIELDS = ("speaker", "document", "date", "url", "quote", "locator")


class _Problem(Exception):
    def __init__(self, message: str, line: int, column: int, code: str = "syntax") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code = code


class _Node:
    """An equivalence class (statement) or an argument, as gathered from its occurrences.

    Its place (``line``, ``column``, ``section``) is that of its first definition (an
    occurrence with text), else of its first occurrence.
    """

    __slots__ = (
        "auto",
        "column",
        "data",
        "data_line",
        "defined",
        "id",
        "implicit",
        "is_argument",
        "key",
        "last_text",
        "line",
        "pcs",
        "pcs_line",
        "pcs_section",
        "section",
        "tags",
    )

    def __init__(
        self,
        is_argument: bool,
        key: str,
        auto: bool,
        text: str | None,
        tags: list[str],
        data: dict[str, Any] | None,
        line: int,
        column: int,
        section: str | None,
    ) -> None:
        # The node is made at its first occurrence, which owns ``tags`` and ``data``.
        self.is_argument = is_argument
        self.key = key
        self.auto = auto
        self.defined = text is not None
        self.last_text = text
        self.line = line
        self.column = column
        self.section = section
        self.tags = tags
        self.data: dict[str, Any] = data or {}
        self.data_line: tuple[int, int] = (line, column) if data else (0, 0)
        self.pcs: list[tuple[str, Any]] | None = None
        self.pcs_line = 0
        self.pcs_section: str | None = None
        self.implicit = False
        self.id = ""  # chosen when the map is built

    def unique_tags(self) -> tuple[str, ...]:
        """The tags of every occurrence, each once, in the order they first appear."""
        tags = self.tags
        return tuple(dict.fromkeys(tags)) if len(tags) > 1 else tuple(tags)

    def add(
        self,
        text: str | None,
        tags: list[str],
        data: dict[str, Any] | None,
        line: int,
        column: int,
        section: str | None,
    ) -> None:
        """Merge a later occurrence."""
        if text is not None:
            if not self.defined:
                self.defined = True
                self.line, self.column, self.section = line, column, section
            self.last_text = text
        if tags:
            self.tags.extend(tags)  # repeats are dropped once, by unique_tags()
        if data:
            self.data.update(data)
            self.data_line = (line, column)


class _Heading:
    __slots__ = ("column", "data", "key", "level", "line", "parent", "title")

    def __init__(
        self,
        key: str,
        title: str,
        level: int,
        parent: str | None,
        data: dict[str, Any],
        line: int,
        column: int,
    ) -> None:
        self.key = key
        self.title = title
        self.level = level
        self.parent = parent
        self.data = data
        self.line = line
        self.column = column


class _Parser:
    def __init__(self, text: str, source: str | None) -> None:
        self.source = source
        self.problems: list[Diagnostic] = []
        self.statements: dict[str, _Node] = {}
        self.arguments: dict[str, _Node] = {}
        self.relations: list[tuple[str, _Node, _Node, int, int]] = []
        self.headings: list[_Heading] = []
        self.open_headings: list[_Heading] = []
        self.section: str | None = None
        self.untitled = 0
        self.front: dict[str, Any] = {}
        self.front_line = 0
        self.strict = False
        self.text = text

    # -- diagnostics ------------------------------------------------------------------------

    def error(
        self,
        message: str,
        line: int,
        column: int = 1,
        code: str = "syntax",
        element: str | None = None,
    ) -> None:
        self.problems.append(
            Diagnostic(
                Severity.ERROR,
                code,
                message,
                element,
                Location(file=self.source, line=line, column=column),
            )
        )

    # -- document ---------------------------------------------------------------------------

    def parse(self) -> None:
        lines = self.text.split("\n")
        start = self._front_matter(lines)
        body = strip_comments("\n".join(lines[start:]))
        block: list[tuple[int, str]] = []
        previous: _Node | None = None
        for number, line in enumerate(body.split("\n"), start + 1):
            line = line.rstrip()
            if line:
                block.append((number, line))
            elif block:
                previous = self._parse_block(block, previous)
                block = []
        if block:
            self._parse_block(block, previous)

    def _parse_block(self, block: list[tuple[int, str]], previous: _Node | None) -> _Node | None:
        """Parse one block; a problem that ends it is recorded and ``None`` returned."""
        try:
            return self._block(block, previous)
        except _Problem as problem:
            self.error(problem.message, problem.line, problem.column, problem.code)
            return None

    def _front_matter(self, lines: list[str]) -> int:
        first = 0
        while first < len(lines) and not lines[first].strip():
            first += 1
        if first >= len(lines) or not _FRONT.match(lines[first].strip()):
            return 0
        for end in range(first + 1, len(lines)):
            if _FRONT.match(lines[end].strip()):
                break
        else:
            self.error(
                "the front matter opened here is never closed with a line '==='",
                first + 1,
                1,
                "front-matter",
            )
            return len(lines)
        self.front_line = first + 1
        raw = "\n".join(lines[first + 1 : end])
        if raw.strip():
            value = _yaml(raw, self, first + 2, block=True)
            if isinstance(value, dict):
                self.front = value
            elif value is not None:
                self.error(
                    "the front matter must be a mapping of keys to values",
                    first + 2,
                    1,
                    "front-matter",
                )
        model = self.front.get("model")
        if isinstance(model, dict) and model.get("mode") == "strict":
            self.strict = True
        return end + 1

    def _block(self, block: list[tuple[int, str]], previous: _Node | None) -> _Node | None:
        number, line = block[0]
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        start = _BLOCK_START.match(stripped)
        if start is None:  # the usual block: a tree of relations
            if len(block) == 1:  # a lone element (such as <Argument> before its structure)
                return self._element(stripped, number, indent + 1)
            return self._tree(block)
        if start.lastgroup == "heading":
            self._heading(number, indent + 1, stripped)
            if len(block) > 1:
                return self._block(block[1:], None)
            return None
        if start.lastgroup == "pcs":
            self._pcs(block, previous)
            return None
        if indent == 0:  # a list item
            self._list(block)
            return None
        return self._tree(block)

    # -- headings ---------------------------------------------------------------------------

    def _heading(self, number: int, column: int, line: str) -> None:
        level = len(line) - len(line.lstrip("#"))
        raw = line[level:].strip()
        raw, data = self._split_data(raw, number, column)
        title, _ = parse_inline(raw.strip())
        while self.open_headings and self.open_headings[-1].level >= level:
            self.open_headings.pop()
        parent = self.open_headings[-1].key if self.open_headings else None
        key = f"s{len(self.headings) + 1}"
        heading = _Heading(key, title, level, parent, data or {}, number, column)
        self.headings.append(heading)
        self.open_headings.append(heading)
        self.section = key

    # -- elements ---------------------------------------------------------------------------

    def _split_data(self, raw: str, line: int, column: int) -> tuple[str, dict[str, Any] | None]:
        if "{" not in raw:
            return raw, None
        brace = find_unescaped(raw, "{")
        if brace < 0:
            return raw, None
        end = raw.find("}", brace + 1)
        if end < 0 or _BRACE_CHARS.search(raw, brace + 1, end):
            # Quotes or brackets inside (or no '}' at all): the first '}' may not close it.
            end = _matching_brace(raw, brace)
        if end < 0:
            raise _Problem(
                "this '{' opens data that is never closed with '}' (write \\{ for a literal brace)",
                line,
                column + brace,
                "data",
            )
        rest = raw[end + 1 :].strip()
        value = _yaml(raw[brace : end + 1], self, line, column=column + brace)
        if value is not None and not isinstance(value, dict):
            raise _Problem(
                "data in braces must be a mapping such as {key: value}",
                line,
                column + brace,
                "data",
            )
        text = raw[:brace]
        if rest:
            # Tags may follow the data; anything else is text after the data.
            text = f"{text} {rest}" if text.strip() else rest
        return text, value if isinstance(value, dict) else {}

    def _element(self, raw: str, line: int, column: int) -> _Node:
        """Parse one statement or argument (the text after any relation symbol)."""
        # Fast path for the usual element, a title without backslashes alone or before ':'
        # and text: one match instead of the searches and slices of the general path below,
        # which it must agree with (an empty title takes that path to report it).
        plain = _PLAIN_ELEMENT.match(raw)
        if plain is not None:
            statement, argument, text_raw, markup = plain.groups()
            is_argument = statement is None
            title = (argument if is_argument else statement).strip()
            if title:
                if text_raw is None:  # a bare reference
                    return self._add(is_argument, title, False, None, [], None, line, column)
                if not markup:  # plain text: no inline markup, no data
                    return self._add(
                        is_argument, title, False, text_raw.strip(), [], None, line, column
                    )
                text_raw += markup
                data = None
                if "{" in text_raw:
                    # The text starts after the title, its two brackets and the colon.
                    text_raw, data = self._split_data(
                        text_raw, line, column + plain.end(2 if is_argument else 1) + 2
                    )
                text, tags = parse_inline(text_raw.strip())
                return self._add(is_argument, title, False, text, tags, data, line, column)
        kind = raw[:1]
        if kind in "[<" and not raw.startswith("<!--"):
            closing = "]" if kind == "[" else ">"
            escaped = "\\" in raw
            close = find_unescaped(raw, closing, 1) if escaped else raw.find(closing, 1)
            if close < 0:
                raise _Problem(
                    f"the title opened with '{kind}' is never closed with '{closing}'", line, column
                )
            after = raw[close + 1 :]
            if not (kind == "[" and after.startswith("(")):
                title = (unescape(raw[1:close]) if escaped else raw[1:close]).strip()
                if not title:
                    raise _Problem(
                        "an empty title; write text after [Title]: or leave the brackets out",
                        line,
                        column,
                    )
                is_argument = kind == "<"
                data = None
                if after.startswith(":"):
                    text_raw = after[1:]
                    if "{" in text_raw:
                        text_raw, data = self._split_data(text_raw, line, column + close + 2)
                    text, tags = parse_inline(text_raw.strip())
                    return self._add(is_argument, title, False, text, tags, data, line, column)
                if not after:  # a bare reference
                    return self._add(is_argument, title, False, None, [], None, line, column)
                rest, data = self._split_data(after, line, column + close + 1)
                rest_text, tags = parse_inline(rest.strip())
                if rest_text and any(not w.startswith("#") for w in rest_text.split()):
                    what = "<Title>" if is_argument else "[Title]"
                    raise _Problem(
                        f"text after the reference {kind}{title}{closing} needs a "
                        f"colon: write {what}: text",
                        line,
                        column + close + 1,
                    )
                return self._add(is_argument, title, False, None, tags, data, line, column)
        text_raw, data = self._split_data(raw, line, column)
        text, tags = parse_inline(text_raw.strip())
        self.untitled += 1
        return self._add(False, f"Untitled {self.untitled}", True, text, tags, data, line, column)

    def _add(
        self,
        is_argument: bool,
        key: str,
        auto: bool,
        text: str | None,
        tags: list[str],
        data: dict[str, Any] | None,
        line: int,
        column: int,
    ) -> _Node:
        """Add an occurrence (``text`` None: a reference) of the node ``key``; return it."""
        table = self.arguments if is_argument else self.statements
        node = table.get(key)
        if node is None:
            node = table[key] = _Node(
                is_argument, key, auto, text, tags, data, line, column, self.section
            )
        else:
            node.add(text, tags, data, line, column, self.section)
        return node

    # -- relation trees ---------------------------------------------------------------------

    def _tree(self, block: list[tuple[int, str]]) -> _Node:
        return self._relations(self._gather(block), None)

    def _gather(self, block: list[tuple[int, str]]) -> list[list[Any]]:
        """Group lines into items: [line, column, indent, symbol, raw text]."""
        items: list[list[Any]] = []
        for number, line in block:
            stripped = line.lstrip()
            indent = len(line) - len(stripped)
            match = _RELATION.match(stripped) if items else None
            if match is not None:
                end = match.end()
                items.append([number, indent + end + 1, indent, match.group(1), stripped[end:]])
            elif items:  # a continuation line
                items[-1][4] += " " + stripped
            else:
                items.append([number, indent + 1, indent, None, stripped])
        return items

    def _relations(
        self,
        items: Sequence[Sequence[Any]],
        root: _Node | None,
        root_indent: int = -1,
        first: int = 0,
    ) -> _Node:
        """Parse a root element (``root`` given: an element of a structure) and its tree."""
        if root is None:
            number, column, indent, symbol, raw = items[first]
            if symbol is not None:
                raise _Problem(f"the relation {symbol!r} has no parent above it", number, column)
            root = self._element(raw, number, column)
            root_indent = indent
            first += 1
        levels: list[tuple[int, _Node | None]] = [(root_indent, None)]
        last = root
        problems: list[_Problem] = []
        for number, column, indent, symbol, raw in items[first:]:
            if symbol is None:  # pragma: no cover - continuation lines are merged earlier
                continue
            if indent > levels[-1][0]:
                levels.append((indent, last))
                parent = last
            elif indent == levels[-1][0]:
                parent = levels[-1][1]  # type: ignore[assignment]
            else:
                while len(levels) > 1 and indent < levels[-1][0]:
                    levels.pop()
                parent = levels[-1][1]  # type: ignore[assignment]
            if parent is None:
                problems.append(
                    _Problem(
                        "this relation is not indented under an element; indent it more than "
                        "the line it belongs to",
                        number,
                        column - len(symbol) - 1,
                    )
                )
                continue
            try:
                child = self._element(raw, number, column)
            except _Problem as problem:
                problems.append(problem)
                continue
            kind, child_is_origin = _SYMBOLS[symbol]
            origin, target = (child, parent) if child_is_origin else (parent, child)
            self.relations.append((kind, origin, target, number, column))
            last = child
        for found in problems:
            self.error(found.message, found.line, found.column, found.code)
        return root

    def _list(self, block: list[tuple[int, str]]) -> None:
        items: list[tuple[int, int, str]] = []
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
                self._element(raw, number, column)
            except _Problem as problem:
                self.error(problem.message, problem.line, problem.column, problem.code)

    # -- premise-conclusion structures ------------------------------------------------------

    def _pcs(self, block: list[tuple[int, str]], previous: _Node | None) -> None:
        first_line = block[0][0]
        if previous is None or not previous.is_argument:
            self.untitled += 1
            argument = self._add(
                True, f"Untitled {self.untitled}", True, None, [], None, first_line, 1
            )
            argument.implicit = True
        else:
            argument = previous
        if argument.pcs is not None:
            self.error(
                f"the argument <{argument.key}> already has a premise-conclusion structure "
                f"(line {argument.pcs_line})",
                first_line,
                1,
                "duplicate-structure",
            )
            return
        steps: list[tuple[str, Any]] = []  # ("statement", node) | ("inference", (rules, data))
        lines = block
        i = 0
        last_statement: _Node | None = None
        tree: list[tuple[int, int, int, str | None, str]] = []
        problems = 0
        has_inference = False

        while i < len(lines):
            number, line = lines[i]
            stripped = line.lstrip()
            indent = len(line) - len(stripped)
            item = _PCS_ITEM.match(stripped)
            if item is not None:
                if tree:
                    self._structure_tree(tree, last_statement, argument)
                raw = stripped[item.end() :]
                column = indent + item.end() + 1
                # continuation lines
                j = i + 1
                while j < len(lines):
                    nxt = lines[j][1].lstrip()
                    if _PCS_LINE_START.match(nxt):
                        break
                    raw += " " + nxt
                    j += 1
                try:
                    node = self._element(raw, number, column)
                except _Problem as problem:
                    self.error(problem.message, problem.line, problem.column, problem.code)
                    problems += 1
                    i = j
                    last_statement = None
                    continue
                if node.is_argument:
                    self.error(
                        "a premise or conclusion must be a statement, not an argument",
                        number,
                        column,
                    )
                    problems += 1
                else:
                    steps.append(("statement", node))
                last_statement = node if not node.is_argument else None
                i = j
                continue
            if stripped.startswith("--"):
                if tree:
                    self._structure_tree(tree, last_statement, argument)
                j = i
                text = stripped
                closed = _inference_closed(text, True)
                while not closed and j + 1 < len(lines):
                    j += 1
                    text += " " + lines[j][1].strip()
                    closed = _inference_closed(text, False)
                if not closed:
                    self.error("this inference is never closed with '--'", number, indent + 1)
                    problems += 1
                    break
                body = text.strip().strip("-").strip()
                data = None
                if "{" in body:
                    try:
                        body, data = self._split_data(body, number, indent + 3)
                    except _Problem as problem:
                        self.error(problem.message, problem.line, problem.column, problem.code)
                        problems += 1
                rules = [unescape(r).strip() for r in body.split(",") if r.strip()]
                steps.append(("inference", (rules, data or {}, number)))
                has_inference = True
                last_statement = None
                i = j + 1
                # undercuts under an inference attack the argument
                while i < len(lines) and _RELATION.match(lines[i][1].lstrip()):
                    number2, line2 = lines[i]
                    s2 = line2.lstrip()
                    match = _RELATION.match(s2)
                    assert match is not None
                    tree.append(
                        (
                            number2,
                            len(line2) - len(s2) + match.end() + 1,
                            len(line2) - len(s2),
                            match.group(1),
                            s2[match.end() :],
                        )
                    )
                    i += 1
                    while i < len(lines):
                        nxt = lines[i][1].lstrip()
                        if _PCS_LINE_START.match(nxt):
                            break
                        last = tree[-1]
                        tree[-1] = (last[0], last[1], last[2], last[3], last[4] + " " + nxt)
                        i += 1
                for number2, column2, _indent, symbol, raw2 in tree:
                    if symbol not in ("_", "<_"):
                        self.error(
                            "only undercuts ('_' or '<_') can hang under an inference",
                            number2,
                            column2 - len(symbol or "") - 1,
                        )
                        continue
                    try:
                        child = self._element(raw2, number2, column2)
                    except _Problem as problem:
                        self.error(problem.message, problem.line, problem.column, problem.code)
                        continue
                    self.relations.append((UNDERCUT, child, argument, number2, column2))
                tree.clear()
                continue
            match = _RELATION.match(stripped)
            if match is not None and last_statement is not None:
                tree.append(
                    (
                        number,
                        indent + match.end() + 1,
                        indent,
                        match.group(1),
                        stripped[match.end() :],
                    )
                )
                i += 1
                while i < len(lines):
                    nxt = lines[i][1].lstrip()
                    if _PCS_LINE_START.match(nxt):
                        break
                    last = tree[-1]
                    tree[-1] = (last[0], last[1], last[2], last[3], last[4] + " " + nxt)
                    i += 1
                continue
            self.error(
                "a line of a premise-conclusion structure must start with '(n)', an "
                "inference '--' or a relation symbol",
                number,
                indent + 1,
            )
            problems += 1
            i += 1
        if tree:
            self._structure_tree(tree, last_statement, argument)
        if problems:
            return
        if not steps or steps[-1][0] != "statement" or not has_inference:
            last_line = block[-1][0]
            self.error(
                "a premise-conclusion structure must end with a conclusion after an "
                "inference line such as '----'",
                last_line,
                1,
                "incomplete-structure",
            )
            return
        if steps[0][0] == "inference":
            self.error(
                "a premise-conclusion structure must start with a premise",
                first_line,
                1,
                "incomplete-structure",
            )
            return
        argument.pcs = steps
        argument.pcs_line = first_line
        argument.pcs_section = self.section

    def _structure_tree(
        self,
        tree: list[tuple[int, int, int, str | None, str]],
        statement: _Node | None,
        argument: _Node,
    ) -> None:
        """Parse (and empty) the relations hanging under ``statement`` in a structure."""
        if statement is not None:
            before = len(self.relations)
            self._relations(tree, statement)
            # An undercut of a statement of the structure undercuts the argument's step.
            for k in range(before, len(self.relations)):
                kind, origin, target, line, column = self.relations[k]
                if kind == UNDERCUT and target is statement:
                    self.relations[k] = (kind, origin, argument, line, column)
        tree.clear()

    # -- the map ----------------------------------------------------------------------------

    def build(self) -> ArgumentMap:
        settings = self.front.get("argmap")
        if settings is not None and not isinstance(settings, dict):
            self.error(
                "front matter 'argmap' must be a mapping", self.front_line + 1, 1, "front-matter"
            )
            settings = {}
        settings = settings or {}
        id_mode = settings.get("ids", "title")
        if id_mode not in ("title", "slug"):
            self.error(
                "front matter argmap.model.ids must be 'title' or 'slug'",
                self.front_line + 1,
                1,
                "front-matter",
            )
            id_mode = "title"
        defaults = settings.get("source") or {}
        if not isinstance(defaults, dict):
            self.error(
                "front matter argmap.source must be a mapping",
                self.front_line + 1,
                1,
                "front-matter",
            )
            defaults = {}

        # Most nodes carry no data, hence no fields: they share one empty (never changed) dict.
        no_fields: dict[str, Any] = {}
        claims_info = [
            (node, self._fields(node, CLAIM_KEYS, defaults) if node.data else no_fields)
            for node in self.statements.values()
        ]
        args_info = [
            (node, self._fields(node, ARGUMENT_KEYS, defaults) if node.data else no_fields)
            for node in self.arguments.values()
        ]
        sections_info = [(h, self._section_fields(h)) for h in self.headings]

        ids = _Ids(id_mode)
        for _, fields in [*claims_info, *args_info, *sections_info]:
            if "id" in fields:
                ids.reserve(fields["id"])
        # Each node's id is kept on the node: relations and structures look them up by node.
        taken = ids.taken
        for node, fields in claims_info:
            if "id" in fields:
                node.id = fields["id"]
            elif id_mode == "title":
                key = node.key
                if key in taken:
                    node.id = ids.take(key)
                else:  # the usual case, without a call
                    taken.add(key)
                    node.id = key
            else:
                title = fields.get("title", None if node.auto else node.key)
                node.id = ids.allocate(title or node.last_text or "", "claim")
        section_id: dict[str, str] = {}
        for heading, fields in sections_info:
            if "id" in fields:
                section_id[heading.key] = fields["id"]
            elif id_mode == "title":
                section_id[heading.key] = ids.take(heading.key)
            else:
                section_id[heading.key] = ids.allocate(heading.title, "section")
        for node, fields in args_info:
            if "id" in fields:
                node.id = fields["id"]
            elif id_mode == "title":
                key = node.key
                node.id = ids.take(key if key not in ids else f"<{key}>")
            else:
                title = fields.get("title", None if node.auto else node.key)
                if not title:
                    first = _first_premise(node)
                    title = f"arg-{first}" if first else "argument"
                node.id = ids.allocate(title, "argument")

        source = self.source
        # A map of 10,000 statements needs 20,000 locations: tuple.__new__ makes each without
        # the named tuple's __new__, a Python function (same value, same type).
        new_location = tuple.__new__
        sections: list[Section] = []
        for heading, fields in sections_info:
            parent = fields.get("parent", section_id.get(heading.parent or ""))
            sections.append(
                Section(
                    id=section_id[heading.key],
                    title=fields.get("title", heading.title),
                    parent=parent,
                    data=fields.get("data", {}),
                    location=Location(source, heading.line, heading.column),
                )
            )

        def section_of(node: _Node, fields: dict[str, Any]) -> str | None:
            if "section" in fields:
                return fields["section"]  # type: ignore[no-any-return]
            if node.implicit:
                return None
            if not node.defined and node.pcs is not None:
                return None if node.pcs_section is None else section_id[node.pcs_section]
            return None if node.section is None else section_id[node.section]

        # Positional arguments: a keyword call costs a third more, and this runs per element.
        claims: list[Claim] = []
        for node, fields in claims_info:
            if fields:
                get = fields.get
                claims.append(
                    Claim(
                        node.id,
                        get("text", node.last_text or ""),
                        get("title", None if node.auto else node.key),
                        get("position", False),
                        get("holder"),
                        fields["tags"] if "tags" in fields else node.unique_tags(),
                        get("sources", ()),
                        section_of(node, fields),
                        get("verdict"),
                        get("data", {}),
                        location=new_location(Location, (source, node.line, node.column, None)),
                    )
                )
            else:
                # A statement is never implicit nor structured: its section is its place's.
                section = node.section
                tags = node.tags  # made unique as unique_tags() does, without the call
                claims.append(
                    Claim(
                        node.id,
                        node.last_text or "",
                        None if node.auto else node.key,
                        False,
                        None,
                        tuple(dict.fromkeys(tags)) if len(tags) > 1 else tuple(tags),
                        (),
                        None if section is None else section_id[section],
                        None,
                        {},
                        location=new_location(Location, (source, node.line, node.column, None)),
                    )
                )
        arguments: list[Argument] = []
        structured: dict[str, str] = {}  # argument id -> main conclusion id
        for node, fields in args_info:
            premises: list[str] = []
            conclusion: str | None = None
            scheme: str | None = None
            data = dict(fields.get("data", {}))
            if node.pcs is not None:
                premises, conclusion, scheme, extra = _structure(node.pcs)
                data.update(extra)
                structured[node.id] = conclusion
            get = fields.get
            arguments.append(
                Argument(
                    node.id,
                    get("premises", premises),
                    get("conclusion", conclusion),
                    get("title", None if node.auto else node.key),
                    get("gist", node.last_text),
                    get("scheme", scheme),
                    fields["tags"] if "tags" in fields else node.unique_tags(),
                    get("sources", ()),
                    section_of(node, fields),
                    data,
                    location=new_location(Location, (source, node.line, node.column, None)),
                )
            )

        relation_data = self._relation_data(settings)
        relations: dict[tuple[RelationKind, str, str], Relation] = {}
        for kind, origin, target, line, column in self.relations:
            origin_id = origin.id
            target_id = target.id
            if origin.is_argument and origin_id in structured and kind != CONTRA:
                origin_id = structured[origin_id]
            if kind == CONTRA and (origin.is_argument or target.is_argument):
                self.error(
                    "only statements can contradict each other ('><'); use '-' for an "
                    "attack on an argument",
                    line,
                    column,
                    "invalid-relation",
                )
                continue
            relation_extra: dict[str, Any] = {}
            if kind == UNDERCUT and not target.is_argument:
                # argmap undercuts arguments only; an undercut of a statement is an attack.
                kind = ATTACK
                relation_extra = {"argdown": "undercut"}
            if origin_id == target_id:
                self.error(f"{origin_id!r} cannot {kind} itself", line, column, "invalid-relation")
                continue
            relation_kind = _KINDS[kind]
            relation_key = (relation_kind, origin_id, target_id)
            if relation_kind is RelationKind.CONTRADICTION and target_id < origin_id:
                relation_key = (relation_kind, target_id, origin_id)  # as Relation.key orders it
            if relation_key in relations:
                continue
            if relation_data:
                relation_extra = relation_data.get(relation_key) or relation_extra
            relations[relation_key] = Relation(
                relation_kind,
                origin_id,
                target_id,
                relation_extra,
                location=new_location(Location, (source, line, column, None)),
            )

        front = dict(self.front)
        front.pop("argmap", None)
        title = front.pop("title", "")
        description = front.pop("description", None)
        authors = front.pop("author", front.pop("authors", ()))
        if isinstance(authors, str):
            authors = (authors,)
        date = front.pop("date", None)
        map_data = front
        if (
            not isinstance(title, str)
            or not (description is None or isinstance(description, str))
            or not (date is None or isinstance(date, str))
            or not isinstance(authors, (list, tuple))
            or not all(isinstance(a, str) for a in authors)
        ):
            self.error(
                "front matter title, description, date and author must be text",
                self.front_line + 1,
                1,
                "front-matter",
            )
            title, description, authors, date = "", None, (), None
        if "data" in map_data and isinstance(map_data["data"], dict) and len(map_data) == 1:
            map_data = map_data["data"]
        if self.problems:
            raise ReadError(self.problems, self.source)
        try:
            return ArgumentMap(
                title=title,
                description=description,
                authors=tuple(authors),
                date=date,
                claims=claims,
                arguments=arguments,
                relations=tuple(relations.values()),
                sections=sections,
                data=map_data,
            )
        except MapStructureError as error:
            self.error(
                str(error), *self._where(str(error), claims, arguments, sections), code="structure"
            )
            raise ReadError(self.problems, self.source) from None

    def _where(self, message: str, *groups: Any) -> tuple[int, int]:
        for group in groups:
            for element in group:
                if repr(element.id) in message and element.location is not None:
                    return element.location.line or 1, element.location.column or 1
        return 1, 1

    def _relation_data(
        self, settings: dict[str, Any]
    ) -> dict[tuple[RelationKind, str, str], dict[str, Any]]:
        found: dict[tuple[RelationKind, str, str], dict[str, Any]] = {}
        entries = settings.get("relations", [])
        if not isinstance(entries, list):
            entries = [None]
        for entry in entries:
            if not (
                isinstance(entry, dict)
                and set(entry) == {"kind", "origin", "target", "data"}
                and entry["kind"] in RelationKind._value2member_map_
                and isinstance(entry["origin"], str)
                and isinstance(entry["target"], str)
                and isinstance(entry["data"], dict)
            ):
                self.error(
                    "front matter argmap.relations holds entries {kind, origin, target, data}",
                    self.front_line + 1,
                    1,
                    "front-matter",
                )
                continue
            relation = Relation(entry["kind"], entry["origin"], entry["target"])
            found[relation.key] = entry["data"]
        return found

    def _fields(
        self, node: _Node, allowed: frozenset[str], defaults: dict[str, Any]
    ) -> dict[str, Any]:
        """Split a node's data into argmap fields (reserved keys) and free data."""
        data = node.data
        fields: dict[str, Any] = {}
        if not data:
            return fields
        line, column = node.data_line
        what = "argument" if node.is_argument else "statement"
        free: dict[str, Any] = {}
        for key, value in data.items():
            if key not in allowed:
                free[key] = value
                continue
            problem = _check_field(key, value)
            if problem:
                self.error(
                    f"{what} {node.key!r}: {problem}", line, column, "data", element=node.key
                )
                continue
            if key == "data":
                free.update(value)
            elif key == "quote":
                fields.setdefault("sources", [])
                fields["sources"] = [*fields["sources"], _source({**defaults, "quote": value})]
            elif key == "sources":
                fields["sources"] = [
                    _source({**defaults, **s}) if False else _source(s) for s in value
                ] + fields.get("sources", [])
            elif key == "tags":
                fields["tags"] = tuple(value)
            elif key == "verdict":
                fields["verdict"] = Verdict(value) if value is not None else None
            else:
                fields[key] = value
        if free:
            fields["data"] = free
        return fields

    def _section_fields(self, heading: _Heading) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        free: dict[str, Any] = {}
        for key, value in heading.data.items():
            if key not in SECTION_KEYS:
                free[key] = value
            elif key == "data" and isinstance(value, dict):
                free.update(value)
            elif isinstance(value, str) or (key == "parent" and value is None):
                fields[key] = value
            else:
                self.error(
                    f"heading data: {key!r} has a value of the wrong type",
                    heading.line,
                    heading.column,
                    "data",
                )
        if free:
            fields["data"] = free
        return fields


def closing_of(kind: str) -> str:
    """The closing bracket of a title opened with ``kind``."""
    return "]" if kind == "[" else ">"


def _inference_closed(text: str, single: bool) -> bool:
    stripped = text.strip()
    if stripped and not stripped.strip("-"):  # dashes only
        return len(stripped) >= 4 or not single
    return len(stripped) > 2 and stripped.endswith("--") and stripped.startswith("--")


def _matching_brace(text: str, start: int) -> int:
    depth = 0
    quote = ""
    i = start
    n = len(text)
    while i < n:
        # Only quotes, brackets and (inside double quotes) backslashes matter.
        found = _BRACE_CHARS.search(text, i)
        if found is None:
            break
        i = found.start()
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                if quote == "'" and i + 1 < n and text[i + 1] == "'":
                    i += 2
                    continue
                quote = ""
        elif c in "\"'" and (i == 0 or text[i - 1] in "{[,: \t"):
            quote = c
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _first_premise(node: _Node) -> str | None:
    if node.pcs is None:
        return None
    for kind, value in node.pcs:
        if kind == "statement":
            return value.id  # type: ignore[no-any-return]
    return None  # pragma: no cover - a structure starts with a premise


def _structure(
    steps: list[tuple[str, Any]],
) -> tuple[list[str], str, str | None, dict[str, Any]]:
    """Premises, main conclusion, scheme and extra data of a premise-conclusion structure."""
    premises: list[str] = []
    chain: list[dict[str, Any]] = []
    pending: list[str] = []
    after_inference: tuple[list[str], dict[str, Any]] | None = None
    for kind, value in steps:
        if kind == "inference":
            after_inference = (value[0], value[1])
            continue
        cid = value.id
        if after_inference is not None:
            step: dict[str, Any] = {
                "premises": pending,
                "rules": after_inference[0],
                "conclusion": cid,
            }
            if after_inference[1]:
                step["data"] = after_inference[1]
            chain.append(step)
            pending = []
            after_inference = None
        else:
            pending.append(cid)
            if cid not in premises:
                premises.append(cid)
    conclusion = chain[-1]["conclusion"]
    rules = chain[-1]["rules"]
    scheme = ", ".join(rules) if rules else None
    extra: dict[str, Any] = {}
    if len(chain) > 1:
        extra["pcs"] = chain
    elif "data" in chain[0]:
        extra["inference"] = chain[0]["data"]
    return premises, conclusion, scheme, extra


class _Ids:
    def __init__(self, mode: str) -> None:
        from argmap.model.ids import IdAllocator

        self.mode = mode
        self.taken: set[str] = set()
        self.allocator = IdAllocator()

    def __contains__(self, item: str) -> bool:
        return item in self.taken

    def reserve(self, element_id: str) -> None:
        self.taken.add(element_id)
        self.allocator.reserve(element_id)

    def take(self, wanted: str) -> str:
        """``wanted``, or it with `` (2)``, `` (3)``, ... (the allocator is not used then)."""
        taken = self.taken
        candidate = wanted
        n = 2
        while candidate in taken:
            candidate = f"{wanted} ({n})"
            n += 1
        taken.add(candidate)
        return candidate

    def allocate(self, text: str, fallback: str) -> str:
        found = self.allocator.allocate(text, fallback)
        self.taken.add(found)
        return found


def _check_field(key: str, value: Any) -> str | None:
    if key == "id":
        return None if isinstance(value, str) else "id must be text"
    if key in ("position",):
        return None if isinstance(value, bool) else "position must be true or false"
    if key in ("holder", "title", "gist", "scheme", "conclusion", "section"):
        return None if value is None or isinstance(value, str) else f"{key} must be text or null"
    if key in ("text", "quote"):
        return None if isinstance(value, str) else f"{key} must be text"
    if key in ("tags", "premises"):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else f"{key} must be a list of text"
    if key == "verdict":
        ok = value is None or value in Verdict._value2member_map_
        return None if ok else "verdict must be accepted, rejected or questioned"
    if key == "sources":
        ok = isinstance(value, list) and all(
            isinstance(s, dict)
            and set(s) <= set(SOURCE_FIELDS)
            and all(v is None or isinstance(v, str) for v in s.values())
            for s in value
        )
        return (
            None
            if ok
            else ("sources must be a list of {speaker, document, date, url, quote, locator}")
        )
    if key == "data":
        return None if isinstance(value, dict) else "data must be a mapping"
    return None  # pragma: no cover


def _source(fields: dict[str, Any]) -> Source:
    return Source(**{k: fields.get(k) for k in SOURCE_FIELDS})


def _yaml(raw: str, parser: _Parser, line: int, column: int = 1, block: bool = False) -> Any:
    """Parse YAML (front matter) or YAML flow data (``{...}``) into JSON values."""
    try:
        return load_yaml(raw)
    except ValueError as error:
        problem_line = line + getattr(error, "line", 0)
        where = "front matter" if block else "data"
        parser.error(f"invalid {where}: {error}", problem_line, column, "data")
        return None


def read(data: str | bytes, source: str | None = None) -> ArgumentMap:
    """Read an Argdown document (text or UTF-8 bytes) into a map.

    Raises:
        ReadError: every problem in the document, each with line and column.
    """
    text = decode_utf8(data, source)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Reading allocates many small objects and frees almost none until the end, so the cyclic
    # garbage collector would only walk the growing heap again and again: pause it meanwhile.
    with paused_gc():
        parser = _Parser(text, source)
        parser.parse()
        try:
            return parser.build()
        finally:
            # The collector runs as soon as it is enabled again and walks every object made
            # since the pause: free the parser's nodes and relations first, not after.
            del parser


JSON = JSONValue
