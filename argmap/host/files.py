"""Reading input files, with a readable error instead of an OSError."""

from __future__ import annotations

from pathlib import Path

from argmap.core.diagnostics import Diagnostic, Severity
from argmap.core.errors import ReadError
from argmap.model import Location


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, or a :class:`ReadError` saying why they cannot be had."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise ReadError(
            [
                Diagnostic(
                    Severity.ERROR,
                    "unreadable",
                    error.strerror or str(error),
                    location=Location(file=str(path)),
                )
            ],
            str(path),
        ) from None
