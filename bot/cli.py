"""`python -m bot` (also `aieng-bot`): run, chat, ask, serve, socket, check, coverage, migrate, report, forget.

These subcommands and their output formats are a contract other tools rely on (the eval scorer
drives `ask --batch`); change them only compatibly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import Mode, Settings, load_settings
from bot.errors import BotError


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        return int(args.run(args, settings))
    except BotError as error:
        print(f"aieng: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="aieng: career answers for AI engineering.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="start in the mode the environment selects (socket, http or local chat)")
    run.set_defaults(run=_run)

    chat = sub.add_parser("chat", help="talk to the bot in this terminal, no Slack needed")
    chat.set_defaults(run=_chat)

    ask = sub.add_parser("ask", help="print one reply, or answer JSON Lines with --batch")
    ask.add_argument("--via", choices=["slash", "mention", "dm"], default="slash")
    ask.add_argument("--json", action="store_true", help="print the Slack message payload")
    ask.add_argument("--explain", action="store_true", help="show how the answer was chosen")
    ask.add_argument("--batch", action="store_true", help="read JSON Lines on stdin, write one JSON line each")
    ask.add_argument("text", nargs="*")
    ask.set_defaults(run=_ask)

    serve = sub.add_parser(
        "serve", help="production HTTP server (gunicorn): POST /slack/events, GET /healthz, OAuth install pages"
    )
    serve.add_argument("--port", type=int, help="default: $PORT or 3000")
    serve.set_defaults(run=_serve)

    socket = sub.add_parser("socket", help="connect to Slack over Socket Mode")
    socket.set_defaults(run=_socket)

    check = sub.add_parser("check", help="validate content/; print file:line: problem for each")
    check.set_defaults(run=_check)

    coverage = sub.add_parser("coverage", help="list article paragraphs no content entry covers")
    coverage.add_argument("--articles", type=Path, help="folder of the articles (default: articles/)")
    coverage.add_argument("--left-out", action="store_true", help="also list what is deliberately left out")
    coverage.set_defaults(run=_coverage)

    migrate = sub.add_parser("migrate", help="bring the database (DATABASE_URL) to the schema this version needs")
    migrate.set_defaults(run=_migrate)

    from bot.store.arguments import since_argument, team_argument, user_argument

    report = sub.add_parser("report", help="what people asked and how the answers did, for the content's keepers")
    report.add_argument("--since", type=since_argument, default="30d", help="how far back: 30d (default), 12h, 2w")
    report.add_argument("--json", action="store_true", help="print JSON (the shape is in the README)")
    report.set_defaults(run=_report)

    forget = sub.add_parser("forget", help="delete everything stored about one person")
    forget.add_argument("--user", type=user_argument, required=True, help="their Slack user id (U…)")
    forget.add_argument("--team", type=team_argument, help="only in this workspace (T…); default: every workspace")
    forget.set_defaults(run=_forget)
    return parser


def _run(args: argparse.Namespace, settings: Settings) -> int:
    mode = settings.mode
    if mode is Mode.SOCKET:
        return _socket(args, settings)
    if mode in (Mode.HTTP, Mode.OAUTH):
        args.port = None
        return _serve(args, settings)
    if settings.bot_token or settings.app_token or settings.signing_secret:
        print(
            "aieng: some Slack settings are set but not a full set, so this is the local chat. For Socket Mode "
            "set SLACK_BOT_TOKEN and SLACK_APP_TOKEN; for HTTP, SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; "
            "for OAuth install, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET.",
            file=sys.stderr,
        )
    return _chat(args, settings)


def _chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.local_chat import run_chat
    from bot.store.progress import ProgressBook
    from bot.store.store import open_store

    engine = _engine(settings)
    store = open_store(settings.database_url)  # the SQLite file is created and migrated on first use
    try:
        return run_chat(engine, sys.stdin, sys.stdout, ProgressBook(store))
    finally:
        store.close()


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot import asking

    engine = _engine(settings)
    if args.batch:
        return asking.batch(engine, sys.stdin, sys.stdout)
    text = " ".join(args.text)
    if args.explain:
        return asking.explain(engine, text, args.via, sys.stdout)
    return asking.ask_once(engine, text, args.via, args.json, sys.stdout)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot import slack_modes

    settings.require(settings.http_mode)
    return slack_modes.serve(settings, port=args.port or settings.port)


def _socket(args: argparse.Namespace, settings: Settings) -> int:
    from bot import slack_modes

    settings.require(Mode.SOCKET)
    return slack_modes.socket(settings)


def _check(args: argparse.Namespace, settings: Settings) -> int:
    from bot.content import load_library
    from bot.errors import ContentError

    try:
        library = load_library(settings.content_dir)
    except ContentError as error:
        print("\n".join(error.problems))
        return 1
    print(f"content OK: {len(library.entries)} entries, {len(library.salary_figures)} salary figures")
    return 0


def _coverage(args: argparse.Namespace, settings: Settings) -> int:
    from bot import coverage
    from bot.content import load_library

    library = load_library(settings.content_dir)
    articles = args.articles or coverage.ARTICLES_DIR
    try:
        verdicts = coverage.check(library, articles)
    except OSError as error:
        print(f"aieng: cannot read the articles in {articles}: {error}", file=sys.stderr)
        return 1
    lines, passed = coverage.report(verdicts, show_left_out=args.left_out)
    print("\n".join(lines))
    return 0 if passed else 1


def _migrate(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store.commands import migrate_database

    return migrate_database(settings.database_url, sys.stdout)


def _report(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store.commands import print_report

    return print_report(settings.database_url, args.since, args.json, sys.stdout)


def _forget(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store.commands import forget

    return forget(settings.database_url, args.user, args.team, sys.stdout)


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    from bot.answering import Engine
    from bot.content import load_library
    from bot.logs import configure_logging

    configure_logging(settings.log_level, settings.gap_log)
    return Engine(load_library(settings.content_dir))
