"""Evaluation markers: the status line a node shows when an evaluation is drawn.

Reads an evaluation through :class:`argmap.plugin_api.formats.EvaluationLike`, so nothing here
imports :mod:`argmap.evaluation`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from argmap.builtin.dot.labels import html
from argmap.builtin.dot.theme import Theme
from argmap.plugin_api.formats import EvaluationLike


class Marker(NamedTuple):
    """How a status is shown: a symbol and words, so it is never told by colour alone."""

    symbol: str
    words: str


STATUS: Mapping[str, Marker] = {
    "in": Marker("✔", "IN: stands"),
    "out": Marker("✘", "OUT: defeated"),
    "undecided": Marker("?", "UNDECIDED"),
}
"""The marker of each evaluation status."""


class Status(NamedTuple):
    """A node's evaluation status as drawn.

    Attributes:
        line: What the label adds (``""`` when the node has no status).
        word: The status (``in``, ``out``, ``undecided``), or None.
    """

    line: str
    word: str | None


NO_STATUS = Status("", None)
"""The status of a node that no evaluation labels."""


def status(evaluation: EvaluationLike | None, theme: Theme, node_id: str) -> Status:
    """The evaluation status of ``node_id`` as its label shows it."""
    if evaluation is None:
        return NO_STATUS
    found = evaluation.labels.get(node_id)
    if found is None:
        return NO_STATUS
    word = str(getattr(found.label, "value", found.label))
    symbol, words = STATUS.get(word, Marker("?", word.upper()))
    colour = {"in": theme.status_in, "out": theme.status_out}.get(word, theme.status_undecided)
    line = f'<BR/><FONT POINT-SIZE="10" COLOR="{colour}"><B>{symbol} {html(words)}</B></FONT>'
    return Status(line, word)
