"""Assessment: the jurisdiction and discretion tests and assessment decisions."""
