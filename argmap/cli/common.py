"""What every command shares: the input and output options, loading, writing, failing.

Commands let :class:`~argmap.ArgmapError` propagate: :class:`ArgmapGroup` turns it into one
message and an exit code, in one place. Command modules import from here (not from
:mod:`argmap.cli.app`, which imports them), so any of them can be imported first.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

InputArg = Annotated[
    str,
    typer.Argument(
        help="A map file (format from its suffix or --from), '-' for standard input, "
        "or module:attribute / file.py:attribute naming a map in Python.",
        show_default=False,
    ),
]
FromOption = Annotated[
    Optional[str],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option("--from", "-f", help="The input format, when the suffix does not tell it."),
]
OutputOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--output",
        "-o",
        help="Where to write; absent or '-' means standard output.",
        show_default=False,
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one message on standard error and exit with ``code``."""
    typer.echo(f"argmap: {message}", err=True)
    raise typer.Exit(code)


def exit_code_for(error: Exception) -> int:
    """2 for unreadable input and format mix-ups, 1 for everything else."""
    from argmap.core.errors import FormatError, ReadError

    return 2 if isinstance(error, (ReadError, FormatError)) else 1


class ArgmapGroup(TyperGroup):
    """The command group: where an :class:`~argmap.ArgmapError` becomes an exit code.

    Every command lets argmap's errors propagate; this is the one place that prints the
    message (``argmap: ...`` on standard error, never a traceback) and exits with
    :func:`exit_code_for`'s code.
    """

    def invoke(self, ctx: Any) -> Any:
        """Run the command; turn an ``ArgmapError`` into its message and exit code."""
        from argmap.core.errors import ArgmapError

        try:
            return super().invoke(ctx)
        except ArgmapError as error:
            fail(str(error), exit_code_for(error))


def load(spec: str, from_format: str | None) -> Any:
    """Load the input map (see :func:`argmap.host.inputs.load_input`)."""
    from argmap.host.inputs import load_input

    return load_input(spec, from_format)


def emit(content: str | bytes, output: str | None, protect: Path | None) -> None:
    """Write ``content`` to ``output`` (whole or not at all) or to standard output."""
    from argmap.host.output import write_atomic

    if output is None or output == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content)
            sys.stdout.flush()
        return
    payload = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic(Path(output), payload, protect=[protect] if protect else [])


def parse_options(pairs: list[str]) -> dict[str, Any]:
    """Turn ``key=value`` strings into exporter options (JSON values where they parse)."""
    import json

    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            fail(f"--option takes KEY=VALUE, not {pair!r}")
        try:
            options[key.strip().replace("-", "_")] = json.loads(value)
        except ValueError:
            options[key.strip().replace("-", "_")] = value
    return options
