"""Text helpers shared by parsing and matching: Slack markup, normalisation, tokens, escaping."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_QUESTION_CHARS = 500  # longer text is cut before matching; nobody's question is longer

_SLACK_LINK = re.compile(r"<(?:https?|mailto):[^|>]*\|([^>]*)>|<((?:https?|mailto):[^>]*)>")
_SLACK_CHANNEL = re.compile(r"<#[A-Z0-9]+(?:\|([^>]*))?>")
_SLACK_USER = re.compile(r"<@[A-Za-z0-9]+(?:\|[^>]*)?>")  # any id: "<@None>" from a bot id never learned too
_SLACK_SPECIAL = re.compile(r"<![^>]*>")
_NON_WORD = re.compile(r"[^\w+#]+|_+")
_CURRENCY_OR_PERCENT = re.compile(r"[$£€₹%]")

STOPWORDS = frozenset(
    """
    a about above actually after again against all almost also am an and any anyone anything are aren
    around as ask asking at be been being before best better between both but by can cannot could
    d did do does doing don done down during each either else enough even ever every exactly
    few for from further get gets getting go going good got had has have having he hear heard her here
    hers hey hi him his how i if im in into is isn it its itself just kind know like ll lol look looking
    lot lots m ma me mean might more most much must my myself need needs no nor not now of off oh ok okay
    on once one only or other our ours out over own pls please plz pretty probably quick quite rather re
    real really right rn s same say saying see seem seems shall she should so some something sort still
    stuff such sure t than thank thanks that thats the their theirs them then there these they thing
    things think this those though through thx to too truly u ur us use used using ve very want wanna
    was way we well were what whats when where whether which while who whom why will with wondering
    would y yeah yes yet you your yours yourself tell idea ideas anybody someone people guys folks
    hello dear kinda sorta tbh imo btw fyi guess wonder trying try tried curious basically literally
    anyway anyways couple wont cant dont doesnt didnt isnt arent gonna gotta true honestly totally
    currently recently someday somehow maybe perhaps lately already always usually often sometimes
    because thinking instead main guides give gives option options wants wanted
    somebody someones anyones everyone everybody everyones theyre theyve theyll youre youve youll
    ive itll theres whos hows wheres weve talking up
    """.split()
)


def strip_slack_markup(text: str) -> str:
    """Replace Slack's <...> markup by the words it shows (a link's label; a bare address shows no
    words of the person's: "github acme pull 4821" is not a question); drop mentions and broadcasts."""
    text = _SLACK_LINK.sub(lambda mt: mt.group(1) or "", text)  # a bare link's address is no one's words
    text = _SLACK_CHANNEL.sub(lambda mt: mt.group(1) or "", text)
    text = _SLACK_USER.sub(" ", text)
    return _SLACK_SPECIAL.sub(" ", text)


def unescape_slack(text: str) -> str:
    """Slack sends a typed &, < and > as &amp;, &lt; and &gt;: read them as the person typed them."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clean_question(text: str) -> str:
    """The user's text as words: markup gone, control characters gone, whitespace folded, length capped."""
    text = unicodedata.normalize("NFKC", unescape_slack(strip_slack_markup(text)))
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())[:MAX_QUESTION_CHARS]


# The same words and texts (the content's titles and aliases, the question itself) are read again and
# again while answering: a word's stem and a text's words and terms are remembered. Bounded, since
# people's texts vary freely.
WORD_CACHE = 1 << 13
TEXT_CACHE = 1 << 11


# Words the light stemmer would fold into another word of a different meaning: a rating is a score
# ("remote work rating 8/10"), not a rate of pay; embeddings are vectors ("vector dbs and embeddings"),
# while embedded is where code or AI lives ("embedded engineer", "AI embedded into products").
OWN_STEMS = {
    "rating": "rating",
    "ratings": "rating",
    "rated": "rating",
    "embedding": "embedding",
    "embeddings": "embedding",
}


VOWELS = frozenset("aeiou")
SOUNDED = VOWELS | {"y"}  # a word has one of these: "spring" and "string" keep their -ing ("trying": "try")


