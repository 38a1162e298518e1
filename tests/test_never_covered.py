"""Questions about what the articles never cover get no answer, even when they name AI engineers or share
a word with a card: benefits and perks ("the 401k match at openai"), investing ("is nvidia stock a
buy"), a fault in someone's code ("CUDA
OOM"), and learning to do something the articles teach nothing of ("learn to drive" is not "what drives
demand"). What the articles do cover, asked in the same shapes, is still answered."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import split_words

BENEFITS = [
    "what's the 401k match at openai",
    "does openai offer a 401(k) match?",
    "how many vacation days do AI engineers get at meta",
    "what health insurance do AI startups offer",
    "how much PTO do senior ai engineers get",
    "what perks do big tech AI engineers get",
    "do ai engineers get free lunch at google",
    "what's the vesting schedule for RSUs at big tech",
]
ELSEWHERE = [
    "how do I get a visa to work in the US as an AI engineer",
    "does google sponsor h1b for ai engineers",
    "what's the best laptop for ML engineers",
    "what's the dress code at openai",
]
INVESTING = [
    "with all this AI hiring going on, is nvidia stock a buy right now?",
    "what are the best AI stocks to invest in",
]
FAULTS_IN_CODE = [
    "my pytorch training keeps hitting CUDA OOM, how do I fix it",
    "getting CUDA out of memory errors when fine-tuning llama, any fix?",
    "my training crashes with OOM on the GPU, what should I do",
    "why does my python script throw a KeyError",
    "how do I fix a segfault in my C++ code",
]
LEARNING_SOMETHING_ELSE = [
    "how do i learn to drive",
    "how long does it take to learn to cook",
    "i want to learn to fly planes",
    "how do I learn to sell",
]
OTHER_CAREERS = [
    "nurse or teacher: which job is less stressful?",
    "should I become a lawyer or an accountant?",
    "is being a doctor more stressful than being a nurse",
    "accountant vs teacher, which has the better hours?",
]
STILL_ANSWERED = [
    ("I'm a nurse and my partner is a teacher, can we both move into AI engineering?", None),
    ("does total comp include benefits?", "salary-total-compensation"),
    ("I'm on parental leave, should I learn MLOps or LLMs first?", None),
    ("how do AI engineers debug model errors in production", "error-analysis"),
    ("how do I fix model drift", "challenge-drift"),
    ("how do i learn to code", "programming"),
    ("how do I learn to negotiate my salary", "offer-negotiation"),
    ("learn to communicate with stakeholders", "soft-skills"),
    ("what drives demand for AI engineers", "market-demand-drivers"),
    ("do AI startups give stock options", "salary-total-compensation"),
    ("should we buy a vector database or build one", "vector-databases"),
    ("should I relocate to SF for a higher AI salary", "s:location=san-francisco"),
    # insurance is also a line of business: an employer in it is an enterprise, not a benefit asked about
    ("how much do ai engineers make at enterprises like insurance companies", "s:company_type=enterprise"),
]


@pytest.mark.parametrize(
    "text", BENEFITS + INVESTING + ELSEWHERE + FAULTS_IN_CODE + LEARNING_SOMETHING_ELSE + OTHER_CAREERS
)
@pytest.mark.parametrize("via", ["dm", "mention"])
def test_what_the_articles_never_cover_falls_back(engine: Engine, text: str, via: str) -> None:
    reply = engine.answer(text, via)  # type: ignore[arg-type]
    assert reply.kind == "fallback", (reply.kind, reply.topic_id)


@pytest.mark.parametrize("text", BENEFITS[:2] + FAULTS_IN_CODE[:1] + LEARNING_SOMETHING_ELSE[:1])
def test_unasked_in_a_channel_it_is_left_alone(engine: Engine, text: str) -> None:
    assert engine.answer(text + "?", "channel").kind == "ignore"


@pytest.mark.parametrize(("text", "topic"), STILL_ANSWERED)
def test_what_the_articles_cover_in_the_same_shapes_is_answered(engine: Engine, text: str, topic: str | None) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer"
    assert topic is None or reply.topic_id == topic


def test_two_other_jobs_asked_about_pay_get_the_pay_answer(engine: Engine) -> None:
    reply = engine.answer("pharmacist vs nurse salary", "dm")
    assert reply.card is not None and reply.card.title == "Pay for pharmacists"


def test_a_retirement_plan_is_a_name_not_a_sum() -> None:
    assert split_words("the 401(k) match, a 403b, and 450k") == ["the", "401k", "match", "a", "403b", "and", "450000"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("what's the 401k match at openai", "Nothing on benefits and perks"),
        ("is nvidia stock a buy right now?", "Nothing on stocks and investing"),
        ("my pytorch training keeps hitting CUDA OOM, how do I fix it", "Nothing on debugging code"),
        ("how do i learn to drive", "Nothing on learning to drive"),
        ("nurse or teacher: which job is less stressful?", "Nothing on nurse vs teacher careers"),
    ],
)
def test_the_reply_says_what_the_articles_say_nothing_about(engine: Engine, text: str, title: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.card is not None and reply.card.title == title
    assert reply.card.buttons  # the topics they do cover
