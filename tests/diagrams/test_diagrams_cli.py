"""``argmap render`` and ``argmap engines`` through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap import dumps
from argmap.render import LARGE
from argmap.testing import example_map

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "argmap" / "data" / "lavrov_2022.json"

# Hides pygraphviz from the child process, as on a machine without the render extra.
NO_PYGRAPHVIZ = (
    "import sys\n"
    "class Block:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name == 'pygraphviz' or name.startswith('pygraphviz.'):\n"
    "            raise ImportError('No module named ' + repr(name))\n"
    "sys.meta_path.insert(0, Block())\n"
    "from argmap.cli import main\n"
    "sys.argv[0] = 'argmap'\n"
    "main()\n"
)


def run(
    *args: str, env: dict[str, str] | None = None, hide_pygraphviz: bool = False
) -> subprocess.CompletedProcess[bytes]:
    command = (
        [sys.executable, "-c", NO_PYGRAPHVIZ, *args]
        if hide_pygraphviz
        else [sys.executable, "-m", "argmap", *args]
    )
    environment = {**os.environ, **(env or {})}
    if "ARGMAP_DOT" not in (env or {}):
        environment.pop("ARGMAP_DOT", None)
    return subprocess.run(command, capture_output=True, check=False, env=environment, timeout=300)


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.json"
    path.write_bytes(SEED.read_bytes())
    return path


class TestRender:
    """The format follows -f or the suffix; the output is whole; errors are one message."""

    @pytest.mark.parametrize(
        ("name", "magic"),
        [
            ("map.svg", b"<?xml"),
            ("map.png", b"\x89PNG"),
            ("map.pdf", b"%PDF-"),
            ("map.dot", b"digraph"),
        ],
    )
    def test_format_from_suffix(self, seed: Path, tmp_path: Path, name: str, magic: bytes) -> None:
        out = tmp_path / name
        done = run("render", str(seed), "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert out.read_bytes().startswith(magic)
        assert done.stderr == b""  # no font-configuration noise either

    def test_format_option_wins_and_stdout(self, seed: Path) -> None:
        done = run("render", str(seed), "-f", "dot")
        assert done.returncode == 0
        assert done.stdout.startswith(b"digraph argmap {")
        svg = run("render", str(seed))
        ET.fromstring(svg.stdout)

    def test_options_reach_the_diagram(self, seed: Path) -> None:
        done = run(
            "render",
            str(seed),
            "-f",
            "dot",
            "--direction",
            "LR",
            "--theme",
            "print",
            "--legend",
            "--no-sources",
            "--wrap",
            "20",
        )
        source = done.stdout.decode()
        assert "rankdir=LR" in source
        assert "cluster_legend" in source
        assert "Sergey Lavrov" not in source
        assert "#d6e6f5" not in source  # the default theme's position fill

    def test_evaluate(self, seed: Path) -> None:
        done = run("render", str(seed), "-f", "svg", "--evaluate", "grounded", "--legend")
        assert done.returncode == 0, done.stderr
        text = done.stdout.decode()
        assert "IN: stands" in text
        assert "OUT: defeated" in text
        assert "EVALUATION (grounded)" in text

    def test_focus_and_depth(self, seed: Path) -> None:
        done = run(
            "render", str(seed), "-f", "dot", "--focus", "indivisible-security", "--depth", "0"
        )
        assert done.returncode == 0, done.stderr
        source = done.stdout.decode()
        assert '"indivisible-security" [' in source
        assert '"the-memoirs" [' not in source

    def test_unknown_focus_is_a_usage_error(self, seed: Path) -> None:
        done = run("render", str(seed), "--focus", "nothing-like-this")
        assert done.returncode == 2
        assert b"nothing-like-this" in done.stderr
        assert b"Traceback" not in done.stderr

    def test_bad_option_value(self, seed: Path) -> None:
        done = run("render", str(seed), "-f", "dot", "--theme", "neon")
        assert done.returncode == 2
        assert b"unknown theme 'neon'" in done.stderr

    def test_unknown_suffix(self, seed: Path, tmp_path: Path) -> None:
        done = run("render", str(seed), "-o", str(tmp_path / "map.jpeg"))
        assert done.returncode == 2
        assert b"cannot tell the format" in done.stderr

    def test_an_unreadable_input_writes_nothing(self, tmp_path: Path) -> None:
        path = tmp_path / "map.dot"
        path.write_text("not a map")
        done = run("render", "argmap.testing:example_map", "-o", str(path))
        assert done.returncode == 0
        again = run("render", str(path), "--from", "json", "-o", str(path))
        assert again.returncode == 2  # not JSON: refused before anything is written
        assert path.read_text().startswith("digraph")

    def test_python_object_input(self) -> None:
        done = run("render", "argmap.testing:example_map", "-f", "dot")
        assert done.returncode == 0
        assert b"Indivisible security" in done.stdout


class TestWithoutGraphviz:
    """No engine: one message with what was looked for and the fixes; DOT still works."""

    def test_png_fails_with_the_fixes(self, seed: Path, tmp_path: Path) -> None:
        env = {"PATH": str(tmp_path / "empty")}
        done = run(
            "render", str(seed), "-o", str(tmp_path / "m.png"), env=env, hide_pygraphviz=True
        )
        assert done.returncode == 1
        message = done.stderr.decode()
        assert message.startswith("argmap: cannot render PNG")
        assert "pip install 'argmap[render]'" in message
        assert "a dot program on PATH: not found" in message
        assert "Traceback" not in message
        assert not (tmp_path / "m.png").exists()

    def test_dot_still_works(self, seed: Path, tmp_path: Path) -> None:
        env = {"PATH": str(tmp_path / "empty")}
        done = run("render", str(seed), "-f", "dot", env=env, hide_pygraphviz=True)
        assert done.returncode == 0
        assert done.stdout.startswith(b"digraph")

    def test_engines_says_none(self, tmp_path: Path) -> None:
        env = {"PATH": str(tmp_path / "empty")}
        done = run("engines", env=env, hide_pygraphviz=True)
        assert done.returncode == 1
        text = done.stdout.decode()
        assert "png     none found" in text
        assert "Fix it with one of:" in text


class TestEngines:
    """``argmap engines`` shows which engine draws each format."""

    def test_engines_lists_every_format(self, tmp_path: Path) -> None:
        done = run("engines", env={"PATH": str(tmp_path / "empty")})
        assert done.returncode == 0
        text = done.stdout.decode()
        for fmt in ("dot", "svg", "png", "pdf"):
            assert f"\n{fmt} " in f"\n{text}"
        assert "pygraphviz 2." in text
        assert "Looked for, in this order:" in text

    def test_a_named_engine_that_is_missing(self) -> None:
        done = run("engines", "--engine", "/no/such/dot")
        assert done.returncode == 1
        assert b"'/no/such/dot' (--engine)" in done.stdout

    def test_environment_variable(self, seed: Path) -> None:
        done = run("render", str(seed), "-f", "svg", env={"ARGMAP_DOT": "/no/such/dot"})
        assert done.returncode == 1
        assert b"(ARGMAP_DOT)" in done.stderr


class TestLargeMap:
    """A map too large to lay out quickly is announced with its size and the narrowing."""

    def test_says_its_size_and_offers_focus(self, tmp_path: Path) -> None:
        from argmap import MapBuilder

        b = MapBuilder("Large")
        thesis = b.position("The thesis.", id="thesis")
        for i in range(LARGE + 5):
            b.premise(f"Reason {i}.", for_=thesis, id=f"r{i}", title=f"Reason {i}")
        path = tmp_path / "large.json"
        path.write_text(dumps(b.build()))
        done = run("render", str(path), "-o", str(tmp_path / "large.svg"), "--timeout", "0.001")
        message = done.stderr.decode()
        assert f"{LARGE + 6:,} claims" in message
        assert "--focus thesis --depth 2" in message
        assert "gave up laying out" in message
        assert done.returncode == 1
        focused = run(
            "render", str(path), "-o", str(tmp_path / "part.svg"), "--focus", "r1", "--depth", "1"
        )
        assert focused.returncode == 0, focused.stderr
        assert focused.stderr == b""


def test_the_seed_file_is_the_packaged_one() -> None:
    assert json.loads(SEED.read_bytes())["title"] == example_map().title
