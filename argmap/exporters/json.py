"""The built-in plugin for argmap's native JSON format (reads and writes).

Like every built-in plugin module it only registers descriptors: :mod:`argmap.jsonformat`
(and the standard library's ``json``) load on first use, so commands that never touch JSON,
and ``argmap formats``, do not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.formats import Exporter, Reader, RegisterExporter, RegisterReader
from argmap.hookspecs import hookimpl

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def export(amap: ArgumentMap, /, **options: Any) -> str:
    """Native JSON text; see :mod:`argmap.jsonformat`."""
    from argmap.jsonformat import dumps

    return dumps(amap)


def read(data: bytes, /, source: str | None = None) -> ArgumentMap:
    """Read native JSON bytes."""
    from argmap.jsonformat import loads

    return loads(data, source)


def sniff(head: bytes) -> bool:
    """Whether a document starts like a native argmap file."""
    return b'"format"' in head[:4096] and b'"argmap"' in head[:4096]


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``json`` exporter."""
    register(
        Exporter(
            name="json",
            description="argmap's native JSON: lossless, versioned, one element per line",
            suffixes=(".json",),
            export=export,
            media_type="application/json",
        )
    )


@hookimpl
def argmap_register_readers(register: RegisterReader) -> None:
    """Register the ``json`` reader."""
    register(
        Reader(
            name="json",
            description="argmap's native JSON",
            suffixes=(".json",),
            read=read,
            sniff=sniff,
        )
    )
