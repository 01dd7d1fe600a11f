"""The hooks a plugin can implement.

A plugin is a module or object with functions marked ``@argmap.hookimpl``, found through the
entry-point group ``argmap`` (the entry-point name is the plugin's name). Hooks are called with
keyword arguments; an implementation may accept fewer arguments than the spec names.

Example::

    import argmap
    from argmap.plugin_api.formats import Exporter

    @argmap.hookimpl
    def argmap_register_exporters(register):
        register(Exporter(name="shout", description="Every claim, upper case",
                          suffixes=(".txt",), export=lambda amap: ...))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from argmap.plugin_api.formats import RegisterExporter, RegisterReader

PROJECT_NAME = "argmap"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def argmap_register_exporters(register: RegisterExporter) -> None:
    """Register the formats this plugin writes.

    Call ``register`` once per format with an :class:`argmap.plugin_api.Exporter`. The host owns the
    names: if two plugins register one name, neither is used and both are named in the
    error that using it raises.

    Args:
        register: Takes an :class:`~argmap.plugin_api.formats.Exporter`.
    """


@hookspec
def argmap_register_readers(register: RegisterReader) -> None:
    """Register the formats this plugin reads.

    Call ``register`` once per format with an :class:`argmap.plugin_api.Reader`. A reader turns the
    bytes of a document into an :class:`argmap.ArgumentMap` and reports every problem in
    one :class:`argmap.ReadError` (with locations), never a traceback.

    Args:
        register: Takes a :class:`~argmap.plugin_api.formats.Reader`.
    """