@lru_cache(maxsize=WORD_CACHE)
def stem(word: str) -> str:
    """A deliberately light stemmer: enough to join engineers/engineering and hire/hiring."""
    if word in OWN_STEMS:
        return OWN_STEMS[word]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) >= 6 and word.endswith("ing") and not word.endswith("thing") and SOUNDED & set(word[:-3]):
        word = word[:-3]
        if _short_syllable(word):
            word += "e"  # "hiring", "caring", "coding": the word is "hire", "care", "code", as below
    elif len(word) >= 6 and word.endswith("ed") or len(word) >= 7 and word.endswith("ly"):
        word = word[:-2]
    if len(word) >= 7 and word.endswith("ical"):
        word = word[:-2]  # classical/classic, statistical/statistics, medically/medic
    if len(word) >= 4 and word.endswith("e") and not _short_syllable(word[:-1]):
        word = word[:-1]
    return word


def _short_syllable(word: str) -> bool:
    """A three-letter word of consonant, vowel, consonant ("car", "cod", "hop"): the final "e" of
    "care", "code", "hope" is kept, or each would be read as that other word."""
    return (
        len(word) == 3
        and word[0] not in VOWELS
        and word[1] in VOWELS
        and word[2] not in VOWELS
        and word[2] not in "wxy"
    )


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# A US retirement plan is named by its tax-code section ("401(k)", "403b"): a name, not a sum of $401,000.
_RETIREMENT_PLAN = re.compile(r"\b(401\s*\(?\s*[kK]|(?:403|457)\s*\(?\s*[bB])\s*\)?(?!\w)")
_K_SUFFIX = re.compile(r"\b(?!401k\b)(\d+)[kK]\b")
_DAYS_SUFFIX = re.compile(r"\b(\d+)[dD]\b")  # "30d plan"


def split_words(text: str) -> list[str]:
    """Word tokens as written, apostrophes dropped ("What's" -> "Whats"); "$236,875" and "500k" become
    the numbers 236875 and 500000, so a question can name a figure as the content writes it."""
    text = text.replace("'", "").replace("’", "")
    text = _RETIREMENT_PLAN.sub(lambda plan: re.sub(r"[\s(]", "", plan.group(1)).lower(), text)
    text = _K_SUFFIX.sub(r"\g<1>000", _THOUSANDS.sub("", text))
    text = _DAYS_SUFFIX.sub(r"\g<1> day", text)
    return _NON_WORD.sub(" ", text).split()


def words(text: str) -> list[str]:
    """Lower-case word tokens."""
    return list(_words(text))


def _lowered(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in split_words(text))


_words = lru_cache(maxsize=TEXT_CACHE)(_lowered)


# Everyday abbreviations, spelled out before matching (the content's own synonyms live in content/).
ABBREVIATIONS = {
    "eng": "engineer",
    "engs": "engineers",
    "engr": "engineer",
    "yrs": "years",
    "yr": "year",
    "exp": "experience",
    "mgr": "manager",
    "dev": "developer",
    "devs": "developers",
    "bs": "bachelors",  # "a BS in CS": the degree
    "bsc": "bachelors",
    "msc": "masters",
}


SINGLE_LETTER_WORDS = frozenset({"c", "r"})  # programming languages; other lone letters carry no meaning


# How to lay an answer out, not what it is about: "the timelines side by side" asks for timelines.
_PRESENTATION = re.compile(r"\bside[\s-]+by[\s-]+side\b", re.IGNORECASE)


def terms(text: str) -> list[str]:
    """Stemmed content words: what matching compares."""
    return list(_terms(text))


def terms_once(text: str) -> list[str]:
    """`terms` of a text read once, such as the content's while its indexes are built at start: not
    remembered (thousands of texts that would sit in the cache for nothing)."""
    return list(_stemmed(text))


def _stemmed(text: str) -> tuple[str, ...]:
    return tuple(
        stem(ABBREVIATIONS.get(w, w))
        for w in _fixed_phrases_joined(_lowered(_PRESENTATION.sub(" ", text)))
        if w not in STOPWORDS and (len(w) > 1 or w.isdigit() or w in SINGLE_LETTER_WORDS)
    )


# Phrases of a small word and a word that means something else alone: an in-house team is no house,
# a model built from scratch scratches nothing, and a hire that pays off is paid nothing. Each is one
# term, so that the word alone ("how much is a house") is one the articles never use.
FIXED_PHRASES = {
    ("in", "house"): "inhouse",
    ("from", "scratch"): "fromscratch",
    # what one cannot do without ("must-have libraries", "must-haves are pandas and numpy"): "must"
    # and "have" alone are stopwords, so the phrase would otherwise say nothing
    **{("must", have): "musthave" for have in ("have", "haves")},
    # what a hire that "pays off" gives back, not anyone's pay
    **{(pay, "off"): "payback" for pay in ("pay", "pays", "paid", "paying")},
}


