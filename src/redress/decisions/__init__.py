"""Decisions: findings, draft and final decisions, reviews of decisions."""
