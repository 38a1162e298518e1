"""The command line's store arguments (--since, --user, --team), checked by argparse: standard library
only, so building the parser costs `ask` and the rest nothing."""

from __future__ import annotations

import argparse
import re
from datetime import timedelta

_SINCE = re.compile(r"([0-9]{1,5})([dhw])")
_UNITS = {"d": "days", "h": "hours", "w": "weeks"}
_USER_ID = re.compile(r"[UW][A-Z0-9]+")
_TEAM_ID = re.compile(r"[TE][A-Z0-9]+")


def since_argument(text: str) -> timedelta:
    """--since: a number of days, hours or weeks (30d, 12h, 2w)."""
    found = _SINCE.fullmatch(text.strip().lower())
    if not found:
        raise argparse.ArgumentTypeError(f"--since must be a number and d, h or w (30d, 12h, 2w), not {text!r}")
    return timedelta(**{_UNITS[found.group(2)]: int(found.group(1))})


def user_argument(text: str) -> str:
    if not _USER_ID.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"--user must be a Slack user id such as U012AB3CD, not {text!r}")
    return text.strip()


def team_argument(text: str) -> str:
    if not _TEAM_ID.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"--team must be a Slack workspace id such as T012AB3CD, not {text!r}")
    return text.strip()
