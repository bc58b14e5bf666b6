"""What ``decisions_bench.py`` prints for one ``/screen`` setting (a number of clients): the
throughput with and without ``record=true``, the CPU per request of the server, the database
and the clients, how much of the wall time the server was busy and how long it sat idle per
request, the requests' latency, and what the server's receipt writer reports (``/metrics``)."""

from __future__ import annotations

import re
import statistics

import httpx

Modes = dict[bool, float]  # without (False) and with (True) record


def writer_counters(base: str) -> dict[str, float]:
    """The server's receipt writer counters from ``/metrics`` (empty on a server without
    them)."""
    text = httpx.get(f"{base}/metrics", timeout=60).text
    found = re.findall(r"^clearance_receipt_writer_(\w+)_total (\S+)$", text, re.MULTILINE)
    return {name: float(value) for name, value in found}


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile of ``values`` (nearest rank; 0 when empty)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def report(
    clients: int, repeats: int, n: int, rates: dict[bool, list[float]], ratios: list[float],
    cpu: Modes, own: Modes | None, mine: Modes, wall: Modes, latency: dict[bool, list[float]],
    processes: bool = False,
) -> None:  # fmt: skip
    """Print one setting: ``n`` requests a mode; ``cpu`` the server's and the database's
    seconds, ``own`` the server's alone (None without a database process), ``mine`` the
    clients', ``wall`` the rounds' wall time, ``latency`` each request's seconds."""
    plain, recorded = statistics.median(rates[False]), statistics.median(rates[True])
    print(f"/screen, {clients} client(s), median of {repeats}: {plain:,.0f} vs "
          f"{recorded:,.0f} req/s -> {statistics.median(ratios):.0%} (target >= 70%)")  # fmt: skip
    what = "server" if own is None else "server + database"
    print(f"  CPU per request ({what}, {clients} client(s)): {cpu[False] / n * 1e3:.2f} "
          f"ms without record, {cpu[True] / n * 1e3:.2f} ms with -> "
          f"{cpu[False] / cpu[True]:.0%} if CPU-bound")  # fmt: skip
    rig = "processes of their own" if processes else "threads of this benchmark's process"
    print(f"  CPU per request of the clients ({rig}, "
          f"not the server's): {mine[False] / n * 1e3:.2f} ms without record, "
          f"{mine[True] / n * 1e3:.2f} ms with")  # fmt: skip
    server = cpu if own is None else own
    busy = {k: server[k] / wall[k] for k in wall}
    idle = {k: (wall[k] - server[k]) / n * 1e3 for k in wall}
    print(f"  the server (all its threads) busy {busy[False]:.0%} / {busy[True]:.0%} of "
          f"the wall time, idle {idle[False]:.2f} / {idle[True]:.2f} ms a request "
          "(without / with record)")  # fmt: skip
    p50, p99 = ({k: percentile(latency[k], q) * 1e3 for k in latency} for q in (50, 99))
    print(f"  latency p50 {p50[False]:.2f} / {p50[True]:.2f} ms, p99 {p99[False]:.2f} / "
          f"{p99[True]:.2f} ms (without / with record)")  # fmt: skip
    if own is not None:
        base = {k: (cpu[k] - own[k]) / n * 1e3 for k in cpu}
        print(f"    of which the server {own[False] / n * 1e3:.2f} / "
              f"{own[True] / n * 1e3:.2f} ms, the database {base[False]:.2f} / "
              f"{base[True]:.2f} ms")  # fmt: skip


def print_writer(before: dict[str, float], after: dict[str, float]) -> None:
    """The event loop's receipt writer between two :func:`writer_counters` readings."""
    if not after or after["batches"] <= before.get("batches", 0.0):
        return
    d = {k: after[k] - before.get(k, 0.0) for k in after}
    print(f"    the event loop's writer: {d['batches']:,.0f} statements, "
          f"{d['receipts'] / d['batches']:.2f} receipts each, sent -> result "
          f"{d['flight_seconds'] / d['batches'] * 1e3:.2f} ms a statement, "
          f"{d['behind'] / d['batches']:.0%} sent while another was in flight")  # fmt: skip
    if "known_head" in d:
        known, stale = d["known_head"] / d["batches"], d["stale"]
        print(f"      {known:.0%} of them batches hashed from the head the writer knew, "
              f"{stale:,.0f} sent from a head moved meanwhile (again)")  # fmt: skip
