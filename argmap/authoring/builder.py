"""Write a map by hand: :class:`MapBuilder` and its short calls.

>>> from argmap import MapBuilder
>>> b = MapBuilder("Security guarantees")
>>> thesis = b.position("No state may strengthen its security at the expense of others.",
...                     title="Indivisible security", holder="Russia")
>>> reason = b.premise("Both OSCE declarations say so.", for_=thesis)
>>> doubt = b.objection("The declarations are not legally binding.", against=reason)
>>> amap = b.build()
>>> [c.id for c in amap.claims]  # doctest: +NORMALIZE_WHITESPACE
['indivisible-security', 'both-osce-declarations-say-so',
 'the-declarations-are-not-legally-binding']
>>> [a.premises for a in amap.reasons_for("indivisible-security")]
[('both-osce-declarations-say-so',)]
>>> [c.id for c in amap.objections_against(reason.id)]
['the-declarations-are-not-legally-binding']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Union

from argmap.core.errors import DuplicateIdError, SelfSupportError, UnknownIdError
from argmap.model import (
    Argument,
    ArgumentMap,
    Claim,
    Element,
    JSONValue,
    Node,
    Relation,
    RelationKind,
    Section,
    Source,
    Verdict,
    check_relation_kinds,
)
from argmap.model.ids import IdAllocator

Ref = Union[str, Claim, Argument]
"""A reference to a node: its id, or the element itself."""

SectionRef = Union[str, Section, None]


class MapBuilder:
    """Collects claims, arguments and relations, then :meth:`build` makes the map.

    Every call checks what it is given at once: an unknown id raises
    :class:`~argmap.UnknownIdError`, a taken id :class:`~argmap.DuplicateIdError`,
    a claim made a reason for itself :class:`~argmap.SelfSupportError`. Ids that are not
    given are made from the title or text (see :func:`argmap.model.ids.slugify`).
    """

    def __init__(
        self,
        title: str = "",
        *,
        description: str | None = None,
        authors: Iterable[str] = (),
        date: str | None = None,
        data: Mapping[str, JSONValue] | None = None,
    ) -> None:
        self.title = title
        self.description = description
        self.authors = tuple(authors)
        self.date = date
        self.data: dict[str, JSONValue] = dict(data or {})
        self._ids = IdAllocator()
        self._elements: dict[str, Element] = {}
        self._claims: list[Claim] = []
        self._arguments: list[Argument] = []
        self._sections: list[Section] = []
        self._relations: dict[tuple[RelationKind, str, str], Relation] = {}

    # -- elements ---------------------------------------------------------------------------

    def claim(
        self,
        text: str = "",
        *,
        id: str | None = None,
        title: str | None = None,
        tags: Iterable[str] = (),
        sources: Iterable[Source] = (),
        section: SectionRef = None,
        verdict: Verdict | str | None = None,
        data: Mapping[str, JSONValue] | None = None,
        is_position: bool = False,
        holder: str | None = None,
    ) -> Claim:
        """Add a claim and return it."""
        claim = Claim(
            self._new_id(id, title or text, "claim"),
            text,
            title,
            is_position,
            holder,
            tuple(tags),
            tuple(sources),
            self._section_id(section),
            verdict,  # Claim converts strings
            dict(data) if data else {},
        )
        self._claims.append(claim)
        self._elements[claim.id] = claim
        return claim

    def position(self, text: str, *, holder: str | None = None, **fields: object) -> Claim:
        """Add a position: a thesis that ``holder`` puts forward.

        Takes the keyword arguments of :meth:`claim`.
        """
        return self.claim(text, is_position=True, holder=holder, **fields)  # type: ignore[arg-type]

    def premise(self, claim: str | Claim, *, for_: Ref, **fields: object) -> Claim:
        """Add a reason for ``for_``: a one-premise argument from ``claim`` to ``for_``.

        ``claim`` is new text (keyword arguments as for :meth:`claim`) or an existing
        :class:`Claim`, which is then used in one more place. Returns the premise.
        """
        target = self._resolve(for_, Claim, "claim")
        premise = self._claim_or_new(claim, fields)
        if premise.id == target.id:
            raise SelfSupportError(premise.id)
        # The short path of argument(): both ends are known claims and nothing else is given.
        argument = Argument(self._ids.allocate_slug(f"arg-{premise.id}"), (premise.id,), target.id)
        self._arguments.append(argument)
        self._elements[argument.id] = argument
        return premise

    def argument(
        self,
        premises: Sequence[Ref],
        conclusion: Ref | None,
        *,
        id: str | None = None,
        title: str | None = None,
        gist: str | None = None,
        scheme: str | None = None,
        tags: Iterable[str] = (),
        sources: Iterable[Source] = (),
        section: SectionRef = None,
        data: Mapping[str, JSONValue] | None = None,
    ) -> Argument:
        """Add an argument whose ``premises`` (claims) together lead to ``conclusion``.

        Several premises are *linked*: they support the conclusion only together.
        """
        premise_ids = tuple(self._resolve(p, Claim, "claim").id for p in premises)
        if len(set(premise_ids)) != len(premise_ids):
            raise SelfSupportError(
                next(p for p in premise_ids if premise_ids.count(p) > 1), "be its own co-premise"
            )
        conclusion_id = None
        if conclusion is not None:
            conclusion_id = self._resolve(conclusion, Claim, "claim").id
            if conclusion_id in premise_ids:
                raise SelfSupportError(conclusion_id)
        if id is None and not title and premise_ids:
            # Premise ids are slugs already (or the user's own ids): no need to slug again.
            argument_id = self._ids.allocate_slug(f"arg-{premise_ids[0]}")
        else:
            argument_id = self._new_id(id, title or "argument", "argument")
        argument = Argument(
            argument_id,
            premise_ids,
            conclusion_id,
            title,
            gist,
            scheme,
            tuple(tags),
            tuple(sources),
            self._section_id(section),
            dict(data) if data else {},
        )
        self._arguments.append(argument)
        self._elements[argument.id] = argument
        return argument

    def objection(self, claim: str | Claim, *, against: Ref, **fields: object) -> Claim:
        """Add an objection against ``against`` and return it.

        Against a claim it is an attack (a rebuttal; an objection to an objection is a rebuttal
        too); against an argument it is an undercut. ``claim`` is new text or an existing claim.
        """
        target = self._resolve(against, (Claim, Argument), "claim or argument")
        objection = self._claim_or_new(claim, fields)
        if objection.id == target.id:
            raise SelfSupportError(objection.id, "attack")
        kind = RelationKind.UNDERCUT if isinstance(target, Argument) else RelationKind.ATTACK
        relation = Relation(kind, objection.id, target.id)
        self._relations.setdefault(relation.key, relation)
        return objection

    def undercut(self, claim: str | Claim, *, against: Ref, **fields: object) -> Claim:
        """Add an objection that denies the step of argument ``against`` ("it does not follow")."""
        target = self._resolve(against, Argument, "argument")
        return self.objection(claim, against=target, **fields)

    def section(
        self,
        title: str,
        *,
        id: str | None = None,
        parent: SectionRef = None,
        data: Mapping[str, JSONValue] | None = None,
    ) -> Section:
        """Add a section (a named group; nested through ``parent``) and return it."""
        section = Section(
            id=self._new_id(id, title, "section"),
            title=title,
            parent=self._section_id(parent),
            data=dict(data or {}),
        )
        self._sections.append(section)
        self._elements[section.id] = section
        return section

    # -- relations --------------------------------------------------------------------------

    def relate(
        self,
        kind: RelationKind | str,
        origin: Ref,
        target: Ref,
        *,
        data: Mapping[str, JSONValue] | None = None,
    ) -> Relation:
        """Add a relation of ``kind`` from ``origin`` to ``target``; adding it again is a no-op."""
        kind = RelationKind(kind)
        origin_node = self._resolve(origin, (Claim, Argument), "claim or argument")
        target_node = self._resolve(target, (Claim, Argument), "claim or argument")
        relation = Relation(kind, origin_node.id, target_node.id, data=dict(data or {}))
        check_relation_kinds(relation, origin_node, target_node)
        return self._relations.setdefault(relation.key, relation)

    def support(self, origin: Ref, target: Ref) -> Relation:
        """Add a direct support relation (prefer :meth:`premise` or :meth:`argument`)."""
        return self.relate(RelationKind.SUPPORT, origin, target)

    def attack(self, origin: Ref, target: Ref) -> Relation:
        """Add an attack relation between two existing nodes."""
        return self.relate(RelationKind.ATTACK, origin, target)

    def contradiction(self, first: Ref, second: Ref) -> Relation:
        """Mark two claims as contradicting each other (symmetric)."""
        return self.relate(RelationKind.CONTRADICTION, first, second)

    # -- lookup and result ------------------------------------------------------------------

    def get(self, element_id: str) -> Element:
        """Return the element with this id."""
        try:
            return self._elements[element_id]
        except KeyError:
            raise UnknownIdError(element_id) from None

    def build(self) -> ArgumentMap:
        """Return the map built so far as an immutable :class:`ArgumentMap`."""
        # Every invariant was enforced as elements were added, so the map is not checked again.
        return ArgumentMap._checked_by_caller(
            dict(self._elements),
            title=self.title,
            description=self.description,
            authors=tuple(self.authors),
            date=self.date,
            claims=tuple(self._claims),
            arguments=tuple(self._arguments),
            relations=tuple(self._relations.values()),
            sections=tuple(self._sections),
            data=dict(self.data),
        )

    # -- helpers ----------------------------------------------------------------------------

    def _new_id(self, given: str | None, hint: str, fallback: str) -> str:
        if given is None:
            return self._ids.allocate(hint, fallback)
        if not isinstance(given, str) or not given:
            raise ValueError(f"an id must be a non-empty string, not {given!r}")
        if given in self._ids:
            existing = self._elements.get(given)
            what = type(existing).__name__.lower() if existing is not None else "element"
            raise DuplicateIdError(given, what)
        self._ids.reserve(given)
        return given

    def _claim_or_new(self, claim: str | Claim, fields: Mapping[str, object]) -> Claim:
        if isinstance(claim, Claim):
            if fields:
                raise TypeError(
                    f"claim {claim.id!r} already exists; its fields cannot be given again"
                )
            found = self._resolve(claim, Claim, "claim")
            assert isinstance(found, Claim)
            return found
        return self.claim(claim, **fields)  # type: ignore[arg-type]

    def _resolve(
        self,
        ref: Ref,
        kinds: type[Node] | tuple[type[Node], ...],
        expected: str,
    ) -> Node:
        key = ref if isinstance(ref, str) else ref.id
        found = self._elements.get(key)
        if found is None or not isinstance(found, kinds):
            raise UnknownIdError(key, expected)
        return found

    def _section_id(self, section: SectionRef) -> str | None:
        if section is None:
            return None
        key = section if isinstance(section, str) else section.id
        if not isinstance(self._elements.get(key), Section):
            raise UnknownIdError(key, "section")
        return key
