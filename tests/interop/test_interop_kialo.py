"""The Kialo text-export reader: every feature of the format, errors with lines, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ReadError, RelationKind, Source
from argmap.builtin.kialo.plugin import sniff
from argmap.builtin.kialo.reader import read_kialo

DATA = Path(__file__).parent / "data"


def kialo(*lines: str, title: str = "T") -> bytes:
    return ("\n".join([f"Discussion Title: {title}", "", *lines]) + "\n").encode()


class TestFeatures:
    """Thesis, Pro/Con, See links, Markdown, continuation lines."""

    def test_the_reference_example(self) -> None:
        reading = read_kialo((DATA / "kialo-cars.txt").read_bytes(), "cars.txt")
        amap = reading.map
        assert amap.title == "Should cities ban cars from their centres?"
        assert [c.id for c in amap.claims] == ["1", "1.1", "1.1.1", "1.2", "1.2.1", "1.3"]
        assert [c.id for c in amap.positions] == ["1"]
        assert [(a.premises, a.conclusion) for a in amap.arguments] == [
            (("1.1",), "1"),
            (("1.2.1",), "1.1.1"),  # the "-> See 1.2.1." reuse
            (("1.2.1",), "1.2"),
            (("1.3",), "1"),
        ]
        assert [(r.kind, r.origin, r.target) for r in amap.relations] == [
            (RelationKind.ATTACK, "1.1.1", "1.1"),
            (RelationKind.ATTACK, "1.2", "1"),
        ]
        assert amap.claim("1.1.1").text.endswith("cause most of it (city survey, 2021).")
        pilot = amap.claim("1.2.1")
        assert pilot.text.endswith("[(report)](https://example.org/pilot).")
        assert pilot.sources == (Source(document="(report)", url="https://example.org/pilot"),)
        assert amap.claim("1.3").data == {
            "kialo": {"discussion": 12345, "title": "Are low-emission zones effective?"}
        }
        assert reading.warnings == ()

    def test_continuation_lines_and_paragraphs(self) -> None:
        amap = read_kialo(
            kialo(
                "1. Thesis",
                "1.1. Con: First line",
                "second line",
                "",
                "new paragraph",
                "1.2. Pro: Next",
            )
        ).map
        assert amap.claim("1.1").text == "First line\nsecond line\n\nnew paragraph"
        assert amap.claim("1.2").text == "Next"

    def test_numbered_lines_inside_a_claim_stay_text(self) -> None:
        amap = read_kialo(kialo("1. Thesis", "1.1. Pro: Two steps:", "1. first", "3. third")).map
        assert amap.claim("1.1").text == "Two steps:\n1. first\n3. third"

    def test_several_theses_and_deep_nesting(self) -> None:
        deep = ["1. A"] + [
            f"1{'.1' * d}. {'Pro' if d % 2 else 'Con'}: level {d}" for d in range(1, 16)
        ]
        amap = read_kialo(kialo(*deep, "2. B", "2.1. Con: against B")).map
        assert [c.id for c in amap.positions] == ["1", "2"]
        assert len(amap.claims) == 18
        assert amap.relations[-1].target == "2"

    def test_see_link_to_a_later_claim_and_children_of_a_link(self) -> None:
        amap = read_kialo(
            kialo("1. A", "1.1. Con: -> See 1.2.", "1.1.1. Pro: child of link", "1.2. Pro: B")
        ).map
        assert [c.id for c in amap.claims] == ["1", "1.1.1", "1.2"]
        assert (RelationKind.ATTACK, "1.2", "1") in [
            (r.kind, r.origin, r.target) for r in amap.relations
        ]
        assert [(a.premises, a.conclusion) for a in amap.arguments] == [
            (("1.1.1",), "1.2"),
            (("1.2",), "1"),
        ]

    def test_escaped_brackets_and_backslashes(self) -> None:
        amap = read_kialo(kialo(r"1. a \[1\] b \(c\) \\ d")).map
        assert amap.claim("1").text == r"a [1] b (c) \\ d"

    def test_bom_and_crlf(self) -> None:
        data = b"\xef\xbb\xbf" + kialo("1. A", "1.1. Pro: B").replace(b"\n", b"\r\n")
        assert [c.text for c in read_kialo(data).map.claims] == ["A", "B"]


class TestProblems:
    """Unusable exports are one ReadError; unplaceable links are warnings."""

    def test_missing_parent_and_duplicates_with_lines(self) -> None:
        with pytest.raises(ReadError) as caught:
            read_kialo(
                kialo("1. A", "1.1. Pro: B", "1.1. Con: again", "1.3.1. Con: orphan"), "d.txt"
            )
        found = [
            (d.code, d.location.line if d.location else None) for d in caught.value.diagnostics
        ]
        assert found == [("duplicate-number", 5), ("missing-parent", 6)]

    def test_text_before_the_thesis(self) -> None:
        with pytest.raises(ReadError, match="not-kialo"):
            read_kialo(b"Hello\n1. A\n")

    def test_empty(self) -> None:
        with pytest.raises(ReadError, match="no claims"):
            read_kialo(b"Discussion Title: nothing\n\n")

    def test_see_to_nowhere_and_to_itself(self) -> None:
        reading = read_kialo(
            kialo(
                "1. A",
                "1.1. Pro: -> See 9.9.",
                "1.2. Con: -> See 1.",
                "1.1.1. Con: under a dead link",
            )
        )
        assert [w.code for w in reading.warnings] == ["unknown-see", "self-link", "unplaced"]
        assert [c.id for c in reading.map.claims] == ["1", "1.1.1"]

    def test_sniff(self) -> None:
        assert sniff(b"\xef\xbb\xbfDiscussion Title: x\n")
        assert not sniff(b"# Discussion Title: x\n")


_TEXT = (
    st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda t: t and not t.startswith("->"))
)


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[tuple[str, str | None, str]], str]:
    entries: list[tuple[str, str | None, str]] = [("1", None, draw(_TEXT))]
    children: dict[str, int] = {}
    for _ in range(draw(st.integers(0, 25))):
        parent = draw(st.sampled_from([e[0] for e in entries]))
        children[parent] = children.get(parent, 0) + 1
        number = f"{parent}.{children[parent]}"
        entries.append((number, draw(st.sampled_from(["Pro", "Con"])), draw(_TEXT)))
    lines = [f"{n}. {s}: {t}" if s else f"{n}. {t}" for n, s, t in entries]
    return entries, "\n".join(["Discussion Title: generated", "", *lines]) + "\n"


@settings(max_examples=200, deadline=None)
@given(trees())
def test_every_generated_tree_reads_back(
    tree: tuple[list[tuple[str, str | None, str]], str],
) -> None:
    entries, text = tree
    amap = read_kialo(text).map
    assert [c.id for c in amap.claims] == [n for n, _, _ in entries]
    supports = {(a.premises[0], a.conclusion) for a in amap.arguments}
    attacks = {(r.origin, r.target) for r in amap.relations}
    for number, stance, _ in entries[1:]:
        parent = number.rpartition(".")[0]
        assert (number, parent) in (supports if stance == "Pro" else attacks)


def test_cli_prints_reader_warnings_and_still_exports(tmp_path: Path) -> None:
    # The plugin module logs the reader's warnings (it imports logging only when there are some).
    import subprocess
    import sys

    source = tmp_path / "debate.txt"
    source.write_text("Discussion Title: x\n\n1. A\n1.1. Pro: -> See 9.9.\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(source), "--to", "json"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert f"{source}:4:1: warning[unknown-see]" in done.stderr
    assert '"text": "A"' in done.stdout
