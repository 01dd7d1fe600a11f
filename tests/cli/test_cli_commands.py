"""The `argmap` command, through its real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap.testing import example_map

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lavrov_2022.json"
RunArgmap = Callable[..., subprocess.CompletedProcess[str]]


def no_traceback(text: str) -> None:
    assert "Traceback" not in text
    assert 'File "' not in text


class TestExport:
    """argmap export INPUT --to FORMAT [-o OUTPUT]."""

    def test_to_stdout(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("export", str(EXAMPLE), "--to", "markdown")
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("# Security guarantees in Europe, January 2022\n")

    def test_to_file_is_exactly_the_library_output(
        self, run_argmap: RunArgmap, tmp_path: Path
    ) -> None:
        out = tmp_path / "debate.md"
        done = run_argmap("export", str(EXAMPLE), "--to", "markdown", "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert out.read_text(encoding="utf-8") == argmap.export(example_map(), "markdown")

    def test_json_round_trip_is_byte_identical(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("export", str(EXAMPLE), "--to", "json")
        assert done.stdout == EXAMPLE.read_text(encoding="utf-8")

    def test_from_stdin(self, run_argmap: RunArgmap) -> None:
        done = run_argmap(
            "export", "-", "--to", "markdown", input=EXAMPLE.read_text(encoding="utf-8")
        )
        assert done.returncode == 0, done.stderr
        assert "Indivisible security" in done.stdout

    def test_from_a_python_file(self, run_argmap: RunArgmap) -> None:
        spec = f"{ROOT / 'examples' / 'lavrov_2022.py'}:build"
        done = run_argmap("export", spec, "--to", "json")
        assert done.returncode == 0, done.stderr
        assert done.stdout == EXAMPLE.read_text(encoding="utf-8")

    def test_from_a_module_attribute(self, run_argmap: RunArgmap, tmp_path: Path) -> None:
        (tmp_path / "mydebate.py").write_text(
            "import argmap\nb = argmap.MapBuilder('mine')\nb.position('hello')\nMAP = b.build()\n",
            encoding="utf-8",
        )
        done = run_argmap(
            "export", "mydebate:MAP", "--to", "json", env={"PYTHONPATH": str(tmp_path)}
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["title"] == "mine"

    def test_never_over_the_input(self, run_argmap: RunArgmap, tmp_path: Path) -> None:
        source = tmp_path / "debate.json"
        source.write_bytes(EXAMPLE.read_bytes())
        done = run_argmap("export", str(source), "--to", "json", "-o", str(source))
        assert done.returncode == 1
        assert "it is the input file" in done.stderr
        assert source.read_bytes() == EXAMPLE.read_bytes()

    def test_failed_export_leaves_no_file(self, run_argmap: RunArgmap, tmp_path: Path) -> None:
        out = tmp_path / "out.md"
        done = run_argmap(
            "export", str(EXAMPLE), "--to", "markdown", "-O", "colour=red", "-o", str(out)
        )
        assert done.returncode == 2
        assert "has no option colour" in done.stderr
        assert not out.exists()
        assert list(tmp_path.iterdir()) == []

    def test_malformed_option(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("export", str(EXAMPLE), "--to", "markdown", "-O", "novalue")
        assert done.returncode == 2
        assert done.stderr == "argmap: --option takes KEY=VALUE, not 'novalue'\n"

    def test_unknown_format(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("export", str(EXAMPLE), "--to", "pdfx")
        assert done.returncode == 2
        assert done.stderr.startswith("argmap: unknown exporter format 'pdfx' (available: ")
        no_traceback(done.stderr)


class TestBadInput:
    """Every user error: one readable message, non-zero exit, no traceback."""

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            (b'{"format": "argmap", "version": 1, "claims": [{"id": 3}]}', "claims[0].id"),
            (b'{"format": "argmap", "version": 1, "claims": [', "truncated"),
            (b"\xff\xfe\x00garbage", "not UTF-8"),
            (b'{"nodes": []}', "not an argmap file"),
        ],
    )
    def test_broken_json(
        self, run_argmap: RunArgmap, tmp_path: Path, content: bytes, expected: str
    ) -> None:
        path = tmp_path / "broken.json"
        path.write_bytes(content)
        for command in (["export", str(path), "--to", "markdown"], ["check", str(path)]):
            done = run_argmap(*command)
            assert done.returncode == 2, done.stderr
            assert expected in done.stderr
            assert f"{path}" in done.stderr
            no_traceback(done.stderr)

    def test_missing_file(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("check", "nowhere.json")
        assert done.returncode == 2
        assert "nowhere.json" in done.stderr
        assert "No such file" in done.stderr

    def test_unknown_suffix(self, run_argmap: RunArgmap, tmp_path: Path) -> None:
        (tmp_path / "map.xyz").write_text("x", encoding="utf-8")
        done = run_argmap("check", "map.xyz")
        assert done.returncode == 2
        assert "use --from FORMAT" in done.stderr

    def test_stdin_without_a_format(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("check", "-", input="hello")
        assert done.returncode == 2
        assert "--from" in done.stderr

    def test_bad_python_object(self, run_argmap: RunArgmap, tmp_path: Path) -> None:
        (tmp_path / "thing.py").write_text("X = 3\n", encoding="utf-8")
        done = run_argmap("check", "thing.py:X")
        assert done.returncode == 2
        assert "X is a int, not an ArgumentMap or MapBuilder" in done.stderr
        no_traceback(done.stderr)

    def test_python_file_that_raises(self, run_argmap: RunArgmap, tmp_path: Path) -> None:
        (tmp_path / "bad.py").write_text("raise ValueError('oops')\n", encoding="utf-8")
        done = run_argmap("check", "bad.py:X")
        assert done.returncode == 2
        assert "ValueError: oops" in done.stderr
        no_traceback(done.stderr)

    def test_usage_error(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("export", str(EXAMPLE))
        assert done.returncode == 2
        assert "--to" in done.stderr


class TestCheck:
    """argmap check: the validation report and its exit code."""

    def test_clean_map(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("check", str(EXAMPLE))
        assert done.returncode == 0
        assert "0 error(s), 0 warning(s)" in done.stderr

    def test_errors_exit_1_and_warnings_do_not(self, run_argmap: RunArgmap, tmp_path: Path) -> None:
        warn = tmp_path / "warn.json"
        warn.write_text(
            argmap.dumps(argmap.ArgumentMap(claims=[argmap.Claim("a", "")])), encoding="utf-8"
        )
        done = run_argmap("check", str(warn))
        assert done.returncode == 0
        assert f"{warn}: claims[0]: warning[empty-text]" in done.stdout
        assert run_argmap("check", "--strict", str(warn)).returncode == 1
        b = argmap.MapBuilder()
        a = b.position("A")
        b.attack(b.premise("P", for_=a), a)
        bad = tmp_path / "bad.json"
        argmap.dump(b.build(), bad)
        done = run_argmap("check", str(bad))
        assert done.returncode == 1
        assert "error[conflicting-relations]" in done.stdout


class TestFormatsAndVersion:
    """argmap formats, --version, --help, completion."""

    def test_formats_lists_builtins_with_their_plugin(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("formats")
        assert done.returncode == 0
        rows = {line.split()[0]: line for line in done.stdout.splitlines()[1:]}
        assert "read/write" in rows["json"]
        assert "argmap.json" in rows["json"]
        assert ".md" in rows["markdown"]

    def test_version(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("--version")
        assert done.stdout.strip() == f"argmap {argmap.__version__}"

    def test_help(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("--help")
        assert done.returncode == 0
        for command in ("export", "formats", "check"):
            assert command in done.stdout

    def test_completion(self, run_argmap: RunArgmap) -> None:
        done = run_argmap("--show-completion", "bash", env={"SHELL": "/bin/bash"})
        assert done.returncode == 0
        assert "complete" in done.stdout

    def test_python_dash_m(self, tmp_path: Path) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.stdout.strip() == f"argmap {argmap.__version__}"
