"""The ``argmap`` command: parses options, calls the library, turns errors into exit codes.

Exit codes: 0 success; 1 the map has errors (``check``) or an export failed; 2 usage errors
and unreadable input. Every user error is one message on standard error, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer

from argmap import __version__

app = typer.Typer(
    name="argmap",
    help="Argument maps of real debates: check, evaluate, export and render them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMAND_MODULES: tuple[str, ...] = ("argmap.commands.evaluate", "argmap.commands.render")
"""Modules that each add commands with ``register(app)`` (kept light: heavy imports go
inside the command bodies, so ``argmap --help`` stays fast)."""

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
    from argmap.errors import FormatError, ReadError

    return 2 if isinstance(error, (ReadError, FormatError)) else 1


def load(spec: str, from_format: str | None) -> Any:
    """Load the input map, or exit with the reader's message."""
    from argmap.errors import ArgmapError
    from argmap.inputs import load_input

    try:
        return load_input(spec, from_format)
    except ArgmapError as error:
        fail(str(error), exit_code_for(error))


def emit(content: str | bytes, output: str | None, protect: Path | None) -> None:
    """Write ``content`` to ``output`` (whole or not at all) or to standard output."""
    from argmap.errors import ArgmapError
    from argmap.output import write_atomic

    if output is None or output == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content)
            sys.stdout.flush()
        return
    payload = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomic(Path(output), payload, protect=[protect] if protect else [])
    except ArgmapError as error:
        fail(str(error), 1)


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print argmap's version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Argument maps of real debates: check, evaluate, export and render them."""


@app.command()
def export(
    input: InputArg,
    to: Annotated[
        str, typer.Option("--to", "-t", help="The output format (see 'argmap formats').")
    ],
    output: OutputOption = None,
    from_format: FromOption = None,
    option: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--option", "-O", help="An exporter option as KEY=VALUE (repeatable)."),
    ] = None,
    evaluate: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--evaluate", help="Show what stands under this semantics (grounded, "
                     "preferred, stable, complete), where the format can show it."),
    ] = None,
) -> None:
    """Convert a map to another format."""
    from argmap.errors import ArgmapError
    from argmap.plugins import registry

    loaded = load(input, from_format)
    try:
        exporter = registry().exporter(to)
        options = parse_options(option or [])
        if evaluate is not None:
            from argmap.evaluation.options import with_evaluation

            options = with_evaluation(exporter, loaded.amap, evaluate, options)
        content = exporter(loaded.amap, **options)
    except ArgmapError as error:
        fail(str(error), exit_code_for(error))
    emit(content, output, loaded.path)


@app.command()
def formats() -> None:
    """List every format argmap can read or write, and the plugin it comes from."""
    from argmap.plugins import registry

    formats = registry()
    names = sorted(set(formats.readers) | set(formats.exporters))
    rows = []
    for name in names:
        reader = formats.readers.get(name)
        exporter = formats.exporters.get(name)
        modes = "/".join(m for m, d in (("read", reader), ("write", exporter)) if d is not None)
        descriptor: Any = exporter or reader
        suffixes = sorted(
            {*(reader.suffixes if reader else ()), *(exporter.suffixes if exporter else ())}
        )
        rows.append(
            (name, modes, " ".join(suffixes), str(descriptor.origin), descriptor.description)
        )
    widths = [
        max(len(r[i]) for r in [("FORMAT", "MODE", "SUFFIXES", "PLUGIN", ""), *rows])
        for i in range(4)
    ]
    header = ("FORMAT", "MODE", "SUFFIXES", "PLUGIN", "DESCRIPTION")
    for row in [header, *rows]:
        typer.echo(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4]
        )
    for problem in formats.problems:
        typer.echo(f"argmap: warning: {problem}", err=True)


@app.command()
def check(
    input: InputArg,
    from_format: FromOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings as errors (exit 1 on any).")
    ] = False,
) -> None:
    """Validate a map: every error and warning with its location; exit 1 on errors."""
    from argmap.validation import validate

    loaded = load(input, from_format)
    report = validate(loaded.amap)
    for diagnostic in report:
        typer.echo(diagnostic.format())
    summary = f"{loaded.name}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    typer.echo(summary, err=True)
    if report.errors or (strict and report.warnings):
        raise typer.Exit(1)


for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(app)


def main() -> None:
    """Entry point of the ``argmap`` script."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
