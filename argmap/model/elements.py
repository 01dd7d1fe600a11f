"""The elements of a map: immutable values for claims, arguments, relations, sections, sources.

Each element knows nothing of the map it belongs to; :mod:`argmap.model.map` holds them
together and checks that they fit.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Union

import attrs

from argmap.core.diagnostics import Location

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

    @property
    def is_plain_step(self) -> bool:
        """Whether the argument is one premise leading to a conclusion and nothing of its own.

        No title, gist, scheme, tags, sources or data: a plain "P supports C". Such an
        argument is drawn as a single support edge unless a relation targets it (see
        :attr:`argmap.ArgumentMap.bare_arguments`).
        """
        return (
            len(self.premises) == 1
            and self.conclusion is not None
            and not (self.title or self.gist or self.scheme)
            and not (self.tags or self.sources or self.data)
        )


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
