"""API: Django Ninja routers over the same services and selectors."""
