"""Managers' daily digest: the numbers in their scope, markdown + chart, sent once a day."""
