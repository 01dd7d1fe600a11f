"""Write every output argmap makes for a fixed set of inputs, to prove a refactor changed none.

Not a speed figure: run it on the old code and on the new, then compare the two folders::

    git worktree add /tmp/old HEAD~5                      # the code before the change
    python benchmarks/snapshot_outputs.py --make-maps /tmp/maps /tmp/out-new
    (cd /tmp/old && python /path/to/benchmarks/snapshot_outputs.py --maps /tmp/maps /tmp/out-old)
    diff -r /tmp/out-old /tmp/out-new && echo identical

Each interpreter needs argmap (and the plugins to compare) installed from its own tree.
The inputs: 300 hypothesis maps (made once, derandomized, by the first run with
--make-maps, so both runs read the same maps), the contract maps of :mod:`argmap.testing`
and the example debate; every text exporter with each of its options set in turn; every
reader on the real documents in ../shared/data (when present) and the test documents; and
the round trip of the first 80 maps through each format that reads and writes. An exporter
or reader that raises is recorded as ``ERROR <type>: <message>``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import sys
import warnings
from pathlib import Path
from typing import Any

import argmap
from argmap import testing
from argmap.evaluation import evaluate

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
VALUES: dict[str, list[Any]] = {
    "direction": ["LR"],
    "theme": ["print"],
    "legend": [True, False],
    "sources": [False, True],
    "wrap": [20, 0],
    "max_lines": [2],
    "fence": [True],
    "max_label": [10],
    "edge_labels": [False],
    "conflict": ["symmetric"],
}
DRAWN = {"png", "pdf", "svg"}  # laid out by Graphviz from the DOT, which is compared


def registry() -> Any:
    """The format registry, wherever this version of argmap keeps it."""
    for module in ("argmap.host.plugins", "argmap.plugins"):
        with contextlib.suppress(ImportError):
            return importlib.import_module(module).registry()
    raise SystemExit("no format registry found")


def make_maps(folder: Path) -> None:
    from hypothesis import HealthCheck, given, settings

    from argmap.strategies import argument_maps

    folder.mkdir(parents=True, exist_ok=True)
    made: list[argmap.ArgumentMap] = []

    @settings(
        max_examples=300,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(argument_maps())
    def collect(amap: argmap.ArgumentMap) -> None:
        made.append(amap)

    collect()
    for number, amap in enumerate(made):
        (folder / f"hyp{number:03d}.json").write_text(argmap.dumps(amap), encoding="utf-8")
    for name, amap in testing.contract_maps().items():
        (folder / f"contract-{name}.json").write_text(argmap.dumps(amap), encoding="utf-8")


def exports(out: Path, tag: str, amap: argmap.ArgumentMap, every_option: bool) -> None:
    try:
        evaluation = evaluate(amap)
    except argmap.ArgmapError:
        evaluation = None
    for name, exporter in sorted(registry().exporters.items()):
        if name in DRAWN:
            continue
        sets: list[tuple[str, dict[str, Any]]] = [("default", {})]
        for option in sorted(exporter.options):
            if option == "evaluation" and evaluation is not None:
                sets.append(("evaluation", {"evaluation": evaluation}))
            elif every_option:
                sets += [(f"{option}={v}", {option: v}) for v in VALUES.get(option, [])]
        for label, options in sets:
            try:
                result = exporter(amap, **options)
                data = (
                    result if isinstance(result, bytes) else result.encode("utf-8", "surrogatepass")
                )
            except Exception as error:
                data = f"ERROR {type(error).__name__}: {error}".encode("utf-8", "surrogatepass")
            (out / f"{tag}.{name}.{label}").write_bytes(data)


def reading(out: Path, tag: str, data: bytes | str, format: str | None, source: str) -> None:
    errors = io.StringIO()
    try:
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stderr(errors):
            warnings.simplefilter("always")
            amap = argmap.parse(data, format=format, source=source)
        text = argmap.dumps(amap) + "\n" + "\n".join(str(w.message) for w in caught)
    except Exception as error:
        text = f"ERROR {type(error).__name__}: {error}"
    (out / f"read.{tag}").write_text(text + errors.getvalue(), errors="surrogatepass")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the outputs into")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--make-maps", type=Path, metavar="DIR", help="make the maps, then use them")
    group.add_argument("--maps", type=Path, metavar="DIR", help="use the maps made earlier")
    args = parser.parse_args()
    if args.make_maps:
        make_maps(args.make_maps)
    maps_dir: Path = args.make_maps or args.maps
    args.out.mkdir(parents=True, exist_ok=True)
    warnings.simplefilter("ignore")
    files = sorted(maps_dir.glob("*.json"))
    for file in files:
        amap = argmap.loads(file.read_bytes(), file.name)
        every_option = not file.stem.startswith("hyp") or int(file.stem[3:]) < 40
        exports(args.out, file.stem, amap, every_option)
    exports(args.out, "example", argmap.read(ROOT / "examples" / "lavrov_2022.json"), True)
    corpora = [
        ("argdown", SHARED / "argdown" / "docs", "*", "argdown"),
        ("argdown-test", ROOT / "tests" / "argdown" / "documents", "**/*.argdown", "argdown"),
        ("aif", SHARED / "aif", "*.json", "aif"),
        ("interop", ROOT / "tests" / "interop" / "data", "*", None),
        ("example", ROOT / "examples", "*.*", None),
    ]
    for tag, folder, pattern, format in corpora:
        for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
            if path.suffix not in (".json", ".argdown", ".txt", ".ad", ""):
                continue
            fmt = format or {".txt": "kialo", ".json": "aif" if tag == "interop" else None}.get(
                path.suffix
            )
            reading(args.out, f"{tag}.{path.name}", path.read_bytes(), fmt, path.name)
    formats = registry()
    for file in files[:80]:
        amap = argmap.loads(file.read_bytes(), file.name)
        for fmt in ("argdown", "aif", "af", "apx", "tgf"):
            if fmt in formats.exporters and fmt in formats.readers:
                text = formats.exporters[fmt](amap)
                reading(args.out, f"rt.{file.stem}.{fmt}", text, fmt, "x")
    print(f"wrote {len(list(args.out.iterdir()))} files to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
