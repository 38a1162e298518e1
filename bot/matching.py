"""Rank content for a free question: which entries answer it, with a score from 0 to 100.

Each entry is a bag of stemmed terms in three fields (names, questions, body). A question's score
for an entry is the share of the question's terms the entry covers, each term weighted by how
rare it is across the content (IDF) and by the field it is found in, blended with how much the
asking sentence resembles one of the questions the entry lists (the rare terms they share). Words
the content never uses ("dentist", "weather") weigh as much as a middling content word, so a
question about something else scores low. Typos are mended against the content's vocabulary with
rapidfuzz first.
"""

from __future__ import annotations

import heapq
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import add

from rapidfuzz import fuzz, process

from bot.content import Entry, Library
from bot.models import Roadmap, Topic
from bot.text import stem, terms, terms_once, weighted_terms, words

QUESTION_SIMILARITY_SHARE = 0.3  # how much of a score comes from resembling one of an entry's questions
# Resembling no listed question still earns this share of the resemblance: a question of the kind
# people ask. It keeps scores on the scale the thresholds were set on (bot/thresholds.py), and is the
# same for every entry, so it ranks none over another.
RESEMBLANCE_FLOOR = 0.2
ASKED_SIDE = 0.3  # in resemblance, the asked question's own words weigh this, the listed question's the rest
RESCORED = 12  # only the best entries by coverage are compared with their questions
NAME_WEIGHT = 1.0
QUESTION_WEIGHT = 0.8
BODY_WEIGHT = 0.5
TYPO_CUTOFF = 85  # rapidfuzz ratio for mending a word the content does not know
TYPO_MIN_LENGTH = 6  # shorter words are too often other real words ("bread" is not a typo of "read")
MENDED_WEIGHT = 0.75  # a mended word is weaker evidence than one spelled as the content spells it
KIN_WEIGHT = 0.5  # a word's kin (content/vocabulary.yaml's word families) found in an entry: half the evidence
TOP = 5
MIN_EVIDENCE_IN_MEDIANS = 1.2  # matched weight a question needs, in median-word units, for full score
STORY_LIFT_MEDIANS = 3.0  # an asking sentence with less IDF than this (in median-word units) leans on its story

# The words that make a question about AI engineers (those that make it about pay are content's pay_words).
AI_CONTEXT_WORDS = frozenset(
    stem(w) for w in "ai ml eng engineer engineers engineering llm mlops genai machine learning".split()
)


@dataclass(frozen=True)
class Terms:
    """A question's terms with their weights (the asking sentence weighs more than asides)."""

    items: tuple[tuple[str, float], ...]
    opening: str = ""  # how the question asks ("why", "how much"): its words are stopwords, not terms

    @property
    def words(self) -> frozenset[str]:
        return frozenset(t for t, _ in self.items)

    @property
    def asking(self) -> frozenset[str]:
        """The terms of the sentence that asks (all terms when no sentence stands out)."""
        return frozenset(t for t, w in self.items if w == 1.0) or self.words

    def __bool__(self) -> bool:
        return bool(self.items)

    def __str__(self) -> str:
        shown = " ".join(t if w == 1.0 else f"({t})" for t, w in self.items)
        lighter = sorted({round(w, 2) for _, w in self.items if w != 1.0}, reverse=True)
        return f"{shown}   (bracketed terms weigh {', '.join(f'{w:g}' for w in lighter)})" if lighter else shown


@dataclass(frozen=True)
class Candidate:
    topic_id: str
    score: float


@dataclass(frozen=True)
class _Doc:
    names: frozenset[str]
    questions: frozenset[str]
    body: frozenset[str]

    def weight(self, term: str) -> float:
        if term in self.names:
            return NAME_WEIGHT
        if term in self.questions:
            return QUESTION_WEIGHT
        return BODY_WEIGHT if term in self.body else 0.0


