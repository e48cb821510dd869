"""Notifications: email and letter adapters and the outbox."""
