"""The result of evaluating a map: a label for every claim and argument, each with its reason.

This module is the stable interface that exporters and the command line code against:
:class:`Label`, :class:`NodeLabel`, :class:`Evaluation` and :func:`evaluate`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from argmap.core.errors import ArgmapError

SEMANTICS: tuple[str, ...] = ("grounded", "preferred", "stable", "complete")
"""The semantics :func:`evaluate` knows, the default first."""

CONFLICT_MODES: tuple[str, ...] = ("as-drawn", "symmetric")
"""How a reason and an objection on the same claim conflict, the default first."""


class EvaluationError(ArgmapError):
    """An evaluation was asked for with an unknown semantics or conflict mode."""


class Label(str, enum.Enum):
    """The status of a claim or argument after evaluation.

    ``IN``: it stands (accepted). ``OUT``: it is defeated. ``UNDECIDED``: the map does not
    settle it (a cycle, an unresolved clash, or a claim the analyst questioned).
    """

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class NodeLabel:
    """The label of one claim or argument, with the reason for it.

    Attributes:
        id: The claim or argument id.
        label: The label under the chosen semantics; for semantics with several extensions,
            the sceptical reading (in when in every extension, out when defeated in every
            extension, undecided otherwise).
        reason: Why, in words, starting with the label: ``"out: defeated by X"``,
            ``"out: premise P does not stand"``, ``"undecided: support cycle A, B, A"``.
        sceptical: Whether the node is in every extension (``None`` for grounded).
        credulous: Whether the node is in some extension (``None`` for grounded).
    """

    id: str
    label: Label
    reason: str
    sceptical: bool | None = None
    credulous: bool | None = None


@attrs.frozen
class Evaluation:
    """The labels of every claim and argument of a map under one semantics.

    Attributes:
        semantics: ``"grounded"``, ``"preferred"``, ``"stable"`` or ``"complete"``.
        labels: Every claim and argument id of the map, in map order (claims, then
            arguments), with its label.
        extensions: The number of extensions (``None`` for grounded, which has exactly one);
            ``0`` means that no stable extension exists.
        conflict: How reasons and objections on one claim were made to conflict.
    """

    semantics: str
    labels: Mapping[str, NodeLabel]
    extensions: int | None = None
    conflict: str = "as-drawn"

    def label(self, node_id: str) -> NodeLabel:
        """Return the label of the claim or argument ``node_id``."""
        from argmap.core.errors import UnknownIdError

        try:
            return self.labels[node_id]
        except KeyError:
            raise UnknownIdError(node_id, "claim or argument") from None

    def ids_with(self, label: Label) -> tuple[str, ...]:
        """The ids labelled ``label``, in map order."""
        return tuple(i for i, n in self.labels.items() if n.label is label)
