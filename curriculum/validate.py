"""`python -m curriculum.validate [ROOT]`: load all content and print every error."""

from __future__ import annotations

import sys
from pathlib import Path

from curriculum.catalog import CONTENT_ROOT, ContentErrors, load_curriculum


def main(argv: list[str] | None = None) -> int:
    """Validate the content under ROOT (default: the shipped content); 0 when valid."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else CONTENT_ROOT
    try:
        cur = load_curriculum(root)
    except ContentErrors as exc:
        for error in exc.errors:
            print(error)
        print(f"{len(exc.errors)} error(s) in {root}", file=sys.stderr)
        return 1
    questions = sum(len(b.questions) for b in cur.quizzes.values())
    print(
        f"ok: {len(cur.modules)} modules, {len(cur.lessons)} lessons, {questions} questions, "
        f"{len(cur.tracks)} tracks, {len(cur.badges)} badges, "
        f"{len(cur.declines.offtopic)} off-topic and {len(cur.declines.injection)} injection "
        "declines"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
