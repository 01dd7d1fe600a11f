"""Where the command line gets a map from: a file, standard input, or a Python object."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

import attrs

from argmap.authoring.builder import MapBuilder
from argmap.core.diagnostics import Diagnostic, Severity
from argmap.core.errors import ArgmapError, FormatError, ReadError
from argmap.host.files import read_bytes
from argmap.host.io import parse
from argmap.host.plugins import registry
from argmap.model import ArgumentMap, Location


@attrs.frozen
class LoadedInput:
    """A map with where it came from (``path`` is None for stdin and Python objects)."""

    amap: ArgumentMap
    path: Path | None
    name: str


def load_input(spec: str, from_format: str | None = None) -> LoadedInput:
    """Load the map that ``spec`` names.

    ``spec`` is a file path (format from ``from_format`` or the suffix), ``-`` for standard
    input, or ``module:attribute`` / ``file.py:attribute`` naming an :class:`ArgumentMap`, a
    :class:`MapBuilder`, or a function returning one.
    """
    if spec == "-":
        data = sys.stdin.buffer.read()
        if from_format is None:
            from_format = _sniff_stdin(data)
        return LoadedInput(parse(data, format=from_format, source="<stdin>"), None, "<stdin>")
    path = Path(spec)
    if not path.exists() and _looks_like_object(spec):
        return LoadedInput(load_object(spec), None, spec)
    data = read_bytes(path)
    if path.is_dir():  # pragma: no cover - read_bytes already fails on folders
        raise FormatError(f"{spec} is a folder, not a map")
    return LoadedInput(parse(data, format=from_format, source=spec), path, spec)


def _sniff_stdin(data: bytes) -> str:
    head = data[:4096]
    found = [r.name for r in registry().readers.values() if r.sniff is not None and r.sniff(head)]
    if len(found) == 1:
        return found[0]
    raise FormatError("cannot tell the format of standard input; use --from FORMAT")


def _looks_like_object(spec: str) -> bool:
    target, sep, attribute = spec.rpartition(":")
    return bool(sep and target and attribute.isidentifier())


def load_object(spec: str) -> ArgumentMap:
    """Import ``module:attribute`` or ``file.py:attribute`` and return the map it holds."""
    target, _, attribute = spec.rpartition(":")
    try:
        if target.endswith(".py"):
            file = Path(target)
            if not file.is_file():
                raise _object_error(spec, f"no such file: {target}")
            module_name = f"_argmap_input_{abs(hash(str(file.resolve())))}"
            module_spec = importlib.util.spec_from_file_location(module_name, file)
            assert module_spec is not None
            assert module_spec.loader is not None
            module = importlib.util.module_from_spec(module_spec)
            sys.modules[module_name] = module
            module_spec.loader.exec_module(module)
        else:
            module = importlib.import_module(target)
    except ArgmapError:
        raise
    except Exception as error:
        raise _object_error(
            spec, f"importing {target} failed: {type(error).__name__}: {error}"
        ) from None
    try:
        value = getattr(module, attribute)
    except AttributeError:
        raise _object_error(spec, f"{target} has no attribute {attribute!r}") from None
    if callable(value) and not isinstance(value, (ArgumentMap, MapBuilder)):
        try:
            value = value()
        except ArgmapError:
            raise
        except Exception as error:
            raise _object_error(
                spec, f"calling {attribute}() failed: {type(error).__name__}: {error}"
            ) from None
    if isinstance(value, MapBuilder):
        value = value.build()
    if not isinstance(value, ArgumentMap):
        raise _object_error(
            spec, f"{attribute} is a {type(value).__name__}, not an ArgumentMap or MapBuilder"
        )
    return value


def _object_error(spec: str, message: str) -> ReadError:
    return ReadError(
        [Diagnostic(Severity.ERROR, "bad-python-input", message, location=Location(file=spec))],
        spec,
    )
