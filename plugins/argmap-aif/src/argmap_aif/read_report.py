"""What one reading of an AIF document has to say: its warnings, or the error that stops it."""

from __future__ import annotations

from argmap.core.diagnostics import Diagnostic, Location, Severity
from argmap.core.errors import ReadError


class Report:
    """Collects the warnings of one reading, each located in the document ``source``.

    Attributes:
        source: The file name for messages, if any.
        warnings: The warnings so far, in the order they were found.
    """

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.warnings: list[Diagnostic] = []

    def warn(self, code: str, message: str, element: str | None, path: str | None = None) -> None:
        """Add a warning about ``element`` (a node or edge id), at ``path`` in the document."""
        self.warnings.append(
            Diagnostic(
                Severity.WARNING,
                code,
                message,
                element,
                Location(file=self.source, path=path),
            )
        )

    def fail(self, code: str, message: str, path: str | None = None) -> ReadError:
        """The error that ends the reading (for the caller to raise)."""
        return ReadError(
            [
                Diagnostic(
                    Severity.ERROR, code, message, None, Location(file=self.source, path=path)
                )
            ],
            self.source,
        )
