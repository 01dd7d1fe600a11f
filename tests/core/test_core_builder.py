"""The hand-writing API: short calls, readable ids, specific errors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import (
    ArgmapError,
    Argument,
    ArgumentMap,
    Claim,
    DuplicateIdError,
    InvalidRelationError,
    MapBuilder,
    RelationKind,
    SelfSupportError,
    Source,
    UnknownIdError,
)
from argmap.model import Element
from argmap.model.ids import MAX_SLUG_LENGTH, slugify
from argmap.testing import cyclic_map, empty_map, hostile_map


@pytest.mark.parametrize("make", [hostile_map, cyclic_map, empty_map])
def test_built_maps_pass_the_checks_the_builder_skips(make: Callable[[], ArgumentMap]) -> None:
    # build() does not re-check the map (the builder enforced everything as it went):
    # a map made from the same parts through the checking constructor must be equal.
    amap = make()
    again = ArgumentMap(
        title=amap.title,
        description=amap.description,
        authors=amap.authors,
        date=amap.date,
        claims=amap.claims,
        arguments=amap.arguments,
        relations=amap.relations,
        sections=amap.sections,
        data=amap.data,
    )
    assert again == amap
    elements: list[Element] = [*amap.claims, *amap.arguments, *amap.sections]
    assert all(amap.get(e.id) is e for e in elements)
    assert len(amap) == len(amap.claims) + len(amap.arguments)


class TestShortCalls:
    """position / premise / objection / argument / undercut build the expected graph."""

    def test_premise_makes_a_one_premise_argument(self) -> None:
        b = MapBuilder("m")
        thesis = b.position("States may choose alliances.", holder="NATO")
        reason = b.premise("The OSCE principles say so.", for_=thesis)
        amap = b.build()
        (argument,) = amap.reasons_for(thesis.id)
        assert isinstance(argument, Argument)
        assert argument.premises == (reason.id,)
        assert argument.conclusion == thesis.id
        assert amap.positions == (amap.claim(thesis.id),)
        assert amap.claim(thesis.id).holder == "NATO"

    def test_objection_against_claim_is_an_attack(self) -> None:
        b = MapBuilder()
        thesis = b.position("A")
        objection = b.objection("not A", against=thesis)
        amap = b.build()
        assert amap.objections_against(thesis.id) == (objection,)
        assert amap.relations[0].kind is RelationKind.ATTACK
        assert amap.attacks(objection.id) == (thesis,)

    def test_objection_against_argument_is_an_undercut(self) -> None:
        b = MapBuilder()
        thesis = b.position("A")
        argument = b.argument([b.claim("p"), b.claim("q")], thesis, title="Linked")
        undercut = b.undercut("does not follow", against=argument)
        amap = b.build()
        assert amap.relations[0].kind is RelationKind.UNDERCUT
        assert amap.objections_against(argument.id) == (undercut,)

    def test_rebuttal_of_an_objection(self) -> None:
        b = MapBuilder()
        thesis = b.position("A")
        objection = b.objection("not A", against=thesis)
        rebuttal = b.objection("the objection is wrong", against=objection)
        amap = b.build()
        assert amap.objections_against(objection.id) == (rebuttal,)

    def test_a_claim_can_be_used_in_several_places(self) -> None:
        b = MapBuilder()
        first = b.position("A")
        second = b.position("B")
        shared = b.premise("shared reason", for_=first)
        b.premise(shared, for_=second)
        b.objection(shared, against=b.claim("C"))
        amap = b.build()
        assert len(amap.claims) == 4
        assert {c.id for c in amap.supports(shared.id)} == {first.id, second.id}
        assert len(amap.arguments_using(shared.id)) == 2

    def test_cycles_are_legal_and_walks_end(self) -> None:
        b = MapBuilder()
        a = b.position("A")
        c = b.claim("B")
        b.premise(c, for_=a)
        b.premise(a, for_=c)
        amap = b.build()
        steps = list(amap.walk(a.id))
        assert [s.repeat for s in steps].count(True) == 1
        assert steps[-1].node == a

    def test_contradiction_is_symmetric(self) -> None:
        b = MapBuilder()
        a, c = b.position("A"), b.position("B")
        b.contradiction(a, c)
        b.contradiction(c, a)  # the same relation: not added twice
        amap = b.build()
        assert len(amap.relations) == 1
        assert amap.contradictions_of(a.id) == (c,)
        assert amap.contradictions_of(c.id) == (a,)

    def test_find_by_title_or_id(self) -> None:
        b = MapBuilder()
        a = b.position("No state may strengthen its security.", title="Indivisible security")
        amap = b.build()
        assert amap.find("Indivisible security") == a
        assert amap.find(a.id) == a
        with pytest.raises(UnknownIdError, match="nothing"):
            amap.find("nothing")


class TestIds:
    """Ids are readable slugs, unique, and never clash with given ones."""

    def test_slugs_from_title_then_text(self) -> None:
        b = MapBuilder()
        assert b.position("x", title="Indivisible security").id == "indivisible-security"
        assert b.claim("Freedom to choose, alliances!").id == "freedom-to-choose-alliances"

    def test_duplicates_get_numbered(self) -> None:
        b = MapBuilder()
        ids = [b.claim("Same text").id for _ in range(3)]
        assert ids == ["same-text", "same-text-2", "same-text-3"]

    def test_non_latin_text_keeps_its_letters(self) -> None:
        b = MapBuilder()
        assert b.claim("Неделимость безопасности").id == "неделимость-безопасности"
        assert b.claim("🕊️").id == "claim"

    def test_long_text_is_cut_at_a_word(self) -> None:
        b = MapBuilder()
        claim_id = b.claim("word " * 50).id
        assert len(claim_id) <= 40
        assert not claim_id.endswith("-")

    @given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
    def test_slug_is_the_words_of_the_text_joined_by_hyphens(self, text: str) -> None:
        # The definition, spelled with a regex; slugify takes a faster path for ASCII text.
        head = text[: MAX_SLUG_LENGTH * 4]
        if not head.isascii():
            head = unicodedata.normalize("NFKC", head)
        expected = re.sub(r"[^\w]+", "-", head.casefold()).strip("-_")
        if len(expected) > MAX_SLUG_LENGTH:
            cut = expected.rfind("-", 0, MAX_SLUG_LENGTH + 1)
            end = cut if cut > MAX_SLUG_LENGTH // 2 else MAX_SLUG_LENGTH
            expected = expected[:end].strip("-_")
        assert slugify(text) == (expected or "claim")

    def test_generated_ids_skip_given_ones(self) -> None:
        b = MapBuilder()
        b.claim("x", id="same-text")
        assert b.claim("Same text").id == "same-text-2"


class TestWrongUse:
    """Each mistake raises its own subclass of ArgmapError, naming what was wrong."""

    def test_unknown_id(self) -> None:
        b = MapBuilder()
        with pytest.raises(UnknownIdError, match="'nope'") as caught:
            b.premise("p", for_="nope")
        assert isinstance(caught.value, ArgmapError)

    def test_duplicate_id(self) -> None:
        b = MapBuilder()
        b.claim("a", id="x")
        with pytest.raises(DuplicateIdError, match="'x'"):
            b.claim("b", id="x")

    def test_claim_supporting_itself(self) -> None:
        b = MapBuilder()
        a = b.position("A")
        with pytest.raises(SelfSupportError, match=a.id):
            b.premise(a, for_=a)
        with pytest.raises(SelfSupportError):
            b.argument([a, b.claim("other")], a)
        with pytest.raises(SelfSupportError):
            b.objection(a, against=a)

    def test_undercut_needs_an_argument(self) -> None:
        b = MapBuilder()
        a = b.position("A")
        with pytest.raises(UnknownIdError, match="argument"):
            b.undercut("u", against=a)
        with pytest.raises(InvalidRelationError):
            b.relate("undercut", b.claim("u"), a)

    def test_contradiction_needs_claims(self) -> None:
        b = MapBuilder()
        a = b.position("A")
        argument = b.argument([b.claim("p")], a)
        with pytest.raises(InvalidRelationError, match="only claims"):
            b.contradiction(a, argument)

    def test_unknown_section(self) -> None:
        with pytest.raises(UnknownIdError, match="section"):
            MapBuilder().claim("a", section="nowhere")

    def test_existing_claim_cannot_take_new_fields(self) -> None:
        b = MapBuilder()
        a, c = b.position("A"), b.claim("C")
        with pytest.raises(TypeError, match="already exists"):
            b.premise(c, for_=a, title="new title")

    def test_empty_id(self) -> None:
        with pytest.raises(ValueError, match="non-empty"):
            MapBuilder().claim("a", id="")


def test_sources_and_sections_are_kept() -> None:
    b = MapBuilder("Debate", authors=["me"], date="2022-01-27")
    section = b.section("History")
    inner = b.section("1990", parent=section)
    source = Source(speaker="Sergey Lavrov", date="2022-01-27", quote="“verbatim”")
    claim = b.claim("text", sources=[source], section=inner, tags=["a", "b"])
    amap = b.build()
    assert amap.claim(claim.id) == Claim(
        claim.id, "text", tags=("a", "b"), sources=(source,), section=inner.id
    )
    assert amap.section(inner.id).parent == section.id
