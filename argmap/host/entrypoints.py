"""Find installed entry points without importing :mod:`importlib.metadata`.

``importlib.metadata`` takes about 50 ms to import (it pulls in ``email``, ``zipfile`` and
``csv``), a third of a whole ``argmap export`` of a small map. Finding entry points needs much
less: the ``entry_points.txt`` of each distribution on ``sys.path``. This module reads those
files the way ``importlib.metadata.entry_points()`` does (path order, the first distribution of
a name wins) and falls back to ``importlib.metadata`` for anything it does not read itself
(distributions inside zip files). A test holds it equal to ``importlib.metadata`` on the
installed environment.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterable
from typing import Any, NamedTuple

_METADATA_DIR = re.compile(r"^([^-]+).*\.(dist-info|egg-info)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[-_.]+")
_EXTRAS = re.compile(r"\s*\[[^\]]*\]\s*$")


class PluginEntryPoint(NamedTuple):
    """An installed entry point: its name, what it names, and the distribution it comes from.

    Attributes:
        name: The entry point's name (for argmap, the plugin name).
        value: ``module`` or ``module:attribute``, then perhaps ``[extras]``.
        group: The entry-point group.
        distribution: The distribution's name as it spells it (``Name`` in its metadata).
        version: The distribution's version.
    """

    name: str
    value: str
    group: str
    distribution: str | None = None
    version: str | None = None

    def load(self) -> Any:
        """Import the module and return the object the entry point names."""
        module_name, _, attribute = _EXTRAS.sub("", self.value).partition(":")
        found: Any = importlib.import_module(module_name.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            found = getattr(found, part)
        return found


def entry_points(group: str, path: Iterable[str] | None = None) -> list[PluginEntryPoint]:
    """Return the entry points of ``group`` of the distributions found on ``path``.

    Args:
        group: The entry-point group (``argmap``).
        path: Where to look (default: ``sys.path``).
    """
    folders = list(sys.path if path is None else path)
    found: list[PluginEntryPoint] = []
    seen: set[str] = set()
    for folder in folders:
        directory = folder or "."
        if not os.path.isdir(directory):
            if os.path.isfile(directory):  # a zip file: leave it to importlib.metadata
                return _with_importlib(group, folders)
            continue
        try:
            names = os.listdir(directory)
        except OSError:
            continue
        for name in names:
            match = _METADATA_DIR.match(name)
            if match is None:
                continue
            key = _SEPARATORS.sub("_", match.group(1)).lower()
            if key in seen:
                continue
            seen.add(key)
            info = os.path.join(directory, name)
            points = _read_entry_points(os.path.join(info, "entry_points.txt")).get(group)
            if points:
                distribution, version = _name_and_version(info, match.group(2).lower())
                found.extend(
                    PluginEntryPoint(point, value, group, distribution, version)
                    for point, value in points
                )
    return found


def _read_entry_points(file: str) -> dict[str, list[tuple[str, str]]]:
    try:
        with open(file, encoding="utf-8") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError):
        return {}
    groups: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] == "#":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1].strip(), [])
        elif current is not None and "=" in line:
            name, _, value = line.partition("=")
            current.append((name.strip(), value.strip()))
    return groups


def _name_and_version(info: str, kind: str) -> tuple[str | None, str | None]:
    """Read ``Name`` and ``Version`` from the head of the distribution's metadata file."""
    file = os.path.join(info, "METADATA" if kind == "dist-info" else "PKG-INFO")
    name = version = None
    try:
        with open(file, encoding="utf-8") as stream:
            for line in stream:
                if not line.strip():
                    break  # the headers end at the first blank line
                key, _, value = line.partition(":")
                if key == "Name" and name is None:
                    name = value.strip()
                elif key == "Version" and version is None:
                    version = value.strip()
    except (OSError, UnicodeDecodeError):
        pass
    return name, version


def _with_importlib(group: str, path: list[str]) -> list[PluginEntryPoint]:
    from importlib import metadata

    found: list[PluginEntryPoint] = []
    seen: set[str] = set()
    for dist in metadata.distributions(path=path):
        name = dist.metadata["Name"]
        key = _SEPARATORS.sub("_", name or "").lower()
        if key in seen:
            continue
        seen.add(key)
        found.extend(
            PluginEntryPoint(point.name, point.value, group, name, dist.version)
            for point in dist.entry_points
            if point.group == group
        )
    return found
