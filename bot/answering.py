"""The answer engine: text (or a click) in, Reply out. Pure: no Slack, no I/O beyond logging gaps.

A reply is one of: answer (one clear winner), choices ("did you mean", several close candidates),
fallback (nothing good), help, error, or ignore (a channel message the bot should not answer).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from bot import ids, refs
from bot.cards import Card, open_card, open_ref_text
from bot.cards.menus import choices_card, fallback_card, help_card, none_of_these_card
from bot.cards.salary import salary_title, select_figures
from bot.content import Library
from bot.entities import Entities, EntityIndex, Found
from bot.errors import BotError
from bot.instructions import without_instructions
from bot.matching import AI_CONTEXT_WORDS, SALARY_WORDS, Candidate, Matcher, Terms, words_of
from bot.models import Comparison, Roadmap, Role, Topic
from bot.parsing import Query, parse
from bot.refs import Ref, SalaryQuery
from bot.text import clean_question, stem, terms, words

ANSWER_THRESHOLD = 45.0  # a free question is answered at this score or above...
MARGIN = 4.0  # ...when it leads the best answer of another family by this much
SUGGEST_THRESHOLD = 30.0  # below the answer bar but above this: "did you mean"
CHANNEL_THRESHOLD = 62.0  # unasked channel questions need more confidence than mentions
PAIR_BONUS = 15.0  # two roles named: their comparison is very likely what is meant
ENTITY_BONUS = 10.0  # the question names an entry by one of its names ("mlops", "vector db")
ENTRY_KINDS = frozenset({"role", "roadmap", "hire", "skill", "learn"})
OVERVIEW_MIN_NAMED = 3  # naming this many levels or roles asks about them together
SALARY_KINDS = frozenset({"level", "location", "specialization", "company_type", "role"})
SUBJECT_ROLE = "ai-engineer"  # named in most questions, so naming it is no evidence of topic
MAX_CHOICES = 3
GRAMMAR_MAX_WORDS = 4  # a DM this short that starts with a topic word is read as a command
VIAS = ("slash", "mention", "dm", "channel")

gap_log = logging.getLogger("aieng.gaps")
GAP_QUESTION_CHARS = 300
feedback_log = logging.getLogger("aieng.feedback")
_VOTES = {ids.FEEDBACK_UP: "up", ids.FEEDBACK_DOWN: "down"}
# "what do seniors make in SF?", "what engineers make?", "make $500k a year": "make" that ends a clause or
# names a place, a period or a sum is about money ("make the move", "make it to prod" are not).
_MAKE_PAY = re.compile(r"\bmak(e|es|ing)\s*($|[?,.!]|in\b|at\b|per\b|a year|annually|over\b|[$£€₹]|\d)")
_MONEY = re.compile(r"[$£€₹]\s?\d|\b\d+\s?k\b|\b\d{2,3},\d{3}\b", re.IGNORECASE)
# "how much do seniors pull in", "how much can I make": a verb after "how much" asks about money
# ("how much math", "how much time" name something else).
_HOW_MUCH_PAY = re.compile(r"\bhow much (do|does|did|can|could|would|will|should|is|are|money)\b")
_DEFINITION = re.compile(r"^\s*(what|whats|what's)\s+(is|are)?\s*(a|an|the)?\s*", re.IGNORECASE)
_COMPARE_WORDS = frozenset(
    stem(w) for w in "vs versus compare comparison difference diff different differ same distinguish".split()
)
_HELP_WORDS = frozenset(stem(w) for w in "help command commands topic topics usage bot".split())


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
        self._shown_words = lru_cache(maxsize=1024)(self._shown_words_uncached)
        self._all_ids = frozenset(library.entries)
        self._unpaid_ids = frozenset(i for i, e in library.entries.items() if e.kind != "salary")

    def answer(self, text: str, via: str) -> Reply:
        """The reply to a message that arrived by `via` (slash, mention, dm or channel)."""
        if via not in VIAS:
            raise ValueError(f"via must be one of {VIAS}, not {via!r}")
        cleaned = clean_question(text)
        question = without_instructions(cleaned)
        if cleaned and not question:
            return self._fallback("", via)  # nothing but instructions to the bot
        grammar = via == "slash" or len(words(question)) <= GRAMMAR_MAX_WORDS
        query = parse(question, self.index, grammar=grammar)
        if query.command == "help" or asks_for_help(question):
            return Reply("help", help_card(self.library), "help", None, query=query)
        ref = self._command_ref(query) if query.command else None
        if ref is not None:
            return self._reply_for(ref, None, (), query)
        return self._decide(query, self.candidates(query), via)

    def click(self, action_id: str, value: str) -> Reply:
        """The reply to a button: the card its value names (OPEN, SHARE, feedback), or a recorded gap."""
        if action_id == ids.NONE_OF_THESE:
            record_gap("none of these", value)
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
        pay = asks_about_pay(query.text, q_terms)
        about_pay = pay and self._about_ai_engineers(query, q_terms)
        allowed = self._all_ids if about_pay else self._unpaid_ids  # pay entries answer pay questions only
        bonus = {k: v for k, v in self._entity_bonuses(query).items() if k in allowed}
        ranked = self.matcher.rank(q_terms, allowed)
        ranked += self.matcher.rank(q_terms, set(bonus) - {c.topic_id for c in ranked})
        found = [self._scored_entry(c, bonus.get(c.topic_id, 0.0)) for c in ranked]
        found += self._pair_candidates(query, found)
        if about_pay:
            found.append(self._salary_candidate(query, q_terms))
        return _best_per_ref(found)

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
            return self._compare_ref(self._roles_named(query))
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
            level = e.first("level") or ("career-ladder" if "career-ladder" in lib.entries else None)
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

    def _roles_named(self, query: Query) -> list[str]:
        """Roles in a command's words, reading a bare "ml" or "ai" as that kind of engineer."""
        found = list(query.entities.found)
        covered = query.entities.covered()
        for i, word in enumerate(query.words):
            role = None if i in covered else self.index.engineer_role(word)
            if role:
                found.append(Found("role", role, i, 1, True))
        found.sort(key=lambda f: f.start)
        return list(dict.fromkeys(f.id for f in found if f.kind == "role"))

    def _compare_ref(self, roles: list[str]) -> Ref:
        if len(roles) == 1 and roles[0] != "ai-engineer":
            roles = [*roles, "ai-engineer"]
        return self._comparison_ref(roles[0], roles[1]) if len(roles) >= 2 else refs.menu("compare")

    def _roadmap_ref(self, e: Entities) -> Ref:
        if roadmap := e.first("roadmap"):
            return refs.roadmap(roadmap)
        role = e.first("role")
        track = self.library.roles[role].roadmap if role else None
        return refs.roadmap(track) if track else refs.menu("roadmaps")

    # -- free questions -------------------------------------------------------------------------

    def _entity_bonuses(self, query: Query) -> dict[str, float]:
        """Entries the question names by one of their names; a name shared by several entries
        ("backend": a role and a roadmap) is weaker evidence for each, so they share the bonus."""
        entities = query.entities
        spans: dict[tuple[int, int], list[str]] = {}
        for f in entities.found:
            spans.setdefault((f.start, f.length), []).append(f.id)
        bonus: dict[str, float] = {}
        for ids_here in spans.values():
            entries = [i for i in ids_here if i in self.library.entries and self.library.kind_of(i) != "salary"]
            for ident in entries:
                if ident != SUBJECT_ROLE and self._names_entry(ident, entities):
                    bonus[ident] = max(bonus.get(ident, 0.0), ENTITY_BONUS / len(entries))
        for ident in self._overviews_of(entities):
            bonus[ident] = max(bonus.get(ident, 0.0), ENTITY_BONUS)
        defined = _defined_position(query.text)
        for f in entities.found:
            if f.start == defined and f.id in bonus:
                bonus[f.id] += ENTITY_BONUS  # "what is rag ...": the thing being defined is the subject
        return bonus

    def _overviews_of(self, entities: Entities) -> list[str]:
        """Entries that link to every one of several levels (or roles) a question names: asked about
        "junior, senior, staff", the ladder answers better than any one level."""
        found = []
        for kind in ("level", "role"):
            named = set(entities.ids(kind)) - {SUBJECT_ROLE}
            if len(named) >= OVERVIEW_MIN_NAMED:
                found += [i for i, e in self.library.entries.items() if named <= _links(e.topic)]
        return found

    def _names_entry(self, ident: str, entities: Entities) -> bool:
        return any(f.id == ident and f.kind in ENTRY_KINDS for f in entities.found)

    def _scored_entry(self, candidate: Candidate, bonus: float = 0.0) -> Scored:
        entry = self.library.entries[candidate.topic_id]
        tid = candidate.topic_id
        ref = refs.roadmap(tid) if tid in self.library.roadmaps else refs.topic(tid)
        return Scored(ref, candidate.score + bonus, entry.topic.title, _family(entry.kind))

    def _pair_candidates(self, query: Query, found: list[Scored]) -> list[Scored]:
        """Two roles and a comparing word ("vs", "different", "same"): the comparison leads."""
        roles = query.entities.ids("role")
        if len(roles) < 2 or not _weighs_roles(query):
            return []
        left, right = roles[0], roles[1]
        best = max((s.score for s in found), default=ANSWER_THRESHOLD)
        ref = self._comparison_ref(left, right)
        label = f"{self.library.roles[left].title} vs {self.library.roles[right].title}"
        return [Scored(ref, max(best, ANSWER_THRESHOLD) + PAIR_BONUS, label, "compare")]

    def _comparison_ref(self, left: str, right: str) -> Ref:
        for comparison in self.library.comparisons.values():
            if set(comparison.roles) == {left, right}:
                return refs.topic(comparison.id)
        return Ref("cmp", (left, right))

    def _about_ai_engineers(self, query: Query, q_terms: Terms) -> bool:
        """Does the question say whose pay it asks about, and is that an AI engineer of some kind?"""
        e = query.entities
        named = e.ids("level") or e.ids("role") or e.ids("specialization")
        return bool(named) or bool(AI_CONTEXT_WORDS & q_terms.words)  # "corporate" or "London" alone: no

    def _shown_words_uncached(self, wanted: SalaryQuery) -> frozenset[str]:
        return words_of(f"{f.label} {f.value}" for f in select_figures(self.library, wanted))

    def _salary_candidate(self, query: Query, q_terms: Terms) -> Scored:
        """The salary table for what the question names, scored on the words it would show."""
        wanted = salary_query(query.entities)
        named = {
            stem(query.words[f.start + i])
            for f in query.entities.found
            if f.kind in SALARY_KINDS
            for i in range(f.length)
        }
        shown = self._shown_words(wanted)
        score = self.matcher.coverage(q_terms, self.salary_vocabulary | named | shown)
        bonus = 0.0 if wanted.is_empty() else ENTITY_BONUS  # a table cut to exactly what was named
        return Scored(refs.salary(wanted), score + bonus, salary_title(self.library, wanted), "salary")

    def _decide(self, query: Query, found: list[Scored], via: str) -> Reply:
        threshold = CHANNEL_THRESHOLD if via == "channel" else ANSWER_THRESHOLD
        best = found[0] if found else None
        rival = next((s for s in found[1:] if not self._allied(best, s)), None) if best else None
        lead = best.score - rival.score if best and rival else float("inf")
        if best and best.score >= threshold and lead >= MARGIN:
            return self._reply_for(best.ref, best.score, tuple(found), query)
        if via == "channel":
            return Reply("ignore", None, None, best.score if best else None, tuple(found), query)
        close = [s for s in found if s.score >= SUGGEST_THRESHOLD][:MAX_CHOICES]
        if len(close) >= 1 and best and best.score >= SUGGEST_THRESHOLD:
            record_gap("did you mean", query.text)
            card = choices_card(self.library, query.text, [(s.label, s.ref) for s in close])
            return Reply("choices", card, None, best.score, tuple(found), query)
        return self._fallback(query.text, via, best.score if best else None, tuple(found), query)

    def _phase_named(self, ref: Ref, query: Query) -> Ref:
        """A roadmap answer to a question that names one of its phases opens that phase."""
        roadmap_id = ref.parts[0] if ref.kind in ("t", "r") and len(ref.parts) == 1 else None
        roadmap = self.library.roadmaps.get(roadmap_id or "")
        if roadmap is None:
            return ref
        asked = frozenset(stem(w) for w in query.words)
        if asked & _COMPARE_WORDS:
            return ref  # "senior-level vs beginner" weighs phases against each other: show them all
        index = _phase_index(roadmap, asked)
        return refs.roadmap(roadmap.id, index) if index is not None else ref

    def _allied(self, best: Scored, other: Scored) -> bool:
        """Not a rival: the same family of answer, or an entry the best answer links to (its card has a
        button to it), such as a role and its own roadmap."""
        if best.family == other.family:
            return True
        a, b = (self.library.entries.get(s.ref.parts[0]) if s.ref.kind in ("t", "r") else None for s in (best, other))
        if a is None or b is None:
            return False
        return b.topic.id in _links(a.topic) or a.topic.id in _links(b.topic)

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
        record_gap("fallback", text)
        return Reply("fallback", fallback_card(self.library, text), None, score, found, query)

    def _reply_for(self, ref: Ref, score: float | None, found: tuple[Scored, ...], query: Query) -> Reply:
        ref = self._phase_named(ref, query)
        card = open_card(self.library, ref)
        return Reply(card.kind, card, ref.topic_id, score, found, query)


