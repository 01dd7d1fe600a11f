"""The Python examples in the docs run, in order, page by page."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = ["getting-started.md", "python-api.md", "json-format.md", "markdown.md", "plugins.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("page", PAGES)
def test_python_blocks_run(page: str, tmp_path: Path) -> None:
    blocks = BLOCK.findall((DOCS / page).read_text(encoding="utf-8"))
    assert blocks, f"{page} has no Python example"
    namespace: dict[str, object] = {"__name__": f"docs_{page}"}
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        for block in blocks:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(block, f"{page}", "exec"), namespace)
    finally:
        os.chdir(cwd)


def test_json_format_page_shows_the_real_error_message() -> None:
    import argmap

    text = (DOCS / "json-format.md").read_text(encoding="utf-8")
    broken = text.split("broken = '''")[1].split("'''")[0]
    with pytest.raises(argmap.ReadError) as caught:
        argmap.loads(broken, "debate.json")
    assert str(caught.value) in text


def test_readme_python_example_runs() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    (block,) = BLOCK.findall(readme)
    with contextlib.redirect_stdout(io.StringIO()) as out:
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    assert "0 error(s)" in out.getvalue()


def test_ci_runs_the_readme_test_command() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    ci = (DOCS.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash tests/run.sh" in readme
    assert "exec bash tests/run.sh" in ci
