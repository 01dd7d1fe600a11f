"""What a reader or a check says about a map: where (:class:`Location`) and what.

The bottom layer with :mod:`argmap.core.errors`: every other module may use these, and these
use nothing of argmap's.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

import attrs


class Location(NamedTuple):
    """Where an element came from: a file position, a JSON path, or both.

    Locations never take part in the equality of elements: a map read from Argdown equals the
    same map read from JSON. (A named tuple: readers make one per element, so it must be cheap.)
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None

    def format(self) -> str:
        """Return ``file:line:column`` (or as much of it as is known), then the JSON path."""
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        text = ":".join(parts)
        if self.path is not None:
            text = f"{text}: {self.path}" if text else self.path
        return text


class Severity(str, enum.Enum):
    """How bad a diagnostic is: an error makes the map unusable, a warning is worth a look."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Diagnostic:
    """One problem found in a map or its input.

    Attributes:
        severity: Error or warning.
        code: A stable short name for the kind of problem (``"dangling-reference"``).
        message: What is wrong, for a person.
        element: The id of the element concerned, if any.
        location: Where in the input (file:line:column or JSON path), if known.
    """

    severity: Severity
    code: str
    message: str
    element: str | None = None
    location: Location | None = None

    def format(self) -> str:
        """One line: ``location: severity[code]: message``."""
        where = self.location.format() if self.location is not None else ""
        if not where and self.element is not None:
            where = self.element
        head = f"{where}: " if where else ""
        return f"{head}{self.severity.value}[{self.code}]: {self.message}"
