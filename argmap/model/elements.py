"""The elements of a map: immutable values for claims, arguments, relations, sections, sources.

Each element knows nothing of the map it belongs to; :mod:`argmap.model.map` holds them
together and checks that they fit.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
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
    """Converter for sequence fields: any iterable but a single string, as a tuple."""
    if type(value) is tuple:
        return value
    if isinstance(value, str):
        raise TypeError("expected a sequence of strings, got a single string")
    return tuple(value)


def _dict(value: Mapping[str, JSONValue] | None) -> dict[str, JSONValue]:
    """Converter for ``data``: a mapping as a dict, None as an empty one."""
    if type(value) is dict:
        return value
    return {} if value is None else dict(value)


def _verdict(value: Verdict | str | None) -> Verdict | None:
    """Converter for :attr:`Claim.verdict`: its name as a :class:`Verdict`."""
    return value if value is None or type(value) is Verdict else Verdict(value)


def _kind(value: RelationKind | str) -> RelationKind:
    """Converter for :attr:`Relation.kind`: its name as a :class:`RelationKind`."""
    return value if type(value) is RelationKind else RelationKind(value)


@attrs.frozen
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


@attrs.frozen
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
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    section: str | None = None
    verdict: Verdict | None = attrs.field(default=None, converter=_verdict)
    data: dict[str, JSONValue] = attrs.field(default=None, converter=_dict, hash=False)
    location: Location | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @property
    def label(self) -> str:
        """The title when there is one, else the text."""
        return self.title if self.title else self.text


@attrs.frozen
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
    premises: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    conclusion: str | None = None
    title: str | None = None
    gist: str | None = None
    scheme: str | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    section: str | None = None
    data: dict[str, JSONValue] = attrs.field(default=None, converter=_dict, hash=False)
    location: Location | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

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


@attrs.frozen
class Relation:
    """A typed link between two elements (claims or arguments).

    Attributes:
        kind: Support, attack, undercut or contradiction.
        origin: Id of the reason or objection (for a contradiction: either side).
        target: Id of what it supports, attacks or undercuts.
        data: Free JSON data.
        location: Where the relation was read from (not part of equality).
    """

    kind: RelationKind = attrs.field(converter=_kind)
    origin: str
    target: str
    data: dict[str, JSONValue] = attrs.field(default=None, converter=_dict, hash=False)
    location: Location | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

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
    data: dict[str, JSONValue] = attrs.field(default=None, converter=_dict, hash=False)
    location: Location | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


Element = Union[Claim, Argument, Section]
"""Anything in a map that has an id."""

Node = Union[Claim, Argument]
"""An element that relations can connect."""
