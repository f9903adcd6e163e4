"""SIGTERM on `assistant serve`: the request in flight completes, then the process exits cleanly.

The server is the real CLI in a subprocess, over a tmp copy of the corpus indexed with the real
embedding model. The LLM is the scripted stub of tests/llm_stub.py answering after 3 s, so a passage
question is still in flight when SIGTERM arrives.
"""

from __future__ import annotations

import concurrent.futures
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.config import Settings
from tests.conftest import MODEL_DIR, copied_corpus_settings, free_port, model_available
from tests.llm_stub import LLMStub, Reply, start_stub

pytestmark = [
    pytest.mark.server,
    pytest.mark.model,
    pytest.mark.skipif(
        not model_available(), reason=f"embedding model not built at {MODEL_DIR}: run `make model`"
    ),
]

QUESTION = "Mục tiêu chung của kế hoạch Cát Hải là gì?"
LLM_TEXT = "Mục tiêu chung là xây dựng Đặc khu kỷ cương, liêm chính, phát triển [1]."
LLM_DELAY = 3.0


@pytest.fixture(scope="module")
def served_dirs(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A tmp copy of the corpus with an index built by the real model."""
    from assistant.documents import load_corpus
    from assistant.indexing import ingest

    root = tmp_path_factory.mktemp("shutdown")
    settings = copied_corpus_settings(root, embed_model=str(MODEL_DIR))
    ingest(load_corpus(settings.corpus_dir), settings=settings, progress=False)
    return settings


@pytest.fixture
def stub() -> Iterator[LLMStub]:
    s = start_stub()
    yield s
    s.stop()


def _refused(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return False
    except ConnectionRefusedError:
        return True


def test_sigterm_finishes_the_request_in_flight_then_exits(
    served_dirs: Settings, stub: LLMStub, tmp_path: Path
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(served_dirs.corpus_dir),
        "ASSISTANT_INDEX_DIR": str(served_dirs.index_dir),
        "ASSISTANT_DATA_DIR": str(served_dirs.data_dir),
        "ASSISTANT_EMBED_MODEL": str(MODEL_DIR),
        "ASSISTANT_LLM_BASE_URL": stub.url,
        "ASSISTANT_LLM_MODEL": "stub-model",
        "ASSISTANT_LLM_TIMEOUT": "10",
        "ASSISTANT_ADMIN_TOKEN": "",
        "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0",
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    log_path = tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=tmp_path,  # no stray .env is read
        )

    def server_log() -> str:
        return log_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        # ready: the model is loaded and the index opened (bounded)
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"`assistant serve` exited early ({proc.returncode}):\n{server_log()}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"/healthz not 200 within 120 s:\n{server_log()}")
            time.sleep(0.2)

        stub.script(Reply(text=LLM_TEXT, delay=LLM_DELAY))
        started = time.monotonic()
        in_flight = pool.submit(httpx.post, f"{base}/api/chat", json={"message": QUESTION}, timeout=30.0)
        # in flight for sure: the app has reached the (slow) LLM
        while not stub.requests:
            assert time.monotonic() - started < 10, f"the question never reached the LLM:\n{server_log()}"
            assert not in_flight.done(), in_flight.result().text
            time.sleep(0.02)

        proc.send_signal(signal.SIGTERM)
        signalled = time.monotonic()

        # while draining, the listening socket is closed: new connections are refused at once
        while not _refused(port):
            assert time.monotonic() - signalled < 2.0, "still accepting connections 2 s after SIGTERM"
            time.sleep(0.05)
        assert not in_flight.done(), "the request finished before the drain could be observed"

        r = in_flight.result(timeout=20)
        elapsed = time.monotonic() - started
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["kind"] == "passage" and body["data"].get("llm") == "used", body
        assert body["answer"].startswith("Mục tiêu chung là xây dựng Đặc khu kỷ cương, liêm chính"), body
        assert [c["doc"] for c in body["citations"]] == ["kh-pctn-dac-khu-cat-hai-2025"], body
        assert elapsed >= LLM_DELAY - 0.1  # it really waited for the LLM, through the SIGTERM

        try:
            code = proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pytest.fail(f"`assistant serve` still running 15 s after SIGTERM:\n{server_log()}")
        assert code == 0, f"exit code {code}:\n{server_log()}"
        assert _refused(port)
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{base}/healthz", timeout=2.0)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
