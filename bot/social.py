"""What a message says to the bot itself rather than about a topic: a request for help, a greeting, thanks.

Each is recognised the same way: a cue (help words, "what can you do", "hi", "thanks") and nothing
else of substance. A message that names anything the content could be about ("what can an AI
engineer do", "how do I use RAG", "help me choose between ML and AI engineering") is a question,
whatever cue it carries.

A weaker cue is read too (`social_cue`): a phrase about the bot itself ("is there a list of
commands", "are you the career bot?", "do you only do salaries?") or an opening greeting, with chatter
around it. It is help or a greeting only when what is left of the message has no answer of its own.

Pure functions of the text; the engine decides what each gets (help card, greeting, or silence in
a channel nobody addressed the bot in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from bot.text import stem, terms, words

Social = Literal["help", "greeting", "thanks", "navigation"]
MENDABLE_LENGTH = 5
MENDING_CUTOFF = 80  # "exmapl" is 83 from "exampl"


def _stems(vocabulary: str) -> frozenset[str]:
    return frozenset(stem(w) for w in vocabulary.split())


# Words that name the bot, how to use it or what it knows, rather than a career topic.
_ABOUT_THE_BOT = (
    _stems(
        """
    help helps command commands cmd cmds menu usage topic topics option options feature features example
    examples sample samples instruction instructions question questions answer answers able capable support
    supports offer offers cover covers handle know knows bot aieng app tool this thing new here channel
    workspace team give few some list show work works type write start begin talk talking chat chatting
    speak message
    """
    )
    | _stems(
        # how a bot is tried out, set up and described ("admin here, just installed the app and testing
        # that it responds", "which questions it accepts", "what all services this bot is providing")
        """
    explain function functions accept accepts service services provide provides providing capability
    capabilities ability abilities purpose supposed meant allowed admin install installed test testing
    respond responds responding reply replies alive online working started intro guide tutorial
    kindly sum giv gimme wat wht r useful something
    """
    )
    | _stems(
        # "help" and "how do I use this bot" in the languages a workspace most often mixes in
        # ("ayuda", "oi, como eu uso esse bot?", "comment utiliser ce bot")
        """
    ayuda ajuda aide hilfe aiuto como cómo uso usar usa utiliser utilise comment wie benutze benutzen
    verwende come usare funciona funziona marche este esta esse essa ce cette dieser diese diesen questo eu
    ich je yo
    """
    )
    | _stems(
        # ...and in Hinglish ("ye bot kya karta hai", "isko kaise use karun", "madad chahiye")
        """
    madad kya kaise kese ye yeh isko iska karta karti karte kar karu karun karoon karein kare hai hain ho
    bhai bro yaar sakta sakte sakti batao bata mujhe hume aap tum kaam chahiye
    """
    )
)
# Cues that ask how to use the bot. Each is a phrase about the bot itself: a topic in the same
# message still makes it a question about that topic (see `_only_about` below).
_HELP_CUES = re.compile(
    r"\b(help|helps|commands?|cmds?|menu|usage|topics?|options|features|examples?|samples?|instructions)\b"
    r"|\b(?:ayuda|ajuda|aide|hilfe|aiuto|madad)\b"
    r"|\b(you|u)\b.*\b(do|for|able|know|answer|support|offer|cover|handle)\b"  # what can you do / what are you for
    r"|\b(do|know|answer|support|offer|cover|handle)\b.*\b(you|u)\b"  # which topics do you know
    r"|\b(talk|speak|chat|message)\b.*\b(you|u|this|it|aieng|bot|thing|app)\b"  # how do I talk to you
    r"|\b(who|what) are you\b"
    r"|\b(use|work|works|start)\b.*\b(this|it|you|aieng|bot|thing|app)\b"  # how do I use this thing
    r"|\b(this|it|you|aieng|bot|thing|app)\b.*\b(work|works)\b"  # how does /aieng work
    r"|\bwhat (should|can|do) i (type|ask|say|write)\b"
    r"|\bnew (here|to)\b"
    r"|\b(?:can|could|should|may|do) (?:i|we) (?:ask|type|say|write)\b"  # what kinda stuff can i ask here
    r"|\b(?:supposed|meant|allowed) to (?:ask|type|say|write|use)\b"
    r"|\bget(?:ting)? started\b"
    r"|\b(?:capabilit\w*|abilities|services|functions|purpose|tutorial|guide|intro)\b"
)
# A message that speaks to the bot, or of it ("is this bot alive?", "what is this", "explain how it
# functions"): help when nothing else is named in it.
_ADDRESSING_THE_BOT = re.compile(r"\b(?:you|u|ya|this|it|bot|app|aieng|ye|yeh|isko|aap|tum)\b")
_GREETING_WORDS = frozenset(
    """
    hi hello hey heya hiya howdy hola yo sup greetings morning afternoon evening gm hallo helo hii
    namaste guten bonjour salut ciao hej moin servus salaam merhaba oi ola olá
    """.split()
)
_GREETING_FILLER = _stems("there everyone all team folks bot aieng good day tag nice meet you again") | _stems(
    " ".join(_GREETING_WORDS)
)
_ABOUT_THE_BOT_OR_GREETING = _ABOUT_THE_BOT | _GREETING_FILLER  # help said with a greeting ("hi, what can you do")
_THANKS_WORDS = frozenset("thanks thank thx ty tysm tyvm cheers appreciate appreciated thankyou thanx kudos".split())
_THANKS_FILLER = _stems(
    """
    much lot lots great awesome helpful useful perfect cool nice amazing super help info information answer
    answers bot aieng again very for all this that ok okay got sharing share
    """
) | _stems(" ".join(_THANKS_WORDS))


# Typed alone, the names of the buttons under a card ("next", "go back", "show more"): the person wants
# to move through the card they were reading, which a typed message cannot do.
_NAVIGATION_WORDS = frozenset(
    "next back previous prev more continue forward go show step page please pls the one again".split()
)
_NAVIGATION_CUES = frozenset("next back previous prev more continue forward".split())
# Typed alone, a word of starting ("start", "let's begin"): the person wants to know how to begin with
# the bot, not where a career starts ("where do i start if i want to be an ml engineer" says that).
_STARTING_WORDS = frozenset("start begin started go lets let us now please pls ok okay so then".split())
_STARTING_CUES = frozenset("start begin started".split())


def social_intent(text: str) -> Social | None:
    """Help, a greeting, thanks or a button's name when that is all the message says; None when it
    asks something else."""
    said = " ".join(words(text))
    if not said:
        return None
    said_words = set(said.split())
    if said_words & _NAVIGATION_CUES and said_words <= _NAVIGATION_WORDS:
        return "navigation"
    if said_words & _STARTING_CUES and said_words <= _STARTING_WORDS:
        return "help"
    asks = text.rstrip().endswith("?")
    if _THANKS_WORDS & said_words and not asks and _only_about(text, _THANKS_FILLER | _ABOUT_THE_BOT):
        return "thanks"  # "thanks for the help!" is thanks, not a request for help
    if _HELP_CUES.search(said) and _only_about(text, _ABOUT_THE_BOT_OR_GREETING):
        return "help"
    if _GREETING_WORDS & said_words and _only_about(text, _GREETING_FILLER):
        return "greeting"
    if _ADDRESSING_THE_BOT.search(text.lower()) and _only_about(text, _ABOUT_THE_BOT_OR_GREETING):
        return "help"
    return None


def _only_about(text: str, vocabulary: frozenset[str]) -> bool:
    """Every content word of `text` is one of `vocabulary` (stemmed), typos mended: nothing else is asked about."""
    unknown = {term for term in set(terms(text)) - vocabulary if not term.isdigit()}  # "testing 123"
    return all(_mended(term, vocabulary) in vocabulary for term in unknown)


def _mended(term: str, vocabulary: frozenset[str]) -> str:
    """The vocabulary's word a typo of it stands for ("exmaples"); short words are left as they are,
    since one letter changes them into other words."""
    if len(term) < MENDABLE_LENGTH:
        return term
    found = process.extractOne(term, vocabulary, scorer=fuzz.ratio, score_cutoff=MENDING_CUTOFF)
    return found[0] if found else term


# -- the weaker cue: a phrase about the bot, or a greeting, with chatter around it ----------------------

_BOT = r"(?:(?:(?:the|this|that) )?(?:aieng |/aieng )?(?:bot|app|thing|command|tool)|you|u|this|it|aieng|/aieng)"
_CLAUSE = r"[^.!?\n]*"  # the rest of a clause (a phrase about the bot's scope takes its whole clause)
# "...can I ask", "...do you cover": what follows "what kind of questions" when the bot is asked about
# ("what sort of questions come up in an interview" is not, nor "...can I ask the interviewer").
_ASKING_THE_BOT = (
    r"[^.!?\n]*?\b(?:(?:can|could|should|may) (?:i|we) (?:ask|type|say|write|get)"
    r"(?! (?:the|my|our|a|an|in|at|during|them|him|her)\b)"
    r"|(?:can|could|do|would|will) (?:you|u)"
    r"|(?:supposed|meant|allowed) to (?:ask|type|say|write)"
    r"|(?:you|u) (?:know|answer|cover|have|do|handle|offer|support))\b"
)
# Phrases that ask about the bot itself. What they name is how to use it, so they are cut out and
# the rest of the message is read on its own ("how does this work? never used a slack bot before").
_ABOUT_THE_BOT_PHRASES = (
    r"\b(?:list|set|menu) of (?:commands?|cmds?|options|topics|features)\b",
    r"\b(?:slash )?(?:commands?|cmds?)\b",
    r"\bhelp (?:menu|page|text|docs?|command|screen)\b",
    r"\bhelp (?:using|with) " + _BOT + r"\b",
    r"\b(?:user |quick |usage |getting started )?(?:guide|docs|documentation|manual|tutorial|readme)\b"
    r"(?: (?:for|to|on|about))?(?: (?:using|use))? " + _BOT + r"\b",
    r"\bhow (?:do|does|can|should|would|am|to)\b(?: (?:i|we|you|u|one|people))?(?: supposed to| meant to)?"
    r" (?:use|talk to|chat with|ask|work with) " + _BOT + r"\b",
    r"\bhow (?:does|do|would) (?:the |this |that )?" + _BOT + r" work\b",
    r"\bhow (?:this|it) works\b",
    # "how do I ask stuff?": asking in general, where the clause ends ("how do i ask for a raise" asks how)
    r"\bhow (?:do|can|should|would|to)(?: (?:i|we))? ask (?:stuff|things|questions|something|anything)(?: here)?"
    r"(?= *(?:$|[?.!,]))",
    r"\b(?:tips|advice) (?:on|for) (?:how to )?(?:use|using) " + _BOT + r"\b",
    r"\bwhat (?:can|do|could|would|does) " + _BOT + r" (?:do|help(?: (?:me|us))?(?: with)?|answer|cover|offer|handle"
    r"|support)\b(?= *(?:$|[?.!,]| for (?:me|us)| today| here| exactly))",
    r"\bwhat (?:are|r|is) (?:you|u|this|" + _BOT + r")(?: even)? (?:for|about|able to (?:do|answer|help with))\b",
    r"\b(?:everything|anything|things|stuff|all) (?:that )?(?:you|u) (?:can|could) (?:do|answer|help with)\b",
    # "a list of everything i can ask you about", "a rundown of what i can ask": what one may ask, as a whole
    r"\b(?:(?:list|page|overview|rundown|summary|menu|doc)(?: somewhere)? (?:of|with) )?"
    r"(?:everything|anything|all|what) (?:that )?(?:i|we) (?:can|could|should|may) (?:ask|type|say|write)"
    r"(?: (?:you|u|it|here|this bot|aieng))?(?: about)?(?= *(?:$|[?.!,]))",
    r"\b(?:you|u)(?:re| are) able to (?:do|answer|help with)\b",
    r"\b(?:your|ur) (?:capabilities|abilities|features|functions|commands|scope)\b",
    r"\b(?:example|sample) (?:questions|prompts|queries)\b",
    # saying and writing are to someone: to the bot only when it is named ("hr asked my expected ctc, what
    # should i say" is a career question)
    r"\bwhat (?:can|should|could|do) (?:i|we) (?:(?:ask|type)(?: (?:you|u|here|it|this bot|aieng))?"
    r"|(?:say|write) (?:to )?(?:you|u|here|it|this bot|aieng))(?= *(?:$|[?.!,]| to (?:use|get started|start)))",
    r"\bwhat does " + _BOT + r" do\b",
    r"\bwhats (?:this|that) (?:bot|app|command|thing)\b(?: (?:about|for))?",
    r"\b(?:who|what) (?:are|r) (?:you|u)\b(?! (?:doing|thinking|working))",
    r"\bwhat is (?:this|that) (?:bot|app|command|thing)\b(?: (?:about|for))?",
    r"\b(?:some )?(?:kind|sort) of (?:bot|assistant|app|chatbot)\b",
)
# Phrases about the bot's scope or who it is, with the topics the person gives as examples: the whole
# clause that holds one is about the bot ("do you only do roadmaps or other things as well").
_ABOUT_THE_BOT_CLAUSES = (
    r"\b(?:do|does|can) (?:you|u|it|this bot|aieng) only\b",
    r"\b(?:you|u) only (?:do|know|cover|answer|handle|talk)\b",
    r"\bonly (?:thing|topic|stuff)s? (?:you|u) (?:know|do|cover|answer)\b",
    r"\bwhat else (?:can|do|could|would) (?:you|u|it|this bot|aieng)\b",
    r"\b(?:you|u|it|this bot|aieng)\b[^.!?\n]*?\b(?:anything|something|stuff|things|topics|questions)(?: else)?"
    r" (?:besides|other than|apart from|except|beyond|outside)\b",
    r"\bwhat (?:(?:kinds?|sorts?|types?) of |kinda |sorta )?(?:stuff|things|questions|topics|info|information|help)\b"
    + _ASKING_THE_BOT,
    # who the bot is: "are you the ai career bot?", "is this the bot that answers ai questions?"
    r"\b(?:are|r) (?:you|u) (?:the|a|an|that|some)\b" + _CLAUSE + r"\b(?:bot|assistant|app)\b",
    r"\b(?:youre|ur|you are|u are|is this|this is) (?:the|a|an|that|some)\b" + _CLAUSE + r"\b(?:bot|assistant|app)\b",
)
# A phrase takes the question mark that ends it: what is left asks only what it asks itself.
_BOT_PHRASE = re.compile("(?:" + "|".join(f"(?:{p})" for p in _ABOUT_THE_BOT_PHRASES) + r")[?!.]*")
_BOT_CLAUSE = re.compile("|".join(f"(?:{p})" for p in _ABOUT_THE_BOT_CLAUSES))
_REST_OF_CLAUSE = re.compile(_CLAUSE + r"[?!.]*")
_CLAUSE_ENDS = ".!?\n"


def _without_bot_phrases(said: str) -> str:
    """`said` with every phrase about the bot, and every clause holding one about its scope, cut out.

    Once one regex, clause phrases as `[^.!?\\n]*phrase[^.!?\\n]*` among the others: it read each clause
    again from every position (0.3-0.5 ms a question). The same cuts, found directly: a clause's cut
    starts where the clause starts, or where the cut before it ended inside it, unless a phrase starts
    there or earlier."""
    kept: list[str] = []
    position = 0
    while True:
        phrase = _BOT_PHRASE.search(said, position)
        in_clause = _BOT_CLAUSE.search(said, position)
        clause_start = _clause_start(said, in_clause.start(), position) if in_clause else len(said) + 1
        if phrase is not None and phrase.start() <= clause_start:
            start, end = phrase.span()
        elif in_clause is not None:
            start, end = clause_start, _REST_OF_CLAUSE.match(said, clause_start).end()  # type: ignore[union-attr]
        else:
            kept.append(said[position:])
            return "".join(kept)
        kept.append(said[position:start] + " ")
        position = end


def _clause_start(said: str, inside: int, earliest: int) -> int:
    return max(earliest, *(said.rfind(end, 0, inside) + 1 for end in _CLAUSE_ENDS))


# Saying one has just arrived is chatter around the cue ("first day here, what can you do?").
_ARRIVING = re.compile(
    r"\b(?:(?:first|1st) (?:day|week|time|month)|new)"
    r" (?:here|around here|(?:in|on) (?:this|the) (?:channel|workspace|slack|team)"
    r"|to (?:this|the|our) (?:channel|workspace|slack|team|company))\b"
    r"|\bjust (?:joined|got here|arrived)(?: (?:the|this|our) (?:channel|workspace|slack|team))?\b"
    # "first time using this", "never used this bot before": the bot is what is new to them
    r"|\b(?:(?:first|1st) time|never) (?:using|trying|used|tried) " + _BOT + r"(?: before)?\b"
)
# Saying who one is ("I'm a recruiter", "backend engineer here", "as a PM") beside a phrase about the
# bot is chatter too: the whole clause introduces the person, in a few words, and asks nothing.
_INTRODUCING = re.compile(
    r"^\W*(?:(?:im|i am|as|being) (?:(?:a|an|the) )?(?:[\w/+#&-]+ ){0,4}[\w/+#&-]+"
    r"|(?:[\w/+#&-]+ ){0,4}[\w/+#&-]+ here)\W*$"
)
_CLAUSES = re.compile(r"[,.;!?\n]+")
# Beside a phrase about the bot ("where do i start, what can i ask?"), asking where to start, with
# nothing to start on, asks where to start with the bot. Alone, it may ask where a career starts.
_STARTING_HERE = re.compile(
    r"\b(?:where|how) (?:do|should|can|could|would|shall|to)(?: (?:i|we))?(?: even)? (?:start|begin|get started)"
    r"(?: (?:here|with (?:you|u|it|this)))?(?= *(?:$|[?.!,]))[?!.,]*"
)
_OPENING_GREETING = re.compile(
    r"^\W*(?:(?:"
    + "|".join(sorted(_GREETING_WORDS, key=len, reverse=True))
    + r")\b|good (?:morning|afternoon|evening)\b"
    r"|👋)"
    r"(?:[\s,!.:;-]*(?:there|everyone|all|team|folks|bot|aieng|y'?all|again|👋))*[\s,!.:;-]*"
)

Cue = Literal["help", "greeting"]


@dataclass(frozen=True)
class SocialCue:
    """A weaker cue and what is left of the message without it (and without chatter about arriving)."""

    kind: Cue
    rest: str


def social_cue(text: str) -> SocialCue | None:
    """A phrase about the bot (help) or an opening greeting, with other words around it; None when the
    message has neither. Which reply it gets depends on whether `rest` has an answer of its own."""
    said = text.lower().replace("'", "").replace("’", "")
    rest = _ARRIVING.sub(" ", _without_bot_phrases(said))
    if rest != _ARRIVING.sub(" ", said):
        rest = _STARTING_HERE.sub(" ", rest)
        return SocialCue("help", _OPENING_GREETING.sub(" ", rest).strip())
    greeted = _OPENING_GREETING.sub(" ", rest, count=1)
    if greeted != rest:
        return SocialCue("greeting", greeted.strip())
    return None


def only_introduces(rest: str) -> bool:
    """Is what is left beside a cue only who the person is ("im a recruiter", "backend engineer here")?
    Then it names its role or job to say who asks, not to ask about it."""
    clauses = [c for c in _CLAUSES.split(rest) if c.strip()]
    return bool(clauses) and all(_INTRODUCING.match(c) for c in clauses)
