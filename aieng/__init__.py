"""The composition root: the Slack app put together from bot/ (the engine, the store, Bolt's plumbing)
and handlers/ (the listeners).

handlers/ import bot/; nothing in bot/ imports handlers/ or this package. `python -m bot serve` and
`socket` reach the modes here through the `aieng.slack_modes` entry points (pyproject.toml); every
other subcommand (`run`'s local chat, `ask`, `check`, ...) never loads a listener.
"""
