"""The Argdown reader: structure, locations, and every error at once with line:column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ReadError, RelationKind
from argmap.builtin.argdown import loads


class TestStructure:
    """Argdown constructs become the right claims, arguments, relations and sections."""

    def test_dedent_attaches_to_level_left_on_stack(self) -> None:
        amap = loads("[A]: a\n  + [B]: b\n      - [C]: c\n    - [G]: g\n")
        assert (RelationKind.ATTACK, "G", "A") in {r.key for r in amap.relations}

    def test_locations(self) -> None:
        amap = loads("[A]: a\n  + [B]: b\n", "doc.argdown")
        b = amap.claim("B")
        assert b.location is not None
        assert (b.location.file, b.location.line, b.location.column) == ("doc.argdown", 2, 5)

    def test_incoming_and_outgoing_symbols(self) -> None:
        text = "[A]: a\n  <+ [B]: b\n  <- [C]: c\n  +> [D]: d\n  -> [E]: e\n  >< [F]: f\n"
        keys = [r.key for r in loads(text).relations]
        assert keys == [
            (RelationKind.SUPPORT, "B", "A"),
            (RelationKind.ATTACK, "C", "A"),
            (RelationKind.SUPPORT, "A", "D"),
            (RelationKind.ATTACK, "A", "E"),
            (RelationKind.CONTRADICTION, "A", "F"),
        ]

    def test_pcs_fills_argument(self) -> None:
        amap = loads("<Arg>: gist\n\n(1) [P]: p\n(2) q\n-- Modus ponens --\n(3) [C]: c\n")
        arg = amap.argument("Arg")
        assert arg.premises == ("P", "Untitled 1")
        assert arg.conclusion == "C"
        assert arg.scheme == "Modus ponens"
        assert arg.gist == "gist"

    def test_reserved_data_keys(self) -> None:
        amap = loads("[T]: t {id: t1, position: true, holder: Russia, verdict: accepted, x: 1}\n")
        claim = amap.claim("t1")
        assert (claim.is_position, claim.holder, claim.verdict, claim.data) == (
            True,
            "Russia",
            "accepted",
            {"x": 1},
        )


class TestErrors:
    """Every problem is reported at once, with line and column, never a traceback."""

    def test_all_errors_reported(self) -> None:
        text = "[A] text\n\n[B]: fine\n\n(1) p\n(2) q\n\n[C]: {unclosed\n"
        with pytest.raises(ReadError) as caught:
            loads(text, "doc.argdown")
        lines = sorted(d.location.line or 0 for d in caught.value.diagnostics if d.location)
        assert lines == [1, 6, 8]
        assert "doc.argdown:1:" in str(caught.value)

    def test_bad_front_matter(self) -> None:
        with pytest.raises(ReadError, match="never closed"):
            loads("===\ntitle: x\n\n[A]: a\n")

    def test_undercut_of_statement_outside_structure_is_attack(self) -> None:
        amap = loads("[A]: a\n  _ [U]: u\n")
        assert amap.relations[0].kind is RelationKind.ATTACK
        assert amap.relations[0].data == {"argdown": "undercut"}

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("[]<>{}()+-_#*:/\\=\n \t aA1.,'\""))))
    def test_never_a_traceback(self, text: str) -> None:
        problems: tuple[object, ...] = ()
        try:
            loads(text)
        except ReadError as error:
            problems = tuple(d.location for d in error.diagnostics)
        assert None not in problems

    def test_cli_reports_errors_with_exit_2(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.argdown"
        bad.write_text("[A] text\n\n(1) p\n(2) q\n", "utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "export", str(bad), "--to", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert f"{bad}:1:" in done.stderr
        assert f"{bad}:4:" in done.stderr


class TestFrontMatter:
    """Front matter values of the wrong type are problems with a line, never a traceback."""

    @pytest.mark.parametrize("value", ["", " 5", " {name: x}", " true"])
    def test_author_must_be_text_or_list_of_text(self, value: str) -> None:
        with pytest.raises(ReadError, match="author must be text") as caught:
            loads(f"===\ntitle: t\nauthor:{value}\n===\n\n[A]: a\n", "doc.argdown")
        assert "doc.argdown:2:1" in str(caught.value)


class TestPlaces:
    """Every element keeps the line and column of its first definition (else first mention)."""

    DOCUMENT = (
        "# Part\n\n[B]\n\n[A]: a #x\n  + [B]: b {w: 1}\n  - <Arg>: gist\n\n<Arg>\n\n"
        "(1) [P]: p\n(2) [B]\n----\n(3) [C]: c\n  _ [U]: u\n"
    )

    def test_locations_of_every_element(self) -> None:
        amap = loads(self.DOCUMENT, "d.argdown")
        places = {e.id: (e.location.line, e.location.column) for e in amap if e.location}
        assert places == {
            "B": (6, 5),
            "A": (5, 1),
            "P": (11, 5),
            "C": (14, 5),
            "U": (15, 5),
            "Arg": (7, 5),
        }
        relations = [
            (r.origin, r.target, r.location.line, r.location.column)
            for r in amap.relations
            if r.location
        ]
        assert relations == [("B", "A", 6, 5), ("C", "A", 7, 5), ("U", "Arg", 15, 5)]
        assert {c.section for c in amap.claims} == {"s1"}
        assert amap.claim("B").data == {"w": 1}
        assert amap.claim("A").tags == ("x",)


class TestHostileInline:
    """Long texts of markers, brackets or #( that never close are read in linear time."""

    @pytest.mark.parametrize("unit", ["a *", "x _y", "*b ", "a [", "[b ", " #(a"])
    def test_many_unclosed_markers(self, unit: str) -> None:
        text = (unit * 20_000).strip()
        # Before, each one searched the rest of the text for its closer: a minute or more.
        amap = loads(f"[T]: {text}\n")
        assert amap.claims[0].text == text

    def test_many_tags(self) -> None:
        text = " ".join(f"#t{i}" for i in range(20_000)) + " #t5 #t0"
        claim = loads(f"[T]: {text}\n").claims[0]
        assert claim.text == text
        assert claim.tags == tuple(f"t{i}" for i in range(20_000))

    def test_many_occurrences_with_tags(self) -> None:
        lines = [f"[T]: x #t{i % 15_000}" for i in range(20_000)]
        claim = loads("\n\n".join(lines) + "\n").claims[0]
        assert claim.tags == tuple(f"t{i}" for i in range(15_000))
