"""handlers/messages.py without Slack: which messages are answered, where each reply is posted (in
the thread or not, privately or not), what is dropped, and how the listeners are wired. A fake client
records the Web API calls; the replies are the real engine's."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.answering import Engine, Reply
from bot.delivery import message_payload
from bot.errors import SlackFault
from handlers import messages
from handlers.ack import acknowledge
from handlers.errors import GENERIC
from handlers.messages import deliver, handle_mention, handle_message

BOT = "U0BOT"
PAY = "what do senior ai engineers earn?"  # a pay answer: private when asked in a channel
ROLE = "what does an mlops engineer do?"  # not about pay: public
NONSENSE = "zxqv plorf wibble"  # nothing in the content: a fallback (a channel leaves it alone)


class FakeClient:
    """Records each Web API call; with `refuse`, Slack refuses every call with that error code."""

    def __init__(self, refuse: str | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.refuse = refuse

    def chat_postMessage(self, **kwargs: Any) -> None:  # noqa: N802 (slack_sdk's name)
        self._call("chat.postMessage", kwargs)

    def chat_postEphemeral(self, **kwargs: Any) -> None:  # noqa: N802
        self._call("chat.postEphemeral", kwargs)

    def _call(self, method: str, kwargs: dict[str, Any]) -> None:
        self.calls.append((method, kwargs))
        if self.refuse:
            data = {"ok": False, "error": self.refuse}
            response = SlackResponse(
                client=None, http_verb="POST", api_url=method, req_args={}, data=data, headers={}, status_code=200
            )
            raise SlackApiError(self.refuse, response)


def message(text: str, **fields: Any) -> dict[str, Any]:
    return {"type": "message", "text": text, "user": "U0ASKER", "channel": "C0GENERAL", "ts": "100.1", **fields}


def dm(text: str, **fields: Any) -> dict[str, Any]:
    return message(text, channel="D0ASKER", channel_type="im", **fields)


@pytest.fixture
def client() -> FakeClient:
    return FakeClient()


@pytest.fixture
def request_lines(caplog: pytest.LogCaptureFixture) -> Callable[[], list[tuple[str, str]]]:
    caplog.set_level(logging.INFO, logger="aieng.requests")
    return lambda: [(r.type, r.outcome) for r in caplog.records if r.name == "aieng.requests"]  # type: ignore[attr-defined]


# -- deliver: where a reply goes ---------------------------------------------------------------------


def test_a_dm_is_answered_in_the_dm_not_in_a_thread(engine: Engine, client: FakeClient) -> None:
    reply = engine.answer(ROLE, "dm")

    deliver(client, dm(ROLE), "dm", reply)  # type: ignore[arg-type]

    assert client.calls == [
        ("chat.postMessage", {"channel": "D0ASKER", "thread_ts": None, **message_payload("dm", reply)})
    ]


def test_a_dm_inside_a_thread_is_answered_in_that_thread(engine: Engine, client: FakeClient) -> None:
    reply = engine.answer(ROLE, "dm")

    deliver(client, dm(ROLE, thread_ts="99.9"), "dm", reply)  # type: ignore[arg-type]

    assert [kwargs["thread_ts"] for _, kwargs in client.calls] == ["99.9"]


@pytest.mark.parametrize(("fields", "thread"), [({}, "100.1"), ({"thread_ts": "99.9"}, "99.9")])
def test_a_mention_is_answered_in_its_thread(
    engine: Engine, client: FakeClient, fields: dict[str, str], thread: str
) -> None:
    reply = engine.answer(ROLE, "mention")

    deliver(client, message(ROLE, **fields), "mention", reply)  # type: ignore[arg-type]

    assert client.calls == [
        ("chat.postMessage", {"channel": "C0GENERAL", "thread_ts": thread, **message_payload("mention", reply)})
    ]


@pytest.mark.parametrize("via", ["mention", "channel"])
def test_a_pay_answer_in_a_channel_goes_privately_to_the_asker_in_the_thread(
    engine: Engine, client: FakeClient, via: str
) -> None:
    reply = engine.answer(PAY, via)  # type: ignore[arg-type]
    payload = message_payload(via, reply)  # type: ignore[arg-type]
    assert payload.pop("response_type") == "ephemeral"

    deliver(client, message(PAY), via, reply)  # type: ignore[arg-type]

    assert client.calls == [
        ("chat.postEphemeral", {"channel": "C0GENERAL", "user": "U0ASKER", "thread_ts": "100.1", **payload})
    ]


def test_nothing_is_posted_for_a_reply_without_a_message(engine: Engine, client: FakeClient) -> None:
    reply = Reply(kind="ignore", card=None)

    deliver(client, message(ROLE), "channel", reply)  # type: ignore[arg-type]

    assert client.calls == []


@pytest.mark.parametrize(
    ("text", "via", "missing", "says"),
    [
        (ROLE, "mention", {"channel": None}, "names no channel"),
        (PAY, "mention", {"user": None}, "names no user"),
        (PAY, "mention", {"channel": "", "user": None}, "names no channel"),
    ],
)
def test_a_reply_with_nowhere_to_go_is_dropped_with_a_warning(
    engine: Engine,
    client: FakeClient,
    caplog: pytest.LogCaptureFixture,
    text: str,
    via: str,
    missing: dict[str, Any],
    says: str,
) -> None:
    caplog.set_level(logging.WARNING, logger="aieng.messages")

    deliver(client, message(text, **missing), via, engine.answer(text, via))  # type: ignore[arg-type]

    assert client.calls == []
    assert [r.getMessage() for r in caplog.records if r.name == "aieng.messages"] == [
        f"reply dropped: the event {says} to reply to"
    ]


@pytest.mark.parametrize(("text", "method"), [(ROLE, "chat.postMessage"), (PAY, "chat.postEphemeral")])
def test_a_refused_post_is_a_slack_fault_naming_the_method(engine: Engine, text: str, method: str) -> None:
    client = FakeClient(refuse="channel_not_found")

    with pytest.raises(SlackFault) as refused:
        deliver(client, message(text), "mention", engine.answer(text, "mention"))  # type: ignore[arg-type]

    assert (refused.value.code, refused.value.method) == ("channel_not_found", method)


def test_a_public_reply_needs_no_user(engine: Engine, client: FakeClient) -> None:
    deliver(client, message(ROLE, user=None), "mention", engine.answer(ROLE, "mention"))  # type: ignore[arg-type]

    assert [method for method, _ in client.calls] == ["chat.postMessage"]


# -- handle_mention ----------------------------------------------------------------------------------


def test_a_mention_is_answered_and_its_reply_returned(
    engine: Engine, client: FakeClient, request_lines: Callable[[], list[tuple[str, str]]]
) -> None:
    reply = handle_mention(message(f"<@{BOT}> {ROLE}"), client, engine)  # type: ignore[arg-type]

    assert reply is not None and reply.kind == "answer" and reply.topic_id == engine.answer(ROLE, "mention").topic_id
    assert [kwargs["thread_ts"] for _, kwargs in client.calls] == ["100.1"]
    assert request_lines() == [("mention", "answer")]


def test_a_pay_question_in_a_mention_is_answered_privately(engine: Engine, client: FakeClient) -> None:
    handle_mention(message(f"<@{BOT}> {PAY}"), client, engine)  # type: ignore[arg-type]

    assert [(method, kwargs["user"]) for method, kwargs in client.calls] == [("chat.postEphemeral", "U0ASKER")]


def test_a_mention_sent_with_a_file_is_read_from_its_blocks(engine: Engine, client: FakeClient) -> None:
    blocks = [
        {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": ROLE}]}]}
    ]

    reply = handle_mention(message("", subtype="file_share", blocks=blocks), client, engine)  # type: ignore[arg-type]

    assert reply is not None and reply.topic_id == engine.answer(ROLE, "mention").topic_id


def test_a_trimmed_mention_with_no_channel_is_dropped(
    engine: Engine, client: FakeClient, request_lines: Callable[[], list[tuple[str, str]]]
) -> None:
    assert handle_mention(message(ROLE, channel=None), client, engine) is None  # type: ignore[arg-type]
    assert client.calls == []
    assert request_lines() == [("mention", "dropped")]


# -- handle_message: which messages are answered ------------------------------------------------------


def test_a_dm_is_answered(
    engine: Engine, client: FakeClient, request_lines: Callable[[], list[tuple[str, str]]]
) -> None:
    reply = handle_message(dm(ROLE), client, {"bot_user_id": BOT}, engine, False)  # type: ignore[arg-type]

    assert reply is not None and reply.kind == "answer"
    assert client.calls == [
        ("chat.postMessage", {"channel": "D0ASKER", "thread_ts": None, **message_payload("dm", reply)})
    ]
    assert request_lines() == [("dm", "answer")]


def test_a_pay_question_asked_in_a_channel_is_answered_privately_in_its_thread(
    engine: Engine, client: FakeClient
) -> None:
    handle_message(message(PAY), client, {"bot_user_id": BOT}, engine, True)  # type: ignore[arg-type]

    assert [(method, kwargs["thread_ts"]) for method, kwargs in client.calls] == [("chat.postEphemeral", "100.1")]


def test_a_clear_channel_question_is_answered_in_its_thread(engine: Engine, client: FakeClient) -> None:
    reply = handle_message(message(ROLE), client, {"bot_user_id": BOT}, engine, True)  # type: ignore[arg-type]

    assert reply is not None and reply.kind == "answer"
    assert [(m, kwargs["thread_ts"]) for m, kwargs in client.calls] == [("chat.postMessage", "100.1")]


def test_a_channel_message_nothing_answers_is_left_alone(
    engine: Engine, client: FakeClient, request_lines: Callable[[], list[tuple[str, str]]]
) -> None:
    reply = handle_message(message(NONSENSE), client, {"bot_user_id": BOT}, engine, True)  # type: ignore[arg-type]

    assert reply is not None and reply.kind == "ignore"
    assert client.calls == []
    assert request_lines() == [("channel", "ignore")]


@pytest.mark.parametrize(
    ("event", "answer_channel_questions"),
    [
        (message(ROLE), False),  # AIENG_CHANNEL_ANSWERS=false
        (message(f"<@{BOT}> {ROLE}"), True),  # a mention: answered by the app_mention listener
        (message(ROLE, subtype="message_changed"), True),  # an edit
        (message(ROLE, subtype="channel_join"), True),
        (message(ROLE, bot_id="B0OTHER"), True),  # another bot
        (message(ROLE, user=BOT), True),  # the bot itself
        (message(ROLE, user=None), True),
        (message(ROLE, channel=None), True),
        (dm(ROLE, bot_id="B0OTHER"), True),
        (dm(ROLE, subtype="message_deleted"), True),
    ],
    ids=[
        "channel-answers-off",
        "mention",
        "edit",
        "join",
        "other-bot",
        "itself",
        "no-user",
        "no-channel",
        "dm-bot",
        "dm-deleted",
    ],
)
def test_messages_that_are_never_answered(
    engine: Engine,
    client: FakeClient,
    request_lines: Callable[[], list[tuple[str, str]]],
    event: dict[str, Any],
    answer_channel_questions: bool,
) -> None:
    reply = handle_message(event, client, {"bot_user_id": BOT}, engine, answer_channel_questions)  # type: ignore[arg-type]

    assert reply is None and client.calls == []
    assert [outcome for _, outcome in request_lines()] == ["ignore"]


@pytest.mark.parametrize("subtype", ["thread_broadcast", "file_share", "me_message"])
def test_a_persons_own_new_message_of_any_kind_is_answered(engine: Engine, client: FakeClient, subtype: str) -> None:
    reply = handle_message(dm(ROLE, subtype=subtype), client, {"bot_user_id": BOT}, engine, True)  # type: ignore[arg-type]

    assert reply is not None and reply.kind == "answer" and len(client.calls) == 1


def test_a_mention_of_someone_else_in_a_channel_is_still_a_channel_question(engine: Engine, client: FakeClient) -> None:
    reply = handle_message(message(f"<@U0SOMEONE> {ROLE}"), client, {"bot_user_id": BOT}, engine, True)  # type: ignore[arg-type]

    assert reply is not None and reply.kind == "answer"


def test_without_a_known_bot_user_no_text_counts_as_a_mention(engine: Engine, client: FakeClient) -> None:
    reply = handle_message(message(f"<@None> {ROLE}"), client, {}, engine, True)  # type: ignore[arg-type]

    assert reply is not None and reply.kind == "answer"


# -- register: the wiring ------------------------------------------------------------------------------


class FakeApp:
    def __init__(self) -> None:
        self.listeners: dict[str, tuple[Any, list[Any]]] = {}

    def event(self, name: str) -> Callable[..., None]:
        def add(*, ack: Any, lazy: list[Any]) -> None:
            self.listeners[name] = (ack, lazy)

        return add


class FakeRecording:
    def __init__(self) -> None:
        self.questions: list[tuple[dict[str, Any], Reply | None]] = []

    def question(self, body: dict[str, Any], reply: Reply | None) -> None:
        self.questions.append((body, reply))


@pytest.mark.parametrize("answer_channel_questions", [True, False])
def test_mentions_and_messages_are_acknowledged_at_once_then_answered_and_recorded(
    engine: Engine, client: FakeClient, answer_channel_questions: bool
) -> None:
    app, recording = FakeApp(), FakeRecording()
    messages.register(app, engine, answer_channel_questions=answer_channel_questions, recording=recording)  # type: ignore[arg-type]

    assert set(app.listeners) == {"app_mention", "message"}
    assert all(ack is acknowledge and len(lazy) == 1 for ack, lazy in app.listeners.values())
    mention, channel = message(f"<@{BOT}> {ROLE}"), message(ROLE)
    app.listeners["app_mention"][1][0](body={"event": mention}, event=mention, client=client)
    app.listeners["message"][1][0](body={"event": channel}, event=channel, client=client, context={"bot_user_id": BOT})

    [(mention_body, mention_reply), (channel_body, channel_reply)] = recording.questions
    assert mention_body == {"event": mention} and mention_reply is not None and mention_reply.kind == "answer"
    assert channel_body == {"event": channel}
    assert (channel_reply is not None) == answer_channel_questions, "AIENG_CHANNEL_ANSWERS reaches the listener"
    assert len(client.calls) == 1 + answer_channel_questions


class FailingEngine(Engine):
    def answer(self, text: str, via: Any) -> Reply:
        raise RuntimeError("the engine broke")


@pytest.mark.parametrize("event_type", ["app_mention", "message"])
def test_a_listener_that_fails_tells_the_asker_privately_where_they_asked(
    engine: Engine, client: FakeClient, event_type: str
) -> None:
    app = FakeApp()
    messages.register(app, FailingEngine(engine.library), answer_channel_questions=True)  # type: ignore[arg-type]
    event = {**message(ROLE), "type": event_type}
    body = {"type": "event_callback", "event": event}

    listener = app.listeners[event_type][1][0]
    listener(
        body=body, event=event, client=client, **({"context": {"bot_user_id": BOT}} if event_type == "message" else {})
    )

    assert client.calls == [
        ("chat.postEphemeral", {"channel": "C0GENERAL", "user": "U0ASKER", "text": GENERIC, "thread_ts": "100.1"})
    ]


def test_without_a_recording_the_listeners_answer_and_record_nothing(engine: Engine, client: FakeClient) -> None:
    app = FakeApp()
    messages.register(app, engine, answer_channel_questions=True)  # type: ignore[arg-type]
    event = message(f"<@{BOT}> {ROLE}")

    app.listeners["app_mention"][1][0](body={"event": event}, event=event, client=client)

    assert [method for method, _ in client.calls] == ["chat.postMessage"]


def test_acknowledge_acknowledges_with_nothing() -> None:
    acked: list[tuple[Any, ...]] = []
    acknowledge(lambda *args, **kwargs: acked.append((args, kwargs)))  # type: ignore[arg-type]
    assert acked == [((), {})]
