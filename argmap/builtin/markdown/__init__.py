"""The Markdown outline exporter."""
