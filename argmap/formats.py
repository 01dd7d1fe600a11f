"""Format descriptors: what a plugin registers to read or write a format."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

import attrs

from argmap.model import ArgumentMap

ExportFunction = Callable[..., "str | bytes"]
"""Turns a map (first argument) into text or bytes; keyword options as declared by the
exporter."""


class ReadFunction(Protocol):
    """Turns a document's bytes into a map; ``source`` names the file in messages."""

    def __call__(self, data: bytes, /, source: str | None = None) -> ArgumentMap:
        """Return the map ``data`` holds, or raise :class:`argmap.ReadError`."""


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
        export: The function that does the work.
        binary: Whether ``export`` returns bytes rather than text.
        options: The keyword options ``export`` accepts, with a one-line description each.
        media_type: The MIME type of the output, if there is one.
        origin: Filled in by the host: the plugin that registered it.
    """

    name: str
    description: str
    suffixes: tuple[str, ...] = attrs.field(converter=_suffixes)
    export: ExportFunction = attrs.field(eq=False)
    binary: bool = False
    options: Mapping[str, str] = attrs.field(factory=dict, eq=False)
    media_type: str | None = None
    origin: Origin | None = None

    def __call__(self, amap: ArgumentMap, **options: Any) -> str | bytes:
        """Export ``amap`` with ``options`` (only those this exporter declares)."""
        from argmap.errors import FormatError

        unknown = sorted(set(options) - set(self.options))
        if unknown:
            known = ", ".join(sorted(self.options)) or "none"
            raise FormatError(
                f"the {self.name} exporter has no option {', '.join(unknown)} (options: {known})"
            )
        return self.export(amap, **options)


@attrs.frozen(kw_only=True)
class Reader:
    """A format argmap can read.

    Attributes:
        name: What users type after ``--from``.
        description: One line for ``argmap formats``.
        suffixes: File suffixes it claims.
        read: The function that does the work.
        sniff: Optional: given the first bytes of a document, whether it looks like this
            format; used when several readers claim one suffix (``.json``).
        binary: Whether the format is binary rather than text.
        origin: Filled in by the host: the plugin that registered it.
    """

    name: str
    description: str
    suffixes: tuple[str, ...] = attrs.field(converter=_suffixes)
    read: ReadFunction = attrs.field(eq=False)
    sniff: Callable[[bytes], bool] | None = attrs.field(default=None, eq=False)
    binary: bool = False
    origin: Origin | None = None


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
