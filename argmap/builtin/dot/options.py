"""The ``dot`` exporter's options and defaults: what the plugin registers, the writer reads.

Kept apart from the writer so that registering the format (on every command) imports no
diagram code, and so that the writer and the plugin share one definition.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_WRAP = 36
"""Labels wrap at this many characters unless ``wrap`` says otherwise."""
DEFAULT_MAX_LINES = 12
"""Labels show at most this many lines unless ``max_lines`` says otherwise."""

OPTION_HELP: Mapping[str, str] = {
    "direction": "layout direction: BT (positions on top, default), TB, LR, RL",
    "theme": "colours: default or print (black, white and greys)",
    "legend": "add a key to the shapes and lines (true/false)",
    "sources": "show sources: speaker under the text, quote in the tooltip (default true)",
    "wrap": f"wrap labels at this many characters (default {DEFAULT_WRAP})",
    "max_lines": f"show at most this many lines of a text (default {DEFAULT_MAX_LINES})",
    "evaluation": "an Evaluation whose labels to show (marker, words and legend)",
}
"""The options of the ``dot`` exporter, with their help."""
