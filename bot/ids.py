"""Every Slack identifier the bot emits or listens for, in one place.

Cards name what a button does in the domain's words (bot.kinds.ButtonAction); `action_id` gives the
Slack action_id rendering puts on it, and `button_action` reads a click's action_id back.
Buttons that open a card all share the OPEN action; Slack wants action_ids unique within a block,
so each button gets OPEN plus its position ("aieng_open_3"), and the listener matches the pattern.
"""

from __future__ import annotations

import re

from bot.errors import BotError
from bot.kinds import ButtonAction

COMMAND = "/aieng"

OPEN = "aieng_open"  # value: a card ref (see bot.refs); drill-down, Back/Next, did-you-mean choices
OPEN_PATTERN = re.compile(rf"^{OPEN}(_\d+)?$")
SHARE = "aieng_share"  # value: the ref of the card to post for everyone
FEEDBACK_UP = "aieng_feedback_up"  # value: the ref of the card being rated
FEEDBACK_DOWN = "aieng_feedback_down"
NONE_OF_THESE = "aieng_none"  # value: the question that had no good match
QUIZ = "aieng_quiz"  # opens the career quiz modal; value: where it was offered (help, assistant, plan)
QUIZ_VIEW = "aieng_quiz"  # the quiz modal's callback_id
PLAN_OPEN = "aieng_plan_open"  # a drill-down from a quiz plan: opens below it, so the plan stays
PLAN_OPEN_PATTERN = re.compile(rf"^{PLAN_OPEN}(_\d+)?$")
# Roadmap progress (value: "<roadmap id>|<step key>", see bot/cards/progress.py)
PROGRESS_DONE = "aieng_progress_done"
PROGRESS_LEARNING = "aieng_progress_learning"
PROGRESS_SKIP = "aieng_progress_skip"
PROGRESS_RESET_STEP = "aieng_progress_reset_step"
PROGRESS_MARKS = (PROGRESS_DONE, PROGRESS_LEARNING, PROGRESS_SKIP, PROGRESS_RESET_STEP)
PROGRESS_RESET_CONFIRM = "aieng_progress_reset_yes"  # value: a roadmap id, or "*" for every roadmap
PROGRESS_RESET_CANCEL = "aieng_progress_reset_no"
HOME_OPEN = "aieng_home_open"  # a button in App Home: its card goes to the person's DM with the bot
HOME_OPEN_PATTERN = re.compile(rf"^{HOME_OPEN}(_\d+)?$")

ACTION_IDS: dict[ButtonAction, str] = {
    "open": OPEN,
    "share": SHARE,
    "vote_up": FEEDBACK_UP,
    "vote_down": FEEDBACK_DOWN,
    "none_of_these": NONE_OF_THESE,
    "quiz": QUIZ,
    "mark_done": PROGRESS_DONE,
    "mark_learning": PROGRESS_LEARNING,
    "mark_skipped": PROGRESS_SKIP,
    "reset_step": PROGRESS_RESET_STEP,
    "confirm_reset": PROGRESS_RESET_CONFIRM,
    "cancel_reset": PROGRESS_RESET_CANCEL,
}
_BUTTON_ACTIONS = {action_id: action for action, action_id in ACTION_IDS.items()}
UNKNOWN_BUTTON = "That button isn't one I know. Try /aieng help."


def action_id(action: ButtonAction, position: int) -> str:
    """The Slack action_id of the button at `position` in its block (open buttons carry the position)."""
    return f"{OPEN}_{position}" if action == "open" else ACTION_IDS[action]


def button_action(action_id: str) -> ButtonAction:
    """What the clicked button does; a BotError for an action_id this version never renders."""
    if OPEN_PATTERN.match(action_id):
        return "open"
    if action_id not in _BUTTON_ACTIONS:
        raise BotError(UNKNOWN_BUTTON)
    return _BUTTON_ACTIONS[action_id]


def one_of(*action_ids: str) -> re.Pattern[str]:
    """A pattern matching exactly these action ids: one listener for several (Bolt checks every
    listener registered before the one that matches, building its arguments for each)."""
    return re.compile(r"\A(?:" + "|".join(map(re.escape, action_ids)) + r")\Z")
