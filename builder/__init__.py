"""Gloss: an annotated news reader built as a static site."""

__version__ = "0.1.0"
