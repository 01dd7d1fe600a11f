"""The argument-map model: immutable values for claims, arguments, relations and sections.

A map is a graph, not a tree: a claim can be a premise of several arguments, be attacked from
several sides and sit on a cycle. Order is the order in which elements were added, so the same
input always yields the same output. Build maps with :class:`argmap.MapBuilder`; construct an
:class:`ArgumentMap` directly only when you already hold consistent elements (readers do).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, Union

import attrs

from argmap.errors import (
    DuplicateIdError,
    InvalidRelationError,
    MapStructureError,
    SelfSupportError,
    UnknownIdError,
)

if TYPE_CHECKING:
    from argmap.graph import GraphIndex, Step

JSONValue = Union[None, bool, int, float, str, list["JSONValue"], dict[str, "JSONValue"]]
"""A value that JSON can carry; the type of the free ``data`` of every element."""


class RelationKind(str, enum.Enum):
    """The kinds of relation between elements of a map.

    ``SUPPORT`` and ``ATTACK`` run from the reason or objection to its target; ``UNDERCUT`` runs
    from an objection to an argument (it denies the step from premises to conclusion);
    ``CONTRADICTION`` is symmetric and joins two claims.
    """

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTION = "contradiction"

    def __str__(self) -> str:
        return self.value


class Verdict(str, enum.Enum):
    """An analyst's override of a claim's status, used by evaluation."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    QUESTIONED = "questioned"

    def __str__(self) -> str:
        return self.value


