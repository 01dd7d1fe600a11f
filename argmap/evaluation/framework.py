"""Abstract (Dung) argumentation frameworks and their semantics.

A :class:`Framework` holds named arguments (numbered ``0 .. n-1``) and attacks between them.
:func:`grounded` labels it in linear time. :func:`solve` gives preferred, stable and complete
semantics as, for each argument, how many extensions contain it and how many defeat it,
without listing the extensions: the framework is first reduced by the grounded labelling, the
undecided rest is cut into strongly connected components (SCCs), and each SCC is searched with
constraint propagation given the labels of the SCCs above it (SCC-recursive semantics, Baroni,
Giacomin and Guida 2005). Independent parts multiply their counts instead of being combined,
so a framework made of many small conflicts is cheap however many extensions it has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from argmap.evaluation.result import EvaluationError
from argmap.model.scc import strongly_connected_components

UNDEC = 0
IN = 1
OUT = 2

_I, _O, _U = 1, 2, 4  # domain bits in the SCC search
_BIT_TO_LABEL = {_I: IN, _O: OUT, _U: UNDEC}

MAX_EXTENSIONS = 10**12
"""Above this many extensions in one connected part, :func:`solve` gives up with an error."""

MAX_SEARCH_NODES = 5_000_000
"""The most search steps :func:`solve` spends before giving up with an error."""


class Framework:
    """An abstract argumentation framework: arguments ``0 .. n-1`` with names, and attacks.

    Attributes:
        names: The name of each argument, by number.
        attackers: For each argument, the arguments attacking it (in the order given).
        targets: For each argument, the arguments it attacks (in the order given).
    """

    __slots__ = ("attackers", "names", "targets")

    def __init__(self, names: Sequence[str], attacks: Iterable[tuple[int, int]] = ()) -> None:
        """Make a framework from argument names and ``(attacker, target)`` number pairs.

        Repeated attacks are kept once. Self-attacks are allowed.
        """
        n = len(names)
        self.names: list[str] = list(names)
        self.attackers: list[list[int]] = [[] for _ in range(n)]
        self.targets: list[list[int]] = [[] for _ in range(n)]
        seen: set[tuple[int, int]] = set()
        for a, b in attacks:
            if not (0 <= a < n and 0 <= b < n):
                raise EvaluationError(f"attack {a} -> {b} names an argument that does not exist")
            if (a, b) in seen:
                continue
            seen.add((a, b))
            self.targets[a].append(b)
            self.attackers[b].append(a)

    @classmethod
    def from_lists(
        cls, names: Sequence[str], attackers: list[list[int]], targets: list[list[int]]
    ) -> Framework:
        """Make a framework from ready adjacency lists (no checks; for large generated ones)."""
        self = cls.__new__(cls)
        self.names = list(names)
        self.attackers = attackers
        self.targets = targets
        return self

    def __len__(self) -> int:
        return len(self.names)

    @property
    def attacks(self) -> Iterator[tuple[int, int]]:
        """Every attack as an ``(attacker, target)`` pair, by attacker, in order."""
        for a, row in enumerate(self.targets):
            for b in row:
                yield a, b

    def attack_count(self) -> int:
        """The number of attacks."""
        return sum(len(row) for row in self.targets)

    def index(self) -> dict[str, int]:
        """Argument numbers by name."""
        return {name: i for i, name in enumerate(self.names)}


def grounded(af: Framework) -> tuple[bytearray, list[int]]:
    """The grounded labelling, in time linear in the size of the framework.

    Returns:
        The label of each argument (:data:`IN`, :data:`OUT` or :data:`UNDEC`) and, for each,
        the round in which it was labelled (``-1`` for undecided): an ``in`` argument's
        attackers were all labelled in earlier rounds, so following the earliest reasons
        always ends.
    """
    label = grounded_labels(af, rounds := [-1] * len(af))
    return label, rounds


def grounded_labels(af: Framework, rounds: list[int] | None = None) -> bytearray:
    """The grounded labelling alone; fills ``rounds`` (see :func:`grounded`) when given."""
    attackers = af.attackers
    targets = af.targets
    n = len(attackers)
    label = bytearray(n)
    alive = [len(row) for row in attackers]
    frontier = [i for i, count in enumerate(alive) if not count]
    step = 0
    while frontier:
        nxt: list[int] = []
        push = nxt.append
        for a in frontier:
            if label[a]:
                continue
            label[a] = IN
            if rounds is not None:
                rounds[a] = step
            for b in targets[a]:
                if label[b]:
                    continue
                label[b] = OUT
                if rounds is not None:
                    rounds[b] = step + 1
                for c in targets[b]:
                    left = alive[c] - 1
                    alive[c] = left
                    if not left:
                        push(c)
        frontier = nxt
        step += 2
    return label


@attrs.frozen
class Acceptance:
    """What a multi-extension semantics says about each argument.

    Attributes:
        extensions: The number of extensions.
        in_count: For each argument, in how many extensions it is in.
        out_count: For each argument, in how many extensions it is defeated (out).
    """

    extensions: int
    in_count: list[int]
    out_count: list[int]

    def sceptical(self, i: int) -> bool:
        """Whether argument ``i`` is in every extension (false when there is none)."""
        return self.extensions > 0 and self.in_count[i] == self.extensions

    def credulous(self, i: int) -> bool:
        """Whether argument ``i`` is in some extension."""
        return self.in_count[i] > 0

    def label(self, i: int) -> int:
        """The sceptical label: in every extension, out in every extension, or undecided."""
        if self.extensions == 0:
            return UNDEC
        if self.in_count[i] == self.extensions:
            return IN
        if self.out_count[i] == self.extensions:
            return OUT
        return UNDEC


def solve(af: Framework, semantics: str) -> Acceptance:
    """Count the extensions of ``af`` under ``semantics`` and how each argument fares in them.

    Args:
        af: The framework.
        semantics: ``"grounded"``, ``"complete"``, ``"preferred"`` or ``"stable"``.

    Raises:
        EvaluationError: For an unknown semantics, or when one connected part has more than
            :data:`MAX_EXTENSIONS` extensions or needs more than :data:`MAX_SEARCH_NODES`
            search steps.
    """
    if semantics not in ("grounded", "complete", "preferred", "stable"):
        raise EvaluationError(f"unknown semantics {semantics!r}")
    n = len(af)
    label = grounded_labels(af)
    in_count = [0] * n
    out_count = [0] * n
    undecided = [i for i in range(n) if label[i] == UNDEC]
    if semantics == "grounded" or not undecided:
        if semantics == "stable" and undecided:
            return Acceptance(0, in_count, out_count)
        for i in range(n):
            if label[i] == IN:
                in_count[i] = 1
            elif label[i] == OUT:
                out_count[i] = 1
        return Acceptance(1, in_count, out_count)
    search = _Search(af, label, semantics)
    results = [(part, search.part(part)) for part in _parts(af, label, undecided)]
    total = 1
    for _, counts in results:
        total *= counts.extensions
    if total == 0:
        return Acceptance(0, in_count, out_count)
    # Parts are independent: each extension of one part goes with every extension of the others.
    for part, counts in results:
        others = total // counts.extensions
        for i in part:
            in_count[i] = counts.in_count.get(i, 0) * others
            out_count[i] = counts.out_count.get(i, 0) * others
    # Arguments decided by the grounded labelling are so in every extension.
    for i in range(n):
        if label[i] == IN:
            in_count[i] = total
        elif label[i] == OUT:
            out_count[i] = total
    return Acceptance(total, in_count, out_count)


@attrs.frozen
class _PartCounts:
    extensions: int
    in_count: dict[int, int]
    out_count: dict[int, int]


def _parts(af: Framework, label: bytearray, undecided: list[int]) -> list[list[int]]:
    """The weakly connected parts of the undecided arguments, each in number order."""
    seen: set[int] = set()
    parts: list[list[int]] = []
    for start in undecided:
        if start in seen:
            continue
        seen.add(start)
        part = [start]
        stack = [start]
        while stack:
            a = stack.pop()
            for b in (*af.attackers[a], *af.targets[a]):
                if b not in seen and label[b] == UNDEC:
                    seen.add(b)
                    part.append(b)
                    stack.append(b)
        part.sort()
        parts.append(part)
    return parts


class _Search:
    """The SCC-recursive search over one weakly connected part at a time."""

    def __init__(self, af: Framework, label: bytearray, semantics: str) -> None:
        self.af = af
        self.semantics = semantics
        self.fixed = label  # grounded labels; undecided ones are searched
        self.current: dict[int, int] = {}  # labels chosen so far in the search
        self.steps = 0

    def part(self, part: list[int]) -> _PartCounts:
        member = set(part)
        components = strongly_connected_components(part, self.af.targets, member)
        in_count: dict[int, int] = {}
        out_count: dict[int, int] = {}
        cache: list[dict[tuple[int, ...], list[dict[int, int]]]] = [{} for _ in components]
        inputs = [self._inputs(c, member) for c in components]
        total = self._walk(components, inputs, cache, in_count, out_count)
        if total > MAX_EXTENSIONS:
            raise EvaluationError(f"more than {MAX_EXTENSIONS} extensions in one part")
        return _PartCounts(total, in_count, out_count)

    def _inputs(self, component: list[int], member: set[int]) -> list[int]:
        inside = set(component)
        found: set[int] = set()
        for x in component:
            for a in self.af.attackers[x]:
                if a in member and a not in inside:
                    found.add(a)
        return sorted(found)

    def _walk(
        self,
        components: list[list[int]],
        inputs: list[list[int]],
        cache: list[dict[tuple[int, ...], list[dict[int, int]]]],
        in_count: dict[int, int],
        out_count: dict[int, int],
    ) -> int:
        """Count the extensions of a part, SCC by SCC.

        Each label is credited with the number of extensions below it. An explicit stack:
        parts can have thousands of SCCs.
        """
        current = self.current
        last = len(components) - 1

        def options_for(k: int) -> list[dict[int, int]]:
            key = tuple(current[a] for a in inputs[k])
            found = cache[k].get(key)
            if found is None:
                found = self._solve_scc(components[k])
                cache[k][key] = found
            return found

        # frame: [level, options, next option, extensions counted so far]
        stack: list[list[Any]] = [[0, options_for(0), 0, 0]]
        returned: int | None = None
        while True:
            frame = stack[-1]
            k, options, i = frame[0], frame[1], frame[2]
            if returned is not None:
                for x, value in options[i - 1].items():
                    if value == IN:
                        in_count[x] = in_count.get(x, 0) + returned
                    elif value == OUT:
                        out_count[x] = out_count.get(x, 0) + returned
                frame[3] += returned
                if frame[3] > MAX_EXTENSIONS:
                    raise EvaluationError(
                        f"more than {MAX_EXTENSIONS} {self.semantics} extensions in one "
                        "connected part of the framework"
                    )
                returned = None
            if i < len(options):
                current.update(options[i])
                frame[2] = i + 1
                if k == last:
                    returned = 1
                else:
                    stack.append([k + 1, options_for(k + 1), 0, 0])
                continue
            for x in components[k]:
                current.pop(x, None)
            stack.pop()
            if not stack:
                return int(frame[3])
            returned = frame[3]

    def _solve_scc(self, component: list[int]) -> list[dict[int, int]]:
        """The labellings of one SCC allowed by the semantics, given the labels above it."""
        attackers = self.af.attackers
        targets = self.af.targets
        inside = set(component)
        full = _U if self.semantics != "stable" else 0
        full |= _I | _O
        domain: dict[int, int] = dict.fromkeys(component, full)
        outside: dict[int, int] = {}
        for x in component:
            for a in attackers[x]:
                if a in inside:
                    continue
                fixed = self.fixed[a]
                value = fixed if fixed != UNDEC else self.current.get(a, UNDEC)
                # Arguments out in the grounded labelling never matter to an undecided one.
                outside[a] = {IN: _I, OUT: _O, UNDEC: _U}[value]
        results: list[dict[int, int]] = []
        maximal_sets: list[frozenset[int]] = []
        preferred = self.semantics == "preferred"

        def dom(a: int) -> int:
            return domain[a] if a in inside else outside.get(a, _O)

        def propagate(d: dict[int, int], queue: list[int]) -> bool:
            nonlocal domain
            domain = d
            pending = set(queue)
            while queue:
                self.steps += 1
                x = queue.pop()
                pending.discard(x)
                dx = d[x]
                atk = attackers[x]
                some_i = any_i = any_u = False
                all_o = True
                for a in atk:
                    da = dom(a)
                    if da == _I:
                        some_i = True
                    if da & _I:
                        any_i = True
                    if da & _U:
                        any_u = True
                    if da != _O:
                        all_o = False
                new = dx
                if some_i:
                    new &= _O
                if all_o:
                    new &= _I
                if not any_i:
                    new &= ~_O
                if not any_u:
                    new &= ~_U
                for a in atk:
                    if not dom(a) & _O:
                        new &= ~_I
                        break
                if not new:
                    return False
                changed: list[int] = []
                if new != dx:
                    d[x] = new
                    changed.append(x)
                # What x's label asks of its attackers inside the SCC.
                if new == _I:
                    for a in atk:
                        if a in inside:
                            da = d[a]
                            if da != _O:
                                if not da & _O:
                                    return False
                                d[a] = _O
                                changed.append(a)
                        elif dom(a) != _O:
                            return False
                elif new == _O:
                    can = [a for a in atk if dom(a) & _I]
                    if not can:
                        return False
                    if len(can) == 1 and dom(can[0]) != _I:
                        a = can[0]
                        if a not in inside:
                            return False
                        d[a] = _I
                        changed.append(a)
                elif new == _U:
                    for a in atk:
                        da = dom(a)
                        if da & _I:
                            if da == _I or a not in inside:
                                return False
                            d[a] = da & ~_I
                            changed.append(a)
                    can = [a for a in atk if dom(a) & _U]
                    if not can:
                        return False
                    if len(can) == 1 and dom(can[0]) != _U:
                        a = can[0]
                        if a not in inside:
                            return False
                        d[a] = _U
                        changed.append(a)
                for c in changed:
                    for y in (c, *targets[c]):
                        if y in inside and y not in pending:
                            pending.add(y)
                            queue.append(y)
            return True

        def possible_in(d: dict[int, int]) -> frozenset[int]:
            return frozenset(x for x, v in d.items() if v & _I)

        def search(d: dict[int, int], queue: list[int]) -> None:
            if self.steps > MAX_SEARCH_NODES:
                raise EvaluationError(
                    f"the {self.semantics} search gave up after {MAX_SEARCH_NODES} steps "
                    f"on a strongly connected part of {len(component)} arguments"
                )
            if not propagate(d, queue):
                return
            if preferred:
                could = possible_in(d)
                if any(could <= s for s in maximal_sets):
                    return
            open_ = [x for x in component if d[x] not in (_I, _O, _U)]
            if not open_:
                labelling = {x: _BIT_TO_LABEL[d[x]] for x in component}
                if preferred:
                    chosen = frozenset(x for x, v in labelling.items() if v == IN)
                    maximal_sets[:] = [s for s in maximal_sets if not s < chosen]
                    maximal_sets.append(chosen)
                results.append(labelling)
                return
            # Branch on the open argument with the most attacks around it, in first.
            x = max(open_, key=lambda y: (len(attackers[y]) + len(targets[y]), -y))
            for bit in (_I, _O, _U):
                if d[x] & bit:
                    e = dict(d)
                    e[x] = bit
                    search(e, [y for y in (x, *targets[x]) if y in inside])

        search(dict(domain), list(component))
        if preferred:
            keep = set(maximal_sets)
            results = [r for r in results if frozenset(x for x, v in r.items() if v == IN) in keep]
            unique: dict[frozenset[int], dict[int, int]] = {}
            for r in results:
                unique.setdefault(frozenset(x for x, v in r.items() if v == IN), r)
            results = list(unique.values())
        return results
