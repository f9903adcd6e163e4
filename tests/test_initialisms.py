"""An initialism no document writes ('Trung tâm PVHCC', 'Bộ NV', 'LPTB') is read as the name the
documents spell with those initials, and said; one that spells only the start of a longer name, or
two names as often, is left as typed."""

from __future__ import annotations

from assistant.chat import ChatService
from assistant.corpus import Corpus
from assistant.documents import parse_text

DECISION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH

Số: 2519/QĐ-UBND

Bình Minh, ngày 3 tháng 10 năm 2025

QUYẾT ĐỊNH
Quy định chức năng của Trung tâm Phục vụ hành chính công tỉnh

Điều 1. Vị trí và chức năng
Trung tâm Phục vụ hành chính công tỉnh là tổ chức hành chính thuộc Văn phòng Ủy ban nhân dân tỉnh.

Điều 2. Nhiệm vụ
1. Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ thủ tục hành chính.
2. Bộ Nội vụ hướng dẫn; Sở Nội vụ theo dõi việc thực hiện.
3. Thu lệ phí trước bạ đối với ô tô; lệ phí trước bạ nộp vào ngân sách.
4. Công khai kết quả giải quyết hồ sơ; báo cáo kết quả công tác; bồi dưỡng công chức, viên chức.
5. Tuyên truyền, giáo dục pháp luật; giáo dục pháp luật cho cán bộ; giáo dục pháp luật cho nhân dân.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def corpus() -> Corpus:
    return Corpus.from_documents([parse_text("qd-2519", DECISION)])


def test_initialisms_are_spelled_out_from_the_documents() -> None:
    c = corpus()
    assert c.spell_out("Trung tâm PVHCC làm gì?") == [("PVHCC", "Phục vụ hành chính công")]
    assert c.spell_out("Bộ NV hướng dẫn gì?") == [("NV", "Nội vụ")]  # two letters: after 'Bộ'
    assert c.spell_out("LPTB ô tô nộp vào đâu?") == [("LPTB", "lệ phí trước bạ")]


def test_what_the_initials_do_not_name_is_left_as_typed() -> None:
    c = corpus()
    assert c.spell_out("GDP của tỉnh tăng bao nhiêu?") == []  # only the start of 'giáo dục pháp luật'
    assert c.spell_out("Sở GD&ĐT được giao gì?") == []  # part of a compound abbreviation
    assert c.spell_out("NV làm gì?") == []  # two letters alone spell too many names
    assert c.spell_out("UBND tỉnh giao gì?") == []  # the alias table knows it


def test_the_answer_says_how_it_read_the_initialism() -> None:
    a = ChatService(corpus(), None).ask("Trung tâm PVHCC có nhiệm vụ gì?")
    assert a.answer.startswith("_Hiểu “PVHCC” là **Phục vụ hành chính công**._")
    assert a.data["spelled_out"] == [{"typed": "PVHCC", "as": "Phục vụ hành chính công"}]
