"""Text to DOT: escaping for labels and DOT strings, and wrapping labels at a width.

Two kinds of text reach the DOT: labels, written as Graphviz HTML-like labels (``<...>``),
and DOT strings (node names, tooltips). :data:`HTML_SPECIAL` and :data:`DOT_SPECIAL` match the
characters each must rewrite. Every character that ``DOT_SPECIAL`` matches ``HTML_SPECIAL``
matches too, so a text that needs nothing in a label needs nothing in a DOT string either.
"""

from __future__ import annotations

import functools
import re

# Characters XML cannot carry (SVG is XML, and Graphviz parses HTML labels as XML): C0
# controls other than tab and line breaks become their visible Unicode control pictures;
# lone surrogates and the two non-characters become the replacement character.
_CONTROL = {c: 0x2400 + c for c in range(32) if c not in (9, 10, 13)}
_CONTROL.update({0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD})
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")

HTML_SPECIAL = re.compile('[&<>"\\\\\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')
"""The characters that :func:`html` rewrites: a text without them goes into a label as it is."""

DOT_SPECIAL = re.compile('["\\\\\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')
"""The characters that :func:`dot_string` rewrites: a text without them goes into a DOT string
as it is."""

CHUNK = 4000
"""Characters per quoted piece of a long DOT string: at most 16,000 bytes even escaped (2 bytes
for an escaped ASCII character, 4 for others), below Graphviz's limit of 16,384."""


def clean(text: str) -> str:
    """Replace the characters that XML cannot carry with visible stand-ins."""
    if _UNSAFE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text.translate(_CONTROL))


def html(text: str) -> str:
    """Escape ``text`` for the inside of a Graphviz HTML-like label (one line)."""
    if HTML_SPECIAL.search(text) is None:
        return text
    text = (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        # Graphviz reads backslash sequences in labels too (\N is the node's name): double them.
        .replace("\\", "\\\\")
    )
    # Graphviz drops tabs from HTML labels; a space keeps the words apart.
    return text.replace("\t", " ")


def dot_string(text: str) -> str:
    """Escape ``text`` for the inside of a quoted DOT string (no quotes around it)."""
    if DOT_SPECIAL.search(text) is None:
        return text
    return clean(text).replace("\\", "\\\\").replace('"', '\\"')


def quote(text: str, *, escape: bool = True) -> str:
    """Quote ``text`` as a DOT string: a node name, or an attribute such as a tooltip.

    Backslashes are doubled and quotes escaped, so the string always ends where it should; an
    escString attribute (tooltip, URL) then shows the text exactly as given. A text longer than
    :data:`CHUNK` becomes pieces joined by DOT's ``+``.

    Args:
        text: The text.
        escape: False when the caller knows that ``text`` holds nothing that
            :data:`DOT_SPECIAL` matches.
    """
    if len(text) <= CHUNK:
        return f'"{dot_string(text)}"' if escape else f'"{text}"'
    return " + ".join(f'"{dot_string(text[i : i + CHUNK])}"' for i in range(0, len(text), CHUNK))


def wrap(text: str, width: int, *, spaces_only: bool = False) -> list[str]:
    """Break ``text`` into lines of at most ``width`` characters, at spaces where possible.

    Line breaks in the text are kept; words longer than ``width`` are cut. Runs of white
    space become one space, as Graphviz shows them anyway (the tooltip keeps the text exactly).

    Args:
        text: The text.
        width: The width in characters.
        spaces_only: True when the caller knows that the only white space in ``text`` is
            spaces and line breaks.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_paragraph_lines(paragraph, width, spaces_only))
    return lines


def _paragraph_lines(paragraph: str, width: int, spaces_only: bool) -> list[str]:
    """The lines of one paragraph of :func:`wrap` (a text without line breaks)."""
    if len(paragraph) <= width:
        return [paragraph.strip()]
    paragraph = paragraph.strip(" ")
    # Joining the words changes a paragraph only where it has a run of spaces or other white
    # space, and a printable one has no white space but spaces.
    if "  " in paragraph or not (spaces_only or paragraph.isprintable()):
        paragraph = " ".join(paragraph.split())
    return _line_pattern(width).findall(paragraph) if paragraph else [""]


@functools.cache
def _line_pattern(width: int) -> re.Pattern[str]:
    """The lines of a paragraph (single spaces, no line breaks) as ``findall`` finds them.

    A line is the longest run of at most ``width`` characters that a space or the end follows
    or, when a word is longer than that, the next ``width`` characters; the space after it
    goes with it.
    """
    return re.compile(f"(.{{1,{width}}}(?= |\\Z)|.{{{width}}}) ?")


def block(text: str, budget: int, width: int, *, bold: bool = False, escape: bool = True) -> str:
    """``text`` as label lines: wrapped at ``width``, at most ``budget`` of them, escaped.

    A text cut after ``budget`` lines ends its last line with an ellipsis. The lines are
    joined by ``<BR/>`` (and each set in ``<B>`` when ``bold``).

    Args:
        text: The text.
        budget: How many lines to show at most.
        width: The width in characters.
        bold: Whether the lines are bold.
        escape: False when the caller knows that ``text`` holds nothing that
            :data:`HTML_SPECIAL` matches.
    """
    # All ASCII white space but spaces and line breaks is in HTML_SPECIAL.
    spaces_only = not escape and text.isascii()
    if "\n" in text or "\r" in text:
        lines = wrap(text, width, spaces_only=spaces_only)
    else:
        lines = _paragraph_lines(text, width, spaces_only)
    if len(lines) > budget:
        lines = lines[:budget]
        lines[-1] = lines[-1][: width - 1] + "…"
    if escape and HTML_SPECIAL.search(text) is not None:
        lines = [html(line) for line in lines]
    if bold:
        return "<B>" + "</B><BR/><B>".join(lines) + "</B>"
    return "<BR/>".join(lines)
