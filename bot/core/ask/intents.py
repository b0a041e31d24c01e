"""What kind of message is this? Small talk, a question about the course itself, or a topic.

Pure functions over the text: questions about the course (weeks, modules, durations, counts,
badges, what's next) are answered from data, never from text search; questions only the
cohort's organisers can answer are routed to them; everything else is searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from curriculum.numbers import ascii_int
from knowledge.keywords import content_words

_FLAGS = re.IGNORECASE
_GREETING = re.compile(
    r"^(hi|hello|hey|heya|hiya|yo|howdy|hallo|hola|sup|what'?s\s+up|good\s+(morning|afternoon|"
    r"evening|day)|gm|greetings)\b[\s,!.:)]*((there|tutor|bot|all|everyone|folks|team)\b)?[\s!.:)]*$",
    _FLAGS,
)
_THANKS = re.compile(
    r"^(thanks|thank\s+you|thx|ty|tysm|cheers|much\s+appreciated|appreciate\s+it|great|awesome|"
    r"cool|nice|perfect|got\s+it|ok(ay)?|that\s+helped|that'?s\s+helpful|makes\s+sense|brilliant)"
    r"\b[\w\s,!.:)']{0,30}$",
    _FLAGS,
)
_WHO = re.compile(
    r"^(who|what)\s+are\s+you\b|^what\s+can\s+you\s+do\b|^are\s+you\s+(a\s+bot|an?\s+ai|human|"
    r"real)\b|^how\s+do\s+(i|you)\s+use\s+(you|this\s+bot|the\s+tutor)\b",
    _FLAGS,
)
_BYE = re.compile(r"^(bye|goodbye|see\s+you|cya|good\s*night|later)\b[\s!.:)]*$", _FLAGS)
_LEADING_THANKS = re.compile(r"^(thanks|thank\s+you|thx|ty|ok(ay)?|cool|great)[\s,!.:-]+", _FLAGS)

_WEEK_N = re.compile(r"\bweek\s*#?\s*(\w{1,3})\b|\b(\d{1,2})(st|nd|rd|th)\s+week\b", _FLAGS)
_WEEK_REL = re.compile(r"\b(this|current|next|last|previous)\s+week('?s)?\b", _FLAGS)
_WEEK_FINAL = re.compile(r"\b(the\s+(last|final)|final)\s+week\b", _FLAGS)
_WHICH_WEEK = re.compile(
    r"\b(which|what)\s+week\b|\bwhen\s+(do|will|does)\s+(we|i|the\s+\w+)\s+"
    r"(learn|cover|do|get\s+to|start)\b",
    _FLAGS,
)
_WEEK_CUE = re.compile(
    r"\b(study\w*|learn\w*|do|doing|cover\w*|read\w*|tasks?|plan\w*|topics?|homework|"
    r"assignments?|deliverables?|focus\w*|schedule\w*|roadmap|course|modules?|lessons?|track|"
    r"curriculum|agenda|syllabus|work(ing)?\s+on|about|happen\w*|due|projects?|quiz\w*)\b",
    _FLAGS,
)
"""A week question asks what to study or do; "rollback deals on tvs this week" does not."""
_SHORT_WEEK = 6
"""Or it is this short: "week 3?", "what's in week 3"."""
_LEVEL = re.compile(r"\b(beginner|intermediate|advanced|expert)\b", _FLAGS)
_LEVEL_ASK = re.compile(
    r"\b(which|what)\s+(modules?|topics?)\b|\bmodules?\s+(are|in)\b.*\blevel\b|\blevels?\b",
    _FLAGS,
)
_MODULE_WORDS = frozenset(
    {"module", "modul", "mod", "lesson", "learn", "taught", "teach", "go", "goe", "over"}
    | {"quick", "short", "brief", "give", "list", "show", "describe", "main", "idea", "key"}
    | {"big", "picture"}
)
"""Words of `give me a quick overview of module 7` that ask about the module as a whole."""
_PROJECT = re.compile(r"\bprojects?\b|\bdeliverables?\b|\bhand\s+in\b", _FLAGS)
_SKIP_TO = re.compile(
    r"\bskip\s+(straight\s+|ahead\s+|directly\s+)?to\b|\bjump\s+(straight\s+)?to\b", _FLAGS
)
_WHAT_NOW = re.compile(
    r"^\W*((hi|hey|hello|ok|okay|so|and|now|then)\W+)*"
    r"what\s+(should|do|shall|must)\s+i\s+(be\s+)?(study|studying|learn|learning|do|doing|"
    r"work(ing)?\s+on|focus(ing)?\s+on|read|reading)\b(?!.*\b(about|with|for|if|when)\b)",
    _FLAGS,
)
_ALONE = (
    r"(?=\s*([?!.,]|$|(with|on|in|into)\s+(the\s+)?(course|mlops|this|here)\b|here\b|"
    r"learning\b|mlops\b))"
)
"""After "how do I start": the course itself, not "how do I start a vegetable garden"."""
_NEXT = re.compile(
    r"\bwhat'?s\s+next\b|\bwhat\s+is\s+next\b|\bwhat\s+(should|do|can)\s+i\s+do\s+next\b|"
    r"\bwhere\s+(do|should|can)\s+i\s+(even\s+)?(start|begin)\b" + _ALONE + r"|\bwhere\s+am\s+i\b|"
    r"\bhow\s+do\s+i\s+(get\s+started|start|begin)\b" + _ALONE + r"|\bnext\s+step\b|"
    r"\bwhat\s+now\b|\bwhere\s+to\s+start\b|\bhow\s+am\s+i\s+doing\b",
    _FLAGS,
)
_SHORT = 12
"""A longer message describes a problem first ("p99 keeps spiking since monday, ... where do I
even start?", "i ran 30 training runs last week and ..."): it is searched, never a course
question about weeks, a module, a level or the next step."""
_MODULE_REF = re.compile(r"\b(?:module|mod)\s*#?\s*(\d{1,2})\b|\bm(\d{1,2})\b", _FLAGS)
_MODULE_ASK = re.compile(
    r"\b(what'?s|what\s+is|what\s+are|what\s+do(es)?|tell\s+me|overview|summar\w*|"
    r"topics?|contents?|covers?|covered|cover\s+in|learn\s+in|about|inside|syllabus)\b",
    _FLAGS,
)
_PREREQ = re.compile(
    r"\bpre-?req\w*|\bbefore\s+(i\s+)?(start|starting|begin|beginning|doing|taking|tackling)\b|"
    r"\b(need|required|have)\s+to\s+(know|do|finish|complete)\s+(first|before)\b|"
    r"\bwhat\s+do\s+i\s+need\s+(before|for)\b|\bready\s+for\b",
    _FLAGS,
)
_DURATION = re.compile(
    r"\bhow\s+(long|many\s+hours|much\s+time|many\s+weeks)\b|\btime\s+commitment\b|"
    r"\bhours\s+(per|a)\s+week\b",
    _FLAGS,
)
_DURATION_SCOPE = re.compile(
    r"\b(course|curriculum|program|programme|track|roadmap|module|level|beginner|intermediate|"
    r"advanced|expert|whole\s+thing|all\s+of\s+it|finish|complete|m\d{1,2})\b|"
    r"\b(it|this)\s+takes?(\s+(me|us))?\s*(?=[?!.,]|$|to\s+(finish|complete|get\s+through)\b)",
    _FLAGS,
)
""""How long does it take?" is the course; "how long does it take to retrain a model" or "...to
get signed as a fashion model" is not."""
_COUNT = re.compile(
    r"\bhow\s+many\s+(modules|questions|quiz(zes)?|quiz\s+questions|levels|weeks|badges|lessons|"
    r"sections|lectures|projects|tracks|topics|units)\b|\bnumber\s+of\s+(modules|levels|weeks|"
    r"badges|quiz\w*|questions)\b",
    _FLAGS,
)
_BADGE = re.compile(r"\bbadges?\b", _FLAGS)
_BADGE_ASK = re.compile(
    r"\b(how|get|earn|unlock|win|achieve|qualify|requirements?|rules?|criteria|need|close|"
    r"progress|what\s+is|what'?s|explain)\b",
    _FLAGS,
)
_EARN = re.compile(
    r"\b(get|got|getting|earn\w*|unlock\w*|win|achieve\w*|qualify|requirements?|rules?|"
    r"criteria|need\s+(for|to\s+do)|close\s+to|progress)\b",
    _FLAGS,
)
"""Without the word "badge", only these make a badge's name a badge question: "what is the
first step in MLOps" or "data engineering vs MLOps" name no badge."""
_ORGANISER = re.compile(
    r"\breimburs\w*|\btuition\b|\bscholarship\w*|"
    r"\bmentor(ing|ship)?\s+(session|call|meeting|slot|hour)s?\b|\boffice\s+hours?\b|"
    r"\blate\s+submission\b|\b(session|lecture|class|zoom|live)\s+recordings?\b|"
    r"\brecordings?\s+of\s+(the\s+)?(session|lecture|class|call|live)\w*|"
    r"\brecorded\s+(session|lecture|class|call)s?\b|\battendance\b|\benrol+(ment|ed|ing)?\b|"
    r"\bwithdraw\w*\b|\bdrop\s+out\b|\bdefer\w*\s+(to|my)\b|\bgraduation\s+(ceremony|date)\b|"
    r"\b(live|zoom|kick-?off|demo\s+day)\s+(session|call|meeting|event)s?\b|"
    r"\bcalendar\s+invites?\b|\bvisa\b|\bcohort\s+(start|end)s?\s+date\b|\bgrad(e|ing)\s+appeal\b|"
    r"\b(switch|mov|transfer)\w*\b[^.?!\n]{0,40}\bcohort\b|"
    r"\bcohort\b[^.?!\n]{0,60}\b(cost|price|pay\w*|fees?)\b",
    _FLAGS,
)
"""Only the cohort's organisers can answer these."""
_ORGANISER_WORD = re.compile(
    r"\bcertificat\w*|\brefund\w*|\binvoice\w*|\breceipt\w*|\bpayments?\b|"
    r"\bpay(ing)?\s+(for|back|again)\b|\bdiscount\w*|\bfees?\b|\bdeadlines?\b|\bextension\b|"
    r"\bdue\s+date\b|\bone[-\s]on[-\s]one\b|\b1[:-]1\b|\bcall\s+recordings?\b",
    _FLAGS,
)
"""Organisers' business too, unless the message is about ML work: an invoice OCR model, paying
for SageMaker, the refunds a support agent issues, kubelet certificates, spot discounts."""
_COURSE_ITSELF = re.compile(
    r"\b(course|cohort|program+e?|bootcamp|capstone|organi[sz]ers?|mentors?|submi(t|ssion)\w*|"
    r"enrol\w*|tutor)\b",
    _FLAGS,
)
_ML_WORK = re.compile(
    r"\d\s*%|\b(models?|ml|mlops|ai|llms?|agents?|data(set)?s?|pipelines?|train\w*|inference|"
    r"serv(e|ing)|deploy\w*|apis?|endpoints?|kubernet\w*|k8s|kubelet|docker|dvc|storage|s3|"
    r"tools?|licen[cs]\w*|clusters?|nodes?|pods?|mlflow|"
    r"sagemaker|vertex|kserve|textract|ocr|fraud|predict\w*|features?|drift|monitor\w*|gpus?|"
    r"cloud|aws|gcp|azure|tls|ssl|latency|instances?|spot|experiments?|metrics?|prompts?|"
    r"bots?|eval\w*|gates?|npv|roi|payback|benefits?|cash\s+flows?|scenarios?|thresholds?|"
    r"churn\w*|retention|platform|team|director|speech|wav|transcri\w*|"
    r"discount(ing|ed)?\s+(rate|future|the|each|yearly|cash|benefits?))\b",
    _FLAGS,
)
TRACK_HINTS = (
    ("roadmap-12w", re.compile(r"\broadmap\b|\b12[-\s]?weeks?\b", _FLAGS)),
    ("course-5w", re.compile(r"\bvideo\s+course\b|\b5[-\s]?weeks?\b|\bcourse-5w\b", _FLAGS)),
    ("curriculum-24", re.compile(r"\b24[-\s]?modules?\b|\bcurriculum-24\b", _FLAGS)),
)


@dataclass(frozen=True)
class CourseQuestion:
    """A question about the course itself, answered from data (never from text search).

    `topic` is one of week, module, prereq, duration, count, badge, next, level.
    """

    topic: str
    week: int | None = None
    relative: str | None = None
    module: int | None = None
    track: str | None = None
    level: str | None = None
    about: str | None = None
    """What a `which week ...?` question looks for; `project` for a module project question."""


def smalltalk(text: str) -> str | None:
    """`greeting`, `thanks`, `who` or `bye` when the whole message is small talk."""
    words = text.strip()
    if len(words) > 80:
        return None
    for name, pattern in (
        ("greeting", _GREETING),
        ("thanks", _THANKS),
        ("who", _WHO),
        ("bye", _BYE),
    ):
        if pattern.search(words):
            return name
    return None


def without_pleasantries(text: str) -> str:
    """`thanks! and how do I ...` -> `and how do I ...`."""
    return _LEADING_THANKS.sub("", text.strip()).strip() or text.strip()


def organiser_question(text: str) -> bool:
    """Whether only the cohort's organisers can answer (certificates, refunds, deadlines ...)."""
    if _ORGANISER.search(text):
        return True
    if not _ORGANISER_WORD.search(text):
        return False
    return bool(_COURSE_ITSELF.search(text)) or not _ML_WORK.search(text)


def _track_hint(text: str) -> str | None:
    return next((track for track, pattern in TRACK_HINTS if pattern.search(text)), None)


def _module_number(text: str) -> int | None:
    match = _MODULE_REF.search(text)
    if not match:
        return None
    return ascii_int(match.group(1) or match.group(2))


def _only_the_module(text: str) -> bool:
    """`what's in module 7?`, `what does m22 cover`: the module is all that is asked about, not
    `what are the dora metrics from m22` (searched)."""
    rest = _PROJECT.sub(" ", _MODULE_ASK.sub(" ", _MODULE_REF.sub(" ", text)))
    return not (content_words(rest) - _MODULE_WORDS)


def _level(text: str) -> str | None:
    match = _LEVEL.search(text)
    return match.group(1).casefold() if match else None


def _names(name: str, lowered: str) -> bool:
    """Whether the text names the badge as words of their own ("data engineering" does not)."""
    return re.search(rf"\b{re.escape(name.casefold())}\b", lowered) is not None


def course_question(text: str, badge_names: tuple[str, ...] = ()) -> CourseQuestion | None:
    """The course question this message asks, if it asks one (checked in a fixed order).

    Args:
        text: The learner's message.
        badge_names: Badge names, so `what do I need for Beginner Master?` counts as a badge
            question without the word "badge".
    """
    if len(text) > 300:
        return None  # long posts describe a problem; they are searched
    track, module, level = _track_hint(text), _module_number(text), _level(text)
    lowered, words = text.casefold(), len(text.split())
    if _COUNT.search(text):
        return CourseQuestion("count", track=track, module=module)
    if _BADGE.search(text) and _BADGE_ASK.search(text):
        return CourseQuestion("badge")
    if _EARN.search(text) and any(_names(name, lowered) for name in badge_names):
        return CourseQuestion("badge")
    if _DURATION.search(text) and _DURATION_SCOPE.search(text):
        return CourseQuestion("duration", module=module, track=track, level=level)
    if module is not None and (_PREREQ.search(text) or _SKIP_TO.search(text)):
        return CourseQuestion("prereq", module=module)
    if _WEEK_FINAL.search(text):
        return CourseQuestion("week", relative="final", track=track)
    if _WHICH_WEEK.search(text):
        return CourseQuestion("week", track=track, about=text)
    week = _WEEK_N.search(text)
    about_weeks = words <= _SHORT_WEEK or (_WEEK_CUE.search(text) and words <= _SHORT)
    if week and about_weeks:
        number = ascii_int(week.group(1) or week.group(2) or "")
        if number is not None:
            return CourseQuestion("week", week=number, track=track)
    relative = _WEEK_REL.search(text)
    if relative and about_weeks:
        return CourseQuestion("week", relative=relative.group(1).casefold(), track=track)
    if (
        module is not None
        and words <= _SHORT
        and _MODULE_ASK.search(text)
        and _only_the_module(text)
    ):
        about = "project" if _PROJECT.search(text) else None
        return CourseQuestion("module", module=module, about=about)
    if level is not None and _LEVEL_ASK.search(text) and words <= _SHORT:
        return CourseQuestion("level", level=level)
    if _NEXT.search(text) and words <= _SHORT:
        return CourseQuestion("next", track=track)
    if _WHAT_NOW.search(text) and words <= 10:
        return CourseQuestion("week", relative="this", track=track)
    return None
