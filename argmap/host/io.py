"""Read, export and write maps in any registered format.

>>> import argmap.host.io
>>> amap = argmap.host.io.read("examples/lavrov_2022.json")  # doctest: +SKIP
>>> print(argmap.host.io.export(amap, "markdown"))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from argmap.host.files import read_bytes
from argmap.host.output import write_atomic
from argmap.host.plugins import registry
from argmap.model import ArgumentMap


def read(path: str | Path, format: str | None = None) -> ArgumentMap:
    """Read a map from a file; the format comes from ``format`` or the file's suffix.

    Raises:
        ReadError: the file cannot be read or holds an invalid map.
        FormatError: the format is unknown or cannot be told from the suffix.
    """
    path = Path(path)
    data = read_bytes(path)
    return parse(data, format=format, source=str(path))


def parse(
    data: bytes | str, *, format: str | None = None, source: str | None = None
) -> ArgumentMap:
    """Read a map from the bytes (or text) of a document.

    ``format`` is required unless ``source`` has a suffix that tells it.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    formats = registry()
    if format is not None:
        reader = formats.reader(format)
    else:
        reader = formats.reader_for(source or "", raw[:4096])
    return reader(raw, source=source)


def export(amap: ArgumentMap, format: str, **options: Any) -> str | bytes:
    """Turn ``amap`` into the format called ``format`` (text or bytes)."""
    return registry().exporter(format)(amap, **options)


def write(
    amap: ArgumentMap,
    path: str | Path,
    format: str | None = None,
    *,
    protect: Iterable[str | Path] = (),
    **options: Any,
) -> None:
    """Export ``amap`` to a file, whole or not at all; the format defaults to the suffix's.

    ``protect`` names files (the input, typically) that must not be overwritten.
    """
    path = Path(path)
    exporter = registry().exporter(format) if format else registry().exporter_for(path)
    content = exporter(amap, **options)
    payload = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic(path, payload, protect=[Path(p) for p in protect])
