"""Every Slack identifier the bot emits or listens for, in one place.

Buttons that open a card all share the OPEN action; Slack wants action_ids unique within a block,
so each button gets OPEN plus its position ("aieng_open_3"), and the listener matches the pattern.
"""

from __future__ import annotations

import re

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


def open_action(position: int) -> str:
    return f"{OPEN}_{position}"
