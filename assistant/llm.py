"""The optional LLM: a small OpenAI-compatible chat client (Ollama, vLLM, llama.cpp server) on httpx.

It is used for two things only, and the caller always has an extractive answer to fall back on:

- :func:`condense_question` rewrites a follow-up question and the conversation into one standalone
  question;
- :func:`phrase_passage_answer` phrases a ``passage`` answer from the retrieved sections only, citing
  their ids ``[1]``, ``[2]``. Citations to ids that were not given are removed; a reply citing nothing
  valid, or containing a number that is not in the sources, is refused with :class:`LLMRejected`.
  Numbers never come from the LLM.

Every failure (connection refused, timeout, HTTP error, malformed reply, refused reply) raises
:class:`LLMUnavailable` (a :class:`~assistant.errors.BackendUnavailableError`); :class:`LLMRejected`
is a subclass, so ``except LLMUnavailable`` is the one fallback point.

Base URL rule (:func:`chat_completions_url`): trailing slashes are ignored; a URL that already ends in
``/chat/completions`` is used as is; a URL with no path (``http://localhost:11434``) gets ``/v1``
appended; a URL with a path (``http://localhost:11434/v1``, ``https://host/openai/v1``,
``https://host/v1beta/openai``) is the API root as given. Then ``/chat/completions`` is appended.

The timeout is a total deadline for one call (connect, wait, and every byte of the reply, streamed
or not): the HTTP exchange runs in a daemon worker thread and the caller waits on it with the time
left, so a server that trickles bytes cannot keep the caller past the deadline.
"""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import httpx

from assistant.config import Settings
from assistant.errors import BackendUnavailableError
from assistant.prompts import PromptLibrary
from assistant.text import nfc, parse_decimal

logger = logging.getLogger(__name__)

MAX_REPLY_BYTES = 2_000_000  # a reply larger than this is not a chat answer
_HINT = "Câu trả lời được trích trực tiếp từ văn bản, không qua mô hình ngôn ngữ."


class LLMUnavailable(BackendUnavailableError):
    """The LLM could not be used (down, slow, HTTP error, malformed reply): answer extractively."""

    def __init__(
        self,
        message: str = "Không dùng được mô hình ngôn ngữ.",
        *,
        hint: str = _HINT,
        suggestions: list[str] | None = None,
    ) -> None:
        super().__init__(message, hint=hint, suggestions=suggestions)


class LLMRejected(LLMUnavailable):
    """The LLM replied, but the reply is not safe to show (no valid citation, an invented number)."""


def chat_completions_url(base_url: str) -> str:
    """The chat-completions endpoint for a base URL (see the module docstring for the rule)."""
    url = base_url.strip().rstrip("/")
    if not url:
        raise ValueError("LLM base URL is empty")
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(f"LLM base URL must be http(s)://host[:port][/path], got {base_url!r}")
    if url.endswith("/chat/completions"):
        return url
    if parsed.path in ("", "/"):
        url += "/v1"
    return url + "/chat/completions"


