"""The plugin as installed: its formats, where they come from, and sniffing ``.json``."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from argmap_aif.plugin import sniff_aif, sniff_xaif

import argmap
from argmap.host.io import parse
from argmap.host.plugins import Registry
from argmap.testing import example_map

DATA = Path(__file__).parent / "data"
XAIF = {
    "arguebuf-typescript__xaif.json",
    "papa__28010.json",
    "papa__28022.json",
    "papa__rebut_undercut.json",
}


def test_formats_come_from_the_distribution() -> None:
    registry = Registry()
    for name in ("aif", "xaif"):
        origin = registry.reader(name).origin
        assert origin is not None
        assert (origin.plugin, origin.distribution) == ("aif", "argmap-aif")
    assert registry.exporter("aif").origin is not None


@pytest.mark.parametrize("path", sorted(DATA.glob("*.json")), ids=lambda p: p.name)
def test_json_suffix_is_settled_by_sniffing(path: Path) -> None:
    head = path.read_bytes()[:4096]
    expected = "xaif" if path.name in XAIF else "aif"
    assert Registry().reader_for(path, head).name == expected
    assert sniff_aif(head) is (expected == "aif")
    assert sniff_xaif(head) is (expected == "xaif")


def test_native_json_is_not_aif() -> None:
    head = argmap.dumps(example_map()).encode()[:4096]
    assert not sniff_aif(head)
    assert not sniff_xaif(head)
    assert Registry().reader_for("map.json", head).name == "json"


def test_written_aif_is_sniffed_as_aif() -> None:
    text = argmap.host.io.export(example_map(), "aif")
    assert isinstance(text, str)
    assert Registry().reader_for("out.json", text.encode()[:4096]).name == "aif"
    assert parse(text, source="out.json") == example_map()


def test_warnings_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    data = (DATA / "papa__28010.json").read_bytes()
    with caplog.at_level(logging.WARNING, logger="argmap_aif"):
        parse(data, format="xaif", source="papa__28010.json")
    assert len(caplog.records) == 3
    assert "YA-node 5_8554957260962216725" in caplog.records[0].getMessage()


def test_registering_the_plugin_does_not_import_the_reader_or_writer() -> None:
    # argmap imports every plugin on every command; this one must stay cheap to import.
    import subprocess
    import sys

    code = (
        "import sys, argmap_aif.plugin\n"
        "print(sorted(m for m in ('argmap_aif.reader', 'argmap_aif.writer', 'logging')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
