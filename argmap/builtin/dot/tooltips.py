"""Exact tooltips in SVG: Graphviz rewrites tooltip texts; this puts them back."""

from __future__ import annotations

import re

from argmap.builtin.dot.labels import clean

_SVG_TOOLTIP = re.compile(rb'(<g id="a_argmap_(\d+)"><a xlink:title=")[^"]*(")')
_XML_ATTRIBUTE = {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
    ord("\n"): "&#10;",
    ord("\r"): "&#13;",
    ord("\t"): "&#9;",
}


def restore_tooltips(svg: bytes, tooltips: tuple[str | None, ...]) -> bytes:
    r"""Put the exact tooltip texts back into an SVG that Graphviz drew from a diagram.

    Graphviz rewrites tooltips on the way (backslash sequences such as ``\N`` become the
    node's name, ``&amp;`` becomes ``&``, runs of spaces become no-break spaces, tabs are
    lost to XML attribute normalisation); this writes each one as an XML attribute that
    parses back to exactly the text of the claim.
    """

    def exact(match: re.Match[bytes]) -> bytes:
        number = int(match.group(2))
        text = tooltips[number] if number < len(tooltips) else None
        if text is None:
            return match.group(0)
        value = clean(text).translate(_XML_ATTRIBUTE).encode("utf-8")
        return match.group(1) + value + match.group(3)

    return _SVG_TOOLTIP.sub(exact, svg)
