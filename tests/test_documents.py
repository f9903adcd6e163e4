"""The structure parser: golden facts of both real documents, and small invented snippets of every
construct real files contain (numbering styles, markdown marks, footnotes, tables, laws, drafts).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.config import PROJECT_ROOT
from assistant.documents import appendix_label, clean_line, load_corpus, parse_date, parse_text, roman_to_int
from assistant.model import Document

CV = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {d.doc_id: d for d in load_corpus(PROJECT_ROOT / "corpus")}


def labels(doc: Document) -> list[str]:
    return [s.label for s in doc.walk()]


# --- golden: the two real documents ---------------------------------------------------------------


def test_cv410_section_labels(docs: dict[str, Document]) -> None:
    assert labels(docs[CV]) == [
        "Tiêu đề", "Kính gửi", "Căn cứ",
        "I", "I.1", "I.2", "I.3",
        "II", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "II.7", "II.8", "II.9", "II.10", "II.11",
        "Nơi nhận", "Chữ ký", "Phụ lục I", "Phụ lục II", "Phụ lục III",
    ]  # fmt: skip


def test_kh_section_labels(docs: dict[str, Document]) -> None:
    assert labels(docs[KH]) == [
        "Tiêu đề", "Căn cứ",
        "I", "I.1", "I.2", "I.2.1", "I.2.2", "I.3",
        "II", "II.1", "II.2", "II.3", "II.4", "II.5",
        "III", "III.1", "III.1.1", "III.1.2", "III.2", "III.2.1", "III.2.2", "III.2.3", "III.2.4", "III.2.5",
        "Nơi nhận", "Chữ ký",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("doc", "label", "title", "start", "end"),
    [
        (CV, "II.10", "Sở Giáo dục và Đào tạo", 107, 109),
        (CV, "II.2", "Thanh tra thành phố", 65, 69),
        (CV, "II.11", "Đề nghị Viện Kiểm sát nhân dân thành phố, Tòa án nhân dân thành phố, Công an thành phố, "
         "Cục thi hành án dân sự thành phố và các cơ quan liên quan", 111, 113),
        (CV, "I.3", "Các nhiệm vụ cần tập trung thực hiện trong giai đoạn tới", 35, 55),
        (CV, "Phụ lục II", "CÁC TIÊU CHÍ ĐÁNH GIÁ CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG BỊ TRỪ 01 ĐIỂM", 168, 187),
        (CV, "Chữ ký", "Chữ ký", 129, 135),
        (KH, "I.2.1", "Mục tiêu chung", 27, 29),
        (KH, "I.3", "Yêu cầu", 43, 47),
        (KH, "III.1.2", "Giai đoạn thứ hai (từ năm 2026 đến năm 2030)", 123, 127),
        (KH, "III.2.2", "Giao Văn phòng HĐND và UBND đặc khu", 133, 135),
    ],
)  # fmt: skip
def test_section_titles_and_spans(
    docs: dict[str, Document], doc: str, label: str, title: str, start: int, end: int
) -> None:
    sec = docs[doc].section(label)
    assert sec is not None
    assert (sec.title, sec.line_start, sec.line_end) == (title, start, end)


def test_cv410_metadata(docs: dict[str, Document]) -> None:
    d = docs[CV]
    assert d.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    assert d.doc_type == "Công văn"
    assert d.number_raw == "4/0 /UBND-NCKTG"  # as printed: illegible
    assert (d.number, d.number_source) == ("410/UBND-NCKTGS", "Phụ lục")  # the captions agree
    assert (d.place, str(d.date)) == ("Hải Phòng", "03/03/2025")
    assert d.subject.startswith(
        "khắc phục tồn tại, hạn chế trong đánh giá công tác phòng, chống tham nhũng năm 2023"
    )
    assert d.recipients == [
        "Các Sở, ngành, các đơn vị thuộc thành phố",
        "Ủy ban nhân dân các quận, huyện, thành phố Thủy Nguyên",
    ]
    assert [(r.number, str(r.date), r.issuer) for r in d.bases] == [
        ("2666/TTCP-C.IV", "18/12/2024", "Thanh tra Chính phủ"),
        ("10369-CV/VPTU", "20/12/2024", "Văn phòng Thành ủy"),
        ("241/TTTP-NV4", "24/02/2025", "Thanh tra thành phố"),
    ]
    assert d.signer is not None
    assert (d.signer.name, d.signer.title, d.signer.authority) == (
        "Lê Anh Quân",
        "PHÓ CHỦ TỊCH",
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
    )
    assert d.cc[0] == "Như trên" and d.cc[-1] == "Lưu: VT, NCKTGGS2"
    assert [(c.appendix, c.number, str(c.date)) for c in d.captions] == [
        ("Phụ lục I", "410/UBND-NCKTGS", "03/03/2025"),
        ("Phụ lục II", "410/UBND-NCKTGS", "03/01/2025"),
        ("Phụ lục III", "410/UBND-NCKTGS", "03/03/2025"),
    ]


def test_kh_draft_metadata(docs: dict[str, Document]) -> None:
    d = docs[KH]
    assert d.number == "" and d.symbol == "KH-UBND"  # 'Số: /KH-UBND': a draft, no number invented
    assert d.doc_type == "Kế hoạch"
    assert d.date is not None and (d.date.day, d.date.month, d.date.year) == (None, 8, 2025)
    assert not d.date.complete
    assert d.subject.startswith("Triển khai thực hiện Nghị quyết số 168/NQ-CP ngày 11/10/2023 của Chính phủ")
    assert [r.number for r in d.refs] == ["168/NQ-CP"]
    assert [(r.kind, r.number, r.issuer) for r in d.bases] == [
        ("Kế hoạch", "301/KH-UBND", "Ủy ban nhân dân thành phố Hải Phòng"),
        ("Nghị quyết", "168/NQ-CP", "Chính phủ"),
        ("Công văn", "1353/TTTP-NV6", ""),  # the text names no issuer: none invented
    ]
    assert d.issuer == "Ủy ban nhân dân đặc khu Cát Hải"
    assert d.signer is not None and (d.signer.name, d.signer.title) == ("Phan Viết Điện", "CHỦ TỊCH")


def test_criteria_rows_are_exact_decimals(docs: dict[str, Document]) -> None:
    rows = {r.code: r for r in docs[CV].criteria}
    assert len(rows) == 49
    d22 = rows["D.2.2"]
    assert (d22.max_points, d22.awarded_points, d22.deducted_points) == (
        Decimal("2.50"),
        Decimal("0.01"),
        Decimal("2.49"),
    )
    assert (d22.appendix, d22.line) == ("Phụ lục III", 210)
    assert rows["C.2.1.2"].max_points == Decimal("2.5") and rows["C.2.1.2"].deducted_points is None
    assert [t.line for t in docs[CV].totals] == [166, 187, 211]
    assert docs[CV].totals[1].deducted_points == Decimal("5.42") and docs[CV].totals[1].awarded_points is None


# --- snippets: one construct each ------------------------------------------------------------------

HEADER = "ỦY BAN NHÂN DÂN\nHUYỆN A\nSố: 12/QĐ-UBND\nHuyện A, ngày 5 tháng 1 năm 2024\n"


def test_roman_and_arabic_numbering_with_markdown_marks() -> None:
    d = parse_text(
        "x",
        HEADER
        + "\n#### I. MỤC ĐÍCH\n\n##### **1.** Mục đích chung\n\nNội dung.\n\n###### 1.1. Ý nhỏ:\n\nChi tiết.\n\n"
        "## **II. TỔ CHỨC**\n\n***1. Phòng Nội vụ***\n\nLàm việc.\n",
    )
    assert labels(d)[1:] == ["I", "I.1", "I.1.1", "II", "II.1"]
    assert d.section("I.1.1").title == "Ý nhỏ"  # type: ignore[union-attr]
    assert d.section("II.1").title == "Phòng Nội vụ"  # type: ignore[union-attr]


def test_bullets_footnotes_stray_marks_and_broken_paragraphs() -> None:
    d = parse_text(
        "x",
        HEADER
        + "\nI. Nhiệm vụ\n\n1. Sở Tư pháp\n\n- Tuyên truyền pháp luật cho người\n\ndân trên địa bàn.⁴⁷\n\n- Báo cáo kết quả. ✓\n",
    )
    sec = d.section("I.1")
    assert sec is not None
    assert sec.text == "- Tuyên truyền pháp luật cho người dân trên địa bàn.\n- Báo cáo kết quả."


def test_numbers_that_do_not_continue_the_numbering_are_text() -> None:
    d = parse_text(
        "x", HEADER + "\nI. Nội dung\n\n1. Mục một\n\nNăm\n\n2023. Một năm khó khăn.\n\n2. Mục hai\n\nHết.\n"
    )
    assert labels(d)[1:] == ["I", "I.1", "I.2"]


def test_tab_separated_scoring_table() -> None:
    d = parse_text(
        "x",
        HEADER
        + "\nI. Nội dung\n\n1. Theo Phụ lục số 01.\n\nPhụ lục I\nBẢNG ĐIỂM\n*(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2024)*\n\n"
        "STT\tNỘI DUNG TIÊU CHÍ ĐÁNH GIÁ\tThang điểm\tĐiểm thẩm định\tĐiểm bị trừ\n"
        "1\tA.1. Ban hành kế hoạch\t1,50\t1,25\t0,25\n2\tA.2.1. Báo cáo\t2\t2\t0\n\tTổng điểm\t3,50\t3,25\t0,25\n",
    )
    assert [(r.code, r.max_points, r.awarded_points, r.deducted_points) for r in d.criteria] == [
        ("A.1", Decimal("1.50"), Decimal("1.25"), Decimal("0.25")),
        ("A.2.1", Decimal("2"), Decimal("2"), Decimal("0")),
    ]
    assert d.totals[0].max_points == Decimal("3.50")
    assert d.captions[0].number == "12/QĐ-UBND" and str(d.captions[0].date) == "05/01/2024"
    assert d.section("Phụ lục I") is not None


def test_markdown_pipe_table() -> None:
    d = parse_text(
        "x",
        HEADER
        + "\nPhụ lục II\n\n| STT | Nội dung tiêu chí | Thang điểm | Điểm thẩm định |\n|---|---|---|---|\n| 1 | B.1. Tiêu chí | 3 | 2,5 |\n",
    )
    assert [(r.appendix, r.code, r.deduction) for r in d.criteria] == [("Phụ lục II", "B.1", Decimal("0.5"))]


@pytest.mark.parametrize(
    ("ref", "label"),
    [("số 01", "Phụ lục I"), ("03", "Phụ lục III"), ("IV", "Phụ lục IV"), ("2", "Phụ lục II")],
)
def test_appendix_references(ref: str, label: str) -> None:
    assert appendix_label(ref) == label


def test_unnumbered_draft_and_partial_date() -> None:
    d = parse_text(
        "x",
        "Số: /KH-UBND\n\nXã B, ngày    tháng 8 năm 2025\n\nKẾ HOẠCH\n\nTổ chức hội nghị\n\nI. Mục đích\n\nNội dung.\n",
    )
    assert d.number == "" and d.symbol == "KH-UBND" and d.doc_type == "Kế hoạch"
    assert d.date is not None and (d.date.day, d.date.month, d.date.year) == (None, 8, 2025)
    assert d.subject == "Tổ chức hội nghị"


def test_signature_block_and_cc() -> None:
    d = parse_text(
        "x",
        HEADER
        + "\nI. Nội dung\n\nLàm việc./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn An\n",
    )
    assert d.cc == ["Như trên", "Lưu: VT"]
    assert d.signer is not None
    assert (d.signer.name, d.signer.title, d.signer.authority) == (
        "Nguyễn Văn An",
        "PHÓ CHỦ TỊCH",
        ["KT. CHỦ TỊCH"],
    )


def test_law_structure() -> None:
    d = parse_text(
        "luat",
        "LUẬT\nPHÒNG, CHỐNG MA TÚY\n\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n\nMục 1\nPHẠM VI\n\nĐiều 1. Phạm vi điều chỉnh\n\nLuật này quy định.\n\n"
        "Điều 2. Giải thích từ ngữ\n\n1. Chất ma túy là chất gây nghiện.\n\n2. Tiền chất gồm:\n\na) Loại một;\n\nb) Loại hai.\n",
    )
    assert d.doc_type == "Luật"
    assert labels(d)[1:] == [
        "Chương I",
        "Chương I.Mục 1",
        "Điều 1",
        "Điều 2",
        "Điều 2.1",
        "Điều 2.2",
        "Điều 2.2.a",
        "Điều 2.2.b",
    ]
    assert d.section("Chương I").title == "NHỮNG QUY ĐỊNH CHUNG"  # type: ignore[union-attr]
    assert d.section("Điều 2.2.b").text == "Loại hai."  # type: ignore[union-attr]


def test_closing_formula_is_not_part_of_the_last_item() -> None:
    d = parse_text(
        "x",
        HEADER
        + "\nI. Nội dung\n\n1. Sở Nội vụ\n\nLàm việc.\n\nỦy ban nhân dân huyện yêu cầu thực hiện./.\n\nNơi nhận:\n- Lưu: VT.\n",
    )
    assert d.section("I.1").line_end == 10  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("#### **1. Quan điểm**", "1. Quan điểm"),
        ("### ***1.1. Giai đoạn thứ nhất:***", "1.1. Giai đoạn thứ nhất:"),
        ("bài trừ tệ nạn cho đối tượng này.¹⁰", "bài trừ tệ nạn cho đối tượng này."),
        ("- Lưu: VT, NCKTGGS2. ✓", "- Lưu: VT, NCKTGGS2."),
        ("**TM. ỦY BAN NHÂN DÂN  ", "TM. ỦY BAN NHÂN DÂN"),
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hải Phòng, ngày 03 tháng 3 năm 2025", (3, 3, 2025)),
        ("Cát Hải, ngày tháng 8 năm 2025", (None, 8, 2025)),
        ("ngày 18/12/2024", (18, 12, 2024)),
    ],
)
def test_dates(text: str, expected: tuple[int | None, int | None, int | None]) -> None:
    d = parse_date(text)
    assert d is not None and (d.day, d.month, d.year) == expected


def test_roman_numerals() -> None:
    assert [roman_to_int(x) for x in ("I", "IV", "IX", "XII", "IIII", "VX", "A")] == [
        1,
        4,
        9,
        12,
        None,
        None,
        None,
    ]
