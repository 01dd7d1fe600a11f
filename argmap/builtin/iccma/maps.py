"""Maps to ICCMA frameworks and back: what the ``af``, ``apx`` and ``tgf`` formats do.

Writing a map gives its translation into an abstract framework (see
:func:`argmap.evaluation.mapping.translate`), ready for a competition solver. Reading a
framework gives a map of claims and attacks whose evaluation equals the framework's;
self-attacks have no map equivalent, so ``argmap evaluate`` reads such files directly instead.
"""

from __future__ import annotations

from argmap.builtin.iccma import codec
from argmap.core.diagnostics import Diagnostic, Location, Severity
from argmap.core.errors import ReadError
from argmap.evaluation.mapping import translate
from argmap.model import ArgumentMap, Claim, Relation, RelationKind


def framework_to_map(data: bytes | str, format: str, source: str | None = None) -> ArgumentMap:
    """Read a framework file as a map: one claim per argument, one attack per attack."""
    af = codec.read(data, format, source)
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


def map_to_text(amap: ArgumentMap, format: str, conflict: str = "as-drawn") -> str:
    """The framework ``amap`` translates to, as ``format`` text."""
    framework = translate(amap, conflict=conflict).framework
    return codec.TEXT_WRITERS[format](framework.names, framework.targets)


def export_af(amap: ArgumentMap, /, *, conflict: str = "as-drawn") -> str:
    """``amap``'s framework in the ICCMA 2023 ``p af N`` format."""
    return map_to_text(amap, "af", conflict)


def export_apx(amap: ArgumentMap, /, *, conflict: str = "as-drawn") -> str:
    """``amap``'s framework as apx facts."""
    return map_to_text(amap, "apx", conflict)


def export_tgf(amap: ArgumentMap, /, *, conflict: str = "as-drawn") -> str:
    """``amap``'s framework in the trivial graph format."""
    return map_to_text(amap, "tgf", conflict)


def read_af(data: bytes | str, source: str | None = None) -> ArgumentMap:
    """Read a ``p af N`` file as a map."""
    return framework_to_map(data, "af", source)


def read_apx(data: bytes | str, source: str | None = None) -> ArgumentMap:
    """Read an apx file as a map."""
    return framework_to_map(data, "apx", source)


def read_tgf(data: bytes | str, source: str | None = None) -> ArgumentMap:
    """Read a trivial-graph-format file as a map."""
    return framework_to_map(data, "tgf", source)
