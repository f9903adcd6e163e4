"""A scripted OpenAI-compatible chat server for tests: real HTTP on 127.0.0.1, in a background thread.

    stub = start_stub()
    stub.script("Câu trả lời [1].", Reply(status=500), Reply(text="chậm", delay=3))
    client = LLMClient(stub.url, "test-model", "", timeout=1)
    ...
    stub.requests[0].json["messages"]   # what the client sent
    stub.stop()

``POST /v1/chat/completions`` (also ``/chat/completions``) pops the next scripted :class:`Reply`; with
``"stream": true`` in the request the text is sent as SSE chunks, word by word, ending with
``data: [DONE]``; otherwise as one JSON reply. With nothing scripted it answers HTTP 500 with
"stub: no scripted reply", so a test that forgot a reply fails visibly.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer.

    text: the assistant message; status: an HTTP status (non-2xx sends an OpenAI-style error body);
    delay: seconds to wait before the first byte; trickle: seconds between pieces (words when
    streaming, single bytes of the body otherwise); malformed: send a body that is not JSON
    (or a ``data:`` line that is not JSON when streaming); body: raw bytes to send instead;
    ignore_stream: answer one JSON reply even when the request asked for a stream.
    """

    text: str = ""
    status: int = 200
    delay: float = 0.0
    trickle: float = 0.0
    malformed: bool = False
    body: bytes | None = None
    ignore_stream: bool = False


@dataclass
class Received:
    """A request the stub received."""

    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    json: Any

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.json.get("messages", [])) if isinstance(self.json, dict) else []

    @property
    def prompt(self) -> str:
        """All message contents joined, for 'the prompt contains ...' assertions."""
        return "\n".join(str(m.get("content", "")) for m in self.messages)


@dataclass
class LLMStub:
    server: ThreadingHTTPServer
    thread: threading.Thread
    replies: deque[Reply] = field(default_factory=deque)
    requests: list[Received] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def url(self) -> str:
        """The base URL with ``/v1``, as Ollama, vLLM and llama.cpp document it."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def root_url(self) -> str:
        """The base URL without a path."""
        return f"http://127.0.0.1:{self.port}"

    def script(self, *replies: str | Reply) -> None:
        """Queue replies, answered in order, one per request (a str is a plain text reply)."""
        with self.lock:
            for r in replies:
                self.replies.append(Reply(text=r) if isinstance(r, str) else r)

    def next_reply(self) -> Reply | None:
        with self.lock:
            return self.replies.popleft() if self.replies else None

    def stop(self) -> None:
        self.stopping.set()  # interrupts delays and trickles
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def _chunks(text: str) -> list[str]:
    """Word-by-word pieces whose concatenation is exactly ``text``."""
    return re.findall(r"\s*\S+\s*|\s+", text) or [""]


def _make_handler(stub: LLMStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _wait(self, seconds: float) -> bool:
            """Sleep; False if the stub is stopping."""
            return not (seconds > 0 and stub.stopping.wait(seconds))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                payload = json.loads(raw) if raw else None
            except ValueError:
                payload = raw.decode("utf-8", "replace")
            stub.requests.append(
                Received("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, payload)
            )
            try:
                if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
                    self._send_json(404, {"error": {"message": f"stub: no route {self.path}"}})
                    return
                reply = stub.next_reply()
                if reply is None:
                    self._send_json(500, {"error": {"message": "stub: no scripted reply"}})
                    return
                if not self._wait(reply.delay):
                    return
                stream = isinstance(payload, dict) and bool(payload.get("stream"))
                if reply.status >= 300:
                    self._send_json(reply.status, {"error": {"message": f"stub error {reply.status}"}})
                elif stream and not reply.ignore_stream:
                    self._send_stream(reply)
                else:
                    self._send_plain(reply, payload)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                pass  # the client gave up (timeout test)

        def _send_json(self, status: int, data: Any) -> None:
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _send_plain(self, reply: Reply, payload: Any) -> None:
            if reply.body is not None:
                body = reply.body
            elif reply.malformed:
                body = b'{"choices": [{"message": {"content": "unterminated'
            else:
                model = payload.get("model", "stub") if isinstance(payload, dict) else "stub"
                body = json.dumps(
                    {
                        "id": "chatcmpl-stub",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": model,
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": reply.text},
                                "finish_reason": "stop",
                            }
                        ],
                    },
                    ensure_ascii=False,
                ).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if reply.trickle > 0:
                for i in range(len(body)):
                    self.wfile.write(body[i : i + 1])
                    self.wfile.flush()
                    if not self._wait(reply.trickle):
                        return
            else:
                self.wfile.write(body)

        def _send_stream(self, reply: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()

            def chunk(data: bytes) -> None:
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()

            def event(delta: dict[str, Any], finish: str | None = None) -> bytes:
                data = {
                    "id": "chatcmpl-stub",
                    "object": "chat.completion.chunk",
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                }
                return b"data: " + json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n\n"

            if reply.body is not None:
                chunk(reply.body)
            else:
                chunk(event({"role": "assistant"}))
                if reply.malformed:
                    chunk(b"data: {not json}\n\n")
                for piece in _chunks(reply.text):
                    if not self._wait(reply.trickle):
                        return
                    chunk(event({"content": piece}))
                chunk(event({}, "stop"))
                chunk(b"data: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    return Handler


def start_stub() -> LLMStub:
    """Start a stub on a free port of 127.0.0.1; call ``.stop()`` when done."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    stub = LLMStub(server=server, thread=thread)
    server.RequestHandlerClass = _make_handler(stub)
    thread.start()
    return stub
