"""A test kit for plugin authors: the contract every exporter must keep.

>>> from argmap.testing import check_exporter
>>> check_exporter("markdown")  # raises ContractError listing every broken rule

In a plugin's own tests::

    from argmap.testing import check_exporter

    def test_my_exporter_keeps_the_contract():
        check_exporter("mermaid", texts_of=my_text_extractor)

The contract: the exporter returns ``str`` (or ``bytes`` when it says it is binary); the same
map gives the same output every time; it handles the seed debate, hostile text (quotes, ``<``,
``&``, backslashes, Markdown, HTML, emoji, right-to-left scripts, a 100 kB claim), an empty map
and a cyclic map without raising. Given ``texts_of`` (a function that reads the texts back out
of an output), every hostile text must come back exactly, within one of the texts it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any

from argmap.authoring.builder import MapBuilder
from argmap.builtin.json.codec import loads
from argmap.core.errors import ArgmapError
from argmap.model import ArgumentMap, Source
from argmap.plugin_api.formats import Exporter

HOSTILE_TEXTS: tuple[str, ...] = (
    "He said \"no\" and 'never'",
    "a < b && c > d; <script>alert(1)</script>",
    "&amp; &lt; &#x41; entities stay text",
    "back\\slash \\n and \\\\ double",
    "# not a heading\n- not a list\n> not a quote\n1. not a number",
    "**bold** _it_ `code` [link](http://example.org) ![img](x.png) | pipe |",
    "{curly} [square] (round) <angle> %percent% $dollar$ ^caret^ ~tilde~",
    "emoji 🕊️🇺🇦🇷🇺 and ZWJ 👩‍👩‍👧",
    "العربية: الأمن غير القابل للتجزئة",
    "עברית: ביטחון בלתי ניתן לחלוקה",
    "Неделимость безопасности",
    "edge  spaces  ",
    "line one\nline two\r\nline three\ttabbed",
    '-- "quoted" -- \\"escaped\\" --',
    "graph {} digraph -> -- subgraph cluster_x; node [shape=box];",
    "%% mermaid comment\nclassDef x fill:#f00;",
)
"""Texts that break exporters which do not escape: every one must come out as it went in."""

LONG_TEXT = ("Indivisible security, " * 4700)[:100_000]
"""A 100 kB claim."""


class ContractError(AssertionError):
    """An exporter broke the contract; the message lists every broken rule."""


def example_map() -> ArgumentMap:
    """The seed debate (Lavrov, 27 January 2022), as shipped with argmap."""
    data = resources.files("argmap").joinpath("data/lavrov_2022.json").read_bytes()
    return loads(data, "argmap/data/lavrov_2022.json")


def empty_map() -> ArgumentMap:
    """A map with nothing in it."""
    return MapBuilder("").build()


def hostile_map() -> ArgumentMap:
    """A map whose every text field holds one of :data:`HOSTILE_TEXTS` (and a 100 kB claim)."""
    b = MapBuilder(HOSTILE_TEXTS[0], description=HOSTILE_TEXTS[1], authors=[HOSTILE_TEXTS[8]])
    section = b.section(HOSTILE_TEXTS[4])
    thesis = b.position(
        HOSTILE_TEXTS[1], title=HOSTILE_TEXTS[0], holder=HOSTILE_TEXTS[9], section=section
    )
    previous = thesis
    for i, text in enumerate(HOSTILE_TEXTS):
        source = Source(speaker=HOSTILE_TEXTS[-1 - i], quote=text, document=HOSTILE_TEXTS[i - 1])
        if i % 3 == 0:
            previous = b.premise(text, for_=previous, tags=[f"tag {i}"], sources=[source])
        elif i % 3 == 1:
            previous = b.objection(text, against=previous, sources=[source])
        else:
            argument = b.argument(
                [b.claim(text), b.claim(f"{text} (co-premise)")],
                thesis,
                title=f"{text} (argument)",
                gist=text,
                scheme=text,
            )
            b.undercut(f"{text} (undercut)", against=argument)
    b.premise(LONG_TEXT, for_=thesis)
    return b.build()


def cyclic_map() -> ArgumentMap:
    """A map in which support and attack go round in circles."""
    b = MapBuilder("A circle")
    a = b.position("A, because B.", title="A")
    c = b.claim("B, because C.", title="B")
    d = b.claim("C, because A.", title="C")
    b.premise(c, for_=a)
    b.premise(d, for_=c)
    b.premise(a, for_=d)
    e = b.objection("D attacks A, and A attacks D.", against=a, title="D")
    b.attack(a, e)
    b.contradiction(c, e)
    return b.build()


def contract_maps() -> dict[str, ArgumentMap]:
    """The maps every exporter must handle, by name."""
    return {
        "example": example_map(),
        "hostile": hostile_map(),
        "empty": empty_map(),
        "cyclic": cyclic_map(),
    }


def check_exporter(
    exporter: Exporter | str,
    *,
    texts_of: Callable[[str | bytes], Iterable[str]] | None = None,
    options: dict[str, Any] | None = None,
) -> None:
    """Check that ``exporter`` keeps the exporter contract; raise :class:`ContractError` if not.

    Args:
        exporter: An :class:`~argmap.plugin_api.formats.Exporter`, or the name of a registered one.
        texts_of: Optional: reads the texts back out of an output (by parsing it as its format
            would be parsed), one string per label or text run. Every hostile text must then
            occur, exactly and unbroken, within one of them.
        options: Exporter options to pass on every call.
    """
    if isinstance(exporter, str):
        from argmap.host.plugins import registry

        exporter = registry().exporter(exporter)
    options = options or {}
    problems: list[str] = []
    for name, amap in contract_maps().items():
        try:
            first = exporter(amap, **options)
            again = exporter(amap, **options)
            rebuilt = exporter(loads(_dumps(amap)), **options)
        except ArgmapError as error:
            problems.append(f"{name} map: raised {type(error).__name__}: {error}")
            continue
        except Exception as error:
            problems.append(f"{name} map: crashed with {type(error).__name__}: {error}")
            continue
        expected = bytes if exporter.binary else str
        if not isinstance(first, expected):
            problems.append(
                f"{name} map: returned {type(first).__name__}, expected {expected.__name__}"
            )
        if first != again or first != rebuilt:
            problems.append(f"{name} map: output differs between two runs on equal maps")
        if not first and name != "empty":
            problems.append(f"{name} map: output is empty")
        if name == "hostile" and texts_of is not None:
            found = list(texts_of(first))
            for text in (*HOSTILE_TEXTS, LONG_TEXT):
                if not any(text in candidate for candidate in found):
                    problems.append(
                        f"hostile map: text not found exactly in the output: {text!r:.60}"
                    )
    if problems:
        raise ContractError(
            f"the {exporter.name} exporter breaks the contract:\n"
            + "\n".join(f"- {p}" for p in problems)
        )


def _dumps(amap: ArgumentMap) -> str:
    from argmap.builtin.json.codec import dumps

    return dumps(amap)
