"""Segment engine: data model, segment trees, compiler and natural-language commands."""
