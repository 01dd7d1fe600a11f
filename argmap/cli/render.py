"""The ``argmap render`` command (draw a map) and ``argmap engines`` (what would draw it)."""

from typing import Annotated, Any, Optional

import typer

from argmap.cli.common import InputArg, OutputOption, emit, fail, load

EngineOption = Annotated[
    Optional[str],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--engine",
        "-e",
        help="The Graphviz engine: pygraphviz, dot, or a path to a dot program "
        "(default: $ARGMAP_DOT, then dot on PATH, then pygraphviz).",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add ``render`` and ``engines`` to ``app``."""
    app.command()(render)
    app.command()(engines)


def render(
    input: InputArg,
    output: OutputOption = None,
    format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="svg, png, pdf or dot (default: from the output's suffix, else svg).",
            show_default=False,
        ),
    ] = None,
    from_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--from", help="The input format, when the suffix does not tell it."),
    ] = None,
    engine: EngineOption = None,
    direction: Annotated[
        str,
        typer.Option(
            "--direction",
            "-d",
            help="BT (positions on top), TB, LR or RL; or up, down, right, left.",
        ),
    ] = "BT",
    theme: Annotated[
        str, typer.Option("--theme", help="default (colour) or print (black, white, greys).")
    ] = "default",
    legend: Annotated[
        bool, typer.Option("--legend", help="Add a key to the shapes and lines.")
    ] = False,
    sources: Annotated[
        bool,
        typer.Option(
            "--sources/--no-sources",
            help="Show who said each claim (and the quote in SVG tooltips).",
        ),
    ] = True,
    wrap: Annotated[
        int, typer.Option("--wrap", help="Wrap labels at this many characters.", min=8)
    ] = 36,
    max_lines: Annotated[
        int,
        typer.Option("--max-lines", help="Show at most this many lines of a text.", min=1),
    ] = 12,
    evaluate: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--evaluate",
            help="Show which claims stand under this semantics: grounded, preferred, "
            "stable or complete.",
            show_default=False,
        ),
    ] = None,
    focus: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--focus",
            help="Draw only this claim (id or title) and what surrounds it (repeatable).",
            show_default=False,
        ),
    ] = None,
    depth: Annotated[
        int, typer.Option("--depth", help="How many steps around --focus to draw.", min=0)
    ] = 2,
    timeout: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--timeout", help="Give up laying out after this many seconds.", show_default=False
        ),
    ] = None,
) -> None:
    """Draw a map as SVG, PNG, PDF, or write its Graphviz DOT source.

    The format comes from -f, else from the output's suffix, else SVG. Rendering uses the
    engine named by --engine or $ARGMAP_DOT, else dot on PATH, else pygraphviz (installed with
    argmap[render]); 'argmap engines' shows which. DOT needs no engine.
    """
    import sys

    from argmap.render import draw, format_for, large_map_advice, narrow

    fmt = format_for(output, format)
    if fmt in ("png", "pdf") and output in (None, "-") and sys.stdout.isatty():
        fail(f"{fmt.upper()} is binary: give an output file with -o FILE")
    loaded = load(input, from_format)
    amap = loaded.amap
    options: dict[str, Any] = {
        "direction": direction,
        "theme": theme,
        "legend": legend,
        "sources": sources,
        "wrap": wrap,
        "max_lines": max_lines,
    }
    if evaluate is not None:
        from argmap.evaluation import evaluate as run

        # The whole debate decides what stands, also when only part of it is drawn.
        options["evaluation"] = run(amap, evaluate)
    if focus:
        from argmap.core.errors import UnknownIdError

        try:
            amap = narrow(amap, focus, depth)
        except UnknownIdError as error:  # a wrong --focus is a usage error, not a map's
            fail(f"--focus: {error}")
    if fmt != "dot" and not focus:
        advice = large_map_advice(amap, f"argmap render {input}")
        if advice is not None:
            typer.echo(f"argmap: {advice}", err=True)
            typer.echo(
                "argmap: laying it out now; Ctrl-C stops, --timeout SECONDS gives up.", err=True
            )
    rendered = draw(amap, fmt, engine=engine, timeout=timeout, **options)
    for message in rendered.warnings:
        typer.echo(f"argmap: graphviz: {message}", err=True)
    content: str | bytes = rendered.data
    if fmt in ("svg", "dot"):
        content = rendered.data.decode("utf-8")
    emit(content, output, loaded.path)


def engines(engine: EngineOption = None) -> None:
    """Show which Graphviz engine would draw each format, and where argmap looked."""
    from argmap.render import find_engines

    report = find_engines(engine)
    typer.echo(report.format())
    if not all(report.chosen.values()):
        raise typer.Exit(1)
