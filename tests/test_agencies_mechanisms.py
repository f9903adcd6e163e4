"""Table-driven tests of how an item names its bodies, on small synthetic items in the shapes real
plans take (issue 11): a division of tasks body by body ('+ Sở Xây dựng: hướng dẫn ...'), a name
followed by what the body is ('Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo'), and the look-alikes
that name no assignee."""

from __future__ import annotations

import re

import pytest

from assistant.agencies import extract_assignments
from assistant.documents import parse_text
from assistant.text import fold

HEADER = """ỦY BAN NHÂN DÂN
TỈNH THỬ NGHIỆM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/KH-UBND
Thử Nghiệm, ngày 05 tháng 11 năm 2025

KẾ HOẠCH
THỬ NGHIỆM CÁCH ĐỌC

II. NHIỆM VỤ CỤ THỂ
"""
FOOTER = """
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def key(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text or "")).split())


def assigned(body: str) -> list[tuple[str, str]]:
    doc = parse_text("t", HEADER + body + FOOTER)
    return [(key(a.agency), a.section) for a in extract_assignments(doc)]


DIVISION = [
    pytest.param(
        "1. Các cơ quan tham mưu quản lý ngành\n- Phối hợp hướng dẫn kiểm kê. Trong đó:\n"
        "+ Sở Xây dựng: hướng dẫn kiểm kê tài sản hạ tầng giao thông.\n"
        "+ Sở Công Thương: hướng dẫn kiểm kê tài sản hạ tầng chợ.\n",
        [("so xay dung", "II.1"), ("so cong thuong", "II.1")],
        id="plus-bullets-name-then-task",
    ),
    pytest.param(
        "1. Phân công thực hiện\nSở Y tế: chủ trì, phối hợp với Sở Tài chính triển khai.\n",
        [("so y te", "II.1")],
        id="a-paragraph-name-then-task",
    ),
    pytest.param(
        "1. Số lượng cán bộ\n- Sở Y tế: 05 người.\n- Sở Tư pháp: 03 người.\n",
        [],
        id="a-list-of-figures-is-no-task",
    ),
    pytest.param(
        "1. Thành phần Ban Chỉ đạo\n- Sở Y tế: là thành viên.\n- Sở Tư pháp: được mời dự họp.\n",
        [],
        id="what-a-body-is-is-no-task",
    ),
]


@pytest.mark.parametrize(("body", "want"), DIVISION)
def test_a_name_then_a_colon_then_a_task(body: str, want: list[tuple[str, str]]) -> None:
    assert assigned(body) == want


APPOSITION = [
    pytest.param(
        "1. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo\n- Tổng hợp kết quả kiểm kê.\n",
        [("so tai chinh", "II.1")],
        id="what-the-body-is-after-a-dash",
    ),
    pytest.param(
        "1. Sở Nội vụ - đơn vị chủ trì\n- Tổng hợp kết quả.\n", [("so noi vu", "II.1")], id="lowercase-kind"
    ),
    pytest.param(
        "1. Tổng Công ty Phân bón và Hóa chất Dầu khí - CTCP\n- Báo cáo kết quả.\n",
        [("tong cong ty phan bon va hoa chat dau khi ctcp", "II.1")],
        id="a-dash-inside-a-name-stays",
    ),
    pytest.param(
        "1. Trung tâm Công báo - Tin học tỉnh\n- Đăng tải văn bản.\n",
        [("trung tam cong bao tin hoc tinh", "II.1")],
        id="a-dash-between-two-names-of-one-body",
    ),
]


@pytest.mark.parametrize(("body", "want"), APPOSITION)
def test_a_dash_ends_the_name_only_before_a_kind_of_body(body: str, want: list[tuple[str, str]]) -> None:
    assert assigned(body) == want


LEADS = [
    pytest.param(
        "1. Trình tự đánh giá\na) Hằng năm, các cơ quan, đơn vị cấp tỉnh và Ủy ban nhân dân xã, phường xây dựng"
        " báo cáo, tự chấm điểm.\n",
        [("cac co quan don vi cap tinh", "II.1.a"), ("uy ban nhan dan xa phuong", "II.1.a")],
        id="a-frequency",
    ),
    pytest.param(
        "1. Trình tự đánh giá\na) Trong quý I của năm liền kề, Sở Nội vụ chủ trì rà soát kết quả chấm điểm.\n",
        [("so noi vu", "II.1.a")],
        id="a-time-with-a-numeral",
    ),
    pytest.param(
        "1. Thời hạn\nChậm nhất là 02 ngày làm việc, Hội đồng tuyển dụng phải thông báo công khai kết quả.\n",
        [("hoi dong tuyen dung", "II.1")],
        id="a-time-limit",
    ),
    pytest.param(
        "1. Trình tự\nTrong thời hạn 15 ngày, Ủy ban nhân dân tỉnh xem xét ban hành quyết định công nhận.\n",
        [("uy ban nhan dan tinh", "II.1")],
        id="xem-xét-ends-the-name",
    ),
    pytest.param(
        "1. Trình tự\nTrường hợp Bộ trưởng Bộ Y tế, Bộ trưởng Bộ Giáo dục chưa quy định, các đơn vị áp dụng"
        " quy định chung.\n",
        [],
        id="a-condition-has-its-own-subject",
    ),
    pytest.param(
        "1. Trình tự\nTrong trường hợp cần thiết theo đề nghị của Sở Tài chính, Sở Y tế báo cáo bổ sung.\n",
        [],
        id="a-lead-that-names-a-body",
    ),
]


@pytest.mark.parametrize(("body", "want"), LEADS)
def test_a_time_put_before_the_subject(body: str, want: list[tuple[str, str]]) -> None:
    assert assigned(body) == want


DUTY_HEADINGS = [
    pytest.param(
        "1. Trách nhiệm của Sở Nội vụ\na) Chủ trì triển khai Quy định này.\n",
        [("so noi vu", "II.1")],
        id="của",
    ),
    pytest.param(
        "1. Trách nhiệm các cơ quan, đơn vị cấp tỉnh và Ủy ban nhân dân xã, phường\na) Tổ chức triển khai.\n",
        [("cac co quan don vi cap tinh", "II.1"), ("uy ban nhan dan xa phuong", "II.1")],
        id="của-left-out",
    ),
    pytest.param("1. Trách nhiệm thực hiện\na) Tổ chức triển khai.\n", [], id="no-body-named"),
]


@pytest.mark.parametrize(("body", "want"), DUTY_HEADINGS)
def test_a_duty_heading_names_its_body(body: str, want: list[tuple[str, str]]) -> None:
    assert assigned(body) == want


POINT_SENTENCES = [
    pytest.param(
        "1. Trình tự\na) Sở Tài chính tổng hợp hồ sơ.\nTrong thời hạn 05 ngày, Sở Tư pháp thẩm định hồ sơ.\n",
        [("so tai chinh", "II.1.a"), ("so tu phap", "II.1.a")],
        id="a-second-sentence-of-a-point-addresses-another-body",
    ),
    pytest.param(
        "1. Nhiệm vụ\na) Ủy ban nhân dân các xã:\n- Chủ động triển khai các giải pháp.\n",
        [("uy ban nhan dan cac xa", "II.1.a")],
        id="a-point-naming-its-body-keeps-its-bullets",
    ),
]


@pytest.mark.parametrize(("body", "want"), POINT_SENTENCES)
def test_the_sentences_of_a_point(body: str, want: list[tuple[str, str]]) -> None:
    assert assigned(body) == want
