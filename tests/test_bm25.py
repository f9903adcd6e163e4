"""BM25 index: Vietnamese ranking behaviour, deletes, filters, persistence (small invented texts)."""

from __future__ import annotations

import random
import time
import unicodedata
from pathlib import Path

import pytest

from assistant.bm25 import BM25Index
from assistant.text import search_tokens

DOCS: dict[str, tuple[str, dict]] = {
    "edu": (
        "Sở Giáo dục và Đào tạo chủ trì, hướng dẫn các trường học tổ chức tuyên truyền pháp luật "
        "về phòng, chống tham nhũng cho giáo viên và học sinh.",
        {"doc": "kh-1", "kind": "section"},
    ),
    "health": (
        "Sở Y tế phối hợp với các bệnh viện công khai, minh bạch việc mua sắm thuốc; "
        "Sở Y tế báo cáo kết quả về Ủy ban nhân dân thành phố.",
        {"doc": "kh-1", "kind": "section"},
    ),
    "decree": (
        "Thực hiện Nghị định số 130/2020/NĐ-CP ngày 30/10/2020 của Chính phủ về kiểm soát tài sản, "
        "thu nhập của người có chức vụ, quyền hạn trong cơ quan, tổ chức, đơn vị; các cơ quan tổ chức "
        "kê khai, công khai bản kê khai theo đúng quy định.",
        {"doc": "cv-2", "kind": "section"},
    ),
    "decree-noise": (
        "Văn bản số 130/2020/UBND gửi kèm Nghị định số 131/2020/NĐ-CP và Nghị định 129/2020/NĐ-CP "
        "của Chính phủ.",
        {"doc": "cv-2", "kind": "table_row"},
    ),
    "safety": (
        "Các cơ quan bảo đảm an toàn thông tin mạng, kiểm tra định kỳ hệ thống máy chủ và phần mềm.",
        {"doc": "kh-1", "kind": "section"},
    ),
    "whole": (
        "Đổi mới toàn diện, toàn dân, toàn xã hội.",
        {"doc": "kh-1", "kind": "table_row"},
    ),
    "sport": (
        "Trung tâm Văn hóa - Thể thao huyện tổ chức giải bóng đá thiếu niên.",
        {"doc": "cv-2", "kind": "section"},
    ),
}


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def build(**params: float) -> BM25Index:
    index = BM25Index(**params)
    index.add(list(DOCS), [t for t, _ in DOCS.values()], [m for _, m in DOCS.values()])
    return index


def top_ids(index: BM25Index, query: str, k: int = 10, **kw) -> list[str]:
    return [doc_id for doc_id, _ in index.search(query, k=k, **kw)]


@pytest.fixture
def index() -> BM25Index:
    return build()


QUERIES = [
    "Sở Giáo dục và Đào tạo tuyên truyền phòng, chống tham nhũng",
    "kiểm soát tài sản, thu nhập theo Nghị định 130/2020/NĐ-CP",
    "bảo đảm an toàn thông tin mạng",
    "Sở Y tế mua sắm thuốc",
    "giải bóng đá thể thao",
]


@pytest.mark.parametrize("query", QUERIES)
def test_accented_and_unaccented_queries_rank_the_same(index: BM25Index, query: str) -> None:
    accented = index.search(query)
    assert accented, query
    assert strip_accents(query) != query
    assert index.search(strip_accents(query)) == accented
    assert index.search(strip_accents(query).upper()) == accented


@pytest.mark.parametrize(
    "query", ["Sở GD&ĐT", "so gddt", "Sở Giáo dục và Đào tạo", "SỞ GD-ĐT", "so giao duc"]
)
def test_education_department_variants_find_the_education_passage(index: BM25Index, query: str) -> None:
    assert top_ids(index, query)[0] == "edu"


@pytest.mark.parametrize(
    "query", ["130/2020/NĐ-CP", "130/2020/nd-cp", "Nghị định 130/2020/nđ-cp của Chính phủ"]
)
def test_document_number_finds_the_passage_citing_it(index: BM25Index, query: str) -> None:
    assert top_ids(index, query)[:2] == ["decree", "decree-noise"]


def test_document_number_outranks_scattered_syllables_only_thanks_to_its_weight() -> None:
    # Control for the test above: the number counts as a whole; weighted 0, the passage citing
    # similar numbers (130/2020/UBND, 131/2020/NĐ-CP) wins on the scattered syllables.
    assert top_ids(build(docnum_weight=0.0), "130/2020/NĐ-CP")[0] == "decree-noise"


