"""Escaping text for Mermaid labels, so that nothing in a claim can change the chart.

Every label argmap-mermaid writes is a double-quoted Mermaid string. Inside it, characters
that mean something to Mermaid, to its pre-processing or to the HTML it renders become
Mermaid entity codes: ``#quot;`` for ``"``, ``#35;`` for ``#``, ``#lt;`` for ``<`` and so on.
Mermaid turns ``#quot;`` into the HTML entity ``&quot;``, which the browser shows as ``"``, so
the reader sees the text exactly as it was written.

What is escaped, and why:

- ``"`` would end the string; ``#`` would start an entity of its own (``#lt;`` in a claim
  must stay text); ``&``, ``<`` and ``>`` are HTML in a label; a backtick at the start of a
  label turns on Mermaid's Markdown strings.
- ``%`` because ``%%{...}%%`` anywhere in a chart is read as a configuration directive, and
  ``%%`` at a line start as a comment.
- ``:`` because Mermaid strips the last ``;`` from any line where ``style`` or ``classDef``
  is followed by ``:`` and ``#``, which would break the last entity on the line.
- ``[ ] ( ) { } |`` and backslashes, which delimit shapes and edge labels outside strings.
- Line breaks become ``#10;`` followed by a ``<br>`` tag (the entity keeps the text exact, the
  tag shows the break); other control characters, line and paragraph separators and lone
  surrogates become numeric codes.

Emoji, right-to-left scripts and all other text are written as they are.
"""

from __future__ import annotations

import re

NAMED = {'"': "quot", "&": "amp", "<": "lt", ">": "gt"}
"""Characters written as named entity codes; every other escaped one is numeric."""

_ESCAPED = '"#&<>`%:|[](){}\\'
_PATTERN = re.compile("[" + re.escape(_ESCAPED) + "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_PATTERN_KEEP_NEWLINE = re.compile(
    "[" + re.escape(_ESCAPED) + "\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"
)
_TABLE = {char: f"#{NAMED.get(char, ord(char))};" for char in _ESCAPED}
_TABLE["\n"] = "#10;<br>"

_SPACES = frozenset(
    " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\ufeff"
)
_EDGE_SPACE = re.compile(f"^[{''.join(sorted(_SPACES))}]+|[{''.join(sorted(_SPACES))}]+$")

LINE_BREAK = "<br>"
"""A break that is only for display (a wrapped line or, after ``#10;``, a line break)."""

FIELD_BREAK = "<br/>"
"""The break between two fields of a label (title, text, holder, ...)."""


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    found = _TABLE.get(char)
    return found if found is not None else f"#{ord(char)};"


def _escape_chars(text: str) -> str:
    return _PATTERN.sub(_replace, text)


def _keep_edges(escaped: str) -> str:
    # Mermaid trims a label (JavaScript's trim: every Unicode space); keep edge spaces exact.
    if escaped and (escaped[0] in _SPACES or escaped[-1] in _SPACES):
        return _EDGE_SPACE.sub(lambda m: "".join(f"#{ord(c)};" for c in m.group()), escaped)
    return escaped


def escape(text: str) -> str:
    """Escape ``text`` for a double-quoted Mermaid label.

    >>> escape('He said "no" <b>')
    'He said #quot;no#quot; #lt;b#gt;'
    >>> escape("50% of #1 ")
    '50#37; of #35;1#32;'
    """
    if text.isalnum():  # letters and digits only (most ids): nothing to escape
        return text
    return _keep_edges(_escape_chars(text))


def _wrapper(width: int) -> re.Pattern[str]:
    found = _WRAPPERS.get(width)
    if found is None:
        # A piece is the longest run of at most ``width`` characters that a space (or the end)
        # follows, with that space; else a whole word longer than ``width``; else spaces.
        # Every position matches one of them, so the pieces joined give the line back.
        found = _WRAPPERS[width] = re.compile(rf".{{1,{width}}}(?: |$)|[^ ]+ ?| +")
    return found


_WRAPPERS: dict[int, re.Pattern[str]] = {}


def wrap(text: str, width: int) -> list[str]:
    """Cut one line of ``text`` into pieces of about ``width`` characters, at spaces.

    Nothing is lost: the pieces joined give ``text`` back (a piece keeps the space it was cut
    after). A word longer than ``width`` stays whole.

    >>> wrap("no state may strengthen its security", 12)
    ['no state may ', 'strengthen ', 'its security']
    """
    if len(text) <= width:
        return [text]
    return _wrapper(width).findall(text)


def label_text(text: str, width: int | None = None) -> str:
    """Escape ``text`` and, if ``width`` is given, break its long lines at spaces for display.

    Widths count the escaped text, so a line full of escaped characters breaks a little early.

    >>> label_text("no state may strengthen its security", 12)
    'no state may <br>strengthen <br>its security'
    """
    if not width or len(text) <= width:
        return escape(text)
    # Line breaks stay until each line is wrapped on its own, then become "#10;<br>".
    lines = _PATTERN_KEEP_NEWLINE.sub(_replace, text).split("\n")
    wrapped = map(LINE_BREAK.join, map(_wrapper(width).findall, lines))
    return _keep_edges(_TABLE["\n"].join(wrapped))


_ENTITY = re.compile(r"#(\w+);")
_NAMES = {name: char for char, name in NAMED.items()}


def unescape(text: str) -> str:
    """Turn the entity codes of :func:`escape` back into characters (display tags stay).

    >>> unescape("#quot;#35;1#quot; #128512;")
    '"#1" 😀'
    """

    def char(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.isdigit():
            return chr(int(code))
        return _NAMES.get(code, match.group())

    return _ENTITY.sub(char, text)
