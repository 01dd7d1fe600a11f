"""Read Argdown text into an :class:`~argmap.ArgumentMap`.

A hand-written, line-oriented parser in small modules: :mod:`.blocks` splits the document
into front matter (:mod:`.yaml_data`) and blocks; :mod:`.trees`, :mod:`.structures` and
:mod:`.element` parse them into a :class:`~.document.Document` (with :mod:`.inline` for the
text of each element); :mod:`.build` turns that into the map. Every problem is collected and
raised together in one :class:`~argmap.ReadError`.
"""

from __future__ import annotations

from argmap.builtin.argdown.blocks import parse_document
from argmap.builtin.argdown.build import build_map
from argmap.builtin.argdown.document import Document
from argmap.core.decoding import decode_utf8
from argmap.model import ArgumentMap


def read(data: str | bytes, source: str | None = None) -> ArgumentMap:
    """Read an Argdown document (text or UTF-8 bytes) into a map.

    Args:
        data: The document.
        source: The file name for messages.

    Raises:
        ReadError: every problem in the document, each with line and column.
    """
    text = decode_utf8(data, source)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = Document(source)
    parse_document(doc, text)
    return build_map(doc)
