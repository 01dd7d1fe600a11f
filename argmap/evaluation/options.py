"""Helpers for commands that show evaluation through an exporter (``export``, ``render``)."""

from __future__ import annotations

from typing import Any

from argmap.core.errors import FormatError
from argmap.model import ArgumentMap
from argmap.plugin_api.formats import Exporter


def with_evaluation(
    exporter: Exporter,
    amap: ArgumentMap,
    semantics: str | None,
    options: dict[str, Any],
    *,
    conflict: str = "as-drawn",
) -> dict[str, Any]:
    """Return ``options`` with ``evaluation`` set when ``semantics`` is given.

    Raises:
        FormatError: When the exporter cannot show evaluation.
        EvaluationError: For an unknown semantics or conflict mode.
    """
    if semantics is None:
        return options
    if "evaluation" not in exporter.options:
        raise FormatError(f"the {exporter.name} exporter cannot show evaluation (--evaluate)")
    from argmap.evaluation import evaluate

    return {**options, "evaluation": evaluate(amap, semantics, conflict=conflict)}
