"""Which facts of an answer bear on the question: the engine's side of focused cards.

A card is a pure function of its ref, so the question's focus travels in the ref: `t:<id>` becomes
`t:<id>:<i>.<j>` when the question singles out other facts than the entry leads with
(see bot.cards.focus for how facts are chosen and shown).

The question's words are read with the vocabulary the matcher used to pick the entry: a word no fact
of the entry uses ("comp", "legal", "tools") stands for its kin, the words that share an alias or a
question with it in the entry itself, its pay synonyms, and its everyday word family
(content/vocabulary.yaml); the entry's own title words say which entry, not which fact, so they count little.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from bot import refs
from bot.cards import focus
from bot.cards.levels_compared import ranked
from bot.cards.menus import LIST_MENUS, menu_summaries
from bot.content import Library
from bot.entities import Found
from bot.intents import ANY_FIGURE_WORDS
from bot.matching import Matcher
from bot.models import Topic
from bot.parsing import Query
from bot.refs import Ref
from bot.routing import SUBJECT_ROLE
from bot.text import terms

TITLE_SHARE = 0.3  # a word of the entry's title names the entry: it barely tells which fact
KIN_SHARE = 0.6  # a kin word counts this share of the word it stands for
MENU_WHOLE = 2  # menu entries a question may have shown whole


def focus_ref(library: Library, matcher: Matcher, ref: Ref, query: Query) -> Ref:
    """`ref` focused on what `query` asks, or `ref` itself when it is not a single entry's card or
    the question picks the same facts the entry leads with anyway. A comparison of two roles
    takes in a third the question names ("A vs B vs C"): the entry whose card covers those three
    (bot.content.Library.comparing), if there is one, else their role cards side by side."""
    compared = _compared(library, ref, query)
    if compared:
        curated = library.comparing(compared) if len(compared) > 2 else None
        if curated is None:
            return _side_by_side(library, matcher, compared, query)
        ref = refs.topic(curated)
    if ref.kind == "c" and len(ref.parts) == 1 and ref.parts[0] in LIST_MENUS:
        return _menu_focused(library, matcher, ref.parts[0], query)
    topic_id = _entry_of(library, ref)
    if topic_id is None:
        return ref
    topic = library.entries[topic_id].topic
    overview = topic_id in library.roadmaps
    budget = focus.OVERVIEW_BUDGET if overview else focus.FOCUS_BUDGET
    room = focus.OVERVIEW_ASKED_ROOM if overview else focus.ASKED_ROOM
    card_role = topic_id if topic_id in library.roles else None
    title = _title_terms(topic, library.short_forms)
    # On a roadmap, any role named is whom the path is for; on another entry, see `_asked`.
    asked = _asked(library, matcher, query, card_role=card_role, title=None if overview else title)
    if overview:
        asked = {**_nearest_named(library, topic_id, query), **asked}
    read = _read_for(topic, matcher, asked, kin_families(library), library.short_forms)
    own_question = not _beyond_title(topic, read, title)
    # What a question asking for an amount counts is in its words beyond those naming the entry. A
    # roadmap's plans state every step's span and their total: its few facts answer the rest.
    asks_amount = not overview and _asks_amount(query.words, library)
    if asks_amount and own_question:
        # The amount the title itself asks ("how long would the switch take me?") is what the card
        # leads with as curated; a fact that merely repeats a title word ("not the whole switch") is not.
        return ref
    counted = set(read) - title if asks_amount else set()
    picks = focus.question_picks(topic, read, budget, room, headline=own_question, amount_words=counted)
    return ref if picks == focus.default_picks(topic, budget) else refs.focused(topic_id, picks)


def _nearest_named(library: Library, roadmap_id: str, query: Query) -> dict[str, float]:
    """The name of those the question says it is from, whom the roadmap is only the nearest path for
    ("platform engineer here": SREs and DevOps engineers): a fact the path addresses to them ("For
    SREs and DevOps engineers: ...") is what it has to say to this asker."""
    named = set(query.entities.ids("nearest_for"))
    return {
        term: 1.0 for near in library.roadmaps[roadmap_id].nearest_for if near.id in named for term in terms(near.name)
    }


def _compared(library: Library, ref: Ref, query: Query) -> tuple[str, ...]:
    """The roles or levels a comparison ref sets side by side, with any further role the question
    names (up to three); () when `ref` is no comparison."""
    if ref.kind == "cmp" and len(ref.parts) == 2 and all(p in library.levels for p in ref.parts):
        return ref.parts
    if ref.kind == "cmp" and len(ref.parts) == 2 and all(p in library.roles for p in ref.parts):
        pair: tuple[str, ...] = ref.parts
    elif ref.kind == "t" and len(ref.parts) == 1 and ref.parts[0] in library.comparisons:
        pair = tuple(library.comparisons[ref.parts[0]].roles)
    else:
        return ()
    named = [r for r in query.entities.ids("role") if r in library.roles and r not in pair]
    if ref.kind == "t" and not named:
        return ()  # the curated comparison answers
    return (*pair, *named)[: refs.MAX_COMPARED]


def _side_by_side(library: Library, matcher: Matcher, names: tuple[str, ...], query: Query) -> Ref:
    levels = all(n in library.levels for n in names)
    topics: list[Topic] = list(ranked(library, names)) if levels else [library.roles[n] for n in names]
    asked = _asked(library, matcher, query, ("role", "level") if levels else ("role",))
    families = kin_families(library)
    readings = [_read_for(t, matcher, asked, families, library.short_forms) for t in topics]
    picks = focus.side_picks(topics, readings)
    unasked = picks == focus.side_picks(topics, [{} for _ in topics])
    return refs.compared(names, () if unasked else tuple(picks))


def _menu_focused(library: Library, matcher: Matcher, name: str, query: Query) -> Ref:
    """A menu with the entries the question's words point to shown whole (at most MENU_WHOLE)."""
    asked = {t: {t: w * matcher.idf.get(t, matcher.unknown_idf)} for t, w in _asked(library, matcher, query).items()}
    whole = sorted(focus.asked_about(menu_summaries(library, name), asked)[:MENU_WHOLE])
    return refs.menu(name, ".".join(map(str, whole))) if whole else refs.menu(name)


def _asked(
    library: Library,
    matcher: Matcher,
    query: Query,
    who: tuple[str, ...] = ("role",),
    card_role: str | None = None,
    title: set[str] | None = None,
) -> dict[str, float]:
    """The question's words (a command's arguments) with the weight the question gives each.
    Words that name whom the question is about are left out: they say who, not which fact ("what do
    *AI engineers* need to know about the EU AI Act"). On a role's own card (`card_role`) only that
    role's name is: another role named is what the card's role is set against ("is prompt
    engineering just *AI engineering* lite"), and the facts naming it answer. On another entry's card
    (its `title` words given), so is the bot's subject role or a role the title names; any other role
    is what is asked ("how fast are *ML engineer* salaries growing" on AI engineer pay growth), unless
    it is where the asker comes *from* ("is switching from *ML engineer* hard")."""
    roles = {
        f.start + i
        for f in query.entities.found
        if f.kind in who and _says_who(f, query, card_role, title)
        for i in range(f.length)
    }
    unread = roles | _idiom_positions(query.words, library.idioms)
    text = " ".join(w for i, w in enumerate(query.words) if i not in unread)
    asked: dict[str, float] = {}
    for term, weight in matcher.query_terms(text).items:
        asked[term] = max(asked.get(term, 0.0), weight)
    return _spelled_out(asked, library.short_forms)


def _says_who(found: Found, query: Query, card_role: str | None, title: set[str] | None) -> bool:
    """Does this role (or level) named in the question say whom it is about (see `_asked`)?"""
    if card_role is not None:
        return found.id == card_role
    if title is None or found.kind != "role" or found.id == SUBJECT_ROLE:
        return True
    if found.start > 0 and query.words[found.start - 1] == "from":
        return True
    return title.issuperset(terms(" ".join(query.words[found.start : found.start + found.length])))


def _idiom_positions(words: Sequence[str], idioms: Sequence[tuple[str, ...]]) -> set[int]:
    """Positions of the words that make up an idiom ("rule of thumb", "big picture"): read one by
    one, they would point to facts about rules or large models."""
    return {start + i for idiom in idioms for start in _starts_of(idiom, words) for i in range(len(idiom))}


def _asks_amount(words: Sequence[str], library: Library) -> bool:
    """Does the question ask for an amount ("how many", "what share"): one of vocabulary.yaml's
    quantity phrases, its words in a row?"""
    lowered = tuple(word.lower() for word in words)
    return any(next(_starts_of(phrase, lowered), None) is not None for phrase in library.quantity_phrases)


def _starts_of(phrase: tuple[str, ...], words: Sequence[str]) -> Iterator[int]:
    """Where `phrase` stands in `words`, its words in a row."""
    return (
        start for start in range(len(words) - len(phrase) + 1) if tuple(words[start : start + len(phrase)]) == phrase
    )


def _spelled_out(asked: dict[str, float], short_forms: Mapping[str, tuple[str, ...]]) -> dict[str, float]:
    """The asked words with each short form's long form, as one phrase ("vp": "vice president"), and
    each long form's short form: a fact saying either says what was asked. The long form's words one
    by one would say too much: "chief" and "officer" are in every C-level title, not only the CTO's."""
    spelled = dict(asked)
    for short, long in short_forms.items():
        if weight := asked.get(short, 0.0):
            phrase = " ".join(long)
            spelled[phrase] = max(spelled.get(phrase, 0.0), weight)
        elif weight := min((asked.get(t, 0.0) for t in long), default=0.0):
            spelled[short] = max(spelled.get(short, 0.0), weight)
    return spelled


def _read_for(
    topic: Topic,
    matcher: Matcher,
    asked: dict[str, float],
    families: Sequence[frozenset[str]],
    short_forms: Mapping[str, tuple[str, ...]] = {},
) -> dict[str, dict[str, float]]:
    """The asked words as they bear on `topic`'s facts, each weighted by its rarity in the content:
    title words count little, and a word no fact uses is joined by its kin in this entry or its
    word family."""
    title = _title_terms(topic, short_forms)
    facts = focus.wording_of_texts(tuple(item.text for item in focus.items_of(topic)))
    read: dict[str, dict[str, float]] = {}
    for term, weight in asked.items():
        idf = max(matcher.idf.get(word, matcher.unknown_idf) for word in term.split(" "))  # a phrase: its rarest word
        readings = read.setdefault(term, {})
        if term in title:
            readings[term] = weight * idf * TITLE_SHARE
            continue
        readings[term] = weight * idf
        if any(focus.uses_phrase(facts, spelling) for spelling in _spellings(term, short_forms)):
            continue  # a fact says it, perhaps spelled the other way ("swe" asked, "software engineer" written)
        for kin in _kin(topic, term, families) - title - set(asked):
            readings[kin] = weight * KIN_SHARE * min(idf, matcher.idf.get(kin, matcher.unknown_idf))
    return _either_spelling(read, short_forms)


def _spellings(term: str, short_forms: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The term and its other spelling, a short form's long form (as one phrase) or a long form's short form."""
    spellings = {term}
    for short, long in short_forms.items():
        if term == short or term == " ".join(long):
            spellings |= {short, " ".join(long)}
    return spellings


def _beyond_title(topic: Topic, read: Mapping[str, Mapping[str, float]], title: set[str]) -> bool:
    """Does a word of the question other than the entry's `title` words reach one of its facts? A
    question in the title's words only asks the entry's own question, which its headline point
    answers: a fact using a title word in passing ("job titles vary") must not take its place."""
    facts = focus.wording_of_texts(tuple(item.text for item in focus.items_of(topic)))
    return any(
        term not in title and any(focus.uses_phrase(facts, reading) for reading in readings)
        for term, readings in read.items()
    )


def _either_spelling(
    read: dict[str, dict[str, float]], short_forms: Mapping[str, tuple[str, ...]]
) -> dict[str, dict[str, float]]:
    """A short form and its long form (`_spelled_out`) are one asked word written two ways: a fact
    saying either counts it once, and its rarity is that of the facts saying either ("RAG" is in as
    many facts as say "RAG" or "retrieval-augmented generation", not in the few that spell it out)."""
    for short, long in short_forms.items():
        phrase = " ".join(long)
        if short in read and phrase in read:
            readings = read[short]
            for reading, weight in read.pop(phrase).items():
                readings[reading] = max(readings.get(reading, 0.0), weight)
    return read


def _title_terms(topic: Topic, short_forms: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The words of the entry's title, and a short form's other spelling when the title uses one:
    "retrieval augmented generation" names the entry titled "... RAG ..." as much as "RAG" does."""
    title = set(terms(topic.title))
    for short, long in short_forms.items():
        if short in title:
            title.add(" ".join(long))
        elif title.issuperset(long):
            title.add(short)
    return title


def kin_families(library: Library) -> tuple[frozenset[str], ...]:
    """The word families a fact's wording is read with: vocabulary.yaml's everyday kin, and the pay
    words (content's one-word pay_words, with the words asking for a figure of anything: "median")."""
    return (*library.word_families, library.pay_terms | ANY_FIGURE_WORDS)


def _kin(topic: Topic, term: str, families: Sequence[frozenset[str]]) -> set[str]:
    """Words that stand for `term` in this entry: those sharing an alias or a question with it, and its
    word families (kin_families: the pay words when it is one)."""
    kin = {t for phrase in [*topic.aliases, *topic.questions] if term in (words := terms(phrase)) for t in words}
    kin |= focus.word_family(term, families)
    return kin - {term}


def _entry_of(library: Library, ref: Ref) -> str | None:
    """The entry a plain topic ref or a roadmap's overview ref names (a roadmap overview shows a few
    of its facts above its plans, chosen as a topic's are)."""
    if ref.kind == "t" and len(ref.parts) == 1 and ref.parts[0] in library.entries:
        return ref.parts[0]
    if ref.kind == "r" and len(ref.parts) == 1 and ref.parts[0] in library.roadmaps:
        return ref.parts[0]
    return None
