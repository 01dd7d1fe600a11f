"""The exceptions argmap raises.

Every error argmap raises on purpose is an :class:`ArgmapError`, so callers (and the command
line) can catch one class and show its message.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.core.diagnostics import Diagnostic


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class MapStructureError(ArgmapError):
    """A map was built or changed in a way that breaks its invariants."""


class DuplicateIdError(MapStructureError):
    """An id is used by two elements of one map."""

    def __init__(self, element_id: str, what: str = "element") -> None:
        self.element_id = element_id
        super().__init__(f"duplicate id {element_id!r}: another {what} already uses it")


class UnknownIdError(MapStructureError, KeyError):
    """An id (or title) names nothing in the map."""

    def __init__(self, element_id: str, expected: str = "element", context: str = "") -> None:
        self.element_id = element_id
        where = f" ({context})" if context else ""
        super().__init__(f"unknown {expected} id {element_id!r}{where}")

    def __str__(self) -> str:
        # KeyError would quote the whole message again.
        return str(self.args[0])


class SelfSupportError(MapStructureError):
    """A claim was made a reason for (or an objection against) itself."""

    def __init__(self, element_id: str, relation: str = "support") -> None:
        self.element_id = element_id
        super().__init__(f"{element_id!r} cannot {relation} itself")


class InvalidRelationError(MapStructureError):
    """A relation connects elements of the wrong kind (an undercut of a claim, say)."""


class ReadError(ArgmapError):
    """Input could not be read as a map; :attr:`diagnostics` lists every problem found.

    The message names every problem with its location (``file:line:column`` or a JSON path),
    one per line, so printing the exception is enough for a person.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], source: str | None = None) -> None:
        self.diagnostics = tuple(diagnostics)
        self.source = source
        count = len(self.diagnostics)
        head = f"{source}: " if source else ""
        plural = "problem" if count == 1 else "problems"
        lines = [f"{head}cannot read map ({count} {plural}):"]
        lines.extend(f"  {d.format()}" for d in self.diagnostics)
        super().__init__("\n".join(lines))


class FormatError(ArgmapError):
    """A format is unknown, ambiguous, or cannot do what was asked."""


class PluginError(ArgmapError):
    """A plugin is broken or conflicts with another plugin."""


class ExportError(ArgmapError):
    """An exporter could not turn a map into its format."""


class OutputError(ArgmapError):
    """An output file could not (or must not) be written."""