def test_vietnamese_syllables_are_not_stop_words(index: BM25Index) -> None:
    # "an" must count: without it, the short passage repeating "toàn" would come first.
    assert top_ids(index, "an toàn")[0] == "safety"
    assert top_ids(index, "toàn")[0] == "whole"
    assert top_ids(index, "an")[0] == "safety"
    assert top_ids(index, "thể")[0] == "sport"  # folded to "the"
    assert top_ids(index, "tổ")[0] in {"sport", "edu", "decree"}  # folded to "to"
    assert {"an", "the", "to"} <= set(search_tokens("an toàn, thể thao, tổ chức"))


@pytest.mark.parametrize("query", ["", "   ", "?!.,;", "\n\t"])
def test_empty_query_returns_nothing(index: BM25Index, query: str) -> None:
    assert index.search(query) == []


def test_unknown_words_return_nothing(index: BM25Index) -> None:
    assert index.search("xyzzy quux") == []


def test_k_limits_results(index: BM25Index) -> None:
    assert len(index.search("các cơ quan", k=2)) == 2
    assert index.search("các cơ quan", k=0) == []


def test_scores_are_sorted_best_first(index: BM25Index) -> None:
    scores = [s for _, s in index.search("cơ quan tổ chức kiểm tra", k=10)]
    assert len(scores) >= 3
    assert scores == sorted(scores, reverse=True)


def test_ties_are_broken_by_id() -> None:
    index = BM25Index()
    text = "Ủy ban nhân dân xã báo cáo kết quả."
    index.add(["c", "a", "b"], [text, text, text])
    ranked = index.search("báo cáo")
    assert [doc_id for doc_id, _ in ranked] == ["a", "b", "c"]
    assert len({s for _, s in ranked}) == 1


def test_remove_really_removes(index: BM25Index) -> None:
    assert top_ids(index, "bệnh viện mua sắm thuốc")[0] == "health"
    assert index.remove(["health", "not-there"]) == 1
    assert "health" not in index.ids()
    assert "health" not in index
    assert len(index) == len(DOCS) - 1
    assert "health" not in top_ids(index, "Sở Y tế bệnh viện mua sắm thuốc")
    assert index.search("bệnh thuốc mua sắm") == []  # words only that passage had
    assert index.remove(["health"]) == 0
    index.add(["health"], ["Sở Y tế kiểm tra bệnh viện."])
    assert top_ids(index, "bệnh viện")[0] == "health"


def test_removing_changes_statistics_like_a_fresh_index() -> None:
    full = build()
    full.remove(["decree-noise", "whole"])
    fresh = BM25Index()
    keep = [i for i in DOCS if i not in {"decree-noise", "whole"}]
    fresh.add(keep, [DOCS[i][0] for i in keep], [DOCS[i][1] for i in keep])
    for query in QUERIES:
        assert full.search(query) == fresh.search(query)


def test_compaction_after_many_removals_keeps_results() -> None:
    rng = random.Random(7)
    words = [
        "cán",
        "bộ",
        "công",
        "chức",
        "kê",
        "khai",
        "tài",
        "sản",
        "thu",
        "nhập",
        "kiểm",
        "tra",
        "giám",
        "sát",
        "báo",
        "cáo",
        "kết",
        "quả",
        "năm",
        "xã",
        "phường",
    ]
    ids = [f"p{i:03d}" for i in range(200)]
    texts = [" ".join(rng.choice(words) for _ in range(12)) for _ in ids]
    index = BM25Index()
    index.add(ids, texts, [{"n": i % 3} for i in range(200)])
    index.remove(ids[:150])  # more tombstones than live documents: compacted
    assert len(index._slot_ids) == 50
    fresh = BM25Index()
    fresh.add(ids[150:], texts[150:], [{"n": i % 3} for i in range(150, 200)])
    for query in ["kê khai tài sản", "báo cáo kết quả xã", "giám sát"]:
        assert index.search(query, k=20) == fresh.search(query, k=20)
        assert index.search(query, k=20, where={"n": 1}) == fresh.search(query, k=20, where={"n": 1})


def test_add_replaces_an_existing_id(index: BM25Index) -> None:
    index.add(["edu"], ["Phòng Nội vụ thẩm định danh sách."])
    assert len(index) == len(DOCS)
    assert "edu" not in top_ids(index, "Sở Giáo dục và Đào tạo")
    assert top_ids(index, "thẩm định danh sách")[0] == "edu"


def test_add_checks_lengths() -> None:
    with pytest.raises(ValueError):
        BM25Index().add(["a", "b"], ["x"])
    with pytest.raises(ValueError):
        BM25Index().add(["a"], ["x"], [{}, {}])


