"""Pausing CPython's cyclic garbage collector around bulk work.

Readers and writers of large maps allocate millions of objects that form no reference cycles;
without a pause the collector walks the growing heap again and again for nothing. Calling a
format's descriptor (:class:`argmap.plugin_api.Exporter`, :class:`argmap.plugin_api.Reader`)
pauses it around the format's work, so format code never needs to.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that form no cycles.

    The collector's earlier state is restored on the way out (a pause inside a pause leaves it
    disabled until the outer one ends).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
