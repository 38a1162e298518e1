"""What a message says to the bot itself rather than about a topic: a request for help, a greeting, thanks.

Each is recognised the same way: a cue (help words, "what can you do", "hi", "thanks") and nothing
else of substance. A message that names anything the content could be about ("what can an AI
engineer do", "how do I use RAG", "help me choose between ML and AI engineering") is a question,
whatever cue it carries.

Pure functions of the text; the engine decides what each gets (help card, greeting, or silence in
a channel nobody addressed the bot in).
"""

from __future__ import annotations

import re
from typing import Literal

from bot.text import stem, terms, words

Social = Literal["help", "greeting", "thanks"]


def _stems(vocabulary: str) -> frozenset[str]:
    return frozenset(stem(w) for w in vocabulary.split())


# Words that name the bot, how to use it or what it knows, rather than a career topic.
_ABOUT_THE_BOT = _stems(
    """
    help helps command commands cmd cmds menu usage topic topics option options feature features example
    examples sample samples instruction instructions question questions answer answers able capable support
    supports offer offers cover covers handle know knows bot aieng app tool this thing new here channel
    workspace team give few some list show work works type write start begin talk talking chat chatting
    speak message
    """
)
# Cues that ask how to use the bot. Each is a phrase about the bot itself: a topic in the same
# message still makes it a question about that topic (see `_only_about` below).
_HELP_CUES = re.compile(
    r"\b(help|helps|commands?|cmds?|menu|usage|topics?|options|features|examples?|samples?|instructions)\b"
    r"|\b(you|u)\b.*\b(do|for|able|know|answer|support|offer|cover|handle)\b"  # what can you do / what are you for
    r"|\b(do|know|answer|support|offer|cover|handle)\b.*\b(you|u)\b"  # which topics do you know
    r"|\b(talk|speak|chat|message)\b.*\b(you|u|this|it|aieng|bot|thing|app)\b"  # how do I talk to you
    r"|\b(who|what) are you\b"
    r"|\b(use|work|works|start)\b.*\b(this|it|you|aieng|bot|thing|app)\b"  # how do I use this thing
    r"|\b(this|it|you|aieng|bot|thing|app)\b.*\b(work|works)\b"  # how does /aieng work
    r"|\bwhat (should|can|do) i (type|ask|say|write)\b"
    r"|\bnew (here|to)\b"
)
_GREETING_WORDS = frozenset(
    "hi hello hey heya hiya howdy hola yo sup greetings morning afternoon evening gm hallo helo hii".split()
)
_GREETING_FILLER = _stems("there everyone all team folks bot aieng good day nice meet you again") | _stems(
    " ".join(_GREETING_WORDS)
)
_THANKS_WORDS = frozenset("thanks thank thx ty tysm tyvm cheers appreciate appreciated thankyou thanx kudos".split())
_THANKS_FILLER = _stems(
    """
    much lot lots great awesome helpful useful perfect cool nice amazing super help info information answer
    answers bot aieng again very for all this that ok okay got sharing share
    """
) | _stems(" ".join(_THANKS_WORDS))


def social_intent(text: str) -> Social | None:
    """Help, a greeting or thanks when that is all the message says; None when it asks something else."""
    said = " ".join(words(text))
    if not said:
        return None
    said_words = set(said.split())
    asks = text.rstrip().endswith("?")
    if _THANKS_WORDS & said_words and not asks and _only_about(text, _THANKS_FILLER | _ABOUT_THE_BOT):
        return "thanks"  # "thanks for the help!" is thanks, not a request for help
    if _HELP_CUES.search(said) and _only_about(text, _ABOUT_THE_BOT | _GREETING_FILLER):
        return "help"
    if _GREETING_WORDS & said_words and _only_about(text, _GREETING_FILLER):
        return "greeting"
    return None


def _only_about(text: str, vocabulary: frozenset[str]) -> bool:
    """Every content word of `text` is one of `vocabulary` (stemmed): nothing else is asked about."""
    return not set(terms(text)) - vocabulary
