"""Figures of a table by the names of their row and column (assistant/cells.py, compose/cells.py):
table-driven over a written plan with a table of figures, and on a real resolution's fee table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.cells import grid, match_tables, numeric_columns, row_name
from assistant.chat import ChatService
from assistant.corpus import Corpus
from assistant.documents import parse_text

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"

PLAN = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 21/KH-UBND
Bình Minh, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Hỗ trợ kinh phí trồng rừng năm 2026

I. MỨC HỖ TRỢ

1. Mức hỗ trợ theo loại rừng

Đơn vị tính: triệu đồng/ha

| STT | Loại rừng | Vùng đồng bằng | Vùng trung du | Vùng núi cao |
|---|---|---|---|---|
| 1 | Rừng phòng hộ | 30 | 35 | 42,5 |
| 2 | Rừng sản xuất | 12 | 15 | 15 |
| 3 | Rừng đặc dụng | 40 | 45 | 50 |

II. TỔ CHỨC THỰC HIỆN

1. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn thực hiện.

Nơi nhận:
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn B
"""


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_documents([parse_text("kh-21", PLAN)])


def test_the_table_has_named_rows_and_numeric_columns(corpus: Corpus) -> None:
    table = grid(corpus.docs["kh-21"].tables[0])
    assert [row_name(table, i) for i in range(len(table.rows))] == [
        "Rừng phòng hộ",
        "Rừng sản xuất",
        "Rừng đặc dụng",
    ]
    assert [table.header[j] for j in numeric_columns(table)] == [
        "Vùng đồng bằng",
        "Vùng trung du",
        "Vùng núi cao",
    ]


CASES = [
    # a cell by its row and column, typed with or without accents
    ("Mức hỗ trợ rừng phòng hộ ở vùng núi cao là bao nhiêu?", "lookup", ["42,5"]),
    ("muc ho tro rung san xuat vung trung du la bao nhieu", "lookup", ["15"]),
    # the lowest of a row: which column, the tie whole
    ("Rừng sản xuất được hỗ trợ thấp nhất ở vùng nào?", "bottom", ["**Vùng đồng bằng** thấp nhất: **12**"]),
    (
        "Rừng sản xuất được hỗ trợ cao nhất ở vùng nào?",
        "top",
        ["**Vùng trung du, Vùng núi cao** cao nhất: **15**"],
    ),
    # the highest of a column: which row
    ("Ở vùng đồng bằng, loại rừng nào được hỗ trợ cao nhất?", "top", ["**Rừng đặc dụng** cao nhất: **40**"]),
    # two rows of one column: the difference, computed and said to be
    (
        "Rừng đặc dụng vùng núi cao được hỗ trợ cao hơn rừng phòng hộ bao nhiêu?",
        "difference",
        ["7,5", "hệ thống tính"],
    ),
]


@pytest.mark.parametrize(("question", "operation", "says"), CASES, ids=[c[0] for c in CASES])
def test_cells_answers(corpus: Corpus, question: str, operation: str, says: list[str]) -> None:
    a = ChatService(corpus, None).ask(question)
    assert a.kind == "numeric", a.answer
    assert a.data["cells"]["operation"] == operation and a.data["query"]["target"] == "cells"
    for s in says:
        assert s in a.answer, a.answer
    assert "triệu đồng/ha" in a.answer  # the table's unit, quoted
    plan_lines = PLAN.splitlines()
    for c in a.citations:
        assert c.quote.replace(" ", "") in "".join(plan_lines[c.line_start - 1 : c.line_end]).replace(" ", "")


def test_a_name_inside_a_longer_name_is_not_matched(corpus: Corpus) -> None:
    """'Rừng phòng hộ' names a row; 'vùng núi' alone is not 'Vùng núi cao' (names match whole)."""
    m = match_tables(corpus.docs.values(), "Rừng phòng hộ ở vùng núi được hỗ trợ bao nhiêu?")
    assert m and m[0].rows == [0] and m[0].cols == []


