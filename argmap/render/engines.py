"""Graphviz engines: which program or library turns DOT into SVG, PNG or PDF.

The engine for a format is found in this order:

1. the one named explicitly: the ``engine`` argument (``--engine`` on the command line), else
   the environment variable ``ARGMAP_DOT``. ``pygraphviz`` names the library; anything else
   names a ``dot`` program (on ``PATH``, or a path to it). A named engine that is missing or
   cannot write the format is an error: argmap never silently uses another one;
2. a ``dot`` program on ``PATH``;
3. pygraphviz, whose wheels bundle Graphviz (installed by the ``argmap[render]`` extra).

When none works the error lists what was looked for and the one-line fixes. Writing DOT needs
no engine at all.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Protocol

import attrs

from argmap.core.errors import ExportError

ENV = "ARGMAP_DOT"
"""The environment variable that names the engine (``pygraphviz``, ``dot`` or a path)."""

FORMATS: tuple[str, ...] = ("svg", "png", "pdf")
"""The rendered formats argmap offers."""

LARGE = 2000
"""From this many nodes on, layout can take long: pygraphviz then runs in a child process, so
that a timeout and Ctrl-C can stop it."""


class RenderError(ExportError):
    """Graphviz could not render a diagram."""


class EngineNotFoundError(RenderError):
    """No engine can render the format asked for; the message says what to install."""


class LayoutTimeoutError(RenderError):
    """Laying out the diagram took longer than the timeout."""


@attrs.frozen
class Rendered:
    """A rendered diagram, the engine that drew it and what Graphviz warned about."""

    data: bytes
    engine: str
    warnings: tuple[str, ...] = ()


class Engine(Protocol):
    """Something that turns DOT source into an image."""

    @property
    def name(self) -> str:
        """Short name: ``pygraphviz`` or the path of a ``dot`` program."""

    def describe(self) -> str:
        """One line: the engine and the Graphviz version it uses."""

    def formats(self) -> frozenset[str]:
        """The output formats it can write (those of :data:`FORMATS` only)."""

    def render(
        self, source: str, fmt: str, *, timeout: float | None = None, nodes: int = 0
    ) -> Rendered:
        """Lay out and draw ``source`` as ``fmt``; ``nodes`` hints at the size."""


_FORMAT_LIST = re.compile(r"Use one of:(.*)", re.S)
_NOISE = re.compile(r"^Fontconfig (warning|error):")


def _warnings(stderr: str) -> tuple[str, ...]:
    """Graphviz's own messages, without the noise of mismatched font configurations."""
    return tuple(
        line.strip() for line in stderr.splitlines() if line.strip() and not _NOISE.match(line)
    )


def _failure(engine: str, fmt: str, messages: tuple[str, ...], detail: str = "") -> RenderError:
    said = "; ".join(messages) or detail or "no message"
    return RenderError(f"{engine} could not render {fmt.upper()}: {said}")


def _timeout(engine: str, timeout: float, nodes: int) -> LayoutTimeoutError:
    return LayoutTimeoutError(
        f"{engine} gave up laying out {nodes:,} nodes after {timeout:g} s; draw part of the "
        "map (--focus ID --depth N, or argmap.render.narrow) or allow longer (--timeout)"
    )


# -- a dot program ----------------------------------------------------------------------------


