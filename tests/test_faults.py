"""Faults: the LLM down, slow or lying; the index missing or corrupted, and recovery after a rebuild."""

from __future__ import annotations

import json
import re
import time
from contextlib import nullcontext
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.chat import ChatService
from assistant.config import Settings
from assistant.corpus import Corpus
from assistant.documents import load_corpus
from assistant.indexing import Layout, ingest
from assistant.llm import LLMClient
from assistant.retrieval import Retriever
from assistant.services import Services
from tests.conftest import copied_corpus_settings
from tests.fakes import FakeEmbedder
from tests.llm_stub import Reply, start_stub

KH = "kh-pctn-dac-khu-cat-hai-2025"
QUESTION = "Mục tiêu chung của kế hoạch Cát Hải là gì?"
# a question only retrieval answers (a section named by its title is read without the index)
RETRIEVAL_QUESTION = "Quan điểm về phòng, chống tham nhũng trong kế hoạch"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, FakeEmbedder]:
    settings = copied_corpus_settings(tmp_path_factory.mktemp("faults"))
    embedder = FakeEmbedder()
    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=embedder, progress=False)
    return settings, embedder


@pytest.fixture
def stub():  # type: ignore[no-untyped-def]
    s = start_stub()
    yield s
    s.stop()


def chat_with(settings: Settings, embedder: FakeEmbedder, llm: LLMClient | None) -> ChatService:
    retriever = Retriever.open(settings, embedder)
    return ChatService(Corpus.load(settings.corpus_dir), lambda: nullcontext(retriever), llm=llm)


def test_llm_phrases_the_passage_answer_with_valid_citations(indexed, stub) -> None:  # type: ignore[no-untyped-def]
    settings, embedder = indexed
    stub.script("Mục tiêu chung là xây dựng Đặc khu kỷ cương, liêm chính, phát triển [1]. Xem thêm [9].")
    a = chat_with(settings, embedder, LLMClient(stub.url, "m", "", timeout=5)).ask(QUESTION)
    assert a.kind == "passage" and a.data.get("llm") == "used"
    assert "kỷ cương, liêm chính" in a.answer
    assert "[9]" not in a.answer  # an id it invented is dropped
    assert [c.id for c in a.citations] == [1] and a.citations[0].doc == KH
    sent = stub.requests[-1].prompt
    assert "kỷ cương, liêm chính" in sent  # the sources went to the model


def test_llm_down_falls_back_to_the_extractive_answer(indexed) -> None:  # type: ignore[no-untyped-def]
    settings, embedder = indexed
    llm = LLMClient("http://127.0.0.1:9", "m", "", timeout=2)  # nothing listens on port 9
    a = chat_with(settings, embedder, llm).ask(QUESTION)
    assert a.kind == "passage" and a.data.get("llm") == "fallback"
    assert "kỷ cương, liêm chính" in a.answer


def test_llm_slow_falls_back_within_the_timeout(indexed, stub) -> None:  # type: ignore[no-untyped-def]
    settings, embedder = indexed
    stub.script(Reply(text="quá muộn [1]", delay=10))
    chat = chat_with(settings, embedder, LLMClient(stub.url, "m", "", timeout=1.0))
    t0 = time.perf_counter()
    a = chat.ask(QUESTION)
    elapsed = time.perf_counter() - t0
    assert a.data.get("llm") == "fallback" and "kỷ cương" in a.answer
    assert elapsed < 3.0


def test_llm_inventing_a_number_is_rejected(indexed, stub) -> None:  # type: ignore[no-untyped-def]
    settings, embedder = indexed
    stub.script("Mục tiêu chung đạt 97,5% kế hoạch [1].")
    a = chat_with(settings, embedder, LLMClient(stub.url, "m", "", timeout=5)).ask(QUESTION)
    assert a.data.get("llm") == "fallback"
    assert "97,5" not in a.answer


def test_numbers_never_come_from_the_llm(indexed, stub) -> None:  # type: ignore[no-untyped-def]
    settings, embedder = indexed
    stub.script("Tổng điểm là 99 [1].")
    a = chat_with(settings, embedder, LLMClient(stub.url, "m", "", timeout=5)).ask(
        "Tổng điểm đánh giá là bao nhiêu?"
    )
    assert a.kind == "numeric" and "73,67" in a.answer
    assert stub.requests == []  # the scoring module answered; the LLM was not asked


