"""Investigation: statements of complaint, enquiries, evidence and keep-in-touch."""
