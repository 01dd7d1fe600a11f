r"""Argdown inline text: escapes, emphasis, links, tags and comments.

The reader turns the raw text of a statement into plain text the way the reference
implementation does: ``\\x`` is the literal ``x``; ``**b**``, ``__b__``, ``*i*`` and ``_i_``
lose their markers; ``[text](url)`` keeps its text; ``#tag`` and ``#(two words)`` stay in the
text and are collected as tags; mentions (``@[Title]``, ``@<Title>``) stay as written.
"""

from __future__ import annotations

import re

# The rest of a #tag: letters, digits, '-' and '_', but not a '_' before white space.
_TAG_WORD_END = re.compile(r"(?:[^\W_]|-|_(?![ \t]))*")
# Characters that can start inline markup or an escape; texts without them are plain already.
_INLINE = re.compile(r"[\\*_\[#]")
_MARKUP = re.compile(r"[#\[*_]")
_BRACKETS = re.compile(r"[\[\]]")
_COMMENT_CHARS = re.compile(r"[\\/<]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)

# One pass over a text: the always-escaped characters, "/" that would open a comment, and "!"
# that would open an HTML comment (the lookaheads read the text as it is, before escaping).
_ESCAPE_ALL = re.compile(r"[\\\[\]<>{}*_#@]|/(?=[/*])|!(?=--)")
_ESCAPE_KEEP_TAGS = re.compile(r"[\\\[\]<>{}*_@]|/(?=[/*])|!(?=--)")


def strip_comments(text: str) -> str:
    """Blank out ``//``, ``/* */`` and ``<!-- -->`` comments, keeping lines and columns.

    ``//`` starts a comment only at the start of a line or after white space, so URLs
    (``http://...``) survive; a backslash escapes the next character.
    """
    if "/" not in text and "<!--" not in text:
        return text
    out: list[str] = []
    i = 0
    n = len(text)
    start = 0
    while i < n:
        # Only a backslash, '/' or '<' can matter; jump over everything else.
        found = _COMMENT_CHARS.search(text, i)
        if found is None:
            break
        i = found.start()
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "/" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "/" and (i == 0 or text[i - 1] in " \t\n"):
                end = text.find("\n", i)
                end = n if end < 0 else end
                out.append(text[start:i])
                out.append(" " * (end - i))
                i = start = end
                continue
            if nxt == "*":
                end = text.find("*/", i + 2)
                end = n if end < 0 else end + 2
                out.append(text[start:i])
                out.append(_blank(text[i:end]))
                i = start = end
                continue
        elif c == "<" and text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            end = n if end < 0 else end + 3
            out.append(text[start:i])
            out.append(_blank(text[i:end]))
            i = start = end
            continue
        i += 1
    out.append(text[start:])
    return "".join(out)


def _blank(chunk: str) -> str:
    return _NOT_NEWLINE.sub(" ", chunk)


def find_unescaped(text: str, char: str, start: int = 0) -> int:
    """The index of the first ``char`` at or after ``start`` not escaped by a backslash."""
    first = text.find(char, start)
    if first < 0 or "\\" not in text:
        return first
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == char:
            return i
        i += 1
    return -1


def unescape(text: str) -> str:
    """Resolve backslash escapes only (for titles); a final lone backslash stays."""
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def parse_inline(raw: str) -> tuple[str, list[str]]:
    """Plain text and tags of the raw text of a statement, argument or heading."""
    if _INLINE.search(raw) is None:
        return raw, []
    tags: list[str] = []
    chars, literal = _unescaped(raw)
    text = _render(chars, literal, 0, len(chars), tags)
    return text, list(dict.fromkeys(tags))  # each tag once, where it first appears


# Which characters were escaped: ``literal[i]`` is non-zero for an escaped character at ``i``.
# Bytes rather than a list of booleans: indexing them is cheap, and ``bytes(n)`` says "none".
_Flags = bytes | bytearray


def _unescaped(raw: str) -> tuple[str, _Flags]:
    """The characters of ``raw`` with escapes resolved, and which of them were escaped."""
    if "\\" not in raw:
        return raw, bytes(len(raw))
    chars: list[str] = []
    literal = bytearray()
    i = 0
    n = len(raw)
    while i < n:
        c = raw[i]
        if c == "\\" and i + 1 < n:
            chars.append(raw[i + 1])
            literal.append(1)
            i += 2
            continue
        chars.append(c)
        literal.append(0)
        i += 1
    return "".join(chars), literal


def _render(chars: str, literal: _Flags, start: int, end: int, tags: list[str]) -> str:
    """Plain text of ``chars[start:end]``; ``literal[i]`` tells an escaped character."""
    out: list[str] = []
    no_closer: dict[str, int] = {}  # marker run or ')' -> a start from which none closes
    pairs: dict[int, int] | None = None  # the brackets' pairs, found at the first '['
    i = start
    while i < end:
        # Characters other than '#', '[', '*' and '_' stand for themselves.
        markup = _MARKUP.search(chars, i, end)
        if markup is None:
            out.append(chars[i:end])
            break
        if markup.start() > i:
            out.append(chars[i : markup.start()])
            i = markup.start()
        c = chars[i]
        if literal[i]:
            out.append(c)
            i += 1
            continue
        if c == "#" and (i == 0 or chars[i - 1] in " \t" or chars[i - 1] == "("):
            tag_end = _tag_end(chars, literal, i, end, no_closer)
            if tag_end > i + 1:
                body = chars[i + 1 : tag_end]
                tag = body[1:-1].strip() if body.startswith("(") else body
                if tag:
                    tags.append(tag)
                out.append("#" + body)
                i = tag_end
                continue
        if c == "[":
            if pairs is None:
                pairs = _bracket_pairs(chars, literal, start, end)
            link = _link(chars, literal, i, end, pairs)
            if link is not None:
                close, after = link
                out.append(_render(chars, literal, i + 1, close, tags))
                i = after
                continue
        if c in "*_":
            double = i + 1 < end and chars[i + 1] == c and not literal[i + 1]
            marker = 2 if double else 1
            close = _emphasis_close(chars, literal, i, end, c, marker, no_closer)
            if close >= 0:
                out.append(_render(chars, literal, i + marker, close, tags))
                i = close + marker
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _tag_end(chars: str, literal: _Flags, i: int, end: int, no_closer: dict[str, int]) -> int:
    j = i + 1
    if j < end and chars[j] == "(" and not literal[j]:
        # Once no ')' follows some point, none follows a later one (see _emphasis_close).
        if j + 1 >= no_closer.get(")", end):
            return i
        k = chars.find(")", j + 1, end)
        while k >= 0 and literal[k]:
            k = chars.find(")", k + 1, end)
        if k < 0:
            no_closer[")"] = j + 1
            return i
        return k + 1
    return _TAG_WORD_END.match(chars, j, end).end()  # type: ignore[union-attr]


def _link(
    chars: str, literal: _Flags, i: int, end: int, pairs: dict[int, int]
) -> tuple[int, int] | None:
    j = pairs.get(i)
    if j is None:
        return None
    if j + 1 >= end or chars[j + 1] != "(" or literal[j + 1]:
        return None
    k = j + 2
    while k < end and not (chars[k] == ")" and not literal[k]):
        if chars[k] in " \t":
            return None
        k += 1
    if k >= end:
        return None
    return j, k + 1


def _bracket_pairs(chars: str, literal: _Flags, start: int, end: int) -> dict[int, int]:
    """The index of the ']' that closes each '[' of ``chars[start:end]`` that is closed.

    Escaped brackets do not count. One pass for the whole text: searching from each '[' for
    its ']' would take quadratic time on a text of many unclosed brackets.
    """
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for bracket in _BRACKETS.finditer(chars, start, end):
        j = bracket.start()
        if literal[j]:
            continue
        if chars[j] == "[":
            opened.append(j)
        elif opened:
            pairs[opened.pop()] = j
    return pairs


def _emphasis_close(
    chars: str, literal: _Flags, i: int, end: int, c: str, marker: int, no_closer: dict[str, int]
) -> int:
    """The index of the marker that closes emphasis opened at ``i``, or -1.

    Whether a marker can close does not depend on the opening one, so once a search from
    ``start`` found none, no later one can: ``no_closer`` remembers that (else a text with many
    unclosed markers would take quadratic time).
    """
    body = i + marker
    if body >= end or chars[body] in " \t":
        return -1
    if c == "_" and i > 0 and (chars[i - 1].isalnum()):
        return -1
    run = c * marker
    start = body + 1
    if start >= no_closer.get(run, end):
        return -1
    # Candidates are the runs of the marker after the body's first character; find jumps to
    # each in turn.
    j = chars.find(run, start, end)
    while j >= 0:
        after = j + marker
        if (
            not literal[j]
            and not literal[after - 1]
            and chars[j - 1] not in " \t"
            and not (after < end and chars[after] == c)
            and not (c == "_" and after < end and chars[after].isalnum())
        ):
            return j
        j = chars.find(run, j + 1, end)
    no_closer[run] = start
    return -1


def escape(text: str, keep_tags: bool = False) -> str:
    """Escape ``text`` so that :func:`parse_inline` gives it back unchanged.

    With ``keep_tags``, ``#`` is left alone so tags in the text stay tags.
    """
    return (_ESCAPE_KEEP_TAGS if keep_tags else _ESCAPE_ALL).sub(r"\\\g<0>", text)
