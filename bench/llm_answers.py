"""LLM mode of the answer benchmark: the evaluation set through the tutor with its model.

    TUTOR_LLM=ollama:llama3.1 .venv/bin/python -m bench.llm_answers [--part dev] [--judge]

(`python -m bench.answers` runs this too when TUTOR_LLM is set.) Every message goes through
the real router twice, on one index: once with the model (TUTOR_LLM, TUTOR_LLM_BASE_URL ...),
once extractive. It prints the same figures for both, then what only the model run has:
how its calls ended, tokens and latency per answer, and faithfulness: the share of answer
sentences that a passage the answer cites supports, by embedding similarity and, with
`--judge`, by the model itself asked about each sentence.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from sqlmodel import col, select

from bench.answers import ChatSystem, chat_services, report, run_all
from bot.bootstrap import bootstrap, llm_config
from bot.settings import Settings
from curriculum.catalog import load_curriculum
from knowledge.embeddings import Embedder, MiniLMEmbedder
from knowledge.eval.faithfulness import Faithfulness, Judge, faithfulness
from knowledge.eval.learner import load_conversations, score
from knowledge.llm.check import llm_problems
from knowledge.llm.providers import LLMConfig, build_model
from knowledge.service import Knowledge
from storage.engine import Database
from storage.tables import AskedQuestion

NOT_COMPOSED = ("decline", "course", "cohort_faq", "organiser")
JUDGE_PROMPT = (
    "Passages:\n{passages}\n\nSentence: {sentence}\n\n"
    "Do the passages support the sentence? Reply with one word: yes or no."
)


def model_judge(config: LLMConfig) -> Judge:
    """The configured model as a yes/no judge of one sentence against passages."""
    model = build_model(config)

    def judge(sentence: str, passages: str) -> bool:
        prompt = JUDGE_PROMPT.format(passages=passages[:6000], sentence=sentence)
        reply = model.invoke([("human", prompt)])
        return str(reply.content).strip().lower().lstrip("\"'*").startswith("yes")

    return judge


def answer_rows(db: Database) -> list[AskedQuestion]:
    """Every question the run recorded, in order."""
    with db.session() as s:
        return list(s.exec(select(AskedQuestion).order_by(col(AskedQuestion.id))))


def faithfulness_of(
    rows: list[AskedQuestion], texts: dict[str, list[str]], embedder: Embedder, judge: Judge | None
) -> list[Faithfulness]:
    """Faithfulness of every composed answer, against the sections it cites."""
    found = []
    for row in rows:
        if row.declined or row.kind in NOT_COMPOSED:
            continue
        cited = [t for c in row.citations for t in texts.get(str(c.get("ref")), [])]
        found.append(faithfulness(row.answer, cited, embedder, judge))
    return found


def _share(items: list[Faithfulness], judged: bool = False) -> str:
    total = sum(f.sentences for f in items)
    if not total:
        return "n/a"
    good = sum((f.judged_supported or 0) if judged else f.supported for f in items)
    return f"{good / total * 100:.1f}% of {total}"


def _pct(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct * (len(ordered) - 1)))] if ordered else 0.0


def model_rows(rows: list[AskedQuestion]) -> list[tuple[str, str, str]]:
    """How the model calls ended, tokens and latency, from the recorded answers."""
    called = [r for r in rows if r.model_outcome]
    outcomes = Counter(r.model_outcome for r in called)
    ok = [r for r in called if r.model_outcome == "ok"]
    latency = [float(r.latency_ms or 0) for r in called if r.model_outcome != "busy"]
    tokens_in = [r.input_tokens for r in ok if r.input_tokens is not None]
    tokens_out = [r.output_tokens for r in ok if r.output_tokens is not None]
    return [
        ("model calls", str(len(called)), ""),
        ("  outcomes", ", ".join(f"{k} {v}" for k, v in outcomes.most_common()), ""),
        ("model latency p50 / p95", f"{_pct(latency, 0.5):.0f} / {_pct(latency, 0.95):.0f} ms", ""),
        ("tokens in / out (mean)", _mean(tokens_in) + " / " + _mean(tokens_out), ""),
    ]


def _mean(values: list[int]) -> str:
    return f"{statistics.fmean(values):.0f}" if values else "n/a"


def run_llm(part: str, *, judge: bool = False, limit: int | None = None) -> None:
    """Run the evaluation set with the model and without; print both and faithfulness."""
    config = llm_config(Settings())
    if config is None:
        sys.exit("set TUTOR_LLM (and TUTOR_LLM_BASE_URL for a local server) to run this")
    problems = llm_problems(config)
    if problems:
        sys.exit("\n".join(f"error: {p}" for p in problems))
    conversations = [
        c for c in load_conversations() if part == "all" or c[0].held_out == (part == "held-out")
    ][:limit]
    curriculum = load_curriculum()
    embedder = MiniLMEmbedder()
    with tempfile.TemporaryDirectory() as tmp:
        plain = chat_services(Path(tmp), curriculum, embedder)
        plain.knowledge.ingest(curriculum)
        plain.knowledge.warm_up()
        knowledge = Knowledge(plain.knowledge.store, embedder, config, curriculum=curriculum)
        settings = Settings(data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/llm.db")
        with_model = bootstrap(
            settings, curriculum=curriculum, auto_upgrade=True, knowledge=knowledge
        )
        base_results = run_all(ChatSystem(plain), conversations)
        llm_results = run_all(ChatSystem(with_model), conversations)
        texts: dict[str, list[str]] = defaultdict(list)
        for chunk in plain.knowledge.store.all_chunks():
            texts[chunk.ref].append(chunk.text)
        rows, base_rows = answer_rows(with_model.db), answer_rows(plain.db)
        judged = model_judge(config) if judge else None
        faith = faithfulness_of(rows, texts, embedder, judged)
        base_faith = faithfulness_of(base_rows, texts, embedder, None)
        with_model.close()
        plain.close()
    turns = sum(len(c) for c in conversations)
    print(f"part: {part} · {len(conversations)} conversations, {turns} messages · {config.spec}\n")
    extra = [
        ("faithfulness (embeddings)", _share(faith), _share(base_faith)),
        *([("faithfulness (model judge)", _share(faith, judged=True), "")] if judge else []),
        *model_rows(rows),
    ]
    ours, base = score(llm_results, embedder), score(base_results, embedder)
    report(ours, base, extra, names=(f"with {config.spec}", "extractive"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "held-out", "all"], default="dev")
    parser.add_argument("--judge", action="store_true", help="also ask the model per sentence")
    parser.add_argument("--limit", type=int, help="only the first N conversations")
    args = parser.parse_args()
    run_llm(args.part, judge=args.judge, limit=args.limit)


if __name__ == "__main__":
    main()
