"""The ``argmap evaluate`` command: which claims still stand, and why."""

from typing import Annotated, Any

import typer

from argmap.cli.common import FromOption, InputArg, OutputOption, emit, fail, load

_FRAMEWORK_SUFFIXES = {".af": "af", ".apx": "apx", ".tgf": "tgf"}


def register(app: typer.Typer) -> None:
    """Add ``evaluate`` to ``app``."""
    app.command()(evaluate)


def evaluate(
    input: InputArg,
    semantics: Annotated[
        str,
        typer.Option(
            "--semantics",
            "-s",
            help="grounded (the default: the sceptical, unique answer), preferred, stable "
            "or complete.",
        ),
    ] = "grounded",
    format: Annotated[
        str, typer.Option("--format", help="table (for people) or json (for programs).")
    ] = "table",
    conflict: Annotated[
        str,
        typer.Option(
            "--conflict",
            help="as-drawn: an objection defeats its claim unless it is answered; symmetric: "
            "a claim's reasons and objections attack each other.",
        ),
    ] = "as-drawn",
    from_format: FromOption = None,
    output: OutputOption = None,
) -> None:
    """Label every claim and argument in, out or undecided, each with its reason.

    Reads maps in any format, and abstract frameworks (.af, .apx, .tgf) directly.
    """
    from pathlib import Path

    if format not in ("table", "json"):
        fail(f"--format takes table or json, not {format!r}")
    suffix = Path(input).suffix.lower()
    framework_format = from_format if from_format in ("af", "apx", "tgf") else None
    if framework_format is None and from_format is None:
        framework_format = _FRAMEWORK_SUFFIXES.get(suffix)
    path: Path | None = None
    if framework_format is not None:
        from argmap.builtin.iccma import codec as iccma
        from argmap.evaluation.mapping import evaluate_framework
        from argmap.host.files import read_bytes

        if input == "-":
            import sys

            data = sys.stdin.buffer.read()
        else:
            path = Path(input)
            data = read_bytes(path)
        framework = iccma.read(data, framework_format, "<stdin>" if input == "-" else input)
        result = evaluate_framework(framework, semantics)
        titles: dict[str, str] = {}
    else:
        from argmap.evaluation import evaluate as run

        loaded = load(input, from_format)
        path = loaded.path
        result = run(loaded.amap, semantics, conflict=conflict)
        titles = {n.id: n.label for n in loaded.amap}
    text = _json(result) if format == "json" else _table(result, titles)
    emit(text, output, path)
    from argmap.evaluation import Label

    summary = ", ".join(f"{len(result.ids_with(label))} {label.value}" for label in Label)
    extensions = (
        ""
        if result.extensions is None
        else (
            f"; {result.extensions} {result.semantics} extension"
            f"{'' if result.extensions == 1 else 's'}"
        )
    )
    if result.extensions == 0:
        extensions = "; no stable extension exists"
    typer.echo(f"{result.semantics}: {summary}{extensions}", err=True)


def _cell(text: str) -> str:
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def _table(result: Any, titles: dict[str, str]) -> str:
    multi = result.extensions is not None
    header = ["LABEL", "ID", *(["SCEPTICAL", "CREDULOUS"] if multi else []), "REASON"]
    rows = [header]
    for node in result.labels.values():
        row = [node.label.value, _cell(node.id)]
        if multi:
            row += ["yes" if node.sceptical else "no", "yes" if node.credulous else "no"]
        row.append(_cell(node.reason))
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])) + "  " + row[-1]
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def _json(result: Any) -> str:
    import json

    document = {
        "semantics": result.semantics,
        "conflict": result.conflict,
        "extensions": result.extensions,
        "labels": [
            {
                "id": n.id,
                "label": n.label.value,
                "reason": n.reason,
                "sceptical": n.sceptical,
                "credulous": n.credulous,
            }
            for n in result.labels.values()
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
