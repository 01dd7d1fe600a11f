"""Strongly connected components, for support cycles and for the evaluation's search."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T", bound=Any)


class Successors(Protocol[T]):
    """Anything that gives a node's successors by indexing: a list of lists, a dict."""

    def __getitem__(self, node: T, /) -> Sequence[T]: ...


def strongly_connected_components(
    nodes: Iterable[T], succ: Successors[T], member: Container[T]
) -> list[list[T]]:
    """Strongly connected components of the subgraph on ``member``, sources first.

    ``nodes`` are the roots to start from; ``succ[v]`` lists the successors of ``v``; only
    nodes in ``member`` are entered. Each component comes sorted.

    An iterative Tarjan: frameworks can be far deeper than Python's recursion limit.
    """
    index: dict[T, int] = {}
    low: dict[T, int] = {}
    on_stack: set[T] = set()
    stack: list[T] = []
    found: list[list[T]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[T, int]] = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, pos = work[-1]
            row = succ[v]
            while pos < len(row):
                w = row[pos]
                pos += 1
                if w not in member:
                    continue
                if w not in index:
                    work[-1] = (v, pos)
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, 0))
                    break
                if w in on_stack and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    if low[v] < low[u]:
                        low[u] = low[v]
                if low[v] == index[v]:
                    component: list[T] = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.append(w)
                        if w == v:
                            break
                    component.sort()
                    found.append(component)
    found.reverse()  # Tarjan finishes sinks first
    return found
