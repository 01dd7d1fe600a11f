"""argmap's native JSON format: versioned, deterministic and lossless.

The same map always gives the same bytes (see :mod:`.write`). Reading checks everything and
reports every problem with its JSON path (``claims[3].sources[0].date``) in one
:class:`~argmap.core.errors.ReadError`; it never returns a half-built map (see :mod:`.read`).
The JSON Schema is ``argmap/builtin/json/argmap.schema.json`` (:data:`SCHEMA_FILE`).

These four functions are argmap's own ``dump``, ``dumps``, ``load`` and ``loads``, and the
``json`` format's implementation. Users call them directly, not through the format
descriptors that pause the cyclic garbage collector for every format, so they pause it
themselves: reading or writing 100,000 claims makes over a million objects that form no
cycles, and the collector would walk them again and again for nothing.
"""

from __future__ import annotations

from pathlib import Path

from argmap.builtin.json.read import read_text
from argmap.builtin.json.schema import FORMAT_NAME, FORMAT_VERSION, SCHEMA_FILE
from argmap.builtin.json.write import (
    argument_to_dict,
    claim_to_dict,
    document_bytes,
    relation_to_dict,
    section_to_dict,
    source_to_dict,
)
from argmap.core.collector import paused_gc
from argmap.core.decoding import decode_utf8
from argmap.core.errors import ExportError
from argmap.model import ArgumentMap

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "SCHEMA_FILE",
    "argument_to_dict",
    "claim_to_dict",
    "dump",
    "dumps",
    "load",
    "loads",
    "relation_to_dict",
    "section_to_dict",
    "source_to_dict",
]


def dumps(amap: ArgumentMap) -> str:
    """Return ``amap`` as native JSON text (ends with a newline).

    Raises:
        ExportError: when free ``data`` holds something JSON cannot carry (NaN, an object).
    """
    return _document(amap).decode("utf-8")


def dump(amap: ArgumentMap, path: str | Path) -> None:
    """Write ``amap`` as native JSON to ``path`` (whole or not at all).

    Raises:
        ExportError: when free ``data`` holds something JSON cannot carry.
        OutputError: when the file cannot be written.
    """
    from argmap.host.output import write_atomic

    write_atomic(Path(path), _document(amap))


def loads(text: str | bytes, source: str | None = None) -> ArgumentMap:
    """Read native JSON (text, or UTF-8 bytes) into a map.

    Args:
        text: The document.
        source: A file name to put in locations and messages.

    Raises:
        ReadError: with every problem found, each with its JSON path or line and column.
    """
    text = decode_utf8(text, source)
    with paused_gc():
        return read_text(text, source)


def load(path: str | Path) -> ArgumentMap:
    """Read a native JSON file.

    Raises:
        ReadError: when the file cannot be read or is not a valid map.
    """
    from argmap.host.files import read_bytes

    path = Path(path)
    return loads(read_bytes(path), str(path))


def _document(amap: ArgumentMap) -> bytes:
    with paused_gc():
        try:
            return document_bytes(amap)
        except (ValueError, TypeError) as error:
            raise ExportError(f"cannot write the map as JSON: {error}") from None
