"""Shared helpers for the argmap-mermaid tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from argmap_mermaid.parsing import Flowchart, parse_flowchart

from argmap.host.plugins import registry
from argmap.model import ArgumentMap
from argmap.testing import HOSTILE_TEXTS, example_map


@pytest.fixture(scope="session")
def lavrov() -> ArgumentMap:
    return example_map()


def export_and_parse(amap: ArgumentMap, **options: object) -> Flowchart:
    """Export ``amap`` through the registered exporter and parse the chart back."""
    output = registry().exporter("mermaid")(amap, **options)
    assert isinstance(output, str)
    return parse_flowchart(output)


@pytest.fixture(scope="session")
def chart_of() -> Callable[..., Flowchart]:
    """Export a map through the registered exporter and parse the chart back."""
    return export_and_parse


NASTY: tuple[str, ...] = (
    *HOSTILE_TEXTS,
    'c1["injected"] --> c2',
    "end",
    "subgraph evil\nend\nend",
    '"] --> x["',
    "a | b |pipe| c",
    "semi; colons; ;;",
    "%% a comment",
    "%%{init: {'theme': 'forest', 'securityLevel': 'loose'}}%%",
    "click c1 call alert(1)",
    "lifestyle: #quot;fill:#f00;",
    "classDef c1 fill:#f00;",
    "style c1 fill:#f00",
    "#quot; #lt;b#gt; #35; #9829; raw entity codes",
    "&quot; &lt; &#35; html entities",
    "`markdown string` **b**",
    "<br> <br/> <b>bold</b> <i>it</i>",
    "back\\\\slashes\\",
    "\r\n\r\n\n",
    "\u2028line\u2029paragraph\x85next\x00nul\x7fdel\u200b\ufeff",
    "تحالفات \u202eRLO\u202c ‏mark",
    "🏳️‍🌈🧑🏽‍🚀 ✊🏿",
    "-->|x| ---|y| -.-x ==> x==x",
    "o--o x--x <-->",
    "{{hex}} ([stadium]) [[sub]] ((circle)) >flag] [/trap\\]",
    "   ",
    "",
)

"""Texts aimed at Mermaid: argmap's hostile texts and Mermaid's own syntax, directives,
comments, entity codes, keywords, arrows and shapes."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that takes ``nasty_text`` once per text of :data:`NASTY`."""
    if "nasty_text" in metafunc.fixturenames:
        metafunc.parametrize("nasty_text", NASTY, ids=[f"nasty{i}" for i in range(len(NASTY))])


@pytest.fixture(scope="session")
def nasty_texts() -> tuple[str, ...]:
    """All of :data:`NASTY`."""
    return NASTY
