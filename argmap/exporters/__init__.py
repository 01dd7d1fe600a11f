"""The built-in formats, each a plugin registered through argmap's own hooks."""
