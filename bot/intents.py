"""What a question's wording says about its intent: pay, comparing, defining (help, greetings, thanks: bot.social).

Pure functions of the text (and the entities found in it); the engine weighs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.entities import ARTICLES, Found
from bot.matching import AI_CONTEXT_WORDS, Terms
from bot.parsing import Query
from bot.text import STOPWORDS, sentence_weights, split_words, stem, words

# "what do seniors make in SF?", "what engineers make?", "make $500k a year": "make" that ends a clause or
# names a place, a period or a sum is about money ("make the move", "make it to prod" are not).
# "make more than in berlin", "make less at a startup": more or less that ends or compares is pay too
# ("make more sense", "make more projects" are not).
_MAKE_PAY = re.compile(
    r"\bmak(e|es|ing)\s*((more|less)\s*)?($|[?,.!]|in\b|at\b|per\b|a year|annually|over\b|[$£€₹]|\d"
    r"|anywhere\b|elsewhere\b|abroad\b|overseas\b|outside\b|except\b|excluding\b|other than\b|than\b|money\b)"
)
_MONEY = re.compile(r"[$£€₹]\s?\d|\b\d+\s?k\b|\b\d{2,3},\d{3}\b", re.IGNORECASE)
# "how much do seniors pull in", "how much can I make": a verb after "how much" asks about money
# ("how much math", "how much time" name something else).
_HOW_MUCH_PAY = re.compile(r"\bhow much (more |less |extra )?(do|does|did|can|could|would|will|should|is|are|money)\b")
# "..., in CAD pls", "in euros?": a sum asked for in a currency, ending its clause. A currency code
# alone is not enough: "CAD" is also drawing software ("uses CAD daily", "draws in CAD all day"),
# so content lists it as a place, not as a pay word.
_IN_CURRENCY = re.compile(
    r"\bin\s+(usd|us dollars|dollars|cad|canadian dollars|eur|euros?|gbp|pounds|inr|rupees|sgd|aud|chf|jpy|yen)"
    r"(\s+(pls|please|plz))?\s*($|[?.!,;)])"
)
_DEFINITION = re.compile(r"^\s*(what|whats|what's)\s+(is|are)?\s*(a|an|the)?\s*", re.IGNORECASE)
COMPARE_WORDS = frozenset(
    stem(w) for w in "vs versus compare comparison difference diff different differ same distinguish".split()
)
VS_WORDS = frozenset(stem(w) for w in ("vs", "versus"))
_NEVER = re.compile(r"(?!)")
# Asking how to get into AI engineering ("pivot into", "switch", "where do I start") or for the path there.
MOVE_IN_WORDS = frozenset(
    stem(w) for w in "into pivot switch switching transition move moving start route roadmap path plan".split()
)
QUALIFIED_PATHS = frozenset(
    stem(w) for w in ("path", "paths", "route", "routes")
)  # "management path": see _another_path
_ARROW = re.compile(r"→|->|=>|⇒|➡|⟶")
MOVE_WORDS_BEFORE = 3  # "from" this close before the first role: "moving from a data scientist to ..."
# Words that put roles in an order in time ("start as a SWE first or go straight for AI roles"):
# one role is a step on the way to the other, so "or" between them weighs two paths, not the roles.
ORDER_WORDS = frozenset({"first", "straight", "directly", "before", "afterwards"})


# What a question sets aside is not what it asks: "beyond the salary itself, what else ...", "apart
# from pay", "pay aside": the words after such a marker (to the end of the clause, a few at most) or
# the word before "aside".
_SET_ASIDE = re.compile(
    r"\b(?:not|no|besides|beyond|excluding|except|apart from|aside from|other than|rather than|instead of)"
    r"((?:\s+[\w'’]+){1,4}?)(?=\s*(?:[,.;:!?()]|$|\s+(?:what|how|which|why|where|who|is|are|do|does|should|can)\b))"
    r"|\b[\w'’]+\s+aside\b",
    re.IGNORECASE,
)


# What a question passes over for something else ("besides a full-time hire", "instead of a
# consultancy", "alternatives to X"): the thing named is the one it does not want. Narrower than
# _SET_ASIDE: "not", "no", "without" and "beyond" also qualify what is asked ("without a CS
# degree", "beyond senior"), and the thing they name may well be the answer.
_PASSED_OVER = re.compile(
    r"\b(?:besides|excluding|except(?:\s+for)?|apart from|aside from|other than|rather than|instead of"
    r"|alternatives? to)"
    r"((?:\s+[\w'’-]+){1,6}?)(?=\s*(?:[,.;:!?()]|$|\s+(?:what|how|which|why|where|who|is|are|do|does|should|can"
    r"|could|would)\b))",
    re.IGNORECASE,
)


def without_passed_over(text: str) -> str:
    """The text less what it passes over, marker and all ("besides X, what else?" -> " , what else?")."""
    return _PASSED_OVER.sub(" ", text)


def passed_over(text: str) -> list[range]:
    """Word positions (as split_words counts them) of what the text passes over for something
    else: "besides a full-time hire, what else is there?" -> [range(1, 3)] ("a full-time hire")."""
    return [
        range(start := len(split_words(text[: m.start(1)])), start + len(split_words(m.group(1))))
        for m in _PASSED_OVER.finditer(text)
    ]


def without_set_aside(text: str) -> str:
    """The text less what it sets aside ("apart from pay, what makes a good job?" -> ", what makes a
    good job?"): what it says it is not asking about."""
    return _SET_ASIDE.sub(" ", text)


# What a thing costs ("the median home price", "rent in sf"): the figure asked is a price, not pay,
# unless a word for earning is there too. "median" and "rate" ask for a figure of either.
PRICE_WORDS = frozenset(stem(w) for w in "price prices pricing rent rents mortgage fare fares".split())
ANY_FIGURE_WORDS = frozenset(stem(w) for w in "median rate rates".split())


# What a person costs is their pay ("why do AI engineers cost so much", "is a senior that
# expensive"): a cost word this close to a role or level the question names. "The cost of running
# AI systems" names no one, and a role a clause away is not what is priced.
COST_WORDS = frozenset(stem(w) for w in "cost costs costly expensive pricey pricier".split())
COST_REACH = 3
PERSON_KINDS = frozenset({"role", "level"})


def prices_a_person(query: Query) -> bool:
    """Does a cost word stand within COST_REACH words of a role or level the question names?"""
    spans = [(f.start, f.start + f.length) for f in query.entities.found if f.kind in PERSON_KINDS]
    return any(
        start - COST_REACH <= i < end + COST_REACH
        for i, word in enumerate(query.words)
        if stem(word) in COST_WORDS
        for start, end in spans
    )


# What a person gets, expects, makes or takes home is their pay when the question asks what a
# level or role earns that way and the clause stops there, or goes on only to say where or as whom
# ("what do seniors typically get in indian metros", "what would a staff engineer get at google?",
# "what could I expect as a principal", "what would I take home as a mid-level in berlin"):
# "what do seniors get asked", "what can a junior expect in their first week", "what do seniors
# make of agents" ask something else.
EARN_VERBS = frozenset(
    {
        ("get",),
        ("gets",),
        ("expect",),
        ("make",),
        ("makes",),
        ("earn",),
        ("earns",),
        ("pocket",),
        ("clear",),
        ("take", "home"),
        ("takes", "home"),
        ("bring", "home"),
        ("brings", "home"),
        ("pull", "in"),
        ("pulls", "in"),
    }
)
GET_ADVERBS = frozenset(
    {"typically", "usually", "normally", "generally", "really", "actually", "roughly", "realistically"}
)
# Words that may close the clause after the verb without naming anything else it could be about.
EARN_TAILS = GET_ADVERBS | frozenset(
    {
        "now",
        "today",
        "nowadays",
        "currently",
        "initially",
        "first",
        "annually",
        "yearly",
        "these",
        "days",
        "starting",
        "out",
        "a",
        "per",
        "year",
        "annum",
        "there",
        "then",
    }
)
GET_ASKING = frozenset({"what", "how"})
GET_PEOPLE = frozenset(
    {"folks", "people", "devs", "developers", "hires", "ones", "guys", "employees"}
    | {"dev", "developer", "hire", "one", "employee", "person"}
)
AS_WHOM = frozenset({"as", "being"})  # "what could I expect as a principal"
AT_WHERE = frozenset({"in", "at", "for", "from"})  # "get in london", "expect at a startup", "make from big tech"
GET_PLACES = frozenset({"location", "company_type"})


def gets_as_pay(query: Query) -> bool:
    """Does "what ... <level or role> get/expect/make/take home" (or "what ... expect as <level>")
    end its clause, after at most where ("in"/"at" a place or employer) and when?"""
    ends = {f.start + f.length: f for f in query.entities.found if f.kind in PERSON_KINDS}
    starts = {f.start: f for f in query.entities.found if f.kind in PERSON_KINDS | GET_PLACES}
    clause_ends = _clause_ends(query)
    for i, verb in _verbs(query.words):
        person = _person_before(query.words, ends, i)
        after = i + len(verb)
        whom = _named_after(query.words, starts, after, AS_WHOM, PERSON_KINDS)
        if whom:
            person, after = person or whom, _past_people(query.words, whom.start + whom.length)
        if person is None or not GET_ASKING & set(query.words[: min(i, person.start)]):
            continue
        if where := _named_after(query.words, starts, after, AT_WHERE, GET_PLACES):
            after = where.start + where.length
        if _clause_closes(query.words, after, clause_ends):
            return True
    return False


def _verbs(words: tuple[str, ...]) -> Iterable[tuple[int, tuple[str, ...]]]:
    for i in range(len(words)):
        for verb in EARN_VERBS:
            if words[i : i + len(verb)] == verb:
                yield i, verb


def _person_before(words: tuple[str, ...], ends: dict[int, Found], i: int) -> Found | None:
    """The level or role that ends just before position i, over adverbs and people words."""
    while (
        i not in ends and i > 0 and (words[i - 1] in GET_ADVERBS | GET_PEOPLE or stem(words[i - 1]) in AI_CONTEXT_WORDS)
    ):
        i -= 1
    return ends.get(i)


def _past_people(words: tuple[str, ...], i: int) -> int:
    """The position after the people words that follow a level ("as a senior engineer", "as an entry level hire")."""
    while i < len(words) and (words[i] in GET_PEOPLE or stem(words[i]) in AI_CONTEXT_WORDS):
        i += 1
    return i


def _named_after(
    words: tuple[str, ...], starts: dict[int, Found], i: int, openers: frozenset[str], kinds: frozenset[str]
) -> Found | None:
    """The thing of `kinds` named right after one of `openers` at position i ("as a principal", "at big tech")."""
    if i >= len(words) or words[i] not in openers:
        return None
    i += 1
    while i < len(words) and words[i] in ARTICLES:
        i += 1
    found = starts.get(i)
    return found if found and found.kind in kinds else None


def _clause_closes(words: tuple[str, ...], i: int, clause_ends: frozenset[int]) -> bool:
    """Do only EARN_TAILS words stand between position i and the end of its clause?"""
    while i < len(words) and i not in clause_ends:
        if words[i] not in EARN_TAILS:
            return False
        i += 1
    return True


def _clause_ends(query: Query) -> frozenset[int]:
    """Positions in query.words that open a new clause (after ",", "?", ";", ...)."""
    skipped = len(split_words(query.text)) - len(query.words)  # the command word of a slash command
    ends, position = set(), -skipped
    for clause in _CLAUSE.split(query.text):
        position += len(split_words(clause))
        ends.add(position)
    return frozenset(ends)


_CLAUSE = re.compile(r"[?,.!;:()]|\s-\s")


def asks_about_pay(text: str, q_terms: Terms, pay_terms: frozenset[str]) -> bool:
    """A word for pay (content's `pay_terms`, or one asking for a figure), earning wording or a sum."""
    lowered = text.lower()
    if PRICE_WORDS & q_terms.words:
        return bool(pay_terms & q_terms.words or _MAKE_PAY.search(lowered))
    return bool(
        (pay_terms | ANY_FIGURE_WORDS) & q_terms.words
        or _MAKE_PAY.search(lowered)
        or _HOW_MUCH_PAY.search(lowered)
        or _MONEY.search(lowered)
        or _IN_CURRENCY.search(lowered)
    )


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern for a list of words and phrases (the content's pay words), matched as whole words."""
    alternatives = sorted({re.escape(p.lower()) for p in phrases if p.strip()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)") if alternatives else _NEVER


def names_pay(text: str, pay_words: re.Pattern[str]) -> bool:
    """Does the text use one of the content's words for pay ("package", "CTC", "TC", "base")?"""
    return bool(pay_words.search(text.lower().replace("'", "").replace("’", "")))


def compares(query: Query) -> bool:
    """Does the wording weigh things against each other ("vs", "different", "same")?"""
    return bool(COMPARE_WORDS & {stem(w) for w in query.words})


def weighs_roles(query: Query) -> bool:
    """Does the question set two roles against each other: a comparing word anywhere, or "or" or
    "than" between the first two roles it names ("a data scientist or an AI engineer")? Not a move from one role
    to the other ("DS → AI eng timelines from different sources"), nor an "or" between roles put in
    an order in time ("start as a SWE first or go straight for AI roles"): those are paths."""
    starts = sorted({(f.start, f.length) for f in query.entities.found if f.kind == "role"})
    if len(starts) < 2 or moves_between(query, starts[0], starts[1]):
        return False
    if compares(query) and not _vs_elsewhere(query, [start for start, _ in starts]):
        return True
    if ORDER_WORDS & set(query.words):
        return False
    (first, length), (second, _) = starts[0], starts[1]
    # "ML engineers or AI engineers", "do ML engineer roles want degrees more than AI engineer roles do"
    return bool({"or", "than"} & set(query.words[first + length : second]))


def _vs_elsewhere(query: Query, roles: list[int]) -> bool:
    """Is "vs" the only comparing word, and in no sentence naming two of the roles (at `roles`)? It
    sets apart what its own sentence names: "what specialization tracks exist inside AI engineering?
    applied vs platform vs research engineer" lists tracks, it does not weigh AI engineering against
    research engineering."""
    said = [i for i, w in enumerate(query.words) if stem(w) in COMPARE_WORDS]
    if not said or any(stem(query.words[i]) not in VS_WORDS for i in said):
        return False
    sentence = _sentence_of_each_word(query)
    if sentence is None:
        return False
    # "vs." ends no sentence: the word after it is still what it sets apart
    reach = [{sentence[i], sentence[min(i + 1, len(sentence) - 1)]} for i in said]
    return all(sum(1 for start in roles if sentence[start] in near) < 2 for near in reach)


def _sentence_of_each_word(query: Query) -> list[int] | None:
    """The number of the sentence each of the query's words is in (None if they cannot be lined up)."""
    numbers = [n for n, (sentence, _) in enumerate(sentence_weights(query.text)) for _ in split_words(sentence)]
    if query.command:
        numbers = numbers[1:]  # the command word is not among the query's words
    return numbers if len(numbers) == len(query.words) else None


def moves_between(query: Query, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Does the wording move from the first role to the second: an arrow ("SWE → AI engineer",
    "ds -> ai eng") or "from X to Y"?"""
    if _ARROW.search(query.text):
        return True
    (start, length), (after, _) = first, second
    before = query.words[max(0, start - MOVE_WORDS_BEFORE) : start]
    return "from" in before and bool({"to", "into"} & set(query.words[start + length : after]))


def moves_in(question_words: tuple[str, ...], aside: set[int], named: set[int] | frozenset[int] = frozenset()) -> bool:
    """Does the asking part of a question ask how to get into the field ("How do I pivot into AI
    engineering?", "where do I start")? Words in the chatter around it (`aside`) do not count, nor
    a path another word says is of something else (see _another_path)."""
    return any(
        stem(w) in MOVE_IN_WORDS and not _another_path(question_words, i, named)
        for i, w in enumerate(question_words)
        if i not in aside
    )


def _another_path(question_words: tuple[str, ...], i: int, named: set[int] | frozenset[int]) -> bool:
    """Is the path at `i` one along the work rather than into it: "the management path", "career
    path", "the promotion route"? The word before it names neither the field ("the AI path") nor
    anything the question names (`named` positions: "the swe path")."""
    if stem(question_words[i]) not in QUALIFIED_PATHS or i == 0 or i - 1 in named:
        return False
    before = question_words[i - 1]
    return before.isalpha() and before not in STOPWORDS and stem(before) not in AI_CONTEXT_WORDS


def weighs_levels(query: Query) -> bool:
    """Does the question set two levels against each other: a comparing word, or "or"/"to" between
    them ("staff or principal", "from mid to senior")?"""
    if compares(query):
        return True
    spans = sorted({(f.start, f.length) for f in query.entities.found if f.kind == "level"})
    if len(spans) < 2:
        return False
    (first, length), (second, _) = spans[0], spans[1]
    return bool({"or", "to"} & set(query.words[first + length : second]))


def defined_position(text: str) -> int | None:
    """Word position of X in "what is X ...", or None when the question is not of that form."""
    opening = _DEFINITION.match(text)
    if not opening or not opening.group(2):
        return None
    return len(words(opening.group(0)))
