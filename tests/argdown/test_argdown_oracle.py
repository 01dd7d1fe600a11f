"""Differential tests: argmap's Argdown reader against the reference implementation.

The oracle is ``@argdown/cli`` 1.7.5, installed by ``tests/run.sh`` into
``tests/argdown_oracle/node_modules``. Without Node or the installed oracle these tests are
reported as skipped with the reason, never passed silently.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from argmap import ArgumentMap, ReadError
from argmap.builtin.argdown import dumps, loads

HERE = Path(__file__).parent
DOCUMENTS = sorted((HERE / "documents").glob("*.argdown"))
VALID = [d for d in DOCUMENTS if not d.name.startswith("errors_")]
INVALID = [d for d in DOCUMENTS if d.name.startswith("errors_")]
ORACLE = HERE.parent / "argdown_oracle" / "node_modules" / ".bin" / "argdown"
_ERROR_AT = re.compile(r"At (\d+):(\d+)")

needs_oracle = pytest.mark.skipif(
    shutil.which("node") is None or not ORACLE.exists(),
    reason="Argdown oracle missing: install Node and run "
    "'npm ci --prefix tests/argdown_oracle' (tests/run.sh does)",
)

_KINDS = {"entails": "support", "contrary": "attack", "contradictory": "contradiction"}


def run_oracle(path: Path, out: Path) -> tuple[dict[str, Any] | None, str]:
    done = subprocess.run(
        [str(ORACLE), "json", str(path), str(out)], capture_output=True, text=True, timeout=120
    )
    produced = out / (path.stem + ".json")
    if not produced.exists():
        return None, re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    return json.loads(produced.read_text("utf-8")), ""


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def oracle_view(data: dict[str, Any]) -> dict[str, Any]:
    statements = {}
    for title, ec in data["statements"].items():
        texts = [m.get("text") for m in ec.get("members", []) if not m.get("isReference")]
        statements[title] = _norm(texts[-1] if texts else "")
    arguments = {}
    for title, arg in data["arguments"].items():
        pcs = arg.get("pcs") or []
        premises = [s["title"] for s in pcs if s.get("role") == "premise"]
        conclusion = pcs[-1]["title"] if pcs else None
        rules = (pcs[-1].get("inference") or {}).get("inferenceRules", []) if pcs else []
        arguments[title] = (premises, conclusion, ", ".join(rules) or None)
    relations = {
        (_KINDS.get(r["relationType"], r["relationType"]), r["from"], r["to"])
        for r in data["relations"]
    }
    sections: list[tuple[str, int]] = []

    def walk(items: list[dict[str, Any]], depth: int) -> None:
        for item in items:
            sections.append((item["title"], depth))
            walk(item.get("children", []), depth + 1)

    walk(data.get("sections") or [], 0)
    tags = sorted((data.get("tags") or {}).keys())
    return {
        "statements": statements,
        "arguments": arguments,
        "relations": relations,
        "sections": sections,
        "tags": tags,
    }


def argmap_view(amap: ArgumentMap) -> dict[str, Any]:
    name = {c.id: c.title or c.id for c in amap.claims}
    name.update({a.id: a.title or a.id for a in amap.arguments})
    statements = {name[c.id]: _norm(c.text) for c in amap.claims}
    arguments = {
        name[a.id]: (
            [name[p] for p in a.premises],
            name[a.conclusion] if a.conclusion else None,
            a.scheme,
        )
        for a in amap.arguments
    }
    relations = {(r.kind.value, name[r.origin], name[r.target]) for r in amap.relations}
    depth: dict[str, int] = {}
    for s in amap.sections:
        depth[s.id] = 0 if s.parent is None else depth[s.parent] + 1
    sections = [(s.title, depth[s.id]) for s in amap.sections]
    tags = sorted({t for node in amap for t in node.tags})
    return {
        "statements": statements,
        "arguments": arguments,
        "relations": relations,
        "sections": sections,
        "tags": tags,
    }


@needs_oracle
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_agrees_with_reference(path: Path, tmp_path: Path) -> None:
    data, message = run_oracle(path, tmp_path)
    assert data is not None, message
    expected = oracle_view(data)
    amap = loads(path.read_bytes(), str(path))
    assert argmap_view(amap) == expected


@needs_oracle
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_written_argdown_agrees_with_reference(path: Path, tmp_path: Path) -> None:
    """What the writer produces is valid Argdown for the reference implementation too."""
    amap = loads(path.read_bytes(), str(path))
    written = tmp_path / "written.argdown"
    written.write_text(dumps(amap), "utf-8")
    data, message = run_oracle(written, tmp_path / "out")
    assert data is not None, message
    view = oracle_view(data)
    mine = argmap_view(loads(written.read_bytes()))
    assert view["relations"] == mine["relations"]
    assert set(view["statements"]) == set(mine["statements"])
    assert loads(written.read_bytes()) == amap


@needs_oracle
@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_rejects_what_reference_rejects_at_same_line(path: Path, tmp_path: Path) -> None:
    data, message = run_oracle(path, tmp_path)
    assert data is None
    lines = {int(m.group(1)) for m in _ERROR_AT.finditer(message)}
    with pytest.raises(ReadError) as caught:
        loads(path.read_bytes(), str(path))
    mine = {d.location.line for d in caught.value.diagnostics if d.location}
    assert lines <= mine, (lines, caught.value)


def test_oracle_presence_is_reported() -> None:
    """Say loudly, in the test report, when the differential tests cannot run."""
    if shutil.which("node") is None or not ORACLE.exists():
        pytest.skip("Argdown oracle missing: the differential tests above did NOT run")
