"""The map: one debate's elements held together, checked on construction, indexed on demand.

A map is a graph, not a tree: a claim can be a premise of several arguments, be attacked from
several sides and sit on a cycle. Order is the order in which elements were added, so the same
input always yields the same output. Build maps with :class:`argmap.MapBuilder`; construct an
:class:`ArgumentMap` directly only when you already hold consistent elements (readers do).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from argmap.core.errors import (
    DuplicateIdError,
    InvalidRelationError,
    MapStructureError,
    SelfSupportError,
    UnknownIdError,
)
from argmap.model.elements import (
    Argument,
    Claim,
    Element,
    JSONValue,
    Node,
    Relation,
    RelationKind,
    Section,
    _dict,
    _tuple,
)
from argmap.model.graph import GraphIndex, Step


@attrs.frozen
class ArgumentMap:
    """One debate: its metadata, claims, arguments, relations and sections.

    Constructing a map checks its integrity: ids are unique, every reference resolves,
    nothing supports itself, undercuts target arguments and contradictions join claims.
    A map that breaks this raises a :class:`~argmap.core.errors.MapStructureError` naming the
    offending id; no half-built map exists.

    Queries (:meth:`reasons_for`, :meth:`objections_against`, :meth:`walk`, ...) use an index
    built on first use.
    """

    title: str = ""
    description: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    date: str | None = None
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)
    arguments: tuple[Argument, ...] = attrs.field(default=(), converter=_tuple)
    relations: tuple[Relation, ...] = attrs.field(default=(), converter=_tuple)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_tuple)
    data: dict[str, JSONValue] = attrs.field(default=None, converter=_dict, hash=False)
    _elements: dict[str, Element] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )
    _index: GraphIndex | None = attrs.field(
        init=False, default=None, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        # Comprehensions first; only when the sizes say that some id is used twice does
        # _raise_duplicate walk the elements to name it.
        sections_by_id = {s.id: s for s in self.sections}
        claims_by_id = {c.id: c for c in self.claims}
        arguments_by_id = {a.id: a for a in self.arguments}
        elements: dict[str, Element] = {**sections_by_id, **claims_by_id, **arguments_by_id}
        if len(elements) != len(self.sections) + len(self.claims) + len(self.arguments):
            _raise_duplicate(self)
        object.__setattr__(self, "_elements", elements)
        _check_references(self, sections_by_id, claims_by_id, arguments_by_id)

    @classmethod
    def _checked_by_caller(cls, elements: dict[str, Element], **fields: Any) -> ArgumentMap:
        """Make a map without checking it, for :class:`~argmap.MapBuilder` only.

        The builder enforces every invariant as elements are added and holds the id index
        already, so the map's own check would find nothing. ``fields`` are every field of the
        map, already of its types (tuples, a dict); ``elements`` maps the id of every section,
        claim and argument to it.
        """
        amap = cls.__new__(cls)
        for field in attrs.fields(cls):
            if field.init:
                object.__setattr__(amap, field.name, fields.pop(field.name))
        if fields:
            raise TypeError(f"not fields of a map: {', '.join(fields)}")
        object.__setattr__(amap, "_elements", elements)
        object.__setattr__(amap, "_index", None)
        return amap

    # -- lookup -----------------------------------------------------------------------------

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._elements

    def __iter__(self) -> Iterator[Node]:
        """Claims, then arguments, in the order they were added."""
        yield from self.claims
        yield from self.arguments

    def __len__(self) -> int:
        return len(self.claims) + len(self.arguments)

    @property
    def elements(self) -> Mapping[str, Element]:
        """Every claim, argument and section by id, as a read-only view.

        For code that looks up many ids (an exporter walking 100,000 claims): plain
        subscription, without :meth:`get`'s error translation per call.
        """
        return MappingProxyType(self._elements)

    def get(self, element_id: str) -> Element:
        """Return the claim, argument or section with this id."""
        try:
            return self._elements[element_id]
        except KeyError:
            raise UnknownIdError(element_id) from None

    def claim(self, claim_id: str) -> Claim:
        """Return the claim with this id."""
        element = self._elements.get(claim_id)
        if not isinstance(element, Claim):
            raise UnknownIdError(claim_id, "claim")
        return element

    def argument(self, argument_id: str) -> Argument:
        """Return the argument with this id."""
        element = self._elements.get(argument_id)
        if not isinstance(element, Argument):
            raise UnknownIdError(argument_id, "argument")
        return element

    def section(self, section_id: str) -> Section:
        """Return the section with this id."""
        element = self._elements.get(section_id)
        if not isinstance(element, Section):
            raise UnknownIdError(section_id, "section")
        return element

    def find(self, name: str) -> Element:
        """Return the element whose id or title is ``name`` (an id wins over a title)."""
        if name in self._elements:
            return self._elements[name]
        found = self.index.by_title.get(name)
        if found is None:
            raise UnknownIdError(name, "element", "no element has this id or title")
        return found

    # -- queries ----------------------------------------------------------------------------

    @property
    def index(self) -> GraphIndex:
        """The adjacency index behind the queries (built once, on first use)."""
        if self._index is None:
            index = GraphIndex(
                self._elements, self.sections, self.claims, self.arguments, self.relations
            )
            object.__setattr__(self, "_index", index)
        assert self._index is not None
        return self._index

    @property
    def bare_arguments(self) -> frozenset[str]:
        """The ids of arguments that exporters may show as one support edge, premise to conclusion.

        A bare argument is a plain step (:attr:`Argument.is_plain_step`) that no relation
        targets: drawing it as an edge loses nothing. Computed once per map.
        """
        return self.index.bare_arguments

    @property
    def positions(self) -> tuple[Claim, ...]:
        """The claims marked as positions, in order."""
        return tuple(c for c in self.claims if c.is_position)

    def reasons_for(self, node_id: str) -> tuple[Node, ...]:
        """Arguments concluding in ``node_id``, then claims or arguments supporting it."""
        self.get(node_id)
        return self.index.reasons(node_id)

    def objections_against(self, node_id: str) -> tuple[Node, ...]:
        """What attacks or undercuts ``node_id``, in order."""
        self.get(node_id)
        return self.index.objections(node_id)

    def contradictions_of(self, claim_id: str) -> tuple[Claim, ...]:
        """The claims that contradict ``claim_id``."""
        self.get(claim_id)
        return self.index.contradictions(claim_id)

    def supports(self, node_id: str) -> tuple[Node, ...]:
        """What ``node_id`` supports: conclusions it is a premise for, and support targets."""
        self.get(node_id)
        return self.index.supports(node_id)

    def attacks(self, node_id: str) -> tuple[Node, ...]:
        """What ``node_id`` attacks or undercuts."""
        self.get(node_id)
        return self.index.attacks(node_id)

    def arguments_using(self, claim_id: str) -> tuple[Argument, ...]:
        """The arguments in which ``claim_id`` is a premise."""
        self.get(claim_id)
        return self.index.arguments_using(claim_id)

    def walk(self, start: str, *, max_depth: int | None = None) -> Iterator[Step]:
        """Walk the reasons and objections that lead into ``start``, depth first.

        Each element is expanded once; a later meeting yields a step with ``repeat=True``
        and goes no deeper, so the walk ends on cycles and shared claims.
        """
        self.get(start)
        return self.index.walk(start, max_depth=max_depth)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """Show the map in Jupyter: its diagram as SVG, or its Markdown outline."""
        from argmap.render.notebook import mimebundle

        return mimebundle(self, include, exclude)


def check_integrity(amap: ArgumentMap) -> None:
    """Raise :class:`MapStructureError` if ``amap`` breaks an invariant of the model."""
    _raise_duplicate(amap)
    _check_references(
        amap,
        {s.id for s in amap.sections},
        {c.id for c in amap.claims},
        {a.id for a in amap.arguments},
    )


def _raise_duplicate(amap: ArgumentMap) -> None:
    """Raise :class:`DuplicateIdError` for the first id used twice in ``amap``, if any."""
    seen: set[str] = set()
    for group, what in (
        (amap.sections, "section"),
        (amap.claims, "claim"),
        (amap.arguments, "argument"),
    ):
        for element in group:
            if element.id in seen:
                raise DuplicateIdError(element.id, what)
            seen.add(element.id)


def _check_references(
    amap: ArgumentMap,
    section_ids: Collection[str],
    claim_ids: Collection[str],
    argument_ids: Collection[str],
) -> None:
    for section in amap.sections:
        if section.parent is not None and section.parent not in section_ids:
            raise UnknownIdError(section.parent, "section", f"parent of section {section.id!r}")
    _check_section_tree(amap.sections)
    for claim in amap.claims:
        if claim.section is not None and claim.section not in section_ids:
            raise UnknownIdError(claim.section, "section", f"section of claim {claim.id!r}")
    for argument in amap.arguments:
        premises = argument.premises
        conclusion = argument.conclusion
        if argument.section is not None and argument.section not in section_ids:
            raise UnknownIdError(
                argument.section, "section", f"section of argument {argument.id!r}"
            )
        for premise in premises:
            if premise not in claim_ids:
                raise UnknownIdError(premise, "claim", f"premise of argument {argument.id!r}")
        if conclusion is not None:
            if conclusion not in claim_ids:
                raise UnknownIdError(conclusion, "claim", f"conclusion of argument {argument.id!r}")
            if conclusion in premises:
                raise SelfSupportError(conclusion)
        if len(premises) > 1 and len(set(premises)) != len(premises):
            raise MapStructureError(f"argument {argument.id!r} names a premise twice")
    seen: set[tuple[RelationKind, str, str]] = set()
    elements = amap._elements
    attack = RelationKind.ATTACK
    for relation in amap.relations:
        origin, target, kind = relation.origin, relation.target, relation.kind
        if (origin not in claim_ids and origin not in argument_ids) or (
            target not in claim_ids and target not in argument_ids
        ):
            end, ref = (
                ("origin", origin)
                if origin not in claim_ids and origin not in argument_ids
                else ("target", target)
            )
            raise UnknownIdError(
                ref, "claim or argument", f"{end} of {kind.value} relation {origin!r} -> {target!r}"
            )
        if kind is not attack or origin == target:  # an attack between two nodes always fits
            check_relation_kinds(relation, elements[origin], elements[target])
        key = (kind, origin, target) if kind is attack else relation.key
        if key in seen:
            raise MapStructureError(
                f"the {relation.kind.value} relation {relation.origin!r} -> "
                f"{relation.target!r} is given twice"
            )
        seen.add(key)


def check_relation_kinds(relation: Relation, origin: Element, target: Element) -> None:
    """Raise if ``relation`` joins elements of kinds it cannot join."""
    if relation.origin == relation.target:
        raise SelfSupportError(relation.origin, relation.kind.value)
    if relation.kind is RelationKind.UNDERCUT and not isinstance(target, Argument):
        raise InvalidRelationError(
            f"undercut {relation.origin!r} -> {relation.target!r}: only an argument can be "
            "undercut; use an attack against a claim"
        )
    if relation.kind is RelationKind.CONTRADICTION and not (
        isinstance(origin, Claim) and isinstance(target, Claim)
    ):
        raise InvalidRelationError(
            f"contradiction {relation.origin!r} >< {relation.target!r}: only claims contradict"
        )


def _check_section_tree(sections: tuple[Section, ...]) -> None:
    parents = {s.id: s.parent for s in sections}
    for section in sections:
        seen = {section.id}
        parent = section.parent
        while parent is not None:
            if parent in seen:
                raise MapStructureError(f"section {section.id!r} is nested inside itself")
            seen.add(parent)
            parent = parents.get(parent)
