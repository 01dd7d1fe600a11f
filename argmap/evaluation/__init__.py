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

# The names come from argmap.evaluation.result on first use (PEP 562): argmap imports the
# built-in iccma plugin, a module of this package, on every command, and most commands
# never evaluate.


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'argmap.evaluation' has no attribute {name!r}")
    value = getattr(importlib.import_module("argmap.evaluation.result"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from argmap.evaluation.result import (
        CONFLICT_MODES,
        SEMANTICS,
        Evaluation,
        EvaluationError,
        Label,
        NodeLabel,
        evaluate,
    )
