"""Read AIFdb JSON and xAIF (OVA3) documents into argument maps.

The argument layer becomes the map: I-nodes claims, RA-nodes arguments (linked premises, one
conclusion, the scheme), CA-nodes attacks (undercuts when they point at an RA-node). MA-nodes
(rephrases) and PA-nodes (preferences) have no counterpart in argmap's model; they are kept in
the map's ``data["aif"]`` with their ends, so writing the map back as AIF restores them. The
dialogue layer becomes each claim's sources: for every L-node anchored on an I-node through a
YA-node, a :class:`~argmap.Source` with the speaker, the verbatim locution, its time and the
L-node's id as locator. The rest of the dialogue layer (transitions, illocutions anchored on
scheme nodes, the analyst's own locutions) is kept as it was under ``data["aif"]["dialogue"]``.

Real files are untidy: ids are strings or integers, timestamps are missing, some edges point at
nodes that do not exist, some nodes have no edge where they need one. The reader reads what it
can and reports everything it could not place as a warning naming the node (or edge) id; only
a document that is not AIF at all is an error.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any, TypeVar

import attrs

from argmap.core.decoding import decode_utf8
from argmap.core.diagnostics import Diagnostic, Location, Severity
from argmap.core.errors import MapStructureError, ReadError
from argmap.model import Argument, ArgumentMap, Claim, JSONValue, Relation, Section
from argmap_aif.common import DATA_KEY, EXTENSION_KEY
from argmap_aif.fields import data_of, opt_str, str_or_none, text_of
from argmap_aif.read_dialogue import kept_dialogue, read_sources, unanchored
from argmap_aif.read_graph import Tables, load_graph
from argmap_aif.read_layer import Layer, LayerReader
from argmap_aif.read_report import Report


@attrs.frozen
class AifReading:
    """The result of reading an AIF document.

    Attributes:
        map: The argument map.
        warnings: What could not be placed, each naming the node or edge id.
        node_counts: How many nodes of each AIF type the document holds.
        flavour: ``"aif"`` (AIFdb JSON) or ``"xaif"`` (OVA3's wrapper).
    """

    map: ArgumentMap
    warnings: tuple[Diagnostic, ...]
    node_counts: dict[str, int]
    flavour: str


def _decode(data: bytes | str, report: Report) -> Any:
    text = decode_utf8(data, report.source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadError(
            [
                Diagnostic(
                    Severity.ERROR,
                    "invalid-json",
                    f"not JSON: {error.msg}",
                    location=Location(file=report.source, line=error.lineno, column=error.colno),
                )
            ],
            report.source,
        ) from None
    except RecursionError:
        raise report.fail("invalid-json", "the JSON is nested too deeply") from None


def _read(data: bytes | str, report: Report) -> AifReading:
    top = _decode(data, report)
    if not isinstance(top, dict):
        raise report.fail("not-aif", "an AIF document is a JSON object with a 'nodes' list")
    flavour = "aif"
    doc: Any = top
    prefix = ""
    if isinstance(top.get("AIF"), dict):
        flavour, doc, prefix = "xaif", top["AIF"], "AIF."
    nodes = doc.get("nodes")
    if not isinstance(nodes, list):
        raise report.fail(
            "not-aif",
            "not an AIF document: no 'nodes' list"
            + (" under 'AIF'" if prefix else " (xAIF keeps it under 'AIF')"),
            f"{prefix}nodes",
        )
    edges = doc.get("edges", [])
    if not isinstance(edges, list):
        raise report.fail("not-aif", "'edges' must be a list", f"{prefix}edges")
    locutions = doc.get("locutions", [])
    if not isinstance(locutions, list):
        report.warn(
            "bad-locutions", "'locutions' is not a list; ignored", None, f"{prefix}locutions"
        )
        locutions = []
    participants = doc.get("participants", [])
    if not isinstance(participants, list):
        participants = []
    extension = top.get(EXTENSION_KEY)
    if extension is not None and not (
        isinstance(extension, dict) and isinstance(extension.get("version"), int)
    ):
        report.warn(
            "bad-extension", f"'{EXTENSION_KEY}' is malformed; ignored", None, EXTENSION_KEY
        )
        extension = None
    extended = extension is not None
    tables = Tables(nodes, edges, locutions, participants, doc.get("schemefulfillments"))
    graph = load_graph(report, prefix, tables, extended=extended)
    sources = read_sources(graph, report, extended=extended)
    layer = LayerReader(graph, report, extension).read(sources.by_claim)
    if extension is not None:
        # The extension's map data replaces what the document's dialogue layer would give.
        for node_id in graph.of_kind(_YA):
            if node_id not in graph.outs:
                unanchored(graph, report, node_id)
        meta = extension.get("map")
        amap = _make_map(report, layer, meta if isinstance(meta, dict) else {}, {})
    else:
        aif: dict[str, JSONValue] = {"flavour": flavour}
        if layer.rephrases:
            aif["rephrases"] = layer.rephrases
        if layer.preferences:
            aif["preferences"] = layer.preferences
        dialogue = kept_dialogue(graph, report, layer.placed, sources)
        if dialogue:
            aif["dialogue"] = dialogue
        document_text = top.get("text")
        if isinstance(document_text, str) and document_text:
            aif["text"] = document_text
        title = ""
        if report.source and not report.source.startswith("<"):
            title = PurePath(report.source).stem
        amap = _make_map(report, layer, {"title": title}, {DATA_KEY: aif})
    return AifReading(amap, tuple(report.warnings), graph.counts, flavour)


_YA = frozenset({"YA"})
_Element = TypeVar("_Element", Claim, Argument)


def _make_map(
    report: Report,
    layer: Layer,
    meta: Mapping[str, Any],
    default_data: dict[str, JSONValue],
) -> ArgumentMap:
    """The map of ``layer``, with the title, sections... of ``meta`` (the extension's)."""
    sections: list[Section] = []
    for item in meta.get("sections", []) if isinstance(meta.get("sections"), list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            sections.append(
                Section(
                    id=item["id"],
                    title=text_of(item.get("title")),
                    parent=opt_str(item.get("parent")),
                    data=data_of(item.get("data")),
                )
            )
    known_sections = {s.id for s in sections}

    def check_section(element: _Element) -> _Element:
        if element.section is None or element.section in known_sections:
            return element
        report.warn(
            "unknown-section",
            f"{element.id} names section {element.section!r}, "
            "which the extension does not list; dropped",
            element.id,
        )
        return attrs.evolve(element, section=None)

    # Most elements have no section: look only at those that name one.
    claims = [c if c.section is None else check_section(c) for c in layer.claims]
    arguments = [a if a.section is None else check_section(a) for a in layer.arguments]
    relations: list[Relation] = layer.relations
    authors = meta.get("authors")
    try:
        return ArgumentMap(
            title=text_of(meta.get("title")),
            description=str_or_none(meta.get("description")),
            authors=tuple(a for a in authors if isinstance(a, str))
            if isinstance(authors, list)
            else (),
            date=str_or_none(meta.get("date")),
            claims=claims,
            arguments=arguments,
            relations=relations,
            sections=sections,
            data=data_of(meta["data"]) if "data" in meta else default_data,
        )
    except MapStructureError as error:  # pragma: no cover - guarded above, kept as a net
        raise report.fail("invalid-map", str(error)) from None


def read_aif(data: bytes | str, source: str | None = None) -> AifReading:
    """Read an AIFdb JSON or xAIF document.

    Args:
        data: The document (bytes, or text).
        source: A file name for messages.

    Returns:
        The map, the warnings (what could not be placed, each with its node id), the node
        counts by AIF type and the flavour found.

    Raises:
        ReadError: the document is not JSON, or not AIF at all.
    """
    return _read(data, Report(source))


def node_types(nodes: Iterable[Mapping[str, Any]]) -> Counter[str]:
    """Count nodes by AIF type (a helper for reports and tests)."""
    return Counter(str(n.get("type", "?")).upper() for n in nodes)


def read(data: bytes | str, source: str | None = None) -> ArgumentMap:
    """Read AIF or xAIF as a map; every warning goes to the ``argmap_aif`` logger."""
    reading = read_aif(data, source)
    if reading.warnings:
        logger = logging.getLogger("argmap_aif")
        for warning in reading.warnings:
            logger.warning("argmap: %s", warning.format())
    return reading.map