def _defined_position(text: str) -> int | None:
    """Word position of X in "what is X ...", or None when the question is not of that form."""
    opening = _DEFINITION.match(text)
    if not opening or not opening.group(2):
        return None
    return len(words(opening.group(0)))


def record_gap(reason: str, question: str) -> None:
    """A question the content could not answer, kept so content can grow where people ask.

    At DEBUG, because it carries the person's words: the INFO log never does. `AIENG_GAP_LOG`
    sends these records to their own file (see bot.logs)."""
    gap_log.debug("gap", extra={"reason": reason, "question": question[:GAP_QUESTION_CHARS]})


def asks_for_help(text: str) -> bool:
    """ "help", "what can you do?", "what can you help me with?": nothing asked but what the bot does."""
    lowered = set(words(text))
    return bool(lowered & {"help", "commands"} or {"you", "do"} <= lowered) and not (set(terms(text)) - _HELP_WORDS)


def _weighs_roles(query: Query) -> bool:
    """Does the question set two roles against each other: a comparing word anywhere ("vs",
    "different"), or "or" between the first two roles it names ("a data scientist or an AI engineer")?"""
    if _COMPARE_WORDS & {stem(w) for w in query.words}:
        return True
    starts = sorted({(f.start, f.length) for f in query.entities.found if f.kind == "role"})
    if len(starts) < 2:
        return False
    (first, length), (second, _) = starts[0], starts[1]
    return "or" in query.words[first + length : second]


