"""Draw DOT from standard input with pygraphviz, in a child process that can be stopped.

Run by :class:`argmap.render.engines.Pygraphviz` for large maps or with a timeout:
``python _worker.py FORMAT < map.dot > map.FORMAT``. It imports only pygraphviz, so it starts
quickly; Graphviz's messages go to standard error.
"""

from __future__ import annotations

import sys


def main() -> int:
    """Read DOT, write the drawing; exit 1 when Graphviz fails."""
    import pygraphviz

    fmt = sys.argv[1]
    source = sys.stdin.buffer.read().decode("utf-8")
    try:
        data = pygraphviz.AGraph(string=source).draw(format=fmt, prog="dot")
    except Exception as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    if not data:
        return 1
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
