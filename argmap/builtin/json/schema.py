"""What a native JSON document holds, as msgspec types: one class per kind of JSON object.

Each class lists the keys of its object in the order argmap writes them, with the type and
default of each. :mod:`.read` decodes a whole document into these types in one call of
msgspec's C decoder, which refuses anything they do not allow (an unknown key, a wrong type,
an empty id, JSON ``null`` for a field that may only be absent); :mod:`.report` then explains
a refused document problem by problem. The published JSON Schema
(:data:`SCHEMA_FILE`) says the same for other tools.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional, TypeVar

import msgspec

from argmap.model import RelationKind, Verdict

FORMAT_NAME = "argmap"
FORMAT_VERSION = 1
"""The version argmap writes and the newest it reads."""

SCHEMA_FILE = Path(__file__).parent / "argmap.schema.json"
"""The JSON Schema of the format, shipped with the package."""

Id = Annotated[str, msgspec.Meta(min_length=1)]
"""An id or a reference to one: a non-empty string."""

Data = dict[str, Any]
"""Free JSON data, kept as it is."""

_T = TypeVar("_T")

if TYPE_CHECKING:
    OrAbsent = Optional[_T]  # noqa: UP045 - X | None cannot be subscripted as an alias
else:

    class OrAbsent:
        """``OrAbsent[T]``: a value of type T, or None when the key is absent.

        msgspec sees only ``T``, so a JSON ``null`` is refused; type checkers see
        ``Optional[T]``, which is what the attribute holds.
        """

        def __class_getitem__(cls, item: Any) -> Any:
            return item


class _Object(msgspec.Struct, forbid_unknown_fields=True):
    """A JSON object with a fixed set of keys."""


class SourceObject(_Object):
    """A source of a claim or argument (dates are checked after decoding)."""

    speaker: OrAbsent[str] = None
    document: OrAbsent[str] = None
    date: OrAbsent[str] = None
    url: OrAbsent[str] = None
    quote: OrAbsent[str] = None
    locator: OrAbsent[str] = None


class SectionObject(_Object):
    """An element of ``sections``."""

    id: Id
    title: str
    parent: OrAbsent[Id] = None
    data: Data = {}


class ClaimObject(_Object):
    """An element of ``claims``."""

    id: Id
    text: str = ""
    title: OrAbsent[str] = None
    position: bool = False
    holder: OrAbsent[str] = None
    tags: tuple[str, ...] = ()
    sources: tuple[SourceObject, ...] = ()
    section: OrAbsent[Id] = None
    verdict: OrAbsent[Verdict] = None
    data: Data = {}


class ArgumentObject(_Object):
    """An element of ``arguments``."""

    id: Id
    premises: tuple[str, ...] = ()
    conclusion: OrAbsent[Id] = None
    title: OrAbsent[str] = None
    gist: OrAbsent[str] = None
    scheme: OrAbsent[str] = None
    tags: tuple[str, ...] = ()
    sources: tuple[SourceObject, ...] = ()
    section: OrAbsent[Id] = None
    data: Data = {}


class RelationObject(_Object):
    """An element of ``relations``."""

    type: RelationKind
    origin: Id = msgspec.field(name="from")
    target: Id = msgspec.field(name="to")
    data: Data = {}


class Document(_Object):
    """A whole native JSON document."""

    format: Literal["argmap"]
    version: Annotated[int, msgspec.Meta(ge=1, le=FORMAT_VERSION)]
    title: str = ""
    description: OrAbsent[str] = None
    authors: tuple[str, ...] = ()
    date: OrAbsent[str] = None
    data: Data = {}
    sections: tuple[SectionObject, ...] = ()
    claims: tuple[ClaimObject, ...] = ()
    arguments: tuple[ArgumentObject, ...] = ()
    relations: tuple[RelationObject, ...] = ()
    schema: OrAbsent[str] = msgspec.field(default=None, name="$schema")


def keys(kind: type[_Object]) -> frozenset[str]:
    """The JSON keys an object of ``kind`` may have."""
    return frozenset(field.encode_name for field in msgspec.structs.fields(kind))