def test_missing_then_corrupted_index_then_recovery(tmp_path: Path) -> None:
    settings = copied_corpus_settings(tmp_path)
    embedder = FakeEmbedder()
    client = TestClient(create_app(Services(settings, embedder=embedder)), raise_server_exceptions=False)

    r = client.post("/api/chat", json={"message": RETRIEVAL_QUESTION})
    assert r.status_code == 503 and "assistant ingest" in r.json()["hint"]
    # deterministic answers keep working without an index
    assert client.post("/api/chat", json={"message": "Ai ký Công văn 410?"}).status_code == 200

    health = client.get("/healthz")
    assert health.status_code == 503 and "assistant ingest" in health.json()["hint"]

    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=embedder, progress=False)
    assert client.get("/healthz").status_code == 200  # healthz itself notices the new index
    r = client.post("/api/chat", json={"message": RETRIEVAL_QUESTION})
    assert r.status_code == 200 and r.json()["kind"] == "passage"

    # corrupt the live version: a fresh service must say so and name the command
    live = Layout(settings.index_dir).path(Layout(settings.index_dir).current() or "")
    for p in live.iterdir():
        if p.is_file():
            p.write_bytes(b"\x00garbage")
    broken = TestClient(create_app(Services(settings, embedder=embedder)), raise_server_exceptions=False)
    r = broken.post("/api/chat", json={"message": RETRIEVAL_QUESTION})
    assert r.status_code in {409, 503}, r.text
    assert "assistant ingest" in (r.json().get("hint", "") + r.json()["message"])

    ingest(
        load_corpus(settings.corpus_dir), settings=settings, embedder=embedder, rebuild=True, progress=False
    )
    r = broken.post("/api/chat", json={"message": RETRIEVAL_QUESTION})
    assert r.status_code == 200 and r.json()["kind"] == "passage"


def _sse_events(client: TestClient, message: str) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    with client.stream(
        "POST", "/api/chat", json={"message": message}, headers={"Accept": "text/event-stream"}
    ) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        raw = "".join(r.iter_text())
    return [(name, json.loads(data)) for name, data in re.findall(r"event: (\w+)\ndata: (.*)\n\n", raw)]


def _streamed_with_llm(
    settings: Settings, embedder: FakeEmbedder, stub, message: str
) -> list[tuple[str, dict]]:  # type: ignore[no-untyped-def, type-arg]
    """The SSE events of one question to the app with the LLM stub configured."""
    services = Services(settings, embedder=embedder, llm=LLMClient(stub.url, "m", "", timeout=5))
    client = TestClient(create_app(services), raise_server_exceptions=False)
    try:
        return _sse_events(client, message)
    finally:
        client.close()
        services.close()


def test_llm_answer_streams_as_the_llm_writes_it(indexed, stub) -> None:  # type: ignore[no-untyped-def]
    """The SSE deltas are the LLM's own pieces, one per piece it sent (not the finished answer cut
    up afterwards); the checked answer, with the invented [9] dropped, then replaces the draft."""
    settings, embedder = indexed
    reply = "Mục tiêu chung là xây dựng Đặc khu kỷ cương, liêm chính, phát triển [1]. Xem thêm [9]."
    stub.script(Reply(text=reply))
    events = _streamed_with_llm(settings, embedder, stub, QUESTION)
    names = [n for n, _ in events]
    deltas = [d["text"] for n, d in events if n == "delta"]
    assert "".join(deltas) == reply
    assert len(deltas) == len(reply.split())  # the stub sends one piece per word
    assert names[-3:] == ["replace", "citations", "done"]
    done = events[-1][1]
    assert events[-3][1]["text"] == done["answer"] and "[9]" not in done["answer"]
    assert done["data"]["llm"] == "used" and [c["id"] for c in done["citations"]] == [1]


def test_rejected_llm_draft_is_replaced_by_the_extractive_answer(indexed, stub) -> None:  # type: ignore[no-untyped-def]
    settings, embedder = indexed
    stub.script(Reply(text="Mục tiêu chung đạt 97,5% kế hoạch [1]."))
    events = _streamed_with_llm(settings, embedder, stub, QUESTION)
    assert "97,5" in "".join(d["text"] for n, d in events if n == "delta")  # the draft went out ...
    replace = [d["text"] for n, d in events if n == "replace"]
    done = events[-1][1]
    assert replace == [done["answer"]]  # ... and was taken back
    assert done["data"]["llm"] == "fallback" and "97,5" not in done["answer"] and "kỷ cương" in done["answer"]
