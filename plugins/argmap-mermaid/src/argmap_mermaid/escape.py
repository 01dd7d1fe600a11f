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
from bisect import bisect_right
from itertools import accumulate

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
    wrapper = _wrapper(width)
    escaped = text
    if _PATTERN_KEEP_NEWLINE.search(text) is not None:  # (searching is quicker than sub)
        escaped = _PATTERN_KEEP_NEWLINE.sub(_replace, text)
    if "\n" not in escaped:
        return _keep_edges(LINE_BREAK.join(wrapper.findall(escaped)))
    return _keep_edges(
        "#10;<br>".join(
            LINE_BREAK.join(wrapper.findall(line)) if len(line) > width else line
            for line in escaped.split("\n")
        )
    )


def label_texts(texts: list[str], width: int | None = None) -> list[str]:
    """:func:`label_text` of each of ``texts``, in order, made in bulk.

    Most texts of a map need no escaping: one search of them all joined tells which do (or
    begin or end with a space), and the others are broken at spaces by one ``findall`` over
    them all joined; only the few that need escaping take a call each.

    >>> label_texts(["no state may strengthen its security", "", "a<b"], 12)
    ['no state may <br>strengthen <br>its security', '', 'a#lt;b']
    """
    if not texts:
        return []
    # The texts joined by line breaks: a text holding one of its own is found by counting.
    joined = "\n".join(texts)
    escaped = {
        n for n, text in enumerate(texts) if text and (text[0] in _SPACES or text[-1] in _SPACES)
    }
    if joined.count("\n") != len(texts) - 1:
        escaped.update(n for n, text in enumerate(texts) if "\n" in text)
    if not joined.isascii() or _has_ascii_to_escape(joined):
        found = _TO_ESCAPE.search(joined)
        # Where each text ends, past the line break after it: a position's text is a bisection.
        ends = list(accumulate(len(text) + 1 for text in texts))
        while found is not None:
            number = bisect_right(ends, found.start())
            escaped.add(number)
            found = _TO_ESCAPE.search(joined, ends[number])  # the next text on
    if not width:
        if not escaped:
            return list(texts)
        return [escape(t) if n in escaped else t for n, t in enumerate(texts)]
    # Every piece of a line is at least a character, so the pieces of non-empty texts joined
    # by line breaks, joined by <br>, split at the breaks (<br> at both sides) into labels.
    if escaped:
        plain = [text for number, text in enumerate(texts) if text and number not in escaped]
    elif "" in texts:
        plain = [text for text in texts if text]
    else:
        plain = texts
    if plain:
        pieces = _wrapper_of_lines(width).findall("\n".join(plain))
        wrapped = LINE_BREAK.join(pieces).split("<br>\n<br>")
    else:
        wrapped = []
    if plain is texts:
        return wrapped
    labels = iter(wrapped)
    return [
        label_text(text, width) if number in escaped else (next(labels) if text else "")
        for number, text in enumerate(texts)
    ]


_TO_ESCAPE = _PATTERN_KEEP_NEWLINE
_ASCII_TO_ESCAPE = "".join(chr(c) for c in range(128) if _TO_ESCAPE.match(chr(c))).encode()


def _has_ascii_to_escape(text: str) -> bool:
    """Whether ``text`` (ASCII only) holds a character to escape other than a line break.

    Deleting them all from the bytes is many times quicker than a search for any of them.
    """
    data = text.encode("ascii")
    return len(data.translate(None, _ASCII_TO_ESCAPE)) != len(data)


def _wrapper_of_lines(width: int) -> re.Pattern[str]:
    """:func:`_wrapper` for many lines joined by line breaks, each break a piece of its own."""
    found = _LINES_WRAPPERS.get(width)
    if found is None:
        found = _LINES_WRAPPERS[width] = re.compile(rf"(?m).{{1,{width}}}(?: |$)|[^ \n]+ ?| +|\n")
    return found


_LINES_WRAPPERS: dict[int, re.Pattern[str]] = {}

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
