"""The bottom layer: errors, diagnostics and their locations; imports nothing else of argmap."""
