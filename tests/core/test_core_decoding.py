"""The one UTF-8 decoder every text reader uses: the text, or one error with its place."""

from __future__ import annotations

import pytest

from argmap import ReadError
from argmap.core.decoding import decode_utf8


def test_text_and_bytes_lose_a_byte_order_mark() -> None:
    assert decode_utf8("\ufeffa") == "a"
    assert decode_utf8("\ufeffé".encode()) == "é"


def test_bytes_that_are_not_utf8_name_line_and_column() -> None:
    with pytest.raises(ReadError) as raised:
        decode_utf8("ab\néé".encode() + b"\xff", "map.argdown")
    (problem,) = raised.value.diagnostics
    assert problem.code == "not-utf8"
    assert problem.location is not None
    assert (problem.location.file, problem.location.line, problem.location.column) == (
        "map.argdown",
        2,
        3,
    )
    assert "0xff" in problem.message
