"""End to end: the argmap-mermaid distribution, really installed, through the real entry point."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lavrov_2022.json"

try:
    DISTRIBUTION: metadata.Distribution | None = metadata.distribution("argmap-mermaid")
except metadata.PackageNotFoundError:  # pragma: no cover - tests/run.sh installs it
    DISTRIBUTION = None

pytestmark = pytest.mark.skipif(
    DISTRIBUTION is None,
    reason="argmap-mermaid is not installed (tests/run.sh installs every plugins/*/)",
)


def argmap(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    script = shutil.which("argmap", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "argmap"]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_formats_lists_mermaid_with_its_distribution() -> None:
    done = argmap("formats")
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()]
    row = next(r for r in rows if r and r[0] == "mermaid")
    assert row[1] == "write"
    assert ".mmd" in row
    assert ".mermaid" in row
    assert "argmap-mermaid" in row
    assert DISTRIBUTION is not None
    assert DISTRIBUTION.version in done.stdout
    assert "warning" not in done.stderr


def test_export_to_standard_output() -> None:
    done = argmap("export", str(EXAMPLE), "--to", "mermaid")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "\nflowchart BT\n" in done.stdout
    assert 'c1(["<b>⚑ Position · held by Russia</b><br/><b>Indivisible security</b>' in done.stdout
    assert "-.-x" in done.stdout  # the undercut of the 1990 promise


def test_export_to_a_file_and_by_suffix(tmp_path: Path) -> None:
    out = tmp_path / "out.mmd"
    done = argmap("export", str(EXAMPLE), "--to", "mermaid", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text == argmap("export", str(EXAMPLE), "--to", "mermaid").stdout
    assert text.startswith("---\ntitle: ")


def test_options_from_the_command_line() -> None:
    done = argmap(
        "export",
        str(EXAMPLE),
        "--to",
        "mermaid",
        "-O",
        "fence=true",
        "-O",
        "direction=LR",
        "-O",
        "evaluation=grounded",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("```mermaid\n")
    assert "flowchart LR" in done.stdout
    assert "✅ in · stands" in done.stdout


def test_a_wrong_option_is_one_message_and_exit_2() -> None:
    done = argmap("export", str(EXAMPLE), "--to", "mermaid", "-O", "direction=up")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("argmap: mermaid: direction must be one of")
    assert "Traceback" not in done.stderr


def test_disabling_the_plugin_by_name() -> None:
    done = argmap("formats", env={"ARGMAP_DISABLE_PLUGINS": "mermaid"})
    assert done.returncode == 0
    assert "mermaid" not in done.stdout
    refused = argmap(
        "export", str(EXAMPLE), "--to", "mermaid", env={"ARGMAP_DISABLE_PLUGINS": "mermaid"}
    )
    assert refused.returncode == 2
    assert "unknown exporter format 'mermaid'" in refused.stderr
