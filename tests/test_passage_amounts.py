"""Passages that answer 'bao nhiêu': the clause stating the amount, not its neighbour naming the
support; a count of the items a section lists, counted and listed whole (snippets in real layouts,
over a real index built with the fake embedder)."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest

from assistant.answers import amount_form
from assistant.chat import ChatService
from assistant.compose.asked import counted_noun
from assistant.corpus import Corpus

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH BÌNH MINH

Số: 80/2025/NQ-HĐND

Bình Minh, ngày 3 tháng 10 năm 2025

NGHỊ QUYẾT
Quy định mức chi hỗ trợ lực lượng bảo vệ dân phố

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định mức chi hỗ trợ lực lượng bảo vệ dân phố trên địa bàn tỉnh Bình Minh.

Điều 2. Nội dung hỗ trợ; nguồn kinh phí
1. Nội dung chi, mức chi hỗ trợ:
Hỗ trợ hằng tháng cho thành viên lực lượng bảo vệ dân phố: 2.340.000 đồng/người/tháng.
2. Nguyên tắc thực hiện: Trường hợp thành viên lực lượng bảo vệ dân phố đồng thời thuộc đối tượng được hỗ trợ theo nghị quyết khác thì chỉ được hưởng 01 mức hỗ trợ cao nhất.
3. Nguồn kinh phí: ngân sách tỉnh.

TM. HỘI ĐỒNG NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""

PLAN = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH

Số: 982/KH-UBND

Bình Minh, ngày 5 tháng 9 năm 2025

KẾ HOẠCH
Tổ chức đợt thi đua cao điểm năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ, công chức thi đua hoàn thành nhiệm vụ năm 2025.

II. NỘI DUNG ĐỢT THI ĐUA
Các cơ quan, đơn vị tập trung thi đua thực hiện các nội dung chủ yếu sau:
1. Thi đua hoàn thành các chỉ tiêu phát triển kinh tế - xã hội năm 2025.
2. Thi đua cải cách hành chính, chuyển đổi số.
3. Thi đua bảo đảm quốc phòng, an ninh.

III. TỔ CHỨC THỰC HIỆN
Sở Nội vụ hướng dẫn, theo dõi đợt thi đua.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> ChatService:
    from assistant.config import Settings
    from assistant.documents import load_corpus
    from assistant.indexing import ingest
    from assistant.retrieval import Retriever
    from tests.fakes import FakeEmbedder

    root = tmp_path_factory.mktemp("amounts")
    corpus_dir = Path(root / "corpus")
    corpus_dir.mkdir()
    (corpus_dir / "nq-80.md").write_text(RESOLUTION, encoding="utf-8")
    (corpus_dir / "kh-982.md").write_text(PLAN, encoding="utf-8")
    settings = Settings(
        corpus_dir=corpus_dir, index_dir=root / "index", data_dir=root / "data", llm_base_url=""
    )
    embedder = FakeEmbedder()
    ingest(load_corpus(corpus_dir), settings=settings, embedder=embedder, progress=False)
    retriever = Retriever.open(settings, embedder)
    return ChatService(Corpus.load(corpus_dir), lambda: nullcontext(retriever))


def test_the_clause_stating_the_amount_is_quoted(service: ChatService) -> None:
    a = service.ask("Thành viên lực lượng bảo vệ dân phố được hỗ trợ bao nhiêu mỗi tháng theo NQ 80/2025?")
    assert a.kind == "passage"
    assert "2.340.000 đồng/người/tháng" in a.answer
    assert a.citations[0].section == "Điều 2.1"


def test_a_count_of_listed_items_is_counted_and_listed(service: ChatService) -> None:
    a = service.ask("KH 982 nêu bao nhiêu nội dung thi đua chủ yếu?")
    assert a.kind == "passage" and a.data.get("count") == 3
    assert "Mục II của Kế hoạch số 982/KH-UBND nêu 3 nội dung (đếm từ văn bản)" in a.answer
    assert {c.section for c in a.citations} >= {"II.1", "II.2", "II.3"}


@pytest.mark.parametrize(
    ("question", "money", "percent"),
    [
        ("được hỗ trợ bao nhiêu mỗi tháng", True, False),
        ("Học phí khối 6 là bao nhiêu?", True, False),
        ("ngân sách hỗ trợ bao nhiêu phần trăm?", False, True),
        ("Kế hoạch có bao nhiêu mục?", False, False),
    ],
)
def test_the_amount_asked(question: str, money: bool, percent: bool) -> None:
    form = amount_form(question)
    assert bool(form and form.search("4.960.000 dong/nguoi/thang")) == money
    assert bool(form and form.search("70%")) == percent


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("KH 982 nêu bao nhiêu nội dung thi đua chủ yếu?", "nội dung"),
        ("Bảng tỷ lệ vốn đối ứng liệt kê bao nhiêu địa phương?", "địa phương"),
        ("Hà Nội có bao nhiêu đối tượng bảo trợ xã hội?", ""),  # things in the world, not items listed
        ("Mỗi bộ được thành lập tối đa bao nhiêu vụ?", ""),
        ("Thời hạn là mấy ngày?", ""),  # a unit of measure, not things listed
        ("Hỗ trợ bao nhiêu mỗi tháng?", ""),
    ],
)
def test_the_thing_counted(question: str, noun: str) -> None:
    assert counted_noun(question) == noun


def test_a_rate_times_the_months_asked_is_computed_and_cited(service: ChatService) -> None:
    a = service.ask(
        "Trong 12 tháng, mỗi thành viên lực lượng bảo vệ dân phố được hỗ trợ tổng cộng bao nhiêu tiền theo NQ 80/2025?"
    )
    assert a.kind == "passage"
    assert "**Tính từ văn bản**" in a.answer and "**28.080.000 đồng/người**" in a.answer
    assert a.data["computed"]["value"] == "28.080.000"
    # the rate it rests on is cited where it stands
    assert any("2.340.000 đồng/người/tháng" in c.quote and c.section == "Điều 2.1" for c in a.citations)


DISPATCH = """THỦ TƯỚNG CHÍNH PHỦ

