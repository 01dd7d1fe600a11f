"""Premise-conclusion structures: numbered statements with inference lines between them.

    <Argument>

    (1) [Premise]: text
      - [Objection]          (relations may hang under a statement...)
    (2) [Other premise]
    -- Modus ponens --
      _ [Undercut]           (...and undercuts under an inference)
    (3) [Conclusion]: text

A structure belongs to the argument written in the block just before it, else to a new
untitled one. Its last step is the main conclusion; steps before it make a chain of inferences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from argmap.builtin.argdown.document import (
    UNDERCUT,
    Document,
    Inference,
    Node,
    Problem,
    RawRelation,
    Step,
)
from argmap.builtin.argdown.element import parse_element
from argmap.builtin.argdown.inline import unescape
from argmap.builtin.argdown.trees import TreeItem, continued, parse_tree, relation_item
from argmap.builtin.argdown.yaml_data import split_data

_PCS_ITEM = re.compile(r"\((\d+)\)[ \t]*")
# What ends the continuation lines of an item of a structure: the start of an item, of an
# inference or of a relation.
_PCS_LINE_START = re.compile(r"\(\d+\)|--|(?:<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]")
_UNDERCUTS = ("_", "<_")


class Structure(NamedTuple):
    """What a premise-conclusion structure says about its argument.

    ``extra``: data for the argument: the whole chain (``pcs``) when there is more than one
    inference, else the inference's own data (``inference``), if any.
    """

    premises: list[str]
    conclusion: str
    scheme: str | None
    extra: dict[str, Any]


def parse_structure(doc: Document, block: Sequence[tuple[int, str]], previous: Node | None) -> None:
    """Parse the structure ``block`` into the argument ``previous`` (if it is one) or a new one.

    Problems are recorded in ``doc``; a structure with any is not kept.
    """
    first_line = block[0][0]
    if previous is None or not previous.is_argument:
        argument = doc.add(True, doc.untitled_key(), True, None, [], None, first_line, 1)
        argument.implicit = True
    else:
        argument = previous
    if argument.pcs is not None:
        doc.error(
            f"the argument <{argument.key}> already has a premise-conclusion structure "
            f"(line {argument.pcs_line})",
            first_line,
            1,
            "duplicate-structure",
        )
        return
    steps: list[Step] = []
    lines = block
    i = 0
    last_statement: Node | None = None
    tree: list[TreeItem] = []  # the relations under the last statement, not parsed yet
    problems = 0
    has_inference = False

    while i < len(lines):
        number, line = lines[i]
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        item = _PCS_ITEM.match(stripped)
        if item is not None:
            if tree:
                _statement_tree(doc, tree, last_statement, argument)
            column = indent + item.end() + 1
            raw, i = _continue(lines, i + 1, stripped[item.end() :])
            try:
                node = parse_element(doc, raw, number, column)
            except Problem as problem:
                doc.report(problem)
                problems += 1
                last_statement = None
                continue
            if node.is_argument:
                doc.error(
                    "a premise or conclusion must be a statement, not an argument",
                    number,
                    column,
                )
                problems += 1
                last_statement = None
            else:
                steps.append(node)
                last_statement = node
            continue
        if stripped.startswith("--"):
            if tree:
                _statement_tree(doc, tree, last_statement, argument)
            j = i
            text = stripped
            closed = _inference_closed(text, True)
            while not closed and j + 1 < len(lines):
                j += 1
                text += " " + lines[j][1].strip()
                closed = _inference_closed(text, False)
            if not closed:
                doc.error("this inference is never closed with '--'", number, indent + 1)
                problems += 1
                break
            body = text.strip().strip("-").strip()
            data = None
            if "{" in body:
                try:
                    body, data = split_data(doc, body, number, indent + 3)
                except Problem as problem:
                    doc.report(problem)
                    problems += 1
            rules = [unescape(r).strip() for r in body.split(",") if r.strip()]
            steps.append(Inference(rules, data or {}, number))
            has_inference = True
            last_statement = None
            i = j + 1
            # Undercuts under an inference attack the argument.
            while i < len(lines):
                relation = relation_item(*lines[i])
                if relation is None:
                    break
                relation, i = _relation(lines, i + 1, relation)
                tree.append(relation)
            _inference_tree(doc, tree, argument)
            continue
        relation = relation_item(number, line)
        if relation is not None and last_statement is not None:
            relation, i = _relation(lines, i + 1, relation)
            tree.append(relation)
            continue
        doc.error(
            "a line of a premise-conclusion structure must start with '(n)', an "
            "inference '--' or a relation symbol",
            number,
            indent + 1,
        )
        problems += 1
        i += 1
    if tree:
        _statement_tree(doc, tree, last_statement, argument)
    if problems:
        return
    if not steps or not isinstance(steps[-1], Node) or not has_inference:
        doc.error(
            "a premise-conclusion structure must end with a conclusion after an "
            "inference line such as '----'",
            block[-1][0],
            1,
            "incomplete-structure",
        )
        return
    if isinstance(steps[0], Inference):
        doc.error(
            "a premise-conclusion structure must start with a premise",
            first_line,
            1,
            "incomplete-structure",
        )
        return
    argument.pcs = steps
    argument.pcs_line = first_line
    argument.pcs_section = doc.section


def _continue(lines: Sequence[tuple[int, str]], start: int, raw: str) -> tuple[str, int]:
    """``raw`` with the continuation lines from ``start`` on; the index of the line after."""
    j = start
    while j < len(lines):
        nxt = lines[j][1].lstrip()
        if _PCS_LINE_START.match(nxt):
            break
        raw += " " + nxt
        j += 1
    return raw, j


def _relation(lines: Sequence[tuple[int, str]], start: int, item: TreeItem) -> tuple[TreeItem, int]:
    """``item`` with its continuation lines from ``start`` on; the index of the line after."""
    raw, end = _continue(lines, start, "")
    return (continued(item, raw[1:]) if end > start else item), end


def _statement_tree(
    doc: Document, tree: list[TreeItem], statement: Node | None, argument: Node
) -> None:
    """Parse (and empty) the relations hanging under ``statement`` in a structure."""
    if statement is not None:
        before = len(doc.relations)
        parse_tree(doc, tree, statement)
        # An undercut of a statement of the structure undercuts the argument's step.
        relations = doc.relations
        for k in range(before, len(relations)):
            relation = relations[k]
            if relation.kind == UNDERCUT and relation.target is statement:
                relations[k] = relation._replace(target=argument)
    tree.clear()


def _inference_tree(doc: Document, tree: list[TreeItem], argument: Node) -> None:
    """Parse (and empty) the relations under an inference: undercuts of ``argument`` only."""
    for number, column, _indent, symbol, raw in tree:
        if symbol not in _UNDERCUTS:
            doc.error(
                "only undercuts ('_' or '<_') can hang under an inference",
                number,
                column - len(symbol or "") - 1,
            )
            continue
        try:
            child = parse_element(doc, raw, number, column)
        except Problem as problem:
            doc.report(problem)
            continue
        doc.relations.append(RawRelation(UNDERCUT, child, argument, number, column))
    tree.clear()


def _inference_closed(text: str, single: bool) -> bool:
    """Whether ``text`` is a whole inference line (``----`` or ``-- rules --``).

    ``single``: the text is one line; a line of dashes then needs four of them.
    """
    stripped = text.strip()
    if stripped and not stripped.strip("-"):  # dashes only
        return len(stripped) >= 4 or not single
    return len(stripped) > 2 and stripped.endswith("--") and stripped.startswith("--")


def structure_of(steps: list[Step]) -> Structure:
    """Premises, main conclusion, scheme and extra data of a premise-conclusion structure.

    ``steps`` is a checked structure: it starts with a premise, ends with a conclusion and
    holds an inference; each statement's node has its id.
    """
    premises: list[str] = []
    chain: list[dict[str, Any]] = []
    pending: list[str] = []
    after_inference: Inference | None = None
    for step in steps:
        if isinstance(step, Inference):
            after_inference = step
            continue
        cid = step.id
        if after_inference is not None:
            link: dict[str, Any] = {
                "premises": pending,
                "rules": after_inference.rules,
                "conclusion": cid,
            }
            if after_inference.data:
                link["data"] = after_inference.data
            chain.append(link)
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
    return Structure(premises, conclusion, scheme, extra)


def first_premise(node: Node) -> str | None:
    """The id of the first premise of the argument's structure (None without a structure)."""
    for step in node.pcs or ():
        if isinstance(step, Node):
            return step.id
    return None
