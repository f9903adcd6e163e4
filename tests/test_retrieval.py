"""Hybrid retrieval: fusion, filters, accent restoration; ranking with the fake and the real model.

Every index is built under tmp_path (never the real index/). The ``model`` tier loads the real
embedding model from models/multilingual-e5-small and is skipped when it is not built.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.documents import load_corpus
from assistant.indexing import ingest, open_index
from assistant.retrieval import (
    AccentModel,
    Candidates,
    FusionConfig,
    Retriever,
    fuse,
    hit_to_dict,
    language_ratio,
)
from assistant.text import accent_ratio
from tests.fakes import FakeEmbedder

CV = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"
MODEL_DIR = PROJECT_ROOT / "models" / "multilingual-e5-small"


def _build(root: Path, embedder) -> Retriever:
    settings = Settings(index_dir=root / "index", corpus_dir=PROJECT_ROOT / "corpus")
    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=embedder, progress=False)
    return Retriever(open_index(settings, embedder))


@pytest.fixture(scope="module")
def fake_retriever(tmp_path_factory):
    retriever = _build(tmp_path_factory.mktemp("fake"), FakeEmbedder())
    yield retriever
    retriever.close()


# --- pure parts ---------------------------------------------------------------------------------


def test_accent_model_restores_from_corpus_vocabulary(tmp_path):
    model = AccentModel.build(
        [
            "Sở Giáo dục và Đào tạo chỉ đạo giảng dạy.",
            "Bộ Giáo dục và Đào tạo biên soạn tài liệu giáo dục.",
            "Thanh tra thành phố xác minh tài sản, thu nhập.",
            "tham nhũng, tiêu cực; thẩm định tham nhũng",
        ]
    )
    assert model.restore("so giao duc va dao tao") == "sở giáo dục và đào tạo"
    assert model.restore("So Giao duc") == "Sở Giáo dục"
    assert model.restore("xac minh tai san, thu nhap") == "xác minh tài sản, thu nhập"
    assert model.restore("phong chong tham nhung") == "phong chong tham nhũng"  # unknown words kept
    assert model.restore("Sở GD&ĐT") == "Sở GD&ĐT"
    # a query typed with accents is left alone
    assert model.restore("Sở Giáo dục và đào tạo") == "Sở Giáo dục và đào tạo"
    model.save(tmp_path / "accents.json")
    again = AccentModel.load(tmp_path / "accents.json")
    assert again.restore("so giao duc") == "sở giáo dục"


def _cands(dense, bm25, ratio=1.0):
    return Candidates("q", "q", ratio, [(i, 0.9 - n / 100) for n, i in enumerate(dense)],
                      [(i, 10.0 - n) for n, i in enumerate(bm25)])  # fmt: skip


def test_weighted_rrf_fusion():
    c = _cands(["a", "b", "c"], ["b", "c", "a"])
    plain = FusionConfig(method="rrf", rrf_k=60, dense_weight=1.0, accent_lo=0.0, accent_hi=0.0)
    assert next(i for i, _ in fuse(c, plain)) == "b"
    # the dense side fades out as the query loses its accents
    scaled = FusionConfig(method="rrf", rrf_k=60, dense_weight=1.0, accent_lo=0.2, accent_hi=0.6)
    assert scaled.dense_weight_for(0.0) == 0.0 and scaled.dense_weight_for(1.0) == 1.0
    unaccented = _cands(["a", "x", "y"], ["b", "c", "a"], ratio=0.0)
    assert [i for i, _ in fuse(unaccented, scaled)] == ["b", "c", "a"]
    # min-max score fusion is available too
    mm = FusionConfig(method="minmax", dense_weight=0.5)
    assert {i for i, _ in fuse(c, mm)} == {"a", "b", "c"}
    with pytest.raises(ValueError):
        fuse(c, FusionConfig(method="nope"))
    # the default: a clear BM25 winner keeps the lead over a dense list that disagrees
    clear = Candidates(
        "q", "q", 1.0, [("x", 0.90), ("y", 0.89), ("a", 0.70)], [("a", 30.0), ("x", 5.0), ("y", 4.0)]
    )
    assert next(i for i, _ in fuse(clear)) == "a"
    # a bare document number: BM25 alone decides
    assert language_ratio("130/2020/NĐ-CP") == 0.0
    assert language_ratio("Nghị định 130/2020/NĐ-CP quy định gì") > 0.7


# --- fake-embedder tier ---------------------------------------------------------------------------


def test_search_ranks_the_agency_section_first(fake_retriever):
    for q in ("Sở Giáo dục và Đào tạo", "so giao duc va dao tao", "Sở GD&ĐT"):
        hits = fake_retriever.search(q, k=5)
        assert hits[0].id == f"{CV}#II.10", q
        assert hits[0].section == "II.10" and hits[0].doc == CV
        assert hits[0].bm25_rank == 1


def test_hits_carry_chunk_data_and_ranks(fake_retriever):
    hits = fake_retriever.search("Đài Phát thanh và Truyền hình Hải Phòng", k=3)
    top = hits[0]
    assert top.id == f"{CV}#II.8"
    assert (top.line_start, top.line_end) == (97, 101)
    assert top.text.endswith(top.body) and top.title.startswith("Đài Phát thanh")
    assert top.dense_rank >= 1 and top.bm25_rank >= 1
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    d = hit_to_dict(top)
    json.dumps(d, ensure_ascii=False)
    assert d["id"] == top.id and d["section"] == "II.8" and {"dense_rank", "bm25_rank"} <= set(d)


def test_filters_by_document_and_kind(fake_retriever):
    hits = fake_retriever.search("tham nhũng", k=10, doc=KH)
    assert hits and all(h.doc == KH for h in hits)
    rows = fake_retriever.search("tham nhũng", k=10, kinds=["table_row"])
    assert rows and all(h.kind == "table_row" for h in rows)
    both = fake_retriever.search("tham nhũng", k=10, doc=KH, kinds=["bullets"])
    assert both and all(h.doc == KH and h.kind == "bullets" for h in both)
    headers = fake_retriever.search("Nơi nhận", k=5, kinds=["header"])
    assert all(h.kind == "header" for h in headers)
    items = fake_retriever.search("tham nhũng", k=5, section_kinds=["item"])
    assert items and all(h.section_kind == "item" for h in items)
    assert fake_retriever.search("tham nhũng", k=5, doc="no-such-doc") == []
    for h in fake_retriever.bm25_search("tham nhũng", k=5, doc=CV, kinds=["table_row"]):
        assert h.doc == CV and h.kind == "table_row" and h.bm25_rank >= 1
    for h in fake_retriever.dense_search("tham nhũng", k=5, doc=KH):
        assert h.doc == KH and h.dense_rank >= 1


def test_empty_query_and_k(fake_retriever):
    assert fake_retriever.search("   ", k=5) == []
    assert fake_retriever.search("tham nhũng", k=0) == []
    assert len(fake_retriever.search("tham nhũng", k=3)) == 3


def test_accents_restored_before_embedding(fake_retriever):
    c = fake_retriever.candidates("so giao duc va dao tao", depth=10)
    assert c.dense_query == "sở giáo dục và đào tạo"
    assert accent_ratio(c.dense_query) > 0.9
    raw = fake_retriever.candidates("so giao duc va dao tao", depth=10, restore=False)
    assert raw.dense_query == "so giao duc va dao tao"


# --- real model tier ------------------------------------------------------------------------------


def _real_embedder():
    if not MODEL_DIR.is_dir() or not any(MODEL_DIR.iterdir()):
        pytest.skip(f"the embedding model is not built at {MODEL_DIR} (run `make model`)")
    try:
        from assistant.indexing import load_embedder
    except ImportError as exc:  # pragma: no cover
        pytest.skip(f"assistant.embedding is not available: {exc}")
    return load_embedder(Settings(models_dir=PROJECT_ROOT / "models", embed_model=""))


@pytest.fixture(scope="module")
def real_retriever(tmp_path_factory):
    retriever = _build(tmp_path_factory.mktemp("real"), _real_embedder())
    yield retriever
    retriever.close()


@pytest.mark.model
@pytest.mark.parametrize(
    "query", ["Sở Giáo dục", "so giao duc", "Sở GD&ĐT", "Sở Giáo dục và Đào tạo làm gì?"]
)
def test_real_model_agency_queries(real_retriever, query):
    hits = real_retriever.search(query, k=5)
    assert hits[0].id == f"{CV}#II.10", [h.id for h in hits]


@pytest.mark.model
def test_real_model_document_numbers(real_retriever):
    hits = real_retriever.search("130/2020/NĐ-CP", k=5)
    ids = [h.id for h in hits]
    assert f"{CV}#II.2" in ids[:3], ids
    assert all("130/2020/NĐ-CP" in h.text for h in hits[:3])
    hits = real_retriever.search("05-CT/TW", k=5)
    assert hits[0].id == f"{CV}#II.8", [h.id for h in hits]


@pytest.mark.model
def test_real_model_filters(real_retriever):
    hits = real_retriever.search("kiểm soát tài sản, thu nhập", k=5, doc=KH)
    assert hits and all(h.doc == KH for h in hits)
    rows = real_retriever.search("kết quả thu hồi tiền, tài sản tham nhũng", k=5, kinds=["table_row"])
    assert rows and all(h.kind == "table_row" for h in rows)
    assert "thu hồi tiền, tài sản tham nhũng" in rows[0].body


@pytest.mark.model
def test_real_model_dense_alone_understands_meaning(real_retriever):
    hits = real_retriever.dense_search("dạy học sinh trung học phổ thông về chống tham nhũng", k=5)
    assert f"{CV}#II.10" in [h.id for h in hits]


@pytest.mark.model
def test_real_model_llama_index_view(real_retriever):
    """The collection through LlamaIndex's own retriever, with our embedder passed explicitly."""
    index = real_retriever.index.as_vector_store_index()
    nodes = index.as_retriever(similarity_top_k=5).retrieve("Sở Giáo dục và Đào tạo giảng dạy")
    assert f"{CV}#II.10" in [n.node.node_id for n in nodes]
