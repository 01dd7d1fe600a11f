"""Argdown as a plugin: the ``argdown`` reader and exporter (``.argdown``, ``.ad``).

Registration only; the reader and writer are imported when first used.
"""

from __future__ import annotations

from argmap.plugin_api import Exporter, Reader, RegisterExporter, RegisterReader, hookimpl


@hookimpl
def argmap_register_readers(register: RegisterReader) -> None:
    """Register the ``argdown`` reader."""
    register(
        Reader(
            name="argdown",
            description="Argdown, the plain-text language of argument maps",
            suffixes=(".argdown", ".ad"),
            read="argmap.builtin.argdown.reader:read",
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
            export="argmap.builtin.argdown.writer:write",
            media_type="text/plain",
        )
    )
