"""The options of the ``mermaid`` exporter: what the plugin registers, without the exporter.

argmap imports every plugin on every command to list formats; keeping the options here lets
the plugin register them without importing the flowchart writer.
"""

from __future__ import annotations

DEFAULT_WRAP = 40
"""Label lines longer than this many characters are broken at spaces for display."""

OPTIONS = {
    "evaluation": "an Evaluation (or a semantics name such as 'grounded') whose labels to show",
    "direction": "BT (default: conclusions on top), TB, TD, LR or RL",
    "fence": "true to wrap the chart in a ```mermaid fence for Markdown",
    "wrap": f"break label lines longer than this at spaces (default {DEFAULT_WRAP}; 0: never)",
    "max_label": "cut each text longer than this many characters, with '…' (default: never)",
    "sources": "true to show each claim's sources (speaker, date) in its box",
    "edge_labels": "false to leave the words off the edges (line styles still tell them)",
    "legend": "false to leave out the legend",
}
"""The options the ``mermaid`` exporter takes, with a line each for ``argmap formats``."""
