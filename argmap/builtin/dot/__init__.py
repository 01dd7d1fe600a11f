"""The Graphviz DOT exporter: the diagram that :mod:`argmap.render` draws."""
