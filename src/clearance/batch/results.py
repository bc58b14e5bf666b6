"""Screening results as output rows: the flat summary row, the nested detail row, and encoders.

Shared by the local runner and the Spark engine so that both write exactly the same values.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from clearance.batch.io import Format
from clearance.matching.query import ScreenOptions
from clearance.matching.result import ScreeningResult

SUMMARY_COLUMNS = (
    "id",
    "alert",
    "match_count",
    "entity_id",
    "list",
    "source_id",
    "name",
    "matched_name",
    "score",
)
DETAIL_MATCH_LIMIT = 100  # --top-k cap


@dataclass(frozen=True, slots=True)
class ResultOptions:
    """What to screen with and what to write (the same on every worker)."""

    threshold: float | None = None
    top_k: int = 1
    detail: bool = False

    def screen_options(self) -> ScreenOptions:
        # match_count counts every match above the threshold, so ask for more than top_k.
        return ScreenOptions(
            limit=max(self.top_k, 10), threshold=self.threshold, explain=self.detail
        )


def summary_row(result: ScreeningResult, row_id: str) -> dict[str, Any]:
    """One flat output row: the alert flag, the best match and the count above threshold."""
    best = result.matches[0] if result.matches else None
    return {
        "id": row_id,
        "alert": result.alert,
        "match_count": sum(1 for m in result.matches if m.score >= result.threshold),
        "entity_id": best.entity_id if best else None,
        "list": best.list if best else None,
        "source_id": best.source_id if best else None,
        "name": best.name if best else None,
        "matched_name": best.matched_name if best else None,
        "score": round(best.score, 4) if best else None,
    }


def detail_row(result: ScreeningResult, row_id: str, top_k: int) -> dict[str, Any]:
    """The summary plus the top-k matches with their feature reasons and the provenance."""
    row = summary_row(result, row_id)
    return {
        "id": row_id,
        "alert": row["alert"],
        "match_count": row["match_count"],
        "threshold": result.threshold,
        "snapshot": result.snapshot,
        "algorithm": result.algorithm,
        "algorithm_version": result.algorithm_version,
        "matches": [m.to_dict() for m in result.matches[:top_k]],
    }


def output_row(result: ScreeningResult, row_id: str, options: ResultOptions) -> dict[str, Any]:
    if options.detail:
        return detail_row(result, row_id, options.top_k)
    return summary_row(result, row_id)


# -- encoders ---------------------------------------------------------------------------------


def csv_header(delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(SUMMARY_COLUMNS)
    return buffer.getvalue().encode()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def encode_csv(rows: Sequence[dict[str, Any]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for row in rows:
        writer.writerow([_csv_cell(row[c]) for c in SUMMARY_COLUMNS])
    return buffer.getvalue().encode()


def encode_jsonl(rows: Sequence[dict[str, Any]]) -> bytes:
    return b"".join(orjson.dumps(row) + b"\n" for row in rows)


def arrow_schema(detail: bool) -> Any:
    """The Parquet / Spark schema of the output rows."""
    import pyarrow as pa

    summary = [
        pa.field("id", pa.string()),
        pa.field("alert", pa.bool_()),
        pa.field("match_count", pa.int32()),
    ]
    if not detail:
        return pa.schema(
            summary
            + [pa.field(c, pa.string()) for c in SUMMARY_COLUMNS[3:8]]
            + [pa.field("score", pa.float64())]
        )
    feature = pa.struct([("name", pa.string()), ("score", pa.float64()), ("reason", pa.string())])
    match = pa.struct(
        [
            ("entity_id", pa.string()),
            ("list", pa.string()),
            ("source_id", pa.string()),
            ("schema", pa.string()),
            ("name", pa.string()),
            ("matched_name", pa.string()),
            ("score", pa.float64()),
            ("alert", pa.bool_()),
            ("features", pa.list_(feature)),
        ]
    )
    return pa.schema(
        summary
        + [
            pa.field("threshold", pa.float64()),
            pa.field("snapshot", pa.string()),
            pa.field("algorithm", pa.string()),
            pa.field("algorithm_version", pa.string()),
            pa.field("matches", pa.list_(match)),
        ]
    )


def encode_arrow(rows: Sequence[dict[str, Any]], detail: bool) -> Any:
    """A ``pyarrow.Table`` of output rows (picklable: workers send it to the writer)."""
    import pyarrow as pa

    return pa.Table.from_pylist(list(rows), schema=arrow_schema(detail))


def encode_rows(rows: Sequence[dict[str, Any]], fmt: Format, detail: bool, delimiter: str) -> Any:
    if fmt == "csv":
        return encode_csv(rows, delimiter)
    if fmt == "jsonl":
        return encode_jsonl(rows)
    return encode_arrow(rows, detail)
