"""YAML for Argdown front matter and ``{data}``, as JSON values.

PyYAML (with its C loader when present) is imported on first use only, so documents without
front matter or data never pay for it. Dates become ISO 8601 text; every other value that JSON
cannot carry becomes text.
"""

from __future__ import annotations

import datetime
from typing import Any


class YAMLError(ValueError):
    """Invalid YAML; ``line`` counts from 0 within the parsed text."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def load(text: str) -> Any:
    """Parse ``text`` as YAML and return JSON values (raises :class:`YAMLError`)."""
    import yaml  # type: ignore[import-untyped,unused-ignore]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        value = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        problem = error.problem or "invalid YAML"
        raise YAMLError(problem, mark.line if mark is not None else 0) from None
    except yaml.YAMLError as error:
        raise YAMLError(str(error), 0) from None
    return _json(value)


def _json(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: _json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    return str(value)
