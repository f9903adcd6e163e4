"""The layer in front of the app: every request is bounded and checked before a route reads it.

- A body is counted as it arrives and cut off at its route's limit with a 413: a chunked body has
  no ``Content-Length`` to trust, so the header is only a first, cheap check.
- An admin request (upload, delete) with a wrong or missing token is refused before a byte of
  its body is read: no one without the token can make the server spool a file.
- Chat questions and feedback are rate-limited per client (a sliding one-minute window).
- Every reply carries the security headers (a Content-Security-Policy with ``frame-ancestors``,
  ``nosniff``, ``Referrer-Policy``); API replies are not cached.

Header size is bounded by the HTTP server itself (``cli.cmd_serve`` runs uvicorn's h11 parser
with :data:`MAX_HEADER_BYTES`), before any of this runs.
"""

from __future__ import annotations

import hmac
import json
import time
from collections import defaultdict, deque
from typing import Any

from fastapi.exceptions import HTTPException
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.config import Settings
from assistant.errors import AssistantError, ForbiddenError, RateLimitError

# The whole header block of one request; a real browser sends a few KB.
MAX_HEADER_BYTES = 64 * 1024

# The characters a JSON body may hold per character of text: UTF-8 needs up to 4 bytes.
_BYTES_PER_CHAR = 4
# Room for the JSON syntax and the short fields around the texts.
_SLACK = 64 * 1024
# The longest text of one history turn (api.HistoryItem.content).
HISTORY_ITEM_CHARS = 20000

# The page runs only its own scripts and styles (no inline code), talks only to this server and
# cannot be framed. The API docs page (Swagger UI) starts itself with an inline script.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_CSP_DOCS = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs", "/redoc")


class BodyTooLargeError(HTTPException):
    """Raised from inside ``receive`` when a body passes its limit; an HTTPException so that the
    framework's body parsing lets it through to the 413 handler instead of calling it a bad body."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Nội dung gửi lên quá lớn (tối đa {_size(limit)}).")
        self.limit = limit


def require_admin(settings: Settings, authorization: str | None) -> None:
    """Raise ForbiddenError unless ``authorization`` is ``Bearer <ASSISTANT_ADMIN_TOKEN>``.

    The scheme is required and, as HTTP says, case-insensitive; the token is compared in constant time.
    """
    if not settings.admin_token:
        raise ForbiddenError(
            "API quản trị đang tắt.",
            hint="Đặt biến môi trường ASSISTANT_ADMIN_TOKEN rồi gửi nó trong tiêu đề "
            "Authorization: Bearer <mã> để bật việc nạp và xóa văn bản.",
        )
    scheme, _, given = (authorization or "").strip().partition(" ")
    ok = scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8", "surrogateescape"), settings.admin_token.encode()
    )
    if not ok:
        raise ForbiddenError(
            "Mã quản trị không đúng.", hint="Gửi tiêu đề Authorization: Bearer <ASSISTANT_ADMIN_TOKEN>."
        )


def is_admin_request(method: str, path: str) -> bool:
    """Changes to the corpus: uploading and deleting documents."""
    return method in {"POST", "PUT", "PATCH", "DELETE"} and (
        path == "/api/documents" or path.startswith("/api/documents/")
    )


def body_limit(settings: Settings, method: str, path: str) -> int:
    """The most bytes a request's body may have: an upload's size for uploads, the longest
    message with a full history for everything else."""
    if is_admin_request(method, path):
        return int(settings.max_upload_mb * 1024 * 1024) + _SLACK
    chars = settings.max_message_chars + settings.max_history_turns * HISTORY_ITEM_CHARS
    return chars * _BYTES_PER_CHAR + _SLACK


class RateLimiter:
    """A sliding one-minute window per client address."""

    def __init__(self, per_minute: int, what: str = "câu hỏi") -> None:
        self.per_minute = per_minute
        self.what = what
        self.hits: dict[str, deque[float]] = defaultdict(deque)

    def check(self, client: str) -> None:
        if self.per_minute <= 0:
            return
        now = time.monotonic()
        if len(self.hits) > 10_000:  # many addresses: forget those quiet for a minute
            for key in [k for k, q in self.hits.items() if not q or now - q[-1] > 60]:
                del self.hits[key]
        q = self.hits[client]
        while q and now - q[0] > 60:
            q.popleft()
        if len(q) >= self.per_minute:
            raise RateLimitError(
                f"Quá nhiều yêu cầu: tối đa {self.per_minute} {self.what} mỗi phút. Vui lòng thử lại sau ít phút."
            )
        q.append(now)


class Guard:
    """ASGI middleware applying the module's checks; add it as the app's outermost layer.

    Pure ASGI on purpose: Starlette's ``BaseHTTPMiddleware`` reads the body in a task group, and
    an error raised while counting it would reach the app wrapped in an ExceptionGroup.
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        # requests per client and minute, by the path they post to
        self.limiters = {
            "/api/chat": RateLimiter(settings.rate_limit_per_minute),
            "/api/feedback": RateLimiter(settings.feedback_per_minute, "phản hồi"),
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        headers = Headers(scope=scope)
        send = _with_headers(send, path)
        limiter = self.limiters.get(path) if method == "POST" else None
        if limiter is not None:
            client = scope.get("client")
            try:
                limiter.check(client[0] if client else "?")
            except RateLimitError as exc:
                await _reply(send, exc.status, exc.to_dict(), [(b"retry-after", b"60")])
                return
        if is_admin_request(method, path):
            try:
                require_admin(self.settings, headers.get("authorization"))
            except AssistantError as exc:
                await _reply(send, exc.status, exc.to_dict())
                return
        limit = body_limit(self.settings, method, path)
        declared = headers.get("content-length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) > limit):
            status = 413 if declared.strip().isdigit() else 400
            message = (
                f"Nội dung gửi lên quá lớn (tối đa {_size(limit)})."
                if status == 413
                else "Tiêu đề Content-Length không hợp lệ."
            )
            await _reply(
                send,
                status,
                {"error": "FileTooLargeError" if status == 413 else "HTTPError", "message": message},
            )
            return

        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLargeError as exc:  # raised where no handler turned it into a reply
            if not started:
                await _reply(send, 413, {"error": "FileTooLargeError", "message": str(exc.detail)})


def _with_headers(send: Send, path: str) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            headers.setdefault("X-Content-Type-Options", "nosniff")
            headers.setdefault("Referrer-Policy", "no-referrer")
            headers.setdefault("X-Frame-Options", "DENY")
            headers.setdefault("Content-Security-Policy", _CSP_DOCS if path.startswith(_DOCS_PATHS) else _CSP)
            if path.startswith("/api/") or path == "/healthz" or path == "/openapi.json":
                headers.setdefault("Cache-Control", "no-store")
            elif path.startswith("/static/") or path == "/":
                headers.setdefault("Cache-Control", "no-cache")
        await send(message)

    return wrapped


async def _reply(
    send: Send, status: int, body: dict[str, Any], extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
                (b"connection", b"close"),
                *(extra or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})


def _size(n: int) -> str:
    mb = n / (1024 * 1024)
    return f"{mb:.0f} MB" if mb >= 1 else f"{n // 1024} KB"
