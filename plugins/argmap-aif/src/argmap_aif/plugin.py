"""The argmap plugin: registers the ``aif`` reader and writer and the ``xaif`` reader.

Both readers accept either flavour (a plain AIFdb document or OVA3's ``{"AIF": ...}`` wrapper);
the names differ so that ``--from`` says what the user has, and so that sniffing tells the two
apart when several readers claim ``.json``. Warnings (what could not be placed) go to the
``argmap_aif`` logger, which Python prints on standard error when nothing else is configured.
"""

from __future__ import annotations

import re

from argmap.plugin_api import Exporter, Reader, RegisterExporter, RegisterReader, hookimpl

# Registration and sniffing only: the reader and writer are named lazily, so listing the
# formats imports neither.

_NATIVE = re.compile(rb'^\s*\{\s*"format"\s*:\s*"argmap"')
_XAIF = re.compile(rb'"(?:AIF|OVA)"\s*:\s*\{')
_NODES = re.compile(rb'"(?:nodes|edges|locutions)"\s*:\s*\[')
_NODE_ID = re.compile(rb'"(?:nodeID|edgeID|fromID)"\s*:')


def _strip(head: bytes) -> bytes:
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head


def sniff_aif(head: bytes) -> bool:
    """Whether a document starts like AIFdb JSON (``nodes`` with ``nodeID``s, no wrapper)."""
    head = _strip(head)
    if not head.lstrip().startswith(b"{") or _NATIVE.match(head) or _XAIF.search(head):
        return False
    return bool(_NODES.search(head) and _NODE_ID.search(head))


def sniff_xaif(head: bytes) -> bool:
    """Whether a document starts like OVA3's xAIF: an ``AIF`` (or ``OVA``) object at the top."""
    head = _strip(head)
    if not head.lstrip().startswith(b"{") or _NATIVE.match(head):
        return False
    return bool(_XAIF.search(head))


@hookimpl
def argmap_register_readers(register: RegisterReader) -> None:
    """Register the ``aif`` and ``xaif`` readers."""
    register(
        Reader(
            name="aif",
            description="AIF JSON (AIFdb corpora, OVA): I/RA/CA/MA nodes, locutions as sources",
            suffixes=(".json", ".aif"),
            read="argmap_aif.reader:read",
            sniff=sniff_aif,
        )
    )
    register(
        Reader(
            name="xaif",
            description="xAIF (OVA3 export: AIF plus layout and analysed text)",
            suffixes=(".json", ".xaif"),
            read="argmap_aif.reader:read",
            sniff=sniff_xaif,
        )
    )


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``aif`` exporter."""
    register(
        Exporter(
            name="aif",
            description="AIF JSON for AIFdb, OVA and arguebuf (argmap's extras in one extra key)",
            suffixes=(".aif", ".json"),
            export="argmap_aif.writer:dumps",
            media_type="application/json",
        )
    )
