"""Readable, unique ids made from titles and texts."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
MAX_SLUG_LENGTH = 40


def slugify(text: str, fallback: str = "claim") -> str:
    """Turn ``text`` into a short lowercase id: words joined by ``-``.

    Letters of every script are kept (``"Неделимость безопасности"`` gives
    ``"неделимость-безопасности"``); punctuation and spaces become single hyphens; the result is
    cut at a word boundary near :data:`MAX_SLUG_LENGTH` characters. Text with no letters or
    digits gives ``fallback``.
    """
    # Only the start of a text can reach the slug; long claims need not be scanned whole.
    head = unicodedata.normalize("NFKC", text[: MAX_SLUG_LENGTH * 4])
    slug = _NON_WORD.sub("-", head.casefold()).strip("-_")
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug.rfind("-", 0, MAX_SLUG_LENGTH + 1)
        slug = slug[: cut if cut > MAX_SLUG_LENGTH // 2 else MAX_SLUG_LENGTH].strip("-_")
    return slug or fallback


class IdAllocator:
    """Hands out ids that are unique among those it has seen.

    The first use of a slug gets it bare, later ones get ``-2``, ``-3``, ...
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next_suffix: dict[str, int] = {}

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._taken

    def reserve(self, element_id: str) -> None:
        """Mark an id chosen by the caller as taken."""
        self._taken.add(element_id)

    def allocate(self, text: str, fallback: str = "claim") -> str:
        """Return a new unique id made from ``text``."""
        return self.allocate_slug(slugify(text, fallback))

    def allocate_slug(self, base: str) -> str:
        """Return ``base`` (already a slug), or it with a number, whichever is free."""
        candidate = base
        if candidate in self._taken:
            suffix = self._next_suffix.get(base, 2)
            candidate = f"{base}-{suffix}"
            while candidate in self._taken:
                suffix += 1
                candidate = f"{base}-{suffix}"
            self._next_suffix[base] = suffix + 1
        self._taken.add(candidate)
        return candidate
