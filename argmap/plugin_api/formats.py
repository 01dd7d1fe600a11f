"""Format descriptors: what a plugin registers to read or write a format.

A descriptor names its implementation either as a function or, lazily, as a
``"module:function"`` string that is imported on first use: argmap imports every plugin on
every command to list the formats, and a plugin module that names its code this way costs
nothing until the format is used. Calling a descriptor is the one way argmap runs a format:
it checks the options, loads the implementation, and pauses the cyclic garbage collector
while the format builds or walks its many small objects.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import attrs

from argmap.core.collector import paused_gc
from argmap.core.errors import FormatError, PluginError
from argmap.model import ArgumentMap

ExportFunction = Callable[..., "str | bytes"]
"""Turns a map (first argument) into text or bytes; keyword options as declared by the
exporter."""


class ReadFunction(Protocol):
    """Turns a document's bytes into a map; ``source`` names the file in messages."""

    def __call__(self, data: bytes, /, source: str | None = None) -> ArgumentMap:
        """Return the map ``data`` holds, or raise :class:`argmap.ReadError`."""


def _check_target(instance: Any, attribute: Any, value: Any) -> None:
    if isinstance(value, str):
        module, sep, name = value.partition(":")
        if not (sep and module and name):
            raise ValueError(
                f"{attribute.name} is a function or a 'module:function' string, not {value!r}"
            )
    elif not callable(value):
        raise TypeError(f"{attribute.name} is a function or a 'module:function' string")


@functools.cache
def _load(target: str) -> Any:
    module, _, name = target.partition(":")
    found: Any = importlib.import_module(module)
    for part in name.split("."):
        found = getattr(found, part)
    return found


def implementation(target: Callable[..., Any] | str, what: str) -> Callable[..., Any]:
    """The function ``target`` names: itself, or the one a ``"module:function"`` string names.

    Raises:
        PluginError: when the module cannot be imported or has no such function; ``what``
            names the format in the message.
    """
    if not isinstance(target, str):
        return target
    try:
        found = _load(target)
    except Exception as error:
        raise PluginError(
            f"{what}: cannot load its implementation {target!r}: {type(error).__name__}: {error}"
        ) from None
    if not callable(found):
        raise PluginError(f"{what}: {target!r} is not a function")
    return found  # type: ignore[no-any-return]


def _suffixes(value: Any) -> tuple[str, ...]:
    items = (value,) if isinstance(value, str) else tuple(value)
    for item in items:
        if not item.startswith("."):
            raise ValueError(f"a file suffix starts with a dot: {item!r}")
    return tuple(s.lower() for s in items)


@attrs.frozen
class Origin:
    """Which plugin (and which installed distribution) a format comes from."""

    plugin: str
    distribution: str | None = None
    version: str | None = None

    def __str__(self) -> str:
        if self.distribution is None:
            return self.plugin
        version = f" {self.version}" if self.version else ""
        return f"{self.distribution}{version} ({self.plugin})"


@attrs.frozen(kw_only=True)
class Exporter:
    """A format argmap can write.

    Attributes:
        name: What users type after ``--to`` (lower case, no spaces).
        description: One line for ``argmap formats``.
        suffixes: File suffixes, the preferred first (``(".md", ".markdown")``).
        export: The function that does the work, or a ``"module:function"`` string naming it
            (imported on first use).
        binary: Whether ``export`` returns bytes rather than text.
        options: The keyword options ``export`` accepts, with a one-line description each.
        media_type: The MIME type of the output, if there is one.
        origin: Filled in by the host: the plugin that registered it.
    """

    name: str
    description: str
    suffixes: tuple[str, ...] = attrs.field(converter=_suffixes)
    export: ExportFunction | str = attrs.field(eq=False, validator=_check_target)
    binary: bool = False
    options: Mapping[str, str] = attrs.field(factory=dict, eq=False)
    media_type: str | None = None
    origin: Origin | None = None

    def __call__(self, amap: ArgumentMap, **options: Any) -> str | bytes:
        """Export ``amap`` with ``options`` (only those this exporter declares).

        Raises:
            FormatError: for an option the exporter does not declare.
            PluginError: when a lazily named implementation cannot be loaded.
        """
        unknown = sorted(set(options) - set(self.options))
        if unknown:
            known = ", ".join(sorted(self.options)) or "none"
            raise FormatError(
                f"the {self.name} exporter has no option {', '.join(unknown)} (options: {known})"
            )
        export = implementation(self.export, f"the {self.name} exporter")
        with paused_gc():
            result: str | bytes = export(amap, **options)
        return result


@attrs.frozen(kw_only=True)
class Reader:
    """A format argmap can read.

    Attributes:
        name: What users type after ``--from``.
        description: One line for ``argmap formats``.
        suffixes: File suffixes it claims.
        read: The function that does the work, or a ``"module:function"`` string naming it.
        sniff: Optional: given the first bytes of a document, whether it looks like this
            format; used when several readers claim one suffix (``.json``).
        binary: Whether the format is binary rather than text.
        origin: Filled in by the host: the plugin that registered it.
    """

    name: str
    description: str
    suffixes: tuple[str, ...] = attrs.field(converter=_suffixes)
    read: ReadFunction | str = attrs.field(eq=False, validator=_check_target)
    sniff: Callable[[bytes], bool] | None = attrs.field(default=None, eq=False)
    binary: bool = False
    origin: Origin | None = None

    def __call__(self, data: bytes, /, source: str | None = None) -> ArgumentMap:
        """Read the map ``data`` holds; ``source`` names the file in messages.

        Raises:
            ReadError: every problem in the document, with its location.
            PluginError: when a lazily named implementation cannot be loaded.
        """
        read = implementation(self.read, f"the {self.name} reader")
        with paused_gc():
            amap: ArgumentMap = read(data, source=source)
        return amap


class LabelLike(Protocol):
    """What an exporter reads of one node's evaluation label (see :mod:`argmap.evaluation`)."""

    @property
    def label(self) -> Any:
        """``in``, ``out`` or ``undecided`` (a :class:`str` enum)."""

    @property
    def reason(self) -> str:
        """Why, in words: ``"out: defeated by X"``."""


class EvaluationLike(Protocol):
    """What an exporter reads of an evaluation.

    Typed by what it offers, so that exporters need not import :mod:`argmap.evaluation`.
    """

    @property
    def semantics(self) -> str:
        """The semantics the labels were computed under."""

    @property
    def labels(self) -> Mapping[str, LabelLike]:
        """The label of every claim and argument, by id."""


RegisterExporter = Callable[[Exporter], None]
"""The callback :func:`argmap_register_exporters` receives."""

RegisterReader = Callable[[Reader], None]
"""The callback :func:`argmap_register_readers` receives."""