def test_a_question_about_something_else_is_not_a_table_question(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Sở Nông nghiệp và Môi trường được giao nhiệm vụ gì?")
    assert a.data["query"]["target"] != "cells"


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs is not present")
def test_a_real_fee_table() -> None:
    path = REALDOCS / "3066a06b520a2418.md"
    corpus = Corpus.from_documents([parse_text(path.stem, path.read_text(encoding="utf-8"))])
    a = ChatService(corpus, None).ask("Học phí trung học cơ sở ở nông thôn là bao nhiêu?")
    assert a.data["cells"]["values"] == [str(Decimal(95))], a.answer


SPLIT = PLAN.replace(
    """| STT | Loại rừng | Vùng đồng bằng | Vùng trung du | Vùng núi cao |
|---|---|---|---|---|
| 1 | Rừng phòng hộ | 30 | 35 | 42,5 |
| 2 | Rừng sản xuất | 12 | 15 | 15 |
| 3 | Rừng đặc dụng | 40 | 45 | 50 |""",
    """| STT | Loại rừng | Tỷ lệ chi trả (%) | Ghi chú |
|---|---|---|---|
| Ngân sách tỉnh | Ngân sách xã | |
| 1 | Rừng phòng hộ, ven biển | 80% | 20% | |
| 2 | Rừng sản xuất | 60% | 40% | |""",
)


def test_a_header_cell_spanning_sub_headers_names_their_columns() -> None:
    """'Tỷ lệ chi trả (%)' over 'Ngân sách tỉnh | Ngân sách xã': the columns are named by the sub-headers;
    a row is named by its name's part before a comma; '80%' is a figure."""
    corpus = Corpus.from_documents([parse_text("kh-22", SPLIT)])
    g = grid(corpus.docs["kh-22"].tables[0])
    assert g.header == ["STT", "Loại rừng", "Ngân sách tỉnh", "Ngân sách xã", "Ghi chú"]
    a = ChatService(corpus, None).ask("Rừng phòng hộ thì ngân sách xã chi trả bao nhiêu phần trăm?")
    assert a.data["query"]["target"] == "cells" and a.data["cells"]["values"] == ["20"], a.answer
    b = ChatService(corpus, None).ask("Loại rừng nào ngân sách tỉnh chi trả thấp nhất?")
    assert b.data["cells"]["winners"] == ["Rừng sản xuất"], b.answer


def test_a_follow_up_names_another_row_or_column(corpus: Corpus) -> None:
    from assistant.chat import Turn

    svc = ChatService(corpus, None)
    first = "Mức hỗ trợ rừng phòng hộ ở vùng núi cao là bao nhiêu?"
    a = svc.ask("Còn rừng đặc dụng thì sao?", [Turn("user", first), Turn("assistant", svc.ask(first).answer)])
    assert a.data["cells"]["values"] == ["50"], a.answer
    b = svc.ask("Còn vùng trung du?", [Turn("user", first)])
    assert b.data["cells"]["values"] == ["35"], b.answer


FEES = """HỘI ĐỒNG NHÂN DÂN
TỈNH BÌNH MINH
Số: 58/2025/NQ-HĐND
NGHỊ QUYẾT
Quy định mức học phí các trường chất lượng cao

Điều 1. Mức học phí năm học 2025-2026 theo Phụ lục kèm theo.

PHỤ LỤC
MỨC HỌC PHÍ

Đơn vị tính: đồng/học sinh/tháng

| STT | Tên đơn vị | Mức học phí năm học 2025-2026 |
|---|---|---|
| 1 | Trường Tiểu học Sơn Lâm | |
| 1.1 | Khối 1 | 4.650.000 |
| 1.2 | Khối 2 | 4.650.000 |
| 2 | Trường Trung học cơ sở Sơn Lâm | |
| 2.1 | Khối 6 | 4.020.000 |
| 2.2 | Khối 7 | 4.020.000 |
| 3 | Trường Trung học cơ sở Bình Minh | |
| 3.1 | Khối 6 | 3.300.000 |
"""


@pytest.fixture(scope="module")
def fees() -> ChatService:
    return ChatService(Corpus.from_documents([parse_text("nq-58", FEES)]), None)


@pytest.mark.parametrize(
    ("question", "rows"),
    [
        # an item named under its group: that group's item, not every school's 'Khối 6'
        ("Học phí khối 6 Trường THCS Bình Minh là bao nhiêu?", ["Trường Trung học cơ sở Bình Minh – Khối 6"]),
        # a group named alone stands for its items
        (
            "Học phí Trường Tiểu học Sơn Lâm là bao nhiêu?",
            ["Trường Tiểu học Sơn Lâm – Khối 1", "Trường Tiểu học Sơn Lâm – Khối 2"],
        ),
    ],
)
def test_rows_are_read_through_their_groups(fees: ChatService, question: str, rows: list[str]) -> None:
    a = fees.ask(question)
    assert a.data["route"]["intent"] == "cells"
    for name in rows:
        assert name in a.answer
    assert a.answer.count(" – Khối") == len(rows)


def test_a_follow_up_names_another_group(fees: ChatService) -> None:
    from assistant.chat import history_from_dicts

    first = "Học phí Trường Tiểu học Sơn Lâm là bao nhiêu?"
    a = fees.ask("Còn Trường THCS Sơn Lâm thì sao?", history_from_dicts([{"role": "user", "content": first}]))
    assert "Trường Trung học cơ sở Sơn Lâm – Khối 6: **4.020.000**" in a.answer
    assert "Bình Minh" not in a.answer


def test_a_figure_the_table_does_not_hold_is_not_read_off_its_only_column(fees: ChatService) -> None:
    # the table holds fees, not reductions: its one column answers no 'được giảm … bao nhiêu'
    a = fees.ask("Học sinh khối 6 Trường THCS Bình Minh thuộc hộ nghèo được giảm học phí bao nhiêu?")
    assert a.data["route"]["intent"] != "cells"


def test_the_highest_of_a_long_column_lists_the_tie_and_the_next_ones_only() -> None:
    rows = "\n".join(
        f"| {i} | Trường {i} | {4_000_000 + i * 10_000:,} |".replace(",", ".") for i in range(1, 31)
    )
    text = (
        FEES.split("| STT |")[0]
        + "| STT | Tên đơn vị | Mức học phí năm học 2025-2026 |\n|---|---|---|\n"
        + rows
        + "\n"
    )
    chat = ChatService(Corpus.from_documents([parse_text("nq-59", text)]), None)
    a = chat.ask("Mức học phí cao nhất là bao nhiêu và thuộc trường nào?")
    assert "**Trường 30** cao nhất: **4.300.000**" in a.answer
    assert a.answer.count("\n- **") == 12 and "… và 18 ô khác, thấp hơn" in a.answer
