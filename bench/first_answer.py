"""The first answer after a start, with and without the background warm-up, and serving memory.

    .venv/bin/python -m bench.first_answer [--delay 3]

Builds the index once in a temp folder, then starts fresh processes that bootstrap the tutor as
`mlops-tutor run` does. In `warm` mode the start-up warm-up thread runs (the default); in `cold`
mode it does not, as before. After `--delay` seconds (a learner typing) one question arrives;
the figure is how long that question waits for its answer. Each process also reports its peak
RSS: the tutor's memory when serving (no ingest in that process), and whether torch was loaded.
Both embedding backends run (`TUTOR_EMBEDDINGS=torch` is the baseline for `onnx`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.memory import peak_rss_mb

os.environ.setdefault("HF_HUB_OFFLINE", "1")

QUESTION = "how do I detect data drift with evidently?"


def child(mode: str, data: Path, delay: float) -> None:
    """One tutor process: start, maybe warm up, wait, answer one question, report."""
    started = time.perf_counter()
    from bot.bootstrap import bootstrap
    from bot.cli.knowledge import ensure_index
    from bot.settings import Settings

    settings = Settings(data_dir=data, database_url=f"sqlite:///{data}/first.db")
    services = bootstrap(settings, auto_upgrade=True)
    if mode == "warm":
        ensure_index(services)
    ready = time.perf_counter()
    time.sleep(delay)
    asked = time.perf_counter()
    answer = services.knowledge.ask(QUESTION)
    answered = time.perf_counter()
    assert not answer.declined, answer.text
    report = {
        "mode": mode,
        "start_s": ready - started,
        "first_answer_s": answered - asked,
        "peak_rss_mb": peak_rss_mb(),
        "backend": settings.embeddings,
        "torch": "torch" in sys.modules,
    }
    print(json.dumps(report))


def _build(data: Path) -> None:
    from bot.bootstrap import bootstrap
    from bot.settings import Settings

    settings = Settings(data_dir=data, database_url=f"sqlite:///{data}/first.db")
    services = bootstrap(settings, auto_upgrade=True)
    services.knowledge.ingest(services.curriculum)
    services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=3.0)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DATA"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), args.delay)
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        _build(data)
        print(f"question after {args.delay:.0f} s: {QUESTION!r}")
        print(f"{'backend':<9}{'mode':<7}{'start':>8}{'first answer':>15}{'peak RSS':>11}  torch")
        for backend, mode in [(b, m) for b in ("torch", "onnx") for m in ("cold", "warm")]:
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.first_answer",
                    "--delay",
                    str(args.delay),
                    "--child",
                    mode,
                    str(data),
                ],
                check=True,
                capture_output=True,
                text=True,
                env={**os.environ, "TUTOR_EMBEDDINGS": backend},
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{r['backend']:<9}{r['mode']:<7}{r['start_s']:>7.1f}s"
                f"{r['first_answer_s'] * 1000:>13.0f}ms{r['peak_rss_mb']:>9.0f}MB  "
                f"{'loaded' if r['torch'] else 'no'}"
            )


if __name__ == "__main__":
    main()
