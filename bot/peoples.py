"""A place named by its people's word ("japanese", "korean", "brazilian").

Content gives a place the word for its people so that "japanese companies" and "a korean figure" name
the place. The same word is also the people, or their language: "is japanese hard to learn" and "how
long does it take to learn german" are about a language, which the articles never mention. A question
that names nothing else about AI engineers (no role, level, company type...) is read with that word
as what it says, not as the place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.candidates import names_ai_engineers
from bot.content import Library
from bot.entities import Entities, Found
from bot.parsing import Query
from bot.text import STOPWORDS, stem, words

# How a people's word ends ("japanese", "korean", "israeli", "czech", "argentine"), after a stem it
# shares with the place's name or a name inside it ("korean": "korea" of "South Korea").
_PEOPLES_ENDING = re.compile(r"(?:an|ese|i|ch|ine)$")
SHARED_STEM = 4


def peoples_words(library: Library) -> frozenset[str]:
    """Every place's one-word names that are its people's word, stemmed."""
    found: set[str] = set()
    for place in library.locations.values():
        name = place.name.lower()
        aliases = [alias.lower() for alias in place.aliases if " " not in alias]
        stems = {w[:SHARED_STEM] for w in words(name)} | {a[:SHARED_STEM] for a in aliases if a in name}
        for alias in aliases:
            if _PEOPLES_ENDING.search(alias) and alias[:SHARED_STEM] in stems and alias not in words(name):
                found.add(stem(alias))
    return frozenset(found)


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
