"""The Argdown reader alone: CPU time to read a document into a map, in one process.

    .venv/bin/python benchmarks/argdown_reader_only.py [--runs N] [--statements N]

Reads the generated document of ``argdown_speed.py`` (10,000 statements by default) and the
seed debate (``examples/lavrov_2022.argdown``) from bytes through the ``argdown`` reader, as
the plugin host calls it, and prints the best CPU time (``time.process_time()``) of N runs:
start-up and the writing of JSON are not included (see ``argdown_speed.py`` for the whole
process). Also prints the import time of the reader modules, measured in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from argdown_speed import generated
from installed import compile_argmap

ROOT = Path(__file__).resolve().parents[1]


def best_cpu(data: bytes, source: str, runs: int) -> float:
    """Best CPU time of reading ``data`` through the ``argdown`` reader, as the host calls it.

    The host's :class:`~argmap.plugin_api.Reader` pauses the cyclic collector around the read.
    """
    from argmap.host.plugins import registry

    read = registry().readers["argdown"]
    times: list[float] = []
    for _ in range(runs):
        start = time.process_time()
        read(data, source)
        times.append(time.process_time() - start)
    return min(times)


def import_cpu(runs: int) -> float:
    """Best CPU time of importing the Argdown reader once the model and validation are in.

    Those two are imported by every command anyway; what is left is the reader's own cost.
    The bytecode is written first, as an installed argmap has it (else, with
    ``PYTHONDONTWRITEBYTECODE=1``, the figure is mostly the compilation of changed modules).
    """
    compile_argmap()
    code = (
        "import time, argmap.model, argmap.authoring.validation; s = time.process_time(); "
        "import argmap.builtin.argdown.reader; print(time.process_time() - s)"
    )
    found = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return min(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--statements", type=int, default=10_000)
    args = parser.parse_args()
    documents = [
        (f"generated_{args.statements}", generated(args.statements).encode("utf-8")),
        ("lavrov_2022", (ROOT / "examples" / "lavrov_2022.argdown").read_bytes()),
    ]
    for name, data in documents:
        seconds = best_cpu(data, name + ".argdown", args.runs)
        print(
            f"{name:22} {len(data) / 1000:8.0f} kB  read {seconds:7.4f} s CPU (best of {args.runs})"
        )
    print(
        f"{'import reader':22} {'':11} {import_cpu(args.runs):7.4f} s CPU "
        f"(best of {args.runs}, after argmap.model and argmap.authoring.validation)"
    )


if __name__ == "__main__":
    main()
