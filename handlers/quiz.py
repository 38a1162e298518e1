"""The career quiz in Slack: `/aieng quiz` or a Quiz button opens a modal; submitting it posts the plan.

The modal is opened inside the acknowledgement: Slack's trigger_id is good for about 3 seconds, so
views.open cannot wait for a lazy listener. A submission with a missing answer is refused in the
modal itself (response_action "errors") and nothing is posted; a complete one closes the modal and
the plan goes privately to the person: into the assistant thread the quiz was opened from, else
their DM with the bot. With a store, the person's result is kept (bot/store/quiz.py): the answers
and the recommended roadmap's card ref; the latest one is their plan. A drill-down button on the
plan opens its card below the plan, so the plan stays in the conversation.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.models.blocks import InputBlock, Option, PlainTextObject, SectionBlock, StaticSelectElement
from slack_sdk.models.blocks.basic_components import MarkdownTextObject
from slack_sdk.models.views import View

from bot import ids, refs
from bot.answering import Engine
from bot.cards.quiz import plan_card
from bot.content import Library
from bot.delivery import click_payload
from bot.quiz import Answers, Plan, asks_for_quiz, make_plan, questions, read_answers
from bot.rendering import render
from bot.request_log import logged_request
from bot.slack_client import slack_call
from bot.store.quiz import save_result
from bot.store.store import Store
from handlers.ack import acknowledge
from handlers.errors import after_ack, tell

log = logging.getLogger("aieng.quiz")

TITLE = "Career quiz"
INTRO = "Five questions; your plan comes to you privately, with every figure's source."
CANT_OPEN = "I couldn't open the quiz just now. Please try `/aieng quiz` again."
_DM = re.compile(r"^D[A-Z0-9]+$")


def quiz_view(library: Library, where: dict[str, str] | None = None) -> View:
    """The modal: one required drop-down per question. `where` (a DM thread) travels in private_metadata."""
    blocks: list[Any] = [SectionBlock(text=MarkdownTextObject(text=INTRO))]
    for question in questions(library):
        options = [Option(value=c.id, text=PlainTextObject(text=c.label)) for c in question.choices]
        select = StaticSelectElement(action_id=question.id, placeholder="Choose one", options=options)
        blocks.append(InputBlock(block_id=question.id, label=question.text, element=select))
    return View(
        type="modal",
        callback_id=ids.QUIZ_VIEW,
        title=TITLE,
        submit="Get my plan",
        close="Cancel",
        private_metadata=json.dumps(where) if where else "",
        blocks=blocks,
    )


def open_quiz(client: WebClient, trigger_id: str, library: Library, where: dict[str, str] | None) -> bool:
    """Open the modal now (in the acknowledgement); False, logged, if Slack would not."""
    try:
        with slack_call("views.open"):
            client.views_open(trigger_id=trigger_id, view=quiz_view(library, where))
        return True
    except Exception as error:  # expired trigger, Slack busy or unreachable: the person is told instead
        log.warning("quiz modal not opened", extra={"error": getattr(error, "code", type(error).__name__)})
        return False


def submitted_answers(view: dict[str, Any]) -> dict[str, str | None]:
    """The chosen option of each question in a view_submission's state (None where nothing was chosen)."""
    values = (view.get("state") or {}).get("values") or {}
    found: dict[str, str | None] = {}
    for block_id, actions in values.items():
        chosen = (actions or {}).get(block_id) or {}
        found[block_id] = (chosen.get("selected_option") or {}).get("value")
    return found


def plan_destination(body: dict[str, Any]) -> dict[str, str] | None:
    """The DM thread a quiz was opened from (the assistant panel), to post the plan there; None: the DM."""
    container = body.get("container") or {}
    message = body.get("message") or {}
    channel = str(container.get("channel_id") or "")
    thread = container.get("thread_ts") or message.get("thread_ts")
    return {"channel": channel, "thread_ts": str(thread)} if _DM.match(channel) and thread else None


def keep_plan(payload: dict[str, Any]) -> dict[str, Any]:
    """The plan's drill-down buttons open below it (PLAN_OPEN) instead of replacing it (OPEN)."""
    for block in payload.get("blocks", []):
        for element in block.get("elements", []) if block.get("type") == "actions" else []:
            action = str(element.get("action_id", ""))
            if ids.OPEN_PATTERN.match(action):
                element["action_id"] = ids.PLAN_OPEN + action[len(ids.OPEN) :]
    return payload