def _fixed_phrases_joined(tokens: tuple[str, ...]) -> list[str]:
    joined: list[str] = []
    for token in tokens:
        phrase = FIXED_PHRASES.get((joined[-1], token)) if joined else None
        if phrase is not None:
            joined[-1] = phrase
        else:
            joined.append(token)
    return joined


_terms = lru_cache(maxsize=TEXT_CACHE)(_stemmed)


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
ASIDE_WEIGHT = 0.5  # words outside the sentence that asks the question count half
# A question with one of these asks about what the sentence before it says ("... different
# timelines. Can you put them side by side?", "... it disadvantages one group. How do you fix
# that?"): that sentence weighs as the question does.
SELF_NAMED_TERMS = 4  # a question with this many terms names its own subject, whatever it points back to
BACK_REFERENCES = frozenset({"it", "they", "them", "that", "those", "these", "both", "ones"})


def sentence_weights(text: str) -> list[tuple[str, float]]:
    """The text's sentences with their weights: those that ask (end in "?"), and a sentence a
    question refers back to, weigh fully; the chatter around them ASIDE_WEIGHT. A question with no
    content word of its own refers to everything told before it."""
    sentences = [m.group(0) for m in _SENTENCE.finditer(text)]
    asking = [s.strip().endswith("?") for s in sentences]
    if not any(asking) or all(asking) or not any(terms(s) for s in sentences if s.strip().endswith("?")):
        # No question stands out, or the questions name nothing of their own ("... nobody touched
        # the code. how??", "why is that?"): the story told is what is asked.
        return [(s, 1.0) for s in sentences]
    referred = [
        i + 1 < len(sentences) and asking[i + 1] and _refers_back(sentences[i + 1]) for i in range(len(sentences))
    ]
    return [
        (s, 1.0 if ask or refer else ASIDE_WEIGHT) for s, ask, refer in zip(sentences, asking, referred, strict=True)
    ]


# What the asking is for, after what is asked ("what projects should go in my portfolio so I get
# hired?", "which cert should I take so that I can land a job"): the goal is told, the thing asked
# comes before it.
_PURPOSE = re.compile(
    r"\b(?:so that|in order to|in order for)\b"
    r"|\bso\s+(?:i|we|you|they|my|our)\b(?:\s+\w+ly)?"
    r"\s+(?:can|could|will|would|might|get|gets|land|stand|become|have|am|are|dont|don't|do not)\b",
    re.IGNORECASE,
)
_ASKING_WORDS = frozenset("what whats how which why who where when should".split())


def clause_weights(text: str) -> list[tuple[str, float]]:
    """`sentence_weights`, with the purpose of an asking sentence told after what it asks (_PURPOSE)
    weighing as chatter does, when what it asks names something and the purpose asks nothing."""
    weighed: list[tuple[str, float]] = []
    for sentence, weight in sentence_weights(text):
        purpose = _PURPOSE.search(sentence) if weight == 1.0 else None
        head, tail = (sentence[: purpose.start()], sentence[purpose.start() :]) if purpose else (sentence, "")
        if tail and terms(head) and not _ASKING_WORDS & set(words(tail)):
            weighed += [(head, weight), (tail, ASIDE_WEIGHT)]
        else:
            weighed.append((sentence, weight))
    return weighed


def _refers_back(question: str) -> bool:
    """Does a question ask about what was told before it: it has a word that points back, and too few
    words of its own to name its subject ("How do you fix that?", "is it worth it?"; not "can
    bootcamp people realistically become AI engineers, or is it all PhDs?")?"""
    return bool(BACK_REFERENCES & set(words(question))) and len(terms(question)) < SELF_NAMED_TERMS


def weighted_terms(text: str) -> list[tuple[str, float]]:
    """Terms with the weight of their clause (see clause_weights)."""
    return [(t, weight) for clause, weight in clause_weights(text) for t in terms(clause)]


def word_weights(text: str) -> list[float]:
    """The weight of each of split_words(text), by its clause (see clause_weights)."""
    return [weight for clause, weight in clause_weights(text) for _ in split_words(clause)]


def shorten(text: str, limit: int) -> str:
    """The text, cut to at most `limit` characters with "…" where it was cut (labels, titles, fields)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def escape_mrkdwn(text: str) -> str:
    """Escape Slack's three control characters so user text can never mention, link or broadcast."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def has_figure(text: str) -> bool:
    return bool(_CURRENCY_OR_PERCENT.search(text)) or any(ch.isdigit() for ch in text)
