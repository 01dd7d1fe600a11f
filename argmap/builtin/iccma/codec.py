r"""Abstract frameworks in the ICCMA formats: ``p af N`` (ICCMA 2023), apx and tgf.

Readers collect every problem with its line and column and raise one
:class:`~argmap.core.errors.ReadError`; writers are deterministic. Argument names:

- ``.af``: arguments are the numbers ``1 .. N``; attacks are lines ``i j``; ``#`` starts a
  comment line. The writer names each argument in a comment, so a person can follow it.
- ``.apx``: ``arg(a).`` and ``att(a,b).``; a name is an ASP constant (``a1``, ``x_2``) or a
  double-quoted string (``"premise p of a"``, with ``\\"`` and ``\\\\`` escaped).
- ``.tgf``: one argument per line (its first word is its name), a line ``#``, then one
  attack ``a b`` per line. The writer uses numbers with the name as label when a name has
  spaces.
"""

from __future__ import annotations

import re

from argmap.core.decoding import decode_utf8
from argmap.core.diagnostics import Diagnostic, Severity
from argmap.core.errors import ReadError
from argmap.evaluation.framework import Framework
from argmap.model import Location

FORMATS: dict[str, str] = {".af": "af", ".apx": "apx", ".tgf": "tgf"}
"""Suffix to ICCMA format name."""


class _Problems:
    def __init__(self, source: str | None) -> None:
        self.source = source
        self.found: list[Diagnostic] = []

    def add(self, code: str, message: str, line: int, column: int = 1) -> None:
        self.found.append(
            Diagnostic(
                Severity.ERROR,
                code,
                message,
                None,
                Location(file=self.source, line=line, column=column),
            )
        )

    def check(self) -> None:
        if self.found:
            raise ReadError(self.found, self.source)


def read_af(data: bytes | str, source: str | None = None) -> Framework:
    """Read the ICCMA 2023 ``p af N`` format; arguments are named ``1`` .. ``N``."""
    problems = _Problems(source)
    text = decode_utf8(data, problems.source)
    size: int | None = None
    attacks: list[tuple[int, int]] = []
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        words = stripped.split()
        if size is None:
            if len(words) == 3 and words[0] == "p" and words[1] == "af" and words[2].isdigit():
                size = int(words[2])
            else:
                problems.add("bad-header", f"expected 'p af N' first, found {stripped!r}", number)
                size = -1
            continue
        if words[0] == "p":
            problems.add("bad-header", "a second 'p af' line", number)
            continue
        if len(words) != 2 or not all(w.isdigit() for w in words):
            problems.add("bad-attack", f"expected an attack 'i j', found {stripped!r}", number)
            continue
        a, b = int(words[0]), int(words[1])
        for value, column in ((a, 1), (b, line.index(words[1]) + 1)):
            if size >= 0 and not 1 <= value <= size:
                problems.add(
                    "unknown-argument", f"argument {value} is not in 1..{size}", number, column
                )
        attacks.append((a - 1, b - 1))
    if size is None:
        problems.add("bad-header", "no 'p af N' line", 1)
    problems.check()
    assert size is not None
    return Framework([str(i) for i in range(1, size + 1)], attacks)


_APX_ATOM = re.compile(
    r'\s*(arg|att)\s*\(\s*((?:"(?:[^"\\]|\\.)*"|[A-Za-z0-9_]+))\s*'
    r'(?:,\s*((?:"(?:[^"\\]|\\.)*"|[A-Za-z0-9_]+))\s*)?\)\s*\.',
    re.DOTALL,
)
_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*|[0-9]+")


def _apx_name(token: str) -> str:
    if token.startswith('"'):
        return re.sub(r"\\(.)", r"\1", token[1:-1], flags=re.DOTALL)
    return token


def read_apx(data: bytes | str, source: str | None = None) -> Framework:
    """Read the apx format (``arg(a).``, ``att(a,b).``, ``%`` comments)."""
    problems = _Problems(source)
    text = decode_utf8(data, problems.source)
    names: dict[str, int] = {}
    raw: list[tuple[str, str, int, int]] = []
    position = 0
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    while position < len(text):
        rest = re.compile(r"(?:\s|%[^\n]*)*").match(text, position)
        assert rest is not None
        position = rest.end()
        if position >= len(text):
            break
        match = _APX_ATOM.match(text, position)
        if match is None:
            line, column = where(position)
            end = text.find("\n", position)
            snippet = text[position : end if end >= 0 else len(text)][:40]
            problems.add(
                "bad-statement", f"expected arg(a). or att(a,b). at {snippet!r}", line, column
            )
            if end < 0:
                break
            position = end + 1
            continue
        kind, first, second = match.group(1), match.group(2), match.group(3)
        line, column = where(match.start(1))
        if kind == "arg":
            if second is not None:
                problems.add("bad-statement", "arg(...) takes one name", line, column)
            else:
                name = _apx_name(first)
                if name in names:
                    problems.add(
                        "duplicate-argument", f"argument {name!r} is declared twice", line, column
                    )
                else:
                    names[name] = len(names)
        elif second is None:
            problems.add("bad-statement", "att(...) takes two names", line, column)
        else:
            raw.append((_apx_name(first), _apx_name(second), line, column))
        position = match.end()
    attacks: list[tuple[int, int]] = []
    for a, b, line, column in raw:
        missing = [n for n in (a, b) if n not in names]
        for name in missing:
            problems.add(
                "unknown-argument", f"attack names undeclared argument {name!r}", line, column
            )
        if not missing:
            attacks.append((names[a], names[b]))
    problems.check()
    return Framework(list(names), attacks)