@attrs.frozen
class DotProgram:
    """A Graphviz ``dot`` program, run as a child process (stoppable with a timeout)."""

    path: str

    @property
    def name(self) -> str:
        """The program's path."""
        return self.path

    def describe(self) -> str:
        """The program and its version."""
        return f"dot program {self.path} ({_program_version(self.path)})"

    def formats(self) -> frozenset[str]:
        """The formats of :data:`FORMATS` that ``dot -T?`` lists."""
        return _program_formats(self.path)

    def render(
        self, source: str, fmt: str, *, timeout: float | None = None, nodes: int = 0
    ) -> Rendered:
        """Run ``dot -T<fmt>`` on ``source``."""
        try:
            done = subprocess.run(
                [self.path, f"-T{fmt}"],
                input=source.encode("utf-8"),
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise _timeout(self.path, timeout or 0, nodes) from None
        except OSError as error:
            raise RenderError(f"cannot run {self.path}: {error.strerror or error}") from None
        messages = _warnings(done.stderr.decode("utf-8", "replace"))
        if done.returncode != 0 or not done.stdout:
            raise _failure(self.path, fmt, messages, f"exit status {done.returncode}")
        return Rendered(done.stdout, self.describe(), messages)


@functools.cache
def _program_formats(path: str) -> frozenset[str]:
    try:
        done = subprocess.run([path, "-T?"], capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    found = _FORMAT_LIST.search(done.stderr.decode("utf-8", "replace"))
    listed = set(found.group(1).split()) if found else set()
    return frozenset(f for f in FORMATS if f in listed)


@functools.cache
def _program_version(path: str) -> str:
    try:
        done = subprocess.run([path, "-V"], capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return "version unknown"
    found = re.search(r"version\s+(\S+)", done.stderr.decode("utf-8", "replace"))
    return f"Graphviz {found.group(1)}" if found else "version unknown"


# -- pygraphviz -------------------------------------------------------------------------------


@contextlib.contextmanager
def _captured_stderr() -> Iterator[list[str]]:
    """Collect what C libraries write on file descriptor 2 while the block runs."""
    found: list[str] = []
    try:
        saved = os.dup(2)
    except OSError:  # no file descriptor 2 (some embedded interpreters)
        yield found
        return
    with tempfile.TemporaryFile() as sink:
        sys.stderr.flush()
        os.dup2(sink.fileno(), 2)
        try:
            yield found
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            found.append(sink.read().decode("utf-8", "replace"))


def _pygraphviz_problem() -> str | None:
    """Why pygraphviz cannot be used, or None when it can."""
    try:
        import pygraphviz  # noqa: F401
    except ImportError as error:
        return f"not installed ({error})"
    except Exception as error:  # a broken install: a missing shared library, say
        return f"cannot be imported ({type(error).__name__}: {error})"
    return None


def _draw_in_process(source: str, fmt: str) -> tuple[bytes, str]:
    import pygraphviz

    with _captured_stderr() as stderr:
        try:
            graph = pygraphviz.AGraph(string=source)
            data = graph.draw(format=fmt, prog="dot")
        except Exception as error:
            data = None
            failure = f"{type(error).__name__}: {error}"
        else:
            failure = ""
    messages = stderr[0] if stderr else ""
    if not data:
        raise _failure("pygraphviz", fmt, _warnings(messages), failure)
    return bytes(data), messages


@attrs.frozen
class Pygraphviz:
    """Graphviz through pygraphviz (its wheels bundle Graphviz: nothing else to install).

    Small maps are drawn in-process; from :data:`LARGE` nodes on, or when a timeout is given,
    in a child process, so the timeout holds and Ctrl-C stops it.
    """

    @property
    def name(self) -> str:
        """``pygraphviz``."""
        return "pygraphviz"

    def describe(self) -> str:
        """Pygraphviz and the Graphviz version it bundles."""
        import pygraphviz
        from pygraphviz import graphviz as gv

        version = (
            f"{gv.GRAPHVIZ_MAJOR_VERSION}.{gv.GRAPHVIZ_MINOR_VERSION}.{gv.GRAPHVIZ_PATCH_VERSION}"
        )
        return f"pygraphviz {pygraphviz.__version__} (Graphviz {version}, in-process)"

    def formats(self) -> frozenset[str]:
        """The formats of :data:`FORMATS` its Graphviz can write."""
        return _pygraphviz_formats()

    def render(
        self, source: str, fmt: str, *, timeout: float | None = None, nodes: int = 0
    ) -> Rendered:
        """Draw ``source`` with pygraphviz's bundled Graphviz."""
        if nodes < LARGE and timeout is None:
            data, messages = _draw_in_process(source, fmt)
            return Rendered(data, self.describe(), _warnings(messages))
        worker = Path(__file__).with_name("_worker.py")
        try:
            done = subprocess.run(
                [sys.executable, str(worker), fmt],
                input=source.encode("utf-8"),
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise _timeout("pygraphviz", timeout or 0, nodes) from None
        said = _warnings(done.stderr.decode("utf-8", "replace"))
        if done.returncode != 0 or not done.stdout:
            raise _failure("pygraphviz", fmt, said, f"exit status {done.returncode}")
        return Rendered(done.stdout, self.describe(), said)


@functools.cache
def _pygraphviz_formats() -> frozenset[str]:
    if _pygraphviz_problem() is not None:
        return frozenset()
    import pygraphviz

    # Graphviz lists what it can write when asked for a format it does not know.
    with _captured_stderr() as stderr, contextlib.suppress(Exception):
        pygraphviz.AGraph("digraph{}").draw(format="argmap-probe", prog="dot")
    found = _FORMAT_LIST.search(stderr[0] if stderr else "")
    if not found:  # cannot tell: try each
        return frozenset(f for f in FORMATS if _probe(f))
    listed = set(found.group(1).split())
    return frozenset(f for f in FORMATS if f in listed)


def _probe(fmt: str) -> bool:
    try:
        _draw_in_process("digraph{a}", fmt)
    except RenderError:
        return False
    return True


# -- resolution -------------------------------------------------------------------------------


@attrs.frozen
class Candidate:
    """One place looked for an engine, and what was found there."""

    looked_for: str
    engine: Engine | None
    note: str


@attrs.frozen
class EngineReport:
    """What :func:`find_engines` looked at, and the engine chosen for each format.

    Attributes:
        explicit: The engine named by argument or ``ARGMAP_DOT``, or None.
        candidates: Every place looked, in order.
        chosen: For each of :data:`FORMATS`, the engine that would draw it, or None.
    """

    explicit: str | None
    candidates: tuple[Candidate, ...]
    chosen: Mapping[str, Engine | None]

    def format(self) -> str:
        """The report as lines for a person."""
        lines = ["FORMAT  ENGINE"]
        lines.append(f"{'dot':6}  built in (writing DOT needs no Graphviz)")
        for fmt in FORMATS:
            engine = self.chosen[fmt]
            lines.append(f"{fmt:6}  {engine.describe() if engine else 'none found'}")
        lines.append("")
        lines.append("Looked for, in this order:")
        for candidate in self.candidates:
            lines.append(f"  - {candidate.looked_for}: {candidate.note}")
        if not all(self.chosen.values()):
            lines.append("")
            lines.extend(FIXES)
        return "\n".join(lines)


FIXES: tuple[str, ...] = (
    "Fix it with one of:",
    "  pip install 'argmap[render]'    Graphviz bundled in pygraphviz's wheels, nothing else",
    "  sudo apt-get install graphviz   or: brew install graphviz / winget install graphviz",
    f"  export {ENV}=/path/to/dot   a Graphviz you already have",
    "DOT needs no engine: argmap render MAP -f dot -o map.dot",
)


def _named(spec: str) -> Candidate:
    where = f"the engine named {spec!r}"
    if spec == "pygraphviz":
        problem = _pygraphviz_problem()
        if problem:
            return Candidate(where, None, f"pygraphviz is {problem}")
        return Candidate(where, Pygraphviz(), "found")
    found = shutil.which(spec)
    if found is None:
        path = Path(spec).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            found = str(path)
    if found is None:
        return Candidate(
            where, None, "neither 'pygraphviz' nor a program on PATH or an executable file"
        )
    return Candidate(where, DotProgram(found), f"found {found}")


def find_engines(
    engine: str | None = None, environ: Mapping[str, str] | None = None
) -> EngineReport:
    """Look for engines in the documented order and choose one for each format.

    Args:
        engine: The engine named explicitly (``pygraphviz``, ``dot``, or a path to a dot
            program); when None, ``ARGMAP_DOT`` is read.
        environ: The environment to read ``ARGMAP_DOT`` from (default: the process's).
    """
    env = os.environ if environ is None else environ
    spec = engine or env.get(ENV) or None
    candidates: list[Candidate] = []
    if spec is not None:
        source = "--engine" if engine else ENV
        named = _named(spec)
        candidates.append(attrs.evolve(named, looked_for=f"{named.looked_for} ({source})"))
        order = [named.engine]
    else:
        candidates.append(Candidate(f"an engine named by --engine or {ENV}", None, "none named"))
        dot = shutil.which("dot")
        candidates.append(
            Candidate(
                "a dot program on PATH",
                DotProgram(dot) if dot else None,
                f"found {dot}" if dot else "not found",
            )
        )
        problem = _pygraphviz_problem()
        candidates.append(
            Candidate(
                "pygraphviz (the argmap[render] extra)",
                None if problem else Pygraphviz(),
                problem or "found",
            )
        )
        order = [c.engine for c in candidates[1:]]
    chosen: dict[str, Engine | None] = {}
    for fmt in FORMATS:
        chosen[fmt] = next((e for e in order if e is not None and fmt in e.formats()), None)
    return EngineReport(spec, tuple(candidates), chosen)


def resolve(
    fmt: str, engine: str | None = None, environ: Mapping[str, str] | None = None
) -> Engine:
    """The engine that will render ``fmt``; see :func:`find_engines` for the order.

    Raises:
        EngineNotFoundError: When no engine can write ``fmt``, with what was looked for and
            how to fix it.
    """
    report = find_engines(engine, environ)
    chosen = report.chosen.get(fmt)
    if chosen is not None:
        return chosen
    if fmt not in FORMATS:
        raise RenderError(f"argmap renders {', '.join(FORMATS)} and dot, not {fmt!r}")
    lines = [f"cannot render {fmt.upper()}: no Graphviz engine that writes it was found."]
    if report.explicit is not None:
        named = report.candidates[0]
        if named.engine is not None:
            lines[0] = f"cannot render {fmt.upper()}: {named.engine.describe()} cannot write it."
        lines.append("The engine was named explicitly, so no other was tried.")
    lines.append("Looked for:")
    lines.extend(f"  - {c.looked_for}: {c.note}" for c in report.candidates)
    lines.extend(FIXES)
    raise EngineNotFoundError("\n".join(lines))


def clear_caches() -> None:
    """Forget what was learnt about engines (after installing one, say)."""
    _program_formats.cache_clear()
    _program_version.cache_clear()
    _pygraphviz_formats.cache_clear()
