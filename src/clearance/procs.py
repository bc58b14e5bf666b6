"""Worker processes that die with their parent, whatever signal it gets.

A worker started by a pool (``clearance load``'s parsing processes, batch workers) calls
:func:`die_with_parent` first: the kernel sends it SIGKILL when its parent dies, even by
``kill -9`` (Linux ``PR_SET_PDEATHSIG``; elsewhere the caller's own polling is the fallback).
"""

from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies; exit at once if the
    parent (``parent_pid``) is already gone. True when the kernel took the request."""
    armed = False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux
        armed = False
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)
    return armed


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists (one owned by another user counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
