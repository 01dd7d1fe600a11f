"""What the outline lists under each node, and the words each list item starts with."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Mapping
from itertools import chain
from operator import attrgetter
from typing import cast

from argmap.model import Argument, ArgumentMap, Node, RelationKind

MARKERS = {
    "reason": "➕",
    "objection": "➖",
    "undercut": "⚡",
    "contradiction": "⇄",
    "premise": "•",
}
"""The marker that tells each kind of item apart, beside its words."""

REASON = f"{MARKERS['reason']} **Reason:**"
PREMISE = f"{MARKERS['premise']} **Premise:**"
CONTRADICTS = f"{MARKERS['contradiction']} **Contradicts:**"
ARGUMENT = MARKERS["reason"]
"""The words of an argument listed as such, its premises under it."""

_UNDERCUT = f"{MARKERS['undercut']} **Undercut (denies that the step follows):**"
_AGAINST_ARGUMENT = f"{MARKERS['objection']} **Objection against the argument:**"
_AGAINST_PREMISE = f"{MARKERS['objection']} **Objection (undermines this premise):**"
_REBUTTAL = f"{MARKERS['objection']} **Objection (rebuttal):**"
# The words of an item related to its parent by a relation of each kind (an attack's depend
# on the parent, see Children.of).
_RELATION_WORDS = {
    RelationKind.SUPPORT: REASON,
    RelationKind.UNDERCUT: _UNDERCUT,
    RelationKind.CONTRADICTION: CONTRADICTS,
}


class Item(tuple[str, Node, "Argument | None"]):
    """A list item, made from ``(words, node, stands_for)``.

    The words it starts with, the node it shows and, when it shows a bare argument's only
    premise as a "reason" (the argument gets no item of its own), that argument, else None.
    A tuple with named fields, made by the tuple's own constructor: one is made per edge.
    """

    __slots__ = ()

    @property
    def words(self) -> str:
        """The words the item starts with."""
        return self[0]

    @property
    def node(self) -> Node:
        """The claim or argument the item shows."""
        return self[1]

    @property
    def stands_for(self) -> Argument | None:
        """The bare argument the item stands for, if any."""
        return self[2]


class Children:
    """The items under each node; one instance per export.

    What is listed is what :meth:`GraphIndex.children` gives, in its order, found in one pass
    over the map's arguments and relations: for a claim, the arguments concluding in it, each
    bare one (:attr:`ArgumentMap.bare_arguments`) shown as its premise, a "reason"; for an
    argument, its premises; then, for both, the relations into the node (a contradiction
    both ways).
    """

    def __init__(self, amap: ArgumentMap) -> None:
        """List what goes under each node of ``amap``."""
        # Every premise, origin and target of a map is one of its claims or arguments.
        node_of = cast("Mapping[str, Node]", amap.elements)
        self.node_of = node_of
        self.contradicted: set[str] = set()  # the nodes that take part in a contradiction
        bare = amap.bare_arguments
        table: defaultdict[str, list[Item]] = defaultdict(list)
        reasons: list[str] = []  # the premise of each bare argument
        for argument in amap.arguments:
            conclusion = argument.conclusion
            if conclusion is None:
                pass
            elif argument.id in bare:
                reasons.append(argument.premises[0])
                table[conclusion].append(Item((REASON, node_of[reasons[-1]], argument)))
            else:
                table[conclusion].append(Item((ARGUMENT, argument, None)))
        if len(set(reasons)) < len(reasons):  # a premise of two bare arguments
            for conclusion, items in table.items():
                table[conclusion] = _one_per_step(items)
        premises = set(chain.from_iterable(map(_PREMISES, amap.arguments)))
        for relation in amap.relations:
            kind, target = relation.kind, relation.target
            origin = node_of[relation.origin]
            if kind is not RelationKind.ATTACK:
                table[target].append(Item((_RELATION_WORDS[kind], origin, None)))
            elif isinstance(node_of[target], Argument):
                table[target].append(Item((_AGAINST_ARGUMENT, origin, None)))
            else:
                words = _AGAINST_PREMISE if target in premises else _REBUTTAL
                table[target].append(Item((words, origin, None)))
            if kind is RelationKind.CONTRADICTION:
                table[relation.origin].append(Item((CONTRADICTS, node_of[target], None)))
                self.contradicted.update((relation.origin, target))
        self.table = table

    def of(self, node: Node, written: Container[str]) -> list[Item]:
        """The items under ``node``.

        A contradiction with a node already ``written`` is left out: it was listed there.
        """
        found = self.table.get(node.id, [])
        if node.id in self.contradicted:
            found = [i for i in found if i.words is not CONTRADICTS or i.node.id not in written]
        if isinstance(node, Argument):
            node_of = self.node_of
            return [Item((PREMISE, node_of[premise], None)) for premise in node.premises] + found
        return found


_PREMISES = attrgetter("premises")


def _one_per_step(items: list[Item]) -> list[Item]:
    """``items``, each "reason" standing for the last bare argument from its premise.

    Two bare arguments from one premise to one conclusion are one step in the outline: both
    items stand for the later argument, and the earlier one is listed under "Other claims".
    """
    last = {item.node.id: item.stands_for for item in items if item.stands_for is not None}
    return [
        item if item.stands_for is None else Item((item.words, item.node, last[item.node.id]))
        for item in items
    ]
