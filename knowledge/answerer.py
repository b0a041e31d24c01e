"""The tutor's answerer: a written answer first, a little supporting detail, or a decline.

1. Injection phrases mean a decline; the rest of the message is never searched.
2. The message is matched against every learner phrasing of our written answers and searched
   in the passages (one embedding). With an earlier question in the conversation, the message is
   also searched with it as context (same batch); it counts as a follow-up only when it cannot
   stand alone and the context really improves the match.
3. The reply leads with the written answer (a section's direct answer, a FAQ entry or a key
   term), adds at most two sentences from the passages that cover what the lead does not, and
   cites the sections. Without a written answer it falls back to extractive sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from knowledge import texts
from knowledge.answer import Answer, Citation, RelevancePolicy, decline, nearest_modules
from knowledge.chunking import from_lesson
from knowledge.embeddings import Embedder
from knowledge.extractive import compose_extractive
from knowledge.keywords import content_words
from knowledge.query import (
    INJECTION,
    SearchQuery,
    follow_up_cue,
    new_topic,
    refers_back,
    strip_injection,
)
from knowledge.retrieval import HybridRetriever, KeywordIndex, Passage, Retrieval
from knowledge.spelling import root, roots_of
from knowledge.written import (
    DECLINE_KEYS,
    ProbeIndex,
    ProbeMatch,
    Written,
    WrittenAnswers,
    answer_sentences,
    said_sentences,
)

TOP_PASSAGES = 4
SEARCH_PASSAGES = 8
"""Passages searched: the best `TOP_PASSAGES` are shown as sources, all of them vote on the lead."""
DETAIL_PASSAGES = 3
NEAR_WRITTEN = 2
"""Other written answers the question came close to whose details may support the lead."""
CONTEXT_CHARS = 300
THREAD_TOLD = 0.8
"""A follow-up's detail is skipped when this share of its words is in the thread's answers."""
DEFINITION = re.compile(
    r"^\W*(what\s+is|what's|whats|wat\s+is|what\s+are|what\s+does\s+.+\s+mean|define"
    r"|definition\s+of|meaning\s+of)\b",
    re.IGNORECASE,
)
"""A question asking what a term means: the key-term definition leads when it is close."""
COMPARISON = re.compile(r"\b(vs|versus|difference|differ|compared?)\b", re.IGNORECASE)
"""`what is X vs Y`: a comparison, which one term's definition answers only half of."""


@dataclass(frozen=True)
class ConversationPolicy:
    """When a message is a follow-up (calibrated on the development part of the eval set and on
    conversations written outside the repository).

    A message whose own best match reaches `standalone` (`opens_standalone` when it opens like
    a follow-up: "and ...", "what about ...", "why?") is a new question. Otherwise it is a
    follow-up when searching it with the previous question matches at least as well plus
    `margin` (`pronoun_margin` with a pronoun, `opens_margin` when it opens like a follow-up):
    the previous question's words dilute the combined search, so a tie already means the
    context helps ("is saving just the weights enough?" after a checkpointing question).
    """

    standalone: float = 0.80
    opens_standalone: float = 0.85
    margin: float = 0.0
    pronoun_margin: float = 0.0
    opens_margin: float = 0.0
    known_share: float = 0.5
    blend: float = 0.3
    """A follow-up's written matches (found with the previous question) are re-scored as
    (1 - blend) x that match + blend x how close the message alone comes to the same answer."""
    min_alone: float = 0.35
    """A message with no follow-up cue that matches nothing on its own stands alone (and is
    declined): context never turns an off-topic message into a course question."""

    def margin_for(self, cue: str | None) -> float:
        """How much the previous question must improve the match for this kind of message."""
        if cue == "opens":
            return self.opens_margin
        return self.pronoun_margin if cue == "pronoun" else self.margin


def _opening(answer: Written) -> str:
    """A written answer's first sentence, which any reply that gave it contains."""
    return next(iter(answer_sentences(answer)), answer.text)


