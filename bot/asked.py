"""Two ways a question asks for what the articles never teach, read from its words (`Query.words`: lower
case, apostrophes dropped): what "learn to ..." would learn ("how do i learn to drive"), and a fault in
someone's code or run ("my training keeps hitting CUDA OOM", "why does my script throw a KeyError")."""

from __future__ import annotations

import re

# "learn to drive", "learn how to cook": what is to be learned, up to where the clause goes on.
LEARNING = frozenset({"learn", "learning", "learnt", "learned"})
LEARNED_ENDS = frozenset("for at of in on with to from like by when where while if and or so but".split())
LEARNED_WORDS = 4


def learned(words: tuple[str, ...]) -> range:
    """Word positions of what "learn to ..." or "learn how to ..." would learn (empty when not asked)."""
    for i, word in enumerate(words):
        if word not in LEARNING:
            continue
        start = i + 1 + (words[i + 1 : i + 2] == ("how",))
        if words[start : start + 1] == ("to",):
            end = start + 1
            while end < len(words) and end - start <= LEARNED_WORDS and words[end] not in LEARNED_ENDS:
                end += 1
            return range(start + 1, end)
    return range(0)


# Faults in code or a run, in the words programmers use for them. A fault by its own name ("KeyError",
# "NullPointerException", "OOM", "segfault") is one in someone's code; "an error", "bugs" may be a model's
# too ("debugging model errors"), and are someone's code's only beside words the articles never use.
_ERROR_NAME = re.compile(r"^[a-z]+(?:error|exception)s?$")
NAMED_FAULTS = frozenset("oom ooms segfault segfaults traceback tracebacks stacktrace stacktraces".split())
FAULT_PHRASES = (("out", "of", "memory"),)
FAULTS = frozenset("error errors bug bugs exception exceptions".split())


def names_a_fault(words: tuple[str, ...]) -> bool:
    """Does the question name a fault in code by its own name ("CUDA OOM", "a KeyError", "out of memory")?"""
    if any(word in NAMED_FAULTS or _ERROR_NAME.match(word) for word in words):
        return True
    return any(words[i : i + len(p)] == p for p in FAULT_PHRASES for i in range(len(words)))


def says_fault(words: tuple[str, ...]) -> bool:
    """Does the question say "error", "bug" or "exception": a fault, in code or in a model's answers?"""
    return bool(FAULTS & set(words))
