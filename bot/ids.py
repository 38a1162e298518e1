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


def open_action(position: int) -> str:
    return f"{OPEN}_{position}"