class Matcher:
    def __init__(self, library: Library) -> None:
        self.docs = {tid: _doc_for(entry) for tid, entry in library.entries.items()}
        frequency: Counter[str] = Counter()
        for doc in self.docs.values():
            frequency.update(doc.names | doc.questions | doc.body)
        total = len(self.docs) + 1
        self.idf = {term: math.log(total / (1 + n)) + 1.0 for term, n in frequency.items()}
        # A word the content never uses counts like a middling content word: enough that a question
        # about something else scores low, not so much that chatty filler sinks a real question.
        self.unknown_idf = statistics.median(self.idf.values())
        self.min_evidence = MIN_EVIDENCE_IN_MEDIANS * self.unknown_idf
        self.questions = {
            tid: tuple(self._weighed(frozenset(terms_once(q))) for q in _asked_by(e))
            for tid, e in library.entries.items()
        }
        self.openings = {tid: tuple(question_opening(q) for q in _asked_by(e)) for tid, e in library.entries.items()}
        # A typo keeps its first letter, or swaps it with the second ("negineer"): people misspell
        # inside a word, seldom its start. "vacation" is not a typo of "action", nor "bother" of "other".
        # "pretrained" is the content's "pre-trained", read as its two words, not as a word it never uses.
        self.hyphenated = {
            joined: parts for joined, parts in _hyphenated_words(library).items() if joined not in self.idf
        }
        self.vocabulary_by_initial: dict[str, list[str]] = {}
        for term in sorted(self.idf):
            self.vocabulary_by_initial.setdefault(term[0], []).append(term)
        # term -> the field weight of the term in every entry, in self.ids order (0.0: not there);
        # summed per question with map(), which loops in C, rather than entry by entry in Python.
        self.ids = tuple(self.docs)
        self.weights_by_term = {term: tuple(doc.weight(term) for doc in self.docs.values()) for term in self.idf}
        self.weights_by_term.update(self._kin_weights(library.word_families))
        self._mend = lru_cache(maxsize=4096)(self._mend_uncached)
        self.names_the_unknown = lru_cache(maxsize=8192)(self._names_the_unknown_uncached)

    def _kin_weights(self, families: Iterable[frozenset[str]]) -> dict[str, tuple[float, ...]]:
        """Field weights of each family word the content never uses, its kin counted at KIN_WEIGHT:
        "zorbly" asked finds an entry that says "defense" once a family makes them kin. A word the
        content does use keeps its own weights ("study" must not find "deep learning" through "learn").
        Worked out once, so asking costs nothing."""
        kin: dict[str, set[str]] = {}
        for family in families:
            for term in family:
                kin.setdefault(term, set()).update(family - {term})
        # the kin of each word the content never uses, for resembling listed questions (see resemblance)
        self.kin = {t: frozenset(k) for t, k in kin.items() if t not in self.weights_by_term}
        nothing = tuple(repeat(0.0, len(self.ids)))
        expanded = {}
        for term, others in kin.items():
            if term in self.weights_by_term:
                continue  # a word the content uses is read as written ("study" is not "deep learning")
            weights = self.weights_by_term.get(term, nothing)
            for other in others & self.weights_by_term.keys():
                found = self.weights_by_term[other]
                weights = tuple(max(w, KIN_WEIGHT * k) for w, k in zip(weights, found, strict=True))
            expanded[term] = weights
        return expanded

    def query_terms(self, text: str) -> Terms:
        """The question's content terms, typos mended to words the content uses; stray numbers dropped.
        The story around the asking sentence weighs more the less that sentence says (see _story_lift)."""
        read = [
            (mended, term, weight)
            for asked, weight in weighted_terms(text)
            for term in self.hyphenated.get(asked, (asked,))
            for mended in (self._mend(term),)
        ]
        read = [(mended, term, weight) for mended, term, weight in read if mended in self.idf or not mended.isdigit()]
        lift = self._story_lift({mended for mended, _, weight in read if weight == 1.0})
        kept = []
        for mended, term, weight in read:
            lifted = weight + (1.0 - weight) * lift
            kept.append((mended, lifted if mended == term else lifted * MENDED_WEIGHT))
        return Terms(tuple(kept), question_opening(text))

    def _story_lift(self, asked: set[str]) -> float:
        """How far, 0 to 1, the story told around the asking sentence weighs up to that sentence. One
        that says little of its own ("how do you actually mitigate that?", "what would an AI engineer
        do with it?": words every entry uses) asks about the story; one that names its subject in
        rare words stands alone, the story around it chatter."""
        said = sum(self.idf.get(term, self.unknown_idf) for term in asked)
        return max(0.0, 1.0 - said / (STORY_LIFT_MEDIANS * self.unknown_idf))

    def _weights(self, query_terms: Terms) -> list[tuple[str, float]]:
        return [(t, w * self.idf.get(t, self.unknown_idf)) for t, w in query_terms.items]

    def rank(self, query_terms: Terms, candidates: Iterable[str] | None = None, top: int = TOP) -> list[Candidate]:
        """Entries by score, best first (at most `top`)."""
        allowed = None if candidates is None else _as_set(candidates)
        if not query_terms or allowed == set():
            return []
        weighted = self._weights(query_terms)
        total = sum(w for _, w in weighted)
        by_entry = zip(self.ids, self._coverage_by_entry(weighted), strict=True)
        covered = {tid: c for tid, c in by_entry if c and (allowed is None or tid in allowed)}
        least = self.min_evidence  # inline self._evidence: this runs for nearly every entry
        best = heapq.nlargest(
            RESCORED, ((100 * c / total * (e if (e := c / least) < 1.0 else 1.0), tid) for tid, c in covered.items())
        )
        if allowed is not None and len(best) < RESCORED:
            # Too few candidates share a term: the rest are compared on their questions alone, in the
            # order a ranking of every candidate at score 0 would give them (greatest id first).
            best += [(0.0, tid) for tid in heapq.nlargest(RESCORED - len(best), allowed - covered.keys())]
        asked = self._weighed(query_terms.asking)
        scored = [Candidate(tid, round(self._blend(cov, asked, tid), 1)) for cov, tid in best]
        scored.sort(key=lambda c: -c.score)
        if len(scored) > 1 and scored[0].score == scored[1].score and query_terms.opening:
            scored.sort(key=lambda c: (-c.score, -self._asked_alike(asked, query_terms.opening, c.topic_id)))
        return scored[:top]

    def _asked_alike(self, asked: WeighedTerms, opening: str, topic_id: str) -> float:
        """Between equal scores, the entry with a question asked the same way ("how much", "why") and most
        like this one first: "how much do ai engineers get paid" and "why are ai engineers paid so much"
        share every term, so only the way of asking tells which entry answers."""
        listed = zip(self.questions[topic_id], self.openings[topic_id], strict=True)
        return max((resemblance(asked, q) for q, said in listed if said == opening), default=-1.0)

    def terms_found(self, query_terms: Terms, topic_id: str) -> int:
        """How many of the question's distinct terms an entry uses (in any field, or through kin)."""
        at = self.ids.index(topic_id)
        return sum(1 for term in query_terms.words if (w := self.weights_by_term.get(term)) is not None and w[at])

    def unknown(self, found: Iterable[str]) -> frozenset[str]:
        """The terms the content never uses, nor any kin of theirs (content/vocabulary.yaml)."""
        return frozenset(found) - self.weights_by_term.keys()

    def _names_the_unknown_uncached(self, word: str) -> bool:
        """Is this one word, read as a question's word is (typos mended, short forms spelt out),
        only terms the content never uses? Asked of most words of many questions: remembered."""
        found = self.query_terms(word).words
        return bool(found) and self.unknown(found) == found

    def unknown_asked(self, query_terms: Terms) -> int:
        """How many terms of the asking sentence the content never uses (nor any kin of theirs)."""
        return len(self.unknown(query_terms.asking))

    def _coverage_by_entry(self, weighted: list[tuple[str, float]]) -> Iterable[float]:
        """Each entry's matched weight, in self.ids order: the sum over the question's terms of the
        term's weight times its field weight in the entry, added up in the question's term order."""
        covered: Iterable[float] = repeat(0.0, len(self.ids))
        for term, weight in weighted:
            field_weights = self.weights_by_term.get(term)
            if field_weights is not None:
                covered = list(map(add, covered, map(weight.__mul__, field_weights)))
        return covered

    def _blend(self, coverage: float, asked: WeighedTerms, topic_id: str) -> float:
        """Coverage, corrected by how much the question resembles the entry's likeliest listed question."""
        questions = self.questions[topic_id]
        if not questions:
            return coverage  # nothing to resemble: neither helped nor hurt
        kin = {term: self.kin[term] for term in asked.weights if term in self.kin}  # the asked words' own
        best = max(resemblance(asked, listed, kin) for listed in questions)
        similar = 100 * (RESEMBLANCE_FLOOR + (1 - RESEMBLANCE_FLOOR) * best)
        return (1 - QUESTION_SIMILARITY_SHARE) * coverage + QUESTION_SIMILARITY_SHARE * similar

    def _weighed(self, found: frozenset[str]) -> WeighedTerms:
        """Distinct terms with their IDF (a word the content never uses: the unknown IDF)."""
        weights = {term: self.idf.get(term, self.unknown_idf) for term in found}
        return WeighedTerms(weights, sum(weights.values()))

    def coverage(self, query_terms: Terms, vocabulary: frozenset[str]) -> float:
        """Score of a card that is not an entry (a salary table) whose words are `vocabulary`."""
        weighted = self._weights(query_terms)
        total = sum(w for _, w in weighted)
        if not total:
            return 0.0
        covered = sum(w for t, w in weighted if t in vocabulary)
        return round(100 * covered / total * self._evidence(covered), 1)

    def _evidence(self, covered: float) -> float:
        """Below MIN_EVIDENCE matched weight, a high share of a tiny question is not enough to go on:
        "how do I become a pilot" shares two words with the content, neither of them telling."""
        return min(1.0, covered / self.min_evidence)

    def _mend_uncached(self, term: str) -> str:
        if term in self.idf or len(term) < TYPO_MIN_LENGTH or not term.isalpha():
            return term
        swapped = [w for w in self.vocabulary_by_initial.get(term[1], []) if w[1:2] == term[0]]
        same_start = self.vocabulary_by_initial.get(term[0], []) + swapped
        best = process.extractOne(term, same_start, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        return str(best[0]) if best else term


@dataclass(frozen=True)
class WeighedTerms:
    """A question's distinct terms, each with its IDF, and their sum."""

    weights: dict[str, float]
    total: float


def resemblance(asked: WeighedTerms, listed: WeighedTerms, kin: Mapping[str, frozenset[str]] | None = None) -> float:
    """How alike two questions are, 0 to 1: the IDF weight of the terms they share over a blend of
    the weight of each, the asked question's counting ASKED_SIDE. Only shared words count, and rare
    ones most: "what is the meaning of life" resembles no listed question, however alike it reads
    letter by letter to "what is mlops". A listed question says only what it asks, while a person's
    question carries words of its own around that ("for our annual comp review, how fast is ML pay
    growing?"): all of the listed question asked counts for more than the asked words it lacks.
    An asked word the content never uses shares KIN_WEIGHT of its weight with a listed question
    that uses its kin (`kin`), as it does with an entry's words ("struggling" and "hard")."""
    if not asked.total or not listed.total:
        return 0.0
    shared = sum(weight for term, weight in asked.weights.items() if term in listed.weights)
    if kin:  # most questions have no such word: the plain sum above is the whole of it
        shared += KIN_WEIGHT * sum(
            asked.weights[term]
            for term, family in kin.items()
            if term in asked.weights and term not in listed.weights and not family.isdisjoint(listed.weights)
        )
    return shared / (ASKED_SIDE * asked.total + (1 - ASKED_SIDE) * listed.total)


def _as_set(ids: Iterable[str]) -> frozenset[str] | set[str]:
    return ids if isinstance(ids, (set, frozenset)) else set(ids)


_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")


def _hyphenated_words(library: Library) -> dict[str, tuple[str, ...]]:
    """The term of each word the content writes with a hyphen, as one word ("pretrained"), to the
    terms of its parts ("pre", "train"), when both parts are terms ("hands-on" is not "hand")."""
    joined: dict[str, tuple[str, ...]] = {}
    for entry in library.entries.values():
        for text in _names_of(entry) + entry.topic.questions + _body_of(entry.topic):
            for first, second in _HYPHENATED.findall(text):
                whole, parts = terms_once(first + second), tuple(terms_once(f"{first} {second}"))
                if len(whole) == 1 and len(parts) == 2:
                    joined[whole[0]] = parts
    return joined


QUESTION_OPENINGS = ("how much", "how many", "how long", "how", "why", "what", "which", "where", "when", "who")


_OPENINGS_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _opening in QUESTION_OPENINGS:  # longest first within a first word: "how much" before "how"
    _OPENINGS_BY_FIRST_WORD.setdefault(_opening.split()[0], []).append(tuple(_opening.split()))


def question_opening(text: str) -> str:
    """The first way of asking in the text ("how much", "why"), or "" when it uses none."""
    said = tuple(words(text))
    for i, word in enumerate(said):
        for opening in _OPENINGS_BY_FIRST_WORD.get(word, ()):
            if said[i : i + len(opening)] == opening:
                return " ".join(opening)
    return ""


def _asked_by(entry: Entry) -> list[str]:
    """What an entry answers, as people would ask it: its questions, and its title, which names the
    question ("Myth: AI engineers always build models from scratch"). Nothing when it lists no question."""
    questions = entry.topic.questions
    return [*questions, entry.topic.title] if questions else []


# What every entry of a kind is, whatever its own title says: "roadmap for a data scientist" names
# the data scientist's path as plainly as the software engineer's, whose questions happen to say "roadmap".
KIND_NAMES = {"roadmap": ("roadmap", "path")}


def _doc_for(entry: Entry) -> _Doc:
    topic = entry.topic
    # An entry's names and questions are read again while answering (a card's title, the kin of an
    # asked word): their terms stay remembered. Its facts are read through their Wording (bot.cards.focus).
    names = _terms_of(_names_of(entry), terms)
    questions = _terms_of(topic.questions, terms)
    body = _terms_of(_body_of(topic))
    return _Doc(frozenset(names), frozenset(questions), frozenset(body))


def _names_of(entry: Entry) -> list[str]:
    return [entry.topic.title, *entry.topic.aliases, *KIND_NAMES.get(entry.kind, ())]


def _backgrounds_of(topic: Topic) -> list[str]:
    """Who a roadmap is for, as people call themselves ("embedded engineer", "game developer"): those
    words name the path out of it, and would otherwise point only at entries that use them in
    another sense ("AI embedded into products")."""
    return list(topic.backgrounds) if isinstance(topic, Roadmap) else []


def _body_of(topic: Topic) -> list[str]:
    return [
        topic.summary,
        *(p.text for p in topic.points),
        *(f"{f.label} {f.value} {f.note or ''}" for f in topic.figures),
        *_credited(topic),
        *_nearest_for(topic),
        *_backgrounds_of(topic),
    ]


def _credited(topic: Topic) -> set[str]:
    """The datasets an entry's facts credit ("Aquent 2026 Salary Guide"): its card names them, and
    people ask for them by name ("what did the Aquent guide find")."""
    return {str(fact.credits) for fact in (*topic.points, *topic.figures) if fact.credits}


def _nearest_for(topic: Topic) -> list[str]:
    """Who a roadmap is the nearest path for ("SREs and DevOps engineers"), by every name its card knows them by."""
    if not isinstance(topic, Roadmap):
        return []
    return [" ".join((n.name, *n.aliases)) for n in topic.nearest_for]


def _terms_of(texts: Iterable[str], read: Callable[[str], list[str]] = terms_once) -> set[str]:
    return {t for text in texts for t in read(text)}


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """Stemmed words of names, for a vocabulary passed to `Matcher.coverage`."""
    return frozenset(stem(w) for text in texts for w in words(text))
