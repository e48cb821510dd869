"""The scheme's rules as plain Python: no Django, no database, inputs are values."""
