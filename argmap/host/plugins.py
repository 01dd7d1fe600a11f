"""The plugin host: finds plugins, collects their formats, and keeps broken ones apart.

Built-in formats are plugins too, listed in :data:`DEFAULT_PLUGINS` and registered through the
same hooks a third-party plugin uses. Third-party plugins are found through the entry-point
group ``argmap``.

Environment variables:
    ARGMAP_DISABLE_PLUGINS: comma-separated plugin names not to load (entry-point names, or
        the built-in names such as ``argmap.markdown``).
    ARGMAP_TRACE_HOOKS: when set to anything but ``0`` or empty, every hook call is traced on
        standard error.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import attrs
import pluggy

from argmap.core.errors import FormatError, PluginError
from argmap.host.entrypoints import PluginEntryPoint
from argmap.plugin_api import hookspecs
from argmap.plugin_api.formats import Exporter, Origin, Reader

if TYPE_CHECKING:
    from importlib import metadata

    EntryPointLike = Union[PluginEntryPoint, metadata.EntryPoint]

ENTRY_POINT_GROUP = "argmap"
DISABLE_ENV = "ARGMAP_DISABLE_PLUGINS"
TRACE_ENV = "ARGMAP_TRACE_HOOKS"

DEFAULT_PLUGINS: tuple[tuple[str, str], ...] = (
    ("argmap.json", "argmap.builtin.json.plugin"),
    ("argmap.markdown", "argmap.builtin.markdown.plugin"),
    ("argmap.argdown", "argmap.builtin.argdown.plugin"),
    ("argmap.iccma", "argmap.builtin.iccma.plugin"),
    ("argmap.dot", "argmap.builtin.dot.plugin"),
    ("argmap.render", "argmap.render.plugin"),
    ("argmap.kialo", "argmap.builtin.kialo.plugin"),
)
"""Built-in plugins as (plugin name, module) pairs, registered like any other plugin."""


@attrs.frozen
class PluginProblem:
    """A plugin that could not be used, and why."""

    plugin: str
    message: str

    def __str__(self) -> str:
        return f"plugin {self.plugin!r}: {self.message}"


def disabled_plugins(environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """The plugin names listed in ``ARGMAP_DISABLE_PLUGINS``."""
    value = (environ if environ is not None else os.environ).get(DISABLE_ENV, "")
    return frozenset(name.strip() for name in value.split(",") if name.strip())


@attrs.frozen
class LoadedPlugins:
    """A plugin manager with what was learnt while loading it.

    Attributes:
        manager: The pluggy plugin manager.
        problems: The plugins that failed to load.
        origins: For each registered plugin name, where it comes from.
    """

    manager: pluggy.PluginManager
    problems: list[PluginProblem]
    origins: dict[str, Origin]


def get_plugin_manager(
    *,
    entry_points: Iterable[EntryPointLike] | None = None,
    builtins: Iterable[tuple[str, str]] = DEFAULT_PLUGINS,
    environ: Mapping[str, str] | None = None,
) -> LoadedPlugins:
    """Make a plugin manager with the built-in plugins and those installed.

    Args:
        entry_points: The entry points to load (default: the installed ones of the group
            ``argmap``); tests pass their own.
        builtins: The built-in plugins as (name, module) pairs.
        environ: The environment to read ``ARGMAP_DISABLE_PLUGINS`` from.

    Returns:
        The manager, the plugins that failed to load, and where each plugin comes from.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    problems: list[PluginProblem] = []
    origins: dict[str, Origin] = {}
    for name in sorted(disabled_plugins(environ)):
        pm.set_blocked(name)
    for name, module_name in builtins:
        if pm.is_blocked(name):
            continue
        try:
            pm.register(importlib.import_module(module_name), name=name)
            origins[name] = Origin(name, "argmap", _own_version())
        except Exception as error:  # a built-in must not take the others down either
            problems.append(PluginProblem(name, _describe(error)))
    if entry_points is None:
        from argmap.host.entrypoints import entry_points as installed

        entry_points = installed(ENTRY_POINT_GROUP)
    for entry_point in sorted(entry_points, key=lambda ep: ep.name):
        if pm.is_blocked(entry_point.name) or pm.get_plugin(entry_point.name) is not None:
            continue
        try:
            plugin = entry_point.load()
            pm.register(plugin, name=entry_point.name)
        except Exception as error:
            problems.append(PluginProblem(entry_point.name, f"failed to load: {_describe(error)}"))
            continue
        origins[entry_point.name] = Origin(entry_point.name, *_distribution_of(entry_point))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as error:
        problems.append(PluginProblem(getattr(error, "plugin_name", "?"), str(error)))
    if (environ if environ is not None else os.environ).get(TRACE_ENV, "0") not in ("", "0"):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return LoadedPlugins(pm, problems, origins)


