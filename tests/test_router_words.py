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
3. Ngân hàng Nhà nước khu vực 8 hướng dẫn các ngân hàng thương mại.

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
        # the symbol of a document's number ('TT-NHNN') names no agency
        ("Ai ký Thông tư 44/2025/TT-NHNN?", "document", "signer"),
        ("NQ 80/2025 sửa đổi khoản 2 Điều 1 của nghị quyết nào?", "document", "changes"),
        # 'hệ số / chỉ số … bao nhiêu' is a figure, not the document's number
        ("Thành viên được hưởng phụ cấp theo hệ số bao nhiêu theo NQ 80/2025?", "passage", "search"),
        # 'giáo viên', 'giáo dục' are no 'giao' (assign)
        ("Giáo viên được hỗ trợ bao nhiêu theo NQ 80/2025?", "passage", "search"),
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


MERGER = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH

Số: 44/2025/QĐ-UBND

Bình Minh, ngày 21 tháng 11 năm 2025

QUYẾT ĐỊNH
Quy định tiêu chuẩn máy móc, thiết bị chuyên dùng

Điều 1. Phạm vi
Trường hợp cần thiết bổ sung số lượng máy móc đã quy định tại Mục A Phụ lục II ban hành kèm theo Quyết định số 15/2025/QĐ-TTg thì thực hiện theo quy định.

Điều 2. Hiệu lực thi hành
1. Quyết định này có hiệu lực thi hành kể từ ngày 05 tháng 12 năm 2025.
2. Các Quyết định sau hết hiệu lực thi hành kể từ ngày Quyết định này có hiệu lực:
a) Quyết định số 09/2019/QĐ-UBND ngày 28/5/2019 của Ủy ban nhân dân tỉnh Sơn Lâm về việc ban hành tiêu chuẩn máy móc;
b) Quyết định số 06/2020/QĐ-UBND ngày 13/02/2020 của Ủy ban nhân dân tỉnh Sơn Lâm bổ sung tiêu chuẩn quy định tại Quyết định số 09/2019/QĐ-UBND;
c) Quyết định số 60/2023/QĐ-UBND ngày 09/11/2023 của Ủy ban nhân dân tỉnh Sơn Lâm ban hành tiêu chuẩn thuộc lĩnh vực y tế.
3. Bãi bỏ Điều 3 Quyết định số 12/2024/QĐ-UBND ngày 02/3/2024 của Ủy ban nhân dân tỉnh.

CHỦ TỊCH
Trần Văn Bình
"""


def test_documents_listed_by_a_repealing_clause_are_repealed_whatever_their_titles_say() -> None:
    from assistant.compose.changes import changes

    found = {ref.number: verb for verb, ref in changes(parse_text("qd-44", MERGER))}
    # every point of '2. Các Quyết định sau hết hiệu lực …:', though b)'s title says 'bổ sung'
    assert found == {
        "09/2019/QĐ-UBND": "bãi bỏ",
        "06/2020/QĐ-UBND": "bãi bỏ",
        "60/2023/QĐ-UBND": "bãi bỏ",
        "12/2024/QĐ-UBND": "bãi bỏ",
    }  # and 15/2025/QĐ-TTg, whose appendix 'bổ sung số lượng' speaks of, is not changed


def test_a_document_said_to_lapse_after_a_long_title_is_repealed() -> None:
    from assistant.compose.changes import changes

    text = MERGER.replace(
        "3. Bãi bỏ Điều 3 Quyết định số 12/2024/QĐ-UBND ngày 02/3/2024 của Ủy ban nhân dân tỉnh.",
        "3. Quyết định số 27/2024/QĐ-UBND ngày 20 tháng 11 năm 2024 của Ủy ban nhân dân tỉnh quy định danh mục"
        " tài sản cố định đặc thù; danh mục, thời gian tính hao mòn và tỷ lệ hao mòn tài sản cố định vô hình"
        " thuộc phạm vi quản lý của tỉnh hết hiệu lực thi hành kể từ ngày Quyết định này có hiệu lực thi hành.",
    )
    found = {ref.number: verb for verb, ref in changes(parse_text("qd-44", text))}
    assert found.get("27/2024/QĐ-UBND") == "bãi bỏ"
