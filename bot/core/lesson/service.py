"""`/lesson <module> [section]`: the outline, then a section, paged with previous/next buttons."""

from __future__ import annotations

from bot.core.context import Request
from bot.core.lesson import texts
from bot.core.lesson.pages import Chapter, chapters, page_of, paginate
from bot.core.reply import Choice, Choices, Reply, Text
from curriculum.catalog.models import Curriculum, Lesson

PAGE_ACTION = "lesson.page"
WORDS_PER_MINUTE = 200


def find_lesson(cur: Curriculum, given: str) -> Lesson | None:
    """A lesson by id (`m03`, `3`, `interview`) or by its module's title."""
    key = given.strip().casefold()
    if key.isdigit():
        key = f"m{int(key):02d}"
    if key in cur.lessons:
        return cur.lessons[key]
    module = cur.find_module(given)
    return cur.lessons.get(module.id) if module is not None else None


def handle(req: Request) -> list[Reply]:
    """`/lesson`, `/lesson m03`, `/lesson m03 2`, `/lesson m03 key-terms`."""
    cur = req.services.curriculum
    words = req.args.split()
    if not words:
        return [Reply.text(texts.USAGE)]
    lesson = find_lesson(cur, words[0])
    if lesson is None:
        lesson = find_lesson(cur, req.args)
        words = [req.args] if lesson is not None else words
    if lesson is None:
        ids = ", ".join(f"`{i}`" for i in sorted(cur.lessons))
        return [Reply.text(texts.UNKNOWN_MODULE.format(given=req.args[:60], ids=ids))]
    parts = chapters(lesson, texts.INTRO)
    if len(words) == 1:
        return [outline(lesson, parts)]
    given = words[1].casefold()
    index = _chapter_index(parts, given)
    if index is None:
        listing = "\n".join(_outline_lines(lesson, parts))
        return [
            Reply.text(
                texts.UNKNOWN_SECTION.format(
                    title=lesson.title, given=given[:40], outline=listing, id=lesson.id
                )
            )
        ]
    chapter = parts[index]
    return [page_reply(lesson, parts, index, page_of(chapter, given, paginate(chapter.markdown)))]


def _chapter_index(parts: list[Chapter], given: str) -> int | None:
    if given.isdigit():
        number = int(given)
        return number - 1 if 1 <= number <= len(parts) else None
    return next((i for i, c in enumerate(parts) if given in dict(c.anchors)), None)


def _outline_lines(lesson: Lesson, parts: list[Chapter]) -> list[str]:
    return [
        texts.OUTLINE_LINE.format(n=n, title=c.title, id=lesson.id, anchor=c.anchor)
        for n, c in enumerate(parts, start=1)
    ]


def outline(lesson: Lesson, parts: list[Chapter]) -> Reply:
    """The lesson's sections, each with the command that opens it, and a button to start."""
    minutes = max(1, round(lesson.words / WORDS_PER_MINUTE))
    head = texts.OUTLINE_HEAD.format(
        title=lesson.title, id=lesson.id, n=len(parts), minutes=minutes
    )
    lines = [head, *_outline_lines(lesson, parts), texts.OUTLINE_FOOT.format(id=lesson.id)]
    start = Choices(PAGE_ACTION, (Choice(texts.START, f"{lesson.id}:0:0"),))
    return Reply((Text("\n".join(lines)), start))


def page_reply(lesson: Lesson, parts: list[Chapter], index: int, page: int) -> Reply:
    """One page of one chapter, with buttons to the previous and next page."""
    chapter = parts[index]
    pages = paginate(chapter.markdown)
    page = min(max(page, 0), len(pages) - 1)
    of = texts.PAGE_OF.format(page=page + 1, pages=len(pages)) if len(pages) > 1 else ""
    head = texts.PAGE_HEAD.format(
        lesson=lesson.title, section=chapter.title, n=index + 1, total=len(parts), page=of
    )
    foot = texts.PAGE_FOOT.format(id=lesson.module or lesson.id) if lesson.module else ""
    body = "\n\n".join(x for x in (head, pages[page], foot) if x)
    options = []
    if page > 0 or index > 0:
        back = f"{index}:{page - 1}" if page > 0 else f"{index - 1}:-1"
        options.append(Choice(texts.PREVIOUS, f"{lesson.id}:{back}"))
    if page + 1 < len(pages) or index + 1 < len(parts):
        ahead = f"{index}:{page + 1}" if page + 1 < len(pages) else f"{index + 1}:0"
        options.append(Choice(texts.NEXT, f"{lesson.id}:{ahead}"))
    if not options:
        return Reply.text(body)
    return Reply((Text(body), Choices(PAGE_ACTION, tuple(options))))


def page_pressed(req: Request, value: str) -> list[Reply]:
    """A press on Start, Previous or Next: `lesson:chapter:page` (page -1 means the last)."""
    lesson_id, _, rest = value.partition(":")
    chapter, _, page = rest.partition(":")
    lesson = req.services.curriculum.lessons.get(lesson_id)
    if lesson is None or not chapter.isdigit() or not page.lstrip("-").isdigit():
        return [Reply.text(texts.GONE, ephemeral=True)]
    parts = chapters(lesson, texts.INTRO)
    index = int(chapter)
    if not 0 <= index < len(parts):
        return [Reply.text(texts.GONE, ephemeral=True)]
    number = int(page)
    if number < 0:
        number = len(paginate(parts[index].markdown)) - 1
    return [page_reply(lesson, parts, index, number)]
