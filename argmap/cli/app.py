"""The ``argmap`` command: parses options, calls the library, turns errors into exit codes.

Exit codes: 0 success; 1 the map has errors (``check``) or what was asked of it failed; 2 usage
errors and unreadable input. Every user error is one message on standard error, never a
traceback: commands let :class:`~argmap.ArgmapError` propagate to
:class:`~argmap.cli.common.ArgmapGroup`, which turns it into the message and the exit code.
"""

import importlib
from typing import Annotated, Any, Optional

import typer

from argmap._version import __version__
from argmap.cli.common import (
    ArgmapGroup,
    FromOption,
    InputArg,
    OutputOption,
    emit,
    load,
    parse_options,
)

app = typer.Typer(
    name="argmap",
    cls=ArgmapGroup,
    help="Argument maps of real debates: check, evaluate, export and render them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMAND_MODULES: tuple[str, ...] = ("argmap.cli.evaluate", "argmap.cli.render")
"""Modules that each add commands with ``register(app)`` (kept light: heavy imports go
inside the command bodies, so ``argmap --help`` stays fast)."""


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
        typer.Option(
            "--evaluate",
            help="Show what stands under this semantics (grounded, "
            "preferred, stable, complete), where the format can show it.",
        ),
    ] = None,
) -> None:
    """Convert a map to another format."""
    from argmap.host.plugins import registry

    loaded = load(input, from_format)
    exporter = registry().exporter(to)
    options = parse_options(option or [])
    if evaluate is not None:
        from argmap.evaluation.options import with_evaluation

        options = with_evaluation(exporter, loaded.amap, evaluate, options)
    content = exporter(loaded.amap, **options)
    emit(content, output, loaded.path)


@app.command()
def formats() -> None:
    """List every format argmap can read or write, and the plugin it comes from."""
    from argmap.host.plugins import registry

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
    from argmap.authoring.validation import validate

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
