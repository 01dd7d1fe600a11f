"""Make the argmap under test start like an installed one before timing whole processes.

``pip install`` compiles a package's modules to bytecode, and Python caches what it imports;
an editable checkout on a machine with ``PYTHONDONTWRITEBYTECODE=1`` (this one) has no
``__pycache__`` and compiles all of argmap's modules on every run, which adds tens of
milliseconds to each start. Whole-process benchmarks call :func:`compile_argmap` first so they
time argmap as its users run it.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import argmap


def compile_argmap() -> None:
    """Write the bytecode of every argmap module (a no-op when it is there already)."""
    package = Path(argmap.__file__).parent
    compileall.compile_dir(package, quiet=1)
