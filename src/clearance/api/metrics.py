"""Prometheus metrics of the API server (``GET /metrics``).

Request counts and latency by route template and status, screenings and alerts, snapshot
reloads, and the active snapshot as an info metric. Each app has its own registry (several apps
can live in one test process). When ``clearance serve --workers N`` runs several processes it
sets ``PROMETHEUS_MULTIPROC_DIR`` before they start; the counters then live in shared files and
``/metrics`` sums them over all workers (the snapshot info comes from the answering worker).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    values,
)
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    InfoMetricFamily,
    Metric,
)
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

LATENCY_BUCKETS = (
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    10.0,
)

StateGetter = Callable[[], tuple[bool, dict[str, str]]]
WriterStats = Callable[[], dict[str, float]]
# the receipt writers' counters (``Decisions.writer_stats``): name -> help
WRITER_COUNTERS = {
    "batches": "Transactions the event loop's receipt writers committed.",
    "receipts": "Receipts they appended in them.",
    "behind": "Batches sent while another was in flight (waiting for its commit).",
    "flight_seconds": "Seconds from sending a batch to its result, summed over the batches.",
    "known_head": "Of the transactions, batches whose rows the writer hashed from the chain head "
    "it knew.",
    "stale": "Batches sent from a chain head another writer had moved meanwhile (nothing "
    "written; sent again, hashed by the database).",
}


def multiprocess_mode() -> bool:
    """True when prometheus_client was imported with ``PROMETHEUS_MULTIPROC_DIR`` set."""
    return values.ValueClass is not values.MutexValue


class _StateCollector(Collector):
    """Readiness and active snapshot, read from the app when scraped."""

    def __init__(self, state: StateGetter) -> None:
        self._state = state

    def collect(self) -> Iterator[Metric]:
        ready, info = self._state()
        gauge = GaugeMetricFamily("clearance_ready", "1 when a snapshot is loaded and screening.")
        gauge.add_metric([], 1.0 if ready else 0.0)
        yield gauge
        if info:
            yield InfoMetricFamily(
                "clearance_snapshot", "The active snapshot and algorithm.", value=info
            )


class _WriterCollector(Collector):
    """The receipt writers' group commit (this process's), read when scraped."""

    def __init__(self) -> None:
        self.stats: WriterStats | None = None

    def collect(self) -> Iterator[Metric]:
        stats = self.stats() if self.stats is not None else {}
        for name, text in WRITER_COUNTERS.items():
            if name in stats:
                yield CounterMetricFamily(
                    f"clearance_receipt_writer_{name}", text, value=stats[name]
                )


class Metrics:
    """The server's metric objects."""

    def __init__(self, state: StateGetter) -> None:
        self.multiprocess = multiprocess_mode()
        self.registry = CollectorRegistry(auto_describe=True)
        self._state_collector = _StateCollector(state)
        self._writer_collector = _WriterCollector()
        reg = self.registry
        self.requests = Counter(
            "clearance_http_requests",
            "HTTP requests by method, route template and status code.",
            ["method", "route", "status"],
            registry=reg,
        )
        self.latency = Histogram(
            "clearance_http_request_duration_seconds",
            "HTTP request latency by method and route template.",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=reg,
        )
        self.screenings = Counter(
            "clearance_screenings",
            "Parties screened, by endpoint (screen, batch, match, search).",
            ["endpoint"],
            registry=reg,
        )
        self.alerts = Counter(
            "clearance_alerts",
            "Screenings that alerted, by endpoint.",
            ["endpoint"],
            registry=reg,
        )
        self.reloads = Counter(
            "clearance_snapshot_reloads",
            "Switches to a newly installed snapshot.",
            registry=reg,
        )
        if not self.multiprocess:
            reg.register(self._state_collector)
            reg.register(self._writer_collector)
        self._children: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    def writer_stats(self, stats: WriterStats) -> None:
        """Where the receipt writers' counters are read from (one server process's; not
        shown when several workers share the metrics)."""
        self._writer_collector.stats = stats

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status)
        found = self._children.get(key)
        if found is None:  # labels() costs more than the update: each series looked up once
            found = self._children[key] = (
                self.requests.labels(method, route, str(status)),
                self.latency.labels(method, route),
            )
        found[0].inc()
        found[1].observe(seconds)

    def observe_screenings(self, endpoint: str, count: int, alerts: int) -> None:
        if count:
            self.screenings.labels(endpoint).inc(count)
        if alerts:
            self.alerts.labels(endpoint).inc(alerts)

    def render(self) -> tuple[bytes, str]:
        """The exposition text and its content type."""
        if self.multiprocess:
            registry = CollectorRegistry()
            MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            registry.register(self._state_collector)
            return generate_latest(registry), CONTENT_TYPE_LATEST
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
