"""Slack listeners, one module per surface. `register` wires them all onto a Bolt app."""

from __future__ import annotations

from functools import partial

from slack_bolt import App

from bot.answering import Engine
from bot.config import Settings
from bot.oauth import Uninstaller
from bot.quiz import asks_for_quiz
from bot.recording import Recording
from bot.roadmap_progress import asks_for_progress
from bot.store.progress import ProgressBook
from bot.store.store import Store
from handlers import actions, assistant, commands, errors, feedback, home, install, messages, progress, quiz


def register(
    app: App,
    engine: Engine,
    settings: Settings,
    store: Store | None = None,
    recording: Recording | None = None,
    uninstaller: Uninstaller | None = None,
) -> None:
    """`store` keeps quiz results and roadmap progress (Home reads them); `recording` questions and votes;
    without them nothing is stored. With OAuth install (an `uninstaller`), also app_uninstalled and tokens_revoked."""
    recording = recording or Recording(None, engine)
    book = ProgressBook(store)
    tab = home.HomeTab(engine, book, store)
    assistant.register(app, engine)  # middleware: takes assistant-thread messages before any listener
    # Bolt runs the first listener that matches, checking each one before it (and building its
    # arguments to do so): slash commands and events, the most frequent, come first; clicks and
    # modals after. Within each kind the order decides which listener a request is for.
    commands.register(app, engine, recording, taken=(asks_for_quiz, partial(asks_for_progress, engine)))
    quiz.register_command(app, engine)  # `/aieng quiz`
    progress.register_command(app, engine, tab)  # `/aieng progress ...`
    messages.register(app, engine, answer_channel_questions=settings.answer_channel_questions, recording=recording)
    home.register(app, tab)
    if uninstaller is not None:
        install.register(app, uninstaller)
    quiz.register(app, engine, store)
    progress.register(app, engine, tab)
    actions.register(app, engine, recording, book)  # last of the buttons: it answers unknown ones too
    feedback.register(app, recording)
    errors.register(app)
