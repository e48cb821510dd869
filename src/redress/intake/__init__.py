"""Intake: the public complaint journey, triage suggestions and intake decisions."""
