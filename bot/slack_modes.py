"""How `python -m bot serve` and `socket` run the Slack app, which bot/ does not put together.

The Slack app is bot/ plus the listeners in handlers/, composed in aieng/ (the composition root).
bot/ imports neither: the package declares the two modes as entry points of the group
`aieng.slack_modes` (pyproject.toml), and these two functions look them up when they are called,
so every other subcommand runs without a listener loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points

from bot.config import Settings
from bot.errors import BotError

GROUP = "aieng.slack_modes"


def serve(settings: Settings, port: int) -> int:
    """The HTTP server (gunicorn) until stopped."""
    return _mode("serve")(settings, port)


def socket(settings: Settings) -> int:
    """Socket Mode until stopped."""
    return _mode("socket")(settings)


def _mode(name: str) -> Callable[..., int]:
    found = list(entry_points(group=GROUP, name=name))
    if len(found) != 1:
        raise BotError(
            f"the Slack app's `{name}` is not installed (entry point `{name}` of `{GROUP}`, {len(found)} found): "
            "install the package (`pip install -e .`, which `make run` does)"
        )
    mode: Callable[..., int] = found[0].load()
    return mode
