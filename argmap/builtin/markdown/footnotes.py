"""Sources as footnotes: speaker, date, document, locator and URL, then the verbatim quote."""

from __future__ import annotations

from collections.abc import Mapping

from argmap.builtin.markdown.escape import url
from argmap.model import Source


def footnote(number: int, source: Source, escaped: Mapping[str, str]) -> str:
    """The line of footnote ``number``, which cites ``source``.

    ``escaped`` holds the escaped form of each text of ``source`` that needs one.
    """
    parts = []
    if source.speaker:
        parts.append(escaped.get(source.speaker, source.speaker))
    if source.date:
        parts.append(escaped.get(source.date, source.date))
    if source.document:
        parts.append(f"*{escaped.get(source.document, source.document)}*")
    if source.locator:
        parts.append(escaped.get(source.locator, source.locator))
    if source.url:
        parts.append(url(source.url))
    head = ", ".join(parts)
    if source.quote is not None:
        quote = escaped.get(source.quote, source.quote)
        return f"[^{number}]: {head}: “{quote}”" if head else f"[^{number}]: “{quote}”"
    return f"[^{number}]: {head or '*(source without details)*'}"


class Footnotes:
    """The footnotes of one outline, numbered in the order they are cited."""

    def __init__(self, escaped: Mapping[str, str]) -> None:
        """Start with no footnotes; ``escaped`` as for :func:`footnote`."""
        self.lines: list[str] = []
        self.escaped = escaped

    def cite(self, sources: tuple[Source, ...]) -> str:
        """Add a footnote for each of ``sources``; return the references to them."""
        refs = ""
        for source in sources:
            number = len(self.lines) + 1
            self.lines.append(footnote(number, source, self.escaped))
            refs += f"[^{number}]"
        return refs
