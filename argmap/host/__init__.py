"""The plugin host and I/O: finds plugins, collects their formats, reads and writes files."""
