"""Turn a chat message (and its thread) into a search query: strip injections, expand follow-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.keywords import content_words

_INJECTION = [
    r"\b(ignore|disregard|forget|override|bypass)\b[^.?!\n]{0,40}?\b(instructions?|rules|prompts?"
    r"|guidelines|directions|context|guardrails)\b",
    r"\b(print|show|reveal|repeat|output|leak|tell me|give me|what is|what's)\b[^.?!\n]{0,30}?"
    r"\b(system|hidden|initial|original|secret)\s+(prompt|instructions|message)s?\b",
    r"\b(hidden|initial)\s+prompt\b|\byour\s+(own\s+)?system\s+prompt\b",
    r"\byou\s+are\s+now\b[^.?!\n]*",
    r"\b(act|behave)\s+as\b[^.?!\n]*",
    r"\bpretend\s+(to\s+be|you\s+are|you'?re)\b[^.?!\n]*",
    r"\byou'?re\s+(not\s+(a|an|my|the)\s+\w+\s+anymore|(a|an)\s+[\w\s-]{0,30}?\s+now)\b",
    r"\[/?INST\]|<</?SYS>>|</?system>|\bdeveloper\s+message\b|\bcontent\s+policy\b|"
    r"\bdebug\s+mode\s+(on|enabled|activated)\b",
    r"\brepeat\s+the\s+(words|text)\s+above\b",
    r"\bDAN\b|\bjailbreak\w*|\bdeveloper\s+mode\b|\bdo\s+anything\s+now\b",
    r"\b(without|no)\s+(any\s+)?(restrictions|rules|filters|limits|censorship)\b",
    r"\b(no|zero|without)\s+(topic|content|safety)\s+(restrictions|rules|filters|limits)\b",
    r"\bforget\s+(that\s+)?(you'?re|you\s+are|your\s+role)\b|\bnever\s+says\s+no\b",
    r"\byou\s+are\s+[\"']?(?-i:[A-Z])\w*[\"']?\s+now\b",  # "you are ChefBot now"
    r"\b(api\s+keys?|passwords?|credentials|secrets?|tokens?)\s+(you|in\s+your)\b[^.?!\n]*",
    # instructions hidden in pasted text, or aimed at what the tutor says next
    r"\b(ignore|disregard)\s+(the\s+|this\s+|that\s+)?(user|learner|question|above|previous)\b",
    r"\b(assistant|system|bot|ai)\s+(instruction|message|override|command)s?\s*:",
    r"\b(reply|respond|answer)\s+(only\s+)?with\s+['\"]",
    r"\bno\s+matter\s+what\s+(i|the\s+user)\b|\bfrom\s+now\s+on,?\s+(you|always|only|reply)\b",
    r"\b(print|repeat|output|show|dump)\s+(everything|all|the\s+text|whatever)\b[^.?!\n]{0,30}"
    r"\b(above|before|earlier)\b",
    r"\b(quote|recite|list|reveal)\b[^.?!\n]{0,40}\b(rules|instructions|guidelines)\b",
    r"\b(developers?|creators?|makers?|admins?|organi[sz]ers?)\s+(told|instructed|allowed|"
    r"authori[sz]ed)\s+(you|me)\b",
    # fake authority and requests to act on the tutor's data or other people
    r"\b(new\s+rule|admin\s+override|override\s+code)\b",
    r"\bas\s+(the|your|an?)\s+(course\s+)?(admin|administrator|developer|organi[sz]er|"
    r"instructor|owner|moderator)\b[^.?!\n]{0,20}\b(i'?m|i\s+am|telling|order|instruct)",
    r"\b(mark|set|record|log)\s+(my|me|their|his|her)\b[^.?!\n]{0,30}\b(passed|complete[d]?|"
    r"done|100\s*%|score|grade)\b",
    r"\b(answer\s+key|quiz\s+answers|correct\s+(options|answers|choices))\b",
    r"\b(api\s+keys?|environment\s+variables?|env\s+vars?|secrets?|tokens?|passwords?)\b"
    r"[^.?!\n]{0,40}\b(print|dump|reveal|show|list|have\s+access)\b",
    r"\b(print|dump|reveal|show|list)\b[^.?!\n]{0,30}\b(api\s+keys?|environment\s+variables?|"
    r"env\s+vars?|secrets?|tokens?|passwords?)\b",
    r"\b(post|announce|broadcast|send|dm|message|ping)\b[^.?!\n]{0,40}\b(@?everyone|@here|"
    r"@channel|every\s+(cohort\s+)?member|all\s+(the\s+)?(learners|members|users|students))\b",
    r"\bpirat\w*|\bcracked\s+(pdf|copy|version)|\b(paid|premium)\s+(lessons?|content|videos?)\b",
    r"\byour\s+(instructions|rules|prompt|hidden\s+context|tool\s+definitions|guidelines)\b",
    r"\bwhat\s+(were|have)\s+you\s+(been\s+)?told\b|\bopposite\s+day\b|\bsudo\s+mode\b",
    r"^\s*(system|admin|developer)\s*:|\bend\s+of\s+(the\s+)?user\s+message\b",
    r"\brun\s+this\s+on\s+your\s+(server|machine)\b|/etc/passwd|\byour\s+\.env\b",
    r"<\s*(script|iframe)\b|\bjavascript\s*:",
    r"\bstart\s+every\s+(single\s+)?(reply|answer|message)\b",
    r"\b(post|announce|send)\b[^.?!\n]{0,30}\bin\s+#[\w-]+|\bmake\s+it\s+look\s+official\b",
    # the same in other languages learners write in
    r"\b(ignoriere|ignora|ignore[sz]?|игнорируй)\b[^.?!\n]{0,40}(anweisungen|instrucciones|"
    r"instruções|instructions|инструкции)",
    r"systemprompt|prompt\s+de\s+sistema|системный\s+промпт|系统提示|システムプロンプト|"
    r"忽略之前|指示はすべて無視",
]
INJECTION = re.compile("|".join(f"(?:{p})" for p in _INJECTION), re.IGNORECASE | re.MULTILINE)
_SPACED = re.compile(r"\b(?:\w ){3,}\w\b")


def _unspaced(message: str) -> str:
    """`i g n o r e  p r e v i o u s` -> `ignore previous` (a way to dodge the patterns)."""
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), re.sub(r" {2,}", "  ", message))


def injected(message: str) -> bool:
    """Whether the message tries to instruct the tutor (in any of the forms above)."""
    return bool(INJECTION.search(message) or INJECTION.search(_unspaced(message)))


_OPENS_FOLLOW_UP = re.compile(
    r"^\s*((what|how)\s+about|and|also|but|so|then|why|what\s+if|same\s+for|ok\s+(so|and|but)"
    r"|what\s+else|anything\s+else|more\s+on|can\s+you\s+(elaborate|expand))\b",
    re.IGNORECASE,
)
_NEW_TOPIC = re.compile(
    r"^.{0,40}?(\b(unrelated|separate|different|another|other|random|new|side)\s+"
    r"(q|qs|question|topic|thing)\b|\bunrelated\b|\boff[-\s]topic\b|"
    r"\b(change|switch(ing)?)\s+(of\s+)?(topics?|subjects?)\b)",
    re.IGNORECASE | re.DOTALL,
)
"""Said before a new question: "unrelated, ...", "different q: ...", "other thing, ..."."""
_PRONOUN = re.compile(r"\b(it|its|that|this|those|these|them|they|there)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SearchQuery:
    """What to search for, derived from the learner's message and thread."""

    original: str
    text: str
    injected: bool
    follow_up: bool

    @property
    def empty(self) -> bool:
        """Whether nothing searchable is left."""
        return not content_words(self.text)


def strip_injection(message: str) -> tuple[str, bool]:
    """Remove instruction-like phrases; return (the rest, whether any were found)."""
    cleaned, count = INJECTION.subn(" ", message)
    if count:  # "ignore the rules and tell me X": what is left starts with "and"
        cleaned = re.sub(r"^[\s,;:.!-]*(and|then|&)?\b", "", cleaned.strip(), flags=re.IGNORECASE)
    else:  # "and the second?" keeps its "and": it marks a follow-up
        count = int(injected(message))
    return re.sub(r"\s+", " ", cleaned).strip(" ,;:"), count > 0


def refers_back(message: str) -> bool:
    """Whether the message has a pronoun that may point into the thread ("detect it")."""
    return bool(_PRONOUN.search(message))


def new_topic(message: str) -> bool:
    """Whether the learner says the message starts a new topic ("separate thing, ...")."""
    return bool(_NEW_TOPIC.search(message))


def follow_up_cue(message: str) -> str | None:
    """`opens` for "and ...", "what about ...", "why?"; `pronoun` for "it", "that"; else None."""
    if _OPENS_FOLLOW_UP.search(message):
        return "opens"
    return "pronoun" if refers_back(message) else None
