"""Remedies: remedy guidance as data, the remedy builder and SMART checks."""
