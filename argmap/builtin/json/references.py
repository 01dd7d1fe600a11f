"""The checks that span a document: ids unique, references resolving, relations that fit.

:class:`~argmap.ArgumentMap` makes the same checks when it is built, naming the first id that
breaks one; these name every one, each with its JSON path.
"""

from __future__ import annotations

from typing import Generic, NamedTuple, Protocol, TypeVar

from argmap.model import Argument, Claim, Relation, RelationKind, Section

_E = TypeVar("_E")


class Placed(NamedTuple, Generic[_E]):
    """An element read from the document, with the JSON path it was read from."""

    path: str
    element: _E


class Report(Protocol):
    """Records one problem at a JSON path."""

    def __call__(
        self, path: str, message: str, code: str = ..., element: str | None = None
    ) -> None:
        """Note ``message`` (with its diagnostic ``code``) at ``path``."""


def check_references(
    error: Report,
    sections: list[Placed[Section]],
    claims: list[Placed[Claim]],
    arguments: list[Placed[Argument]],
    relations: list[Placed[Relation]],
) -> None:
    """Report every duplicate id, dangling reference and misfitting relation through ``error``."""
    kinds: dict[str, str] = {}
    first: dict[str, str] = {}
    for group, what in ((sections, "section"), (claims, "claim"), (arguments, "argument")):
        for path, element in group:
            if element.id in kinds:
                error(
                    f"{path}.id",
                    f"duplicate id {element.id!r}: {first[element.id]} already uses it",
                    "duplicate-id",
                    element.id,
                )
            else:
                kinds[element.id] = what
                first[element.id] = path

    def ref(value: str | None, path: str, allowed: tuple[str, ...], what: str) -> None:
        if value is None:
            return
        kind = kinds.get(value)
        if kind is None:
            error(path, f"{value!r} names no {what} in this map", "dangling-reference", value)
        elif kind not in allowed:
            error(path, f"{value!r} is a {kind}, expected a {what}", "wrong-reference", value)

    parents = {s.id: s.parent for _, s in sections}
    for path, section in sections:
        ref(section.parent, f"{path}.parent", ("section",), "section")
        seen = {section.id}
        parent = section.parent
        while parent is not None and parent in parents:
            if parent in seen:
                error(
                    f"{path}.parent",
                    f"section {section.id!r} is nested inside itself",
                    "section-cycle",
                )
                break
            seen.add(parent)
            parent = parents[parent]
    for path, claim in claims:
        ref(claim.section, f"{path}.section", ("section",), "section")
    for path, argument in arguments:
        ref(argument.section, f"{path}.section", ("section",), "section")
        for i, premise in enumerate(argument.premises):
            ref(premise, f"{path}.premises[{i}]", ("claim",), "claim")
            if premise in argument.premises[:i]:
                error(
                    f"{path}.premises[{i}]",
                    f"premise {premise!r} is given twice",
                    "duplicate-premise",
                )
        ref(argument.conclusion, f"{path}.conclusion", ("claim",), "claim")
        if argument.conclusion is not None and argument.conclusion in argument.premises:
            error(
                f"{path}.conclusion",
                f"{argument.conclusion!r} is both a premise and the conclusion",
                "self-support",
                argument.id,
            )
    seen_relations: dict[tuple[RelationKind, str, str], str] = {}
    for path, relation in relations:
        ref(relation.origin, f"{path}.from", ("claim", "argument"), "claim or argument")
        ref(relation.target, f"{path}.to", ("claim", "argument"), "claim or argument")
        if relation.origin == relation.target:
            error(path, f"{relation.origin!r} cannot {relation.kind.value} itself", "self-support")
        if relation.kind is RelationKind.UNDERCUT and kinds.get(relation.target) == "claim":
            error(
                f"{path}.to",
                f"an undercut must target an argument; {relation.target!r} is a claim "
                "(use 'attack')",
                "wrong-reference",
            )
        if relation.kind is RelationKind.CONTRADICTION:
            for end, value in (("from", relation.origin), ("to", relation.target)):
                if kinds.get(value) == "argument":
                    error(
                        f"{path}.{end}",
                        f"only claims contradict; {value!r} is an argument",
                        "wrong-reference",
                    )
        key = relation.key
        if key in seen_relations:
            error(
                path,
                f"the same relation is already given at {seen_relations[key]}",
                "duplicate-relation",
            )
        else:
            seen_relations[key] = path
