"""Run the real `argmap` entry point in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def argmap_script() -> str:
    """The console script installed next to this Python."""
    script = Path(sys.executable).parent / ("argmap.exe" if os.name == "nt" else "argmap")
    assert script.exists(), f"the argmap entry point is not installed at {script}"
    return str(script)


RunArgmap = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_argmap(tmp_path: Path) -> RunArgmap:
    """Run `argmap ARGS...` and return the finished process (text mode)."""

    def run(
        *args: str,
        input: str | None = None,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(
            [argmap_script(), *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd or tmp_path,
            env=full_env,
            timeout=120,
            check=False,
        )

    return run
