"""Where an assignee's name ends, and a deputy as assignee (issue 11, real documents).

Snippets in the layout of real files of ../shared/realdocs (named above each). A name ends with its
level and place ('... cấp xã', '... thành phố Hà Nội', 'Trung tâm ... Thành phố') or where a name in
capitals stops; what follows is what the sentence says of the body, never part of its name. A
deputy ('Phó Chủ tịch ...', 'Phó Thủ tướng ...') holds the office he deputises for: an assignee.
"""

from __future__ import annotations

from assistant.agencies import extract_assignments
from assistant.documents import parse_text


def assignees(text: str) -> list[tuple[str, str]]:
    return [(a.agency, a.section) for a in extract_assignments(parse_text("x", text))]


# 8bb6ac57 (Quyết định, a procedure), af2a4fc9aeeb (Quy chế kèm theo, Điều 3), d3d459d0 (Quyết
# định, Điều 2.2), de1ea1a30ca1e0bc (Công văn 1539/VLO-QLDN3), 27009faf, 3bc52886; cut short.
ENDS = """II. TỔ CHỨC THỰC HIỆN

1. Ủy ban nhân dân cấp xã nơi xảy ra vụ việc hoặc nơi trẻ em cư trú tiếp nhận thông tin và xác minh.

2. Ủy ban nhân dân thành phố Hà Nội xét, tặng thưởng danh hiệu không quá 10 cá nhân mỗi năm.

3. Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính trên Hệ thống thông tin.

4. Đề nghị CÔNG TY CỔ PHẦN BIA SÀI GÒN – BẾN TRE vay tiền theo đúng quy định.

5. Giao Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi chủ trì thực hiện.

6. Giao Công ty Điện lực Quảng Trị, Hợp tác xã dịch vụ điện Quảng Phú bảo đảm cấp điện.
"""


def test_a_name_ends_with_its_level_and_place() -> None:
    got = dict((s, a) for a, s in assignees(ENDS))
    assert got["II.1"] == "Ủy ban nhân dân cấp xã"
    assert got["II.2"] == "Ủy ban nhân dân thành phố Hà Nội"
    assert got["II.3"] == "Trung tâm Chuyển đổi số Thành phố"
    assert got["II.4"] == "CÔNG TY CỔ PHẦN BIA SÀI GÒN – BẾN TRE"


def test_words_of_a_name_after_a_level_word_stay() -> None:
    """Guards the rule above: a place, or a compound with a level word, is the name's own."""
    got = dict((s, a) for a, s in assignees(ENDS))
    assert got["II.5"] == "Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi"
    # 'Hợp tác xã' is a cooperative, not a commune: its name goes on after 'xã'
    assert got["II.6"] == "Công ty Điện lực Quảng Trị, Hợp tác xã dịch vụ điện Quảng Phú"


# 50f694478a35aefd.md line 57 and the 'Giao Phó Chủ tịch ...' of a provincial plan, cut short.
DEPUTIES = """III. TỔ CHỨC THỰC HIỆN

1. Giao Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách lĩnh vực văn hóa - xã hội chỉ đạo Sở Y tế triển khai Kế hoạch.

2. Phó Thủ tướng Chính phủ Trần Hồng Hà trước ngày 15 tháng 11 năm 2025 trực tiếp chỉ đạo.

3. Giao Phó Giám đốc Sở Tài chính theo dõi, đôn đốc thực hiện.
"""


def test_a_deputy_is_assigned_with_his_title() -> None:
    got = assignees(DEPUTIES)
    assert ("Phó Chủ tịch Ủy ban nhân dân tỉnh", "III.1") in got
    assert ("Phó Thủ tướng Chính phủ Trần Hồng Hà", "III.2") in got
    assert ("Phó Giám đốc Sở Tài chính", "III.3") in got
