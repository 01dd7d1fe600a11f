"""Kialo's text export as a plugin: the ``kialo`` reader.

Registration and sniffing only; the reader (:mod:`argmap.builtin.kialo.reader`) is imported
when a Kialo export is read.
"""

from __future__ import annotations

from argmap.plugin_api import Reader, RegisterReader, hookimpl


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
            read="argmap.builtin.kialo.reader:read",
            sniff=sniff,
        )
    )
