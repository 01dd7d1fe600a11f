"""A Sphinx directive that writes the CLI reference from the Typer app itself.

``{cli-reference}`` renders ``argmap --help`` and every command's ``--help`` as the program
prints them, so the reference cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

import typer
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def _help(command: Any, path: list[str], parent: Any) -> str:
    # Typer ships its own copy of click; its Context class is reached through the command.
    ctx = command.context_class(
        command,
        info_name=" ".join(path),
        parent=parent,
        terminal_width=100,
        max_content_width=100,
    )
    return str(command.get_help(ctx))


class CliReference(SphinxDirective):
    """Sections with the help of ``argmap`` and each of its commands."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from argmap.cli import app

        root = typer.main.get_command(app)
        root_ctx = root.context_class(
            root, info_name="argmap", terminal_width=100, max_content_width=100
        )
        result: list[nodes.Node] = [
            nodes.literal_block(text=root.get_help(root_ctx), language="text")
        ]
        for name in sorted(root.list_commands(root_ctx)):  # type: ignore[attr-defined]
            command = root.get_command(root_ctx, name)  # type: ignore[attr-defined]
            assert command is not None
            section = nodes.section(ids=[f"argmap-{name}"])
            section += nodes.title(text=f"argmap {name}")
            section += nodes.literal_block(
                text=_help(command, ["argmap", name], root_ctx), language="text"
            )
            result.append(section)
        return result


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("cli-reference", CliReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
