"""Kialo's plain-text export, read as a map."""
