"""The ``argmap evaluate`` command and ``--evaluate`` on ``export``, through the entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = str(Path(__file__).parents[2] / "argmap" / "data" / "lavrov_2022.json")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_table_lists_every_node_with_its_reason() -> None:
    """One row per claim and argument; a summary on standard error."""
    done = run("evaluate", SEED)
    assert done.returncode == 0
    rows = done.stdout.splitlines()
    assert rows[0].split()[:3] == ["LABEL", "ID", "REASON"]
    assert len(rows) == 1 + 16
    assert "out: defeated by the-freedom-is-conditioned" in done.stdout
    assert done.stderr.strip() == "grounded: 8 in, 8 out, 0 undecided"


def test_json_for_programs() -> None:
    """JSON carries semantics, conflict mode, extension count and every label."""
    done = run(
        "evaluate", SEED, "--semantics", "preferred", "--conflict", "symmetric", "--format", "json"
    )
    document = json.loads(done.stdout)
    assert document["semantics"] == "preferred"
    assert document["conflict"] == "symmetric"
    assert document["extensions"] == 2
    first = document["labels"][0]
    assert first["id"] == "indivisible-security"
    assert (first["sceptical"], first["credulous"]) == (False, True)


def test_bad_options_exit_2_or_1_with_one_message() -> None:
    """Usage errors are one line, never a traceback."""
    bad = run("evaluate", SEED, "--format", "xml")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    unknown = run("evaluate", SEED, "--semantics", "ideal")
    assert unknown.returncode == 1
    assert "unknown semantics" in unknown.stderr
    missing = run("evaluate", "no-such-file.json")
    assert missing.returncode == 2


def test_export_shows_evaluation_where_the_format_can() -> None:
    """Markdown takes --evaluate; JSON says it cannot."""
    shown = run("export", SEED, "--to", "markdown", "--evaluate", "grounded")
    assert shown.returncode == 0
    assert "out: defeated by the-freedom-is-conditioned" in shown.stdout
    refused = run("export", SEED, "--to", "json", "--evaluate", "grounded")
    assert refused.returncode != 0
    assert "cannot show evaluation" in refused.stderr