def test_where_filters_on_metadata(index: BM25Index) -> None:
    query = "các cơ quan tổ chức kiểm tra"
    everything = top_ids(index, query)
    assert {"decree", "safety", "edu"} <= set(everything)
    assert set(top_ids(index, query, where={"doc": "cv-2"})) <= {"decree", "decree-noise", "sport"}
    assert "decree" in top_ids(index, query, where={"doc": "cv-2"})
    assert top_ids(index, "nghị định chính phủ", where={"kind": "table_row"}) == ["decree-noise"]
    both = top_ids(index, query, where={"doc": ["kh-1", "cv-2"]})
    assert both == everything
    assert set(top_ids(index, query, where={"doc": "kh-1", "kind": "section"})) <= {"edu", "health", "safety"}
    assert index.search(query, where={"doc": "nope"}) == []
    assert index.search(query, where={"missing-key": "x"}) == []
    # Filtering keeps the scores: a filtered result is the unfiltered one restricted.
    full = dict(index.search(query))
    for doc_id, score in index.search(query, where={"kind": "section"}):
        assert full[doc_id] == score


def test_where_keeps_bools_and_ints_apart() -> None:
    index = BM25Index()
    index.add(["a", "b"], ["báo cáo", "báo cáo"], [{"x": True}, {"x": 1}])
    assert top_ids(index, "báo cáo", where={"x": True}) == ["a"]
    assert top_ids(index, "báo cáo", where={"x": 1}) == ["b"]


def test_save_load_round_trip_gives_identical_results(index: BM25Index, tmp_path: Path) -> None:
    index.remove(["whole"])  # leaves a tombstone the file must not carry
    path = tmp_path / "sub" / "bm25.npz"
    index.save(path)
    loaded = BM25Index.load(path)
    assert loaded.ids() == index.ids()
    assert len(loaded) == len(index)
    assert loaded.params() == index.params()
    assert loaded.metadata("decree") == DOCS["decree"][1]
    for query in [*QUERIES, "an toàn", "130/2020/nd-cp", "so gddt"]:
        assert loaded.search(query) == index.search(query)
        assert loaded.search(query, where={"doc": "kh-1"}) == index.search(query, where={"doc": "kh-1"})
    assert [p.name for p in path.parent.iterdir()] == ["bm25.npz"]  # no temporary file left
    # The loaded index keeps working: add and remove.
    loaded.add(["new"], ["Sở Tài chính thẩm định dự toán ngân sách."])
    assert top_ids(loaded, "dự toán ngân sách")[0] == "new"


def test_save_replaces_an_existing_file(index: BM25Index, tmp_path: Path) -> None:
    path = tmp_path / "bm25.npz"
    index.save(path)
    small = BM25Index()
    small.add(["only"], ["Thanh tra huyện"])
    small.save(path)
    assert BM25Index.load(path).ids() == ["only"]


def test_load_rejects_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not an index")
    with pytest.raises(ValueError):
        BM25Index.load(bad)
    with pytest.raises(FileNotFoundError):
        BM25Index.load(tmp_path / "missing.npz")


def test_empty_index(tmp_path: Path) -> None:
    index = BM25Index()
    assert len(index) == 0
    assert index.search("an toàn") == []
    index.save(tmp_path / "e.npz")
    assert len(BM25Index.load(tmp_path / "e.npz")) == 0


def test_heading_line_weighs_more() -> None:
    index = BM25Index()
    index.add(
        ["head", "body"],
        [
            "Điều 3. Thanh tra công vụ\nNội dung được thực hiện theo kế hoạch hằng năm.",
            "Điều 4. Kế hoạch hằng năm\nNội dung thanh tra công vụ theo kế hoạch.",
        ],
    )
    assert top_ids(index, "thanh tra công vụ")[0] == "head"
    flat = BM25Index(heading_weight=1.0)
    flat.add(["x", "y"], ["Một dòng thanh tra", "Một\ndòng thanh tra"])
    assert flat.search("thanh tra")[0][1] == flat.search("thanh tra")[1][1]


def test_search_is_fast_on_a_few_thousand_passages() -> None:
    rng = random.Random(1)
    vocab = [
        f"{a}{b}"
        for a in ("th", "ng", "tr", "ch", "kh", "b", "c", "d")
        for b in ("a", "o", "u", "ie", "uo", "an")
    ]
    ids = [f"d{i}" for i in range(3000)]
    texts = [" ".join(rng.choice(vocab) for _ in range(150)) for _ in ids]
    index = BM25Index()
    index.add(ids, texts)
    query = " ".join(rng.choice(vocab) for _ in range(15))
    index.search(query)  # builds the inverted index
    start = time.perf_counter()
    for _ in range(20):
        index.search(query)
    assert (time.perf_counter() - start) / 20 < 0.05
