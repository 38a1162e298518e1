"""Kept for one wave while other branches land: these now live in bot/ (bot.errors, bot.slack_client,
bot.request_log). Import them from there; this module goes once nothing imports it."""

from bot.errors import SLACK_FAULTS, ResponseUrlFailed, SlackFault
from bot.request_log import RequestLine, event_kind, logged_request, request_log
from bot.slack_client import slack_call, slack_fault

__all__ = [
    "SLACK_FAULTS",
    "RequestLine",
    "ResponseUrlFailed",
    "SlackFault",
    "event_kind",
    "logged_request",
    "request_log",
    "slack_call",
    "slack_fault",
]
