"""Publication: anonymised decisions, the public register and open data."""
