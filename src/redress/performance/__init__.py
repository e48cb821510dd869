"""Performance: KPIs, statistics and annual letters (reads only)."""
