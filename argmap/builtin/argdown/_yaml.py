"""YAML for Argdown front matter and ``{data}``, as JSON values.

Most Argdown documents carry only simple YAML: flow data such as ``{position: true, holder:
Russia, tags: [OSCE], quote: "..."}`` and front matter made of ``key: value`` lines and nested
mappings. :func:`load` reads that common subset itself (:func:`_simple`), exactly as PyYAML
would, and hands everything else to PyYAML (with its C loader when present), imported on first
use only: documents without unusual YAML never pay for it. The subset is deliberately narrow;
whenever a text strays outside it (anchors, tags, block scalars, sequences in block style,
multi-line scalars, tabs, timestamps, octal numbers, escapes other than JSON's, ...), PyYAML
decides, so error messages and every edge case stay PyYAML's. Dates become ISO 8601 text; every
other value that JSON cannot carry becomes text.
"""

from __future__ import annotations

import re
from typing import Any


class YAMLError(ValueError):
    """Invalid YAML; ``line`` counts from 0 within the parsed text."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def load(text: str) -> Any:
    """Parse ``text`` as YAML and return JSON values (raises :class:`YAMLError`)."""
    value = _simple(text)
    if value is not _DEFER:
        return value
    import yaml  # type: ignore[import-untyped,unused-ignore]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        value = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        problem = error.problem or "invalid YAML"
        raise YAMLError(problem, mark.line if mark is not None else 0) from None
    except yaml.YAMLError as error:
        raise YAMLError(str(error), 0) from None
    return _json(value)


def _json(value: Any) -> Any:
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


# -- the simple subset ----------------------------------------------------------------------
#
# Everything below either returns exactly what ``_json(yaml.load(text, CSafeLoader))`` (and the
# pure-Python SafeLoader) returns, or _DEFER. tests/argdown/test_argdown_yaml.py checks that
# against both loaders on generated texts.


class _Defer(Exception):
    """The text is outside the simple subset: PyYAML decides."""


_DEFER: Any = _Defer  # sentinel result of _simple

# Any character that is not printable for YAML, or that YAML 1.1 reads as a line break or a
# byte order mark, or a tab or carriage return: such texts go to PyYAML.
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")

# A plain (unquoted) scalar. It may not start with an indicator (a '-' is fine before a
# character that is not white space or an indicator); it runs over words separated by spaces.
# Inside flow collections it stops at ',[]{}' and at ': '; '?', '#' and a ':' before anything
# other than an ordinary character are left to PyYAML.
_FLOW_CHAR = r"(?:[^ \n,\[\]{}?#:]|:(?=[^ \n,\[\]{}?#:]))"
_PLAIN_START = r"(?:[^ \n\-?:,\[\]{}#&*!|>'\"%@`]|-(?=[^ \n,\[\]{}?#:]))"
_FLOW_PLAIN = re.compile(rf"{_PLAIN_START}{_FLOW_CHAR}*(?: +{_FLOW_CHAR}+)*")
# In block context ',[]{}' and '#' not after a space are ordinary characters.
_BLOCK_CHAR = r"(?:[^ \n:]|:(?=[^ \n]))"
_BLOCK_PLAIN = re.compile(rf"{_PLAIN_START}{_BLOCK_CHAR}*(?: +[^ \n#:]{_BLOCK_CHAR}*)*")
_DOUBLE = re.compile(r'"((?:[^"\\\n]|\\[\\"/bfnrt]|\\u[0-9a-fA-F]{4})*)"')
_SINGLE = re.compile(r"'((?:[^'\n]|'')*)'")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(.))")
_ESCAPES = {"\\": "\\", '"': '"', "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_LINE_END = re.compile(r" *(?: #.*)?\Z")
# A line "key: value" of a block mapping: a plain or quoted key, then ':' and a space or the end.
_BLOCK_KEY = re.compile(
    r"""(?:(?P<plain>[^ \n\-?:,\[\]{}#&*!|>'"%@`.<=~][^ \n:#]*(?: +[^ \n:#]+)*)"""
    r"""|"(?P<double>(?:[^"\\\n]|\\[\\"/bfnrt]|\\u[0-9a-fA-F]{4})*)"|'(?P<single>(?:[^'\n]|'')*)')"""
    r":(?: +|\Z)"
)
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,999})")
_FLOAT = re.compile(r"[-+]?[0-9]{1,1000}\.[0-9]{0,1000}(?:[eE][-+][0-9]{1,4})?")
# PyYAML's implicit types: the first characters of numbers, timestamps, merge keys, '~' and '='
# (left to PyYAML unless a plain decimal), and the words of booleans and null.
_NUMERIC_START = frozenset("-+.0123456789<=~")
_WORDS: dict[str, Any] = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
    **dict.fromkeys(("null", "Null", "NULL"), None),
}
_MAX_DEPTH = 64
_OPENERS = ("{", "[")
_STR_ONLY = {str}
_MAX_KEY = 1000  # PyYAML refuses simple keys longer than 1024 characters


def _simple(text: str) -> Any:
    """``text`` read as YAML if it is in the simple subset, else :data:`_DEFER`."""
    if _UNUSUAL.search(text):
        return _DEFER
    try:
        stripped = text.strip(" \n")
        if stripped[:1] == "{" and "\n" not in stripped:
            value, end = _flow(stripped, 0, 0)
            if end != len(stripped):
                return _DEFER
            return value
        return _block(text)
    except _Defer:
        return _DEFER


