"""Redress: casework for ombudsman schemes."""
