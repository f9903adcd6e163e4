"""Chunking and the index: ids, metadata, incremental ingest, versions, model checks.

A real ChromaDB (PersistentClient) under tmp_path with a FAKE embedder whose vectors depend on
the text (a hashed bag of folded syllables, normalised). Nothing here touches the real index/.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
from pathlib import Path

import pytest

from assistant.chunks import CHUNKER_VERSION, KINDS, approx_tokens, chunk_document
from assistant.config import PROJECT_ROOT, Settings
from assistant.documents import load_corpus, parse_text
from assistant.errors import BackendUnavailableError, IndexModelMismatchError, IndexNotBuiltError
from assistant.indexing import (
    BM25_FILE,
    CURRENT,
    MANIFEST,
    Layout,
    ingest,
    make_chroma_client,
    open_index,
    read_manifest,
)
from assistant.model import BASES, CC, RECIPIENTS, SIGNATURE, TITLE
from tests.fakes import FakeEmbedder

CV = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(PROJECT_ROOT / "corpus")


def make_settings(tmp_path: Path, **kw) -> Settings:
    return Settings(
        index_dir=tmp_path / "index", corpus_dir=PROJECT_ROOT / "corpus", embed_batch_size=16, **kw
    )


LAW = """Điều 1. Phạm vi điều chỉnh

Luật này quy định về phòng, chống ma túy.

Điều 2. Giải thích từ ngữ

Trong Luật này, các từ ngữ dưới đây được hiểu như sau:

1. Chất ma túy là chất gây nghiện, chất hướng thần.

2. Tiền chất là hóa chất không thể thiếu được trong quá trình điều chế:

a) Điều chế chất ma túy;

b) Sản xuất chất ma túy.

Điều 3. Điều khoản rất dài

