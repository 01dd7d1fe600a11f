"""Check a map: every problem at once, errors apart from warnings.

A map that exists is already consistent (unique ids, resolved references; see
:class:`argmap.ArgumentMap`). :func:`validate` looks for what is legal but wrong or doubtful:
malformed dates, claims with no text, arguments with no premises, isolated claims, support
cycles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import attrs

from argmap.core.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap, Claim, Element, RelationKind
from argmap.model.scc import strongly_connected_components


@attrs.frozen
class Report:
    """The result of :func:`validate`: every diagnostic, errors first."""

    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics that make the map unusable."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The diagnostics worth a look."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not self.errors

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def format(self) -> str:
        """Every diagnostic on its own line, then a summary line."""
        lines = [d.format() for d in self.diagnostics]
        lines.append(f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)")
        return "\n".join(lines)


ISO_DATE = re.compile(
    r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?\Z"
)
"""An ISO 8601 calendar date, optionally with a time: ``2022``, ``2022-01``, ``2022-01-27``,
``2022-01-27T10:00:00Z``, ``2022-01-27 10:00`` (the form AIF uses)."""


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is an ISO 8601 date or date-time with sensible month and day."""
    if not ISO_DATE.match(value):
        return False
    month = int(value[5:7]) if len(value) >= 7 else 1
    day = int(value[8:10]) if len(value) >= 10 else 1
    return 1 <= month <= 12 and 1 <= day <= 31


_Add = Callable[["Severity", str, str, "Element | None"], None]


def validate(amap: ArgumentMap) -> Report:
    """Return every problem of ``amap``: errors first, then warnings, each in map order."""
    found: list[Diagnostic] = []

    def add(severity: Severity, code: str, message: str, element: Element | None) -> None:
        found.append(
            Diagnostic(
                severity,
                code,
                message,
                element.id if element is not None else None,
                element.location if element is not None else None,
            )
        )

    if amap.date is not None and not is_iso_date(amap.date):
        add(Severity.ERROR, "invalid-date", f"map date {amap.date!r} is not an ISO 8601 date", None)
    for node in amap:
        if not node.id.strip():
            add(Severity.ERROR, "empty-id", "an id must contain more than white space", node)
        for i, source in enumerate(node.sources):
            if source.date is not None and not is_iso_date(source.date):
                add(
                    Severity.ERROR,
                    "invalid-date",
                    f"{node.id!r} source {i}: date {source.date!r} is not an ISO 8601 date",
                    node,
                )
    _conflicting_relations(amap, add)

    used: set[str] = set()
    for argument in amap.arguments:
        used.update(argument.premises)
        if argument.conclusion is not None:
            used.add(argument.conclusion)
    for relation in amap.relations:
        used.add(relation.origin)
        used.add(relation.target)
    for claim in amap.claims:
        if not claim.text.strip():
            add(Severity.WARNING, "empty-text", f"claim {claim.id!r} has no text", claim)
        if claim.holder is not None and not claim.is_position:
            add(
                Severity.WARNING,
                "holder-without-position",
                f"claim {claim.id!r} names a holder but is not a position",
                claim,
            )
        if claim.id not in used and not claim.is_position:
            add(
                Severity.WARNING,
                "isolated-claim",
                f"claim {claim.id!r} is connected to nothing",
                claim,
            )
    for argument in amap.arguments:
        if not argument.premises:
            add(
                Severity.WARNING,
                "no-premises",
                f"argument {argument.id!r} has no premises",
                argument,
            )
        if argument.conclusion is None:
            add(
                Severity.WARNING,
                "no-conclusion",
                f"argument {argument.id!r} has no conclusion",
                argument,
            )
    for cycle in support_cycles(amap):
        first = amap.get(cycle[0])
        path = " -> ".join([*cycle, cycle[0]])
        add(Severity.WARNING, "support-cycle", f"support cycle: {path}", first)
    found.sort(key=lambda d: d.severity is not Severity.ERROR)
    return Report(tuple(found))


def _conflicting_relations(amap: ArgumentMap, add: _Add) -> None:
    supports: set[tuple[str, str]] = {
        (r.origin, r.target) for r in amap.relations if r.kind is RelationKind.SUPPORT
    }
    for argument in amap.arguments:
        if argument.conclusion is not None and len(argument.premises) == 1:
            supports.add((argument.premises[0], argument.conclusion))
    for relation in amap.relations:
        if relation.kind is RelationKind.ATTACK and (relation.origin, relation.target) in supports:
            add(
                Severity.ERROR,
                "conflicting-relations",
                f"{relation.origin!r} both supports and attacks {relation.target!r}",
                amap.get(relation.origin),
            )


def support_edges(amap: ArgumentMap) -> dict[str, list[str]]:
    """The support graph: premise -> argument -> conclusion, and support relations."""
    edges: dict[str, list[str]] = {}
    for argument in amap.arguments:
        for premise in argument.premises:
            edges.setdefault(premise, []).append(argument.id)
        if argument.conclusion is not None:
            edges.setdefault(argument.id, []).append(argument.conclusion)
    for relation in amap.relations:
        if relation.kind is RelationKind.SUPPORT:
            edges.setdefault(relation.origin, []).append(relation.target)
    return edges


def support_cycles(amap: ArgumentMap) -> list[list[str]]:
    """Each strongly connected part of the support graph that holds a cycle, as a node path.

    Argument nodes are left out of the reported path when a claim stands for them.
    """
    edges = support_edges(amap)
    # Only nodes with successors can lie on a cycle.
    components = strongly_connected_components(list(edges), edges, edges.keys())
    cycles: list[list[str]] = []
    for component in components:
        if len(component) == 1 and component[0] not in edges.get(component[0], ()):
            continue
        members = set(component)
        # Walk the component from its first node in map order to print a real cycle.
        order = {node.id: i for i, node in enumerate(amap)}
        start = min(component, key=lambda n: order.get(n, 0))
        path = [start]
        seen = {start}
        current = start
        while True:
            nxt = next((n for n in edges.get(current, ()) if n in members), None)
            if nxt is None or nxt in seen:
                break
            path.append(nxt)
            seen.add(nxt)
            current = nxt
        claims_only = [n for n in path if isinstance(amap.get(n), Claim)]
        cycles.append(claims_only or path)
    return cycles