def read_tgf(data: bytes | str, source: str | None = None) -> Framework:
    """Read trivial graph format: argument lines, a ``#`` line, attack lines."""
    problems = _Problems(source)
    text = decode_utf8(data, problems.source)
    names: dict[str, int] = {}
    attacks: list[tuple[int, int]] = []
    in_edges = False
    for number, line in enumerate(text.split("\n"), 1):
        words = line.split()
        if not words:
            continue
        if words == ["#"]:
            if in_edges:
                problems.add("bad-line", "a second '#' line", number)
            in_edges = True
            continue
        if not in_edges:
            if words[0] in names:
                problems.add("duplicate-argument", f"argument {words[0]!r} is listed twice", number)
            else:
                names[words[0]] = len(names)
            continue
        if len(words) < 2:
            problems.add("bad-attack", f"expected an attack 'a b', found {line.strip()!r}", number)
            continue
        ok = True
        for word in words[:2]:
            if word not in names:
                problems.add(
                    "unknown-argument",
                    f"attack names unlisted argument {word!r}",
                    number,
                    line.index(word) + 1,
                )
                ok = False
        if ok:
            attacks.append((names[words[0]], names[words[1]]))
    problems.check()
    return Framework(list(names), attacks)


READERS = {"af": read_af, "apx": read_apx, "tgf": read_tgf}


def read(data: bytes | str, format: str, source: str | None = None) -> Framework:
    """Read a framework in the ICCMA format ``format`` (``af``, ``apx`` or ``tgf``)."""
    return READERS[format](data, source)


def write_af(af: Framework) -> str:
    """Write the ICCMA 2023 format; a comment line names each argument."""
    return af_text(af.names, af.targets)


def write_apx(af: Framework) -> str:
    """Write the apx format."""
    return apx_text(af.names, af.targets)


def write_tgf(af: Framework) -> str:
    """Write trivial graph format (numbers with names as labels when a name has spaces)."""
    return tgf_text(af.names, af.targets)


# The writers proper take a framework's names and targets (its attacks by attacker).


def af_text(names: list[str], targets: list[list[int]]) -> str:
    """:func:`write_af` of the framework with these names and targets."""
    numbers = [str(i) for i in range(1, len(names) + 1)]
    lines = [f"p af {len(names)}"]
    lines += [
        f"# {number} {name}"
        for number, name in zip(numbers, _one_line_names(names), strict=True)
        if name != number
    ]
    lines += _attack_lines(targets, numbers)
    return "\n".join(lines) + "\n"


def _attack_lines(
    targets: list[list[int]], ids: list[str], head: str = "", between: str = " ", tail: str = ""
) -> list[str]:
    """``{head}{a}{between}{b}{tail}`` for every attack, by attacker; ``ids`` name arguments."""
    return [f"{head}{ids[a]}{between}{ids[b]}{tail}" for a, row in enumerate(targets) for b in row]


_SPACE = re.compile(r"\s")  # what str.isspace calls white space
_LINE_BREAKING = re.compile(r"[\\\n\r]")


def _one_line(name: str) -> str:
    return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def _one_line_names(names: list[str]) -> list[str]:
    """``names`` with backslashes and line breaks escaped; one scan when there are none."""
    if _LINE_BREAKING.search("".join(names)) is None:
        return names
    return [_one_line(name) for name in names]


def apx_name(name: str) -> str:
    """``name`` as an apx term: a constant when it is one, else a quoted string."""
    return name if _CONSTANT.fullmatch(name) else _apx_string(name)


def _apx_string(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def apx_text(names: list[str], targets: list[list[int]]) -> str:
    """:func:`write_apx` of the framework with these names and targets."""
    constant = _CONSTANT.fullmatch  # apx_name, without a call per name
    terms = [name if constant(name) else _apx_string(name) for name in names]
    lines = [f"arg({term})." for term in terms]
    lines += _attack_lines(targets, terms, "att(", ",", ").")
    return "\n".join(lines) + ("\n" if lines else "")


def tgf_text(names: list[str], targets: list[list[int]]) -> str:
    """:func:`write_tgf` of the framework with these names and targets."""
    # A name can stand for itself unless it is empty or '#', has white space, or starts with a
    # byte order mark (which readers drop from the start of a file). Searches of all the names
    # joined tell, instead of a search per name.
    joined = "".join(names)
    plain = not (
        "" in names
        or "#" in names
        or " " in joined  # (the usual white space, found before the search below)
        or _SPACE.search(joined)
        or ("\ufeff" in joined and any(n.startswith("\ufeff") for n in names))
    )
    if plain:
        ids = list(names)
        lines = list(ids)
    else:
        ids = [str(i) for i in range(1, len(names) + 1)]
        lines = [f"{i} {n}" for i, n in zip(ids, _one_line_names(names), strict=True)]
    lines.append("#")
    lines.extend(_attack_lines(targets, ids))
    return "\n".join(lines) + "\n"


WRITERS = {"af": write_af, "apx": write_apx, "tgf": write_tgf}

TEXT_WRITERS = {"af": af_text, "apx": apx_text, "tgf": tgf_text}
"""The writers by format, for names and targets (see :func:`af_text`)."""
