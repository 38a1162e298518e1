"""Is a question about something the articles never mention? The out-of-scope rules the engine weighs
before it answers from a best candidate.

Each question is read once for them (`Reading`): its terms, how many of its asking words the content
never uses, and the question as a people's word reads (bot.peoples).
"""

from __future__ import annotations

from functools import cached_property

from bot.candidates import (
    POSSESSIVES,
    CandidateFinder,
    foreign_share,
    names_a_foreign_thing,
    names_ai_engineers,
)
from bot.content import Library
from bot.matching import Matcher, Terms
from bot.parsing import Query
from bot.peoples import named_by_peoples_word, peoples_words, read_as_words
from bot.thresholds import FOREIGN_SHARE, FOREIGN_SUBJECT_SHARE


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
        self.matcher = matcher
        self.finder = finder
        self.peoples = peoples_words(library)

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
