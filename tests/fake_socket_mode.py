"""A fake Slack Socket Mode server on loopback: a small WebSocket server (RFC 6455, standard library only).

Slack's side of Socket Mode, as much as the tests need: every connection gets a `hello` at once (as
Slack sends it), the test pushes envelopes and `disconnect` messages down a chosen connection, and
every acknowledgement (a text frame carrying an `envelope_id`) is recorded with the connection it came
back on and when. Pings are answered with pongs; a close frame is answered and the connection ended.

    with FakeSocketMode() as server:
        fake.fail("apps.connections.open", body={"ok": True, "url": server.url}, times=None)
        ...connect the client...
        link = server.wait_for_link(0)
        sent = link.send({"envelope_id": "e1", "type": "slash_commands", "payload": {...}})
        ack = server.wait_for_ack("e1")
        assert ack.received - sent < 1.0
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

DEFAULT_TIMEOUT = 20.0  # generous: a loaded 2-core machine can be slow; passing tests never wait this long
WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455 section 1.3
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA


@dataclass(frozen=True)
class Ack:
    envelope_id: str
    link: int  # which connection it came back on (0 = the first the server accepted)
    received: float  # time.monotonic()
    payload: Any


class Link:
    """One WebSocket connection from the client, seen from the server."""

    def __init__(self, server: FakeSocketMode, index: int, sock: socket.socket) -> None:
        self.server = server
        self.index = index
        self._sock = sock
        self._send_lock = threading.Lock()
        self.closed = threading.Event()
        self._closing = False  # the server sent a close frame
        self.texts: list[Any] = []  # every text frame the client sent on this connection, decoded

    def send(self, message: dict[str, Any]) -> float:
        """Send one JSON text frame; return when it was sent (time.monotonic())."""
        self._send_frame(TEXT, json.dumps(message).encode())
        return time.monotonic()

    def hello(self) -> float:
        return self.send({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}})

    def disconnect(self, reason: str) -> float:
        return self.send({"type": "disconnect", "reason": reason, "debug_info": {"host": "fake"}})

    def close(self, code: int = 1000) -> None:
        """Start the closing handshake (RFC 6455 section 5.5.1), as Slack does when it ends a connection."""
        self._closing = True
        self._send_frame(CLOSE, struct.pack("!H", code))

    def drop(self) -> None:
        """End the TCP connection at once, without a close frame (a network failure)."""
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()
        self.closed.set()

    def _send_frame(self, opcode: int, payload: bytes) -> None:
        length = len(payload)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, length)
        elif length < 1 << 16:
            header = struct.pack("!BBH", 0x80 | opcode, 126, length)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 127, length)
        with self._send_lock:
            self._sock.sendall(header + payload)

    def _serve(self) -> None:
        try:
            while not self.closed.is_set():
                opcode, payload = self._read_frame()
                if opcode == TEXT:
                    self._on_text(payload.decode())
                elif opcode == PING:
                    self._send_frame(PONG, payload)
                elif opcode == CLOSE:
                    if not self._closing:
                        self._send_frame(CLOSE, payload[:2])
                    break
        except (OSError, ConnectionError):
            pass
        finally:
            self.closed.set()
            self._sock.close()

    def _on_text(self, text: str) -> None:
        message = json.loads(text)
        self.texts.append(message)
        if isinstance(message, dict) and "envelope_id" in message:
            ack = Ack(str(message["envelope_id"]), self.index, time.monotonic(), message.get("payload"))
            self.server._record(ack)

    def _read_frame(self) -> tuple[int, bytes]:
        first, second = self._read_exactly(2)
        length = second & 0x7F
        if length == 126:
            (length,) = struct.unpack("!H", self._read_exactly(2))
        elif length == 127:
            (length,) = struct.unpack("!Q", self._read_exactly(8))
        mask = self._read_exactly(4) if second & 0x80 else b"\0\0\0\0"
        data = self._read_exactly(length)
        return first & 0x0F, bytes(byte ^ mask[i % 4] for i, byte in enumerate(data))

    def _read_exactly(self, size: int) -> bytes:
        chunks = b""
        while len(chunks) < size:
            chunk = self._sock.recv(size - len(chunks))
            if not chunk:
                raise ConnectionError("the client closed the connection")
            chunks += chunk
        return chunks


class FakeSocketMode:
    def __init__(self, on_connect: Callable[[Link], None] | None = None) -> None:
        """`on_connect(link)` runs right after each new connection's `hello` (default: nothing more)."""
        self.on_connect = on_connect
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.url = f"ws://127.0.0.1:{self._listener.getsockname()[1]}/link"
        self._changed = threading.Condition()
        self._links: list[Link] = []
        self._acks: list[Ack] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="fake-socket-mode", daemon=True)

    def __enter__(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()
        for link in self.links():
            link.drop()

    def links(self) -> list[Link]:
        with self._changed:
            return list(self._links)

    def acks(self, envelope_id: str | None = None) -> list[Ack]:
        with self._changed:
            return [a for a in self._acks if envelope_id is None or a.envelope_id == envelope_id]

    def wait_for_link(self, index: int, timeout: float = DEFAULT_TIMEOUT) -> Link:
        """The `index`-th connection (0 = first), once the client has opened it."""
        self._wait(lambda: len(self._links) > index, timeout, f"connection #{index}")
        return self.links()[index]

    def wait_for_ack(self, envelope_id: str, timeout: float = DEFAULT_TIMEOUT) -> Ack:
        self._wait(lambda: any(a.envelope_id == envelope_id for a in self._acks), timeout, f"ack of {envelope_id}")
        return self.acks(envelope_id)[0]

    def _wait(self, done: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not done() and (left := deadline - time.monotonic()) > 0:
                self._changed.wait(min(left, 0.5))
            if not done():
                raise AssertionError(f"no {what} within {timeout:.0f}s; acks so far: {self._acks}")

    def _record(self, ack: Ack) -> None:
        with self._changed:
            self._acks.append(ack)
            self._changed.notify_all()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._open, args=(sock,), name="fake-socket-mode-link", daemon=True).start()

    def _open(self, sock: socket.socket) -> None:
        sock.settimeout(None)
        if not _handshake(sock):
            sock.close()
            return
        with self._changed:
            link = Link(self, len(self._links), sock)
            self._links.append(link)
            self._changed.notify_all()
        link.hello()
        if self.on_connect:
            self.on_connect(link)
        link._serve()


def _handshake(sock: socket.socket) -> bool:
    """Read the client's HTTP upgrade request and accept it (RFC 6455 section 4.2.2)."""
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = sock.recv(1024)
        if not chunk:
            return False
        request += chunk
    headers = dict(
        (name.strip().lower(), value.strip())
        for name, _, value in (line.partition(":") for line in request.decode().split("\r\n")[1:])
        if value
    )
    key = headers.get("sec-websocket-key")
    if not key:
        return False
    accept = base64.b64encode(hashlib.sha1((key + WEBSOCKET_GUID).encode()).digest()).decode()
    sock.sendall(
        (
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
        ).encode()
    )
    return True