{long}
"""


def _law() -> str:
    clauses = "\n\n".join(
        f"{i}. Khoản số {i} quy định chi tiết về trách nhiệm của cơ quan, tổ chức, cá nhân "
        + "nội dung " * 60
        for i in range(1, 9)
    )
    return LAW.format(long=clauses)


# --- chunks -------------------------------------------------------------------------------------


def test_chunk_ids_are_deterministic_and_unique(corpus):
    for doc in corpus:
        first = chunk_document(doc)
        again = chunk_document(parse_text(doc.doc_id, "\n".join(doc.lines), doc.path))
        assert [c.id for c in first] == [c.id for c in again]
        assert [c.content_hash for c in first] == [c.content_hash for c in again]
        assert len({c.id for c in first}) == len(first)


def test_chunks_carry_metadata_and_line_spans(corpus):
    for doc in corpus:
        for c in chunk_document(doc):
            assert c.doc == doc.doc_id
            assert c.id.startswith(f"{doc.doc_id}#{c.section}")
            assert c.kind in KINDS
            assert 1 <= c.line_start <= c.line_end <= len(doc.lines)
            assert c.body and c.text.endswith(c.body)
            meta = c.metadata()
            assert {meta["doc"], meta["section"], meta["kind"]} == {c.doc, c.section, c.kind}
            assert meta["line_start"] == c.line_start and meta["line_end"] == c.line_end
            assert all(isinstance(v, str | int) for v in meta.values())


def test_directive_chunks_follow_structure(corpus):
    cv = next(d for d in corpus if d.doc_id == CV)
    chunks = {c.id: c for c in chunk_document(cv)}
    edu = chunks[f"{CV}#II.10"]
    assert edu.kind == "section" and edu.title == "Sở Giáo dục và Đào tạo"
    assert edu.text.startswith("II. Nhiệm vụ cụ thể > 10. Sở Giáo dục và Đào tạo\n")
    assert (edu.line_start, edu.line_end) == (107, 109)
    for label in (TITLE, RECIPIENTS, BASES, CC, SIGNATURE):
        assert chunks[f"{CV}#{label}"].kind == "header"
    assert "410/UBND-NCKTGS" in chunks[f"{CV}#{TITLE}"].text
    # a table row with its header, and the appendix caption on its own
    row = chunks[f"{CV}#Phụ lục II#3"]
    assert row.kind == "table_row" and row.section == "Phụ lục II"
    assert row.text.startswith("Phụ lục II > STT | NỘI DUNG TIÊU CHÍ ĐÁNH GIÁ | Thang điểm")
    assert " — 3 | A.2.2.2." in row.text and row.body.startswith("3 | A.2.2.2.")
    assert row.line_start == row.line_end and "A.2.2.2" in cv.line(row.line_start)
    assert chunks[f"{CV}#Phụ lục II"].kind == "appendix"
    assert "Kèm theo" in chunks[f"{CV}#Phụ lục II"].text
    # a long section split into bullet groups, each with the heading path
    parts = [c for c in chunks.values() if c.section == "I.3"]
    assert len(parts) > 1 and all(c.kind == "bullets" for c in parts)
    assert [c.id for c in parts] == [f"{CV}#I.3#{n}" for n in range(1, len(parts) + 1)]
    assert all(c.text.startswith("I. Nhiệm vụ chung > 3.") for c in parts)
    assert all(c.body.startswith("-") for c in parts)
    assert all(approx_tokens(c.body) < 450 for c in parts)
    # parts cover the section's lines in order, without overlap
    spans = [(c.line_start, c.line_end) for c in parts]
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))


def test_law_articles_are_chunks_split_only_when_very_long():
    doc = parse_text("luat-thu", _law())
    chunks = chunk_document(doc)
    by_section: dict[str, list] = {}
    for c in chunks:
        by_section.setdefault(c.section, []).append(c)
    assert set(by_section) == {"Điều 1", "Điều 2", "Điều 3"}
    art2 = by_section["Điều 2"]
    assert len(art2) == 1 and art2[0].kind == "article" and art2[0].id == "luat-thu#Điều 2"
    assert "a) Điều chế chất ma túy;" in art2[0].body and "2. Tiền chất" in art2[0].body
    assert art2[0].text.startswith("Điều 2. Giải thích từ ngữ\n")
    art3 = by_section["Điều 3"]
    assert len(art3) > 1 and all(c.kind == "article" for c in art3)
    assert [c.id for c in art3] == [f"luat-thu#Điều 3#{n}" for n in range(1, len(art3) + 1)]
    assert all(c.text.startswith("Điều 3. Điều khoản rất dài\n") for c in art3)
    # clauses are not cut in the middle
    assert all(c.body.lstrip()[0].isdigit() for c in art3)


# --- ingest -------------------------------------------------------------------------------------


def test_incremental_ingest(tmp_path, corpus):
    settings = make_settings(tmp_path)
    emb = FakeEmbedder()
    n_chunks = sum(len(chunk_document(d)) for d in corpus)

    first = ingest(corpus, settings=settings, embedder=emb, progress=False)
    assert first.added == [CV, KH] and first.rebuilt
    assert first.chunks_embedded == n_chunks == first.chunks_total == emb.passages_embedded

    second = ingest(corpus, settings=settings, embedder=emb, progress=False)
    assert second.chunks_embedded == 0 and second.unchanged == [CV, KH]
    assert second.version == first.version and not second.rebuilt
    assert emb.passages_embedded == n_chunks

    # change one document: only its chunks are embedded again
    kh = next(d for d in corpus if d.doc_id == KH)
    changed_text = "\n".join(kh.lines).replace("Phan Viết Điện", "Nguyễn Văn Thử")
    changed = parse_text(KH, changed_text, kh.path)
    docs = [d if d.doc_id != KH else changed for d in corpus]
    emb.passage_texts.clear()
    third = ingest(docs, settings=settings, embedder=emb, progress=False)
    assert third.updated == [KH] and third.unchanged == [CV]
    assert third.version != first.version and not third.rebuilt  # built beside the live one
    assert Layout(settings.index_dir).versions() == [first.version, third.version]
    assert third.chunks_embedded == len(chunk_document(changed))
    assert all(t not in {c.text for c in chunk_document(next(d for d in corpus if d.doc_id == CV))}
               for t in emb.passage_texts)  # fmt: skip

    index = open_index(settings, emb)
    try:
        assert len(index) == n_chunks
        assert index.collection.count() == n_chunks
        assert index.manifest["documents"][KH]["content_hash"] == changed.content_hash
        got = index.get_chunks([f"{KH}#Chữ ký"])
        assert "Nguyễn Văn Thử" in got[f"{KH}#Chữ ký"].body
    finally:
        index.close()

    # remove one document: its chunks go from Chroma, BM25 and the manifest
    fourth = ingest([changed], settings=settings, embedder=emb, progress=False)
    assert fourth.removed == [CV] and fourth.unchanged == [KH] and fourth.chunks_embedded == 0
    index = open_index(settings, emb)
    try:
        kh_ids = set(index.chunk_ids(KH))
        assert set(index.bm25.ids()) == kh_ids
        assert set(index.collection.get(include=[])["ids"]) == kh_ids
        assert CV not in index.manifest["documents"]
        assert index.bm25.search("Sở Giáo dục và Đào tạo", k=5, where={"doc": CV}) == []
    finally:
        index.close()


def test_layout_manifest_and_collection_metadata(tmp_path, corpus):
    settings = make_settings(tmp_path)
    emb = FakeEmbedder()
    report = ingest(corpus, settings=settings, embedder=emb, progress=False)
    root = settings.index_dir
    assert os.readlink(root / CURRENT) == report.version
    vdir = root / report.version
    assert {p.name for p in vdir.iterdir()} >= {MANIFEST, BM25_FILE, "chroma", "accents.json"}
    manifest = json.loads((vdir / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["embedding"] == {"model": emb.name, "dim": emb.dim}
    assert manifest["chunker_version"] == CHUNKER_VERSION
    assert manifest["documents"][CV]["content_hash"] == next(d for d in corpus if d.doc_id == CV).content_hash
    assert f"{CV}#II.10" in manifest["documents"][CV]["chunks"]
    index = open_index(settings, emb)
    try:
        meta = index.collection.metadata
        assert meta["embed_model"] == emb.name and meta["embed_dim"] == emb.dim
        assert index.collection.configuration_json["hnsw"]["space"] == "cosine"
        assert index.is_current()
    finally:
        index.close()


def test_chunks_are_stored_as_llamaindex_stores_them(tmp_path, corpus):
    """The records written without LlamaIndex (it costs an ingest of one document ~2 s to import)
    are those its ChromaVectorStore writes: same metadata, node JSON included, same text; and the
    collection is still a LlamaIndex vector store, whose delete by document finds them."""
    import numpy as np
    from llama_index.core.schema import MetadataMode
    from llama_index.core.vector_stores.utils import node_to_metadata_dict

    from assistant.indexing import _node, chroma_metadata

    chunks = [c for d in corpus for c in chunk_document(d)]
    for c in chunks:
        node = _node(c, np.zeros(4, dtype=np.float32))
        want = node_to_metadata_dict(node, remove_text=True, flat_metadata=True)
        assert chroma_metadata(c) == {k: ("" if v is None else v) for k, v in want.items()}, c.id
        assert node.get_content(metadata_mode=MetadataMode.NONE) == c.text
    settings = make_settings(tmp_path)
    emb = FakeEmbedder()
    ingest(corpus, settings=settings, embedder=emb, progress=False)
    index = open_index(settings, emb)
    try:
        got = index.vector_store.get_nodes(node_ids=[f"{CV}#II.10"])
        assert [n.node_id for n in got] == [f"{CV}#II.10"] and got[0].ref_doc_id == CV
        before = index.collection.count()
        index.vector_store.delete(KH)
        assert index.collection.count() == before - len(index.chunk_ids(KH))
    finally:
        index.close()


def test_rebuild_switches_version_and_cleans_old_ones(tmp_path, corpus):
    settings = make_settings(tmp_path)
    emb = FakeEmbedder()
    v1 = ingest(corpus, settings=settings, embedder=emb, progress=False).version
    v2 = ingest(corpus, settings=settings, embedder=emb, rebuild=True, progress=False).version
    v3 = ingest(corpus, settings=settings, embedder=emb, rebuild=True, progress=False).version
    assert len({v1, v2, v3}) == 3
    layout = Layout(settings.index_dir)
    assert layout.current() == v3
    assert layout.versions() == [v2, v3]  # the previous one is kept for readers still on it


def test_failed_rebuild_leaves_previous_index_serving(tmp_path, corpus):
    settings = make_settings(tmp_path)
    v1 = ingest(corpus, settings=settings, embedder=FakeEmbedder(), progress=False).version
    with pytest.raises(RuntimeError):
        ingest(corpus, settings=settings, embedder=FakeEmbedder(fail_after=40), rebuild=True, progress=False)
    assert Layout(settings.index_dir).current() == v1
    index = open_index(settings, FakeEmbedder())
    try:
        assert index.version == v1 and len(index) > 0
    finally:
        index.close()
    assert Layout(settings.index_dir).versions() == [v1]  # the broken version is gone
    v3 = ingest(corpus, settings=settings, embedder=FakeEmbedder(), rebuild=True, progress=False).version
    assert Layout(settings.index_dir).versions() == [v1, v3]


def test_failed_incremental_ingest_leaves_live_version_untouched(tmp_path, corpus):
    """A change that fails part way (after the changed document's old chunks were deleted from the
    copy) must not show in the live version: its files, chunks and manifest stay as they were."""
    settings = make_settings(tmp_path)
    v1 = ingest(corpus, settings=settings, embedder=FakeEmbedder(), progress=False).version
    live = settings.index_dir / v1
    before = {p.relative_to(live): p.read_bytes() for p in sorted(live.rglob("*")) if p.is_file()}
    kh = next(d for d in corpus if d.doc_id == KH)
    changed = parse_text(KH, "\n".join(kh.lines).replace("Phan Viết Điện", "Nguyễn Văn Thử"), kh.path)
    docs = [d if d.doc_id != KH else changed for d in corpus]
    with pytest.raises(RuntimeError):
        ingest(docs, settings=settings, embedder=FakeEmbedder(fail_after=3), progress=False)
    assert Layout(settings.index_dir).current() == v1
    assert Layout(settings.index_dir).versions() == [v1]  # the failed copy is gone
    after = {p.relative_to(live): p.read_bytes() for p in sorted(live.rglob("*")) if p.is_file()}
    assert after.keys() == before.keys()
    assert after[Path(MANIFEST)] == before[Path(MANIFEST)]
    assert after[Path(BM25_FILE)] == before[Path(BM25_FILE)]
    index = open_index(settings, FakeEmbedder())
    try:
        assert len(index) == index.collection.count() == sum(len(chunk_document(d)) for d in corpus)
        assert "Phan Viết Điện" in index.get_chunks([f"{KH}#Chữ ký"])[f"{KH}#Chữ ký"].body
    finally:
        index.close()
    # the same change, retried, goes through
    again = ingest(docs, settings=settings, embedder=FakeEmbedder(), progress=False)
    assert again.updated == [KH] and Layout(settings.index_dir).current() == again.version != v1


def test_model_mismatch(tmp_path, corpus):
    settings = make_settings(tmp_path)
    ingest(corpus, settings=settings, embedder=FakeEmbedder("model-a"), progress=False)
    other = FakeEmbedder("model-b")
    with pytest.raises(IndexModelMismatchError) as err:
        open_index(settings, other)
    assert "assistant ingest --rebuild" in err.value.message
    assert err.value.status == 409
    with pytest.raises(IndexModelMismatchError):
        ingest(corpus, settings=settings, embedder=other, progress=False)
    with pytest.raises(IndexModelMismatchError):
        open_index(settings, FakeEmbedder("model-a", dim=128))
    # --rebuild fixes it
    report = ingest(corpus, settings=settings, embedder=other, rebuild=True, progress=False)
    assert report.rebuilt
    open_index(settings, other).close()


def test_collection_metadata_mismatch_is_caught(tmp_path, corpus):
    settings = make_settings(tmp_path)
    emb = FakeEmbedder()
    report = ingest(corpus, settings=settings, embedder=emb, progress=False)
    vdir = settings.index_dir / report.version
    client = make_chroma_client(settings, vdir / "chroma")
    try:
        coll = client.get_collection(settings.collection, embedding_function=None)
        coll.modify(metadata={"embed_model": "something-else", "embed_dim": emb.dim})
    finally:
        client.close()
    with pytest.raises(IndexModelMismatchError):
        open_index(settings, emb)


def test_missing_or_corrupt_index(tmp_path, corpus):
    settings = make_settings(tmp_path)
    with pytest.raises(IndexNotBuiltError) as err:
        open_index(settings, FakeEmbedder())
    assert "assistant ingest" in err.value.hint and "make index" in err.value.hint
    assert err.value.status == 503
    report = ingest(corpus, settings=settings, embedder=FakeEmbedder(), progress=False)
    vdir = settings.index_dir / report.version
    (vdir / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexNotBuiltError):
        read_manifest(vdir)
    with pytest.raises(IndexNotBuiltError):
        open_index(settings, FakeEmbedder())
    # an ingest over a corrupt index builds a fresh one
    fresh = ingest(corpus, settings=settings, embedder=FakeEmbedder(), progress=False)
    assert fresh.rebuilt and fresh.version != report.version
    open_index(settings, FakeEmbedder()).close()
    # a missing BM25 file
    (settings.index_dir / fresh.version / BM25_FILE).unlink()
    with pytest.raises(IndexNotBuiltError):
        open_index(settings, FakeEmbedder())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_server(tmp_path, corpus):
    settings = make_settings(tmp_path, chroma_host="127.0.0.1", chroma_port=_free_port())
    with pytest.raises(BackendUnavailableError):
        make_chroma_client(settings)
    with pytest.raises(BackendUnavailableError):
        ingest(corpus, settings=settings, embedder=FakeEmbedder(), progress=False)
    assert Layout(settings.index_dir).versions() == []  # nothing written


def test_duplicate_document_ids_rejected(tmp_path, corpus):
    with pytest.raises(ValueError):
        ingest(
            [corpus[0], corpus[0]], settings=make_settings(tmp_path), embedder=FakeEmbedder(), progress=False
        )


def test_incremental_accent_counts_equal_a_fresh_count(tmp_path, corpus):
    """An ingest that changes or removes a document updates the live accent counts; they must be
    those of counting every chunk of the new corpus again."""
    from assistant.indexing import ACCENTS_FILE
    from assistant.retrieval import AccentModel

    settings = make_settings(tmp_path)
    emb = FakeEmbedder()
    ingest(corpus, settings=settings, embedder=emb, progress=False)
    kh = next(d for d in corpus if d.doc_id == KH)
    changed = parse_text(KH, "\n".join(kh.lines).replace("Phan Viết Điện", "Nguyễn Văn Thử"), kh.path)
    layout = Layout(settings.index_dir)
    for docs in ([d if d.doc_id != KH else changed for d in corpus], [changed]):
        ingest(docs, settings=settings, embedder=emb, progress=False)
        live = AccentModel.load(layout.path(str(layout.current())) / ACCENTS_FILE)
        fresh = AccentModel.build(c.text for d in docs for c in chunk_document(d))
        assert live.unigrams == fresh.unigrams and live.bigrams == fresh.bigrams
