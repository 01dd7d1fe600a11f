"""Evaluation: which claims of a map still stand, and why.

Grounded (the default), preferred, stable and complete semantics; each label with its reason.

>>> from argmap.evaluation import evaluate, Label
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "CONFLICT_MODES",
    "SEMANTICS",
    "Evaluation",
    "EvaluationError",
    "Label",
    "NodeLabel",
    "evaluate",
]

# The names are imported on first use (PEP 562): the command line imports this package for
# its options, and most commands never evaluate.
_HOMES = {
    **dict.fromkeys(__all__, "argmap.evaluation.result"),
    "evaluate": "argmap.evaluation.mapping",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'argmap.evaluation' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from argmap.evaluation.mapping import evaluate
    from argmap.evaluation.result import (
        CONFLICT_MODES,
        SEMANTICS,
        Evaluation,
        EvaluationError,
        Label,
        NodeLabel,
    )
