"""The assistant panel: Slack's split view, opened from the top bar, through Bolt's Assistant middleware.

A new thread gets a greeting and suggested prompts; a question in the thread is answered by the same
engine as a DM, as a card in that thread, with a status while it is worked out and the thread titled
after its first question. The middleware takes every message in an assistant thread and does not pass
it on, so handlers/messages.py never answers it a second time.

Thread context (the channel the person is looking at when they open the panel) is kept as Bolt
recommends, in a thread context store: Bolt's default keeps it in the metadata of the bot's first
reply and reads it back with conversations.replies before every reply, a rate-limited call. The
answers do not depend on that channel, so `ThreadMemory` keeps it in this process instead (bounded),
where `say` finds it to attach to each reply as Bolt does.

Everything that calls Slack runs after the acknowledgement (lazy listeners), like every other surface.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from slack_bolt import App, Assistant, BoltRequest, BoltResponse, Say, SetStatus, SetSuggestedPrompts, SetTitle
from slack_bolt.context.assistant.thread_context import AssistantThreadContext
from slack_bolt.context.assistant.thread_context_store.store import AssistantThreadContextStore
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answering import Engine
from bot.cards.quiz import quiz_offer_card
from bot.delivery import message_payload
from bot.panel import PROMPTS_TITLE, SUGGESTED_PROMPTS, greeting_card, thread_title
from bot.quiz import asks_for_quiz
from bot.rendering import render
from bot.request_log import logged_request
from bot.slack_client import slack_call
from handlers.errors import after_ack
from handlers.message_text import person_text

log = logging.getLogger("aieng.assistant")

STATUS = "is looking that up…"
MAX_THREADS = 10_000  # threads remembered per process; the oldest are forgotten first


class ThreadMemory(AssistantThreadContextStore):
    """Per assistant thread, in this process: the context Slack last reported, and whether it has a title."""

    def __init__(self, max_threads: int = MAX_THREADS) -> None:
        self.max_threads = max_threads
        self._contexts: OrderedDict[tuple[str, str], dict[str, str]] = OrderedDict()
        self._titled: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._lock = threading.Lock()

    def save(self, *, channel_id: str, thread_ts: str, context: dict[str, str]) -> None:
        with self._lock:
            self._remember(self._contexts, (channel_id, thread_ts), dict(context))

    def find(self, *, channel_id: str, thread_ts: str) -> AssistantThreadContext | None:
        with self._lock:
            context = self._contexts.get((channel_id, thread_ts))
        return AssistantThreadContext(context) if context and context.get("channel_id") else None

    def first_question(self, channel_id: str, thread_ts: str) -> bool:
        """True the first time a thread asks (it then gets its title); False after."""
        key = (channel_id, thread_ts)
        with self._lock:
            if key in self._titled:
                return False
            self._remember(self._titled, key, None)
            return True

    def _remember(self, table: OrderedDict[tuple[str, str], Any], key: tuple[str, str], value: Any) -> None:
        table[key] = value
        table.move_to_end(key)
        while len(table) > self.max_threads:
            table.popitem(last=False)


def greet(say: Say, set_suggested_prompts: SetSuggestedPrompts) -> None:
    with logged_request("assistant-start") as line:
        line.outcome = "greeting"
        with slack_call("chat.postMessage"):
            say(**render(greeting_card()).payload())
        prompts = [{"title": p.title, "message": p.message} for p in SUGGESTED_PROMPTS]
        with slack_call("assistant.threads.setSuggestedPrompts"):
            set_suggested_prompts(prompts=prompts, title=PROMPTS_TITLE)


def answer_in_thread(
    event: dict[str, Any],
    say: Say,
    set_status: SetStatus,
    set_title: SetTitle,
    memory: ThreadMemory,
    engine: Engine,
) -> None:
    with logged_request("assistant") as line:
        text = person_text(event)  # a message sent with a file may carry its words only in its blocks
        if memory.first_question(str(event.get("channel")), str(event.get("thread_ts"))):
            _cosmetic("assistant.threads.setTitle", lambda: set_title(thread_title(text)))
        if asks_for_quiz(text):  # a modal needs a click to open: offer the button
            line.outcome = "quiz-offer"
            with slack_call("chat.postMessage"):
                say(**render(quiz_offer_card()).payload())
            return
        _cosmetic("assistant.threads.setStatus", lambda: set_status(STATUS))
        line.reply = engine.answer(text, "dm")
        payload = message_payload("dm", line.reply)
        if payload:
            with slack_call("chat.postMessage"):
                say(**payload)


def _cosmetic(method: str, call: Callable[[], object]) -> None:
    """A status or title is a nicety: if Slack refuses it, the answer still goes out."""
    try:
        call()
    except Exception as error:  # any refusal (a thread outside the panel, a missing scope, Slack busy)
        code = error.response.get("error") if isinstance(error, SlackApiError) else None
        log.warning("assistant nicety refused", extra={"method": method, "error": code or type(error).__name__})


# The events Bolt's Assistant can take (its listeners' own matchers look no further than these).
ASSISTANT_EVENT_TYPES = frozenset({"assistant_thread_started", "assistant_thread_context_changed", "message"})


def may_be_for_assistant(body: dict[str, Any]) -> bool:
    event = body.get("event") if body.get("type") == "event_callback" else None
    return isinstance(event, dict) and event.get("type") in ASSISTANT_EVENT_TYPES


class PanelAssistant(Assistant):
    """Bolt's Assistant, passing at once every request that is no event it could take (commands,
    clicks, mentions): otherwise each of its listeners' matchers builds Bolt's some 30 injectable
    arguments on every request, only to find it is not an assistant event."""

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse | None:
        if not may_be_for_assistant(req.body):
            return next()
        return super().process(req=req, resp=resp, next=next)


def build_assistant(engine: Engine) -> Assistant:
    memory = ThreadMemory()
    assistant = PanelAssistant(thread_context_store=memory)

    def on_thread_started(
        body: dict[str, Any],
        payload: dict[str, Any],
        say: Say,
        set_suggested_prompts: SetSuggestedPrompts,
        client: WebClient,
    ) -> None:
        with after_ack(body, None, client):
            context = (payload.get("assistant_thread") or {}).get("context") or {}
            thread = payload.get("assistant_thread") or {}
            if context.get("channel_id"):
                memory.save(channel_id=thread["channel_id"], thread_ts=thread["thread_ts"], context=context)
            greet(say, set_suggested_prompts)

    def on_user_message(
        body: dict[str, Any],
        payload: dict[str, Any],
        say: Say,
        set_status: SetStatus,
        set_title: SetTitle,
        client: WebClient,
    ) -> None:
        with after_ack(body, None, client):
            answer_in_thread(payload, say, set_status, set_title, memory, engine)

    # Acknowledged at once (Bolt acks assistant events itself); the Slack calls run after, off the request.
    # Context changes keep Bolt's default listener, which saves the new context into `memory`.
    assistant.thread_started(lazy=[on_thread_started])(_acknowledge)
    assistant.user_message(lazy=[on_user_message])(_acknowledge)
    return assistant


def _acknowledge() -> None:
    """Nothing to do before the acknowledgement, which Bolt sends for assistant events."""


def register(app: App, engine: Engine) -> None:
    app.assistant(build_assistant(engine))
