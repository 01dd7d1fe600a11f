"""Shared helpers for the argmap-mermaid tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from argmap.model import ArgumentMap
from argmap.plugins import registry
from argmap.testing import example_map

from argmap_mermaid.parsing import Flowchart, parse_flowchart


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
