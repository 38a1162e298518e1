"""An employer the articles never name: "how much does Stripe pay", "the interview loop at stripe".

The articles give pay by level, place and company type, and describe interviews and hiring in
general; they name a few companies (Google, OpenAI, FAANG...), which the content uses. A name they
never use, standing where an employer stands in a question, is an employer they say nothing about:
answering with the general figures would pass them off as that employer's.

Where an employer stands: after "at", "join", "from", "with" ("an offer from kestrelight"); as the
one who pays or hires ("does stripe pay", "stripe is hiring"); as an owner ("stripe's interview
loop"); or as a capitalised name inside a sentence ("what do AI engineers at Databricks make", "is
Vorlantic Analytics hiring"). Never a name the bot knows (a place, a level, a company type), a name
in the chatter around the question, a place ("in Lisbon") or a person ("my friend Priya").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import refs
from bot.candidates import DETERMINERS, aside_positions
from bot.cards.menus import INTERVIEWS_CARD
from bot.cards.salary import salary_title
from bot.content import Library
from bot.matching import Matcher
from bot.parsing import Query
from bot.refs import Ref
from bot.routing import salary_query
from bot.text import STOPWORDS, sentence_weights, split_words, stem, words

MAX_NAME_WORDS = 3
# Words right before an employer's name ("at stripe", "joining stripe").
BEFORE = frozenset({"at", "join", "joining", "joined"})
# "an offer from Kestrelight", "an onsite with stripe": these name an employer only after words of hiring;
# elsewhere a place ("moving from Chile") or anything at all ("keep up with rent").
EMPLOYER_AFTER = {
    "from": frozenset("offer offers offered recruiter recruiters call email".split()),
    "with": frozenset("interview interviews interviewing onsite loop offer job role position contract".split()),
}
# What follows "at" in everyday English without being anybody's name ("at night", "at school").
EVERYDAY_AT_WORDS = frozenset(
    (w,) for w in "night nights school uni college church weekend weekends lunch dinner noon midnight".split()
)
# A name before one of these qualifies a kind of company ("Korean companies"): a type, not an employer.
COMPANY_WORDS = frozenset("company companies firm firms employer employers business businesses".split())
# "does stripe pay", "would kestrelight hire": an employer between these.
AUXILIARIES = frozenset({"does", "do", "did", "will", "would", "could", "can", "should", "might"})
AS_EMPLOYER = frozenset({"pay", "hire", "offer", "interview", "give", "compensate"})
# "stripe pays", "stripe is hiring", "is stripe hiring": what an employer does, right after its name.
EMPLOYER_DOES = frozenset({"pays", "paid", "hires", "hired", "offers", "offered", "compensates"})
BEING = frozenset({"is", "are", "was", "were"})
EMPLOYER_DOING = frozenset({"hiring", "paying", "offering", "interviewing", "recruiting"})
INDEFINITE = frozenset({"a", "an"})
# Who a name right before one of these qualifies ("Offshore AI engineers", "Decent senior engineers").
QUALIFIED = frozenset({"role", "level", "specialization"})
# A capitalised name right after one of these is a place or a person, not an employer.
NOT_EMPLOYER_BEFORE = frozenset(
    "in near around across within outside im am named called friend friends colleague colleagues coworker "
    "coworkers manager boss mentor brother sister cousin wife husband mr mrs ms dr hi hey hello dear".split()
)
# What else than pay a question asks of an employer, by the words (stems) that ask it.
INTERVIEWS = frozenset(stem(w) for w in "interview interviews interviewing interviewed loop onsite".split())
HIRING = frozenset(stem(w) for w in "hire hires hiring hired recruit recruiting recruiter recruiters".split())
EMPLOYER_ASKS = INTERVIEWS | HIRING
# "stripe's interview loop", "stripe's pay": what an employer owns (stems).
OWNED = EMPLOYER_ASKS | frozenset(stem(w) for w in "pay salary salaries comp compensation offer package band".split())


def unknown_employer(matcher: Matcher, query: Query) -> str | None:
    """The name, as written, of an employer the content never uses that the asking part names; None
    when it names none."""
    written = split_words(query.text)[1:] if query.command else split_words(query.text)
    if len(written) != len(query.words):
        return None  # cannot line the words up with the written ones
    runs = _name_runs(matcher, query, written)
    starts = _sentence_starts(query)
    for start, end in runs:
        if _stands_as_employer(query, written, start, end, starts):
            return _as_written(query.text, written[start:end])
    return None


@dataclass(frozen=True)
class Asked:
    """What a question asks that an employer would have."""

    pay: bool  # as CandidateFinder.asks_about_pay reads it
    interviews: bool
    hiring: bool

    def __bool__(self) -> bool:
        return self.pay or self.interviews or self.hiring

    def __str__(self) -> str:
        """ "pay figures or interview details", "interview or hiring details" """
        details = " or ".join(what for what, yes in (("interview", self.interviews), ("hiring", self.hiring)) if yes)
        return " or ".join((["pay figures"] if self.pay else []) + ([f"{details} details"] if details else []))


def asked_of_an_employer(query: Query, pay: bool) -> Asked:
    said = {stem(w) for w in words(query.text)}  # the command word too
    return Asked(pay, bool(said & INTERVIEWS), bool(said & HIRING))


def general_cards(library: Library, query: Query, asked: Asked, shown: Ref | None) -> list[tuple[str, Ref]]:
    """The general cards for what was asked of an employer that the card `shown` (if any) is not: the
    pay table for the level and place named, the interview process."""
    offers: list[tuple[str, Ref]] = []
    entry = library.entries.get(shown.topic_id) if shown else None
    if asked.pay and not (shown and shown.kind == "s") and not (entry and entry.about_pay):
        wanted = salary_query(query.entities)
        offers.append((salary_title(library, wanted), refs.salary(wanted)))
    interviews = INTERVIEWS_CARD[1].topic_id
    if asked.interviews and not (entry and entry.kind == "interview") and interviews in library.entries:
        offers.append(INTERVIEWS_CARD)
    return offers


def _name_runs(matcher: Matcher, query: Query, written: list[str]) -> list[tuple[int, int]]:
    """Spans of words that may make up a name: not a stopword nor a thing the bot knows, each one
    the content never uses or capitalised, at least one the content never uses."""
    covered, aside = query.entities.covered(), aside_positions(query)

    def unknown(i: int) -> bool:
        return matcher.names_the_unknown(query.words[i])

    def name_like(i: int) -> bool:
        word = query.words[i]
        if i in covered or i in aside or word in STOPWORDS or not word.isalpha() or _contracted(query.text, word):
            return False
        if written[i][0].isupper():
            return True
        return unknown(i) and not word.endswith("ing")  # "from leaking": a doing, not a name

    runs, i = [], 0
    while i < len(written):
        if not name_like(i):
            i += 1
            continue
        end = i
        while end < len(written) and end - i < MAX_NAME_WORDS and name_like(end):
            end += 1
        start, stop = _trimmed(written, i, end)
        if any(unknown(j) for j in range(start, stop)):
            runs.append((start, stop))
        i = end
    return runs


def _trimmed(written: list[str], start: int, end: int) -> tuple[int, int]:
    """A run with a name as written in it, without the other words at its ends ("Cohere soon")."""
    titled = [i for i in range(start, end) if _title_case(written[i])]
    return (titled[0], titled[-1] + 1) if titled else (start, end)


def _stands_as_employer(query: Query, written: list[str], start: int, end: int, starts: set[int]) -> bool:
    words = query.words
    before, after = (words[start - 1] if start else ""), (words[end] if end < len(words) else "")
    if after in COMPANY_WORDS or _short_forms(written[end - 1]) or words[start:end] in EVERYDAY_AT_WORDS:
        return False  # "Korean companies", "at MNCs": kinds of company; "at night": when, not who
    if before in EMPLOYER_AFTER:
        return start >= 2 and words[start - 2] in EMPLOYER_AFTER[before]
    if before in BEFORE or _whose_engineers(query, written, start, end, starts):
        return True
    if before in INDEFINITE or any(f.start == end and f.kind in QUALIFIED for f in query.entities.found):
        return False  # "on a Visa": a thing; "Offshore AI engineers": a kind of engineer
    if _written_as_a_name(query.text, written[start:end], opens=start in starts):
        return before not in NOT_EMPLOYER_BEFORE  # "my friend Priya": a person
    if before in DETERMINERS:
        return False  # "the babysitter", "my flat": a thing, not a name
    if (before in AUXILIARIES and after in AS_EMPLOYER) or (before in BEING and after in EMPLOYER_DOING):
        return True  # "does stripe pay", "is stripe hiring"
    if after in EMPLOYER_DOES or (after in BEING and end + 1 < len(words) and words[end + 1] in EMPLOYER_DOING):
        return True
    return _possessive(query.text, written[end - 1]) and stem(after) in OWNED


def _whose_engineers(query: Query, written: list[str], start: int, end: int, starts: set[int]) -> bool:
    """ "what do Stripe AI engineers make", "are Plaid ML engineers paid well": a name written as one,
    between the verb that asks and the engineers it asks about, is whose engineers they are. Elsewhere a
    capital before the engineer qualifies them ("pay for Offshore AI engineers")."""
    before = query.words[start - 1] if start else ""
    return (
        before in AUXILIARIES | BEING
        and written[start - 1].islower()  # not Title Case, where every word has a capital
        and start not in starts
        and _written_as_a_name(query.text, written[start:end], opens=False)
        and any(f.start == end and f.kind in QUALIFIED for f in query.entities.found)
    )


def _short_forms(word: str) -> bool:
    """ "MNCs", "VCs": a short form made plural names a kind of thing, not one employer."""
    return len(word) > 2 and word.endswith("s") and word[:-1].isupper()


def _written_as_a_name(text: str, name: list[str], *, opens: bool) -> bool:
    """Capitalised as a name is: any capital inside a sentence; at its start, where every sentence has
    one, two capitalised words ("Brelvora Dynamics is recruiting") or one set apart ("Stripe: ...")."""
    titled = [word for word in name if _title_case(word)]
    if not opens:
        return bool(titled)
    return len(titled) >= 2 or re.search(rf"\b{re.escape(name[-1])}\s*:", text) is not None


def _title_case(word: str) -> bool:
    """ "Stripe", "DeepMind": a name as written; not "AI", "PMs" (short forms) nor "stripe"."""
    return len(word) > 1 and word[0].isupper() and word[1].islower()


def _contracted(text: str, word: str) -> bool:
    """Was `word` written with an apostrophe inside ("I've", "we'd"), other than an owner's "'s"?"""
    return any(
        re.search(rf"\b{re.escape(word[:i])}['’]{re.escape(word[i:])}\b", text, re.IGNORECASE)
        for i in range(1, len(word))
        if word[i:] != "s"
    )


def _possessive(text: str, word: str) -> bool:
    """Was `word` written as an owner ("Stripe's", split as "Stripes")?"""
    return word.endswith("s") and re.search(rf"\b{re.escape(word[:-1])}['’]s\b", text, re.IGNORECASE) is not None


def _as_written(text: str, name: list[str]) -> str:
    if _possessive(text, name[-1]):
        name = [*name[:-1], name[-1][:-1]]
    return " ".join(name)


def _sentence_starts(query: Query) -> set[int]:
    """Positions in query.words that open a sentence: a capital there says nothing about a name."""
    starts, position = set(), -1 if query.command else 0
    for sentence, _ in sentence_weights(query.text):
        starts.add(position)
        position += len(split_words(sentence))
    return starts
