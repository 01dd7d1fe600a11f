"""The plugin host: built-ins through the same hooks, broken plugins kept apart."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from importlib import metadata

import pytest

import argmap
from argmap import FormatError, PluginError
from argmap.host.plugins import DEFAULT_PLUGINS, Registry, get_plugin_manager, hook_names
from argmap.plugin_api.formats import Exporter, Reader
from argmap.plugin_api.hookspecs import hookimpl


def shout(amap: argmap.ArgumentMap) -> str:
    return "\n".join(c.text.upper() for c in amap.claims)


def plugin_module(name: str, **hooks: object) -> types.ModuleType:
    module = types.ModuleType(name)
    for hook_name, function in hooks.items():
        setattr(module, hook_name, function)
    return module


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[metadata.EntryPoint]]:
    """Entry points that load modules we put in sys.modules."""
    points: list[metadata.EntryPoint] = []
    yield points
    for point in points:
        sys.modules.pop(point.value, None)


def add(points: list[metadata.EntryPoint], name: str, module: types.ModuleType) -> None:
    sys.modules[module.__name__] = module
    points.append(metadata.EntryPoint(name=name, value=module.__name__, group="argmap"))


def registry_with(points: list[metadata.EntryPoint], **environ: str) -> Registry:
    return Registry(get_plugin_manager(entry_points=points, environ=environ))


@hookimpl
def register_shout(register):  # type: ignore[no-untyped-def]
    register(Exporter(name="shout", description="upper case", suffixes=".txt", export=shout))


class TestBuiltins:
    """Built-in formats come through the plugin hooks like any other."""

    def test_builtins_are_plugins(self) -> None:
        formats = registry_with([])
        assert {"json", "markdown"} <= set(formats.exporters)
        assert "json" in formats.readers
        names = {name for name, _ in formats.plugin_manager.list_name_plugin()}
        assert {name for name, _ in DEFAULT_PLUGINS} <= names
        assert formats.exporter("markdown").origin is not None
        assert formats.exporter("markdown").origin.distribution == "argmap"  # type: ignore[union-attr]
        assert formats.problems == []

    def test_unknown_format_lists_the_known(self) -> None:
        with pytest.raises(FormatError, match=r"unknown exporter format 'nope'.*json"):
            registry_with([]).exporter("nope")

    def test_suffixes_choose_formats(self) -> None:
        formats = registry_with([])
        assert formats.exporter_for("out.md").name == "markdown"
        assert formats.reader_for("in.json", b'{"format": "argmap"}').name == "json"
        with pytest.raises(FormatError, match=r"no format uses the suffix '\.xyz'"):
            formats.exporter_for("out.xyz")
        with pytest.raises(FormatError, match="no file suffix"):
            formats.reader_for("README")


class TestThirdParty:
    """Third-party plugins: found by entry point, named, isolated when broken."""

    def test_a_plugin_adds_a_format(self, fake_entry_points: list[metadata.EntryPoint]) -> None:
        add(
            fake_entry_points,
            "shouting",
            plugin_module("argmap_shout", argmap_register_exporters=register_shout),
        )
        formats = registry_with(fake_entry_points)
        assert formats.exporter("shout").origin.plugin == "shouting"  # type: ignore[union-attr]
        amap = argmap.MapBuilder()
        amap.position("hello")
        assert formats.exporter("shout")(amap.build()) == "HELLO"

    def test_two_plugins_one_name(self, fake_entry_points: list[metadata.EntryPoint]) -> None:
        add(
            fake_entry_points,
            "first",
            plugin_module("argmap_first", argmap_register_exporters=register_shout),
        )
        add(
            fake_entry_points,
            "second",
            plugin_module("argmap_second", argmap_register_exporters=register_shout),
        )
        formats = registry_with(fake_entry_points)
        with pytest.raises(PluginError, match="'first' and 'second'"):
            formats.exporter("shout")
        assert "markdown" in formats.exporters  # everything else still works
        assert any("first and second" in str(p) for p in formats.problems)

    def test_plugin_that_fails_to_import(
        self, fake_entry_points: list[metadata.EntryPoint]
    ) -> None:
        fake_entry_points.append(
            metadata.EntryPoint(name="broken", value="argmap_no_such_module", group="argmap")
        )
        formats = registry_with(fake_entry_points)
        assert [p.plugin for p in formats.problems] == ["broken"]
        assert "failed to load" in str(formats.problems[0])
        assert "markdown" in formats.exporters

    def test_plugin_that_raises_in_a_hook(
        self, fake_entry_points: list[metadata.EntryPoint]
    ) -> None:
        @hookimpl
        def explode(register):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom")

        add(
            fake_entry_points,
            "exploding",
            plugin_module("argmap_explode", argmap_register_readers=explode),
        )
        formats = registry_with(fake_entry_points)
        assert len(formats.problems) == 1
        assert "exploding" in str(formats.problems[0])
        assert "RuntimeError: boom" in str(formats.problems[0])
        assert "json" in formats.readers

    def test_plugin_registering_the_wrong_thing(
        self, fake_entry_points: list[metadata.EntryPoint]
    ) -> None:
        @hookimpl
        def wrong(register):  # type: ignore[no-untyped-def]
            register({"name": "dict"})

        add(
            fake_entry_points,
            "wrong",
            plugin_module("argmap_wrong", argmap_register_exporters=wrong),
        )
        formats = registry_with(fake_entry_points)
        assert "takes an argmap.plugin_api.Exporter" in str(formats.problems[0])

    def test_unknown_hook_is_reported(self, fake_entry_points: list[metadata.EntryPoint]) -> None:
        @hookimpl
        def typo(register):  # type: ignore[no-untyped-def]
            pass

        add(fake_entry_points, "typo", plugin_module("argmap_typo", argmap_register_exportres=typo))
        formats = registry_with(fake_entry_points)
        assert any("argmap_register_exportres" in str(p) for p in formats.problems)

    def test_environment_disables_plugins(
        self, fake_entry_points: list[metadata.EntryPoint]
    ) -> None:
        add(
            fake_entry_points,
            "shouting",
            plugin_module("argmap_shout2", argmap_register_exporters=register_shout),
        )
        formats = registry_with(
            fake_entry_points, ARGMAP_DISABLE_PLUGINS="shouting, argmap.markdown"
        )
        assert "shout" not in formats.exporters
        assert "markdown" not in formats.exporters
        assert "json" in formats.exporters

    def test_readers_register_too(self, fake_entry_points: list[metadata.EntryPoint]) -> None:
        def read(data: bytes, source: str | None = None) -> argmap.ArgumentMap:
            b = argmap.MapBuilder()
            for line in data.decode().splitlines():
                b.claim(line)
            return b.build()

        @hookimpl
        def readers(register):  # type: ignore[no-untyped-def]
            register(
                Reader(name="lines", description="one claim a line", suffixes=".lines", read=read)
            )

        add(
            fake_entry_points,
            "lines",
            plugin_module("argmap_lines", argmap_register_readers=readers),
        )
        formats = registry_with(fake_entry_points)
        amap = formats.reader_for("x.lines")(b"a\nb", source="x.lines")
        assert [c.text for c in amap.claims] == ["a", "b"]


def test_exporter_options_are_checked() -> None:
    with pytest.raises(FormatError, match="has no option colour"):
        registry_with([]).exporter("markdown")(argmap.MapBuilder().build(), colour="red")


def test_hook_names() -> None:
    assert hook_names() == ["argmap_register_exporters", "argmap_register_readers"]
