"""Ingest and search against a real Chroma server (`chroma run`) started for the test.

The server listens on 127.0.0.1 on a free port, stores under tmp_path, runs with telemetry off,
and is stopped at the end. The embedder is the text-dependent fake of the other tests.
"""

from __future__ import annotations

import os
import subprocess
import time

import httpx
import pytest

from assistant.chunks import chunk_document
from assistant.config import PROJECT_ROOT, Settings
from assistant.documents import load_corpus, parse_text
from assistant.errors import BackendUnavailableError
from assistant.indexing import Layout, ingest, make_chroma_client, open_index
from assistant.retrieval import Retriever
from tests.conftest import chroma_cli, free_port
from tests.fakes import FakeEmbedder

pytestmark = pytest.mark.server

CV = "cv-410-ubnd-hai-phong-2025"


@pytest.fixture
def chroma_server(tmp_path):
    port = free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    log = (tmp_path / "chroma.log").open("wb")
    proc = subprocess.Popen(
        [
            chroma_cli(),
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

    # a changed document: a new collection holding the live one's records plus the new chunks only
    kh = next(d for d in docs if d.doc_id != CV)
    changed = parse_text(kh.doc_id, "\n".join(kh.lines).replace("Phan Viết Điện", "Nguyễn Văn Thử"), kh.path)
    emb.passage_texts.clear()
    fourth = ingest(
        [d if d is not kh else changed for d in docs], settings=settings, embedder=emb, progress=False
    )
    assert fourth.updated == [kh.doc_id] and fourth.unchanged == [CV] and not fourth.rebuilt
    assert fourth.chunks_embedded == len(emb.passage_texts) == len(chunk_document(changed))
    names = {c.name for c in client.list_collections()}
    assert names == {f"{settings.collection}-{third.version}", f"{settings.collection}-{fourth.version}"}
    index = open_index(settings, emb)
    try:
        assert index.collection.count() == len(index.bm25) == fourth.chunks_total == third.chunks_total
        ids = set(index.collection.get(include=[])["ids"])
        assert ids == set(index.bm25.ids())
        body = index.get_chunks([f"{kh.doc_id}#Chữ ký"])[f"{kh.doc_id}#Chữ ký"].body
        assert "Nguyễn Văn Thử" in body and "Phan Viết Điện" not in body
    finally:
        index.close()


def test_server_down_is_reported(tmp_path, chroma_server):
    settings = Settings(
        index_dir=tmp_path / "index",
        corpus_dir=PROJECT_ROOT / "corpus",
        chroma_host="127.0.0.1",
        chroma_port=chroma_server[0],
    )
    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=FakeEmbedder(), progress=False)
    down = settings.model_copy(update={"chroma_port": free_port()})
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
