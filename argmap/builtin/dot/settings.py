"""The checked options of one diagram: :class:`DotOptions`, read from exporter options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from argmap.builtin.dot.options import DEFAULT_MAX_LINES, DEFAULT_WRAP
from argmap.builtin.dot.theme import THEMES, Theme
from argmap.core.errors import FormatError
from argmap.plugin_api.formats import EvaluationLike

DIRECTIONS: Mapping[str, str] = {
    "BT": "BT",
    "TB": "TB",
    "LR": "LR",
    "RL": "RL",
    "up": "BT",
    "down": "TB",
    "right": "LR",
    "left": "RL",
}
"""Layout directions: Graphviz's ``rankdir`` values and words for them. ``BT`` (the default)
puts positions at the top with their reasons and objections below, arrows pointing up."""


@attrs.frozen(kw_only=True)
class DotOptions:
    """How a map is drawn. Every exporter option of ``dot``, ``svg``, ``png`` and ``pdf``.

    Attributes:
        direction: ``BT`` (default: positions on top), ``TB``, ``LR``, ``RL`` or the words
            ``up``, ``down``, ``right``, ``left``.
        theme: ``default`` or ``print``, or a :class:`Theme`.
        legend: Whether to add a key to the shapes and lines.
        sources: Whether to show sources (speaker under the text, speaker and quote in the
            tooltip).
        wrap: The width in characters at which labels are wrapped.
        max_lines: How many lines of a text a node shows at most (the tooltip has all).
        evaluation: An :class:`argmap.evaluation.Evaluation` whose labels to show.
    """

    direction: str = "BT"
    theme: Theme = THEMES["default"]
    legend: bool = False
    sources: bool = True
    wrap: int = DEFAULT_WRAP
    max_lines: int = DEFAULT_MAX_LINES
    evaluation: EvaluationLike | None = None

    @classmethod
    def from_options(cls, **options: Any) -> DotOptions:
        """Check and convert exporter options (as given in Python or on the command line)."""
        direction = str(options.pop("direction", "BT"))
        if direction not in DIRECTIONS:
            raise FormatError(
                f"unknown direction {direction!r} (choose from {', '.join(DIRECTIONS)})"
            )
        theme = options.pop("theme", "default")
        if not isinstance(theme, Theme):
            if theme not in THEMES:
                raise FormatError(f"unknown theme {theme!r} (choose from {', '.join(THEMES)})")
            theme = THEMES[theme]
        numbers: dict[str, int] = {}
        for name, default, low in (("wrap", DEFAULT_WRAP, 8), ("max_lines", DEFAULT_MAX_LINES, 1)):
            value = options.pop(name, default)
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise FormatError(f"{name} must be a whole number of at least {low}, not {value!r}")
            numbers[name] = value
        flags: dict[str, bool] = {}
        for name, default in (("legend", False), ("sources", True)):
            value = options.pop(name, default)
            if not isinstance(value, bool):
                raise FormatError(f"{name} must be true or false, not {value!r}")
            flags[name] = value
        evaluation = options.pop("evaluation", None)
        if evaluation is not None and not hasattr(evaluation, "labels"):
            raise FormatError("evaluation must be an argmap.evaluation.Evaluation")
        if options:
            raise FormatError(f"unknown diagram option {', '.join(sorted(options))}")
        return cls(
            direction=DIRECTIONS[direction],
            theme=theme,
            evaluation=evaluation,
            wrap=numbers["wrap"],
            max_lines=numbers["max_lines"],
            legend=flags["legend"],
            sources=flags["sources"],
        )
