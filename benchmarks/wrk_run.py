"""wrk as the load generator of ``api_load.py``: its Lua script, one run, and CPU accounting.

Two ways to pace a run at ``rate`` requests/s (``pace``):

* ``schedule`` (the default): each wrk thread keeps a schedule of send times, on average
  ``threads / rate`` s apart (uniform 0..2x, as random arrivals); a connection that has its
  answer takes the next free time on its thread's schedule and sends then. The offered rate is
  ``rate`` whatever the latency, as long as a connection is free when its time comes (it is
  then sent late, and the run shows fewer than ``rate`` delivered).
* ``think`` (the generator before 2026-12-04): each connection waits a random 0..2 x
  ``connections / rate`` s after each answer. A connection's cycle is that pause *plus* the
  latency, so it delivers ``connections / (pause + mean latency)``: at 32 connections and
  800/s, 40 ms + 8 ms → 667 req/s. It never offered 800 req/s.

Either way a request's latency is timed by wrk from its send, not from its scheduled time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

LUA = r"""
local bodies = {
%(bodies)s
}
local n = #bodies
local counter = 0
local threads = {}

setup = function(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

init = function(args)
  counter = offset or 0
  wrk.method = "POST"
  wrk.path = "%(path)s"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer %(key)s"
end

request = function()
  -- threads interleave (thread i sends bodies i, i + T, i + 2T...): no body is sent twice
  -- in a run until all have been sent
  counter = counter + %(threads)s
  return wrk.format(nil, nil, nil, bodies[counter %% n + 1])
end

local pace = "%(pace)s"
local pause_ms = %(pause_ms)s
local spacing_ms = %(spacing_ms)s
if pace == "think" and pause_ms > 0 then
  -- each connection waits a random 0..2x pause after each answer (cycle = pause + latency)
  delay = function()
    return math.random(0, 2 * pause_ms)
  end
elseif pace == "schedule" and spacing_ms > 0 then
  -- this thread's send times, spacing_ms apart on average; an answered connection takes the
  -- next one (never one already past: a late schedule restarts from now)
  local ffi = require("ffi")
  ffi.cdef[[
    typedef struct { long tv_sec; long tv_nsec; } wrk_timespec;
    int clock_gettime(int clock, wrk_timespec *tp);
  ]]
  local ts = ffi.new("wrk_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local next_ms = nil
  delay = function()
    local now = now_ms()
    if next_ms == nil or next_ms < now then
      next_ms = now
    end
    local slot = next_ms
    next_ms = slot + math.random() * 2 * spacing_ms
    return math.floor(slot - now + 0.5)
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "duration_us": %%d, "mean_us": %%d, "p50_us": %%d, ' ..
    '"p90_us": %%d, "p99_us": %%d, "max_us": %%d, "connect": %%d, "read": %%d, ' ..
    '"write": %%d, "status": %%d, "timeout": %%d}\n',
    summary.requests, summary.duration, latency.mean, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, e.connect, e.read, e.write,
    e.status, e.timeout))
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("wrk not found: installing it from Debian (apt-get install -y wrk)", flush=True)
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=False, capture_output=True)
    found = shutil.which("wrk")
    if not found:
        subprocess.run(["apt-get", "update"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, capture_output=True)
        found = shutil.which("wrk")
    if not found:
        raise SystemExit("error: wrk is not installed and could not be installed")
    return found


def tree_cpu(root: int) -> dict[int, float]:
    """User + system CPU seconds of a process and each of its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return {pid: times.get(pid, 0.0) for pid in tree}


def cpu_split(before: dict[int, float], after: dict[int, float]) -> str:
    """Each process's share of the server's CPU between two readings (largest first): two
    workers near 50 % each mean the connections were spread evenly."""
    used = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
    total = sum(used.values()) or 1.0
    return " / ".join(f"{100 * v / total:.0f} %" for v in sorted(used.values(), reverse=True))


def connections_per_process(pids: set[int], port: int) -> list[int]:
    """Established connections on local ``port`` held by each of ``pids`` (most first; Linux)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                inodes.add(f"socket:[{fields[9]}]")
    counts = []
    for pid in pids:
        try:
            held = sum(1 for fd in Path(f"/proc/{pid}/fd").iterdir() if _link(fd) in inodes)
        except OSError:
            continue
        if held:
            counts.append(held)
    return sorted(counts, reverse=True)


def _link(fd: Path) -> str:
    try:
        return os.readlink(fd)
    except OSError:
        return ""


def lua_script(
    payloads: list[str], path: str, key: str, args: argparse.Namespace, rate: float, pace: str
) -> str:
    pause_ms = round(args.connections * 1000 / rate) if rate > 0 else 0
    spacing_ms = args.threads * 1000 / rate if rate > 0 else 0
    fields = {
        "bodies": ",\n".join(f"[==[{p}]==]" for p in payloads),
        "path": path,
        "key": key,
        "threads": args.threads,
        "pace": pace,
        "pause_ms": pause_ms,
        "spacing_ms": repr(spacing_ms),
    }
    return LUA % fields


def run_wrk(
    wrk: str,
    url: str,
    path: str,
    key: str,
    payloads: list[str],
    args: argparse.Namespace,
    rate: float = 0.0,
    pace: str = "schedule",
    server_pid: int | None = None,
) -> dict[str, Any]:
    """One wrk run; ``rate`` > 0 paces it (``pace``: ``schedule`` or ``think``, see above).

    The result has wrk's own CPU seconds (``wrk_cpu``, from ``wait4`` on its process) and, when
    ``server_pid`` is given, the server's (``server_cpu``, all its processes) and its split."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(lua_script(payloads, path, key, args, rate, pace))
    cmd = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    cmd += ["--timeout", "10s", "-s", str(script), url]
    before = tree_cpu(server_pid) if server_pid else {}
    conns: list[int] = []
    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(cmd, stdout=out, stderr=err)
            if server_pid:  # how wrk's connections are spread over the server's workers
                port, pid = int(url.rsplit(":", 1)[1].split("/")[0]), server_pid
                sample = threading.Timer(
                    args.duration * 0.75,  # late in the run: after reconnections
                    lambda: conns.extend(connections_per_process(set(tree_cpu(pid)), port)),
                )
                sample.start()
            _, status, usage = os.wait4(proc.pid, 0)
            if server_pid:
                sample.join()
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode(errors="replace"), err.read().decode("replace")
    finally:
        script.unlink()
    after = tree_cpu(server_pid) if server_pid else {}
    match = re.search(r"^RESULT (\{.*\})$", stdout, re.MULTILINE)
    if match is None or proc.returncode != 0:
        raise RuntimeError(f"wrk failed ({proc.returncode}):\n{stdout}\n{stderr}")
    result: dict[str, Any] = json.loads(match.group(1))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    kinds = ("connect", "read", "write", "status", "timeout")
    result["errors"] = sum(result[k] for k in kinds)
    result["error_kinds"] = ", ".join(f"{k} {result[k]}" for k in kinds if result[k]) or "none"
    result["wrk_cpu"] = usage.ru_utime + usage.ru_stime
    if server_pid:
        result["server_cpu"] = sum(after.values()) - sum(before.values())
        result["split"] = cpu_split(before, after)
        result["connections"] = " / ".join(map(str, conns)) or "?"
    return result


def cpu_line(result: dict[str, Any]) -> str:
    """``server X ms, wrk Y ms`` of CPU per request in this run."""
    count = max(1, result["requests"])
    parts = []
    if "server_cpu" in result:
        parts.append(f"server {result['server_cpu'] * 1000 / count:.2f} ms")
    parts.append(f"wrk {result['wrk_cpu'] * 1000 / count:.3f} ms")
    if "connections" in result:
        parts.append(f"connections per worker {result['connections']}")
    return ", ".join(parts)
