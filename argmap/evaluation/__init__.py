"""Evaluation: which claims of a map still stand, under grounded, preferred, stable or complete
semantics, each label with its reason.

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

__all__ = ["CONFLICT_MODES", "SEMANTICS", "Evaluation", "EvaluationError", "Label", "NodeLabel", "evaluate"]
