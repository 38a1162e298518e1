"""Is a question about something the articles never mention? The out-of-scope rules the engine weighs
before it answers from a best candidate.

Each question is read once for them (`Reading`): its terms, how many of its asking words the content
never uses, and the question as a people's word reads (bot.peoples).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from bot.asked import FAULTS, learned, names_a_fault, says_fault
from bot.candidates import (
    POSSESSIVES,
    CandidateFinder,
    Scored,
    aside_positions,
    family,
    foreign_share,
    names_a_foreign_thing,
    names_ai_engineers,
)
from bot.content import Library
from bot.matching import Matcher, Terms
from bot.parsing import Query
from bot.peoples import named_by_peoples_word, peoples_words, read_as_words
from bot.text import STOPWORDS, stem
from bot.thresholds import FOREIGN_SHARE, FOREIGN_SUBJECT_SHARE

# Words that say how exact, usual or good the thing asked for is, not what it is ("the exact salary",
# "a decent package"): the articles need not use them to answer.
QUALIFIERS = frozenset(
    """
    exact exactly rough roughly ballpark approximate approx precise ideal usual decent reasonable ultimate
    minor legit popular weird strange crazy insane ridiculous honest realistic actual typical current
    latest newest hottest coolest trendiest biggest worst nicest
    """.split()
)
# Answers of these families tell what the market, pay or a myth is, not how to do a thing: "learn to
# drive" is not answered by "what drives demand".
NOT_TEACHING = frozenset({"market", "salary", "misconception", "compare", "faq"})
OTHER_CAREERS = 2  # other jobs set against each other: a question about those careers, not this one


@dataclass(frozen=True)
class Elsewhere:
    """What a question asks about that no article covers ("benefits and perks"), and how it was told."""

    what: str
    why: str


class Reading:
    """One question as the out-of-scope rules read it; each part worked out once, when first asked for."""

    def __init__(self, scope: Scope, query: Query) -> None:
        self._scope = scope
        self.query = query

    @cached_property
    def terms(self) -> Terms:
        return self._scope.matcher.query_terms(self.query.text)

    @cached_property
    def unknown_asked(self) -> int:
        """How many terms of the asking sentence the content never uses."""
        return self._scope.matcher.unknown_asked(self.terms)

    @cached_property
    def read(self) -> Query | None:
        """The question as the rules read it: a question not about pay that names a place only by its
        people's word is read with the word as a word (bot.peoples); None when that word names the
        language or the people."""
        query = self.query
        named = named_by_peoples_word(query, self._scope.peoples)
        if not named or self._scope.finder.asks_about_pay(query, self.terms):
            return query
        return read_as_words(query, named)


class Scope:
    def __init__(self, library: Library, matcher: Matcher, finder: CandidateFinder) -> None:
        self.library = library
        self.matcher = matcher
        self.finder = finder
        self.peoples = peoples_words(library)
        # Each phrase of what no article covers under its first word, in content order: a question's
        # words are looked up one by one instead of every phrase tried at every word.
        self.never_covered: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
        in_order = [(thing, phrase) for thing, phrases in library.never_covered.items() for phrase in phrases]
        for order, (thing, phrase) in enumerate(in_order):
            self.never_covered.setdefault(phrase[0], []).append((order, thing, phrase))
        # The terms that name what an entry teaches (its names and questions), in entries that teach.
        self.taught = frozenset(
            term
            for tid, doc in matcher.docs.items()
            if family(library.entries[tid].kind) not in NOT_TEACHING
            for term in doc.names | doc.questions
        )

    def asked_of_something_else(self, reading: Reading, best: Scored) -> Elsewhere | None:
        """What the question, whatever its best candidate, asks about that the articles never cover;
        None when it asks nothing of the kind. Unlike the rules below, naming AI engineers does not make it theirs:
        "how many vacation days do AI engineers get" asks about vacation."""
        query = reading.query
        aside = aside_positions(query)
        asked = [i for i in range(len(query.words)) if i not in aside]
        covered = query.entities.covered()
        if named := self._never_covered(query.words, asked):
            return Elsewhere(named[0], f"it asks about {named[1]!r}, of {named[0]}, which no article covers")
        if (careers := self._other_careers(reading, asked)) is not None:
            return Elsewhere(careers, "it sets other careers against each other, which no article covers")
        if names_a_fault(query.words) or (
            says_fault(query.words)
            and any(self._foreign(query.words[i]) for i in asked if i not in covered and query.words[i] not in FAULTS)
        ):
            return Elsewhere("debugging code", "it asks about a fault in someone's code or run")
        if (verb := self._learned_verb(query)) is not None and (
            self._foreign(verb) or (best.family in NOT_TEACHING and stem(verb) not in self.taught)
        ):
            return Elsewhere(f"learning to {verb}", f"it asks to learn to {verb}, which the articles teach nothing of")
        return None

    def _never_covered(self, words: tuple[str, ...], asked: list[int]) -> tuple[str, str] | None:
        """What no article covers (content's `never_covered`) the asking part names, and its words as
        written: ("benefits and perks", "401k")."""
        stems = [stem(words[i]) for i in asked]
        found = [
            (order, at, thing, len(phrase))
            for at, word in enumerate(stems)
            for order, thing, phrase in self.never_covered.get(word, ())
            if tuple(stems[at : at + len(phrase)]) == phrase
            and not _on(words, asked[at])  # "I'm on parental leave", "on a visa": where the person is
        ]
        if not found:
            return None
        _, at, thing, length = min(found)  # the first thing in content order, at its first place
        return thing, " ".join(words[i] for i in asked[at : at + length])

    def _other_careers(self, reading: Reading, asked: list[int]) -> str | None:
        """Two or more other jobs the asking part sets side by side, with no AI engineer named and no pay
        asked ("dentist vs pharmacist, which has better hours?"): those careers, as written. Their pay
        is the pay table's to answer (it says the articles give none); one job alone is often the
        asker's own ("as a nurse, where do I start?")."""
        query = reading.query
        at = set(asked) - {f.start for f in query.entities.askers}
        jobs = [f for f in query.entities.found if f.kind == "profession" and f.start in at]
        if len({f.id for f in jobs}) < OTHER_CAREERS or names_ai_engineers(query) or self.finder.names_ai(query):
            return None
        if any(self.library.other_professions[f.id].paid_in for f in jobs):
            return None  # a CTO or a VP of engineering: the articles give their pay, beside AI leadership
        if self.finder.asks_about_pay(query, reading.terms):
            return None
        names = [" ".join(query.words[f.start : f.start + f.length]) for f in jobs]
        return f"{' vs '.join(dict.fromkeys(names))} careers"

    def _learned_verb(self, query: Query) -> str | None:
        """The first word of what "learn to ..." would learn, unless it names a job ("learn to cook":
        a cook's job, which no article covers, gives "cook" back as the word to judge)."""
        asked = set(range(len(query.words))) - aside_positions(query)
        for i in learned(query.words):
            word = query.words[i]
            if i not in asked or word in STOPWORDS:
                continue
            kinds = {f.kind for f in query.entities.found if f.start <= i < f.start + f.length}
            return word if not kinds or kinds == {"profession"} else None
        return None

    def _foreign(self, word: str) -> bool:
        """A word naming a thing (not how exact or usual it is) that the articles never use."""
        return word not in STOPWORDS and word not in QUALIFIERS and self.matcher.names_the_unknown(word)

    def reading(self, query: Query) -> Reading:
        return Reading(self, query)

    def about_something_else(self, reading: Reading) -> bool:
        """A question naming no AI engineer (role, level, place, path) whose asking words name a
        thing the articles never mention, carrying FOREIGN_SUBJECT_SHARE of its weight; the person's
        own thing ("my sourdough starter") is plainer still, and FOREIGN_SHARE is enough. A people's
        word standing alone, in a question naming nothing else about AI engineers, is their language
        or the people themselves ("how long does it take to learn german")."""
        read = reading.read
        if read is None:
            return True
        if names_ai_engineers(read):
            return False
        share = foreign_share(self.matcher, read)
        # a people's word before what it qualifies ("the korean market") names no foreign thing: `query`
        query = reading.query
        if share >= FOREIGN_SHARE and names_a_foreign_thing(self.matcher, query, POSSESSIVES):
            return True
        return share >= FOREIGN_SUBJECT_SHARE and names_a_foreign_thing(self.matcher, query)

    def about_the_unknown(self, reading: Reading, shared: int) -> bool:
        """Below the bar, the asking sentence has at least as many words the content never uses as
        the best entry shares with the question (`shared`): "my cat keeps scratching the couch, how
        do I stop her" shares two (keep, stop) and is about three things no article mentions. (A
        card that is no entry shares nothing: not judged here.) Or, in a question naming no AI
        engineer (role, level, place, path: "mobile developer (swift, kotlin)" does), such words
        carry FOREIGN_SHARE of the asking words' weight ("how much should i pay a babysitter per
        hour", "what's the release date of the next iphone")."""
        outnumbered = bool(shared) and shared <= reading.unknown_asked
        if outnumbered or (read := reading.read) is None:
            return True
        return not names_ai_engineers(read) and foreign_share(self.matcher, read) >= FOREIGN_SHARE


def _on(words: tuple[str, ...], at: int) -> bool:
    """Is the word at `at` what someone is on: "on parental leave", "on a visa"?"""
    before = [w for w in words[max(0, at - 2) : at] if w not in {"a", "an"}]
    return bool(before) and before[-1] == "on"
