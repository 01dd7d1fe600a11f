"""Every registered exporter, built-in or installed, keeps the exporter contract."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest

import argmap
from argmap.host.plugins import registry
from argmap.testing import check_exporter


def json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_strings(item)


def map_texts(amap: argmap.ArgumentMap) -> Iterator[str]:
    yield amap.title
    yield from amap.authors
    if amap.description:
        yield amap.description
    for node in amap:
        yield from (
            t
            for t in (
                node.title,
                getattr(node, "text", None),
                getattr(node, "gist", None),
                getattr(node, "scheme", None),
                getattr(node, "holder", None),
            )
            if t
        )
        yield from node.tags
        for source in node.sources:
            yield from (t for t in (source.speaker, source.document, source.quote) if t)
    for section in amap.sections:
        yield section.title


def from_json(out: str | bytes) -> Iterable[str]:
    return list(json_strings(json.loads(out)))


def from_argdown(out: str | bytes) -> Iterable[str]:
    text = out if isinstance(out, str) else out.decode("utf-8")
    return list(map_texts(argmap.parse(text, format="argdown")))


# How each format is read back to check that hostile text survives exactly; formats without
# an entry carry no free text (the ICCMA frameworks name nodes by id) or are tested with a
# format-specific reader in their own tests (markdown, dot/svg, mermaid, aif).
TEXTS_OF: dict[str, Callable[[str | bytes], Iterable[str]]] = {
    "json": from_json,
    "argdown": from_argdown,
}


@pytest.mark.parametrize("name", sorted(registry().exporters))
def test_exporter_keeps_the_contract(name: str) -> None:
    check_exporter(name, texts_of=TEXTS_OF.get(name))