class Location(NamedTuple):
    """Where an element came from: a file position, a JSON path, or both.

    Locations never take part in the equality of elements: a map read from Argdown equals the
    same map read from JSON. (A named tuple: readers make one per element, so it must be cheap.)
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None

    def format(self) -> str:
        """Return ``file:line:column`` (or as much of it as is known), then the JSON path."""
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        text = ":".join(parts)
        if self.path is not None:
            text = f"{text}: {self.path}" if text else self.path
        return text


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, str):
        raise TypeError("expected a sequence of strings, got a single string")
    return value if type(value) is tuple else tuple(value)


def _dict(value: Any) -> dict[str, JSONValue]:
    if value is None:
        return {}
    return value if type(value) is dict else dict(value)


_location_field: Any = attrs.field(default=None, eq=False, repr=False, kw_only=True)

_Setter = Callable[[Any, Any], None]
_object_setattr = object.__setattr__


def _slot_setters(cls: type, names: str) -> tuple[_Setter, ...]:
    """Return the raw slot setters of a frozen attrs class, one per name, in order.

    Claims, arguments, relations and sources are made by the hundred thousand when a large map
    is read or built, so their ``__init__`` is written by hand (attrs still makes equality,
    hashing and repr): it converts only what is not already of the right type (lists to
    tuples, strings to enums, None to an empty dict) and stores through the slot descriptors,
    which skips the frozen ``__setattr__``. That makes one about a third cheaper than attrs'
    generated ``__init__``, which calls a converter per field and looks every attribute up
    through ``object.__setattr__``; passing the fields positionally saves as much again.
    """
    return tuple(cls.__dict__[name].__set__ for name in names.split())


@attrs.frozen(init=False)
class Source:
    """Where a claim comes from: who said it, in which document, when, and the verbatim words.

    Attributes:
        speaker: The person or body that made the statement ("Sergey Lavrov").
        document: The title of the document it appears in.
        date: An ISO 8601 date or date-time (``2022-01-27``).
        url: Where the document can be found.
        quote: The verbatim words, exactly as in the document.
        locator: Where in the document (a page, paragraph, timestamp or span).
    """

    speaker: str | None = None
    document: str | None = None
    date: str | None = None
    url: str | None = None
    quote: str | None = None
    locator: str | None = None

    def __init__(
        self,
        speaker: str | None = None,
        document: str | None = None,
        date: str | None = None,
        url: str | None = None,
        quote: str | None = None,
        locator: str | None = None,
    ) -> None:
        set_speaker, set_document, set_date, set_url, set_quote, set_locator = _SOURCE_SLOTS
        set_speaker(self, speaker)
        set_document(self, document)
        set_date(self, date)
        set_url(self, url)
        set_quote(self, quote)
        set_locator(self, locator)


@attrs.frozen(init=False)
class Claim:
    """A proposition that can be accepted or rejected (Argdown: a statement).

    A claim becomes a *premise* by being used in an argument and an *objection* by attacking
    something; those are roles, not kinds. Only *position* is marked on the claim itself: a
    thesis that a party of the debate puts forward.

    Attributes:
        id: Unique within the map.
        text: The proposition. May be empty (validation warns).
        title: A short name ("Indivisible security").
        is_position: Whether the claim is a thesis of the debate.
        holder: Who holds the position ("Russia").
        tags: Free labels, in order.
        sources: Where the claim comes from.
        section: The id of the section the claim belongs to.
        verdict: An analyst's override for evaluation.
        data: Free JSON data.
        location: Where the claim was read from (not part of equality).
    """

    id: str
    text: str = ""
    title: str | None = None
    is_position: bool = False
    holder: str | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    section: str | None = None
    verdict: Verdict | None = None
    data: dict[str, JSONValue] = attrs.field(factory=dict, hash=False)
    location: Location | None = _location_field

    def __init__(
        self,
        id: str,
        text: str = "",
        title: str | None = None,
        is_position: bool = False,
        holder: str | None = None,
        tags: Iterable[str] = (),
        sources: Iterable[Source] = (),
        section: str | None = None,
        verdict: Verdict | str | None = None,
        data: Mapping[str, JSONValue] | None = None,
        *,
        location: Location | None = None,
    ) -> None:
        (
            set_id,
            set_text,
            set_title,
            set_is_position,
            set_holder,
            set_tags,
            set_sources,
            set_section,
            set_verdict,
            set_data,
            set_location,
        ) = _CLAIM_SLOTS
        set_id(self, id)
        set_text(self, text)
        set_title(self, title)
        set_is_position(self, is_position)
        set_holder(self, holder)
        set_tags(self, tags if type(tags) is tuple else _tuple(tags))
        set_sources(self, sources if type(sources) is tuple else _tuple(sources))
        set_section(self, section)
        set_verdict(self, verdict if verdict is None else Verdict(verdict))
        set_data(self, data if type(data) is dict else _dict(data))
        set_location(self, location)

    @property
    def label(self) -> str:
        """The title when there is one, else the text."""
        return self.title if self.title else self.text


@attrs.frozen(init=False)
class Argument:
    """A step of reasoning: premises that together lead to a conclusion.

    Co-premises that only work together belong to one argument (*linked*); independent reasons
    are separate arguments (*convergent*). An argument read from Argdown may have neither
    premises nor conclusion yet (validation warns).

    Attributes:
        id: Unique within the map.
        premises: Ids of the co-premise claims, in order.
        conclusion: Id of the claim the premises lead to.
        title: A short name.
        gist: The argument in one sentence.
        scheme: The inference rule or argumentation scheme ("Argument from Expert Opinion").
        tags: Free labels, in order.
        sources: Where the argument comes from.
        section: The id of the section the argument belongs to.
        data: Free JSON data.
        location: Where the argument was read from (not part of equality).
    """

    id: str
    premises: tuple[str, ...] = ()
    conclusion: str | None = None
    title: str | None = None
    gist: str | None = None
    scheme: str | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    section: str | None = None
    data: dict[str, JSONValue] = attrs.field(factory=dict, hash=False)
    location: Location | None = _location_field

    def __init__(
        self,
        id: str,
        premises: Iterable[str] = (),
        conclusion: str | None = None,
        title: str | None = None,
        gist: str | None = None,
        scheme: str | None = None,
        tags: Iterable[str] = (),
        sources: Iterable[Source] = (),
        section: str | None = None,
        data: Mapping[str, JSONValue] | None = None,
        *,
        location: Location | None = None,
    ) -> None:
        (
            set_id,
            set_premises,
            set_conclusion,
            set_title,
            set_gist,
            set_scheme,
            set_tags,
            set_sources,
            set_section,
            set_data,
            set_location,
        ) = _ARGUMENT_SLOTS
        set_id(self, id)
        set_premises(self, premises if type(premises) is tuple else _tuple(premises))
        set_conclusion(self, conclusion)
        set_title(self, title)
        set_gist(self, gist)
        set_scheme(self, scheme)
        set_tags(self, tags if type(tags) is tuple else _tuple(tags))
        set_sources(self, sources if type(sources) is tuple else _tuple(sources))
        set_section(self, section)
        set_data(self, data if type(data) is dict else _dict(data))
        set_location(self, location)

    @property
    def label(self) -> str:
        """The title when there is one, else the gist, else the id."""
        return self.title or self.gist or self.id


@attrs.frozen(init=False)
class Relation:
    """A typed link between two elements (claims or arguments).

    Attributes:
        kind: Support, attack, undercut or contradiction.
        origin: Id of the reason or objection (for a contradiction: either side).
        target: Id of what it supports, attacks or undercuts.
        data: Free JSON data.
        location: Where the relation was read from (not part of equality).
    """

    kind: RelationKind
    origin: str
    target: str
    data: dict[str, JSONValue] = attrs.field(factory=dict, hash=False)
    location: Location | None = _location_field

    def __init__(
        self,
        kind: RelationKind | str,
        origin: str,
        target: str,
        data: Mapping[str, JSONValue] | None = None,
        *,
        location: Location | None = None,
    ) -> None:
        set_kind, set_origin, set_target, set_data, set_location = _RELATION_SLOTS
        set_kind(self, kind if type(kind) is RelationKind else RelationKind(kind))
        set_origin(self, origin)
        set_target(self, target)
        set_data(self, data if type(data) is dict else _dict(data))
        set_location(self, location)

    @property
    def key(self) -> tuple[RelationKind, str, str]:
        """What makes two relations the same one (contradiction ignores direction)."""
        if self.kind is RelationKind.CONTRADICTION and self.target < self.origin:
            return (self.kind, self.target, self.origin)
        return (self.kind, self.origin, self.target)


@attrs.frozen
class Section:
    """A named group of claims and arguments; sections nest through ``parent``.

    Attributes:
        id: Unique within the map.
        title: The heading.
        parent: Id of the enclosing section, if any.
        data: Free JSON data.
        location: Where the section was read from (not part of equality).
    """

    id: str
    title: str
    parent: str | None = None
    data: dict[str, JSONValue] = attrs.field(factory=dict, converter=_dict, hash=False)
    location: Location | None = _location_field


_SOURCE_SLOTS = _slot_setters(Source, "speaker document date url quote locator")
_CLAIM_SLOTS = _slot_setters(
    Claim, "id text title is_position holder tags sources section verdict data location"
)
_ARGUMENT_SLOTS = _slot_setters(
    Argument, "id premises conclusion title gist scheme tags sources section data location"
)
_RELATION_SLOTS = _slot_setters(Relation, "kind origin target data location")

Element = Union[Claim, Argument, Section]
"""Anything in a map that has an id."""

Node = Union[Claim, Argument]
"""An element that relations can connect."""


@attrs.frozen(init=False)
class ArgumentMap:
    """One debate: its metadata, claims, arguments, relations and sections.

    Constructing a map checks its integrity: ids are unique, every reference resolves,
    nothing supports itself, undercuts target arguments and contradictions join claims.
    A map that breaks this raises a :class:`~argmap.errors.MapStructureError` naming the
    offending id; no half-built map exists.

    Queries (:meth:`reasons_for`, :meth:`objections_against`, :meth:`walk`, ...) use an index
    built on first use.
    """

    title: str = ""
    description: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    claims: tuple[Claim, ...] = ()
    arguments: tuple[Argument, ...] = ()
    relations: tuple[Relation, ...] = ()
    sections: tuple[Section, ...] = ()
    data: dict[str, JSONValue] = attrs.field(factory=dict, hash=False)
    _elements: dict[str, Element] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )
    _index: GraphIndex | None = attrs.field(
        init=False, default=None, eq=False, repr=False, hash=False
    )

    def __init__(
        self,
        title: str = "",
        description: str | None = None,
        authors: Iterable[str] = (),
        date: str | None = None,
        claims: Iterable[Claim] = (),
        arguments: Iterable[Argument] = (),
        relations: Iterable[Relation] = (),
        sections: Iterable[Section] = (),
        data: Mapping[str, JSONValue] | None = None,
    ) -> None:
        self._set_fields(title, description, authors, date, claims, arguments, relations, sections)
        _object_setattr(self, "data", _dict(data))
        # Comprehensions first (readers make maps of 100,000 claims); only when the sizes say
        # that some id is used twice does the loop below run to name it.
        sections_by_id = {s.id: s for s in self.sections}
        claims_by_id = {c.id: c for c in self.claims}
        arguments_by_id = {a.id: a for a in self.arguments}
        elements: dict[str, Element] = {**sections_by_id, **claims_by_id, **arguments_by_id}
        if len(elements) != len(self.sections) + len(self.claims) + len(self.arguments):
            _raise_duplicate(self)
        _object_setattr(self, "_elements", elements)
        _check_references(self, sections_by_id, claims_by_id, arguments_by_id)

    @classmethod
    def _checked_by_caller(
        cls,
        elements: dict[str, Element],
        title: str,
        description: str | None,
        authors: tuple[str, ...],
        date: str | None,
        claims: tuple[Claim, ...],
        arguments: tuple[Argument, ...],
        relations: tuple[Relation, ...],
        sections: tuple[Section, ...],
        data: dict[str, JSONValue],
    ) -> ArgumentMap:
        """Make a map without checking it again, for :class:`MapBuilder` only.

        The builder enforces every invariant as elements are added and holds the id index
        already; checking a 100,000-claim map a second time would cost a tenth of its build.
        ``elements`` must map the id of every section, claim and argument to it.
        """
        amap = cls.__new__(cls)
        amap._set_fields(title, description, authors, date, claims, arguments, relations, sections)
        _object_setattr(amap, "data", data)
        _object_setattr(amap, "_elements", elements)
        return amap

    def _set_fields(
        self,
        title: str,
        description: str | None,
        authors: Iterable[str],
        date: str | None,
        claims: Iterable[Claim],
        arguments: Iterable[Argument],
        relations: Iterable[Relation],
        sections: Iterable[Section],
    ) -> None:
        setattr_ = _object_setattr
        setattr_(self, "title", title)
        setattr_(self, "description", description)
        setattr_(self, "authors", _tuple(authors))
        setattr_(self, "date", date)
        setattr_(self, "claims", _tuple(claims))
        setattr_(self, "arguments", _tuple(arguments))
        setattr_(self, "relations", _tuple(relations))
        setattr_(self, "sections", _tuple(sections))
        setattr_(self, "_index", None)

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
            from argmap.graph import GraphIndex

            object.__setattr__(self, "_index", GraphIndex(self))
        assert self._index is not None
        return self._index

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
        return self.index.supported_by(node_id)

    def attacks(self, node_id: str) -> tuple[Node, ...]:
        """What ``node_id`` attacks or undercuts."""
        self.get(node_id)
        return self.index.attacked_by(node_id)

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
    # Plain membership tests: this runs for every map read, 100,000 claims included.
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
