"""Regenerate the diagram gallery: docs/gallery/*.png and docs/gallery.md.

Every example map in ``examples/`` (each ``*.json``, and each ``*.py`` with a ``build()``
that has no JSON twin) is drawn with the default settings, and the seed debate once more with
each of the diagram options, so the page shows what every option does. Run from the
repository's root::

    .venv/bin/python docs/make_gallery.py

The output is deterministic for a given Graphviz: running it twice changes nothing.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap import ArgumentMap, load  # noqa: E402
from argmap.evaluation import evaluate  # noqa: E402
from argmap.render import narrow, render  # noqa: E402
from argmap.testing import example_map  # noqa: E402

GALLERY = ROOT / "docs" / "gallery"
PAGE = ROOT / "docs" / "gallery.md"
SEED = "lavrov_2022"


def example_maps() -> dict[str, ArgumentMap]:
    """Every example map in examples/, by file stem, in name order."""
    found: dict[str, ArgumentMap] = {}
    folder = ROOT / "examples"
    for path in sorted(folder.glob("*.json")):
        found[path.stem] = load(path)
    for path in sorted(folder.glob("*.py")):
        if path.stem in found:
            continue
        spec = importlib.util.spec_from_file_location(f"_gallery_{path.stem}", path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        build: Callable[[], ArgumentMap] | None = getattr(module, "build", None)
        if build is not None:
            found[path.stem] = build()
    return dict(sorted(found.items()))


def variants() -> list[tuple[str, str, str, ArgumentMap, dict[str, Any]]]:
    """(file name, heading, what it shows, map, options) for each picture of the gallery."""
    pictures: list[tuple[str, str, str, ArgumentMap, dict[str, Any]]] = []
    for name, amap in example_maps().items():
        pictures.append(
            (
                f"{name}.png",
                amap.title or name,
                f"`examples/{name}`, default settings: `argmap render examples/{name}.json "
                f"-o {name}.png`.",
                amap,
                {},
            )
        )
    seed = example_map()
    pictures.extend(
        [
            (
                f"{SEED}-legend.png",
                "With a legend",
                "`--legend` adds a key: every shape and line of the visual language, drawn as "
                "a small map of its own.",
                seed,
                {"legend": True},
            ),
            (
                f"{SEED}-print.png",
                "The print theme",
                "`--theme print`: black, white and greys. Nothing is lost, because every kind "
                "is told apart by shape and line, never by colour alone.",
                seed,
                {"theme": "print", "legend": True},
            ),
            (
                f"{SEED}-evaluated.png",
                "Which claims stand",
                "`--evaluate grounded`: each claim and argument carries a marker and words "
                "(✔ IN: stands, ✘ OUT: defeated, ? UNDECIDED); defeated ones are greyed.",
                seed,
                {"evaluation": evaluate(seed), "legend": True},
            ),
            (
                f"{SEED}-left-to-right.png",
                "Left to right, without sources",
                "`--direction LR --no-sources`: reasons on the left, what they support on the "
                "right; no speaker lines.",
                seed,
                {"direction": "LR", "sources": False},
            ),
            (
                f"{SEED}-focus.png",
                "One position and what surrounds it",
                "`--focus freedom-to-choose-alliances --depth 1`: how a large map is narrowed "
                "to something Graphviz lays out at once.",
                narrow(seed, "freedom-to-choose-alliances", 1),
                {},
            ),
        ]
    )
    return pictures


HEADER = """\
# Gallery

Every example map of argmap, drawn by `argmap render`, and the seed debate once more for
each diagram option. The pictures are PNGs made with the Graphviz bundled in pygraphviz
(the `argmap[render]` extra); SVGs of the same maps also carry each claim's full text and
its source's quote in tooltips. See [Diagrams](diagrams.md) for the visual language.

Regenerate every picture (and this page) with one command, from the repository's root:

```console
$ .venv/bin/python docs/make_gallery.py
```
"""


def main() -> None:
    GALLERY.mkdir(exist_ok=True)
    sections = [HEADER]
    wanted = set()
    for file_name, heading, caption, amap, options in variants():
        render(amap, GALLERY / file_name, engine="pygraphviz", **options)
        wanted.add(file_name)
        sections.append(f"## {heading}\n\n{caption}\n\n![{heading}](gallery/{file_name})\n")
        print(f"wrote docs/gallery/{file_name}")
    for stale in GALLERY.glob("*.png"):
        if stale.name not in wanted:
            stale.unlink()
            print(f"removed docs/gallery/{stale.name}")
    PAGE.write_text("\n".join(sections), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