Số: 224/CĐ-TTg

Hà Nội, ngày 05 tháng 12 năm 2025

CÔNG ĐIỆN
Về việc chuẩn bị lễ khánh thành các công trình

Thủ tướng Chính phủ yêu cầu các bộ, địa phương báo cáo đăng ký công trình khánh thành. Tuy nhiên, hiện nay còn 02 bộ[1] và 03 địa phương[2] chưa gửi báo cáo đăng ký công trình.

1. Các bộ, địa phương khẩn trương gửi báo cáo trước ngày 10 tháng 12 năm 2025.

THỦ TƯỚNG
Phạm Văn An

[1] Bộ Ngoại giao, Bộ Tư pháp.
[2]
UBND các tỉnh: Sơn Lâm, Bình Minh, Hải Đông.
"""


def test_a_footnote_the_quoted_line_points_to_is_given_and_cited(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from assistant.config import Settings
    from assistant.documents import load_corpus
    from assistant.indexing import ingest
    from assistant.retrieval import Retriever
    from tests.fakes import FakeEmbedder

    root = tmp_path_factory.mktemp("footnotes")
    corpus_dir = root / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "cd-224.md").write_text(DISPATCH, encoding="utf-8")
    settings = Settings(
        corpus_dir=corpus_dir, index_dir=root / "index", data_dir=root / "data", llm_base_url=""
    )
    embedder = FakeEmbedder()
    ingest(load_corpus(corpus_dir), settings=settings, embedder=embedder, progress=False)
    chat = ChatService(Corpus.load(corpus_dir), lambda: nullcontext(Retriever.open(settings, embedder)))
    a = chat.ask("Ba địa phương chưa gửi báo cáo đăng ký công trình theo Công điện 224 là những tỉnh nào?")
    assert "Chú thích 2: UBND các tỉnh: Sơn Lâm, Bình Minh, Hải Đông." in a.answer
    note = next(c for c in a.citations if c.section == "Chú thích [2]")
    assert (
        note.quote == "UBND các tỉnh: Sơn Lâm, Bình Minh, Hải Đông."
        and note.line_start == DISPATCH.splitlines().index(note.quote) + 1
    )


def test_a_name_the_question_gives_narrows_a_long_list_to_its_item() -> None:
    from assistant.compose.passage import _narrow
    from assistant.documents import parse_text

    names = ["Tân Đức", "Nguyễn Huân", "Tạ An", "Tân Trung", "Ngọc Chánh", "Đá Bạc", "Trần Hợi"]
    clauses = "\n".join(
        f"{i}. Sắp xếp toàn bộ diện tích của xã {a} và xã Phú {i} thành xã mới có tên gọi là xã {a}."
        for i, a in enumerate(names, 1)
    )
    doc = parse_text(
        "nq-1655",
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nSố: 1655/NQ-UBTVQH15\nNGHỊ QUYẾT\nVề sắp xếp đơn vị hành chính cấp xã\n"
        f"Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Sơn Lâm\nỦy ban quyết định như sau:\n{clauses}\n"
        "Điều 2. Hiệu lực\nNghị quyết có hiệu lực từ ngày ký.\n",
    )
    art = doc.section("Điều 1")
    assert art is not None
    assert _narrow(art, "Xa Da Bac cua tinh Son Lam duoc sap xep tu nhung xa nao?").label == "Điều 1.6"
    # ordinary words singling out a clause are no name: the article stays whole
    assert _narrow(art, "Điều 1 sắp xếp toàn bộ diện tích những xã nào?") is art
