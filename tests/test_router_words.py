"""Words that look like an intent and are not: 'giao thông' is traffic, not an assignment; 'được giao
bao nhiêu biên chế' asks a figure, not tasks; 'nghị quyết nào hết hiệu lực' asks what is repealed."""

from __future__ import annotations

import pytest

from assistant.corpus import Corpus
from assistant.documents import parse_text
from assistant.router import detect

PLAN = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH

Số: 597/KH-UBND

Bình Minh, ngày 27 tháng 11 năm 2025

KẾ HOẠCH
Chuyển đổi số hạ tầng giao thông trên địa bàn tỉnh

I. MỤC TIÊU
Số hóa hạ tầng giao thông đường bộ của tỉnh.

II. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng chủ trì xây dựng cơ sở dữ liệu hạ tầng giao thông.
2. Sở Tài chính bố trí kinh phí thực hiện.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thành Diệu
"""

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH BÌNH MINH

Số: 80/2025/NQ-HĐND

Bình Minh, ngày 10 tháng 12 năm 2025

NGHỊ QUYẾT
Quy định mức chi hỗ trợ lực lượng bảo vệ dân phố

Điều 1. Mức chi
Hỗ trợ 2.340.000 đồng/người/tháng.

Điều 2. Hiệu lực thi hành
Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026. Nghị quyết số 13/2024/NQ-HĐND ngày 05 tháng 7 năm 2024 của Hội đồng nhân dân tỉnh hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực.

CHỦ TỊCH
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_documents([parse_text("kh-597", PLAN), parse_text("nq-80", RESOLUTION)])


@pytest.mark.parametrize(
    ("question", "kind", "intent"),
    [
        ("KH 597 về chuyển đổi số hạ tầng giao thông ký ngày nào, ai ký?", "document", "signer"),
        ("Sở Giao thông vận tải được giao nhiệm vụ gì trong KH 597?", "tasks", "unknown_agency"),
        ("Sở Xây dựng được giao bao nhiêu biên chế theo KH 597?", "passage", "search"),
        ("Sở Xây dựng được giao bao nhiêu nhiệm vụ?", "tasks", "agency"),
        ("NQ 80/2025 làm nghị quyết nào hết hiệu lực?", "document", "changes"),
        (
            "Những nghị quyết nào của Hội đồng nhân dân tỉnh hết hiệu lực theo NQ 80/2025?",
            "document",
            "changes",
        ),
    ],
)
def test_what_the_question_asks(corpus: Corpus, question: str, kind: str, intent: str) -> None:
    route = detect(question, corpus)
    assert (route.kind, route.intent) == (kind, intent)


def test_an_agency_named_with_giao_thong_is_read_whole(corpus: Corpus) -> None:
    route = detect("Sở Giao thông vận tải được giao nhiệm vụ gì trong KH 597?", corpus)
    assert route.params["name"] == "Sở Giao thông vận tải"
