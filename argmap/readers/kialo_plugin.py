"""The ``kialo`` reader as a plugin: registration, sniffing, and logging of warnings.

argmap imports every plugin on every command to know the formats; the reader itself
(:mod:`argmap.readers.kialo`, with its patterns and classes) is imported when a Kialo export
is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.formats import Reader, RegisterReader
from argmap.hookspecs import hookimpl

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def read(data: bytes, /, source: str | None = None) -> ArgumentMap:
    """Read a Kialo export; warnings go to the ``argmap.kialo`` logger."""
    from argmap.readers.kialo import read_kialo

    reading = read_kialo(data, source)
    if reading.warnings:
        import logging

        logger = logging.getLogger("argmap.kialo")
        for warning in reading.warnings:
            logger.warning("argmap: %s", warning.format())
    return reading.map


def sniff(head: bytes) -> bool:
    """Whether a document starts like a Kialo export."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"Discussion Title:")


@hookimpl
def argmap_register_readers(register: RegisterReader) -> None:
    """Register the ``kialo`` reader."""
    register(
        Reader(
            name="kialo",
            description="Kialo's text export: thesis, nested Pro/Con, '-> See' links as reused "
            "claims",
            suffixes=(".txt", ".kialo"),
            read=read,
            sniff=sniff,
        )
    )
