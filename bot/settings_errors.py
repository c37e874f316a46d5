"""The error every settings parser raises: one line naming the variable (its own module, so the
campaign settings and the top-level settings can both raise it without importing each other)."""

from __future__ import annotations


class SettingsError(ValueError):
    """A setting is missing or malformed; the message is one line naming the variable."""
