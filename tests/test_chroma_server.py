"""Ingest and search against a real Chroma server (`chroma run`) started for the test.

The server listens on 127.0.0.1 on a free port, stores under tmp_path, runs with telemetry off,
and is stopped at the end. The embedder is the text-dependent fake of the other tests.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import numpy as np
import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.documents import load_corpus
from assistant.errors import BackendUnavailableError
from assistant.indexing import Layout, ingest, make_chroma_client, open_index
from assistant.retrieval import Retriever
from assistant.text import syllables

pytestmark = pytest.mark.server

CV = "cv-410-ubnd-hai-phong-2025"


class FakeEmbedder:
    name = "fake-hash-256"
    dim = 256

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in syllables(text):
            h = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=4).digest(), "little")
            v[h % self.dim] += 1.0
        n = float(np.linalg.norm(v))
        if n == 0.0:
            v[0], n = 1.0, 1.0
        return v / n

    def embed_queries(self, texts):
        return np.stack([self._vec(t) for t in texts])

    def embed_passages(self, texts, batch_size=32, show_progress=False):
        return np.stack([self._vec(t) for t in texts])


def _chroma_cli() -> str:
    path = Path(sys.executable).parent / "chroma"
    if path.exists():
        return str(path)
    found = shutil.which("chroma")
    if not found:
        pytest.skip("the `chroma` command is not installed")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path):
    port = _free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    log = (tmp_path / "chroma.log").open("wb")
    proc = subprocess.Popen(
        [
            _chroma_cli(),
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"chroma server exited: {(tmp_path / 'chroma.log').read_text(errors='replace')}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("chroma server did not answer its heartbeat within 60 s")
            time.sleep(0.2)
        yield port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def test_ingest_and_search_against_server(tmp_path, chroma_server):
    settings = Settings(
        index_dir=tmp_path / "index",
        corpus_dir=PROJECT_ROOT / "corpus",
        chroma_host="127.0.0.1",
        chroma_port=chroma_server[0],
    )
    emb = FakeEmbedder()
    docs = load_corpus(settings.corpus_dir)
    first = ingest(docs, settings=settings, embedder=emb, progress=False)
    assert first.rebuilt and first.chunks_embedded == first.chunks_total > 0
    vdir = settings.index_dir / first.version
    assert not (vdir / "chroma").exists()  # vectors live on the server
    again = ingest(docs, settings=settings, embedder=emb, progress=False)
    assert again.chunks_embedded == 0 and again.version == first.version

    retriever = Retriever(open_index(settings, emb))
    try:
        assert retriever.index.manifest["chroma"]["mode"] == "server"
        assert retriever.index.collection.name == f"{settings.collection}-{first.version}"
        assert retriever.index.collection.count() == first.chunks_total
        hits = retriever.search("so giao duc va dao tao", k=3)
        assert hits[0].id == f"{CV}#II.10"
        rows = retriever.search("tham nhũng", k=5, kinds=["table_row"], doc=CV)
        assert rows and all(h.kind == "table_row" and h.doc == CV for h in rows)
    finally:
        retriever.close()

    # a rebuild makes a new versioned collection; the one before the previous is dropped
    second = ingest(docs, settings=settings, embedder=emb, rebuild=True, progress=False)
    third = ingest(docs, settings=settings, embedder=emb, rebuild=True, progress=False)
    assert Layout(settings.index_dir).current() == third.version
    client = make_chroma_client(settings)
    names = {c.name for c in client.list_collections()}
    assert names == {f"{settings.collection}-{second.version}", f"{settings.collection}-{third.version}"}


def test_server_down_is_reported(tmp_path, chroma_server):
    settings = Settings(
        index_dir=tmp_path / "index",
        corpus_dir=PROJECT_ROOT / "corpus",
        chroma_host="127.0.0.1",
        chroma_port=chroma_server[0],
    )
    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=FakeEmbedder(), progress=False)
    down = settings.model_copy(update={"chroma_port": _free_port()})
    with pytest.raises(BackendUnavailableError):
        open_index(down, FakeEmbedder())
    # the server stops while the index is open: searches report it
    retriever = Retriever(open_index(settings, FakeEmbedder()))
    assert retriever.search("tham nhũng", k=3)
    proc = chroma_server[1]
    proc.terminate()
    proc.wait(timeout=20)
    with pytest.raises(BackendUnavailableError):
        retriever.search("tham nhũng", k=3)
