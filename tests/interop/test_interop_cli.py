"""AIF, xAIF and Kialo through the real ``argmap`` command (needs argmap-aif installed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.testing import example_map

DATA = Path(__file__).parent / "data"
AIFDB = DATA / "aifdbmapconverter__nodeset21145.json"
XAIF = DATA / "papa__rebut_undercut.json"
KIALO = DATA / "kialo-cars.txt"

pytest.importorskip("argmap_aif", reason="the argmap-aif plugin is not installed")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        input=stdin.decode() if stdin is not None else None,
        check=False,
    )


def test_formats_lists_them_with_their_plugin() -> None:
    result = run("formats")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[1:]}
    assert "read/write" in rows["aif"]
    assert "argmap-aif" in rows["aif"]
    assert "argmap-aif" in rows["xaif"]
    assert " read " in rows["xaif"]
    assert "argmap.kialo" in rows["kialo"]


@pytest.mark.parametrize("path", [AIFDB, XAIF, KIALO], ids=lambda p: p.name)
def test_export_to_markdown_by_suffix_alone(path: Path) -> None:
    result = run("export", str(path), "--to", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("#")


def test_from_picks_the_reader() -> None:
    as_aif = run("export", str(XAIF), "--from", "aif", "--to", "json")
    as_xaif = run("export", str(XAIF), "--from", "xaif", "--to", "json")
    assert as_aif.returncode == as_xaif.returncode == 0
    assert as_aif.stdout == as_xaif.stdout
    wrong = run("export", str(AIFDB), "--from", "json", "--to", "markdown")
    assert wrong.returncode == 2
    assert "Traceback" not in wrong.stderr


def test_standard_input_is_sniffed() -> None:
    result = run("export", "-", "--to", "json", stdin=AIFDB.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "argmap"


def test_aif_round_trip_through_files(tmp_path: Path) -> None:
    native = tmp_path / "lavrov.json"
    native.write_text(argmap.dumps(example_map()), encoding="utf-8")
    out = tmp_path / "lavrov.aif"
    result = run("export", str(native), "--to", "aif", "-o", str(out))
    assert result.returncode == 0, result.stderr
    back = run("export", str(out), "--to", "json")
    assert back.returncode == 0, back.stderr
    assert argmap.loads(back.stdout) == example_map()


def test_check_and_evaluate_take_aif() -> None:
    check = run("check", str(AIFDB))
    assert check.returncode == 0, check.stderr
    evaluate = run("evaluate", str(XAIF))
    assert evaluate.returncode == 0, evaluate.stderr


def test_render_takes_kialo(tmp_path: Path) -> None:
    result = run("render", str(KIALO), "-o", str(tmp_path / "cars.dot"))
    assert result.returncode == 0, result.stderr
    assert "digraph" in (tmp_path / "cars.dot").read_text(encoding="utf-8")


def test_reader_warnings_reach_standard_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(
        json.dumps(
            {
                "nodes": [{"nodeID": "1", "type": "I", "text": "A"}],
                "edges": [{"edgeID": "9", "fromID": "1", "toID": "404"}],
                "locutions": [],
            }
        ),
        encoding="utf-8",
    )
    result = run("export", str(broken), "--to", "json")
    assert result.returncode == 0
    assert "dangling-edge" in result.stderr
    assert "404" in result.stderr


def test_unreadable_aif_exits_2() -> None:
    result = run("export", "-", "--from", "aif", "--to", "json", stdin=b'{"nodes": 3}')
    assert result.returncode == 2
    assert "not-aif" in result.stderr
