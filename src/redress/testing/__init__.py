"""Test support shared by the suite: factories and named personas (imported only by tests)."""
