"""A realistic synthetic caseload for demos and benchmarks (`redress generate`).

`plan` decides what happens to each case, `writer` puts the rows in the database in bulk,
and `run.generate` ties them together a chunk at a time.
"""

from .run import GenerateOptions, GenerateResult, default_years, generate

__all__ = ["GenerateOptions", "GenerateResult", "default_years", "generate"]
