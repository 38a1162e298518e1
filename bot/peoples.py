"""A place named by its people's word ("japanese", "swiss", "brazilian").

Content gives a place the word for its people (`people`) so that "japanese companies" and "a swiss
figure" name the place. The same word is also the people, or their language: "is japanese hard to
learn" and "how long does it take to learn german" are about a language, which the articles never
mention. A question that names nothing else about AI engineers (no role, level, company type...) is
read with that word as what it says, not as the place. Content says which words these are: no rule of
spelling finds "swiss" in Switzerland, "irish" in Ireland or "british" in the United Kingdom.
"""

from __future__ import annotations

from dataclasses import replace

from bot.candidates import names_ai_engineers
from bot.content import Library
from bot.entities import Entities, Found
from bot.parsing import Query
from bot.text import STOPWORDS, stem, words


def peoples_words(library: Library) -> frozenset[str]:
    """Every place's word for its people, stemmed."""
    return frozenset(stem(w) for place in library.locations.values() for people in place.people for w in words(people))


def named_by_peoples_word(query: Query, peoples: frozenset[str]) -> list[Found]:
    """The places the question names only by their people's word."""
    return [
        f
        for f in query.entities.found
        if f.kind == "location" and f.length == 1 and stem(query.words[f.start]) in peoples
    ]


def read_as_words(query: Query, named: list[Found]) -> Query | None:
    """The question with the places `named` by their people's word read as words the articles never use,
    when it names nothing else about AI engineers; the question as it is when it does. None when such a
    word qualifies nothing ("learn german", "is german a hard language"): it names the language or the
    people. Before what it qualifies ("german figures", "the korean market") it may name the place."""
    kept = [f for f in query.entities.found if f not in named]
    read = replace(query, entities=Entities(found=kept, set_aside=query.entities.set_aside))
    if names_ai_engineers(read):
        return query
    return None if any(_qualifies_nothing(query, f) for f in named) else read


def _qualifies_nothing(query: Query, found: Found) -> bool:
    after = found.start + found.length
    return after >= len(query.words) or query.words[after] in STOPWORDS
