"""Alembic migrations of the segbot schema (`segbot init` runs them to head)."""
