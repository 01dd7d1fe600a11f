"""argmap's native JSON as a plugin: the ``json`` reader and exporter.

Registration only; the codec (:mod:`argmap.builtin.json.codec`) is imported on first use.
"""

from __future__ import annotations

from argmap.plugin_api import Exporter, Reader, RegisterExporter, RegisterReader, hookimpl


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
            export="argmap.builtin.json.codec:dumps",
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
            read="argmap.builtin.json.codec:loads",
            sniff=sniff,
        )
    )
