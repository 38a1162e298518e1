"""Every plausible answer to a free question, scored: content entries, a salary table, a comparison.

Entries are ranked by `Matcher`; the evidence of the wording adds to that: an entry named by one of
its names, two roles set against each other, a pay question naming levels or places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from bot import refs
from bot.cards.salary import covered_places, other_profession_ref, salary_title, select_figures, subjects
from bot.content import Library, links
from bot.entities import Entities
from bot.intents import (
    ANY_FIGURE_WORDS,
    asks_about_pay,
    compares,
    defined_position,
    gets_as_pay,
    moves_in,
    names_pay,
    passed_over,
    phrase_pattern,
    prices_a_person,
    weighs_levels,
    weighs_roles,
    without_passed_over,
    without_set_aside,
)
from bot.matching import AI_CONTEXT_WORDS, Candidate, Matcher, Terms, words_of
from bot.parsing import Query
from bot.phases import REACHED, REACHED_PAIRS, asked_stems, named_by_alias
from bot.refs import Ref, SalaryQuery
from bot.routing import SUBJECT_ROLE, comparison_ref, level_comparison_ref, salary_query
from bot.text import STOPWORDS, stem, word_weights
from bot.thresholds import ANSWER_THRESHOLD, FOREIGN_SHARE, MARGIN

PAIR_BONUS = 15.0  # two roles set against each other: their comparison is very likely what is meant
ENTITY_BONUS = 10.0  # the question names an entry by one of its names ("mlops", "vector db")
ENTRY_KINDS = frozenset({"role", "roadmap", "hire", "skill", "learn"})
OVERVIEW_MIN_NAMED = 3  # naming this many levels or roles asks about them together
FIGURES_OF = frozenset({"level", "location"})  # what "figures" right after are pay of (level_pay_words)
SALARY_KINDS = frozenset({"level", "location", "specialization", "company_type", "role"})
PAY_WORDS = "average median typical range base total annual yearly normal going realistic expect offer"
PRECISE_PAY_SCORE = ANSWER_THRESHOLD + 2 * MARGIN
NATIONAL = "us"
NOT_COVERED_SCORE = 100.0  # a pay question about another job: saying so is the one plain answer
# Word endings of a person's job ("welders", "actuaries", "physicians"): a word the content never uses
# with one of these, in a pay question, names someone other than an AI engineer.
PERSON_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents")
PERSON_MIN_LENGTH = 5
DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "their", "this", "that"})
POSSESSIVES = frozenset({"my", "our"})  # the person's own thing: "my sourdough starter"
# Things whose naming makes a question one about AI engineers: who, where, at what level, which path.
# A skill is not among them: its names are techniques ("fine-tune", "deploy", "train") that apply to
# anything ("fine-tune my sourdough starter").
ABOUT_AI_ENGINEERS = frozenset(
    {"role", "level", "location", "company_type", "specialization", "roadmap", "background", "hire", "learn"}
)
EARNING = re.compile(r"\b(make|makes|making|made|earn|earns|earning|paid|get paid|gets paid|take home)\b")
# AI words this close before or after another job's name qualify that job ("an AI-focused CFO", "a
# CFO with an AI focus", "the CEO of an AI startup"): its pay is still not an AI engineer's.
QUALIFIER_REACH = (2, 4)
REACHED_SKIPS = frozenset({"the", "a", "an", "my", "getting", "learning", "knowing", "finishing", "mastering"})


@dataclass(frozen=True)
class Scored:
    ref: Ref
    score: float
    label: str
    family: str  # answers of one family (all pay answers, say) are never each other's rivals


class CandidateFinder:
    def __init__(self, library: Library, matcher: Matcher) -> None:
        self.library = library
        self.matcher = matcher
        self.salary_vocabulary = _salary_vocabulary(library)
        self._shown_words = lru_cache(maxsize=1024)(self._shown_words_uncached)
        self._all_ids = frozenset(library.entries)
        self._unpaid_ids = frozenset(i for i, e in library.entries.items() if e.kind != "salary")
        self.pay_words = phrase_pattern(library.pay_words)
        # "the location premium", "the pay band": a pay phrase after "the" is no thing being priced
        self.pay_phrases = phrase_pattern(w for w in library.pay_words if " " in w.strip())
        # "how fast do they pay off": an idiom's words are not the words they are alone
        self.idioms = re.compile(phrase_pattern(" ".join(i) for i in library.idioms).pattern, re.IGNORECASE)

    def find(self, query: Query) -> list[Scored]:
        """Best first, one per card."""
        q_terms = self.matcher.query_terms(query.text)
        asks_pay = self.asks_about_pay(query, q_terms)
        if asks_pay and (jobs := query.entities.ids("profession")) and not self.names_ai(query):
            job = self.library.other_professions[jobs[0]]
            if job.paid_in:  # "what would a CTO make in SF": its own figure, never the AI engineer table for SF
                return [Scored(refs.topic(job.paid_in), NOT_COVERED_SCORE, f"Pay for {job.name}", "salary")]
            return [Scored(other_profession_ref(job.id), NOT_COVERED_SCORE, f"Pay for {job.name}", "salary")]
        about_pay = asks_pay and self._about_ai_engineers(query, q_terms)
        allowed = self._all_ids if about_pay else self._unpaid_ids  # pay entries answer pay questions only
        allowed = allowed - self._passed_over(query)
        # In a pay question a named skill or role qualifies the pay ("AI engineers at fintech companies"):
        # no entry outside pay gets a bonus over the pay answers for being named.
        unpaid = self._unpaid_ids if about_pay else frozenset()
        bonus = {k: v for k, v in self._entity_bonuses(query).items() if k in allowed and k not in unpaid}
        ranked = self.matcher.rank(q_terms, allowed)
        ranked += self.matcher.rank(q_terms, set(bonus) - {c.topic_id for c in ranked})
        found = [self._scored_entry(c, bonus.get(c.topic_id, 0.0)) for c in ranked]
        named = salary_query(query.entities)
        others = replace(named, roles=tuple(r for r in named.roles if r != SUBJECT_ROLE))
        if not (about_pay and len(subjects(others)) > 1):  # AI engineer vs a role: their comparison has pay
            found += self._pair_candidates(query, found)  # "NLP vs CV: which pays more" is a pay table
        if not about_pay:
            found += self._level_pair_candidates(query, found)
        elsewhere = self._places_elsewhere(query.entities)
        if about_pay and (elsewhere is None or elsewhere):
            # The US set aside, with no level named or none the other countries give ("salaries outside
            # the US"): a pay topic answers; a table of every other country would be a wall of gaps.
            found.append(self._salary_candidate(query, q_terms, elsewhere or ()))
        return _best_per_ref(found)

    def _passed_over(self, query: Query) -> frozenset[str]:
        """Entries the question names only in words it passes over for something else ("besides a
        full-time hire, what are our options?"); one the rest names again, or answers best, is
        asked about too ("besides RAG, which LLM skills matter?", "apart from PyTorch, which
        frameworks?")."""
        spans = passed_over(query.text) if not query.command else []
        if not spans:
            return frozenset()
        passed: set[str] = set()
        asked: set[str] = set()
        for f in query.entities.found:
            if f.kind in ENTRY_KINDS:
                inside = any(f.start in span for span in spans)
                (passed if inside else asked).add(f.id)
        if passed - asked:
            rest = self.matcher.query_terms(without_passed_over(query.text))
            asked |= {c.topic_id for c in self.matcher.rank(rest, top=1)}
        return frozenset(passed - asked)

    def allied(self, best: Scored, other: Scored) -> bool:
        """Not a rival: the same family of answer, or an entry the best answer links to (its card has a
        button to it), such as a role and its own roadmap."""
        if best.family == other.family:
            return True
        a, b = (self.library.entries.get(s.ref.parts[0]) if s.ref.kind in ("t", "r") else None for s in (best, other))
        if a is None or b is None:
            return False
        return b.topic.id in links(a.topic) or a.topic.id in links(b.topic)

    def _entity_bonuses(self, query: Query) -> dict[str, float]:
        """Entries the question names by one of their names; a name shared by several entries
        ("backend": a role and a roadmap) is weaker evidence for each, so they share the bonus.
        A name only in the chatter around the question (a sentence that does not ask) says who is
        asking or what they have been doing, and a name after "after" is where the person already
        is: neither is the subject, neither gets a bonus."""
        entities = query.entities
        aside = aside_positions(query)
        askers = {f.start for f in entities.askers}
        spans: dict[tuple[int, int], list[str]] = {}
        for f in entities.found:
            if f.kind in ENTRY_KINDS and f.id in self.library.entries and f.id != SUBJECT_ROLE:
                spans.setdefault((f.start, f.length), []).append(f.id)
        bonus: dict[str, float] = {}
        for (start, length), named in spans.items():
            if _reached(query.words, start):
                continue  # "what to learn after python": python is the starting point
            if set(range(start, start + length)) <= aside:
                continue  # "been posting my projects on linkedin. how do I land a job?": what they did
            if start in askers:
                continue  # "as a backend dev, ...", "i'm a swe, ...": who asks, not what is asked about
            for ident in named:
                bonus[ident] = max(bonus.get(ident, 0.0), ENTITY_BONUS / len(named))
        for ident in self._overviews_of(entities):
            bonus[ident] = max(bonus.get(ident, 0.0), PAIR_BONUS)  # outweighs any pair of the roles named
        # The path out of who the person is; asked how to get in, it is as plainly the answer as a
        # comparison is to "A vs B".
        path = PAIR_BONUS if moves_in(query.words, aside, entities.covered()) else ENTITY_BONUS
        paths = [
            *self._roadmaps_from(entities, self._weighed_by_the_asker(query, aside)),
            *_backgrounds_in(entities, aside, leading=not compares(query)),
        ]
        paths = paths or self._nearest_paths(entities)  # no path of their own: the nearest one
        subject_path = self.library.roles[SUBJECT_ROLE].roadmap if SUBJECT_ROLE in self.library.roles else None
        if not paths and path == PAIR_BONUS and subject_path:
            paths = [subject_path]
        for ident in paths:
            bonus[ident] = max(bonus.get(ident, 0.0), path)
        asked = asked_stems(query.words)
        for roadmap in self.library.roadmaps.values():
            if named_by_alias(roadmap, asked):
                # "starting the ML foundations phase": a phase of this path, evidence on top of the
                # path out of the role the person names (they point to the same roadmap).
                bonus[roadmap.id] = bonus.get(roadmap.id, 0.0) + ENTITY_BONUS
        defined = defined_position(query.text)
        for f in entities.found:
            if f.start == defined and f.id in bonus:
                bonus[f.id] += ENTITY_BONUS  # "what is rag ...": the thing being defined is the subject
        return bonus

    def _weighed_by_the_asker(self, query: Query, aside: set[int]) -> frozenset[str]:
        """Roles named only as who asks ("as a backend dev, how do AI systems differ from normal
        software?") in a question that weighs things and asks no way in: the asker's path is not
        what is asked."""
        if not compares(query) or moves_in(query.words, aside, query.entities.covered()):
            return frozenset()
        return frozenset(f.id for f in query.entities.askers if f.kind == "role")

    def _roadmaps_from(self, entities: Entities, left_out: frozenset[str] = frozenset()) -> list[str]:
        """The roadmap out of a role the question names ("data scientist here, where do I start"):
        a person names the role they come from, and its own path is the one that fits."""
        named = [self.library.roles[r] for r in entities.ids("role") if r != SUBJECT_ROLE and r not in left_out]
        if len(named) != 1:
            return []  # several roles named: they are being compared, not left behind
        return [r.roadmap for r in named if r.roadmap and r.roadmap in self.library.entries]

    def _nearest_paths(self, entities: Entities) -> list[str]:
        """The roadmaps nearest to who the person is when no article gives them a path ("data analyst
        here"): the card says it is the nearest, not theirs (see bot.cards.roadmap)."""
        named = set(entities.ids("nearest_for"))
        return [r.id for r in self.library.roadmaps.values() if named & {n.id for n in r.nearest_for}]

    def _overviews_of(self, entities: Entities) -> list[str]:
        """Entries that link to every one of several levels (or roles) a question names: asked about
        "junior, senior, staff", the ladder answers better than any one level."""
        found = []
        for kind in ("level", "role"):
            named = set(entities.ids(kind))  # the subject role counts: "AI vs ML engineer vs data scientist"
            if len(named) >= OVERVIEW_MIN_NAMED:
                found += self.library.overviews_of(frozenset(named))
        return found

    def _scored_entry(self, candidate: Candidate, bonus: float) -> Scored:
        tid = candidate.topic_id
        entry = self.library.entries[tid]
        ref = refs.roadmap(tid) if tid in self.library.roadmaps else refs.topic(tid)
        return Scored(ref, candidate.score + bonus, entry.topic.title, family(entry.kind))

    def _pair_candidates(self, query: Query, found: list[Scored]) -> list[Scored]:
        """Two roles set against each other ("vs", "different", "X or Y"): their comparison leads."""
        roles = query.entities.ids("role")
        if len(roles) < 2 or not weighs_roles(query) or self._overviews_of(query.entities):
            return []  # three roles with an overview of them all: no pair of them is the answer
        left, right = roles[0], roles[1]
        best = max((s.score for s in found), default=ANSWER_THRESHOLD)
        label = f"{self.library.roles[left].title} vs {self.library.roles[right].title}"
        score = max(best, ANSWER_THRESHOLD) + PAIR_BONUS
        return [Scored(comparison_ref(self.library, left, right), score, label, "compare")]

    def asks_about_pay(self, query: Query, q_terms: Terms) -> bool:
        """Pay asked about, or what a person costs; what the question sets aside ("apart from pay,
        ...") does not count, nor the words of an idiom ("does an AI engineer pay off")."""
        text = _without_paying_for_learning(query, self.idioms.sub(" ", without_set_aside(query.text)))
        if text != query.text:
            q_terms = self.matcher.query_terms(text)
        return (
            asks_about_pay(text, q_terms, self.library.pay_terms)
            or names_pay(text, self.pay_words)
            or self._named_figures(query)
            or prices_a_person(query)
            or gets_as_pay(query)
        )

    def _named_figures(self, query: Query) -> bool:
        """A level's or a place's "numbers" or "figures" ("the entry-level numbers", "senior figures",
        "a korean figure", "the uk numbers") are its pay, as a "ballpark" is where one is named."""
        after = {f.start + f.length for f in query.entities.found if f.kind in FIGURES_OF}
        if any(i < len(query.words) and stem(query.words[i]) in self.library.level_pay_words for i in after):
            return True
        named = any(f.kind in FIGURES_OF | {"role"} for f in query.entities.found)
        return named and any(stem(w) in self.library.named_pay_words for w in query.words)

    def names_ai(self, query: Query) -> bool:
        """An AI role or AI words outside the other job's name: "justify an AI engineer's salary to
        our CFO" asks about AI pay; "data engineers" names only the other job."""
        if query.entities.ids("role"):
            return True
        return _ai_words_outside(query, "profession", reach=QUALIFIER_REACH)

    def _level_pair_candidates(self, query: Query, found: list[Scored]) -> list[Scored]:
        """Two levels set against each other ("staff vs principal", "from mid to senior"): both, side by side."""
        levels = query.entities.ids("level")
        if len(levels) != 2 or not weighs_levels(query):
            return []
        left, right = sorted(levels, key=lambda lv: self.library.levels[lv].rank)
        # It outranks the level cards themselves, not what the levels qualify ("a senior-level
        # vs beginner portfolio project" asks about projects).
        best = max((s.score for s in found if s.ref.parts[:1] in ((left,), (right,))), default=0.0)
        label = f"{self.library.levels[left].title} vs {self.library.levels[right].title}"
        score = max(best, ANSWER_THRESHOLD) + MARGIN
        return [Scored(level_comparison_ref(left, right), score, label, "compare")]

    def _about_ai_engineers(self, query: Query, q_terms: Terms) -> bool:
        """Is the pay asked about an AI engineer's? Yes when the question names a level, role or
        specialization, or AI words; also when it names nobody at all ("what's the pay like?", asked
        of an AI engineering bot); no when it names someone else ("how much do welders make?")."""
        e = query.entities
        named = e.ids("level") or e.ids("role") or e.ids("specialization")
        if named or AI_CONTEXT_WORDS & q_terms.words:
            return True
        return not (
            self._names_another_job(query)
            or (_prices_a_thing(query, q_terms, self.library.pay_terms) and not names_pay(query.text, self.pay_phrases))
            or self._pays_someone_unknown(query)
        )

    def _pays_someone_unknown(self, query: Query) -> bool:
        """Does the asking sentence name things the content never mentions, carrying FOREIGN_SHARE of
        its weight ("whats the salary cap in the nba this season": nba, season)? Then its pay is not
        an AI engineer's."""
        return foreign_share(self.matcher, query) >= FOREIGN_SHARE

    def _names_another_job(self, query: Query) -> bool:
        covered = query.entities.covered()
        for i, word in enumerate(query.words):
            if i in covered or word in STOPWORDS or len(word) < PERSON_MIN_LENGTH or not word.isalpha():
                continue
            if word.endswith(PERSON_ENDINGS) and stem(word) not in self.matcher.idf:
                return True
        return False

    def _shown_words_uncached(self, wanted: SalaryQuery) -> frozenset[str]:
        return words_of(f"{f.label} {f.value}" for f in select_figures(self.library, wanted))

    def _unpaid_roles_dropped(self, wanted: SalaryQuery, query: Query) -> SalaryQuery:
        """ "HR here, benchmarking an offer for a mid-level AI engineer": beside AI engineers, a role
        no article gives pay for is who is asking or who the story is about, not whose pay is asked."""
        if SUBJECT_ROLE not in query.entities.ids("role") and not _ai_words_outside(query, "role"):
            return wanted
        paid = tuple(r for r in wanted.roles if r in {f.role for f in self.library.salary_figures})
        return replace(wanted, roles=paid if set(paid) - {SUBJECT_ROLE} else ())

    def _places_elsewhere(self, entities: Entities) -> tuple[str, ...] | None:
        """Asked about a level "anywhere except the US" (the US set aside, no place named): the other
        countries that give a figure for that level; None when the question does not set the US aside."""
        aside = {f.id for f in entities.set_aside if f.kind == "location"}
        if entities.ids("location") or NATIONAL not in aside:
            return None
        levels = set(entities.ids("level"))
        return tuple(
            d.id
            for d in covered_places(self.library)
            if d.within is None
            and d.id not in aside
            and any(d.id in f.locations and levels & set(f.levels) for f in self.library.salary_figures)
        )

    def _asks_a_trend(self, query: Query) -> bool:
        """Does the question ask how pay moves ("growing", "yoy"), which no salary table shows?"""
        return any(stem(w) in self.library.pay_trends for w in query.words)

    def _salary_candidate(self, query: Query, q_terms: Terms, elsewhere: tuple[str, ...] = ()) -> Scored:
        """The salary table for what the question names, scored on the words it would show; a
        question that sets its own country aside is about the other countries (`elsewhere`)."""
        wanted = self._unpaid_roles_dropped(_asked_over_aside(salary_query(query.entities), query), query)
        wanted = replace(wanted, locations=elsewhere) if elsewhere else wanted
        named = {
            stem(query.words[f.start + i])
            for f in query.entities.found
            if f.kind in SALARY_KINDS or (f.kind == "measure" and f.id in wanted.measures)
            for i in range(f.length)
        }
        score = self.matcher.coverage(q_terms, self.salary_vocabulary | named | self._shown_words(wanted))
        # A table cut to exactly what was named; not when asked how pay moves, which it cannot show.
        bonus = 0.0 if wanted.is_empty() or self._asks_a_trend(query) else ENTITY_BONUS
        if _precise(wanted):
            # A pay question naming a level or a place is answered by the table cut to exactly that
            # (which says so when the articles have no figure for it): a plain answer, not a guess.
            score = max(score, PRECISE_PAY_SCORE - bonus)
        return Scored(refs.salary(wanted), score + bonus, salary_title(self.library, wanted), "salary")


def foreign_share(matcher: Matcher, query: Query) -> float:
    """The share of the asking words' weight (IDF) carried by words the articles never use and that
    name nothing the bot knows (a place, a level, a job): what the question is about, when the rest
    is how it asks ("fine-tune my sourdough starter", "the salary cap in the nfl")."""
    named = {stem(query.words[i]) for i in query.entities.covered() if i < len(query.words)}
    asked = [(t, matcher.idf.get(t, matcher.unknown_idf)) for t in matcher.query_terms(query.text).asking]
    total = sum(w for _, w in asked)
    unknown = matcher.unknown(t for t, _ in asked) - named
    foreign = sum(w for t, w in asked if t in unknown)
    return foreign / total if total else 0.0


def names_ai_engineers(query: Query) -> bool:
    """Does the question name who, where, at what level or by which path (ABOUT_AI_ENGINEERS)?"""
    return bool({f.kind for f in query.entities.found} & ABOUT_AI_ENGINEERS)


def names_a_foreign_thing(matcher: Matcher, query: Query, determiners: frozenset[str] = DETERMINERS) -> bool:
    """Does the asking part name a thing the articles never mention, after "a", "the" or "my" (or one
    word later: "my guitar strings", "the next iphone")? A thing, not a word of how it is asked."""
    covered, aside = query.entities.covered(), aside_positions(query)
    for i, word in enumerate(query.words):
        if i in covered or i in aside or not _after_determiner(query.words, i, determiners):
            continue
        if matcher.names_the_unknown(word):
            return True
    return False


def _after_determiner(words: tuple[str, ...], i: int, determiners: frozenset[str]) -> bool:
    return (i >= 1 and words[i - 1] in determiners) or (
        i >= 2 and words[i - 2] in determiners and words[i - 1] not in DETERMINERS
    )


def aside_positions(query: Query) -> set[int]:
    """Positions in query.words of the words outside the sentences that ask (see bot.text.sentence_weights)."""
    weights = word_weights(query.text)
    if query.command:
        weights = weights[1:]  # the command word is not among the query's words
    if len(weights) != len(query.words):
        return set()  # cannot line the words up: treat every word as asked
    return {i for i, weight in enumerate(weights) if weight < 1.0}


def _asked_over_aside(wanted: SalaryQuery, query: Query) -> SalaryQuery:
    """Levels and places the asking sentence names, over those only the chatter around it names:
    "Senior in London here. What would a staff role pay?" asks about staff, in London. A
    specialization or company type only the chatter names is who is asking ("PhD in math here. What
    do AI startups pay?"): when the asking sentence names one of its own, only those are asked about."""
    aside = aside_positions(query)
    asked = {
        kind: [f.id for f in query.entities.found if f.kind == kind and f.start not in aside]
        for kind in ("level", "location", "specialization", "company_type")
    }
    levels = tuple(i for i in wanted.levels if i in asked["level"]) or wanted.levels
    locations = tuple(i for i in wanted.locations if i in asked["location"]) or wanted.locations
    if not (asked["specialization"] or asked["company_type"]):
        return replace(wanted, levels=levels, locations=locations)
    specializations = tuple(i for i in wanted.specializations if i in asked["specialization"])
    company_types = tuple(i for i in wanted.company_types if i in asked["company_type"])
    return replace(
        wanted, levels=levels, locations=locations, specializations=specializations, company_types=company_types
    )


def _backgrounds_in(entities: Entities, aside: set[int], *, leading: bool) -> list[str]:
    """The roadmaps whose backgrounds the chatter around the question names ("Physics PhD here."), or
    with `leading` its opening words do ("frontend dev (vue), what carries over?") or the words that
    say who asks ("I'm an ios engineer, does ..."): who the person is, so the path out of it is the
    one that fits. Not `leading` when the question compares ("web developer vs AI engineer": the two
    are weighed, nobody says who they are)."""
    askers = {f.start for f in entities.askers}
    return [
        f.id
        for f in entities.found
        if f.kind == "background"
        and ((leading and (f.start == 0 or f.start in askers)) or set(range(f.start, f.start + f.length)) <= aside)
    ]


def _reached(words: tuple[str, ...], start: int) -> bool:
    """Is the name at `start` where the person already is: "after python", "beyond getting the cert",
    "finished the ml basics", "done with ml foundations"?"""
    i = start - 1
    while i >= 0 and words[i] in REACHED_SKIPS:
        i -= 1
    return i >= 0 and (words[i] in REACHED or (i > 0 and (words[i - 1], words[i]) in REACHED_PAIRS))


def _ai_words_outside(query: Query, kind: str, reach: tuple[int, int] = (0, 0)) -> bool:
    """Does the question use AI words ("ai", "ml", "engineer") outside the names of this kind, and
    outside `reach` (words before, words after) of them?"""
    before, after = reach
    named = {
        i for f in query.entities.found if f.kind == kind for i in range(f.start - before, f.start + f.length + after)
    }
    return bool(AI_CONTEXT_WORDS & {stem(w) for i, w in enumerate(query.words) if i not in named})


PAYING_FOR = frozenset({"pay", "pays", "paying", "paid", "cover", "covers", "fund", "funds", "reimburse", "reimburses"})
PAID_FOR_REACH = 3  # "will pay for one certification", "pays for my online course"


def _without_paying_for_learning(query: Query, text: str) -> str:
    """The text less "pay for" when what is paid for is a way to learn ("my company will pay for one
    certification"): an employer buying a course, not anyone's pay."""
    learning = {f.start for f in query.entities.found if f.kind == "learn"}
    words = query.words
    for i, word in enumerate(words[:-1]):
        if word in PAYING_FOR and words[i + 1] == "for" and learning & set(range(i + 2, i + 2 + PAID_FOR_REACH)):
            text = re.sub(rf"\b{word}\s+for\b", " for", text, count=1, flags=re.IGNORECASE)
    return text


def _prices_a_thing(query: Query, q_terms: Terms, pay_terms: frozenset[str]) -> bool:
    """ "How much does a house cost in London", "how much is the flat": a price asked of a thing the
    question names after "a" or "the", with no word for what a person earns ("make", "salary")."""
    if (pay_terms | ANY_FIGURE_WORDS) & q_terms.words or EARNING.search(query.text.lower()):
        return False
    covered = query.entities.covered()
    return any(
        i not in covered and word not in STOPWORDS and query.words[i - 1] in DETERMINERS
        for i, word in enumerate(query.words)
        if i > 0
    )


def _precise(wanted: SalaryQuery) -> bool:
    return bool(wanted.levels or set(wanted.locations) - {NATIONAL})


def family(kind: str) -> str:
    return {"roadmap-topic": "roadmap", "level-topic": "level"}.get(kind, kind)


def _best_per_ref(found: list[Scored]) -> list[Scored]:
    best: dict[str, Scored] = {}
    for s in found:
        key = str(s.ref)
        if key not in best or s.score > best[key].score:
            best[key] = s
    return sorted(best.values(), key=lambda s: -s.score)


def _salary_vocabulary(library: Library) -> frozenset[str]:
    names: list[str] = []
    for table in (library.locations, library.specializations, library.company_types):
        names += [n for d in table.values() for n in (d.name, *d.aliases, *d.people)]
    names += [n for lv in library.levels.values() for n in (lv.title, *lv.aliases)]
    names += library.pay_words
    shown = words_of([*names, PAY_WORDS, "market worth make"]) | library.pay_terms | ANY_FIGURE_WORDS | AI_CONTEXT_WORDS
    return shown - words_of(library.pay_parts)  # "bonus", "equity": the table shows none, a topic does
