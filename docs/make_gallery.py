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

from argmap import ArgumentMap, FormatError  # noqa: E402
from argmap.evaluation import evaluate  # noqa: E402
from argmap.host.io import read  # noqa: E402
from argmap.render import narrow, render  # noqa: E402
from argmap.testing import example_map  # noqa: E402

GALLERY = ROOT / "docs" / "gallery"
PAGE = ROOT / "docs" / "gallery.md"
SEED = "lavrov_2022"


def example_maps() -> dict[str, ArgumentMap]:
    """Every example map in examples/, by file name, in name order.

    Any file a reader claims by its suffix (JSON, Argdown, ...) is read; a ``*.py`` with a
    ``build()`` is built unless a file of the same stem was read already.
    """
    found: dict[str, ArgumentMap] = {}
    stems: set[str] = set()
    folder = ROOT / "examples"
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".py"):
        try:
            found[path.name] = read(path)
        except FormatError:
            continue  # not a map format
        stems.add(path.stem)
    for path in sorted(folder.glob("*.py")):
        if path.stem in stems:
            continue
        spec = importlib.util.spec_from_file_location(f"_gallery_{path.stem}", path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        build: Callable[[], ArgumentMap] | None = getattr(module, "build", None)
        if build is not None:
            found[path.name] = build()
    return dict(sorted(found.items()))


def variants() -> list[tuple[str, str, str, ArgumentMap, dict[str, Any]]]:
    """(file name, heading, what it shows, map, options) for each picture of the gallery."""
    pictures: list[tuple[str, str, str, ArgumentMap, dict[str, Any]]] = []
    taken: set[str] = set()
    for name, amap in example_maps().items():
        stem = name.rsplit(".", 1)[0] if not name.endswith(".py") else name[:-3]
        picture = f"{name.replace('.', '-')}.png" if stem in taken else f"{stem}.png"
        taken.add(stem)
        source = f"examples/{name}" if not name.endswith(".py") else f"examples/{name}:build"
        pictures.append(
            (
                picture,
                f"{amap.title or 'Untitled'} ({name})",
                f"`examples/{name}`, default settings: `argmap render {source} -o {picture}`.",
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
