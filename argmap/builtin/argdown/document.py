"""What reading an Argdown document gathers before the map is built.

The parsers (:mod:`.blocks`, :mod:`.trees`, :mod:`.structures`, :mod:`.element`) fill one
:class:`Document`: the statements and arguments met (each a :class:`Node` merging all its
occurrences), the relations between them, the headings, the front matter and every problem
found. :mod:`.build` then turns it into an :class:`~argmap.ArgumentMap`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from argmap.core.diagnostics import Diagnostic, Location, Severity

# The relation kinds as Argdown's symbols name them; an undercut of a statement is read as an
# attack on it (argmap undercuts arguments only), a contradiction has no direction.
SUPPORT, ATTACK, UNDERCUT, CONTRA = "support", "attack", "undercut", "contradiction"


class Problem(Exception):
    """A problem that ends the parsing of an element or a block, where it was found."""

    def __init__(self, message: str, line: int, column: int, code: str = "syntax") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code = code


class Node:
    """An equivalence class (statement) or an argument, as gathered from its occurrences.

    Its place (``line``, ``column``, ``section``) is that of its first definition (an
    occurrence with text), else of its first occurrence. ``auto``: the title was made up
    ("Untitled 3"), so the element has none of its own.
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
        self.pcs: list[Step] | None = None  # the premise-conclusion structure, if any
        self.pcs_line = 0
        self.pcs_section: str | None = None
        self.implicit = False  # an argument made up for a structure without a title above it
        self.id = ""  # chosen when the map is built

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
            self.tags.extend(tags)  # repeats are dropped once, when the map is built
        if data:
            self.data.update(data)
            self.data_line = (line, column)


class Inference(NamedTuple):
    """The inference line of a premise-conclusion structure (``-- rules {data} --``)."""

    rules: list[str]
    data: dict[str, Any]
    line: int


# A step of a premise-conclusion structure: a statement (premise or conclusion) or an inference.
Step = Node | Inference


class RawRelation(NamedTuple):
    """A relation as written: the kind as Argdown names it, between two nodes, and where."""

    kind: str
    origin: Node
    target: Node
    line: int
    column: int


class Heading:
    """A heading: the section it opens (``key`` is ``s1``, ``s2``, ... in document order)."""

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


class Document:
    """Everything read from one Argdown document, and every problem found in it."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.problems: list[Diagnostic] = []
        self.statements: dict[str, Node] = {}
        self.arguments: dict[str, Node] = {}
        self.relations: list[RawRelation] = []
        self.headings: list[Heading] = []
        self.open_headings: list[Heading] = []
        self.section: str | None = None  # the key of the heading read last
        self.untitled = 0
        self.front: dict[str, Any] = {}
        self.front_line = 0
        self.yaml: dict[str, Any] = {}  # PyYAML's value of each YAML text read (see yaml_data)

    def error(
        self,
        message: str,
        line: int,
        column: int = 1,
        code: str = "syntax",
        element: str | None = None,
    ) -> None:
        """Record an error at ``line`` and ``column``."""
        self.problems.append(
            Diagnostic(
                Severity.ERROR,
                code,
                message,
                element,
                Location(file=self.source, line=line, column=column),
            )
        )

    def report(self, problem: Problem) -> None:
        """Record a :class:`Problem` that ended the parsing of an element or block."""
        self.error(problem.message, problem.line, problem.column, problem.code)

    def untitled_key(self) -> str:
        """A fresh title for an element written without one."""
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def add(
        self,
        is_argument: bool,
        key: str,
        auto: bool,
        text: str | None,
        tags: list[str],
        data: dict[str, Any] | None,
        line: int,
        column: int,
    ) -> Node:
        """Add an occurrence (``text`` None: a reference) of the node ``key``; return it."""
        table = self.arguments if is_argument else self.statements
        node = table.get(key)
        if node is None:
            node = table[key] = Node(
                is_argument, key, auto, text, tags, data, line, column, self.section
            )
        else:
            node.add(text, tags, data, line, column, self.section)
        return node
