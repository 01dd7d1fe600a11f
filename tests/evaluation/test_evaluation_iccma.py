"""ICCMA formats (af, apx, tgf): round trips, hostile names, every problem with its line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.builtin.iccma import codec as iccma
from argmap.core.errors import ReadError
from argmap.evaluation.framework import Framework

names = st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=6, unique=True)


@settings(max_examples=150, deadline=None)
@given(names, st.data())
def test_round_trips_keep_the_framework(arg_names: list[str], data: st.DataObject) -> None:
    """apx keeps any name exactly; af and tgf keep the attacks between numbered arguments."""
    n = len(arg_names)
    attacks = data.draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), unique=True, max_size=10)
    )
    af = Framework(arg_names, attacks)
    back = iccma.read_apx(iccma.write_apx(af).encode())
    assert back.names == arg_names
    assert sorted(back.attacks) == sorted(af.attacks)
    numbered = iccma.read_af(iccma.write_af(af).encode())
    assert len(numbered) == n
    assert sorted(numbered.attacks) == sorted(af.attacks)
    tgf = iccma.read_tgf(iccma.write_tgf(af).encode())
    assert len(tgf) == n
    assert sorted(tgf.attacks) == sorted(af.attacks)
    assert iccma.write_apx(af) == iccma.write_apx(back)  # deterministic


def test_every_problem_is_reported_with_its_line() -> None:
    """Readers collect all problems, never half a framework."""
    with pytest.raises(ReadError) as caught:
        iccma.read_af(b"p af 2\n1 3\nfoo\n# fine\n2 1\n", "x.af")
    lines = [d.location.line for d in caught.value.diagnostics if d.location]
    assert lines == [2, 3]
    with pytest.raises(ReadError) as caught:
        iccma.read_apx(b"arg(a).\natt(a,b).\nnonsense\n", "x.apx")
    codes = sorted(d.code for d in caught.value.diagnostics)
    assert codes == ["bad-statement", "unknown-argument"]
    with pytest.raises(ReadError):
        iccma.read_tgf(b"a\n#\na b\n")
    with pytest.raises(ReadError, match="p af N"):
        iccma.read_af(b"1 2\n")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], input=stdin, capture_output=True, check=False
    )


def test_evaluate_reads_frameworks_directly(tmp_path: Path) -> None:
    """Self-attacks and names as in the file; stable says when no extension exists."""
    path = tmp_path / "odd.apx"
    path.write_text('arg(a).\narg("b c").\narg(d).\natt(a,"b c").\natt("b c",a).\natt(d,d).\n')
    done = run("evaluate", str(path), "--semantics", "preferred", "--format", "json")
    assert done.returncode == 0, done.stderr
    import json

    result = json.loads(done.stdout)
    assert [x["id"] for x in result["labels"]] == ["a", "b c", "d"]
    assert result["extensions"] == 2
    assert result["labels"][2]["reason"].endswith("d attacks itself")
    stable = run("evaluate", str(path), "-s", "stable")
    assert b"no stable extension exists" in stable.stderr


def test_a_map_exported_as_a_framework_evaluates_the_same(tmp_path: Path) -> None:
    """The exported translation, read back, labels the map's nodes as the map does."""
    seed = Path(__file__).parents[2] / "argmap" / "data" / "lavrov_2022.json"
    for fmt in ("af", "apx", "tgf"):
        out = tmp_path / f"seed.{fmt}"
        done = run("export", str(seed), "--to", fmt, "-o", str(out))
        assert done.returncode == 0, done.stderr
        framework = iccma.read(out.read_bytes(), fmt)
        from argmap import load
        from argmap.evaluation import evaluate
        from argmap.evaluation.framework import grounded

        amap = load(seed)
        labels, _ = grounded(framework)
        expected = evaluate(amap)
        got = [("in", "out", "undecided")[[1, 2, 0].index(labels[i])] for i in range(len(amap))]
        assert got == [n.label.value for n in expected.labels.values()]


def test_tgf_names_starting_with_a_byte_order_mark_survive() -> None:
    # Found by the round-trip property: a first name of '\ufeff' was read as the file's BOM.
    af = Framework(["\ufeff", "b"], [(0, 1)])
    back = iccma.read_tgf(iccma.write_tgf(af).encode())
    assert len(back) == 2
    assert sorted(back.attacks) == [(0, 1)]
