"""Integrations with outside platforms (WeCom)."""
