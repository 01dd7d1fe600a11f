"""argmap's own entry-point scan finds exactly what importlib.metadata finds."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from argmap.host.entrypoints import PluginEntryPoint, entry_points


def expected(group: str, path: list[str] | None = None) -> set[tuple[str, str, str | None]]:
    """What importlib.metadata says: (name, value, distribution) of each entry point."""
    if path is None:
        points = metadata.entry_points(group=group)
    else:
        dists = metadata.distributions(path=path)
        unique: dict[str, metadata.Distribution] = {}
        for dist in dists:
            key = dist.metadata["Name"].lower().replace("-", "_").replace(".", "_")
            unique.setdefault(key, dist)
        points = metadata.EntryPoints(
            p for d in unique.values() for p in d.entry_points if p.group == group
        )
    return {(p.name, p.value, p.dist.metadata["Name"] if p.dist else None) for p in points}


def found(group: str, path: list[str] | None = None) -> set[tuple[str, str, str | None]]:
    return {(p.name, p.value, p.distribution) for p in entry_points(group, path)}


@pytest.mark.parametrize("group", ["argmap", "console_scripts", "pytest11", "sphinx.builders"])
def test_same_entry_points_as_importlib_metadata(group: str) -> None:
    assert found(group) == expected(group)


def test_the_installed_plugins_are_found_with_their_versions() -> None:
    points = {p.name: p for p in entry_points("argmap")}
    assert {"mermaid", "aif"} <= set(points)
    assert points["mermaid"].distribution == "argmap-mermaid"
    assert points["mermaid"].version == metadata.version("argmap-mermaid")
    assert callable(getattr(points["mermaid"].load(), "argmap_register_exporters", None))


def dist_info(folder: Path, dirname: str, name: str, version: str, text: str) -> None:
    info = folder / dirname
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nName: not this\n", "utf-8"
    )
    (info / "entry_points.txt").write_text(text, "utf-8")


def test_first_distribution_of_a_name_wins_and_syntax_is_read(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    dist_info(
        first,
        "My_Plugin-1.0.dist-info",
        "My.Plugin",
        "1.0",
        "# a comment\n[argmap]\nalpha = pkg.mod:attr.inner [extra1, extra2]\n"
        "beta=pkg.other\n\n[console_scripts]\ntool = pkg:main\n",
    )
    dist_info(second, "my_plugin-2.0.dist-info", "my-plugin", "2.0", "[argmap]\ngamma = x\n")
    dist_info(second, "other-0.1.dist-info", "other", "0.1", "[argmap]\ndelta = y:z\n")
    path = [str(first), str(second), str(tmp_path / "missing")]
    assert found("argmap", path) == expected("argmap", path)
    assert found("argmap", path) == {
        ("alpha", "pkg.mod:attr.inner [extra1, extra2]", "My.Plugin"),
        ("beta", "pkg.other", "My.Plugin"),
        ("delta", "y:z", "other"),
    }
    versions = {p.name: p.version for p in entry_points("argmap", path)}
    assert versions == {"alpha": "1.0", "beta": "1.0", "delta": "0.1"}


def test_load_follows_dotted_attributes() -> None:
    point = PluginEntryPoint("x", "argmap.host.entrypoints:PluginEntryPoint.load [extra]", "argmap")
    assert point.load() is PluginEntryPoint.load
    assert (
        PluginEntryPoint("y", "argmap.host.entrypoints", "argmap").load()
        is sys.modules["argmap.host.entrypoints"]
    )


def test_distributions_in_a_zip_file_are_found_too(tmp_path: Path) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
        zipped.writestr("zipped-1.0.dist-info/entry_points.txt", "[argmap]\nzipped = zmod\n")
    path = [str(archive)]
    assert found("argmap", path) == expected("argmap", path) == {("zipped", "zmod", "zipped")}


def test_argmap_export_does_not_import_importlib_metadata(tmp_path: Path) -> None:
    # The reason this module exists: importlib.metadata costs ~50 ms to import.
    code = (
        "import sys; from argmap.cli import main\n"
        "sys.argv = ['argmap', 'formats']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('importlib.metadata' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "mermaid" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "False"


def test_listing_formats_imports_no_format_implementation() -> None:
    # Every command loads every plugin; the built-in ones register descriptors and import
    # their implementation (attrs classes, patterns, graphviz) only when used.
    code = (
        "import sys; from argmap.host.plugins import registry; registry()\n"
        "heavy = ['argmap.builtin.dot.writer', 'argmap.builtin.kialo.reader', 'argmap.evaluation.result',\n"
        "         'argmap.builtin.argdown.reader', 'argmap.builtin.argdown.writer', 'argmap_mermaid.flowchart',\n"
        "         'argmap_aif.reader', 'argmap_aif.writer', 'graphviz', 'logging',\n"
        "         'argmap.builtin.markdown.outline', 'argmap.builtin.json.codec', 'json']\n"
        "print([name for name in heavy if name in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
