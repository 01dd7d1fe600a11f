"""Issue 3's goal: `argmap --help` starts in under 150 ms here.

Runs the installed `argmap` entry point many times and prints the median and best wall time,
next to a bare `python -c pass` for reference, then the ten slowest imports of the CLI.

    python benchmarks/cli_startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from installed import compile_argmap


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    compile_argmap()
    script = str(Path(sys.executable).parent / "argmap")
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("argmap --help", [script, "--help"]),
        ("argmap --version", [script, "--version"]),
        ("argmap formats", [script, "formats"]),
    ]
    print(f"{'command':<18} {'median ms':>10} {'best ms':>8}   ({args.runs} runs each)")
    for name, command in rows:
        times = timed(command, args.runs)
        print(f"{name:<18} {statistics.median(times) * 1000:10.0f} {min(times) * 1000:8.0f}")
    print("goal: argmap --help under 150 ms")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import argmap.cli"],
        capture_output=True,
        text=True,
        check=True,
    )
    imports = []
    for line in done.stderr.splitlines()[1:]:
        parts = line.split("|")
        if len(parts) == 3:
            imports.append((int(parts[1]), parts[2].rstrip()))
    print("slowest imports of argmap.cli (cumulative µs):")
    for micros, name in sorted(imports, reverse=True)[:10]:
        print(f"  {micros:>8}  {name}")


if __name__ == "__main__":
    main()
