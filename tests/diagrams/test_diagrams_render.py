"""Rendering: engine resolution, formats, large maps, narrowing and the notebook display."""

from __future__ import annotations

import stat
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap import ArgumentMap, FormatError, MapBuilder, UnknownIdError
from argmap.render import (
    LARGE,
    DotProgram,
    EngineNotFoundError,
    LayoutTimeoutError,
    Pygraphviz,
    RenderError,
    draw,
    find_engines,
    format_for,
    large_map_advice,
    narrow,
    render,
    resolve,
)
from argmap.render import engines as engines_module
from argmap.render.notebook import mimebundle
from argmap.testing import example_map

FAKE_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><text>fake dot</text></svg>'


def fake_dot(folder: Path, *, formats: str = "svg png", sleep: float = 0) -> Path:
    """A stand-in ``dot`` program: lists ``formats``, answers -V, prints a fixed SVG."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "dot"
    program.write_text(
        "#!/bin/sh\n"
        'case "$1" in\n'
        f"  '-T?') echo 'Format: \"?\" not recognized. Use one of: {formats}' >&2; exit 1;;\n"
        "  -V) echo 'dot - graphviz version 9.9.9 (fake)' >&2; exit 0;;\n"
        "esac\n"
        f"sleep {sleep}\n"
        "cat > /dev/null\n"
        f"printf '%s' '{FAKE_SVG.decode()}'\n"
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    engines_module.clear_caches()
    yield
    engines_module.clear_caches()


@pytest.fixture
def no_engines(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No dot on PATH, pygraphviz not importable, ARGMAP_DOT unset."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    monkeypatch.setitem(sys.modules, "pygraphviz", None)


class TestFormats:
    """The format comes from the argument, else the suffix, else SVG."""

    @pytest.mark.parametrize(
        ("output", "given", "expected"),
        [
            ("map.svg", None, "svg"),
            ("map.PNG", None, "png"),
            ("map.pdf", None, "pdf"),
            ("map.gv", None, "dot"),
            ("map.dot", None, "dot"),
            (None, None, "svg"),
            ("-", None, "svg"),
            ("map.svg", "png", "png"),
            (None, "DOT", "dot"),
        ],
    )
    def test_format_for(self, output: str | None, given: str | None, expected: str) -> None:
        assert format_for(output, given) == expected

    def test_unknown_suffix_and_format(self) -> None:
        with pytest.raises(FormatError, match="cannot tell the format"):
            format_for("map.jpeg")
        with pytest.raises(FormatError, match="choose svg, png, pdf or dot"):
            format_for(None, "gif")

    def test_png_pdf_svg_and_dot_files(self, tmp_path: Path) -> None:
        amap = example_map()
        magic = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "svg": b"<?xml", "dot": b"digraph"}
        for fmt, start in magic.items():
            path = tmp_path / f"map.{fmt}"
            data = render(amap, path, engine="pygraphviz")
            assert data.startswith(start)
            assert path.read_bytes() == data
        ET.fromstring((tmp_path / "map.svg").read_bytes())

    def test_pdf_bytes_do_not_depend_on_the_clock(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        first = render(example_map(), format="pdf")
        time.sleep(1.1)  # cairo stamps the second of drawing
        assert render(example_map(), format="pdf") == first
        assert b"/CreationDate (D:19700101000000" in first
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1643241600")  # 2022-01-27
        assert b"/CreationDate (D:20220127000000" in render(example_map(), format="pdf")

    def test_the_image_exporters_are_registered(self, tmp_path: Path) -> None:
        from argmap.host.io import export, write

        svg = export(example_map(), "svg", legend=True)
        assert isinstance(svg, str)
        assert "argmap&#45;legend" in svg  # Graphviz writes the hyphen as a reference
        write(example_map(), tmp_path / "m.png")
        assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")


class TestEngines:
    """Explicit engine, then dot on PATH, then pygraphviz; a clear message when none works."""

    def test_pygraphviz_is_found_when_nothing_else_is(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        monkeypatch.setenv("PATH", str(tmp_path / "empty"))
        monkeypatch.delenv("ARGMAP_DOT", raising=False)
        report = find_engines()
        assert all(isinstance(report.chosen[f], Pygraphviz) for f in ("svg", "png", "pdf"))
        assert "pygraphviz" in report.format()

    def test_dot_on_path_comes_before_pygraphviz(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        fake_dot(tmp_path / "bin", formats="svg png")
        monkeypatch.setenv("PATH", str(tmp_path / "bin"))
        monkeypatch.delenv("ARGMAP_DOT", raising=False)
        report = find_engines()
        assert isinstance(report.chosen["svg"], DotProgram)
        assert isinstance(report.chosen["png"], DotProgram)
        # The fake dot cannot write PDF: pygraphviz does it.
        assert isinstance(report.chosen["pdf"], Pygraphviz)
        assert draw(example_map(), "svg").data == FAKE_SVG
        assert "Graphviz 9.9.9" in report.format()

    def test_argmap_dot_names_the_engine(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        program = fake_dot(tmp_path / "elsewhere", formats="svg")
        monkeypatch.setenv("PATH", str(tmp_path / "empty"))
        monkeypatch.setenv("ARGMAP_DOT", str(program))
        assert resolve("svg") == DotProgram(str(program))
        # A named engine that cannot write the format is an error, not a silent fallback.
        with pytest.raises(EngineNotFoundError, match="cannot write it") as caught:
            resolve("png")
        assert "no other was tried" in str(caught.value)

    def test_the_engine_argument_wins_over_the_environment(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        program = fake_dot(tmp_path / "bin")
        monkeypatch.setenv("ARGMAP_DOT", str(program))
        assert isinstance(resolve("svg", "pygraphviz"), Pygraphviz)

    def test_a_missing_named_engine(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("ARGMAP_DOT", "/no/such/dot")
        with pytest.raises(EngineNotFoundError) as caught:
            resolve("svg")
        message = str(caught.value)
        assert "'/no/such/dot' (ARGMAP_DOT)" in message
        assert "pip install 'argmap[render]'" in message

    @pytest.mark.usefixtures("no_engines")
    def test_no_engine_lists_what_was_looked_for_and_the_fixes(self) -> None:
        with pytest.raises(EngineNotFoundError) as caught:
            render(example_map(), format="png")
        message = str(caught.value)
        for expected in (
            "cannot render PNG",
            "ARGMAP_DOT: none named",
            "a dot program on PATH: not found",
            "pygraphviz (the argmap[render] extra): not installed",
            "pip install 'argmap[render]'",
            "apt-get install graphviz",
            "export ARGMAP_DOT=/path/to/dot",
            "DOT needs no engine",
        ):
            assert expected in message
        report = find_engines()
        assert not any(report.chosen.values())

    @pytest.mark.usefixtures("no_engines")
    def test_dot_export_needs_no_engine(self) -> None:
        assert render(example_map(), format="dot").startswith(b"digraph")

    def test_a_slow_engine_is_stopped_by_the_timeout(self, tmp_path: Path) -> None:
        program = fake_dot(tmp_path / "bin", sleep=5)
        with pytest.raises(LayoutTimeoutError, match="--focus ID --depth N"):
            render(example_map(), format="svg", engine=str(program), timeout=0.5)

    def test_pygraphviz_in_a_child_process_keeps_the_timeout(self) -> None:
        data = Pygraphviz().render("digraph { a -> b }", "svg", timeout=60)
        assert b"<svg" in data.data
        with pytest.raises(LayoutTimeoutError):
            Pygraphviz().render("digraph { a -> b }", "svg", timeout=0.001)

    def test_graphviz_failure_is_an_error_with_its_message(self) -> None:
        with pytest.raises(RenderError, match="syntax error"):
            Pygraphviz().render("digraph { a -> }", "svg")


def large_map(claims: int) -> ArgumentMap:
    b = MapBuilder("Large")
    thesis = b.position("The thesis.", id="thesis", holder="Someone")
    for i in range(claims - 1):
        b.premise(f"Reason {i}.", for_=thesis, id=f"r{i}", title=f"Reason {i}")
    return b.build()


class TestLargeMaps:
    """A large map says its size and how to narrow it; narrowing keeps the neighbourhood."""

    def test_advice_names_the_size_and_the_narrowing(self) -> None:
        amap = large_map(LARGE + 10)
        advice = large_map_advice(amap, "argmap render big.json")
        assert advice is not None
        assert f"{LARGE + 10:,} claims" in advice
        assert "argmap render big.json --focus thesis --depth 2" in advice

    def test_render_logs_the_advice_before_layout(
        self, tmp_path: Path, caplog: pytest.LogCaptureFixture
    ) -> None:
        program = fake_dot(tmp_path / "bin")
        with caplog.at_level("WARNING", logger="argmap.render"):
            render(large_map(LARGE + 1), format="svg", engine=str(program))
        assert "argmap.render.narrow(amap, 'thesis', depth=2)" in caplog.text

    def test_no_advice_for_a_small_map(self) -> None:
        assert large_map_advice(example_map()) is None

    def test_narrow_around_a_position(self) -> None:
        amap = example_map()
        part = narrow(amap, "indivisible-security", depth=1)
        ids = {c.id for c in part.claims}
        # its linked argument comes with both co-premises, and its direct objection
        assert {
            "indivisible-security",
            "the-declarations-commit-to-indivisible",
            "signed-by-all-osce-leaders",
            "the-freedom-to-choose-is-agreed",
        } <= ids
        assert "the-memoirs-were-misread" not in ids
        assert {s.id for s in part.sections} == {"the-osce-declarations"}
        for relation in part.relations:
            assert relation.origin in part
            assert relation.target in part

    def test_narrow_by_title_and_depth_zero(self) -> None:
        part = narrow(example_map(), "Indivisible security", depth=0)
        assert [c.id for c in part.claims] == ["indivisible-security"]
        assert part.arguments == ()

    def test_narrow_grows_with_depth(self) -> None:
        amap = example_map()
        sizes = [len(narrow(amap, "freedom-to-choose-alliances", d)) for d in range(5)]
        assert sizes == sorted(sizes)
        assert sizes[-1] <= len(amap)

    def test_narrow_unknown_focus(self) -> None:
        with pytest.raises(UnknownIdError):
            narrow(example_map(), "no-such-claim")


class TestNotebook:
    """A map shows itself in Jupyter as SVG, or as its Markdown outline without an engine."""

    def test_svg_when_an_engine_is_there(self) -> None:
        bundle = example_map()._repr_mimebundle_()
        assert set(bundle) == {"text/plain", "image/svg+xml"}
        ET.fromstring(bundle["image/svg+xml"])
        assert "12 claims" in bundle["text/plain"]

    @pytest.mark.usefixtures("no_engines")
    def test_markdown_outline_without_an_engine(self) -> None:
        bundle = example_map()._repr_mimebundle_()
        assert "image/svg+xml" not in bundle
        markdown = bundle["text/markdown"]
        assert "> cannot render SVG" in markdown
        assert "# Security guarantees in Europe, January 2022" in markdown

    def test_a_large_map_shows_its_outline_with_the_advice(self) -> None:
        bundle = mimebundle(large_map(LARGE + 1))
        assert "image/svg+xml" not in bundle
        assert "narrow" in bundle["text/markdown"]

    def test_exclude_svg(self) -> None:
        bundle = mimebundle(example_map(), exclude={"image/svg+xml"})
        assert "text/markdown" in bundle
