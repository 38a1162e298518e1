"""The answer engine: text (or a click) in, Reply out. Pure: no Slack, no I/O beyond logging gaps.

A reply is one of: answer (one clear winner), choices ("did you mean", several close candidates),
fallback (nothing good), help, or ignore (a channel message the bot should not answer).

    text -> clean, drop instructions -> parse -> command? route : find candidates -> decide -> card
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial

from bot import ids, refs
from bot.candidates import (
    CandidateFinder,
    Scored,
    aside_positions,
)
from bot.cards import Card, focus, open_card, open_ref_text
from bot.cards.alternatives import with_alternatives
from bot.cards.menus import (
    choices_card,
    fallback_card,
    greeting_card,
    help_card,
    navigation_card,
    none_of_these_card,
    not_covered_card,
    nothing_of_kind_card,
    thanks_card,
    unknown_employer_card,
)
from bot.cards.roadmap import plan_of
from bot.content import Library
from bot.employers import asked_of_an_employer, general_cards, unknown_employer
from bot.entities import EntityIndex
from bot.errors import BotError
from bot.focusing import focus_ref
from bot.instructions import without_instructions
from bot.intents import compares
from bot.kinds import VIAS, ButtonAction, ReplyKind, Via
from bot.matching import Matcher
from bot.parsing import Query, parse
from bot.phases import PHASE_WORDS, asked_stems, phase_by_steps, phase_by_word, phase_index, words_ahead, words_past
from bot.recent import Recent
from bot.refs import Ref
from bot.routing import COMMAND_THINGS, SUBJECT_ROLE, CommandRouter
from bot.scope import Reading, Scope
from bot.social import Social, SocialCue, only_introduces, social_cue, social_intent
from bot.text import clean_question, words
from bot.thresholds import (
    ANSWER_THRESHOLD,
    CHANNEL_THRESHOLD,
    CLEAR_LEAD,
    CLEAR_LEAD_MIN_TERMS,
    MARGIN,
    MAX_CHOICES,
    NEAR_LEAD,
    NEAR_LEAD_MIN_TERMS,
    SUGGEST_THRESHOLD,
)

__all__ = ["ANSWER_THRESHOLD", "CHANNEL_THRESHOLD", "MARGIN", "SUGGEST_THRESHOLD", "Engine", "Reply", "Scored"]

ONE_ANSWER_MIN_CLOSE = 2  # a lone candidate below the answer bar is a guess, not corroborated (unless
# nothing comes near it: CLEAR_LEAD)
GRAMMAR_MAX_WORDS = 4  # a DM this short that starts with a topic word is read as a command
GAP_QUESTION_CHARS = 300
REPLY_CACHE = 256  # the texts asked most; a reply with its reading and candidates is about 3 KB

gap_log = logging.getLogger("aieng.gaps")
feedback_log = logging.getLogger("aieng.feedback")
_VOTES: dict[ButtonAction, str] = {"vote_up": "up", "vote_down": "down"}


@dataclass(frozen=True)
class Reply:
    kind: ReplyKind
    card: Card | None
    topic_id: str | None = None
    score: float | None = None
    candidates: tuple[Scored, ...] = field(default_factory=tuple)
    query: Query | None = None
    why: str | None = None  # the decision rule that chose this reply (shown by `ask --explain`)
    about_pay: bool = False  # a salary table, or an entry whose kind is about pay (see Entry.about_pay)


class Engine:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.matcher = Matcher(library)
        self.index = EntityIndex(library, content_words=frozenset(self.matcher.idf))
        self.router = CommandRouter(library, self.index, self.matcher)
        self.finder = CandidateFinder(library, self.matcher)
        self.scope = Scope(library, self.matcher, self.finder)
        # A card is a value of its ref and of content that never changes while the bot runs.
        self._card_for = lru_cache(maxsize=4096)(partial(open_card, library))
        focus.read_facts(e.topic for e in library.entries.values())
        # A reply is a value of the text, the way in and content that never changes while the bot runs,
        # so a text asked again ("/aieng salary senior") is answered from here.
        self._replies: Recent[tuple[str, Via], Reply] = Recent(REPLY_CACHE)

    def answer(self, text: str, via: Via) -> Reply:
        """The reply to a message that arrived by `via` (slash, mention, dm or channel)."""
        if via not in VIAS:
            raise ValueError(f"via must be one of {VIAS}, not {via!r}")
        known = self._replies.get((text, via))
        if known is not None:
            return known
        gaps = gaps_recorded()
        reply = self._answer(text, via)
        if gaps_recorded() == gaps:  # one that recorded a gap is made again each time, to record it again
            self._replies.keep((text, via), reply)
        return reply

    def _answer(self, text: str, via: Via) -> Reply:
        cleaned = clean_question(text)
        question = without_instructions(cleaned)
        said = social_intent(question)
        if via == "channel":
            return self._unasked(question, said)
        if cleaned and not question:
            return self._fallback("")  # nothing but instructions to the bot
        grammar = via == "slash" or len(words(question)) <= GRAMMAR_MAX_WORDS
        query = parse(question, self.index, grammar=grammar)
        if query.command == "help" or said == "help":
            return Reply(kind="help", card=help_card(self.library), topic_id="help", query=query)
        if said is not None:
            social_cards = {"greeting": greeting_card, "thanks": thanks_card, "navigation": navigation_card}
            return Reply(kind="help", card=social_cards[said](self.library), topic_id="help", query=query)
        ref = self.router.route(query) if query.command else None
        if ref is not None and (families := self.router.unfit_families(query)):
            # The words after the command name nothing of its kind: a free answer of the command's
            # families that answers plainly wins; otherwise the command's own card. The command word
            # only names the family: among its entries it is no evidence ("skills classic ml").
            found = [s for s in self.finder.find(_after_command(query)) if s.family in families]
            free = self._decided(query, found, via)
            return self._explained(free) if free.kind == "answer" else self._command_card(ref, query)
        if ref is not None and (trailing := self.router.trailing_question(query)):
            # The command's words go on to ask about something else ("roadmap java developer, do i
            # need python"): a plain free answer to that question leads, with the command's card
            # under it; the whole text still says which of the answer's facts to show.
            tail, families = trailing
            found = [s for s in self.finder.find(tail) if s.family in families]
            free = self._decide(query, found, via)
            if free.kind == "answer" and free.card is not None and free.card.ref != str(ref):
                card = with_alternatives(free.card, [(self._card_for(ref).title, ref)])
                why = f"the command's words go on to ask {tail.text!r} (scored alone): its answer, the command's below"
                return replace(free, card=card, why=why)
        if ref is not None:
            return self._command_card(ref, query)
        if cue := social_cue(question):
            return self._cued(cue, query, via)
        return self._decide(query, self.finder.find(query), via)

    def _command_card(self, ref: Ref, query: Query) -> Reply:
        """The card a command names; its plain card, when its words name only what the articles have
        none of, says there is no such thing and offers what there is."""
        if not self.router.names_only_the_unknown(query, ref):
            return self._not_that_employer(self._reply_for(ref, None, (), query))
        record_gap("no such", query.text)
        thing = COMMAND_THINGS[query.command or ""]
        card = nothing_of_kind_card(thing, query.argument_text, self._card_for(ref))
        why = f"the command's words name no {thing} and words the articles never use: said so"
        return Reply(kind="fallback", card=card, query=query, why=why)

    def _cued(self, cue: SocialCue, query: Query, via: Via) -> Reply:
        """A phrase about the bot, or a greeting, with chatter around it: the rest of the message is
        read on its own, and answered when it asks something (a question, or names what it is about)
        that has an answer (or a card saying the articles do not cover it); otherwise it was a
        request for help, or a greeting, and gets that card."""
        rest = parse(cue.rest, self.index, grammar=False)
        # chatter ("my manager told me to try it") asks nothing; nor does saying who one is ("im a recruiter")
        if (rest.is_question or rest.entities.found) and not only_introduces(cue.rest):
            reply = self._decided(rest, self.finder.find(rest), via)
            if reply.kind == "answer" or reply.topic_id is not None:
                return self._explained(reply)
        card = help_card(self.library) if cue.kind == "help" else greeting_card(self.library)
        why = f"a {cue.kind} cue, and the rest of the message ({cue.rest!r}) has no answer of its own"
        return Reply(kind="help", card=card, topic_id="help", query=query, why=why)

    def _unasked(self, question: str, said: Social | None) -> Reply:
        """A channel message not addressed to the bot. The one rule for speaking unasked: only a question
        the content confidently answers; never help, greetings, thanks, commands or empty text."""
        query = parse(question, self.index, grammar=False)
        if said is not None or not query.is_question:
            return Reply(kind="ignore", card=None, query=query)
        return self._decide(query, self.finder.find(query), "channel")

    def click(self, action: ButtonAction, value: str) -> Reply:
        """The reply to a button: the card its value names (open, share, a vote), or a recorded gap."""
        if action == "none_of_these":
            record_gap("none of these", value)
            return Reply(kind="fallback", card=none_of_these_card(self.library))
        if action in _VOTES:
            feedback_log.info("feedback", extra={"ref": value[:200], "vote": _VOTES[action]})
        elif action not in ("open", "share"):
            raise BotError(ids.UNKNOWN_BUTTON)
        card = open_ref_text(self.library, value)
        return Reply(kind=card.kind, card=card, topic_id=_topic_of(value))

    def _decide(self, query: Query, found: list[Scored], via: Via) -> Reply:
        return self._explained(self._decided(query, found, via))

    def _explained(self, reply: Reply) -> Reply:
        """The reply as given: a question it could not answer recorded as a gap, the rule that chose it named."""
        if reply.kind == "choices":
            record_gap("did you mean", reply.query.text if reply.query else "")
        elif reply.kind == "fallback" and reply.topic_id is None:
            record_gap("fallback", reply.query.text if reply.query else "")
        return replace(reply, why=reply.why or _WHY.get(reply.kind))

    def _decided(self, query: Query, found: list[Scored], via: Via) -> Reply:
        threshold = CHANNEL_THRESHOLD if via == "channel" else ANSWER_THRESHOLD
        best = found[0] if found else None
        rival = next((s for s in found[1:] if not self.finder.allied(best, s)), None) if best else None
        lead = best.score - rival.score if best and rival else float("inf")
        reading = self.scope.reading(query)
        if best and (elsewhere := self.scope.asked_of_something_else(reading, best)):
            if via == "channel":
                return Reply(kind="ignore", card=None, score=best.score, candidates=tuple(found), query=query)
            card = not_covered_card(self.library, elsewhere.what, query.text)
            reply = Reply(kind="fallback", card=card, score=best.score, candidates=tuple(found), query=query)
            return replace(self._not_that_employer(reply), why=f"{elsewhere.why}: said so, not answered")
        if best and best.score >= threshold and self.scope.about_something_else(reading):
            # Above the bar on the words of how it is asked ("fine-tune", "roadmap", "interview"):
            # the thing asked about is one the articles never mention. Offered, not answered.
            if via == "channel":
                return Reply(kind="ignore", card=None, score=best.score, candidates=tuple(found), query=query)
            why = "the thing asked about is one the articles never mention: its near words offered, not answered"
            close = [s for s in found if s.score >= SUGGEST_THRESHOLD]
            return replace(self._choices(query, found, close), why=why)
        if best and best.score >= threshold and lead >= MARGIN:
            return self._answered(best, found, query, via, why="clear winner: above the bar and the margin")
        if best and via != "channel" and best.score >= threshold:
            # Above the bar a near rival does not make a real choice: the best answers, and the
            # rivals within the margin are one click away under it.
            near = [s for s in found[1:] if best.score - s.score < MARGIN][: MAX_CHOICES - 1]
            why = "above the bar; rivals within the margin offered as buttons under it"
            return self._answered(best, found, query, via, why, also=near)
        if via == "channel":
            score = best.score if best else None
            return Reply(kind="ignore", card=None, score=score, candidates=tuple(found), query=query)
        if best and best.score >= SUGGEST_THRESHOLD:
            close = [s for s in found if s.score >= SUGGEST_THRESHOLD]
            if self._one_answer(best, close) and not self.scope.about_the_unknown(
                reading, self._shared_terms(reading, best)
            ):
                why = "below the bar, but its close candidates are one family: answered"
                return self._answered(best, found, query, via, why, also=close[1:MAX_CHOICES])
            if self._parts_of_one_topic(best, close) and self._enough_shared(reading, best):
                why = "below the bar, but the close candidates it links to are parts of one topic: answered"
                return self._answered(best, found, query, via, why, also=close[1:MAX_CHOICES])
            if self._clearly_ahead(reading, best, lead):
                # Nothing else comes near: "did you mean" would offer one real choice, or choices
                # that plainly do not answer. The best answers, the next ones are buttons under it.
                # One shared word is not enough to go on ("how do I become a pilot": pilot purgatory).
                why = f"below the bar, but {CLEAR_LEAD:g} or more ahead of every rival on several words: answered"
                return self._answered(best, found, query, via, why, also=close[1:MAX_CHOICES])
            return self._choices(query, found, close)
        card = fallback_card(self.library, query.text)
        score = best.score if best else None
        reply = Reply(kind="fallback", card=card, score=score, candidates=tuple(found), query=query)
        return self._not_that_employer(reply)

    def _clearly_ahead(self, reading: Reading, best: Scored, lead: float) -> bool:
        """Below the bar, the best leads every rival by CLEAR_LEAD on several shared words; or by
        NEAR_LEAD when it shares more of them and the asking sentence has no word the articles never
        use: a question wholly in their vocabulary is not about something else, and its best match
        is the answer rather than one choice among look-alikes."""
        if lead >= CLEAR_LEAD:
            return self._enough_shared(reading, best)
        if lead < NEAR_LEAD or self._shared_terms(reading, best) < NEAR_LEAD_MIN_TERMS:
            return False
        return not reading.unknown_asked and self._enough_shared(reading, best)

    def _enough_shared(self, reading: Reading, best: Scored) -> bool:
        """Below the bar, the best answer must share several of the question's terms, and not be
        about things the content never mentions."""
        shared = self._shared_terms(reading, best)
        return shared >= CLEAR_LEAD_MIN_TERMS and not self.scope.about_the_unknown(reading, shared)

    def _choices(self, query: Query, found: list[Scored], close: list[Scored]) -> Reply:
        card = choices_card(self.library, query.text, [(s.label, s.ref) for s in close[:MAX_CHOICES]])
        reply = Reply(kind="choices", card=card, score=found[0].score, candidates=tuple(found), query=query)
        return self._not_that_employer(reply)

    def _shared_terms(self, reading: Reading, best: Scored) -> int:
        """How many of the question's terms the best answer's entry uses (0 for a card that is no entry)."""
        if best.ref.kind not in ("t", "r") or best.ref.parts[0] not in self.library.entries:
            return 0
        return self.matcher.terms_found(reading.terms, best.ref.parts[0])

    def _parts_of_one_topic(self, best: Scored, close: list[Scored]) -> bool:
        """Close behind the best are entries of another kind its card links to (a skill and the trend
        or challenge it belongs to): pieces of one answer, not a choice, when any other close
        candidate is the margin behind."""
        linked = [s for s in close[1:] if s.family != best.family and self.finder.allied(best, s)]
        rival = next((s for s in close[1:] if not self.finder.allied(best, s)), None)
        return bool(linked) and (rival is None or best.score - rival.score >= MARGIN)

    def _one_answer(self, best: Scored, close: list[Scored]) -> bool:
        """Below the answer bar, one answer is still plain when several close candidates are of its
        family (pay tables and pay topics, say: they corroborate each other) and it leads every
        close candidate of another family by the margin: "did you mean" would only ask the person
        to pick between pieces of the same answer."""
        kin = [s for s in close if s.family == best.family]
        rival = next((s for s in close if s.family != best.family), None)
        return len(kin) >= ONE_ANSWER_MIN_CLOSE and (rival is None or best.score - rival.score >= MARGIN)

    def _answered(
        self, best: Scored, found: list[Scored], query: Query, via: Via, why: str, also: list[Scored] | None = None
    ) -> Reply:
        reply = self._reply_for(best.ref, best.score, tuple(found), query)
        if reply.kind != "answer":
            if via == "channel":  # never volunteer "the articles do not cover this" unasked
                return Reply(
                    kind="ignore", card=None, score=best.score, candidates=tuple(found), query=query, why=_WHY["ignore"]
                )
            return replace(reply, why="its best candidate is a card saying the articles do not cover it")
        if (told := self._not_that_employer(reply)) is not reply:
            return told if via != "channel" else replace(told, kind="ignore", card=None)  # never volunteered
        reply = replace(reply, why=why)
        if not also or reply.card is None:
            return reply
        return replace(reply, card=with_alternatives(reply.card, [(s.label, s.ref) for s in also]))

    def _not_that_employer(self, reply: Reply) -> Reply:
        """An answer to a question about the pay, interviews or hiring of an employer the articles never
        name ("how much does Stripe pay senior AI engineers"): the general answer would pass for that
        employer's, so the reply says the articles have nothing on it and offers the answer as what it
        is. A did-you-mean or a plain "I don't know" says the same, and offers its choices or topics. A
        question that also names a company type ("Zolvix, an AI startup") gets that type's figures."""
        query, card = reply.query, reply.card
        if card is None or query is None or query.entities.ids("company_type"):
            return reply
        if reply.kind not in ("answer", "choices") and not (reply.kind == "fallback" and card.ref is None):
            return reply  # help, or a card of its own saying what the articles do not cover
        asked = asked_of_an_employer(query, self.finder.asks_about_pay(query, self.matcher.query_terms(query.text)))
        employer = unknown_employer(self.matcher, query) if asked else None
        if employer is None:
            return reply
        if reply.kind == "answer":  # the others have their gap recorded as the fallback they are or become
            record_gap("unknown employer", query.text)
        general = general_cards(self.library, query, asked, refs.parse_ref(card.ref) if card.ref else None)
        why = f"asks {asked} of {employer!r}, a name the articles never use: said so, the answer offered"
        card = unknown_employer_card(employer, str(asked), query.text, card, general)
        return replace(reply, kind="fallback", card=card, why=why, about_pay=False)

    def _fallback(self, text: str) -> Reply:
        """Nothing answers a question that was asked (a channel question never gets here: it is left alone)."""
        record_gap("fallback", text)
        return Reply(kind="fallback", card=fallback_card(self.library, text))

    def _reply_for(self, ref: Ref, score: float | None, found: tuple[Scored, ...], query: Query) -> Reply:
        # Someone a roadmap is only the nearest path for is told so first, on its overview, unless they
        # ask for a step or phase: "devops here, is MLOps the bridge?" only shares the MLOps phase's word.
        asks_a_phase = bool(PHASE_WORDS & asked_stems(query.words))
        named = ref if self._nearest_for_asker(ref, query) and not asks_a_phase else self._phase_named(ref, query)
        ref = self._nearest_labelled(focus_ref(self.library, self.matcher, named, query), named, query)
        card = self._card_for(ref)
        about_pay = ref.kind == "s" or self.library.about_pay(ref.topic_id)
        return Reply(
            kind=card.kind,
            card=card,
            topic_id=named.topic_id if named.kind == "r" else ref.topic_id,  # a roadmap focused is that roadmap
            score=score,
            candidates=found,
            query=query,
            about_pay=about_pay,
        )

    def _nearest_labelled(self, ref: Ref, named: Ref, query: Query) -> Ref:
        """A roadmap overview answering someone it is only the nearest path for ("data analyst here")
        says so first, unless the question also names a background or role it is the path of."""
        near = self._nearest_for_asker(named, query)
        return refs.nearest_for(ref, near) if near else ref

    def _nearest_for_asker(self, ref: Ref, query: Query) -> str | None:
        """Whom (a `nearest_for` id) the roadmap this ref names is only the nearest path for, when the
        question names them and says of no background or role it is the path of that it is who asks
        ("data scientist here, used to be a data analyst"); a role named otherwise is what is asked
        about ("I'm a data analyst, is the data scientist roadmap right for me?")."""
        roadmap = self.library.roadmaps.get(ref.parts[0]) if ref.kind == "r" and len(ref.parts) == 1 else None
        if roadmap is None:
            return None
        e = query.entities
        who = {f.start for f in e.askers} | aside_positions(query) | {0}
        said = [f for f in e.found if f.kind in ("role", "background") and f.id != SUBJECT_ROLE and f.start in who]
        own = {self.library.roles[f.id].roadmap if f.kind == "role" else f.id for f in said}
        near = [n.id for n in roadmap.nearest_for if n.id in e.ids("nearest_for")]
        return near[0] if near and roadmap.id not in own else None

    def _phase_named(self, ref: Ref, query: Query) -> Ref:
        """A roadmap answer to a question that names one of its phases opens that phase."""
        roadmap_id = ref.parts[0] if ref.kind in ("t", "r") and len(ref.parts) == 1 else None
        roadmap = self.library.roadmaps.get(roadmap_id or "")
        if roadmap is None or compares(query):
            return ref  # "senior-level vs beginner" weighs phases against each other: show them all
        ahead = words_ahead(query.words)
        index = phase_index(roadmap, asked_stems(ahead))
        if index is None:
            index = phase_by_word(roadmap, ahead)  # "about to start the LLM part"
        past = words_past(query.words)
        done = phase_index(roadmap, asked_stems(past))
        if done is None:
            done = phase_by_steps(roadmap, past)  # "after the RAG stuff": the phase with that step is done
        if index is None and done is not None:
            plan = plan_of(roadmap, done)  # "what comes after the MLOps step": the next phase of its plan
            index = plan[min(plan.index(done) + 1, len(plan) - 1)]
        return refs.roadmap(roadmap.id, index) if index is not None else ref


_WHY = {
    "ignore": "an unasked channel message without a clear winner: stay quiet",
    "choices": "a real choice: close candidates of different families below the bar",
    "fallback": "nothing scored high enough, or the articles do not cover it",
}


_gaps = threading.local()


def gaps_recorded() -> int:
    """How many gaps this thread has recorded (an answer that recorded one is not kept for repeats)."""
    return int(getattr(_gaps, "count", 0))


def record_gap(reason: str, question: str) -> None:
    """A question the content could not answer, kept so content can grow where people ask.

    At DEBUG, because it carries the person's words: the INFO log never does. `AIENG_GAP_LOG`
    sends these records to their own file (see bot.logs)."""
    _gaps.count = gaps_recorded() + 1
    gap_log.debug("gap", extra={"reason": reason, "question": question[:GAP_QUESTION_CHARS]})


def _after_command(query: Query) -> Query:
    """The query with its text cut after the command word (its words and entities already are)."""
    _, _, rest = query.text.partition(" ")
    return replace(query, text=rest) if rest.strip() else query


def _topic_of(value: str) -> str | None:
    try:
        return refs.parse_ref(value).topic_id
    except ValueError:
        return None
