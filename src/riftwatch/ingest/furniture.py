"""Exact lines of web-page furniture that copy-pasted .txt articles often start with."""

from __future__ import annotations

# Compared case-insensitively after stripping; only whole lines, never parts of sentences.
FURNITURE_LINES = frozenset(
    {
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "skip navigation",
        "jump to content",
        "menu",
        "search",
        "advertisement",
        "page not found",
        "sign in",
        "subscribe",
    }
)
_FURNITURE_PREFIXES = ("daily newsletterreceive", "daily newsletter receive")


def is_furniture(line: str) -> bool:
    """True when `line` is a known piece of page furniture rather than article text."""
    key = line.strip().lower()
    return key in FURNITURE_LINES or key.startswith(_FURNITURE_PREFIXES)