def _distribution_of(entry_point: EntryPointLike) -> tuple[str | None, str | None]:
    """The name and version of the distribution an entry point comes from, where known."""
    if isinstance(entry_point, PluginEntryPoint):
        return entry_point.distribution, entry_point.version
    dist = entry_point.dist
    return (dist.metadata["Name"], dist.version) if dist is not None else (None, None)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


class Registry:
    """Every format the plugins provide, with the problems met while collecting them.

    Each plugin's hook is called on its own, so a plugin that raises is reported by name and
    the others keep working.
    """

    def __init__(self, plugins: LoadedPlugins | None = None) -> None:
        if plugins is None:
            plugins = get_plugin_manager()
        self.plugin_manager = plugins.manager
        self.problems: list[PluginProblem] = list(plugins.problems)
        self._exporters: dict[str, Exporter] = {}
        self._readers: dict[str, Reader] = {}
        self._conflicts: dict[tuple[str, str], list[Origin]] = {}
        self._collect("argmap_register_exporters", "exporter", self._exporters, plugins.origins)
        self._collect("argmap_register_readers", "reader", self._readers, plugins.origins)

    def _collect(
        self,
        hook_name: str,
        what: str,
        into: dict[str, Any],
        origins: dict[str, Origin],
    ) -> None:
        expected: type[Exporter] | type[Reader] = Exporter if what == "exporter" else Reader
        for impl in _call_order(getattr(self.plugin_manager.hook, hook_name)):
            origin = origins.get(impl.plugin_name, Origin(impl.plugin_name))

            def register(
                descriptor: Any,
                origin: Origin = origin,
                expected: type[Exporter] | type[Reader] = expected,
            ) -> None:
                if not isinstance(descriptor, expected):
                    raise TypeError(f"register() takes an argmap.plugin_api.{expected.__name__}")
                descriptor = attrs.evolve(descriptor, origin=origin)
                key = (what, descriptor.name)
                if key in self._conflicts:
                    self._conflicts[key].append(origin)
                elif descriptor.name in into:
                    first = into.pop(descriptor.name).origin
                    self._conflicts[key] = [first, origin]
                else:
                    into[descriptor.name] = descriptor

            # One plugin at a time, through pluggy (so that tracing and hook wrappers apply),
            # so that what each registers is known to be its own and a plugin that raises
            # leaves the others working.
            others = [
                other.plugin
                for other in getattr(self.plugin_manager.hook, hook_name).get_hookimpls()
                if other.plugin is not impl.plugin and not (other.hookwrapper or other.wrapper)
            ]
            call = self.plugin_manager.subset_hook_caller(hook_name, remove_plugins=others)
            self.plugin_manager.trace.root.get("host")(
                f"{hook_name} of plugin {impl.plugin_name!r}"
            )
            try:
                call(register=register)
            except Exception as error:
                self.problems.append(
                    PluginProblem(impl.plugin_name, f"{hook_name} raised {_describe(error)}")
                )
        for (kind, name), claimed in self._conflicts.items():
            if kind == what:
                self.problems.append(
                    PluginProblem(
                        " and ".join(o.plugin for o in claimed),
                        f"both register the {what} {name!r}; neither is used "
                        f"(disable one with {DISABLE_ENV})",
                    )
                )

    # -- lookup -----------------------------------------------------------------------------

    @property
    def exporters(self) -> dict[str, Exporter]:
        """The usable exporters by name, sorted by name."""
        return dict(sorted(self._exporters.items()))

    @property
    def readers(self) -> dict[str, Reader]:
        """The usable readers by name, sorted by name."""
        return dict(sorted(self._readers.items()))

    def exporter(self, name: str) -> Exporter:
        """The exporter called ``name``."""
        found: Exporter = self._lookup(name, "exporter", self._exporters)
        return found

    def reader(self, name: str) -> Reader:
        """The reader called ``name``."""
        found: Reader = self._lookup(name, "reader", self._readers)
        return found

    def _lookup(self, name: str, what: str, table: Mapping[str, Any]) -> Any:
        found = table.get(name.lower())
        if found is not None:
            return found
        claimed = self._conflicts.get((what, name.lower()))
        if claimed:
            names = " and ".join(repr(o.plugin) for o in claimed)
            raise PluginError(
                f"the {what} {name!r} is registered by two plugins, {names}; "
                f"disable one with {DISABLE_ENV}"
            )
        known = ", ".join(sorted(table)) or "none"
        raise FormatError(f"unknown {what} format {name!r} (available: {known})")

    def exporter_for(self, path: str | Path) -> Exporter:
        """The exporter for a file name, by its suffix."""
        suffix = _suffix(path)
        matches = [e for e in self.exporters.values() if suffix in e.suffixes]
        preferred = [e for e in matches if e.suffixes[0] == suffix]
        if len(preferred) == 1 or len(matches) == 1:
            return (preferred or matches)[0]
        raise self._no_match(path, suffix, [e.name for e in matches], "--to")

    def reader_for(self, path: str | Path, head: bytes = b"") -> Reader:
        """The reader for a file name, by its suffix; ``head`` settles a shared suffix."""
        suffix = _suffix(path)
        matches = [r for r in self.readers.values() if suffix in r.suffixes]
        if len(matches) > 1 and head:
            sniffed = [r for r in matches if r.sniff is not None and r.sniff(head)]
            if len(sniffed) == 1:
                return sniffed[0]
        if len(matches) == 1:
            return matches[0]
        # Unsettled: the format named after the suffix (argmap's own "json" for ".json") reads
        # it, and its errors say to name another format with --from.
        named = [r for r in matches if f".{r.name}" == suffix]
        if named:
            return named[0]
        raise self._no_match(path, suffix, [r.name for r in matches], "--from")

    @staticmethod
    def _no_match(path: str | Path, suffix: str, names: list[str], option: str) -> FormatError:
        if not suffix:
            return FormatError(f"{path}: no file suffix to tell the format by; use {option} FORMAT")
        if not names:
            return FormatError(f"{path}: no format uses the suffix {suffix!r}; use {option} FORMAT")
        return FormatError(
            f"{path}: the suffix {suffix!r} fits several formats ({', '.join(names)}); "
            f"use {option} FORMAT"
        )


