"""The written answers built from the course content: one answer per key term."""

from __future__ import annotations

from curriculum.catalog import load_curriculum
from curriculum.catalog.answers import glossary
from curriculum.catalog.lessons import slugify
from knowledge.written import written_answers


def test_a_term_defined_in_several_lessons_is_one_answer_from_the_first_core_module() -> None:
    cur = load_curriculum()
    answers, _ = written_answers(cur)
    terms = [a for a in answers.values() if a.kind == "term"]
    names = [slugify(a.title) for a in terms]
    assert len(names) == len(set(names))
    assert "term:m09#requests-and-limits" in answers
    assert "term:interview#requests-and-limits" not in answers
    assert "term:m17#requests-and-limits" not in answers


def test_a_later_definition_still_finds_the_first_one() -> None:
    cur = load_curriculum()
    _, probes = written_answers(cur)
    later = next(
        t
        for t in glossary(cur.lessons)
        if t.lesson == "interview" and slugify(t.name) == "requests-and-limits"
    )
    keys = {p.key for p in probes if later.definition[:40] in p.text}
    assert keys == {"term:m09#requests-and-limits"}


def test_a_definition_names_the_term_as_the_lesson_writes_it() -> None:
    answers, _ = written_answers(load_curriculum())
    assert answers["term:m08#etl"].text.startswith("*ETL / ELT*: ")
    assert answers["term:m05#workflow"].text.startswith("*Workflow (GitHub Actions)*: ")
