"""Socket Mode that keeps answering while Slack refreshes the connection.

Slack replaces every Socket Mode connection from time to time: it sends `disconnect` (reason
`refresh_requested`) and expects the app to open a new connection while the old one is still open.
slack_sdk's built-in client does open the new one first, but then closes the old one before it reads
the new one, and that close waits for the old connection's reader, blocked in a receive with a fixed
3-second timeout; one thread reads one connection at a time. An envelope arriving on the new
connection right after its `hello` was acknowledged ~3.07 s later, past Slack's 3 seconds.

`RefreshSafeSocketModeClient` is that built-in client (its frames, pings, stale-connection checks and
reconnects; no new dependency) with the switch done differently:

- a `disconnect` is handled as it is read: the new connection is opened on another thread, so
  envelopes already received go on being answered while apps.connections.open is under way;
- every connection has its own reader thread, started as soon as the connection is open, so the
  new connection is read at once; it becomes current before anything happens to the old one;
- the old connection goes on being read for `DRAIN_SECONDS` (Slack may still deliver on it) and is
  then closed by its own reader, so nothing waits for it; a `disconnect` on it is not acted on twice;
- an envelope is acknowledged on the connection it arrived on while that one is open (else on the
  current one), so an envelope read from the old connection is answered once, where it came from;
- when the current connection ends (Slack closes it, or the network drops it), a new one is opened
  at once instead of at the next ping check (up to `ping_interval` later).
"""

from __future__ import annotations

import contextlib
import errno
import json
import socket
import threading
import time
from collections import OrderedDict
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.socket_mode.base_handler import BaseSocketModeHandler
from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_sdk.errors import SlackClientNotConnectedError
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.builtin.connection import Connection, ConnectionState
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

DRAIN_SECONDS = 10.0  # how long a replaced connection is still read; Slack closes it itself soon after a refresh
REMEMBERED_ARRIVALS = 1000  # envelope ids whose connection is remembered until their ack (bounded)


class RefreshSafeSocketModeClient(SocketModeClient):
    """slack_sdk's built-in Socket Mode client, switching connections without a pause (module docstring)."""

    def __init__(self, app_token: str, **options: Any) -> None:
        super().__init__(app_token, **options)
        self.current_session_runner.shutdown()  # type: ignore[no-untyped-call]  # its one reader thread is replaced by one per connection
        self._draining: dict[Connection, threading.Timer] = {}
        self._arrived_on: OrderedDict[str, Connection] = OrderedDict()
        self._lock = threading.Lock()
        self._refreshing = False  # a replacement asked for by a `disconnect` is under way

    def connect(self) -> None:
        if self.wss_uri is None:
            self.wss_uri = self.issue_new_wss_url()
        connection = self._open(self.wss_uri)
        previous, previous_state = self.current_session, self.current_session_state
        if not connection.is_active() and previous is not None and previous.is_active():
            self.logger.warning("Could not open a new Socket Mode connection; keeping the current one")
            return
        state = ConnectionState()  # type: ignore[no-untyped-call]
        self.current_session, self.current_session_state = connection, state
        self.auto_reconnect_enabled = self.default_auto_reconnect_enabled
        if connection.is_active():
            self._start_reader(connection, state)
        if previous is not None:
            self._drain(previous, previous_state)
        if not self.current_app_monitor_started:
            self.current_app_monitor_started = True
            self.current_app_monitor.start()
        self.logger.info(f"A new session has been established (session id: {self.session_id()})")

    def send_message(self, message: str) -> None:
        """Acknowledge on the connection the envelope came on while it is open, else on the current one."""
        envelope_id = _json_object(message).get("envelope_id")
        arrived_on = self._take_arrival(str(envelope_id)) if envelope_id else None
        if arrived_on is not None and arrived_on is not self.current_session and arrived_on.is_active():
            try:
                arrived_on.send(message)
                return
            except SlackClientNotConnectedError:
                pass  # closed in the meantime: the current connection takes the ack
        super().send_message(message)

    def close(self) -> None:
        self.closed = True  # before any reader stops: a reader that stops does not reconnect a closed client
        self.auto_reconnect_enabled = False
        with self._lock:
            draining = list(self._draining.items())
        for connection, timer in draining:
            timer.cancel()
            _stop_reading_now(connection)
        if self.current_session is not None:
            self.current_session_state.terminated = True
            _stop_reading_now(self.current_session)
        super().close()

    # -- switching -------------------------------------------------------------------------------

    def _on_disconnect(self, connection: Connection, reason: str) -> None:
        """Slack asks for `connection` to be replaced (refresh_requested, warning, too_many_websockets...).

        Handled here, as it is read, instead of in the SDK's message queue, whose one thread would
        stop processing envelopes until apps.connections.open answers (seconds if Slack is slow,
        Retry-After if rate limited): the new connection is opened on another thread while envelopes
        already received, on either connection, go on being answered.
        """
        self.logger.info(f"Slack sent disconnect (reason: {reason}, session id: {connection.session_id})")
        if connection is not self.current_session:
            return  # already replaced: it is being drained
        with self._lock:
            if self._refreshing:
                return
            self._refreshing = True
        threading.Thread(target=self._replace, args=(connection,), name="socket-mode-refresh", daemon=True).start()

    def _replace(self, stale: Connection) -> None:
        try:
            with self.connect_operation_lock:
                if self.current_session is stale or not self.is_connected():  # not replaced meanwhile
                    self.wss_uri = self.issue_new_wss_url()
                    self.connect()
        except Exception as error:  # the monitor (every ping_interval) reconnects if this failed
            self.logger.error(f"Failed to open a new Socket Mode connection ({type(error).__name__}: {error})")
        finally:
            with self._lock:
                self._refreshing = False

    # -- connections -----------------------------------------------------------------------------

    def _open(self, url: str) -> Connection:
        connection = Connection(
            url=url,
            logger=self.logger,
            ping_interval=self.ping_interval,
            trace_enabled=self.trace_enabled,
            all_message_trace_enabled=self.all_message_trace_enabled,
            ping_pong_trace_enabled=self.ping_pong_trace_enabled,
            receive_buffer_size=self.receive_buffer_size,
            proxy=self.proxy,
            proxy_headers=self.proxy_headers,
            on_error_listener=self._on_error,
            on_close_listener=self._on_close,
            ssl_context=self.web_client.ssl,
        )
        connection.on_message_listener = lambda text: self._on_message_from(connection, text)
        connection.connect()
        if connection.sock is not None:
            connection.sock = _EndOfStreamRaises(connection.sock)  # type: ignore[assignment]
        return connection

    def _start_reader(self, connection: Connection, state: ConnectionState) -> None:
        reader = threading.Thread(
            target=self._read, args=(connection, state), name=f"socket-mode-{connection.session_id[:8]}", daemon=True
        )
        reader.start()

    def _read(self, connection: Connection, state: ConnectionState) -> None:
        self.logger.info(f"Starting to receive messages from a new connection (session id: {connection.session_id})")
        try:
            connection.run_until_completion(state)
        except Exception as error:  # the SDK's loop reports its own errors; this is a last resort
            self.logger.error(f"Socket Mode reader stopped (session id: {connection.session_id}, error: {error})")
        finally:
            connection.close()
            with self._lock:
                timer = self._draining.pop(connection, None)
            if timer is not None:
                timer.cancel()
        if connection is self.current_session and self.auto_reconnect_enabled and not self.closed:
            self.logger.info(f"The current connection ended; reconnecting (session id: {connection.session_id})")
            try:
                self.connect_to_new_endpoint()
            except Exception as error:  # the monitor (every ping_interval) tries again
                self.logger.error(f"Failed to open a new Socket Mode connection ({type(error).__name__}: {error})")

    def _drain(self, connection: Connection, state: ConnectionState) -> None:
        """Go on reading a replaced connection for DRAIN_SECONDS; then its reader stops and closes it."""
        if not connection.is_active():
            state.terminated = True
            return
        timer = threading.Timer(DRAIN_SECONDS, _stop_reading, args=(state,))
        timer.daemon = True
        with self._lock:
            self._draining[connection] = timer
        timer.start()

    # -- which connection each envelope came on --------------------------------------------------

    def _on_message_from(self, connection: Connection, text: str) -> None:
        message = _json_object(text)
        if message.get("type") == "disconnect":
            self._on_disconnect(connection, str(message.get("reason")))
            return
        envelope_id = message.get("envelope_id")
        if envelope_id:
            with self._lock:
                self._arrived_on[str(envelope_id)] = connection
                while len(self._arrived_on) > REMEMBERED_ARRIVALS:
                    self._arrived_on.popitem(last=False)
        self._on_message(text)

    def _take_arrival(self, envelope_id: str) -> Connection | None:
        with self._lock:
            return self._arrived_on.pop(envelope_id, None)


