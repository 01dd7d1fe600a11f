"""What the AIF reader and writer share: node types, names and the locution convention."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, NamedTuple

from argmap.authoring.validation import is_iso_date
from argmap.model import Source
from argmap_aif.fields import ident, opt_str, text_of

EXTENSION_KEY = "argmapExtension"
"""The top-level key under which the writer keeps what AIF has no field for.

Tools that do not know it ignore it; argmap reads it back so that a map written as AIF and read
again is equal to the first. (The name avoids the quoted word ``"argmap"``, which the native
JSON reader sniffs for.)
"""

EXTENSION_VERSION = 1

DATA_KEY = "aif"
"""The key in an element's (or the map's) ``data`` under which the reader keeps AIF details."""

STRUCTURE_TYPES = frozenset({"I", "RA", "CA", "MA", "PA"})
"""Node types of the argument layer."""

SCHEME_TYPES = frozenset({"RA", "CA", "MA", "PA"})
"""Scheme (S-) node types of the argument layer."""

DIALOGUE_TYPES = frozenset({"L", "YA", "TA"})
"""Node types of the dialogue layer (locutions, illocutions, transitions)."""

KNOWN_TYPES = STRUCTURE_TYPES | DIALOGUE_TYPES

DEFAULT_TEXTS = {
    "RA": "Default Inference",
    "CA": "Default Conflict",
    "MA": "Default Rephrase",
    "PA": "Default Preference",
    "YA": "Asserting",
    "TA": "Default Transition",
}
"""The text AIFdb and OVA give a scheme node that names no particular scheme."""

DEFAULT_SCHEME_IDS = {
    "RA": "72",
    "CA": "71",
    "MA": "144",
    "PA": "161",
    "YA": "74",
    "TA": "82",
}
"""AIFdb's scheme ids of the default schemes (and of "Asserting" for YA nodes)."""

iso_date = functools.lru_cache(maxsize=4096)(is_iso_date)
""":func:`argmap.authoring.validation.is_iso_date`, remembering recent answers: real files
repeat dates (every node of an AIFdb file has a time stamp, often shared), and so do the maps
written."""


class Said(NamedTuple):
    """An L-node read as a claim's source."""

    source: Source
    bad_date: str | None
    """The date text that was not an ISO 8601 date (to warn about), if any."""
    participant: str | None = None
    """The id of the participant the locution record names, if any."""


def scheme_of(text: str) -> str | None:
    """The argument scheme an RA-node's text names (None for the default inference)."""
    stripped = text.strip()
    if not stripped or stripped == DEFAULT_TEXTS["RA"]:
        return None
    return text


def participant_name(record: Mapping[str, Any]) -> str | None:
    """The name of an xAIF participant: first name and surname joined by a space."""
    first = record.get("firstname")
    last = record.get("surname")
    parts = [p for p in (first, last) if isinstance(p, str) and p]
    if not parts:
        name = record.get("name")
        return name if isinstance(name, str) and name else None
    return " ".join(parts)


def participant_names(records: list[Any]) -> dict[str, str]:
    """The name of each participant with an id and a name, by id."""
    names: dict[str, str] = {}
    for record in records:
        if isinstance(record, dict):
            pid = ident(record.get("participantID"))
            name = participant_name(record)
            if pid is not None and name is not None:
                names[pid] = name
    return names


def split_name(name: str) -> tuple[str, str]:
    """Split a name into an xAIF first name and surname (at the first space)."""
    first, sep, last = name.partition(" ")
    if not sep or not first:
        return name, ""
    return first, last


def source_from_locution(
    node_id: str,
    text: str,
    timestamp: str | None,
    locution: Mapping[str, Any] | None,
    speaker_name: str | None,
) -> Said:
    """Turn an L-node into a claim's source.

    Args:
        node_id: The L-node's id (becomes the source's ``locator``).
        text: The L-node's text, ``"Speaker : what was said"`` by AIFdb's convention.
        timestamp: The L-node's timestamp, if any.
        locution: The L-node's record in ``locutions``, if any.
        speaker_name: The speaker's name from the participants, if known.

    Returns:
        The source, and the date text that was not an ISO 8601 date, if any.
    """
    speaker = speaker_name
    quote = text
    if speaker is not None:
        if text.startswith(speaker):
            at = len(speaker)
            for sep in (" : ", ": ", ":"):
                if text.startswith(sep, at):
                    quote = text[at + len(sep) :]
                    break
    else:
        at = text.find(" : ")
        if at > 0:
            speaker = text[:at]
            quote = text[at + 3 :]
    date: str | None = None
    bad_date: str | None = None
    start = origin = None
    if locution is not None:
        start = locution.get("start")
        origin = locution.get("source")
    # The locution's start time, else the node's time stamp: the first that is given.
    candidate = start if isinstance(start, str) and start.strip() else timestamp
    if isinstance(candidate, str):
        stripped = candidate.strip()
        if stripped:
            if iso_date(stripped):
                date = stripped
            else:
                bad_date = candidate
    url = document = None
    if isinstance(origin, str) and origin:
        if origin.startswith(("http://", "https://")):
            url = origin
        else:
            document = origin
    return Said(Source(speaker, document, date, url, quote, node_id), bad_date)


def read_locution(
    node_id: str,
    node: Mapping[str, Any],
    record: Mapping[str, Any] | None,
    participants: Mapping[str, str],
) -> Said:
    """Read an L-node as a claim's source (see :func:`source_from_locution`).

    Args:
        node_id: The L-node's id.
        node: The L-node.
        record: Its record in ``locutions``, if any.
        participants: The participants' names by id.

    Returns:
        The source, the date text that was not an ISO 8601 date, and the id of the participant
        the record names.
    """
    pid = None
    if record is not None:
        pid = record.get("personID")
        if type(pid) is not str or not pid:
            pid = ident(pid)
    text = node.get("text")
    said = source_from_locution(
        node_id,
        text if type(text) is str else text_of(text),
        opt_str(node.get("timestamp")),
        record,
        participants.get(pid) if pid is not None else None,
    )
    return Said(said.source, said.bad_date, pid)