def _call_order(hook: pluggy.HookCaller) -> list[pluggy.HookImpl]:
    """The plugins implementing ``hook``, wrappers aside, in the order they are called.

    ``tryfirst`` ones first, then in registration order (built-ins before installed plugins),
    ``trylast`` ones last.
    """
    impls = [i for i in hook.get_hookimpls() if not (i.hookwrapper or i.wrapper)]
    rank = {id(i): 0 if i.tryfirst else 2 if i.trylast else 1 for i in impls}
    return sorted(impls, key=lambda i: rank[id(i)])


def _suffix(path: str | Path) -> str:
    return Path(path).suffix.lower()


def _own_version() -> str | None:
    from argmap._version import __version__

    return __version__


_registry: Registry | None = None


def registry() -> Registry:
    """The process-wide registry of formats (built on first use)."""
    global _registry
    if _registry is None:
        _registry = Registry()
    return _registry


def reset_registry() -> None:
    """Forget the process-wide registry, so the next use finds plugins again."""
    global _registry
    _registry = None


def hook_names() -> list[str]:
    """The names of every hook a plugin can implement."""
    return sorted(
        name
        for name, value in vars(hookspecs).items()
        if name.startswith("argmap_") and isinstance(value, Callable)  # type: ignore[arg-type]
    )
