"""Every hook a plugin can implement is documented, with its arguments."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from argmap.host.plugins import hook_names
from argmap.plugin_api import hookspecs

DOCS = Path(__file__).parents[2] / "docs"


@pytest.mark.parametrize("name", hook_names())
def test_hook_is_documented(name: str) -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    assert name in text, f"docs/plugins.md does not document the hook {name}"
    for parameter in inspect.signature(getattr(hookspecs, name)).parameters:
        assert f"`{parameter}`" in text, f"docs/plugins.md does not describe {name}({parameter})"
