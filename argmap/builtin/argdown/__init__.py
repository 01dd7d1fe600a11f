"""Argdown, the plain-text language of argument maps: a reader and a writer.

:func:`loads` turns Argdown text into an :class:`~argmap.ArgumentMap`; :func:`dumps` turns any
map back into Argdown that reads back to an equal map. The plugin in
:mod:`argmap.builtin.argdown.plugin` registers both as the ``argdown`` format (``.argdown``,
``.ad``). See ``docs/argdown.md`` for how Argdown's concepts map onto argmap's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def loads(text: str | bytes, source: str | None = None) -> ArgumentMap:
    """Read an Argdown document; raises :class:`~argmap.ReadError` listing every problem."""
    from argmap.builtin.argdown.reader import read

    return read(text, source)


def dumps(amap: ArgumentMap) -> str:
    """Write ``amap`` as Argdown text that reads back to an equal map."""
    from argmap.builtin.argdown.writer import write

    return write(amap)


__all__ = ["dumps", "loads"]
