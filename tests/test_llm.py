"""The optional LLM client and its answer helpers, against a scripted stub over real HTTP on 127.0.0.1."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator

import pytest

from assistant.config import Settings
from assistant.errors import BackendUnavailableError
from assistant.llm import (
    DraftFilter,
    LLMClient,
    LLMRejected,
    LLMUnavailable,
    chat_completions_url,
    condense_question,
    filter_citations,
    invented_numbers,
    phrase_passage_answer,
)
from assistant.prompts import PromptLibrary, get_prompts

try:
    from tests.llm_stub import LLMStub, Reply, start_stub
except ImportError:  # tests/ not importable as a package: pytest put tests/ itself on sys.path
    from llm_stub import LLMStub, Reply, start_stub  # type: ignore[no-redef]

MESSAGES = [{"role": "user", "content": "Xin chào"}]

SOURCES = [
    (
        1,
        "Chỉ thị 05/CT-UBND — Mục 2 Công tác kê khai tài sản\n"
        "Hoàn thành việc kê khai tài sản, thu nhập trước ngày 31/12/2024.",
    ),
    (
        2,
        "Kế hoạch 410/KH-UBND — Mục 3 Thanh tra công vụ\n"
        "Sở Nội vụ chủ trì thanh tra công vụ tại 15 cơ quan, đơn vị.",
    ),
]


@pytest.fixture
def llm_stub() -> Iterator[LLMStub]:
    stub = start_stub()
    try:
        yield stub
    finally:
        stub.stop()


@pytest.fixture
def prompts() -> PromptLibrary:
    return get_prompts()


def client_for(stub: LLMStub, *, timeout: float = 5.0, api_key: str = "") -> LLMClient:
    return LLMClient(stub.url, "qwen2.5:7b-instruct", api_key, timeout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- base URL and settings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "endpoint"),
    [
        ("http://localhost:11434", "http://localhost:11434/v1/chat/completions"),
        ("http://localhost:11434/", "http://localhost:11434/v1/chat/completions"),
        ("http://localhost:11434/v1", "http://localhost:11434/v1/chat/completions"),
        ("http://localhost:11434/v1/", "http://localhost:11434/v1/chat/completions"),
        ("https://llm.example.vn/openai/v1", "https://llm.example.vn/openai/v1/chat/completions"),
        ("http://h:8000/v1/chat/completions", "http://h:8000/v1/chat/completions"),
    ],
)
def test_base_url_rule(base: str, endpoint: str) -> None:
    assert chat_completions_url(base) == endpoint


@pytest.mark.parametrize("bad", ["", "localhost:11434", "ftp://h/v1"])
def test_bad_base_url_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        chat_completions_url(bad)


def test_from_settings() -> None:
    assert LLMClient.from_settings(Settings(llm_base_url="")) is None
    client = LLMClient.from_settings(
        Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="m", llm_api_key="sk-secret", llm_timeout=3)
    )
    assert client is not None
    assert (client.endpoint, client.model, client.timeout) == (
        "http://127.0.0.1:9/v1/chat/completions",
        "m",
        3.0,
    )
    assert "sk-secret" not in repr(client)
    client.close()


def test_errors_are_backend_errors() -> None:
    assert issubclass(LLMUnavailable, BackendUnavailableError)
    assert issubclass(LLMRejected, LLMUnavailable)
    assert LLMUnavailable().status == 503


# -- the client over HTTP --------------------------------------------------------------------------


def test_plain_reply_and_request_shape(llm_stub: LLMStub) -> None:
    llm_stub.script("Xin chào anh/chị.")
    with client_for(llm_stub, api_key="sk-test-123") as client:
        assert client.chat(MESSAGES, max_tokens=50, temperature=0.2) == "Xin chào anh/chị."
    [req] = llm_stub.requests
    assert req.path == "/v1/chat/completions"
    assert req.json["model"] == "qwen2.5:7b-instruct"
    assert req.json["messages"] == MESSAGES
    assert req.json["max_tokens"] == 50
    assert req.json["temperature"] == 0.2
    assert req.json["stream"] is False
    assert req.headers["authorization"] == "Bearer sk-test-123"


def test_no_api_key_no_authorization_header(llm_stub: LLMStub) -> None:
    llm_stub.script("ok")
    client = LLMClient(llm_stub.root_url, "", "", 5)  # base URL without /v1, no model
    assert client.chat(MESSAGES) == "ok"
    [req] = llm_stub.requests
    assert req.path == "/v1/chat/completions"
    assert "authorization" not in req.headers
    assert "model" not in req.json


def test_streamed_reply(llm_stub: LLMStub) -> None:
    text = "Sở Nội vụ chủ trì thanh tra công vụ [2]."
    llm_stub.script(text)
    pieces = list(client_for(llm_stub).stream_chat(MESSAGES))
    assert len(pieces) > 3  # word by word
    assert "".join(pieces) == text
    assert llm_stub.requests[0].json["stream"] is True


def test_stream_accepts_a_non_streamed_json_reply(llm_stub: LLMStub) -> None:
    llm_stub.script(Reply(text="Một lần trả lời cả câu.", ignore_stream=True))
    assert list(client_for(llm_stub).stream_chat(MESSAGES)) == ["Một lần trả lời cả câu."]


def test_timeout_is_total_and_measured(llm_stub: LLMStub) -> None:
    llm_stub.script(Reply(text="quá muộn", delay=5))
    client = client_for(llm_stub, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(LLMUnavailable) as info:
        client.chat(MESSAGES)
    elapsed = time.monotonic() - started
    assert 0.45 <= elapsed < 1.5
    assert "0,5 giây" in info.value.message


def test_trickling_plain_reply_cannot_exceed_the_timeout(llm_stub: LLMStub) -> None:
    # Each byte arrives well within any per-read timeout, but the whole body would take ~10 s.
    llm_stub.script(Reply(text="một câu trả lời dài " * 5, trickle=0.05))
    client = client_for(llm_stub, timeout=0.8)
    started = time.monotonic()
    with pytest.raises(LLMUnavailable):
        client.chat(MESSAGES)
    assert time.monotonic() - started < 1.8


def test_trickling_stream_cannot_exceed_the_timeout(llm_stub: LLMStub) -> None:
    llm_stub.script(Reply(text=" ".join(["từ"] * 40), trickle=0.1))
    client = client_for(llm_stub, timeout=0.8)
    started = time.monotonic()
    got: list[str] = []
    with pytest.raises(LLMUnavailable):
        for piece in client.stream_chat(MESSAGES):
            got.append(piece)
    assert time.monotonic() - started < 1.8
    assert 0 < len(got) < 40


def test_connection_refused() -> None:
    client = LLMClient(f"http://127.0.0.1:{free_port()}/v1", "m", "", 5)
    started = time.monotonic()
    with pytest.raises(LLMUnavailable) as info:
        client.chat(MESSAGES)
    assert time.monotonic() - started < 3
    assert "kết nối" in info.value.message
    with pytest.raises(LLMUnavailable):
        list(client.stream_chat(MESSAGES))


@pytest.mark.parametrize("stream", [False, True])
def test_http_500(llm_stub: LLMStub, stream: bool) -> None:
    llm_stub.script(Reply(status=500))
    client = client_for(llm_stub)
    with pytest.raises(LLMUnavailable) as info:
        if stream:
            list(client.stream_chat(MESSAGES))
        else:
            client.chat(MESSAGES)
    assert "500" in info.value.message


@pytest.mark.parametrize("stream", [False, True])
def test_malformed_json(llm_stub: LLMStub, stream: bool) -> None:
    llm_stub.script(Reply(text="a b", malformed=True))
    client = client_for(llm_stub)
    with pytest.raises(LLMUnavailable):
        if stream:
            list(client.stream_chat(MESSAGES))
        else:
            client.chat(MESSAGES)


def test_json_without_choices(llm_stub: LLMStub) -> None:
    llm_stub.script(Reply(body=b'{"object": "chat.completion"}'))
    with pytest.raises(LLMUnavailable):
        client_for(llm_stub).chat(MESSAGES)


def test_api_key_is_never_logged(llm_stub: LLMStub, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    llm_stub.script("ok", Reply(status=401))
    client = client_for(llm_stub, api_key="sk-very-secret")
    client.chat(MESSAGES)
    with pytest.raises(LLMUnavailable):
        client.chat(MESSAGES)
    assert caplog.records
    assert "sk-very-secret" not in caplog.text


# -- answer helpers --------------------------------------------------------------------------------


def test_phrase_passage_answer(llm_stub: LLMStub, prompts: PromptLibrary) -> None:
    reply = (
        "Có hai nội dung chỉ đạo chính:\n"
        "- Hoàn thành kê khai tài sản, thu nhập trước ngày 31/12/2024 [1].\n"
        "- Sở Nội vụ thanh tra công vụ tại 15 cơ quan, đơn vị [2]."
    )
    llm_stub.script(reply)
    text, cited = phrase_passage_answer(client_for(llm_stub), prompts, "Cần làm gì?", SOURCES)
    assert text == reply
    assert cited == [1, 2]
    req = llm_stub.requests[0]
    system, user = req.messages
    assert system["role"] == "system"
    assert "chỉ trả lời dựa trên các nguồn" in system["content"].lower()
    assert "[1] Chỉ thị 05/CT-UBND — Mục 2 Công tác kê khai tài sản\nHoàn thành" in user["content"]
    assert "[2] Kế hoạch 410/KH-UBND" in user["content"]
    assert "Cần làm gì?" in user["content"]


def test_invented_citation_is_dropped(llm_stub: LLMStub, prompts: PromptLibrary) -> None:
    llm_stub.script("Sở Nội vụ chủ trì thanh tra công vụ [2] [7].\n- Theo quy định chung [7].")
    text, cited = phrase_passage_answer(client_for(llm_stub), prompts, "Ai thanh tra?", SOURCES)
    assert cited == [2]
    assert "[7]" not in text
    assert text == "Sở Nội vụ chủ trì thanh tra công vụ [2].\n- Theo quy định chung."


def test_reply_citing_nothing_valid_is_rejected(llm_stub: LLMStub, prompts: PromptLibrary) -> None:
    llm_stub.script("Sở Nội vụ chủ trì [7].", "Sở Nội vụ chủ trì.")
    client = client_for(llm_stub)
    for _ in range(2):
        with pytest.raises(LLMRejected):
            phrase_passage_answer(client, prompts, "Ai thanh tra?", SOURCES)


def test_invented_number_is_rejected(llm_stub: LLMStub, prompts: PromptLibrary) -> None:
    llm_stub.script("Sở Nội vụ thanh tra công vụ tại 20 cơ quan, đơn vị [2].")
    with pytest.raises(LLMRejected) as info:
        phrase_passage_answer(client_for(llm_stub), prompts, "Bao nhiêu cơ quan?", SOURCES)
    assert "con số" in info.value.message
    assert isinstance(info.value, LLMUnavailable)  # the caller's one fallback point


def test_unreachable_llm_during_phrasing(prompts: PromptLibrary) -> None:
    client = LLMClient(f"http://127.0.0.1:{free_port()}", "m", "", 2)
    with pytest.raises(LLMUnavailable):
        phrase_passage_answer(client, prompts, "Ai thanh tra?", SOURCES)


def test_citation_and_number_rules() -> None:
    assert filter_citations("A [1, 7] B [2-3] C [9]", {1, 2, 3}) == ("A [1] B [2][3] C", [1, 2, 3])
    assert invented_numbers("trước ngày 31/12/2024 [1]", SOURCES) == []
    assert invented_numbers("trước ngày 31/12/2025", SOURCES) == ["2025"]
    assert invented_numbers("1. Văn bản 05/CT-UBND\n2. Kế hoạch 410", SOURCES) == []  # list markers aside
    assert invented_numbers("tại 015 cơ quan", SOURCES) == []  # same value


def test_condense_includes_history(llm_stub: LLMStub, prompts: PromptLibrary) -> None:
    llm_stub.script('Câu hỏi độc lập: "Kế hoạch 410/KH-UBND giao Sở Nội vụ thanh tra những đâu?"\n')
    history = [
        {"role": "user", "content": "Kế hoạch 410/KH-UBND nói gì về thanh tra công vụ?"},
        {"role": "assistant", "content": "Sở Nội vụ chủ trì thanh tra công vụ [1]."},
    ]
    out = condense_question(client_for(llm_stub), prompts, history, "Thanh tra những đâu?")
    assert out == "Kế hoạch 410/KH-UBND giao Sở Nội vụ thanh tra những đâu?"
    prompt = llm_stub.requests[0].prompt
    assert "Người dùng: Kế hoạch 410/KH-UBND nói gì về thanh tra công vụ?" in prompt
    assert "Trợ lý: Sở Nội vụ chủ trì thanh tra công vụ [1]." in prompt
    assert "Thanh tra những đâu?" in prompt


def test_condense_without_history_makes_no_call(llm_stub: LLMStub, prompts: PromptLibrary) -> None:
    assert condense_question(client_for(llm_stub), prompts, [], "Câu hỏi?") == "Câu hỏi?"
    assert llm_stub.requests == []


def test_condense_empty_reply_is_rejected(llm_stub: LLMStub, prompts: PromptLibrary) -> None:
    llm_stub.script("   ")
    with pytest.raises(LLMRejected):
        condense_question(client_for(llm_stub), prompts, [("user", "Chỉ thị 05?")], "Còn hạn?")


def test_draft_filter_holds_back_reasoning() -> None:
    sent: list[str] = []
    draft = DraftFilter(sent.append)
    for piece in ["<thi", "nk>Người dùng hỏi", " gì?</think>", "\n\nSở Nội vụ ", "chủ trì [2].", " <", "/b>"]:
        draft.feed(piece)
    assert "".join(sent) == "Sở Nội vụ chủ trì [2]. </b>"
    assert draft.raw.startswith("<think>Người dùng hỏi gì?</think>")
    unclosed: list[str] = []
    draft = DraftFilter(unclosed.append)
    for piece in ["Trả lời. ", "<think>còn đang", " nghĩ"]:
        draft.feed(piece)
    assert "".join(unclosed) == "Trả lời. "


def test_streamed_phrasing_reports_the_draft(llm_stub: LLMStub, prompts: PromptLibrary) -> None:
    reply = "Sở Nội vụ chủ trì thanh tra công vụ tại 15 cơ quan, đơn vị [2] [7]."
    llm_stub.script(reply)
    pieces: list[str] = []
    text, cited = phrase_passage_answer(
        client_for(llm_stub), prompts, "Ai thanh tra?", SOURCES, pieces.append
    )
    assert llm_stub.requests[0].json["stream"] is True
    assert len(pieces) > 1 and "".join(pieces) == reply  # the draft, as it came
    assert cited == [2] and text == "Sở Nội vụ chủ trì thanh tra công vụ tại 15 cơ quan, đơn vị [2]."
