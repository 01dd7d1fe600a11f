"""Adjacency index over a map, and the walk that every tree-shaped view is built from."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

import attrs

from argmap.model.elements import Argument, Claim, Element, Node, Relation, RelationKind, Section


@attrs.frozen
class Step:
    """One step of :meth:`ArgumentMap.walk`.

    Attributes:
        node: The claim or argument reached.
        depth: 0 for the start, 1 for what leads into it directly, and so on.
        via: How ``node`` relates to ``parent``: ``"argument"`` (an argument concluding in
            the parent), ``"premise"`` (a co-premise of the parent argument), or a
            :class:`RelationKind` value (``"support"``, ``"attack"``, ``"undercut"``,
            ``"contradiction"``). ``None`` for the start.
        parent: The node this step leads into; ``None`` for the start.
        repeat: True when ``node`` was already expanded earlier in the walk (shared claim or
            cycle); the walk does not go deeper from here.
    """

    node: Node
    depth: int
    via: str | None = None
    parent: Node | None = None
    repeat: bool = False


class GraphIndex:
    """Incoming and outgoing edges of every node, in insertion order."""

    def __init__(
        self,
        elements: Mapping[str, Element],
        sections: Iterable[Section],
        claims: Iterable[Claim],
        arguments: Iterable[Argument],
        relations: Iterable[Relation],
    ) -> None:
        """Index a map's parts; ``elements`` maps every id of theirs to its element."""
        get = elements.__getitem__
        self.by_title: dict[str, Element] = {}
        arguments = tuple(arguments)
        named: tuple[Element, ...] = (*sections, *claims, *arguments)
        for element in named:
            title = element.title
            if title and title not in self.by_title:
                self.by_title[title] = element
        self._arguments_for: dict[str, list[Argument]] = defaultdict(list)
        self._arguments_using: dict[str, list[Argument]] = defaultdict(list)
        for argument in arguments:
            if argument.conclusion is not None:
                self._arguments_for[argument.conclusion].append(argument)
            for premise in argument.premises:
                self._arguments_using[premise].append(argument)
        self._incoming: dict[str, list[tuple[RelationKind, Node]]] = defaultdict(list)
        self._outgoing: dict[str, list[tuple[RelationKind, Node]]] = defaultdict(list)
        for relation in relations:
            origin = get(relation.origin)
            target = get(relation.target)
            assert isinstance(origin, (Claim, Argument))
            assert isinstance(target, (Claim, Argument))
            self._incoming[relation.target].append((relation.kind, origin))
            self._outgoing[relation.origin].append((relation.kind, target))
            if relation.kind is RelationKind.CONTRADICTION:
                self._incoming[relation.origin].append((relation.kind, target))
                self._outgoing[relation.target].append((relation.kind, origin))
        self._get = get
        self._arguments = arguments

    @functools.cached_property
    def bare_arguments(self) -> frozenset[str]:
        """Plain-step arguments that no relation targets; see ``ArgumentMap.bare_arguments``."""
        targeted = self._incoming.keys()
        return frozenset(a.id for a in self._arguments if a.is_plain_step and a.id not in targeted)

    def arguments_for(self, node_id: str) -> tuple[Argument, ...]:
        """Arguments whose conclusion is ``node_id``."""
        return tuple(self._arguments_for.get(node_id, ()))

    def arguments_using(self, node_id: str) -> tuple[Argument, ...]:
        """Arguments that have ``node_id`` as a premise."""
        return tuple(self._arguments_using.get(node_id, ()))

    def incoming(self, node_id: str) -> tuple[tuple[RelationKind, Node], ...]:
        """Relations into ``node_id`` (contradictions both ways) as (kind, origin) pairs."""
        return tuple(self._incoming.get(node_id, ()))

    def outgoing(self, node_id: str) -> tuple[tuple[RelationKind, Node], ...]:
        """Relations out of ``node_id`` (contradictions both ways) as (kind, target) pairs."""
        return tuple(self._outgoing.get(node_id, ()))

    def reasons(self, node_id: str) -> tuple[Node, ...]:
        """Arguments concluding in ``node_id``, then supporters."""
        supporters = [n for k, n in self._incoming.get(node_id, ()) if k is RelationKind.SUPPORT]
        return (*self._arguments_for.get(node_id, ()), *supporters)

    def objections(self, node_id: str) -> tuple[Node, ...]:
        """Attackers and undercutters of ``node_id``."""
        return tuple(
            n
            for k, n in self._incoming.get(node_id, ())
            if k is RelationKind.ATTACK or k is RelationKind.UNDERCUT
        )

    def contradictions(self, node_id: str) -> tuple[Claim, ...]:
        """Claims contradicting ``node_id``."""
        return tuple(
            n
            for k, n in self._incoming.get(node_id, ())
            if k is RelationKind.CONTRADICTION and isinstance(n, Claim)
        )

    def supports(self, node_id: str) -> tuple[Node, ...]:
        """What ``node_id`` supports."""
        found: list[Node] = []
        node = self._get(node_id)
        if isinstance(node, Argument) and node.conclusion is not None:
            found.append(self._get(node.conclusion))  # type: ignore[arg-type]
        for argument in self._arguments_using.get(node_id, ()):
            if argument.conclusion is not None:
                found.append(self._get(argument.conclusion))  # type: ignore[arg-type]
        found.extend(n for k, n in self._outgoing.get(node_id, ()) if k is RelationKind.SUPPORT)
        return tuple(dict.fromkeys(found))

    def attacks(self, node_id: str) -> tuple[Node, ...]:
        """What ``node_id`` attacks or undercuts."""
        return tuple(
            n
            for k, n in self._outgoing.get(node_id, ())
            if k is RelationKind.ATTACK or k is RelationKind.UNDERCUT
        )

    def children(self, node: Node) -> list[tuple[str, Node]]:
        """What leads into ``node``, as (via, child) pairs, in a stable order.

        For a claim: its arguments, then supporters, attackers, undercutters and contradicting
        claims. For an argument: its premises, then relations into the argument itself.
        """
        found: list[tuple[str, Node]] = []
        if isinstance(node, Argument):
            found.extend(("premise", self._get(p)) for p in node.premises)  # type: ignore[misc]
        else:
            found.extend(("argument", a) for a in self._arguments_for.get(node.id, ()))
        found.extend((k.value, n) for k, n in self._incoming.get(node.id, ()))
        return found

    def walk(self, start: str, *, max_depth: int | None = None) -> Iterator[Step]:
        """Depth-first walk into ``start``; see :meth:`ArgumentMap.walk`."""
        root = self._get(start)
        assert isinstance(root, (Claim, Argument))
        expanded: set[str] = set()
        # An explicit stack: real maps can be deeper than Python's recursion limit.
        stack: list[Step] = [Step(root, 0)]
        while stack:
            step = stack.pop()
            node = step.node
            repeat = node.id in expanded
            if repeat:
                step = attrs.evolve(step, repeat=True)
            yield step
            if repeat or (max_depth is not None and step.depth >= max_depth):
                continue
            expanded.add(node.id)
            children = self.children(node)
            for via, child in reversed(children):
                if via == "contradiction" and step.parent is not None and child is step.parent:
                    continue  # do not bounce back along the symmetric edge just taken
                stack.append(Step(child, step.depth + 1, via, node))
