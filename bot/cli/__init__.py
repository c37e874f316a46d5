"""The `segbot` command line: thin commands that call services."""
