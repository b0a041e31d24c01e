"""Peak memory of this process, measured so that a parent's memory is never counted."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    Linux keeps `ru_maxrss` across `exec`, so a child started by a big parent would report the
    parent's peak; `VmHWM` in /proc/self/status belongs to this process image only.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
