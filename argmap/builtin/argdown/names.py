"""The names the writer gives claims and arguments (``[Name]``, ``<Name>``), escaped.

A claim or argument is named by its title, else its id, else a fresh ``Claim 3``; the reader
then takes the name for the title (and the id), so ``{data}`` restores what the name leaves out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import contains, ne, not_

from argmap.builtin.argdown.inline import unescape
from argmap.builtin.argdown.yaml_flow import string
from argmap.core.text import flagged
from argmap.model import Argument, Claim

# What title_text escapes, by the character that closes the name: markup characters anywhere,
# the closing one, a first character that would start other syntax, "/" opening a comment.
_TITLE_SPECIAL = {
    closing: re.compile(r"[\\\[\]<>{}" + re.escape(closing) + r"]|^[-+_@#:!]|/(?=[/*])")
    for closing in "]>-"
}
# The same as a search that needs no anchor (for flagged), and the first characters apart.
_TITLE_ANYWHERE = {
    closing: re.compile(r"[\\\[\]<>{}" + re.escape(closing) + r"]|/[/*]") for closing in "]>-"
}
_TITLE_START = tuple("-+_@#:!")


def unbracketable(names: Sequence[str]) -> set[int]:
    """The indices of the names that cannot stand between brackets and read back unchanged.

    Those are the empty names, names with white space at either end and names with a line
    break.
    """
    found = set(compress(count(), map(ne, names, map(str.strip, names))))
    if "" in names:
        found.update(compress(count(), map(not_, names)))
    joined = "".join(names)
    for line_break in "\n\r":
        if line_break in joined:
            found.update(compress(count(), map(contains, names, repeat(line_break))))
    return found


def title_text(name: str, closing: str) -> str:
    """``name`` escaped to stand between brackets closed by ``closing`` (or in an inference)."""
    special = _TITLE_SPECIAL[closing]
    if special.search(name) is None:
        return name  # most names: nothing to escape
    text = special.sub(r"\\\g<0>", name)
    assert unescape(text).strip() == name
    return text


def titles_to_escape(names: Sequence[str], closing: str) -> set[int]:
    """The indices of the names :func:`title_text` may change (and some it leaves alone)."""
    found = flagged(names, _TITLE_ANYWHERE[closing])
    found.update(compress(count(), map(str.startswith, names, repeat(_TITLE_START))))
    return found


def name_all(
    elements: Sequence[Claim | Argument], stem: str, brackets: tuple[str, str]
) -> tuple[list[str], list[str]]:
    """Name claims, or arguments, in order: the title, else the id, else a fresh name.

    A name is taken once; an id is not taken where it is another element's title. Returns each
    element's reference (how structures and relations name it, brackets included) and the
    ``{data}`` members its name leaves out: the id and the title when they differ from it ("" if
    none).
    """
    ids = [e.id for e in elements]
    titles = [e.title for e in elements]
    wanted = [i if t is None else t for i, t in zip(ids, titles, strict=True)]
    for k in unbracketable(wanted):
        wanted[k] = ""  # never a name
    other_titles = set(filter(None, titles))
    used = {""}
    names: list[str] = []
    members: list[str] = []
    fresh = 0  # names only get taken, so the next fresh number never goes down
    for name, title, element_id in zip(wanted, titles, ids, strict=True):
        if name in used or (title is None and name in other_titles):
            fresh += 1
            while f"{stem} {fresh}" in used or f"{stem} {fresh}" in other_titles:
                fresh += 1
            name = f"{stem} {fresh}"
            member = '"title": ' + ("null" if title is None else string(title))
            if element_id != name:
                member = f'{member}, "id": {string(element_id)}'
        elif title is None:
            member = '"title": null'
        else:
            member = "" if element_id == name else '"id": ' + string(element_id)
        used.add(name)
        names.append(name)
        members.append(member)
    opening, closing = brackets
    refs = [opening + name + closing for name in names]
    for i in titles_to_escape(names, closing):
        refs[i] = opening + title_text(names[i], closing) + closing
    return refs, members


@functools.lru_cache(maxsize=1024)  # maps name few schemes, and use them often
def rules_text(scheme: str | None) -> str | None:
    """The inference rules of a premise-conclusion structure; None when they must go in data."""
    if scheme is None:
        return ""
    rules = [r.strip() for r in scheme.split(",")]
    if not all(rules) or ", ".join(rules) != scheme:
        return None
    escaped = ", ".join(title_text(r, "-").replace("{", "\\{") for r in rules)
    if "--" in escaped or escaped.endswith("-") or "\n" in escaped or "\r" in escaped:
        return None
    back = [unescape(r).strip() for r in escaped.split(",") if r.strip()]
    return escaped if ", ".join(back) == scheme else None
