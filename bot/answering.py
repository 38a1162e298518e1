"""The answer engine: text (or a click) in, Reply out. Pure: no Slack, no I/O beyond logging gaps.

A reply is one of: answer (one clear winner), choices ("did you mean", several close candidates),
fallback (nothing good), help, error, or ignore (a channel message the bot should not answer).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from bot import ids, refs
from bot.cards import Card, open_card, open_ref_text
from bot.cards.menus import choices_card, fallback_card, help_card, none_of_these_card
from bot.cards.salary import salary_title
from bot.content import Library
from bot.entities import Entities, EntityIndex
from bot.errors import BotError
from bot.instructions import without_instructions
from bot.matching import AI_CONTEXT_WORDS, SALARY_WORDS, Candidate, Matcher, words_of
from bot.parsing import Query, parse
from bot.refs import Ref, SalaryQuery
from bot.text import clean_question, stem, words

ANSWER_THRESHOLD = 45.0  # a free question is answered at this score or above...
MARGIN = 4.0  # ...when it leads the best answer of another family by this much
SUGGEST_THRESHOLD = 30.0  # below the answer bar but above this: "did you mean"
CHANNEL_THRESHOLD = 62.0  # unasked channel questions need more confidence than mentions
PAIR_BONUS = 15.0  # two roles named: their comparison is very likely what is meant
MAX_CHOICES = 3
GRAMMAR_MAX_WORDS = 4  # a DM this short that starts with a topic word is read as a command
VIAS = ("slash", "mention", "dm", "channel")

gap_log = logging.getLogger("aieng.gaps")
feedback_log = logging.getLogger("aieng.feedback")
_VOTES = {ids.FEEDBACK_UP: "up", ids.FEEDBACK_DOWN: "down"}
_MAKE_PAY = re.compile(r"\b(do|does|did|can|could|would|will)\b.*\bmake\b\s*(in|at|per|a year|annually|$|[?,.!])")
_COMPARE_WORDS = frozenset({"vs", "versus", "compare", "comparison", "difference", "diff", "different", "same"})


@dataclass(frozen=True)
class Scored:
    ref: Ref
    score: float
    label: str
    family: str


@dataclass(frozen=True)
class Reply:
    kind: str
    card: Card | None
    topic_id: str | None = None
    score: float | None = None
    candidates: tuple[Scored, ...] = field(default_factory=tuple)
    query: Query | None = None


class Engine:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.index = EntityIndex(library)
        self.matcher = Matcher(library)
        self.salary_vocabulary = _salary_vocabulary(library)

    def answer(self, text: str, via: str) -> Reply:
        """The reply to a message that arrived by `via` (slash, mention, dm or channel)."""
        if via not in VIAS:
            raise ValueError(f"via must be one of {VIAS}, not {via!r}")
        question = without_instructions(clean_question(text))
        if clean_question(text) and not question:
            return self._fallback("", via)  # nothing but instructions to the bot
        grammar = via == "slash" or len(words(question)) <= GRAMMAR_MAX_WORDS
        query = parse(question, self.index, grammar=grammar)
        if query.command == "help":
            return Reply("help", help_card(self.library), "help", None, query=query)
        ref = self._command_ref(query) if query.command else None
        if ref is not None:
            return self._reply_for(ref, None, (), query)
        return self._decide(query, self.candidates(query), via)

    def click(self, action_id: str, value: str) -> Reply:
        """The reply to a button: the card its value names (OPEN, SHARE, feedback), or a recorded gap."""
        if action_id == ids.NONE_OF_THESE:
            gap_log.info("none of these", extra={"question": value[:300]})
            return Reply("fallback", none_of_these_card(self.library))
        if action_id in (ids.FEEDBACK_UP, ids.FEEDBACK_DOWN):
            feedback_log.info("feedback", extra={"ref": value[:200], "vote": _VOTES[action_id]})
        elif action_id != ids.SHARE and not ids.OPEN_PATTERN.match(action_id):
            raise BotError("That button isn't one I know. Try /aieng help.")
        card = open_ref_text(self.library, value)
        return Reply(card.kind, card, _topic_of(value), None)

    def candidates(self, query: Query) -> list[Scored]:
        """Every plausible answer to a free question, best first."""
        q_terms = self.matcher.query_terms(query.text)
        found = [self._scored_entry(c) for c in self.matcher.rank(q_terms)]
        found += self._pair_candidates(query, found)
        salary = self._salary_candidate(query, q_terms)
        if salary is not None:
            found.append(salary)
        found.sort(key=lambda s: -s.score)
        return found

    # -- commands -------------------------------------------------------------------------------

    def _command_ref(self, query: Query) -> Ref | None:
        e, lib = query.entities, self.library
        command = query.command
        if command == "salary":
            wanted = salary_query(e)
            if wanted.is_empty():
                return self._best_of_kind(query, "salary", ANSWER_THRESHOLD) or refs.salary(wanted)
            return refs.salary(wanted)
        if command == "role":
            role = e.first("role")
            return refs.topic(role) if role else (refs.menu("roles") if not query.words else None)
        if command == "compare":
            return self._compare_ref(e.ids("role"))
        if command == "skills":
            if skill := e.first("skill"):
                return refs.topic(skill)
            role = e.first("role")
            return Ref("rs", (role,)) if role and lib.roles[role].skills else refs.topic("skills-overview")
        if command == "roadmap":
            return self._roadmap_ref(e)
        if command == "hire":
            hire = e.first("hire")
            return refs.topic(hire) if hire else self._best_of_kind(query, "hire") or refs.topic("hiring-overview")
        if command == "levels":
            level = e.first("level")
            return refs.topic(level) if level else refs.menu("levels")
        if command == "learn":
            learn = e.first("learn")
            return refs.topic(learn) if learn else refs.menu("learn")
        default = {"interview": "interview-process", "market": "market-demand"}[command or ""]
        return self._best_of_kind(query, lib.kind_of(default)) or refs.topic(default)

    def _best_of_kind(self, query: Query, kind: str, min_score: float = SUGGEST_THRESHOLD) -> Ref | None:
        if not query.words:
            return None
        ids_of_kind = [t.id for t in self.library.of_kind(kind)]
        ranked = self.matcher.rank(self.matcher.query_terms(query.argument_text), ids_of_kind)
        return refs.topic(ranked[0].topic_id) if ranked and ranked[0].score >= min_score else None

    def _compare_ref(self, roles: list[str]) -> Ref:
        if len(roles) == 1 and roles[0] != "ai-engineer":
            roles = [*roles, "ai-engineer"]
        return Ref("cmp", (roles[0], roles[1])) if len(roles) >= 2 else refs.menu("compare")

    def _roadmap_ref(self, e: Entities) -> Ref:
        if roadmap := e.first("roadmap"):
            return refs.roadmap(roadmap)
        role = e.first("role")
        track = self.library.roles[role].roadmap if role else None
        return refs.roadmap(track) if track else refs.menu("roadmaps")

    # -- free questions -------------------------------------------------------------------------

    def _scored_entry(self, candidate: Candidate) -> Scored:
        entry = self.library.entries[candidate.topic_id]
        return Scored(refs.topic(candidate.topic_id), candidate.score, entry.topic.title, _family(entry.kind))

    def _pair_candidates(self, query: Query, found: list[Scored]) -> list[Scored]:
        roles = query.entities.ids("role")
        if len(roles) < 2:
            return []
        pair = {roles[0], roles[1]}
        for comparison in self.library.comparisons.values():
            if set(comparison.roles) == pair:
                base = next((s.score for s in found if s.ref.parts == (comparison.id,)), 0.0)
                base = base or self.matcher.rank(self.matcher.query_terms(query.text), [comparison.id])[0].score
                return [Scored(refs.topic(comparison.id), base + PAIR_BONUS, comparison.title, "compare")]
        if _COMPARE_WORDS & set(query.words):
            left, right = (self.library.roles[r].title for r in roles[:2])
            return [
                Scored(Ref("cmp", (roles[0], roles[1])), ANSWER_THRESHOLD + PAIR_BONUS, f"{left} vs {right}", "compare")
            ]
        return []

    def _salary_candidate(self, query: Query, q_terms: list[str]) -> Scored | None:
        if not (SALARY_WORDS & set(q_terms) or _MAKE_PAY.search(query.text.lower())):
            return None
        wanted = salary_query(query.entities)
        if wanted.is_empty() and not AI_CONTEXT_WORDS & set(q_terms):
            return None  # pay, but of whom? not of AI engineers, as far as the words say
        named = {stem(query.words[i]) for i in query.entities.covered()}
        score = self.matcher.coverage(q_terms, self.salary_vocabulary | named)
        return Scored(refs.salary(wanted), score, salary_title(self.library, wanted), "salary")

    def _decide(self, query: Query, found: list[Scored], via: str) -> Reply:
        threshold = CHANNEL_THRESHOLD if via == "channel" else ANSWER_THRESHOLD
        best = found[0] if found else None
        rival = next((s for s in found[1:] if s.family != best.family), None) if best else None
        lead = best.score - rival.score if best and rival else float("inf")
        if best and best.score >= threshold and lead >= MARGIN:
            return self._reply_for(best.ref, best.score, tuple(found), query)
        if via == "channel":
            return Reply("ignore", None, None, best.score if best else None, tuple(found), query)
        close = [s for s in found if s.score >= SUGGEST_THRESHOLD][:MAX_CHOICES]
        if len(close) >= 1 and best and best.score >= SUGGEST_THRESHOLD:
            gap_log.info("did you mean", extra={"question": query.text[:300]})
            card = choices_card(self.library, query.text, [(s.label, s.ref) for s in close])
            return Reply("choices", card, None, best.score, tuple(found), query)
        return self._fallback(query.text, via, best.score if best else None, tuple(found), query)

    def _fallback(
        self,
        text: str,
        via: str,
        score: float | None = None,
        found: tuple[Scored, ...] = (),
        query: Query | None = None,
    ) -> Reply:
        if via == "channel":
            return Reply("ignore", None, None, score, found, query)
        gap_log.info("fallback", extra={"question": text[:300]})
        return Reply("fallback", fallback_card(self.library, text), None, score, found, query)

    def _reply_for(self, ref: Ref, score: float | None, found: tuple[Scored, ...], query: Query) -> Reply:
        card = open_card(self.library, ref)
        return Reply(card.kind, card, ref.topic_id, score, found, query)


def salary_query(e: Entities) -> SalaryQuery:
    roles = tuple(r for r in e.ids("role") if r != "ai-engineer")  # plain AI engineer pay is the default
    return SalaryQuery(
        levels=tuple(e.ids("level")),
        locations=tuple(e.ids("location")),
        specializations=tuple(e.ids("specialization")),
        company_types=tuple(e.ids("company_type")),
        roles=roles,
    )


def _salary_vocabulary(library: Library) -> frozenset[str]:
    names: list[str] = []
    for table in (library.locations, library.specializations, library.company_types):
        names += [n for d in table.values() for n in (d.name, *d.aliases)]
    names += [n for lv in library.levels.values() for n in (lv.title, *lv.aliases)]
    names += [f.label for f in library.salary_figures]
    names += (
        "average median typical range base total equity bonus annual yearly hourly normal going "
        "realistic expect offer market worth make".split()
    )
    return words_of(names) | SALARY_WORDS | AI_CONTEXT_WORDS


def _family(kind: str) -> str:
    return {"roadmap-topic": "roadmap"}.get(kind, kind)


def _topic_of(value: str) -> str | None:
    try:
        return refs.parse_ref(value).topic_id
    except ValueError:
        return None
