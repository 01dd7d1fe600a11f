"""Writing output files safely: whole or not at all, and never over the input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from argmap.core.errors import OutputError


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (following links); False if either is missing."""
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def write_atomic(path: Path, content: bytes, *, protect: Iterable[Path] = ()) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder.

    The file appears whole or not at all: a crash or an error mid-way leaves any earlier file
    at ``path`` as it was. ``protect`` names inputs that must never be overwritten.

    Raises:
        OutputError: when ``path`` is a protected input, a folder, or cannot be written.
    """
    for guarded in protect:
        if same_file(path, guarded) or path.resolve() == guarded.resolve():
            raise OutputError(f"refusing to write {path}: it is the input file")
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            # Keep the permissions of the file being replaced.
            os.chmod(temp_name, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