def section_key(passage: Passage) -> tuple[str, str] | None:
    """(lesson id, anchor) of a passage from a lesson; None for catalog pages and seeds."""
    chunk = passage.chunk
    if not from_lesson(chunk.source):
        return None
    lesson = chunk.module or chunk.source.rsplit("/", 1)[-1].removesuffix(".md")
    return lesson, chunk.anchor


class ExtractiveAnswerer:
    """Answers from what we wrote and what the lessons say; never from anything else."""

    def __init__(
        self,
        retriever: HybridRetriever,
        embedder: Embedder,
        policy: RelevancePolicy | None = None,
        written: WrittenAnswers | None = None,
        conversation: ConversationPolicy | None = None,
        sentences: ProbeIndex | None = None,
    ) -> None:
        self.retriever = retriever
        self._embedder = embedder
        self.policy = policy or RelevancePolicy()
        self.written = written
        self.conversation = conversation or ConversationPolicy()
        self.sentences = sentences
        self._ours: tuple[KeywordIndex, set[str]] | None = None

    @property
    def _has_written(self) -> bool:
        return self.written is not None and bool(self.written.answers)

    def _search(self, text: str, vector: list[float], module: str | None, k: int) -> Retrieval:
        found = self.retriever.retrieve(text, k=k, module=module, vector=vector)
        if self.written is not None and module is None:
            found.matches.extend(self.written.match(vector))
        return found

    def _known_share(self, text: str) -> float:
        words = content_words(text)
        if not words:
            return 0.0
        return len(words & self.retriever.keywords.vocabulary) / len(words)

    def warm(self) -> None:
        """Gather the course's vocabulary now (the first question would otherwise wait ~0.1 s)."""
        self._foreign("")

    def _foreign(self, text: str) -> list[str]:
        """The message's common English words that the course never uses: not in any passage,
        written answer, or way learners ask for one."""
        keywords = self.retriever.keywords
        if self._ours is None or self._ours[0] is not keywords:
            texts: list[str] = []
            if self.written is not None:
                texts += [w.text for w in self.written.answers.values()]
                texts += [d for w in self.written.answers.values() for d in w.details]
                texts += [p.text for p in self.written.probes if p.key not in DECLINE_KEYS]
            self._ours = (keywords, roots_of(texts) | {root(t) for t in keywords.vocabulary})
        return keywords.speller.foreign(text, self._ours[1])

    def _stands_alone(self, text: str, alone: Retrieval) -> bool:
        cue = follow_up_cue(text)
        if new_topic(text):
            return True  # "unrelated, but ...": the learner says so
        if not refers_back(text) and self._known_share(text) < self.conversation.known_share:
            return True  # mostly words the course never uses ("and lasagna?"): a new topic
        if not cue and alone.confidence < self.conversation.min_alone:
            return True
        bar = self.conversation.opens_standalone if cue == "opens" else self.conversation.standalone
        return alone.confidence >= bar

    def retrieve(
        self,
        question: str,
        history: Sequence[str] = (),
        module: str | None = None,
        k: int = SEARCH_PASSAGES,
    ) -> tuple[SearchQuery, Retrieval, Answer | None]:
        """Search for the question; the third item is a decline when the material falls short.

        Args:
            question: The learner's message.
            history: The learner's earlier questions in this conversation, oldest first.
            module: Restrict the search to one module.
            k: How many passages to keep.
        """
        text, injected = strip_injection(question)
        speller = self.retriever.keywords.speller
        text = speller.correct(text)
        previous = speller.correct(history[-1][:CONTEXT_CHARS]) if history else ""
        bare = not content_words(text)
        if injected or (bare and not (previous and follow_up_cue(text))):
            message = texts.DECLINE_INJECTION if injected else texts.DECLINE_EMPTY
            empty = Retrieval(text, [], 0.0, 0.0)
            return (
                SearchQuery(question, text, injected, False),
                empty,
                decline(message, [], hint=False),
            )
        if bare:  # "why?" after an answer: only the conversation gives it a meaning
            combined = f"{previous} {text}"
            found = self._search(combined, self._embedder.embed([combined])[0], module, k)
            return self._judge(SearchQuery(question, combined, False, True), found)
        if not previous:
            found = self._search(text, self._embedder.embed([text])[0], module, k)
            return self._judge(SearchQuery(question, text, False, False), found)
        combined = f"{previous} {text}"
        v_alone, v_context = self._embedder.embed([text, combined])
        alone = self._search(text, v_alone, module, k)
        if self._stands_alone(text, alone):
            return self._judge(SearchQuery(question, text, False, False), alone)
        context = self._search(combined, v_context, module, k)
        margin = self.conversation.margin_for(follow_up_cue(text))
        if context.confidence >= alone.confidence + margin:
            context = replace(
                context, matches=self._blended(context.matches, v_alone), own_vector=v_alone
            )
            return self._judge(SearchQuery(question, combined, False, True), context)
        return self._judge(SearchQuery(question, text, False, False), alone)

    def _blended(self, matches: list[ProbeMatch], own: list[float]) -> list[ProbeMatch]:
        """A follow-up's matches, found with the previous question, re-scored with how close the
        message on its own comes to each: "what tools do people use" after a question on data
        validation wants validation's tools, not validation's why."""
        weight = self.conversation.blend
        if self.written is None or not weight or not matches:
            return matches
        scored = self.written.index.scored(own, [m.key for m in matches])
        alone: dict[str, float] = {}
        for match in scored:  # best first: each answer's closest phrasing
            alone.setdefault(match.key, match.score)
        blended = [
            replace(m, score=(1 - weight) * m.score + weight * alone.get(m.key, 0.0))
            for m in matches
        ]
        return sorted(blended, key=lambda m: -m.score)

    def _judge(
        self, query: SearchQuery, found: Retrieval
    ) -> tuple[SearchQuery, Retrieval, Answer | None]:
        best = found.matches[0].score if found.matches else 0.0
        exemplar = self._declined_like(query, found, best)
        if exemplar is not None:
            injection = exemplar.key == DECLINE_KEYS[1]
            message = texts.DECLINE_INJECTION if injection else texts.DECLINE_OFF_TOPIC
            return query, found, decline(message, [], hint=False)
        written_ok = best >= self.policy.written_similarity
        near_written = best >= self.policy.answer_similarity or not self._has_written
        foreign = self._foreign(query.original) if self._has_written else []
        ours = not foreign or (
            best >= self.policy.foreign_written
            and found.max_similarity >= self.policy.foreign_passage
        )
        passages_ok = (
            self.policy.supports(found)
            and near_written
            and (query.follow_up or self._known_share(query.text) >= self.conversation.known_share)
        )
        if written_ok or (ours and (passages_ok or self._agrees(found))):
            return query, found, None
        # "continental drift": naming the drift module would only confuse
        hint = found.max_similarity >= self.policy.min_similarity and not foreign
        return (
            query,
            found,
            decline(texts.DECLINE_OFF_TOPIC, found.passages[:TOP_PASSAGES], hint=hint),
        )

    def _agrees(self, found: Retrieval) -> bool:
        """Whether the closest written answer's section is also the best passage's: two
        independent searches (phrasings by meaning, lessons by keywords and meaning) agree."""
        if self.written is None or not found.matches or not found.passages:
            return False
        best, passage = found.matches[0], found.passages[0]
        written = self.written.answers.get(best.key)
        top = section_key(passage)
        return (
            written is not None
            and top is not None
            and best.score >= self.policy.agree_similarity
            and passage.bm25 >= self.policy.min_bm25
            and written.refs[:1] == (f"{top[0]}#{top[1]}",)
        )

    def _declined_like(
        self, query: SearchQuery, found: Retrieval, best: float
    ) -> ProbeMatch | None:
        """The decline exemplar a new question resembles more than anything in the course."""
        if self.written is None or query.follow_up or not found.query_vector:
            return None
        exemplar = self.written.closest_decline(found.query_vector)
        if exemplar is None or exemplar.score < self.policy.decline_similarity:
            return None
        return exemplar if exemplar.score >= best + self.policy.decline_margin else None

    def answer(
        self,
        question: str,
        history: Sequence[str] = (),
        module: str | None = None,
        said: Sequence[str] = (),
    ) -> Answer:
        """A short grounded answer with citations, or a polite decline; `said` holds the
        thread's earlier answers, which a follow-up's answer does not repeat."""
        query, retrieval, declined = self.retrieve(question, history, module)
        return declined or self.compose(query, retrieval, said)

    def _lead(self, retrieval: Retrieval, question: str = "") -> Written | None:
        """The written answer to lead with; `question` is the learner's own words (a new
        question's, not a follow-up's) for telling a definition question."""
        if self.written is None:
            return None
        matches = retrieval.matches
        if matches and matches[0].score >= self.policy.written_similarity:
            return self.written.answers[self._best_supported(retrieval, question).key]
        sections = [key for p in retrieval.passages[:TOP_PASSAGES] if (key := section_key(p))]
        close = {m.key for m in matches if m.score >= self.policy.lead_similarity}
        for lesson, anchor in sections:
            found = self.written.for_section(lesson, anchor)
            if found is not None and found.key in close:
                return found
        for lesson, anchor in sections[:1]:
            return self.written.for_section(lesson, anchor)
        return None

    def _best_supported(self, retrieval: Retrieval, question: str = "") -> ProbeMatch:
        """Among the written answers about as close as the best match, the one whose section
        the passage search found too (`RelevancePolicy.support_weight`)."""
        assert self.written is not None
        answers = self.written.answers
        support: dict[tuple[str, str], float] = {}
        for passage in retrieval.passages:
            key = section_key(passage)
            if key is not None and passage.similarity is not None:
                support[key] = max(support.get(key, 0.0), passage.similarity)

        def supported(match: ProbeMatch) -> float:
            written = answers.get(match.key)
            if written is None or not written.refs:
                return match.score
            lesson, _, anchor = written.refs[0].partition("#")
            return match.score + self.policy.support_weight * support.get((lesson, anchor), 0.0)

        top = retrieval.matches[0].score
        near = [m for m in retrieval.matches if m.score >= top - self.policy.lead_gap]
        terms = [m for m in near if m.key in answers and answers[m.key].kind == "term"]
        if terms and DEFINITION.match(question) and not COMPARISON.search(question):
            return terms[0]  # "what is X": the definition, not a section that mentions X
        return max(near, key=supported)

    def compose(self, query: SearchQuery, retrieval: Retrieval, said: Sequence[str] = ()) -> Answer:
        """The chat answer: the written answer, then details from the passages, with citations.

        A follow-up ("and rolling back?") is searched with the previous question, so the answer
        that question got is often still the closest: it is not given twice in full (only its
        sentences closest to the follow-up lead), and no detail the thread already got is
        offered again.
        """
        thread = " ".join(said) if query.follow_up else ""
        passages = retrieval.passages[:TOP_PASSAGES]
        lead = self._lead(retrieval, "" if query.follow_up else query.original)
        if lead is None:
            return compose_extractive(query, retrieval, self._embedder)
        lead = self._focus(lead, retrieval)
        if thread and _opening(lead) in thread:  # told already: only what fits the follow-up
            lead = self._narrowed(lead, retrieval.own_vector)
        details = self._details(query, retrieval, lead, thread)
        lines = [lead.text]
        lines += [f"• {sentence}" for sentence, _ in details]
        citations = [self._cite(ref) for ref in lead.refs]
        citations += [citation for _, citation in details]
        cited = list(dict.fromkeys(c for c in citations if c is not None))
        cited += self._further_reading(retrieval, cited)
        return Answer(
            text="\n".join(lines),
            citations=tuple(cited),
            declined=False,
            nearest_modules=nearest_modules(passages),
            passage_ids=tuple(p.id for p in passages),
            kind=lead.kind,
            follow_up=query.follow_up,
            key=lead.key,
            search_text=query.text,
        )

    def _focus(self, lead: Written, retrieval: Retrieval) -> Written:
        """A lesson's key-terms answer defines several terms, one per sentence: lead with the
        sentences (of its text and details) that come closest to the question, in their order."""
        if lead.kind != "section" or not lead.refs or not lead.refs[0].endswith("#key-terms"):
            return lead
        return self._narrowed(lead, retrieval.query_vector)

    def _narrowed(self, lead: Written, vector: list[float]) -> Written:
        """The lead cut to its sentences and details closest to `vector` (at most
        `policy.focus_sentences`, within `policy.focus_gap` of the closest), in their order."""
        if self.sentences is None or not vector:
            return lead
        said = said_sentences(lead)
        scored = [m for m in self.sentences.scored(vector, [lead.key]) if m.probe in said]
        if not scored:
            return lead
        bar = scored[0].score - self.policy.focus_gap
        keep = {m.probe for m in scored[: self.policy.focus_sentences] if m.score >= bar}
        return replace(lead, text=" ".join(s for s in said if s in keep), details=())

    def _further_reading(self, retrieval: Retrieval, cited: list[Citation]) -> list[Citation]:
        """The next closest sections, topping the citations up to `policy.reading`."""
        assert self.written is not None
        candidates: list[tuple[float, Citation]] = []
        for match in retrieval.matches:
            written = self.written.answers.get(match.key)
            if not written or not written.refs or match.score < self.policy.reading_similarity:
                continue
            if (citation := self._cite(written.refs[0])) is not None:
                candidates.append((match.score, citation))
        for passage in retrieval.passages[:TOP_PASSAGES]:
            similarity = passage.similarity or 0.0
            if section_key(passage) is not None and similarity >= self.policy.reading_passage:
                candidates.append((similarity, Citation.of(passage.chunk)))
        seen = {c.lesson_ref for c in cited}
        more: list[Citation] = []
        for _, citation in sorted(candidates, key=lambda c: -c[0]):
            if len(cited) + len(more) >= self.policy.reading:
                break
            if citation.lesson_ref not in seen:
                seen.add(citation.lesson_ref)
                more.append(citation)
        return more

    def _cite(self, ref: str) -> Citation | None:
        assert self.written is not None
        lesson_id, _, anchor = ref.partition("#")
        lesson = self.written.curriculum.lessons.get(lesson_id)
        return Citation.of_section(lesson, anchor) if lesson else None

    def _details(
        self, query: SearchQuery, retrieval: Retrieval, lead: Written, thread: str = ""
    ) -> list[tuple[str, Citation | None]]:
        """Up to `policy.details` sentences closest to the question that the lead does not say.

        Candidates are the details of the lead, the sentences and details of the other written
        answers the question came close to, and the sentences of the best passages; one that
        repeats the lead or a picked detail in other words is skipped. Their vectors were
        computed at ingest, so this costs no embedding.
        """
        if self.sentences is None or self.written is None or not retrieval.query_vector:
            return []
        passages = {p.id: p for p in retrieval.passages[:DETAIL_PASSAGES]}
        near = [
            m.key
            for m in retrieval.matches
            if m.key != lead.key and m.score >= self.policy.lead_similarity
        ]
        sources = [lead.key, *dict.fromkeys(near[:NEAR_WRITTEN]), *passages]
        said = content_words(lead.text)
        told = content_words(thread) if thread else set()
        picked: list[tuple[str, Citation | None]] = []
        seen: list[set[str]] = []
        scored = self.sentences.scored(retrieval.query_vector, sources)
        lead_sentences = set(answer_sentences(lead))
        rows = [m.row for m in scored if m.key == lead.key and m.probe in lead_sentences]
        for match in scored:
            if match.score < self.policy.detail_similarity or len(picked) >= self.policy.details:
                break
            words = content_words(match.probe)
            if INJECTION.search(match.probe) or len(words - said) < 0.5 * len(words):
                continue  # the lead already says it
            if len(words & told) >= THREAD_TOLD * len(words):
                continue  # an earlier answer in the thread said it
            if any(len(words & other) > 0.6 * len(words) for other in seen):
                continue
            if self.sentences.overlap(match.row, rows) >= self.policy.detail_overlap:
                continue  # says again what the lead or a picked detail says
            passage = passages.get(match.key)
            written = self.written.answers.get(match.key)
            citation: Citation | None = None
            if passage is not None:
                citation = Citation.of(passage.chunk)
            elif written is not None and written.refs:
                citation = self._cite(written.refs[0])
            picked.append((match.probe, citation))
            seen.append(words)
            rows.append(match.row)
        return picked