class LLMClient:
    """A chat client for one OpenAI-compatible server and model; thread-safe; every call bounded by ``timeout``."""

    def __init__(self, base_url: str, model: str = "", api_key: str = "", timeout: float = 20.0) -> None:
        if timeout <= 0:
            raise ValueError("LLM timeout must be positive")
        self.base_url = base_url
        self.endpoint = chat_completions_url(base_url)
        self.model = model
        self.timeout = float(timeout)
        self._api_key = api_key
        headers = {"Accept": "application/json, text/event-stream"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        # httpx's own timeout is per operation: it only ends abandoned worker threads; the caller's
        # bound is the total deadline in _exchange.
        self._http = httpx.Client(headers=headers, timeout=httpx.Timeout(self.timeout))

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMClient | None:
        """A client for ``settings.llm_*``, or None when ``llm_base_url`` is empty (no LLM)."""
        base_url = settings.llm_base_url.strip()
        if not base_url:
            return None
        if not settings.llm_model:
            logger.warning("ASSISTANT_LLM_MODEL is empty: the server's default model is used (if it has one)")
        return cls(base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout)

    def __repr__(self) -> str:  # never shows the API key
        key = "set" if self._api_key else "none"
        return f"LLMClient(endpoint={self.endpoint!r}, model={self.model!r}, api_key={key}, timeout={self.timeout})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> LLMClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public calls -------------------------------------------------------------------------------

    def chat(self, messages: list[dict[str, Any]], *, max_tokens: int = 600, temperature: float = 0.1) -> str:
        """The assistant message's text for ``messages``, within the timeout."""
        started = time.monotonic()
        body = bytearray()
        for kind, value in self._exchange(self._payload(messages, max_tokens, temperature, stream=False)):
            if kind == "data":
                assert isinstance(value, bytes)
                body += value
        text = _message_content(_parse_json(bytes(body)))
        logger.info(
            "LLM reply: %d chars in %.2fs (model %s)",
            len(text),
            time.monotonic() - started,
            self.model or "-",
        )
        return text

    def stream_chat(
        self, messages: list[dict[str, Any]], *, max_tokens: int = 600, temperature: float = 0.1
    ) -> Iterator[str]:
        """The reply's text pieces as they arrive (SSE), the whole stream within the timeout.

        May raise :class:`LLMUnavailable` after some pieces were yielded (timeout or broken stream).
        A server that ignores ``stream`` and sends one JSON reply is accepted (one piece).
        """
        started = time.monotonic()
        pieces = 0
        content_type = ""
        whole = bytearray()  # a non-streamed JSON reply
        buffer = b""
        done = False
        exchange = self._exchange(self._payload(messages, max_tokens, temperature, stream=True))
        try:
            for kind, value in exchange:
                if kind == "type":
                    assert isinstance(value, str)
                    content_type = value.lower()
                    continue
                assert isinstance(value, bytes)
                if content_type.startswith("application/json"):
                    whole += value
                    continue
                buffer += value
                *lines, buffer = buffer.split(b"\n")
                for raw in lines:
                    piece = _sse_piece(raw)
                    if piece is None:
                        done = True
                        break
                    if piece:
                        pieces += 1
                        yield piece
                if done:
                    break
            if not done and content_type.startswith("application/json"):
                text = _message_content(_parse_json(bytes(whole)))
                if text:
                    pieces += 1
                    yield text
            elif not done:
                piece = _sse_piece(buffer) if buffer.strip() else ""
                if piece:
                    pieces += 1
                    yield piece
                logger.debug("LLM stream ended without [DONE]")
        finally:
            exchange.close()
        logger.info(
            "LLM stream: %d pieces in %.2fs (model %s)", pieces, time.monotonic() - started, self.model or "-"
        )

    # -- plumbing ---------------------------------------------------------------------------------

    def _payload(
        self, messages: list[dict[str, Any]], max_tokens: int, temperature: float, *, stream: bool
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "stream": stream,
        }
        if self.model:
            payload["model"] = self.model
        return payload

    def _exchange(self, payload: dict[str, Any]) -> Generator[tuple[str, str | bytes], None, None]:
        """POST ``payload``; yield ("type", content type) then ("data", bytes)... all before the deadline."""
        deadline = time.monotonic() + self.timeout
        events: queue.Queue[tuple[str, Any]] = queue.Queue()
        cancel = threading.Event()
        logger.debug(
            "LLM request to %s: %d messages, stream=%s",
            self.endpoint,
            len(payload["messages"]),
            payload["stream"],
        )
        worker = threading.Thread(
            target=self._worker, args=(payload, events, cancel), name="llm-request", daemon=True
        )
        worker.start()
        received = 0
        try:
            while True:
                remaining = deadline - time.monotonic()
                try:
                    if remaining <= 0:
                        raise queue.Empty
                    kind, value = events.get(timeout=remaining)
                except queue.Empty:
                    logger.warning("LLM at %s: no complete reply within %.1fs", self.endpoint, self.timeout)
                    raise LLMUnavailable(
                        f"Mô hình ngôn ngữ không trả lời trong {format(self.timeout, 'g').replace('.', ',')} giây."
                    ) from None
                if kind == "error":
                    raise _unavailable(value, self.endpoint)
                if kind == "end":
                    return
                if kind == "data":
                    received += len(value)
                    if received > MAX_REPLY_BYTES:
                        logger.warning(
                            "LLM at %s: reply larger than %d bytes", self.endpoint, MAX_REPLY_BYTES
                        )
                        raise LLMUnavailable("Mô hình ngôn ngữ trả về dữ liệu quá lớn.")
                yield kind, value
        finally:
            cancel.set()  # the worker stops at its next chunk; httpx's per-read timeout bounds the rest

    def _worker(
        self, payload: dict[str, Any], events: queue.Queue[tuple[str, Any]], cancel: threading.Event
    ) -> None:
        try:
            with self._http.stream("POST", self.endpoint, json=payload) as response:
                if not response.is_success:
                    head = b""
                    for chunk in response.iter_bytes():
                        head += chunk
                        if len(head) >= 500 or cancel.is_set():
                            break
                    events.put(("error", _HTTPStatus(response.status_code, head[:500])))
                    return
                events.put(("type", response.headers.get("content-type", "")))
                for chunk in response.iter_bytes():
                    if cancel.is_set():
                        return
                    events.put(("data", chunk))
            events.put(("end", None))
        except Exception as exc:  # everything reaches the caller, who maps it to LLMUnavailable
            events.put(("error", exc))


class _HTTPStatus(Exception):
    def __init__(self, status: int, head: bytes) -> None:
        super().__init__(status)
        self.status = status
        self.head = head


def _unavailable(exc: BaseException, endpoint: str) -> LLMUnavailable:
    if isinstance(exc, LLMUnavailable):
        return exc
    if isinstance(exc, _HTTPStatus):
        logger.warning(
            "LLM at %s answered HTTP %d: %s", endpoint, exc.status, exc.head.decode("utf-8", "replace")[:300]
        )
        err = LLMUnavailable(f"Máy chủ mô hình ngôn ngữ trả lỗi HTTP {exc.status}.")
    elif isinstance(exc, httpx.TimeoutException):
        logger.warning("LLM at %s timed out: %s", endpoint, type(exc).__name__)
        err = LLMUnavailable("Mô hình ngôn ngữ không trả lời kịp.")
    elif isinstance(exc, httpx.TransportError):
        logger.warning("LLM at %s unreachable: %s: %s", endpoint, type(exc).__name__, exc)
        err = LLMUnavailable("Không kết nối được máy chủ mô hình ngôn ngữ.")
    else:
        logger.warning("LLM at %s failed: %s: %s", endpoint, type(exc).__name__, exc)
        err = LLMUnavailable("Không dùng được mô hình ngôn ngữ.")
    err.__cause__ = exc
    return err


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        logger.warning("LLM reply is not JSON: %r", raw[:200])
        raise LLMUnavailable("Mô hình ngôn ngữ trả về dữ liệu không đọc được.") from exc


def _malformed(what: str, data: Any) -> LLMUnavailable:
    logger.warning("LLM reply malformed (%s): %.200r", what, data)
    return LLMUnavailable("Mô hình ngôn ngữ trả về dữ liệu không đọc được.")


def _message_content(data: Any) -> str:
    """``choices[0].message.content`` of a chat-completions reply."""
    if isinstance(data, dict) and "error" in data:
        raise _malformed("error object", data["error"])
    try:
        content = data["choices"][0]["message"].get("content")
    except (KeyError, IndexError, TypeError, AttributeError):
        raise _malformed("no choices[0].message", data) from None
    if content is None:
        return ""
    if not isinstance(content, str):
        raise _malformed("content is not text", content)
    return content


def _sse_piece(raw: bytes) -> str | None:
    """The text of one SSE line: '' for lines without text, None at ``data: [DONE]``."""
    try:
        line = raw.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError as exc:
        raise _malformed("stream line not UTF-8", raw) from exc
    if not line.startswith("data:"):
        return ""  # blank separator, ': comment', 'event:', 'id:', 'retry:'
    data = line[5:].strip()
    if data == "[DONE]":
        return None
    if not data:
        return ""
    chunk = _parse_json(data.encode("utf-8"))
    if isinstance(chunk, dict) and "error" in chunk:
        raise _malformed("error event in stream", chunk["error"])
    try:
        choices = chunk["choices"]
        if not choices:  # e.g. a final usage-only chunk
            return ""
        content = choices[0].get("delta", {}).get("content")
    except (KeyError, IndexError, TypeError, AttributeError):
        raise _malformed("no choices[0].delta", chunk) from None
    if content is None:
        return ""
    if not isinstance(content, str):
        raise _malformed("delta content is not text", content)
    return content


# -- helpers for the answer pipeline ---------------------------------------------------------------

HistoryTurn = Mapping[str, str] | tuple[str, str]

_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_ROLES = {"user": "Người dùng", "assistant": "Trợ lý", "system": "Hệ thống"}
_CITATION = re.compile(r"([ \t]*)\[\s*(\d+(?:\s*[,;–-]\s*\d+)*)\s*\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LIST_MARKER = re.compile(r"^(\s*)\d{1,2}[.)](?=\s)", re.M)


class DraftFilter:
    """Passes on the visible part of a streamed reply as it grows: text inside ``<think>`` blocks
    (closed or not yet) is held back, and so is a trailing fragment that may open one."""

    def __init__(self, emit: Callable[[str], None]) -> None:
        self.emit = emit
        self.raw = ""
        self.sent = ""

    def feed(self, piece: str) -> None:
        self.raw += piece
        visible = _THINK.sub("", self.raw)
        lower = visible.lower()
        cut = lower.find("<think>")
        if cut >= 0:
            visible = visible[:cut]
        else:
            for n in range(min(len("<think>") - 1, len(visible)), 0, -1):
                if "<think>".startswith(lower[-n:]):
                    visible = visible[:-n]
                    break
        visible = visible.lstrip()
        if visible.startswith(self.sent) and len(visible) > len(self.sent):
            self.emit(visible[len(self.sent) :])
            self.sent = visible


def _clean_reply(text: str) -> str:
    text = _THINK.sub("", nfc(text))
    if "<think>" in text.lower():  # reasoning never closed: there is no answer
        raise LLMRejected("Mô hình ngôn ngữ không đưa ra câu trả lời.")
    return text.strip()


def format_history(history: Sequence[HistoryTurn], *, max_turns: int = 6, max_chars: int = 800) -> str:
    """The last ``max_turns`` turns as 'Người dùng: ...' / 'Trợ lý: ...' lines, each cut to ``max_chars``."""
    lines = []
    for turn in list(history)[-max_turns:] if max_turns else []:
        if isinstance(turn, tuple):
            role, content = turn
        else:
            role, content = str(turn.get("role", "")), str(turn.get("content", ""))
        content = " ".join(nfc(content).split())
        if not content:
            continue
        if len(content) > max_chars:
            content = content[: max_chars - 1].rstrip() + "…"
        lines.append(f"{_ROLES.get(role, role or 'Người dùng')}: {content}")
    return "\n".join(lines)


def condense_question(
    client: LLMClient, prompts: PromptLibrary, history: Sequence[HistoryTurn], question: str
) -> str:
    """One standalone question from a follow-up and the history (``{"role", "content"}`` dicts or
    ``(role, content)`` pairs). Without history the question is returned as is, with no LLM call."""
    history_text = format_history(history)
    if not history_text:
        return question
    prompt = prompts.render("llm_condense", history=history_text, question=question.strip())
    reply = _clean_reply(client.chat([{"role": "user", "content": prompt}], max_tokens=200, temperature=0.0))
    lines = [line.strip() for line in reply.splitlines() if line.strip()]
    condensed = lines[0] if lines else ""
    condensed = re.sub(r"^(?:câu hỏi(?: độc lập)?\s*:\s*)", "", condensed, flags=re.I)
    condensed = condensed.strip(" \t\"'“”‘’`*")
    if not condensed or len(condensed) > max(1000, 3 * len(question)):
        raise LLMRejected("Mô hình ngôn ngữ không viết lại được câu hỏi.")
    logger.info("Condensed follow-up question (%d -> %d chars)", len(question), len(condensed))
    return condensed


def sources_block(sources: Sequence[tuple[int, str]]) -> str:
    """The ``{sources}`` block: '[1] <doc> — <section> <title>\\n<text>' entries separated by a blank line."""
    return "\n\n".join(f"[{sid}] {text.strip()}" for sid, text in sources)


def _ids(spec: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", spec):
        bounds = [int(x) for x in re.split(r"\s*[–-]\s*", part) if x]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= 20:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def filter_citations(text: str, valid: set[int]) -> tuple[str, list[int]]:
    """Rewrite citations to ``[n]`` markers keeping only ids in ``valid``; the ids kept, in order of use.

    '[1, 2]', '[1-2]' and '[1][2]' are understood; a marker left with no valid id is removed."""
    cited: list[int] = []

    def repl(m: re.Match[str]) -> str:
        kept = []
        for sid in _ids(m.group(2)):
            if sid in valid and sid not in kept:
                kept.append(sid)
            elif sid not in valid:
                logger.info("LLM cited unknown source [%d]: dropped", sid)
        for sid in kept:
            if sid not in cited:
                cited.append(sid)
        return m.group(1) + "".join(f"[{sid}]" for sid in kept) if kept else ""

    return _CITATION.sub(repl, text), cited


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def invented_numbers(text: str, sources: Sequence[tuple[int, str]]) -> list[str]:
    """Numbers in ``text`` (citation markers and list markers aside) that appear in no source.

    A number matches when written the same way or with the same value ('1.500' = '1500', '05' = '5',
    '2,49' = '2.49')."""
    raw: set[str] = set()
    values: set[Decimal] = set()
    for _sid, src in sources:
        for n in _numbers(nfc(src)):
            raw.add(n)
            value = parse_decimal(n)
            if value is not None:
                values.add(value)
    body = _LIST_MARKER.sub(r"\1", _CITATION.sub(" ", text))
    invented = []
    for n in _numbers(body):
        if n in raw:
            continue
        value = parse_decimal(n)
        if value is not None and value in values:
            continue
        invented.append(n)
    return invented


def phrase_passage_answer(
    client: LLMClient,
    prompts: PromptLibrary,
    question: str,
    sources: list[tuple[int, str]],
    on_text: Callable[[str], None] | None = None,
) -> tuple[str, list[int]]:
    """The answer phrased by the LLM from ``sources`` ((id, '<doc> — <section> <title>\\n<text>')), and
    the ids it cites. Raises :class:`LLMRejected` if it cites no given id or writes a number that is in
    no source; :class:`LLMUnavailable` if the LLM cannot be reached.

    With ``on_text`` the reply is streamed, and ``on_text`` receives its visible text as it grows
    (reasoning blocks held back). That text is a draft: the checks run on the whole reply, so the
    returned text may differ (citations renumbered or dropped) or the call may still raise."""
    if not sources:
        raise LLMRejected("Không có nguồn để mô hình ngôn ngữ trả lời.")
    messages = [
        {"role": "system", "content": prompts.render("llm_system")},
        {
            "role": "user",
            "content": prompts.render(
                "llm_passage", question=question.strip(), sources=sources_block(sources)
            ),
        },
    ]
    if on_text is None:
        raw = client.chat(messages, max_tokens=600, temperature=0.1)
    else:
        draft = DraftFilter(on_text)
        for piece in client.stream_chat(messages, max_tokens=600, temperature=0.1):
            draft.feed(piece)
        raw = draft.raw
    reply = _clean_reply(raw)
    text, cited = filter_citations(reply, {sid for sid, _ in sources})
    text = re.sub(r"[ \t]+\n", "\n", text).strip()
    if not text or not cited:
        logger.warning("LLM answer rejected: no valid citation")
        raise LLMRejected("Câu trả lời của mô hình ngôn ngữ không dẫn nguồn hợp lệ.")
    invented = invented_numbers(text, sources)
    if invented:
        logger.warning("LLM answer rejected: numbers not in the sources: %s", invented[:10])
        raise LLMRejected("Câu trả lời của mô hình ngôn ngữ có con số không có trong nguồn.")
    return text, cited
