"""Evaluation: which claims of a map still stand, and why.

Grounded (the default), preferred, stable and complete semantics; each label with its reason.

>>> from argmap.evaluation import evaluate, Label
"""

from __future__ import annotations

from argmap.evaluation.result import (
    CONFLICT_MODES,
    SEMANTICS,
    Evaluation,
    EvaluationError,
    Label,
    NodeLabel,
    evaluate,
)

__all__ = [
    "CONFLICT_MODES",
    "SEMANTICS",
    "Evaluation",
    "EvaluationError",
    "Label",
    "NodeLabel",
    "evaluate",
]
