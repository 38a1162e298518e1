"""What the assistant panel says on its own: the greeting, the suggested prompts, a thread's title.

The panel is Slack's split view opened from the top bar (handlers/assistant.py wires it up with
Bolt's Assistant middleware). Questions asked there are answered by the same engine as a DM.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.cards import Card
from bot.cards.quiz import QUIZ_BUTTON
from bot.text import clean_question

MAX_TITLE = 60  # a thread title is a glance in the history list, not the whole question


@dataclass(frozen=True)
class Prompt:
    title: str  # what the button says
    message: str  # what is sent as the person's message when they click it


# Questions the content answers well, one per kind of card: pay side by side, a roadmap to walk,
# a comparison and a learning order. tests/test_assistant_panel.py checks each gets a clear answer.
SUGGESTED_PROMPTS = (
    Prompt("Pay in the Bay Area", "What does a senior AI engineer earn in San Francisco?"),
    Prompt("From software engineer to AI", "I'm a software engineer. What's the roadmap into AI engineering?"),
    Prompt("AI engineer vs ML engineer", "compare ai engineer and ml engineer"),
    Prompt("Where to start", "In what order should I learn AI engineering skills?"),
)
PROMPTS_TITLE = "Try one of these:"


def greeting_card() -> Card:
    return Card(
        kind="help",
        title="Hi! I answer AI engineering career questions",
        summary="Ask about pay by level and place, roles and how they compare, skills, roadmaps, hiring, "
        "interviews or the job market. Every answer comes from curated articles and names its source. "
        "Not sure where to start? The career quiz asks five questions and gives you a plan.",
        buttons=(QUIZ_BUTTON,),
    )


def thread_title(question: str) -> str:
    """A thread's title from its first question: the question's words, cut at a word near MAX_TITLE."""
    text = " ".join(clean_question(question).split()) or "Career question"
    if len(text) <= MAX_TITLE:
        return text
    cut = text[: MAX_TITLE - 1].rsplit(" ", 1)[0]
    return (cut or text[: MAX_TITLE - 1]) + "…"
