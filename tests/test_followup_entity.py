"""'Còn X thì sao?' after a question that is not about tasks: the previous question asked again of X,
X put where the previous question named its entity (table-driven, on the words alone)."""

from __future__ import annotations

import pytest

from assistant.chat import same_question_of

# the corpus text names are looked up in (folded, punctuation as spaces)
TEXT = " truong tieu hoc nam tu liem so giao duc va dao tao duoc giao xa u minh "


@pytest.mark.parametrize(
    ("followup", "previous", "expected"),
    [
        (
            "Còn Trường THCS Nam Từ Liêm thì sao?",
            "Học phí Trường Tiểu học Nam Từ Liêm năm học 2025-2026 là bao nhiêu?",
            "Học phí Trường THCS Nam Từ Liêm năm học 2025-2026 là bao nhiêu?",
        ),
        (
            "Con xa Nguyen Phich?",
            "Theo Nghi quyet 1655, xa U Minh moi cua Ca Mau duoc lap tu nhung xa nao?",
            "Theo Nghi quyet 1655, xa Nguyen Phich moi cua Ca Mau duoc lap tu nhung xa nao?",
        ),
        (
            "Còn cục thì sao?",
            "Theo Nghị định 303/2025/NĐ-CP, vụ thuộc bộ cần có bao nhiêu biên chế công chức?",
            "Theo Nghị định 303/2025/NĐ-CP, cục thuộc bộ cần có bao nhiêu biên chế công chức?",
        ),
        (
            "Còn Sở Y tế?",
            "Theo kế hoạch, Sở Giáo dục và Đào tạo phải báo cáo khi nào?",
            "Theo kế hoạch, Sở Y tế phải báo cáo khi nào?",
        ),
        # the question's first word is capitalised as a sentence's, not as a name's
        ("Còn mục tiêu cụ thể?", "Mục tiêu chung của kế hoạch là gì?", ""),
        # nothing in the previous question to put it in place of
        ("Còn Hà Nội thì sao?", "Ai ký kế hoạch?", ""),
    ],
)
def test_the_entity_is_put_in_place_of_the_previous_one(followup: str, previous: str, expected: str) -> None:
    assert same_question_of(followup, previous, TEXT) == expected
