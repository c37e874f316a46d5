"""Campaigns: definitions, audience, the outbox sender, WeCom result polling, results."""
