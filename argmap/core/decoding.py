"""Turning a document's bytes into text: the one place every text reader decodes UTF-8.

Readers accept text or bytes; bytes must be UTF-8 (a byte-order mark is dropped). A document
that is not UTF-8 is refused with one diagnostic that says where the first bad byte is.
"""

from __future__ import annotations

from argmap.core.diagnostics import Diagnostic, Location, Severity
from argmap.core.errors import ReadError


def decode_utf8(data: bytes | str, source: str | None = None) -> str:
    """The text of ``data``, without a leading byte-order mark.

    Raises:
        ReadError: when ``data`` is bytes that are not UTF-8, with the line and column of
            the first byte that cannot be decoded.
    """
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise ReadError(
            [
                Diagnostic(
                    Severity.ERROR,
                    "not-utf8",
                    f"the file is not UTF-8: byte 0x{data[error.start]:02x} at offset "
                    f"{error.start} cannot be decoded",
                    location=Location(file=source, line=line, column=column),
                )
            ],
            source,
        ) from None
    return text.removeprefix("\ufeff")
