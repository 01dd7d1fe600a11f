"""Argdown to JSON, whole process from the file: argmap against argdown-cli, in one run.

    .venv/bin/python benchmarks/argdown_speed.py [--runs N]

Needs the oracle installed (``npm ci --prefix tests/argdown_oracle``). Documents: the seed
debate (``examples/lavrov_2022.argdown``, a real hand-written map) and a generated document of
10,000 statements with relations, structures and sections. Prints the median wall time and
the median CPU time (user + system, which other work on the machine disturbs less) of each
and the speed-ups. The machine's load counts: argdown-cli uses more than one core. argmap runs
as the installed ``argmap`` script. Two floors follow: a bare ``python -c pass`` and Python
importing only attrs, pluggy and typer, the packages argmap's command line is built on; on the
seed debate most of argmap's time is that floor.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from installed import compile_argmap

ROOT = Path(__file__).resolve().parents[1]
ORACLE = ROOT / "tests" / "argdown_oracle" / "node_modules" / ".bin" / "argdown"


def generated(statements: int = 10_000) -> str:
    """A document of ``statements`` statements: trees, structures, sections, tags, data."""
    blocks: list[str] = ["===\ntitle: Generated\nauthor: benchmark\n==="]
    n = 0
    section = 0
    while n < statements:
        if n % 500 == 0:
            section += 1
            blocks.append(f"# Section {section}")
        blocks.append(
            f"[S{n}]: Statement number {n} with *some* text and a #tag{n % 7}.\n"
            f"  + [S{n + 1}]: A reason for statement {n}. {{weight: {n % 5}}}\n"
            f"    - [S{n + 2}]: An objection to the reason.\n"
            f"  - <A{n}>: An argument against statement {n}."
        )
        blocks.append(
            f"<A{n}>\n\n(1) [S{n + 3}]: A premise of argument {n}.\n"
            f"(2) [S{n + 1}]\n-- Modus ponens --\n(3) [S{n + 4}]: Its conclusion."
        )
        n += 5
    return "\n\n".join(blocks) + "\n"


def timed(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``command``, in seconds."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("node") is None or not ORACLE.exists():
        sys.exit("argdown-cli is not installed: npm ci --prefix tests/argdown_oracle")
    compile_argmap()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "generated_10000.argdown"
        big.write_text(generated(), "utf-8")
        documents = [ROOT / "examples" / "lavrov_2022.argdown", big]
        print(
            f"{'document':26} {'argmap wall/cpu':>17} {'argdown-cli wall/cpu':>21} "
            f"{'speed-up wall/cpu':>18}"
        )
        # The installed console script, as users run it (``python -m argmap`` adds runpy).
        script = Path(sys.executable).parent / "argmap"
        argmap = [str(script)] if script.exists() else [sys.executable, "-m", "argmap"]
        for document in documents:
            ours = timed(
                [
                    *argmap,
                    "export",
                    str(document),
                    "--to",
                    "json",
                    "-o",
                    str(Path(tmp) / "out.json"),
                ],
                args.runs,
            )
            theirs = timed([str(ORACLE), "json", str(document), tmp], args.runs)
            print(
                f"{document.name:26} {ours[0]:7.3f}s {ours[1]:7.3f}s "
                f"{theirs[0]:10.3f}s {theirs[1]:8.3f}s "
                f"{theirs[0] / ours[0]:8.1f}x {theirs[1] / ours[1]:7.1f}x"
            )
        # What no argmap code can go below: Python starting and importing the packages the
        # command line is built on (attrs for the model, typer for the command, pluggy).
        floor = timed([sys.executable, "-c", "import attrs, pluggy, typer"], args.runs)
        bare = timed([sys.executable, "-c", "pass"], args.runs)
        print(f"{'floor: python -c pass':26} {bare[0]:7.3f}s {bare[1]:7.3f}s")
        print(f"{'floor: import attrs, pluggy, typer':26} {floor[0]:7.3f}s {floor[1]:7.3f}s")


if __name__ == "__main__":
    main()
