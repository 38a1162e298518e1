"""The App Home tab: published on `app_home_opened` and again after each progress change.

A button in Home opens its card in the person's DM with the bot (the Messages tab), where it can be
drilled into, marked and shared like any other card; Home itself stays the overview. Home views
have no response_url, so these clicks (HOME_OPEN) post to the DM with chat.postMessage to the
person's user id.

Everything shown is the person's own: their progress, their latest quiz plan, their questions,
read from the store by their team and user id. A store that is down gives a Home without them.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot import ids
from bot.answering import Engine, Reply
from bot.cards.home import Home, PlanSummary, home, plan_summary
from bot.cards.model import Button
from bot.delivery import click_payload
from bot.errors import BotError
from bot.request_log import RequestLine, logged_request
from bot.roadmap_progress import Person, personal
from bot.slack_client import slack_call
from bot.store import quiz
from bot.store.progress import ProgressBook
from bot.store.recent import recent_questions
from bot.store.store import Store
from bot.text import escape_mrkdwn
from handlers.ack import acknowledge
from handlers.errors import after_ack

log = logging.getLogger("aieng.home")
MAX_VIEW_BLOCKS = 100


class HomeTab:
    """Builds and publishes a person's Home from the store (None: a Home without anything personal)."""

    def __init__(self, engine: Engine, book: ProgressBook, store: Store | None) -> None:
        self.engine = engine
        self.book = book
        self.store = store

    def view(self, who: Person) -> View:
        everything = self.book.everything(who.team_id, who.user_id)
        model = home(self.engine.library, everything, self._plan(who), self._questions(who))
        return View(type="home", blocks=home_blocks(model))

    def _plan(self, who: Person) -> PlanSummary | None:
        store = self.store
        if store is None:
            return None
        saved = store.health.attempt(
            "read the quiz result", lambda: quiz.latest_result(store.engine, who.team_id, who.user_id), None
        )
        return plan_summary(self.engine.library, saved.answers) if saved is not None else None

    def _questions(self, who: Person) -> list[str]:
        store = self.store
        if store is None:
            return []
        return store.health.attempt(
            "read recent questions", lambda: recent_questions(store.engine, who.team_id, who.user_id), []
        )

    def publish(self, client: WebClient, who: Person) -> None:
        with slack_call("views.publish"):
            client.views_publish(user_id=who.user_id, view=self.view(who))

    def republish(self, client: WebClient, who: Person) -> None:
        """After a progress change: a Home that could not be refreshed is logged, never raised (the
        person already has their card; Home is redrawn whenever they open it)."""
        try:
            self.publish(client, who)
        except Exception as error:
            log.warning("home not republished", extra={"error": getattr(error, "code", type(error).__name__)})


def home_blocks(model: Home) -> list[Block]:
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text="Your AI engineering career")),
        _section(
            "Career answers from curated, cited articles. Ask me anything in the Messages tab, "
            "or use `/aieng` anywhere."
        ),
        HeaderBlock(text=PlainTextObject(text="Your roadmaps")),
    ]
    if model.roadmaps:
        for row in model.roadmaps:
            blocks.append(
                SectionBlock(
                    text=MarkdownTextObject(text=f"*{escape_mrkdwn(row.title)}*\n{escape_mrkdwn(row.progress)}"),
                    accessory=_button(row.button, 0),
                )
            )
        if model.more_roadmaps:
            blocks.append(_context(f"…and {model.more_roadmaps} more: `/aieng progress` lists them all."))
    else:
        blocks.append(
            _section(
                "You haven't started a roadmap yet. Open one below, then mark its steps "
                "Done, Learning or Skip as you go."
            )
        )
    blocks += [DividerBlock(), HeaderBlock(text=PlainTextObject(text="Quick starts"))]
    blocks.append(ActionsBlock(elements=[_button(b, i) for i, b in enumerate(model.quick_starts)]))
    blocks += _plan_blocks(model.plan)
    blocks += _question_blocks(model.questions)
    return blocks[:MAX_VIEW_BLOCKS]


def _plan_blocks(plan: PlanSummary | None) -> list[Block]:
    blocks: list[Block] = [DividerBlock(), HeaderBlock(text=PlainTextObject(text="Your plan"))]
    if plan is None:
        return [*blocks, _section("Take the career quiz (five questions) for a plan of your own.")]
    section = SectionBlock(
        text=MarkdownTextObject(text=escape_mrkdwn(plan.line)),
        accessory=_button(plan.button, 0) if plan.button else None,
    )
    return [*blocks, section]


def _question_blocks(questions: tuple[str, ...]) -> list[Block]:
    if not questions:
        return []
    lines = "\n".join(f"• {escape_mrkdwn(q)}" for q in questions)
    return [
        DividerBlock(),
        HeaderBlock(text=PlainTextObject(text="Your recent questions")),
        _section(lines),
        _context("Only you see these."),
    ]


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=text))


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=text)])


def _button(button: Button, position: int) -> ButtonElement:
    """Home's open buttons post their card to the DM (HOME_OPEN); others (the quiz) keep their action."""
    action = f"{ids.HOME_OPEN}_{position}" if button.action == "open" else ids.action_id(button.action, position)
    return ButtonElement(
        text=PlainTextObject(text=button.label[:75], emoji=True),
        action_id=action,
        value=button.value[:2000],
        style=button.style,
    )


def person_of(body: dict[str, Any]) -> Person | None:
    """The person a click or event is from: their team and user id."""
    user = body.get("user")
    event = body.get("event") if isinstance(body.get("event"), dict) else {}
    if isinstance(user, dict):
        team = user.get("team_id") or (body.get("team") or {}).get("id")
        user_id = user.get("id")
    else:
        team = body.get("team_id") or (event or {}).get("team")
        user_id = (event or {}).get("user")
    if isinstance(team, str) and team and isinstance(user_id, str) and user_id:
        return Person(team, user_id)
    return None


def clicker(body: dict[str, Any], line: RequestLine) -> Person | None:
    """The person who clicked; when the body names nobody, None and the request is logged as ignored."""
    who = person_of(body)
    if who is None:
        line.outcome = "ignore"
    return who


def open_in_dm(body: dict[str, Any], action: dict[str, Any], client: WebClient, tab: HomeTab) -> None:
    with logged_request("home_click") as line:
        if (who := clicker(body, line)) is None:
            return
        try:
            reply = tab.engine.click("open", str(action.get("value") or ""))
            card = personal(tab.engine.library, tab.book, who, reply.card) if reply.card else None
            line.reply = Reply(kind=reply.kind, card=card, topic_id=reply.topic_id)
            payload = click_payload(line.reply)
            payload.pop("replace_original", None)
        except BotError as error:  # a Home drawn by an older version: say so in the DM
            line.outcome = "error"
            payload = {"text": str(error)}
        with slack_call("chat.postMessage"):
            client.chat_postMessage(channel=who.user_id, **payload)


def register(app: App, tab: HomeTab) -> None:
    def publish(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        with after_ack(body, None, client), logged_request("home") as line:
            who = person_of(body)
            if event.get("tab") not in (None, "home") or who is None:
                line.outcome = "ignore"
                return
            line.outcome = "home"
            tab.publish(client, who)

    def click(body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        with after_ack(body, None, client):
            open_in_dm(body, action, client, tab)

    app.event("app_home_opened")(ack=acknowledge, lazy=[publish])
    app.action(ids.HOME_OPEN_PATTERN)(ack=acknowledge, lazy=[click])
