"""Investigation rows in bulk for a generated caseload (see `run.py`)."""

from .run import StageDataResult, stage_data_generate

__all__ = ["StageDataResult", "stage_data_generate"]
