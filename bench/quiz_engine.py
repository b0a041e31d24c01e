"""Quiz-engine throughput: answer events handled per second, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.quiz_engine [--learners 20] [--pg postgresql://...]

For each database it plays full m01-m04 quizzes through the real router (button presses, grading,
answer recording, review cards, progress, events) and prints answers/s with p50/p95/p99 latency.
As a baseline measured in the same run it inserts the same number of bare answer rows through the
repository alone, so the ratio shows what the engine adds on top of the database write.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from bot.core.clock import FakeClock
from bot.testing import FakeChat, Replies, make_services, wipe_postgres_schema
from curriculum.catalog.models import QuestionType

MODULES = ("m01", "m02", "m03", "m04")


def play_all(chat: FakeChat, learners: int) -> list[float]:
    """Every learner plays every module quiz, answering right; returns per-answer latencies."""
    latencies: list[float] = []
    for n in range(learners):
        user = f"learner{n}"
        for module in MODULES:
            replies: Replies = chat.send(user, f"/quiz {module}")
            for _ in range(chat.services.curriculum.modules[module].quiz_questions):
                q = chat.current_question(user)
                answer, kind, accepted = q.canonical_answer(), q.type, list(q.accepted or [])
                started = time.perf_counter()
                if kind is QuestionType.SHORT_ANSWER:
                    replies = chat.send(user, accepted[0])
                else:
                    replies = chat.press(user, answer, replies)
                latencies.append(time.perf_counter() - started)
            assert "Passed!" in replies.text, replies.text
    return latencies


def baseline(chat: FakeChat, answers: int) -> float:
    """Seconds to insert `answers` bare answer rows via the repository (no routing or grading)."""
    svc = chat.services
    learner = svc.learners.get_or_create("bench", "w", "base", "base", svc.clock.now())
    assert learner.id is not None
    ids = [f"m99-q{i:02d}" for i in range(answers)]
    session = svc.quizzes.start(
        learner_id=learner.id,
        kind="module",
        target="m99",
        thread_key="base",
        question_ids=ids,
        choice_orders={},
        seed=0,
        now=svc.clock.now(),
    )
    assert session.id is not None
    started = time.perf_counter()
    for qid in ids:
        svc.quizzes.answer(session.id, qid, "1", True, svc.clock.now())
    return time.perf_counter() - started


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000


def run(label: str, database_url: str, workdir: Path, learners: int) -> None:
    services = make_services(workdir, database_url=database_url)
    assert isinstance(services.clock, FakeClock)
    chat = FakeChat(services)
    started = time.perf_counter()
    latencies = play_all(chat, learners)
    elapsed = time.perf_counter() - started
    base = baseline(chat, len(latencies))
    services.close()
    engine_rate = len(latencies) / sum(latencies)
    base_rate = len(latencies) / base
    print(
        f"{label:<11} answers={len(latencies):>5}  engine={engine_rate:7.1f} answers/s  "
        f"p50={pct(latencies, 50):6.2f} ms  p95={pct(latencies, 95):6.2f} ms  "
        f"p99={pct(latencies, 99):6.2f} ms  wall={elapsed:5.1f} s"
    )
    print(
        f"{'':<11} baseline (bare repository insert)={base_rate:7.1f} rows/s  "
        f"engine/baseline={engine_rate / base_rate:4.2f}"
    )


def reset_pg(url: str) -> bool:
    try:
        wipe_postgres_schema(url)
        return True
    except Exception as exc:
        print(f"postgresql  skipped: {str(exc).splitlines()[0]}")
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument(
        "--pg",
        default="postgresql://postgres@127.0.0.1:5432/test",
        help="a scratch PostgreSQL database (its public schema is wiped)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run("sqlite", f"sqlite:///{tmp}/bench.db", Path(tmp), args.learners)
        if reset_pg(args.pg):
            run("postgresql", args.pg, Path(tmp), args.learners)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
