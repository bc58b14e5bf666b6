"""Batch screening of customer files (CSV, JSON lines, Parquet) on one machine.

>>> from clearance.batch import BatchConfig, run_batch          # doctest: +SKIP
>>> run_batch(BatchConfig(Path("customers.csv"), Path("out.csv"), workers=4), settings)

Large inputs are streamed in chunks, screened by worker processes and written in input order
with a checkpoint after every chunk, so an interrupted run resumes without losing or duplicating
a row. See ``docs/batch.md``.
"""

from clearance.batch.checkpoint import Checkpoint, checkpoint_path
from clearance.batch.columns import ColumnMapping, ColumnSpec
from clearance.batch.io import TextOptions
from clearance.batch.results import SUMMARY_COLUMNS, ResultOptions
from clearance.batch.runner import BatchConfig, BatchSummary, run_batch
from clearance.errors import BatchInputError, CheckpointError, ColumnError

__all__ = [
    "SUMMARY_COLUMNS",
    "BatchConfig",
    "BatchInputError",
    "BatchSummary",
    "Checkpoint",
    "CheckpointError",
    "ColumnError",
    "ColumnMapping",
    "ColumnSpec",
    "ResultOptions",
    "TextOptions",
    "checkpoint_path",
    "run_batch",
]
