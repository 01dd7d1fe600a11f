"""The seed debate written by hand in Argdown is the Python example's map."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from argmap import ArgumentMap
from argmap.builtin.argdown import loads

ROOT = Path(__file__).resolve().parents[2]
ARGDOWN = ROOT / "examples" / "lavrov_2022.argdown"


def python_example() -> ArgumentMap:
    spec = importlib.util.spec_from_file_location(
        "lavrov_example", ROOT / "examples" / "lavrov_2022.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built: ArgumentMap = module.build()
    return built


def test_argdown_example_equals_python_example() -> None:
    assert loads(ARGDOWN.read_bytes(), str(ARGDOWN)) == python_example()


def test_locations_point_into_the_file() -> None:
    amap = loads(ARGDOWN.read_bytes(), str(ARGDOWN))
    claim = amap.claim("indivisible-security")
    assert claim.location is not None
    lines = ARGDOWN.read_text("utf-8").splitlines()
    assert lines[(claim.location.line or 0) - 1].startswith("[Indivisible security]")


def test_cli_exports_the_example_to_json() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(ARGDOWN), "--to", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"indivisible-security"' in done.stdout
