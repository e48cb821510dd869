"""Compliance: agreed actions, evidence from organisations and chasing."""
