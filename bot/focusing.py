"""Which facts of an answer bear on the question: the engine's side of focused cards.

A card is a pure function of its ref, so the question's focus travels in the ref: `t:<id>` becomes
`t:<id>:<i>.<j>` when the question singles out other facts than the entry leads with
(see bot.cards.focus for how facts are chosen and shown).
"""

from __future__ import annotations

from bot import refs
from bot.cards import focus
from bot.content import Library
from bot.matching import Matcher
from bot.parsing import Query
from bot.refs import Ref


def focus_ref(library: Library, matcher: Matcher, ref: Ref, query: Query) -> Ref:
    """`ref` focused on what `query` asks, or `ref` itself when it is not a single entry's card or
    the question picks the same facts the entry leads with anyway."""
    if ref.kind == "cmp" and len(ref.parts) == 2 and ref.parts[0] in library.roles and ref.parts[1] in library.roles:
        left, right = library.roles[ref.parts[0]], library.roles[ref.parts[1]]
        picks = focus.side_picks(left, right, _asked(matcher, query))
        unasked = picks == focus.side_picks(left, right, {})
        return ref if unasked else Ref("cmp", (*ref.parts, ".".join(str(p) for p in picks)))
    topic_id = _entry_of(library, ref)
    if topic_id is None:
        return ref
    topic = library.entries[topic_id].topic
    budget = focus.OVERVIEW_BUDGET if topic_id in library.roadmaps else focus.FOCUS_BUDGET
    picks = focus.question_picks(topic, _asked(matcher, query), budget)
    return ref if picks == focus.default_picks(topic, budget) else refs.focused(topic_id, picks)


def _asked(matcher: Matcher, query: Query) -> dict[str, float]:
    """The question's words (a command's arguments), each weighted by how rare it is in the content.
    Words that name a role are left out: they say who the question is about, not which fact
    ("what do *AI engineers* need to know about the EU AI Act")."""
    roles = {f.start + i for f in query.entities.found if f.kind == "role" for i in range(f.length)}
    text = " ".join(w for i, w in enumerate(query.words) if i not in roles)
    return {t: w * matcher.idf.get(t, matcher.unknown_idf) for t, w in matcher.query_terms(text).items}


def _entry_of(library: Library, ref: Ref) -> str | None:
    """The entry a plain topic ref names."""
    if ref.kind == "t" and len(ref.parts) == 1 and ref.parts[0] in library.entries:
        return ref.parts[0]
    return None
