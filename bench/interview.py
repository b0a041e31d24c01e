"""Interview grading calibration: ranking of strong/partial/weak answers and key-point agreement.

Run: `.venv/bin/python -m bench.interview [--threshold 0.62] [--sweep]`. Uses the packaged
MiniLM model. Prints the share of calibrated questions where strong > partial > weak, and the
precision and recall of the grader's key-point decisions against the authored labels.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import yaml

from curriculum.catalog import CONTENT_ROOT, load_curriculum
from curriculum.catalog.interview import InterviewBank, InterviewFile, InterviewQuestion
from curriculum.interview import SIMILARITY_THRESHOLD, Grader
from knowledge.embeddings import MiniLMEmbedder

LEVELS = ("strong", "partial", "weak")
RANKING_BAR = 0.90
AGREEMENT_BAR = 0.80


@dataclass
class Figures:
    """The calibration figures at one threshold."""

    threshold: float
    questions: int = 0
    ranked: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    copies_low: int = 0

    @property
    def ranking(self) -> float:
        return self.ranked / self.questions if self.questions else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def measure(grader: Grader, questions: list[InterviewQuestion], verbose: bool = False) -> Figures:
    """Grade every calibration answer (and a copy of each question) at the grader's threshold."""
    figures = Figures(grader.threshold)
    for q in questions:
        cal = q.calibration
        assert cal is not None
        scores = []
        for level in LEVELS:
            sample = getattr(cal, level)
            grade = grader.grade(q, sample.text)
            scores.append(grade.score)
            labelled = set(sample.covers)
            for r in grade.results:
                said = r.key_point.id in labelled
                figures.tp += r.covered and said
                figures.fp += r.covered and not said
                figures.fn += (not r.covered) and said
                figures.tn += (not r.covered) and not said
                if verbose and r.covered != said:
                    what = "FP" if r.covered else "FN"
                    print(
                        f"  {what} {q.id}/{level}/{r.key_point.id} sim={r.similarity:.2f} "
                        f"by={r.by or '-'} :: {r.sentence[:90]}"
                    )
        figures.questions += 1
        figures.ranked += scores[0] > scores[1] > scores[2]
        if verbose and not scores[0] > scores[1] > scores[2]:
            print(f"  RANK {q.id}: {scores}")
        figures.copies_low += grader.grade(q, q.prompt).score <= 1
    return figures


def report(f: Figures) -> str:
    ok = f.ranking >= RANKING_BAR and f.precision >= AGREEMENT_BAR and f.recall >= AGREEMENT_BAR
    return (
        f"threshold {f.threshold:.2f}: strong>partial>weak {f.ranked}/{f.questions} "
        f"= {f.ranking:.1%}; key points precision {f.precision:.3f} recall {f.recall:.3f} "
        f"(tp {f.tp} fp {f.fp} fn {f.fn} tn {f.tn}); copy of the question scores <= 1: "
        f"{f.copies_low}/{f.questions}; bars {'MET' if ok else 'NOT MET'}"
    )


class CachedEmbedder:
    """Embeds each distinct text once, so a threshold sweep costs one pass of the model."""

    def __init__(self) -> None:
        self.model = MiniLMEmbedder()
        self.cache: dict[str, list[float]] = {}

    def embed(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.model.embed(missing), strict=True))
        return [self.cache[t] for t in texts]


def _bank(draft: bool) -> InterviewBank:
    """The shipped bank; with `draft`, the interview files alone (while content is written)."""
    if not draft:
        return load_curriculum().interview
    files = sorted((CONTENT_ROOT / "interview").glob("*.yaml"))
    loaded = [InterviewFile.model_validate(yaml.safe_load(p.read_text())) for p in files]
    return InterviewBank(questions=tuple(q for f in loaded for q in f.questions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=SIMILARITY_THRESHOLD)
    parser.add_argument("--sweep", action="store_true", help="try thresholds 0.45..0.75")
    parser.add_argument("--draft", action="store_true", help="skip the content cross-checks")
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    bank = _bank(args.draft)
    questions = bank.calibrated
    embedder = CachedEmbedder()
    print(f"{len(bank.questions)} questions, {len(questions)} with calibration answers")
    thresholds = [round(0.45 + 0.025 * i, 3) for i in range(13)] if args.sweep else [args.threshold]
    for t in thresholds:
        print(report(measure(Grader(embedder, t), questions, verbose=args.verbose)))


if __name__ == "__main__":
    main()