def post_plan(
    body: dict[str, Any], view: dict[str, Any], client: WebClient, library: Library, store: Store | None
) -> None:
    with logged_request("quiz") as line:
        answers = read_answers(library, submitted_answers(view))
        if not isinstance(answers, Answers):
            line.outcome = "incomplete"  # refused in the modal already
            return
        line.outcome = "plan"
        plan = make_plan(library, answers)
        user = str((body.get("user") or {}).get("id") or "")
        if store is not None:  # kept first, so a plan Slack fails to deliver is still there later
            keep_result(store, _team_of(body), user, plan)
        payload = keep_plan(render(plan_card(library, plan)).payload())
        where = _where(view)
        with slack_call("chat.postMessage"):
            if where:
                client.chat_postMessage(channel=where["channel"], thread_ts=where["thread_ts"], **payload)
            else:
                client.chat_postMessage(channel=user, **payload)  # a user id posts to their DM with the bot


def keep_result(store: Store, team: str, user: str, plan: Plan) -> None:
    """The person's latest quiz result, for "your plan" in App Home; a store that fails costs nothing."""
    answers = asdict(plan.answers)
    result = str(refs.roadmap(plan.roadmap.id))
    store.health.attempt("save a quiz result", lambda: save_result(store.engine, team, user, answers, result), None)


def _team_of(body: dict[str, Any]) -> str:
    return str((body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id") or "")


def open_below(body: dict[str, Any], action: dict[str, Any], client: WebClient, engine: Engine) -> None:
    """A plan's drill-down: the card goes below the plan, in the same DM (and thread)."""
    with logged_request("click") as line:
        line.reply = engine.click("open", str(action.get("value") or ""))
        payload = click_payload(line.reply)
        payload.pop("replace_original", None)
        container = body.get("container") or {}
        channel = str(container.get("channel_id") or "")
        thread = container.get("thread_ts") or (body.get("message") or {}).get("thread_ts")
        with slack_call("chat.postMessage"):
            client.chat_postMessage(channel=channel, thread_ts=thread, **payload)


def _where(view: dict[str, Any]) -> dict[str, str] | None:
    try:
        where = json.loads(view.get("private_metadata") or "null")
    except ValueError:
        return None
    ok = isinstance(where, dict) and _DM.match(str(where.get("channel"))) and where.get("thread_ts")
    return {"channel": str(where["channel"]), "thread_ts": str(where["thread_ts"])} if ok else None


def register_command(app: App, engine: Engine) -> None:
    """Registered before commands: Bolt runs the first listener that matches, so `/aieng quiz` is this one's."""
    library = engine.library

    def is_quiz(command: dict[str, Any]) -> bool:
        return asks_for_quiz(str(command.get("text") or ""))

    @app.command(ids.COMMAND, matchers=[is_quiz])
    def on_quiz_command(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
        with logged_request("slash") as line:
            line.outcome = "quiz"
            if open_quiz(client, str(command.get("trigger_id") or ""), library, None):
                ack()
            else:
                line.outcome = "error"
                ack(text=CANT_OPEN, response_type="ephemeral")


def register(app: App, engine: Engine, store: Store | None = None) -> None:
    """The quiz button, the modal's answers and the plan's buttons."""
    library = engine.library

    @app.action(ids.QUIZ)
    def on_quiz_button(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        with logged_request("click") as line:
            line.outcome = "quiz"
            ack()
            if not open_quiz(client, str(body.get("trigger_id") or ""), library, plan_destination(body)):
                line.outcome = "error"
                tell(body, respond, client, CANT_OPEN)  # never raises

    def check_answers(ack: Ack, view: dict[str, Any]) -> None:
        problems = read_answers(library, submitted_answers(view))
        if isinstance(problems, Answers):
            ack()  # closes the modal; the plan is posted after
        else:
            ack(response_action="errors", errors={str(qid): why for qid, why in problems.items()})

    def send_plan(body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        with after_ack(body, None, client):
            post_plan(body, view, client, library, store)

    def plan_click(body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond) -> None:
        with after_ack(body, respond, client):
            open_below(body, action, client, engine)

    app.view(ids.QUIZ_VIEW)(ack=check_answers, lazy=[send_plan])
    app.action(ids.PLAN_OPEN_PATTERN)(ack=acknowledge, lazy=[plan_click])
