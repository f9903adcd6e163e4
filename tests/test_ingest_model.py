"""The model an ingest loads itself: loaded while the ingest does the work that needs none,
its errors raised where it is needed, and let go once the texts are embedded."""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

import pytest

from assistant.bm25 import BM25Index
from assistant.config import Settings
from assistant.errors import ModelNotBuiltError
from assistant.indexing import Layout, PendingEmbedder, ingest
from assistant.ingest import _corpus
from tests.conftest import copied_corpus_settings
from tests.fakes import FakeEmbedder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return copied_corpus_settings(tmp_path)


def test_the_model_loads_while_the_corpus_is_chunked_and_is_let_go_before_bm25(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    loading = threading.Event()
    chunked = threading.Event()
    made: list[weakref.ref[FakeEmbedder]] = []

    def load(s: Settings) -> FakeEmbedder:
        loading.set()
        # the ingest goes on meanwhile: it chunks the documents before it needs the model
        assert chunked.wait(10), "the ingest waited for the model before chunking"
        embedder = FakeEmbedder()
        made.append(weakref.ref(embedder))
        return embedder

    from assistant import indexing

    real_chunk = indexing.chunk_document

    def chunk(doc):  # type: ignore[no-untyped-def]
        chunked.set()
        return real_chunk(doc)

    alive_at_bm25: list[bool] = []
    real_add = BM25Index.add

    def add(self, ids, texts, metadata=None):  # type: ignore[no-untyped-def]
        alive_at_bm25.append(made[0]() is not None)
        return real_add(self, ids, texts, metadata)

    monkeypatch.setattr(indexing, "load_embedder", load)
    monkeypatch.setattr(indexing, "chunk_document", chunk)
    monkeypatch.setattr(BM25Index, "add", add)
    report = ingest(_corpus(settings), settings=settings, progress=False)
    assert loading.is_set() and report.chunks_embedded > 0
    assert alive_at_bm25 == [False]  # the model was released before the BM25 index was built
    # a model passed in is the caller's: kept
    embedder = FakeEmbedder()
    (settings.corpus_dir / "moi.md").write_text("I. Phần một\n\n1. Sở Nội vụ\n\nLàm việc mới.\n", "utf-8")
    ingest(_corpus(settings), settings=settings, embedder=embedder, progress=False)
    assert embedder.passages_embedded > 0


def test_a_model_that_cannot_load_stops_the_ingest_with_nothing_changed(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(_corpus(settings), settings=settings, embedder=FakeEmbedder(), progress=False)
    live = Layout(settings.index_dir).current()
    (settings.corpus_dir / "moi.md").write_text("I. Phần một\n\n1. Sở Nội vụ\n\nLàm việc mới.\n", "utf-8")

    def load(s: Settings) -> FakeEmbedder:
        raise ModelNotBuiltError("Chưa có mô hình nhúng.", hint="make model")

    monkeypatch.setattr("assistant.indexing.load_embedder", load)
    with pytest.raises(ModelNotBuiltError):
        ingest(_corpus(settings), settings=settings, progress=False)
    assert Layout(settings.index_dir).current() == live
    assert Layout(settings.index_dir).versions() == [live]


def test_a_released_pending_embedder_keeps_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.indexing.load_embedder", lambda s: FakeEmbedder("m", 8))
    pending = PendingEmbedder(Settings())
    assert pending.embed_queries(["một"]).shape == (1, 8)
    pending.release()
    assert (pending.name, pending.dim) == ("m", 8)
    with pytest.raises(RuntimeError):
        pending.embed_passages(["hai"])
