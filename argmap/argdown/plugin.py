"""The built-in plugin for Argdown: reader and exporter ``argdown`` (``.argdown``, ``.ad``).

Module-level imports stay light; the reader and writer are imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.formats import Exporter, Reader, RegisterExporter, RegisterReader
from argmap.hookspecs import hookimpl

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def read(data: bytes, /, source: str | None = None) -> ArgumentMap:
    """Read an Argdown document."""
    from argmap.argdown.reader import read as read_argdown

    return read_argdown(data, source)


def export(amap: ArgumentMap, /, **options: Any) -> str:
    """Write ``amap`` as Argdown."""
    from argmap.argdown.writer import write

    return write(amap)


@hookimpl
def argmap_register_readers(register: RegisterReader) -> None:
    """Register the ``argdown`` reader."""
    register(
        Reader(
            name="argdown",
            description="Argdown, the plain-text language of argument maps",
            suffixes=(".argdown", ".ad"),
            read=read,
        )
    )


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``argdown`` exporter."""
    register(
        Exporter(
            name="argdown",
            description="Argdown text that reads back to the same map",
            suffixes=(".argdown", ".ad"),
            export=export,
            media_type="text/plain",
        )
    )
