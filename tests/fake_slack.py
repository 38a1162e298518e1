"""A fake Slack Web API (and response_url target) for end-to-end tests.

It runs an HTTP server on 127.0.0.1 (a free port) in a background thread and records every request
it receives. Point the bot at it with SLACK_API_URL=<fake.api_url>, and give Slack payloads
`response_url=fake.response_url()`, so both Web API calls and `respond()` posts land here.

    with FakeSlack() as fake:
        ...start the bot, send it a signed request...
        [call] = fake.wait_for("chat.postMessage")
        assert call.body["channel"] == "C1"

Targets name what to match: an API method ("chat.postMessage"), a path ("/response/3"), a path
prefix ending in "/" ("/response/" = every response_url post) or a full URL from `response_url()`.

Faults are scripted per target and used up in order, for reliability tests:

    fake.fail("chat.postMessage", status=429, headers={"Retry-After": "1"})  # once
    fake.fail("chat.postMessage", status=503, times=2)
    fake.fail("chat.postMessage", error="not_in_channel")  # HTTP 200, {"ok": false, ...}
    fake.fail("chat.postMessage", delay=5.0)  # a normal answer, 5 s late
    fake.fail(RESPONSES, drop=True)  # close the connection without answering
    fake.fail("chat.postMessage", status=500, where=lambda call: call.channel == "C1")  # only C1's

Workspaces that install the app (OAuth install) each have their own bot token: `add_workspace`
gives the code that `oauth.v2.access` exchanges for it; auth.test answers for the token it is
given, every call records its token (`call.token`), and a workspace's tokens stop working once
`revoke`d. With `rotating=True`, the token expires and `oauth.v2.access` with grant_type
refresh_token swaps a refresh token (once: a spent one is refused) for a new token.

    one = fake.add_workspace("T100")
    ...GET /slack/oauth_redirect?code={one.code}&state=...
    assert fake.wait_for("chat.postMessage")[0].token == one.bot_token
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

API_PREFIX = "/api/"
RESPONSES = "/response/"  # the target that matches every response_url post
ANY_API = API_PREFIX  # the target that matches every Web API call
BOT_TOKEN = "xoxb-test"
AUTH_TEST = {
    "ok": True,
    "url": "https://aieng-test.slack.com/",
    "team": "aieng test",
    "user": "aieng",
    "team_id": "T1",
    "user_id": "UBOT",
    "bot_id": "BBOT",
    "is_enterprise_install": False,
}
SCOPES = "app_mentions:read,chat:write,commands,im:history"
DEFAULT_ERRORS = {429: "ratelimited", 500: "internal_error", 502: "bad_gateway", 503: "service_unavailable"}
DEFAULT_TIMEOUT = 20.0  # generous: a loaded 2-core CI machine can be slow, and passing tests never wait this long


@dataclass
class Workspace:
    """A workspace that can install the app: the code its install hands back, its current token."""

    team_id: str
    code: str
    bot_token: str
    bot_user_id: str
    bot_id: str
    expires_in: int | None = None  # seconds a token lives when it rotates; None: it does not
    refresh_token: str | None = None
    refreshes: int = 0  # tokens issued by refreshing
    tokens: set[str] = field(default_factory=set)  # every token of this workspace that still works

    @property
    def team_name(self) -> str:
        return f"workspace {self.team_id}"

    def auth_test(self) -> dict[str, Any]:
        return {
            **AUTH_TEST,
            "url": f"https://{self.team_id.lower()}.slack.com/",
            "team": self.team_name,
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
        }

    def token_fields(self) -> dict[str, Any]:
        rotating = {"refresh_token": self.refresh_token, "expires_in": self.expires_in} if self.expires_in else {}
        return {"token_type": "bot", "access_token": self.bot_token, "scope": SCOPES, **rotating}


@dataclass(frozen=True)
class Call:
    """One request the fake received."""

    http_method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # names lower-cased
    raw: bytes
    body: Any  # a dict for a JSON object or a form, else the decoded text
    received: float = field(default_factory=time.monotonic, compare=False)  # when it arrived (time.monotonic)

    @property
    def api_method(self) -> str | None:
        return self.path[len(API_PREFIX) :] if self.path.startswith(API_PREFIX) else None

    @property
    def channel(self) -> str | None:
        return self.body.get("channel") if isinstance(self.body, dict) else None

    @property
    def is_response(self) -> bool:
        return self.path.startswith(RESPONSES)

    @property
    def token(self) -> str | None:
        """The bearer token the call was made with."""
        auth = self.headers.get("authorization", "")
        return auth[len("Bearer ") :] if auth.startswith("Bearer ") else None


@dataclass
class Fault:
    status: int = 200
    body: Any = None  # None: the normal answer (for a 200) or {"ok": false, "error": ...}
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without an HTTP response
    times: int | None = 1  # None: every time
    where: Callable[[Call], bool] | None = None  # only requests this accepts (e.g. one channel's)


class FakeSlack:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._calls: list[Call] = []
        self._faults: dict[str, list[Fault]] = {}
        self._ts = itertools.count(1)
        self._response_ids = itertools.count(1)
        self._workspaces: dict[str, Workspace] = {}
        self._server = ThreadingHTTPServer((host, 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-slack", daemon=True
        )
        self.url = f"http://{host}:{self._server.server_address[1]}"
        self.api_url = self.url + API_PREFIX

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what tests use --------------------------------------------------------------------------

    def response_url(self) -> str:
        """A fresh response_url, so a test can find exactly the respond() posts its payload caused."""
        return f"{self.url}{RESPONSES}{next(self._response_ids)}"

    def calls(self, target: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if target is None or _matches(c.path, target)]

    def api_calls(self, method: str | None = None) -> list[Call]:
        return [c for c in self.calls() if c.api_method and (method is None or c.api_method == method)]

    def responses(self, url: str | None = None) -> list[Call]:
        return self.calls(url or RESPONSES)

    def wait_for(
        self,
        target: str,
        count: int = 1,
        timeout: float = DEFAULT_TIMEOUT,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until at least `count` requests match `target` (and `where`, if given); return them all.

        Listeners run after the bot's HTTP response to Slack, so their calls arrive later; this
        polls, bounded by `timeout`, and fails saying what did arrive.
        """

        def matching() -> list[Call]:
            return [c for c in self._calls if _matches(c.path, target) and (where is None or where(c))]

        deadline = time.monotonic() + timeout
        with self._changed:
            while len(found := matching()) < count and (left := deadline - time.monotonic()) > 0:
                self._changed.wait(min(left, 0.5))
        if len(found) < count:
            seen = [f"{c.path} channel={c.channel}" for c in self.calls()][-30:]
            raise AssertionError(
                f"expected {count} request(s) to {target!r} within {timeout:.0f}s, got {len(found)}; "
                f"the last requests received: {seen}"
            )
        return found

    def fail(
        self,
        target: str,
        *,
        status: int | None = None,
        error: str | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        delay: float = 0.0,
        drop: bool = False,
        times: int | None = 1,
        where: Callable[[Call], bool] | None = None,
    ) -> None:
        """Script the next `times` answers for `target` (None = every answer from now on).

        `status` alone gives {"ok": false, "error": <usual error for that status>}; `error` alone
        gives HTTP 200 with {"ok": false, "error": error}; `delay` (seconds) or `drop` alone keep
        the normal answer but send it late, or never. `where` narrows the fault to the requests
        it accepts, so one test's fault can't hit another request on a shared server.
        """
        if body is None and (error is not None or (status is not None and status != 200)):
            body = {"ok": False, "error": error or DEFAULT_ERRORS.get(status or 200, "unknown_error")}
        fault = Fault(status or 200, body, dict(headers or {}), delay, drop, times, where)
        with self._lock:
            self._faults.setdefault(_path_of(target), []).append(fault)

    def add_workspace(self, team_id: str, rotating: bool = False, expires_in: int = 43200) -> Workspace:
        """A workspace that can install the app (its install code exchanged by oauth.v2.access)."""
        suffix = team_id.lower()
        workspace = Workspace(
            team_id=team_id,
            code=f"code-{suffix}",
            bot_token=f"xoxb-{suffix}-0",
            bot_user_id=f"UBOT{team_id}",
            bot_id=f"BBOT{team_id}",
            expires_in=expires_in if rotating else None,
            refresh_token=f"xoxe-1-{suffix}-0" if rotating else None,
        )
        workspace.tokens.add(workspace.bot_token)
        with self._lock:
            self._workspaces[team_id] = workspace
        return workspace

    def revoke(self, team_id: str) -> None:
        """The workspace uninstalled the app: none of its tokens work any more."""
        with self._lock:
            self._workspaces[team_id].tokens.clear()
            self._workspaces[team_id].refresh_token = None

    def workspace(self, team_id: str) -> Workspace:
        with self._lock:
            return self._workspaces[team_id]

    def reset(self) -> None:
        """Forget recorded requests and scripted faults."""
        with self._lock:
            self._calls.clear()
            self._faults.clear()

    # -- what the handler uses -------------------------------------------------------------------

    def _record(self, call: Call) -> None:
        with self._changed:
            self._calls.append(call)
            self._changed.notify_all()

    def _take_fault(self, call: Call) -> Fault | None:
        with self._lock:
            for key, faults in self._faults.items():
                if not _matches(call.path, key):
                    continue
                for position, fault in enumerate(faults):
                    if fault.where is None or fault.where(call):
                        if fault.times is not None:
                            fault.times -= 1
                            if fault.times <= 0:
                                del faults[position]
                        return fault
        return None

    def _answer(self, call: Call) -> tuple[int, dict[str, str], bytes]:
        """The normal (fault-free) answer."""
        if call.is_response:
            return 200, {"Content-Type": "text/html"}, b"ok"
        if call.api_method is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        headers = {"Content-Type": "application/json; charset=utf-8"}
        body = call.body if isinstance(call.body, dict) else {}
        method = call.api_method
        if method == "oauth.v2.access":
            return 200, headers, _json(self._oauth_access(body))
        workspace = self._workspace_of(call.token)
        if call.token != BOT_TOKEN and workspace is None:
            error = "not_authed" if "authorization" not in call.headers else "invalid_auth"
            return 200, headers, _json({"ok": False, "error": error})
        ts = f"1700000000.{next(self._ts):06d}"
        if method == "auth.test":
            return 200, {**headers, "X-OAuth-Scopes": SCOPES}, _json(workspace.auth_test() if workspace else AUTH_TEST)
        if method == "chat.postMessage":
            message = {"type": "message", "text": body.get("text", ""), "user": "UBOT", "bot_id": "BBOT", "ts": ts}
            return 200, headers, _json({"ok": True, "channel": body.get("channel"), "ts": ts, "message": message})
        if method == "chat.postEphemeral":
            return 200, headers, _json({"ok": True, "message_ts": ts})
        if method == "chat.update":
            answer = {"ok": True, "channel": body.get("channel"), "ts": body.get("ts"), "text": body.get("text", "")}
            return 200, headers, _json(answer)
        if method in ("views.open", "views.update", "views.push", "views.publish"):
            view = body.get("view")
            view = json.loads(view) if isinstance(view, str) else (view or {})
            opened = {**view, "id": f"V{next(self._ts):08d}", "state": {"values": {}}}
            return 200, headers, _json({"ok": True, "view": opened})
        return 200, headers, _json({"ok": True})  # assistant.threads.* and the rest: Slack's plain success

    def _workspace_of(self, token: str | None) -> Workspace | None:
        with self._lock:
            return next((w for w in self._workspaces.values() if token in w.tokens), None)

    def _oauth_access(self, body: dict[str, Any]) -> dict[str, Any]:
        """An install (a workspace's code) or a refresh (its current refresh token, spent by using it)."""
        with self._lock:
            if body.get("grant_type") == "refresh_token":
                return self._refresh(str(body.get("refresh_token")))
            workspace = next((w for w in self._workspaces.values() if w.code == body.get("code")), None)
            if workspace is None:
                return {"ok": False, "error": "invalid_code"}
            return {
                "ok": True,
                "app_id": "AAIENG",
                "authed_user": {"id": f"UINSTALLER{workspace.team_id}"},
                "bot_user_id": workspace.bot_user_id,
                "team": {"id": workspace.team_id, "name": workspace.team_name},
                "enterprise": None,
                "is_enterprise_install": False,
                **workspace.token_fields(),
            }

    def _refresh(self, refresh_token: str) -> dict[str, Any]:
        workspace = next((w for w in self._workspaces.values() if w.refresh_token == refresh_token), None)
        if workspace is None:
            return {"ok": False, "error": "invalid_refresh_token"}
        workspace.refreshes += 1
        suffix = f"{workspace.team_id.lower()}-{workspace.refreshes}"
        workspace.bot_token, workspace.refresh_token = f"xoxb-{suffix}", f"xoxe-1-{suffix}"
        workspace.tokens.add(workspace.bot_token)
        return {"ok": True, "app_id": "AAIENG", "team": {"id": workspace.team_id}, **workspace.token_fields()}


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._handle()

        def do_POST(self) -> None:
            self._handle()

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            split = urlsplit(self.path)
            headers = {name.lower(): value for name, value in self.headers.items()}
            query = {k: v[-1] for k, v in parse_qs(split.query).items()}
            call = Call(self.command, split.path, query, headers, raw, _parse(raw, headers, query))
            fake._record(call)
            fault = fake._take_fault(call)
            if fault and fault.delay:
                time.sleep(fault.delay)
            if fault and fault.drop:
                self.close_connection = True
                return
            status, answer_headers, payload = fake._answer(call)
            if fault and (fault.status != 200 or fault.body is not None):
                status = fault.status
                if isinstance(fault.body, (str, bytes)):
                    answer_headers, payload = {"Content-Type": "text/plain"}, _bytes(fault.body)
                else:
                    answer_headers, payload = {"Content-Type": "application/json; charset=utf-8"}, _json(fault.body)
            if fault:
                answer_headers = {**answer_headers, **fault.headers}
            try:
                self.send_response(status)
                for name, value in answer_headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (a delay fault)
                self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler


def _parse(raw: bytes, headers: Mapping[str, str], query: dict[str, str]) -> Any:
    text = raw.decode("utf-8", errors="replace")
    content_type = headers.get("content-type", "")
    if "json" in content_type or text.lstrip().startswith(("{", "[")):
        try:
            return json.loads(text)
        except ValueError:
            return text
    if "form" in content_type or (not text and query):
        form = {k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()}
        return {**query, **form}
    return text


def _path_of(target: str) -> str:
    if target.startswith(("http://", "https://")):
        return urlsplit(target).path
    return target if target.startswith("/") else API_PREFIX + target


def _matches(path: str, target: str) -> bool:
    wanted = _path_of(target)
    return path.startswith(wanted) if wanted.endswith("/") else path == wanted


def strings(value: Any) -> Iterator[str]:
    """Every string anywhere in a JSON-like value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def _bytes(value: str | bytes) -> bytes:
    return value.encode() if isinstance(value, str) else value
