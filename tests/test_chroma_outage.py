"""Chroma in server mode goes down and comes back, while the app keeps running.

A real `chroma run` on 127.0.0.1 (free port, data under tmp_path, telemetry off) holds the vectors;
the app is the real one over a tmp copy of the corpus, indexed with the text-dependent FakeEmbedder.
With the server stopped, passage questions get a 503 with a Vietnamese message and deterministic
answers keep working; once the server is back on the same port and data folder, passage questions
work again without restarting the app.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.documents import load_corpus
from assistant.indexing import ingest
from assistant.services import Services
from tests.conftest import chroma_cli, copied_corpus_settings, free_port
from tests.fakes import FakeEmbedder

pytestmark = pytest.mark.server

KH = "kh-pctn-dac-khu-cat-hai-2025"
# a question only retrieval answers (a section named by its title is read without the index)
QUESTION = "Quan điểm về phòng, chống tham nhũng trong kế hoạch"
DETERMINISTIC = "Ai ký Công văn 410?"


@dataclass
class ChromaServer:
    """`chroma run` on a fixed port and data folder, which can be stopped and started again."""

    port: int
    path: Path
    log: Path
    proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        assert self.proc is None
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [
                    chroma_cli(),
                    "run",
                    "--path",
                    str(self.path),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            )
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                pytest.fail(f"chroma server exited ({self.proc.returncode}):\n{self.log_tail()}")
            try:
                r = httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1.0)
                if r.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"chroma server did not answer its heartbeat within {timeout:g} s:\n{self.log_tail()}"
                )
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(port=free_port(), path=tmp_path / "chroma-data", log=tmp_path / "chroma.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _ask(client: TestClient, message: str) -> httpx.Response:
    return client.post("/api/chat", json={"message": message})


def test_chroma_down_gives_503_then_recovers_without_restarting_the_app(
    tmp_path: Path, chroma: ChromaServer
) -> None:
    settings = copied_corpus_settings(
        tmp_path, chroma_host="127.0.0.1", chroma_port=chroma.port, rate_limit_per_minute=0
    )
    embedder = FakeEmbedder()
    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=embedder, progress=False)
    services = Services(settings, embedder=embedder)
    client = TestClient(create_app(services), raise_server_exceptions=False)
    try:
        # up: the passage answer comes from the server's collection
        r = _ask(client, QUESTION)
        assert r.status_code == 200, r.text
        assert r.json()["kind"] == "passage" and r.json()["citations"][0]["doc"] == KH
        assert client.get("/healthz").status_code == 200

        # down: a 503 that says so in Vietnamese, never a 500 or a traceback
        chroma.stop()
        for _ in range(2):  # the first failure and the one after it (no half-broken state in between)
            r = _ask(client, QUESTION)
            assert r.status_code == 503, r.text
            body = r.json()
            assert body["error"] == "BackendUnavailableError", body
            assert "Máy chủ Chroma" in body["message"] and "không" in body["message"], body
            assert "Traceback" not in r.text
        health = client.get("/healthz")  # a stopped server shows here too, not only on questions
        assert health.status_code == 503 and health.json()["error"] == "BackendUnavailableError", health.text
        assert "Máy chủ Chroma" in health.json()["message"]
        # the answers that need no index keep working
        r = _ask(client, DETERMINISTIC)
        assert r.status_code == 200, r.text
        assert r.json()["kind"] != "passage" and r.json()["citations"], r.json()
        assert client.get("/api/documents").status_code == 200

        # back: same port, same data folder; the running app answers again
        chroma.start()
        assert client.get("/healthz").status_code == 200
        r = _ask(client, QUESTION)
        assert r.status_code == 200, r.text
        assert r.json()["kind"] == "passage" and r.json()["citations"][0]["doc"] == KH
        assert client.get("/healthz").status_code == 200
    finally:
        client.close()
        services.close()
