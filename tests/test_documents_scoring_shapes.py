"""Scoring forms in the shapes real files take, read into criteria through the corpus's own path.

Each snippet is a scoring form written the way text copied from a legal website or a Word export
comes out: a markdown table, the cells one per line without any separator, a row on one line with
its points at the end ('a) ... 2,50 1,25'), or a regulation listing its criteria as items
('1. ... (10 điểm).'). Every test states a fact of the form itself (codes, maxima, points given,
the line of each row, what is a total and what is a group) and checks the parser reads exactly that.
"""

from __future__ import annotations

from decimal import Decimal

from assistant.documents import parse_text
from assistant.model import Document
from assistant.scoring import find_by_code, score_by_appendix

HEAD = """**ỦY BAN NHÂN DÂN**
TỈNH BẮC NINH
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Số: 12/KH-UBND
*Bắc Ninh, ngày 1 tháng 2 năm 2025*
**KẾ HOẠCH**
Đánh giá công tác cải cách hành chính năm 2025
"""


def line_of(text: str, needle: str, after: int = 0) -> int:
    for n, line in enumerate(text.split("\n"), start=1):
        if n > after and line.strip() == needle:
            return n
    raise AssertionError(f"{needle!r} is not a line of the snippet")


def rows(doc: Document) -> list[tuple[str, Decimal, Decimal | None]]:
    return [(c.code, c.max_points, c.awarded_points) for c in doc.criteria]


D = Decimal

# --- cells one per line, no separator: code / title / points on lines of their own ---------------
CELLS_PER_LINE = (
    HEAD
    + """**PHỤ LỤC II**
**BẢNG CHẤM ĐIỂM**
STT
Nội dung tiêu chí
Điểm tối đa
Điểm tự chấm
I
Công tác lãnh đạo, chỉ đạo
10
8
1
Ban hành kế hoạch
4
4
2
Tổ chức thực hiện kế
hoạch đúng tiến độ
6
4
II
Kết quả thực hiện
5
1
Tỷ lệ hồ sơ giải quyết đúng hạn
5
3
Tổng cộng
15
11
Ghi chú: điểm chấm theo kết quả năm.
"""
)


def test_cells_one_per_line_become_criteria_under_their_groups() -> None:
    doc = parse_text("kh-12", CELLS_PER_LINE)
    assert rows(doc) == [("I.1", D(4), D(4)), ("I.2", D(6), D(4)), ("II.1", D(5), D(3))]
    assert {c.appendix for c in doc.criteria} == {"Phụ lục II"}
    assert [c.title for c in doc.criteria][1] == "Tổ chức thực hiện kế hoạch đúng tiến độ"  # over two lines
    first = line_of(CELLS_PER_LINE, "I")
    assert [c.line for c in doc.criteria] == [
        line_of(CELLS_PER_LINE, "1", after=first),
        line_of(CELLS_PER_LINE, "2", after=first),
        line_of(CELLS_PER_LINE, "1", after=line_of(CELLS_PER_LINE, "II")),
    ]


def test_group_rows_and_the_totals_row_are_no_criteria() -> None:
    doc = parse_text("kh-12", CELLS_PER_LINE)
    codes = [c.code for c in doc.criteria]
    assert "I" not in codes and "II" not in codes
    assert not any("tong" in c.title.lower() or "Tổng" in c.title for c in doc.criteria)
    (total,) = doc.totals
    assert (total.max_points, total.awarded_points) == (D(15), D(11))
    assert total.line == line_of(CELLS_PER_LINE, "Tổng cộng")
    # the document states each group's maximum: it is the sum of the group's criteria
    table = next(t for t in doc.tables if t.appendix == "Phụ lục II")
    stated = {r[0]: D(r[2]) for r in table.rows if r[0] in {"I", "II"}}
    for group, value in stated.items():
        assert sum((c.max_points for c in find_by_code(doc.criteria, group)), D(0)) == value
    line = score_by_appendix(doc.criteria, doc.totals)[0]
    assert line.max_points.value == D(15) == line.stated_max_points.value  # type: ignore[union-attr]
    assert line.awarded_points.value == D(11)


# --- a row on one line, its points at the end ('a) ... 2,50 1,25') --------------------------------
ONE_LINE = (
    HEAD
    + """**PHỤ LỤC I**
STT Tiêu chí Điểm tối đa Điểm tự chấm
1. Phòng ngừa tham nhũng
a) Kết quả xử lý kỷ luật đối với tổ chức. 2,50 1,25
b) Hình thức cảnh cáo về xử lý trách nhiệm
của người đứng đầu. 2,50 1,25
Tổng cộng 5,00 2,50
"""
)


def test_point_rows_with_the_points_at_the_end_of_the_line() -> None:
    doc = parse_text("kh-12", ONE_LINE)
    assert rows(doc) == [("1.a", D("2.50"), D("1.25")), ("1.b", D("2.50"), D("1.25"))]
    assert doc.criteria[1].title == "Hình thức cảnh cáo về xử lý trách nhiệm của người đứng đầu."
    assert doc.criteria[0].line == line_of(ONE_LINE, "a) Kết quả xử lý kỷ luật đối với tổ chức. 2,50 1,25")
    assert doc.criteria[0].raw == "a) Kết quả xử lý kỷ luật đối với tổ chức. 2,50 1,25"  # quoted as written
    assert [(t.max_points, t.awarded_points) for t in doc.totals] == [(D("5.00"), D("2.50"))]


