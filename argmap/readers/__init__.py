"""Built-in readers that have no exporter of their own."""
