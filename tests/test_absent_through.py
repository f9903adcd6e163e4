"""A place is not 'absent' when the question asks about it through a document held that names it:
'Những quyết định nào của tỉnh Kon Tum hết hiệu lực theo QĐ 44/2025/QĐ-UBND?' is about QĐ 44's own
text, though no document held is Kon Tum's."""

from __future__ import annotations

from assistant.corpus import Corpus
from assistant.documents import parse_text

MERGED = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH

Số: 44/2025/QĐ-UBND

Bình Minh, ngày 3 tháng 10 năm 2025

QUYẾT ĐỊNH
Quy định phân cấp quản lý tài sản công

Điều 1. Phạm vi điều chỉnh
Quyết định này quy định phân cấp quản lý tài sản công trên địa bàn tỉnh Bình Minh.

Điều 2. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày 15 tháng 10 năm 2025. Các Quyết định số 09/2019/QĐ-UBND và số 06/2020/QĐ-UBND của Ủy ban nhân dân tỉnh Sơn Lâm hết hiệu lực.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def test_a_place_named_by_the_document_asked_through_is_not_absent() -> None:
    corpus = Corpus.from_documents([parse_text("qd-44", MERGED)])
    assert (
        corpus.absent("Những quyết định nào của UBND tỉnh Sơn Lâm hết hiệu lực theo QĐ 44/2025/QĐ-UBND?")
        == []
    )
    assert corpus.absent("Nhung quyet dinh nao cua tinh Son Lam bi bai bo theo QD 44/2025/QD-UBND?") == []
    # asked of that place's own decisions, through no document held: absent, as before
    assert corpus.absent("Quyết định của tỉnh Sơn Lâm về tài sản công ban hành ngày nào?")
