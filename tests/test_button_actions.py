"""Cards say what a button does (bot.kinds.ButtonAction); only rendering turns that into a Slack
action_id, and a click's action_id is read back into the same action."""

from __future__ import annotations

from typing import get_args

import pytest
from slack_limits import listened

from bot import ids
from bot.cards import Button, Card
from bot.errors import BotError
from bot.kinds import ButtonAction
from bot.rendering import render

ACTIONS: tuple[ButtonAction, ...] = get_args(ButtonAction)


@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_renders_to_an_action_id_that_reads_back_as_itself(action: ButtonAction) -> None:
    card = Card(kind="help", title="t", summary="s", buttons=tuple(Button(f"b{i}", action, "v") for i in range(3)))

    elements = [e for b in render(card).payload()["blocks"] if b["type"] == "actions" for e in b["elements"]]

    rendered = [e["action_id"] for e in elements]
    assert len(set(rendered)) == 3 or action != "open", "open buttons in one block need distinct action_ids"
    assert all(listened(a) for a in rendered), f"no listener for {action!r} rendered as {rendered}"
    assert [ids.button_action(a) for a in rendered] == [action] * 3


def test_open_buttons_carry_their_position_the_others_a_fixed_id() -> None:
    assert [ids.action_id("open", i) for i in range(3)] == ["aieng_open_0", "aieng_open_1", "aieng_open_2"]
    assert ids.action_id("vote_down", 4) == ids.FEEDBACK_DOWN
    assert ids.button_action(ids.OPEN) == "open", "a button from before positions were added still opens"


@pytest.mark.parametrize("action_id", ["aieng_open_x", "aieng_nonsense", "", "aieng_quiz_2", "open"])
def test_an_action_id_this_version_never_renders_is_refused(action_id: str) -> None:
    with pytest.raises(BotError, match="isn't one I know"):
        ids.button_action(action_id)
