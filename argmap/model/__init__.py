"""The model layer: a map's elements (:mod:`.elements`), the map (:mod:`.map`) and its index.

Everything a reader, writer or check needs to hold a debate, and nothing about files,
formats or plugins. The names below are the model's public face.
"""

from argmap.core.diagnostics import Location
from argmap.model.elements import (
    Argument,
    Claim,
    Element,
    JSONValue,
    Node,
    Relation,
    RelationKind,
    Section,
    Source,
    Verdict,
)
from argmap.model.graph import GraphIndex, Step
from argmap.model.map import ArgumentMap, check_integrity, check_relation_kinds

__all__ = [
    "Argument",
    "ArgumentMap",
    "Claim",
    "Element",
    "GraphIndex",
    "JSONValue",
    "Location",
    "Node",
    "Relation",
    "RelationKind",
    "Section",
    "Source",
    "Step",
    "Verdict",
    "check_integrity",
    "check_relation_kinds",
]
