"""Escaping a text of the map so that nothing in it can change the outline's structure.

Markdown punctuation is backslash-escaped, and line breaks and edge spaces become character
references, so a CommonMark parser gives back the text exactly. Block syntax cannot start
inside a text: it never begins a line (line breaks are written as character references).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from argmap.core.text import flagged

# Characters with an inline meaning in CommonMark, GFM or on GitHub (`^[` inline footnotes,
# `@user` mentions that would notify people).
_INLINE_SPECIAL = frozenset("\\`*_[]<>&!~|#()^@")
# GitHub turns :shortcode: into an emoji; escaping the opening colon keeps the text.
_SHORTCODE = re.compile(r":(?=[a-z0-9_+-]+:)")
_REFERENCES = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;", "\x00": "&#xFFFD;"}

# What Markdown parsers strip from the edges of a line (JavaScript's trim(), which markdown-it
# and GitHub's renderer follow), minus what a character reference cannot carry.
_EDGE_SPACE = frozenset(
    " \t\n\r\f\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)
_SPECIAL_RE = re.compile("[" + re.escape("".join(sorted(_INLINE_SPECIAL))) + "]")
_REFERENCE_RE = re.compile("[" + "".join(_REFERENCES) + "]")
_SPECIAL = {*_INLINE_SPECIAL, *_REFERENCES, ":"}
# Every character that makes escape() look at a text, wherever it is in it.
_ANY_SPECIAL = re.compile("[" + re.escape("".join(sorted(_SPECIAL))) + "]")
# The same without the line break, which joins the texts that flagged() scans.
_SPECIAL_BUT_LINE_BREAK = re.compile("[" + re.escape("".join(sorted(_SPECIAL - {"\n"}))) + "]")
_EDGE_CHARS = "".join(sorted(_EDGE_SPACE))


def escape(text: str) -> str:
    """Escape ``text`` for an inline position in GFM (a list item, heading or footnote).

    Returns ``text`` itself when nothing in it needs escaping (most texts of a map).
    """
    if not text or (
        _ANY_SPECIAL.search(text) is None
        and text[0] not in _EDGE_SPACE
        and text[-1] not in _EDGE_SPACE
    ):
        return text
    if text[0] in _EDGE_SPACE or text[-1] in _EDGE_SPACE:
        # A parser drops white space at the edges of a line; keep it as character references.
        return _edge_references(text)
    if ":" in text and _SHORTCODE.search(text):
        escaped = _escape_shortcodes(text)
    elif _SPECIAL_RE.search(text):
        escaped = _SPECIAL_RE.sub(r"\\\g<0>", text)
    else:
        escaped = text
    if _REFERENCE_RE.search(escaped):
        escaped = _REFERENCE_RE.sub(lambda m: _REFERENCES[m.group()], escaped)
    return escaped


def escapes(texts: Sequence[str]) -> dict[str, str]:
    """Those of ``texts`` (none empty) that :func:`escape` may change, with their escaped form.

    Most texts of a map need nothing: one scan of them all (:func:`argmap.core.text.flagged`)
    finds the few that do. Any text not among the keys is safe as it is.
    """
    found = flagged(texts, _SPECIAL_BUT_LINE_BREAK, edges=_EDGE_CHARS)
    if "\n" in "".join(texts):  # (rare: looked for in all texts at once first)
        found.update(number for number, text in enumerate(texts) if "\n" in text)
    return {texts[number]: escape(texts[number]) for number in found}


def _escape_shortcodes(text: str) -> str:
    colons = {m.start() for m in _SHORTCODE.finditer(text)}
    return "".join(
        "\\" + char if char in _INLINE_SPECIAL or i in colons else char
        for i, char in enumerate(text)
    )


def _edge_references(text: str) -> str:
    start = 0
    while start < len(text) and text[start] in _EDGE_SPACE:
        start += 1
    end = len(text)
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    lead = "".join(f"&#{ord(c)};" for c in text[:start])
    trail = "".join(f"&#{ord(c)};" for c in text[end:])
    return lead + escape(text[start:end]) + trail


def code(text: str) -> str:
    """``text`` for the inside of a code span (a tag).

    Nothing is interpreted there, but a backtick would end the span and a line break would
    fold it; those become safe look-alikes.
    """
    return text.replace("`", "ˋ").replace("\n", " ").replace("\r", " ")


_SAFE_URL = re.compile(r"https?://[^\s<>]+")


def url(text: str) -> str:
    """A source's URL: an autolink when it is a plain web address, else escaped text."""
    return f"<{text}>" if _SAFE_URL.fullmatch(text) else escape(text)
