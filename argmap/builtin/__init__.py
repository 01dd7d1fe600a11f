"""The formats argmap ships, each a plugin registered through the same hooks as any other."""
