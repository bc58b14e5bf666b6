"""CPU of the API request path around the matcher, in process (no sockets, no matcher).

Builds the real app (``create_app``) over a loaded home, answers every distinct ``/screen`` body
once to record the matcher's results, then sends the same bodies again through the ASGI app
(middleware, auth, validation, query building, response building, JSON encoding, metrics) with
the matcher replaced by a look-up of the recorded result, and prints the CPU time per request
(``time.process_time``). ``--profile`` prints the top functions by own time (cProfile).

    PYTHONPATH=src .venv/bin/python benchmarks/api_path.py --home HOME [--queries 3000]

The home must have a loaded snapshot (``clearance load``) and is not changed except for an API
key added for the run. The machine load is printed: CPU time is what a busy machine inflates
least, but still inflates.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_names import distinct_bodies  # noqa: E402


def asgi_scope(key: str, length: int, record: bool = False) -> dict[str, Any]:
    """The ASGI scope of one ``POST /screen`` (``?record=true`` when ``record``)."""
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/screen",
        "raw_path": b"/screen",
        "root_path": "",
        "query_string": b"record=true" if record else b"",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"content-type", b"application/json"),
            (b"authorization", f"Bearer {key}".encode()),
            (b"content-length", str(length).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def asgi_call(app: Any, key: str, payload: bytes, record: bool = False) -> tuple[int, bytes]:
    """One request straight into the ASGI app, no socket: its status and body."""
    sent = False
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": payload, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        else:
            chunks.append(message.get("body", b""))

    await app(asgi_scope(key, len(payload), record), receive, send)
    return status, b"".join(chunks)


async def _pass(app: Any, key: str, payloads: list[bytes]) -> float:
    start = time.process_time()
    for payload in payloads:
        status, _ = await asgi_call(app, key, payload)
        if status != 200:
            raise SystemExit(f"error: status {status} for {payload!r}")
    return time.process_time() - start


def _record_matcher(core: Any) -> None:
    """Route ``core.screen_query`` through a memo: the first pass fills it, later ones read it."""
    real = core.screen_query
    memo: dict[Any, Any] = {}

    def screen_query(query: Any, options: Any = None, *, engine: Any = None) -> Any:
        key = (query, options)
        found = memo.get(key)
        if found is None:
            found = memo[key] = real(query, options, engine=engine)
        return found

    core.screen_query = screen_query


async def _run(args: argparse.Namespace) -> None:
    from clearance.api.app import create_app
    from clearance.auth.keys import KeyStore, Role
    from clearance.gcpause import serving_worker
    from clearance.settings import Settings

    os.environ["CLEARANCE_SCREEN_CACHE"] = "0"
    settings = Settings.from_env(home=args.home)
    key = KeyStore(args.home).add(f"path-{os.getpid()}", Role.SCREENER)
    bodies = distinct_bodies(args.home, args.queries, random.Random(20231228))
    payloads = [orjson.dumps(b) for b in bodies]
    serving_worker()
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        _record_matcher(app.state.service.clearance)
        await _pass(app, key, payloads)  # the matcher's answers, recorded
        runs = []
        for _ in range(args.repeat):
            runs.append(await _pass(app, key, payloads) / len(payloads) * 1000)
        print(
            "request path without the matcher, CPU ms per request: "
            + ", ".join(f"{r:.3f}" for r in runs)
            + f" (median {statistics.median(runs):.3f}; {len(payloads)} bodies)"
        )
        if args.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            await _pass(app, key, payloads)
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="a home with a loaded snapshot")
    parser.add_argument("--queries", type=int, default=3000, help="distinct /screen bodies")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes")
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions")
    args = parser.parse_args()
    print(f"machine load average at start: {os.getloadavg()}", flush=True)
    try:
        import uvloop

        uvloop.run(_run(args))
    except ImportError:
        asyncio.run(_run(args))
    print(f"machine load average at end: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
