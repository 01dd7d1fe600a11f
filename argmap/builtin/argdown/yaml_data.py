"""YAML in Argdown: the front matter between ``===`` lines and ``{data}`` after an element.

Both mean what PyYAML's safe loader (its C loader when present) makes of them, turned into
JSON values: dates become ISO 8601 text, keys become text, every other value that JSON cannot
carry becomes text. PyYAML is imported when a document first holds YAML.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from argmap.builtin.argdown.document import Problem
from argmap.builtin.argdown.inline import find_unescaped

if TYPE_CHECKING:
    from argmap.builtin.argdown.document import Document

_FRONT = re.compile(r"===[ \t]*\Z")
# What can keep a '}' from closing the data: quotes, brackets and backslashes.
_BRACE_CHARS = re.compile(r"[\\\"'{}\[\]]")
_UNREAD = object()


class YAMLError(ValueError):
    """Invalid YAML; ``line`` counts from 0 within the parsed text."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def load(text: str) -> Any:
    """Parse ``text`` as YAML and return JSON values.

    Raises:
        YAMLError: the text is not valid YAML (PyYAML's message and line).
    """
    return _json(_parse(text))


def _parse(text: str) -> Any:
    """PyYAML's value of ``text`` (raises :class:`YAMLError`)."""
    import yaml  # type: ignore[import-untyped,unused-ignore]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        problem = error.problem or "invalid YAML"
        raise YAMLError(problem, mark.line if mark is not None else 0) from None
    except yaml.YAMLError as error:
        raise YAMLError(str(error), 0) from None


def _json(value: Any) -> Any:
    """``value`` as JSON values, in containers of its own (``value`` is left as it is)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    import datetime  # only PyYAML makes dates (and imports datetime itself)

    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: _json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    return str(value)


def read_yaml(
    doc: Document, raw: str, line: int, column: int = 1, front_matter: bool = False
) -> Any:
    """YAML (front matter) or YAML flow data (``{...}``) as JSON values; None if invalid.

    ``line`` is the document's line of the text's first line; a problem is recorded in ``doc``.
    PyYAML reads each distinct text of a document once (``doc.yaml``); every occurrence gets
    values of its own.
    """
    parsed = doc.yaml.get(raw, _UNREAD)
    if parsed is _UNREAD:
        try:
            parsed = _parse(raw)
        except YAMLError as error:
            where = "front matter" if front_matter else "data"
            doc.error(f"invalid {where}: {error}", line + error.line, column, "data")
            return None
        doc.yaml[raw] = parsed
    return _json(parsed)


def front_matter(doc: Document, lines: list[str]) -> int:
    """Read the front matter, if the document starts with one, into ``doc``.

    Returns:
        The index of the first line after it (0 without front matter).
    """
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines) or not _FRONT.match(lines[first].strip()):
        return 0
    for end in range(first + 1, len(lines)):
        if _FRONT.match(lines[end].strip()):
            break
    else:
        doc.error(
            "the front matter opened here is never closed with a line '==='",
            first + 1,
            1,
            "front-matter",
        )
        return len(lines)
    doc.front_line = first + 1
    raw = "\n".join(lines[first + 1 : end])
    if raw.strip():
        value = read_yaml(doc, raw, first + 2, front_matter=True)
        if isinstance(value, dict):
            doc.front = value
        elif value is not None:
            doc.error(
                "the front matter must be a mapping of keys to values",
                first + 2,
                1,
                "front-matter",
            )
    return end + 1


def split_data(
    doc: Document, raw: str, line: int, column: int
) -> tuple[str, dict[str, Any] | None]:
    """Split ``{data}`` off the raw text of an element or heading that starts at ``column``.

    Returns:
        The text without the data (tags after the data are kept), and the data (None if the
        text has none; empty if it was invalid, which is recorded in ``doc``).

    Raises:
        Problem: the data is never closed, or is not a mapping.
    """
    brace = find_unescaped(raw, "{")
    if brace < 0:
        return raw, None
    end = _matching_brace(raw, brace)
    if end < 0:
        raise Problem(
            "this '{' opens data that is never closed with '}' (write \\{ for a literal brace)",
            line,
            column + brace,
            "data",
        )
    rest = raw[end + 1 :].strip()
    value = read_yaml(doc, raw[brace : end + 1], line, column=column + brace)
    if value is not None and not isinstance(value, dict):
        raise Problem(
            "data in braces must be a mapping such as {key: value}",
            line,
            column + brace,
            "data",
        )
    text = raw[:brace]
    if rest:
        # Tags may follow the data; anything else is text after the data.
        text = f"{text} {rest}" if text.strip() else rest
    return text, value if isinstance(value, dict) else {}


def _matching_brace(text: str, start: int) -> int:
    """The index of the '}' that closes the '{' at ``start`` (-1 if none does).

    Brackets nest; inside quotes they do not count, and in double quotes a backslash escapes
    the next character (as in YAML flow text).
    """
    depth = 0
    quote = ""
    i = start
    n = len(text)
    while i < n:
        found = _BRACE_CHARS.search(text, i)
        if found is None:
            break
        i = found.start()
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                if quote == "'" and i + 1 < n and text[i + 1] == "'":
                    i += 2
                    continue
                quote = ""
        elif c in "\"'" and (i == 0 or text[i - 1] in "{[,: \t"):
            quote = c
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1
