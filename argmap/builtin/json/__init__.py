"""argmap's native JSON: lossless, versioned; :func:`dumps` and :func:`loads` its core."""
