"""Structure questions about a text issued with a document: 'Quy chế kèm theo Quyết định 12 có mấy
chương, mấy điều?' counts the chapters and articles of that text, not the parts of the decision or of
another document of the same place."""

from __future__ import annotations

import pytest

from assistant.chat import ChatService
from assistant.corpus import Corpus
from assistant.documents import parse_text

DECISION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH

Số: 12/2025/QĐ-UBND

Bình Minh, ngày 3 tháng 10 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế phối hợp quản lý chợ trên địa bàn tỉnh Bình Minh

Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý chợ trên địa bàn tỉnh Bình Minh.

Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 10 năm 2025.

Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An

QUY CHẾ
PHỐI HỢP QUẢN LÝ CHỢ TRÊN ĐỊA BÀN TỈNH BÌNH MINH
(Ban hành kèm theo Quyết định số 12/2025/QĐ-UBND ngày 3 tháng 10 năm 2025 của Ủy ban nhân dân tỉnh Bình Minh)

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp quản lý chợ.

Điều 2. Đối tượng áp dụng
Quy chế này áp dụng đối với các sở, ngành và Ủy ban nhân dân cấp xã.

Chương II
NỘI DUNG PHỐI HỢP

Điều 3. Phối hợp quản lý quy hoạch chợ
Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan.

Điều 4. Phối hợp kiểm tra
Ủy ban nhân dân cấp xã tổ chức kiểm tra định kỳ.

Điều 5. Phối hợp xử lý vi phạm
Công an tỉnh chủ trì xử lý vi phạm.

Chương III
TỔ CHỨC THỰC HIỆN

Điều 6. Trách nhiệm thi hành
Các sở, ngành có trách nhiệm thực hiện Quy chế này.
"""

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH

Số: 04/CT-UBND

Bình Minh, ngày 5 tháng 9 năm 2025

CHỈ THỊ
Về tăng cường quản lý chợ

1. Sở Công Thương kiểm tra các chợ trên địa bàn tỉnh.

2. Ủy ban nhân dân cấp xã báo cáo kết quả hằng quý.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def chat() -> ChatService:
    docs = [parse_text("qd-12", DECISION), parse_text("ct-04", DIRECTIVE)]
    return ChatService(Corpus.from_documents(docs), None)


@pytest.mark.parametrize(
    "question",
    [
        "Quy chế phối hợp quản lý chợ của tỉnh Bình Minh có mấy chương, mấy điều?",
        "Quy che kem theo Quyet dinh 12/2025/QD-UBND co may chuong, may dieu?",
    ],
)
def test_the_attached_text_is_counted_by_its_own_units(chat: ChatService, question: str) -> None:
    a = chat.ask(question)
    assert a.kind == "document" and a.data.get("outline")
    assert "gồm 3 chương, 6 điều" in a.answer
    # each chapter with its articles, cited where it starts; the directive of the same place is not listed
    assert "(2 điều)" in a.answer and "(3 điều)" in a.answer
    assert {c.doc for c in a.citations} == {"qd-12"}
    assert [c.section for c in a.citations] == [
        "Quy chế kèm theo, Chương I",
        "Quy chế kèm theo, Chương II",
        "Quy chế kèm theo, Chương III",
    ]


def test_the_decision_itself_is_counted_by_its_articles(chat: ChatService) -> None:
    a = chat.ask("Quyết định 12/2025/QĐ-UBND có mấy điều?")
    assert a.kind == "document" and "3 điều" in a.answer


def test_a_chapter_of_the_attached_text_is_found_by_its_number(chat: ChatService) -> None:
    a = chat.ask("Chương II của Quy chế phối hợp quản lý chợ nói về nội dung gì?")
    assert a.data["route"]["intent"] == "section" and "NỘI DUNG PHỐI HỢP" in a.answer
    # its articles, not the decision's own Điều 2
    assert a.citations and {c.section for c in a.citations} <= {
        f"Quy chế kèm theo, Điều {n}" for n in (3, 4, 5)
    }
