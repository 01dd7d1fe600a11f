"""The built-in plugin for the ICCMA abstract-framework formats: af, apx and tgf.

Writing a map gives its translation into an abstract framework (see
:func:`argmap.evaluation.mapping.translate`), ready for a competition solver. Reading a framework
gives a map of claims and attacks whose evaluation equals the framework's; self-attacks have
no map equivalent, so ``argmap evaluate`` reads such files directly instead.
"""

from __future__ import annotations

from typing import Any

from argmap.errors import ReadError
from argmap.formats import Exporter, Reader, RegisterExporter, RegisterReader
from argmap.hookspecs import hookimpl
from argmap.model import ArgumentMap, Claim, Location, Relation, RelationKind
from argmap.validation import Diagnostic, Severity

_DESCRIPTIONS = {
    "af": "ICCMA 2023 abstract framework ('p af N'): the map translated for solvers",
    "apx": "ICCMA apx abstract framework (arg/att facts): the map translated for solvers",
    "tgf": "trivial graph format abstract framework: the map translated for solvers",
}


def framework_to_map(data: bytes, format: str, source: str | None = None) -> ArgumentMap:
    """Read a framework file as a map: one claim per argument, one attack per attack."""
    from argmap.evaluation import iccma

    af = iccma.read(data, format, source)
    problems = [
        Diagnostic(
            Severity.ERROR,
            "self-attack",
            f"argument {af.names[a]!r} attacks itself, which a map cannot hold; "
            "'argmap evaluate' reads such files directly",
            af.names[a],
            Location(file=source),
        )
        for a, b in af.attacks
        if a == b
    ]
    if problems:
        raise ReadError(problems, source)
    claims = tuple(Claim(name, text=name) for name in af.names)
    relations = tuple(
        Relation(RelationKind.ATTACK, af.names[a], af.names[b]) for a, b in af.attacks
    )
    return ArgumentMap(title=source or "", claims=claims, relations=relations)


def _exporter(format: str) -> Exporter:
    def export(amap: ArgumentMap, /, *, conflict: str = "as-drawn", **_: Any) -> str:
        from argmap.collector import paused_gc
        from argmap.evaluation import iccma
        from argmap.evaluation.mapping import attack_lists

        # A million small lists, tuples and strings that form no cycles: without the pause the
        # collector would rescan the growing heap again and again (a third of the time).
        with paused_gc():
            names, targets = attack_lists(amap, conflict=conflict)
            return iccma.TEXT_WRITERS[format](names, targets)

    return Exporter(
        name=format,
        description=_DESCRIPTIONS[format],
        suffixes=(f".{format}",),
        export=export,
        options={"conflict": "as-drawn (default) or symmetric, as for 'argmap evaluate'"},
    )


def _reader(format: str) -> Reader:
    def read(data: bytes, /, source: str | None = None) -> ArgumentMap:
        return framework_to_map(data, format, source)

    return Reader(
        name=format,
        description=_DESCRIPTIONS[format].split(":")[0],
        suffixes=(f".{format}",),
        read=read,
    )


@hookimpl
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the ``af``, ``apx`` and ``tgf`` exporters."""
    for format in ("af", "apx", "tgf"):
        register(_exporter(format))


@hookimpl
def argmap_register_readers(register: RegisterReader) -> None:
    """Register the ``af``, ``apx`` and ``tgf`` readers."""
    for format in ("af", "apx", "tgf"):
        register(_reader(format))


__all__ = ["argmap_register_exporters", "argmap_register_readers"]