def _best_per_ref(found: list[Scored]) -> list[Scored]:
    best: dict[str, Scored] = {}
    for s in found:
        key = str(s.ref)
        if key not in best or s.score > best[key].score:
            best[key] = s
    return sorted(best.values(), key=lambda s: -s.score)


def asks_about_pay(text: str, q_terms: Terms) -> bool:
    lowered = text.lower()
    return bool(
        SALARY_WORDS & q_terms.words
        or _MAKE_PAY.search(lowered)
        or _HOW_MUCH_PAY.search(lowered)
        or _MONEY.search(lowered)
    )


def _links(topic: Topic) -> set[str]:
    linked = set(topic.related)
    if isinstance(topic, Role) and topic.roadmap:
        linked.add(topic.roadmap)
    if isinstance(topic, Comparison):
        linked.update(topic.roles)
    return linked


def _phase_index(roadmap: Roadmap, asked: frozenset[str]) -> int | None:
    """The phase a question names by all the words of its id ("week 3" -> week-3, "mlops part" -> mlops)."""
    best: tuple[int, int] | None = None
    for index, phase in enumerate(roadmap.phases):
        id_words = {stem(w) for w in phase.id.split("-")}
        if id_words <= asked and (best is None or len(id_words) > best[0]):
            best = (len(id_words), index)
    return best[1] if best else None


def salary_query(e: Entities) -> SalaryQuery:
    """The salary dimensions a query names. Words naming both a specialization and a role
    ("computer vision") are the specialization here; plain AI engineer pay is the default."""
    special_spans = {f.start for f in e.found if f.kind == "specialization"}
    roles = tuple(
        dict.fromkeys(
            f.id for f in e.found if f.kind == "role" and f.id != SUBJECT_ROLE and f.start not in special_spans
        )
    )
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
    names += (
        "average median typical range base total equity bonus annual yearly normal going "
        "realistic expect offer market worth make".split()
    )
    return words_of(names) | SALARY_WORDS | AI_CONTEXT_WORDS


def _family(kind: str) -> str:
    return {"roadmap-topic": "roadmap", "level-topic": "level"}.get(kind, kind)


def _topic_of(value: str) -> str | None:
    try:
        return refs.parse_ref(value).topic_id
    except ValueError:
        return None