# --- other column names: the appraised points win over the self-assessed ones ---------------------
NAMED_COLUMNS = (
    HEAD
    + """**PHỤ LỤC III**

| STT | Nội dung đánh giá | Điểm chuẩn | Điểm tự chấm | Điểm thẩm định |
| --- | --- | --- | --- | --- |
| 1 | Công tác chỉ đạo, điều hành | 3 | 3 | 2,5 |
| 2 | Kết quả thực hiện nhiệm vụ trọng tâm | 7 | 6 |  |
| | Tổng số | 10 | 9 | 2,5 |
"""
)


def test_named_columns_maximum_and_appraised_points() -> None:
    doc = parse_text("kh-12", NAMED_COLUMNS)
    assert rows(doc) == [("1", D(3), D("2.5")), ("2", D(7), None)]  # an empty cell is no 0
    assert [(t.max_points, t.awarded_points) for t in doc.totals] == [(D(10), D("2.5"))]


GROUP_WITHOUT_POINTS = (
    HEAD
    + """**PHỤ LỤC IV**

| TT | Tiêu chí | Điểm tối đa | Điểm đánh giá |
| --- | --- | --- | --- |
| 1 | Công tác tuyên truyền |  |  |
| a) | Ban hành kế hoạch tuyên truyền | 2 | 2 |
| b) | Tổ chức hội nghị | 3 | 1,5 |
| 2 | Công tác kiểm tra | 4 | 4 |
"""
)


def test_a_group_without_stated_points_gets_none_invented() -> None:
    doc = parse_text("kh-12", GROUP_WITHOUT_POINTS)
    assert rows(doc) == [("1.a", D(2), D(2)), ("1.b", D(3), D("1.5")), ("2", D(4), D(4))]


# --- criteria a regulation lists in its text --------------------------------------------------------
LISTED = (
    HEAD
    + """**Điều 4. Tiêu chí đánh giá và thang điểm**

1. Công tác tổ chức và cụ thể
hóa các văn bản (10 điểm).

2. Công tác tham mưu, tổ chức
thực hiện (90 điểm).

3. Điểm thưởng: Tối đa (03 điểm).

4. Điểm trừ: Tối đa (03 điểm).

**Điều 5. Xếp loại**

1. Hoàn thành xuất sắc: đạt từ 95 điểm trở lên.

2. Hoàn thành tốt: đạt từ 85 điểm đến dưới 95 điểm.
"""
)


def test_criteria_listed_as_items_with_their_points() -> None:
    doc = parse_text("qd-1", LISTED)
    assert rows(doc) == [("1", D(10), None), ("2", D(90), None)]  # bonus, penalty and thresholds left out
    assert {c.appendix for c in doc.criteria} == {"Điều 4"}
    assert doc.criteria[0].title == "Công tác tổ chức và cụ thể hóa các văn bản"
    assert doc.criteria[0].line == line_of(LISTED, "1. Công tác tổ chức và cụ thể")


def test_criteria_of_two_documents_stay_apart() -> None:
    a, b = parse_text("kh-a", CELLS_PER_LINE), parse_text("kh-b", NAMED_COLUMNS)
    mixed = [*a.criteria, *b.criteria]
    assert {r.doc for r in find_by_code([r for r in mixed if r.doc == "kh-b"], "1")} == {"kh-b"}
    lines = score_by_appendix(mixed, {"kh-a": a.totals, "kh-b": b.totals})
    assert [(x.doc, x.key, x.max_points.value) for x in lines] == [
        ("kh-a", "Phụ lục II", D(15)),
        ("kh-b", "Phụ lục III", D(10)),
    ]


def test_figures_name_the_tables_own_columns() -> None:
    """A sum over a 'Điểm tối đa' / 'Điểm tự chấm' table says so, not the corpus's 'Thang điểm'."""
    doc = parse_text("kh-12", ONE_LINE)
    line = score_by_appendix(doc.criteria, doc.totals)[0]
    assert line.max_points.basis.startswith("tổng cột Điểm tối đa của 2 tiêu chí")
    assert line.awarded_points.basis.startswith("tổng cột Điểm tự chấm của 2 tiêu chí")
    mixed = [*doc.criteria, *parse_text("kh-b", NAMED_COLUMNS).criteria]
    assert score_by_appendix(mixed, {"kh-12": doc.totals, "kh-b": []})[1].max_points.basis.startswith(
        "tổng cột Điểm chuẩn"
    )


# --- a Word table (cells joined by tabs, as readers.py writes .docx rows), column names one row down
WORD_TABLE = (
    HEAD
    + "**PHỤ LỤC V**\n"
    + "BẢNG ĐIỂM CHI TIẾT\t\t\t\n"
    + "STT\tTiêu chí đánh giá\tĐiểm tối đa\tĐiểm thẩm định\n"
    + "A\tCông tác chỉ đạo\t5\t4\n"
    + "A.1\tBan hành văn bản chỉ đạo\t2\t2\n"
    + "A.2\tKiểm tra, đôn đốc\t3\t2\n"
    + "B\tKết quả thực hiện\t5\t5\n"
    + "\tTổng cộng\t10\t9\n"
)


def test_word_table_with_a_title_row_above_the_column_names() -> None:
    doc = parse_text("kh-12", WORD_TABLE)
    # A has criteria under it: a group; B has none: a criterion of its own
    assert rows(doc) == [("A.1", D(2), D(2)), ("A.2", D(3), D(2)), ("B", D(5), D(5))]
    assert [(t.max_points, t.awarded_points) for t in doc.totals] == [(D(10), D(9))]
    assert doc.criteria[0].line == line_of(WORD_TABLE, "A.1\tBan hành văn bản chỉ đạo\t2\t2")