class _EndOfStreamRaises:
    """A connection's socket whose receive raises when the other side has closed the stream.

    The SDK's reader treats an empty receive as "nothing yet" and would spin on a closed stream until
    the next ping fails; raising ends the reader at once, and the client reconnects.
    """

    def __init__(self, sock: Any) -> None:
        self._sock = sock
        self.ending = False  # this side is ending the stream: its end is expected

    def recv(self, size: int) -> bytes:
        data: bytes = self._sock.recv(size)
        if not data and size > 0 and not self.ending:
            raise ConnectionResetError(errno.ECONNRESET, "the Socket Mode server closed the connection")
        return data

    def end(self) -> None:
        """Wake a reader blocked in a receive (it sees the end of the stream) instead of waiting its timeout."""
        self.ending = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def _stop_reading(state: ConnectionState) -> None:
    state.terminated = True


def _stop_reading_now(connection: Connection) -> None:
    """For closing: the reader stops at once, not at the end of its receive timeout (up to 3 s)."""
    if isinstance(connection.sock, _EndOfStreamRaises):
        connection.sock.end()


def _json_object(text: str) -> dict[str, Any]:
    """A Socket Mode message as a dict ({} for anything else: the SDK's own parsing reports it)."""
    try:
        message = json.loads(text) if text.startswith("{") else None
    except ValueError:
        return {}
    return message if isinstance(message, dict) else {}


class RefreshSafeSocketModeHandler(BaseSocketModeHandler):
    """Bolt's Socket Mode adapter (as `slack_bolt.adapter.socket_mode.builtin`) over RefreshSafeSocketModeClient."""

    def __init__(self, app: App, app_token: str, ping_interval: float = 10, concurrency: int = 10) -> None:
        self.app = app
        self.app_token = app_token
        self.client = RefreshSafeSocketModeClient(
            app_token,
            logger=app.logger,
            web_client=app.client,
            proxy=app.client.proxy,
            ping_interval=ping_interval,
            concurrency=concurrency,
        )
        self.client.socket_mode_request_listeners.append(self.handle)

    def handle(self, client: BaseSocketModeClient, req: SocketModeRequest) -> None:
        started = time.time()
        send_response(client, req, run_bolt_app(self.app, req), started)
