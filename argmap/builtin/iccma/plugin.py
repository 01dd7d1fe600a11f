"""The ICCMA abstract-framework formats as a plugin: ``af``, ``apx`` and ``tgf``.

Registration only; :mod:`argmap.builtin.iccma.maps` does the work.
"""

from __future__ import annotations

from argmap.plugin_api import Exporter, Reader, RegisterExporter, RegisterReader, hookimpl

FORMATS = ("af", "apx", "tgf")

_DESCRIPTIONS = {
    "af": "ICCMA 2023 abstract framework ('p af N'): the map translated for solvers",
    "apx": "ICCMA apx abstract framework (arg/att facts): the map translated for solvers",
    "tgf": "trivial graph format abstract framework: the map translated for solvers",
}


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``af``, ``apx`` and ``tgf`` exporters."""
    for format in FORMATS:
        register(
            Exporter(
                name=format,
                description=_DESCRIPTIONS[format],
                suffixes=(f".{format}",),
                export=f"argmap.builtin.iccma.maps:export_{format}",
                options={"conflict": "as-drawn (default) or symmetric, as for 'argmap evaluate'"},
            )
        )


@hookimpl
def argmap_register_readers(register: RegisterReader) -> None:
    """Register the ``af``, ``apx`` and ``tgf`` readers."""
    for format in FORMATS:
        register(
            Reader(
                name=format,
                description=_DESCRIPTIONS[format].split(":")[0],
                suffixes=(f".{format}",),
                read=f"argmap.builtin.iccma.maps:read_{format}",
            )
        )
