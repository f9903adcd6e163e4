"""Arithmetic over figures stated in sentences (assistant/prose_figures.py): a rate times the quantity
a question gives, the difference of the two figures it compares; exact, and only where the text
states both the figure and what it is of."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.prose_figures import difference, figures, rate_times_quantity

RATES = [
    "a) Rừng đặc dụng: bình quân 1.446.000 đồng/ha/năm;",
    "b) Rừng phòng hộ: bình quân 1.886.000 đồng/ha/năm.",
]
PEOPLE = ["- Trưởng bộ môn: 1.000.000 đồng/người/tháng;", "- Phó Trưởng bộ môn: 700.000 đồng/người/tháng."]


def test_a_figure_is_read_with_its_unit_and_what_it_is_per() -> None:
    (fig,) = figures("Hỗ trợ hằng tháng: 4.960.000 đồng/người/tháng.")
    assert (fig.value, fig.unit, fig.per, fig.written) == (
        Decimal("4960000"),
        "dong",
        ("nguoi", "thang"),
        "4.960.000 đồng/người/tháng",
    )
    assert [f.written for f in figures("giải ngân đạt 76,3%, cao hơn bình quân cả nước (64%)")] == [
        "76,3%",
        "64%",
    ]


@pytest.mark.parametrize(
    ("question", "line", "value", "text"),
    [
        (
            "Một hộ nhận khoán 10 ha rừng thì được bao nhiêu tiền mỗi năm?",
            "Mức khoán: 1.386.000 đồng/ha/năm.",
            "13860000",
            "1.386.000 đồng/ha/năm × 10 ha = **13.860.000 đồng/năm**",
        ),
        (
            "Trong 12 tháng, mỗi cán bộ được hỗ trợ tổng cộng bao nhiêu tiền?",
            "Hỗ trợ: 4.960.000 đồng/người/tháng.",
            "59520000",
            "4.960.000 đồng/người/tháng × 12 tháng = **59.520.000 đồng/người**",
        ),
    ],
)
def test_a_rate_times_the_quantity_asked(question: str, line: str, value: str, text: str) -> None:
    found = rate_times_quantity(question, [line])
    assert found is not None and found.value == Decimal(value) and found.text == text


def test_no_product_without_a_quantity_of_what_the_rate_is_per() -> None:
    # '80 tuổi' is no quantity of what 'đồng/người/tháng' is per
    assert (
        rate_times_quantity(
            "Người từ 80 tuổi được trợ cấp bao nhiêu?", ["Trợ cấp 1.300.000 đồng/người/tháng."]
        )
        is None
    )


@pytest.mark.parametrize(
    ("question", "lines", "value", "verb"),
    [
        ("Kinh phí rừng phòng hộ cao hơn rừng đặc dụng bao nhiêu đồng/ha/năm?", RATES, "440000", "cao hơn"),
        (
            "Mức khoán rừng đặc dụng thấp hơn rừng phòng hộ bao nhiêu tiền một ha?",
            RATES,
            "440000",
            "thấp hơn",
        ),
        (
            "Truong bo mon duoc ho tro nhieu hon Pho truong bo mon bao nhieu tien?",
            PEOPLE,
            "300000",
            "cao hơn",
        ),
    ],
)
def test_the_difference_of_the_two_figures_compared(
    question: str, lines: list[str], value: str, verb: str
) -> None:
    found = difference(question, lines)
    assert found is not None and found.value == Decimal(value)
    assert f"{verb} **" in found.text and "ngược" not in found.text


def test_a_comparison_the_figures_contradict_is_said_so() -> None:
    found = difference("Rừng đặc dụng cao hơn rừng phòng hộ bao nhiêu?", RATES)
    assert found is not None and "thấp hơn **440.000 đồng/ha/năm**" in found.text
    assert "ngược với điều câu hỏi giả định" in found.text


def test_no_difference_when_a_side_has_no_figure() -> None:
    assert difference("Rừng sản xuất cao hơn rừng phòng hộ bao nhiêu?", RATES[1:]) is None


def test_of_several_figures_of_a_side_the_one_next_to_the_other_is_taken() -> None:
    line = (
        "tổng mức bán lẻ tăng 15,1% (bình quân cả nước tăng 9,3%); xuất khẩu tăng 18,3% (bình quân cả"
        " nước tăng 16,2%). Giải ngân đầu tư công đạt tỷ lệ 66,7% kế hoạch (bình quân cả nước là 54,4%)."
    )
    found = difference(
        "Tỷ lệ giải ngân đầu tư công cao hơn bình quân cả nước bao nhiêu điểm phần trăm?", [line]
    )
    assert found is not None and found.text == "66,7% so với 54,4%: cao hơn **12,3 điểm phần trăm**"