def _plain(text: str) -> Any:
    """The value of a plain scalar, resolved the way PyYAML's SafeLoader resolves it."""
    first = text[0]
    if first in _NUMERIC_START:
        if _INT.fullmatch(text):
            return int(text)
        if _FLOAT.fullmatch(text):
            return float(text)
        raise _Defer
    if len(text) <= 5:
        return _WORDS.get(text, text)
    return text


def _unescape(body: str) -> str:
    if "\\" not in body:
        return body
    return _ESCAPE.sub(_escaped, body)


def _escaped(match: re.Match[str]) -> str:
    code = match.group(1)
    if code is None:
        return _ESCAPES[match.group(2)]
    value = int(code, 16)
    if 0xD800 <= value <= 0xDFFF:  # PyYAML's two loaders disagree on lone surrogates
        raise _Defer
    return chr(value)


def _key(key: Any) -> str:
    return key if isinstance(key, str) else str(key)


def _mapping(pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
    """A mapping as PyYAML builds it (later keys win, 1 == 1.0 == True), then JSON keys."""
    raw = dict(pairs)
    if set(map(type, raw)) <= _STR_ONLY:  # every key is text (the usual case)
        return raw
    return {_key(k): v for k, v in raw.items()}


def _skip(text: str, pos: int) -> int:
    """The index of the first character at or after ``pos`` that is not a space."""
    while text.startswith(" ", pos):
        pos += 1
    return pos


def _flow(text: str, pos: int, depth: int) -> tuple[Any, int]:
    """A flow node (collection or scalar) at ``pos``: its value and the index after it."""
    char = text[pos : pos + 1]
    if char != "{" and char != "[":
        return _flow_scalar(text, pos)
    if depth >= _MAX_DEPTH:
        raise _Defer
    closing = "}" if char == "{" else "]"
    # Spaces are skipped in place when there are any: most separators have one or none.
    pos += 1
    if text.startswith(" ", pos):
        pos = _skip(text, pos)
    pairs: list[tuple[Any, Any]] = []
    items: list[Any] = []
    if text[pos : pos + 1] != closing:
        while True:
            if char == "{":
                key, pos = _flow_scalar(text, pos)
                if text[pos : pos + 2] != ": ":
                    raise _Defer
                pos += 2
                if text.startswith(" ", pos):
                    pos = _skip(text, pos)
                if text[pos : pos + 1] in _OPENERS:
                    value, pos = _flow(text, pos, depth + 1)
                else:
                    value, pos = _flow_scalar(text, pos)
                pairs.append((key, value))
            else:
                value, pos = _flow(text, pos, depth + 1)
                items.append(value)
            if text.startswith(" ", pos):
                pos = _skip(text, pos)
            following = text[pos : pos + 1]
            if following == closing:
                break
            if following != ",":
                raise _Defer
            pos = _skip(text, pos + 1)
            if text[pos : pos + 1] in (closing, ","):
                raise _Defer
    return (_mapping(pairs) if char == "{" else items), pos + 1


def _flow_scalar(text: str, pos: int) -> tuple[Any, int]:
    char = text[pos : pos + 1]
    if char == '"':
        match = _DOUBLE.match(text, pos)
        if match is None:
            raise _Defer
        return _unescape(match.group(1)), match.end()
    if char == "'":
        match = _SINGLE.match(text, pos)
        if match is None:
            raise _Defer
        return match.group(1).replace("''", "'"), match.end()
    match = _FLOW_PLAIN.match(text, pos)
    if match is None:
        raise _Defer
    return _plain(match.group()), match.end()


def _block_value(line: str, pos: int) -> Any:
    """The value after ``key: `` on one line of a block mapping (the rest of the line)."""
    char = line[pos]
    if char in "{[":
        value, end = _flow(line, pos, 0)
    elif char == '"' or char == "'":
        value, end = _flow_scalar(line, pos)
    else:
        match = _BLOCK_PLAIN.match(line, pos)
        if match is None:
            raise _Defer
        value, end = _plain(match.group()), match.end()
    if not _LINE_END.match(line, end):
        raise _Defer
    return value


class _Pairs(list[tuple[Any, Any]]):
    """The entries of a block mapping, in order."""


def _block(text: str) -> Any:
    """A block mapping of ``key: value`` lines and nested mappings, or nothing but comments."""
    levels: list[tuple[int, _Pairs]] = []  # the open mappings: (indentation, entries)
    pending: tuple[int, _Pairs, Any] | None = None  # a "key:" whose value is not known yet
    for line in text.split("\n"):
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            continue
        indent = len(line) - len(content)
        match = _BLOCK_KEY.match(content)
        if match is None:
            raise _Defer
        if pending is not None:
            if indent > pending[0]:
                nested = _Pairs()
                pending[1].append((pending[2], nested))
                levels.append((indent, nested))
            else:
                pending[1].append((pending[2], None))
            pending = None
        elif not levels:
            if indent:
                raise _Defer
            levels.append((0, _Pairs()))
        while indent < levels[-1][0]:
            levels.pop()
        if indent != levels[-1][0]:
            raise _Defer
        plain, double, single = match.group("plain", "double", "single")
        if plain is not None:
            if len(plain) > _MAX_KEY:
                raise _Defer
            key = _plain(plain)
        elif double is not None:
            key = _unescape(double)
        else:
            key = single.replace("''", "'")
        rest = match.end()
        if rest == len(content) or content[rest] == "#":
            pending = (indent, levels[-1][1], key)
        else:
            levels[-1][1].append((key, _block_value(content, rest)))
    if pending is not None:
        pending[1].append((pending[2], None))
    if not levels:
        return None
    return _build(levels[0][1])


def _build(pairs: _Pairs) -> dict[str, Any]:
    return _mapping([(k, _build(v) if isinstance(v, _Pairs) else v) for k, v in pairs])
