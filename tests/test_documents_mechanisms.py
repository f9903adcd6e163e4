"""Table-driven tests of the reading mechanisms behind issue 11's layout classes, on small synthetic
texts in the shapes real files take (the real snippets are in test_documents_reallayouts.py).

Each table row is one layout; the texts are built from a short header and a body so that only the
mechanism under test differs between rows.
"""

from __future__ import annotations

import re

import pytest

from assistant.agencies import extract_assignments
from assistant.documents import parse_text
from assistant.model import Document, Section
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

"""
SIGNATURE = """
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def key(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text or "")).split())


def doc_of(body: str) -> Document:
    return parse_text("t", HEADER + body + SIGNATURE)


def line_of(doc: Document, needle: str) -> int:
    for n, line in enumerate(doc.lines, start=1):
        if line.strip() == needle:
            return n
    raise AssertionError(f"{needle!r} is not a line")


def section(doc: Document, label: str) -> Section:
    s = doc.section(label)
    assert s is not None, f"no section {label!r}; labels: {[x.label for x in doc.walk()]}"
    return s


def body_labels(doc: Document) -> list[str]:
    return [s.label for s in doc.walk() if s.kind in {"part", "item", "point"}]


# --- points 'a)', 'b)' of a directive's items are sections, in the alphabet's order -------------------

POINTS = [
    pytest.param(
        "I. NHIỆM VỤ\n1. Mục tiêu\na) Thứ nhất.\nb) Thứ hai.\nc) Thứ ba.\n2. Yêu cầu\na) Một.\n",
        ["I", "I.1", "I.1.a", "I.1.b", "I.1.c", "I.2", "I.2.a"],
        id="points-under-items-restart-per-item",
    ),
    pytest.param(
        "I. NHIỆM VỤ\n1. Mục tiêu\na) Thứ nhất.\nb) Thứ hai.\nd) Thứ tư.\nđ) Thứ năm.\ne) Thứ sáu.\n",
        ["I", "I.1", "I.1.a", "I.1.b", "I.1.d", "I.1.đ", "I.1.e"],
        id="đ-follows-d-and-a-point-left-out-is-tolerated",
    ),
    pytest.param(
        "I. NHIỆM VỤ\n1. Mục tiêu\na) Thứ nhất.\nb) Thứ hai.\na) Không phải điểm mới.\nx) Cũng không.\n",
        ["I", "I.1", "I.1.a", "I.1.b"],
        id="a-letter-out-of-order-is-text",
    ),
    pytest.param(
        "I. NHIỆM VỤ\n1. Mục tiêu\n1.1. Chi tiết\na) Thứ nhất.\n1.2. Chi tiết khác\na) Một.\n",
        ["I", "I.1", "I.1.1", "I.1.1.a", "I.1.2", "I.1.2.a"],
        id="points-under-the-innermost-item",
    ),
    pytest.param(
        "I. NHIỆM VỤ\na) Thứ nhất.\nb) Thứ hai.\n",
        ["I", "I.a", "I.b"],
        id="points-directly-under-a-part",
    ),
    pytest.param(
        "1. Mục tiêu\na) [2] Thứ nhất có ghi chú.\n2.[3] Yêu cầu có ghi chú\n",
        ["1", "1.a", "2"],
        id="a-note-reference-after-the-number",
    ),
]


@pytest.mark.parametrize(("body", "labels"), POINTS)
def test_points_of_a_directive(body: str, labels: list[str]) -> None:
    assert body_labels(doc_of(body)) == labels


def test_a_note_reference_is_no_part_of_the_title() -> None:
    doc = doc_of("1. Mục tiêu\na) [2] Thứ nhất có ghi chú.\n2.[3] Yêu cầu có ghi chú\n")
    assert section(doc, "1.a").title == "Thứ nhất có ghi chú."
    assert section(doc, "2").title == "Yêu cầu có ghi chú"


# --- a heading's body starts after its last line, however many lines it wraps over ------------------

WRAPPED_HEADINGS = [
    pytest.param(
        "**1.\nMục tiêu chung của kế hoạch**\n\nNội dung.\n",
        "1",
        "Mục tiêu chung của kế hoạch**",
        id="number-alone",
    ),
    pytest.param(
        "**1. Mục tiêu chung của\nkế hoạch thử nghiệm**\n\nNội dung.\n",
        "1",
        "kế hoạch thử nghiệm**",
        id="bold-wrapped",
    ),
    pytest.param(
        "I. NHIỆM VỤ\n**1.1.\nChi tiết thứ nhất\ncủa nhiệm vụ:**\nNội dung.\n",
        "I.1.1",
        "của nhiệm vụ:**",
        id="sub-item-over-three-lines",
    ),
]


@pytest.mark.parametrize(("body", "label", "last_heading_line"), WRAPPED_HEADINGS)
def test_body_starts_after_a_wrapped_heading(body: str, label: str, last_heading_line: str) -> None:
    doc = doc_of(body)
    assert section(doc, label).body_start == line_of(doc, last_heading_line) + 1
    assert section(doc, label).text == "Nội dung."


# --- a file whose paragraphs are separated by blank lines: the first line cut short ------------------

# Eight numbered items after blank lines make the file 'blank-separated'; the first line of each
# paragraph is cut short, as the legal website writes it.
SEPARATED_ITEMS = "".join(f"{n}. Nhiệm vụ số {n}\n\n" for n in range(2, 9))


def _separated(first_item: str) -> Document:
    return doc_of("I. NHIỆM VỤ\n\n" + first_item + "\n\n" + SEPARATED_ITEMS)


SEPARATED = [
    pytest.param(
        "1. Nhiệm vụ chung\n\na) Bộ Tài chính, Bộ Công\nThương chủ trì thực hiện.",
        "I.1.a",
        "bo tai chinh bo cong thuong chu tri thuc hien",
        id="a-name-cut-at-the-first-line",
    ),
    pytest.param(
        "1. Nhiệm vụ chung\n\na) Ủy ban nhân dân thành phố Hà\nNội chủ trì thực hiện.",
        "I.1.a",
        "uy ban nhan dan thanh pho ha noi chu tri thuc hien",
        id="a-place-name-cut",
    ),
    pytest.param(
        "1. Nhiệm vụ: Tham mưu UBND\nThành phố rà soát, hoàn thiện.",
        "I.1",
        "nhiem vu tham muu ubnd thanh pho ra soat hoan thien",
        id="an-item-cut-before-a-capital",
    ),
]


@pytest.mark.parametrize(("first_item", "label", "title"), SEPARATED)
def test_a_blank_separated_file_joins_a_paragraph_cut_before_a_capital(
    first_item: str, label: str, title: str
) -> None:
    assert key(section(_separated(first_item), label).title) == title


def test_the_cut_name_is_assigned_whole() -> None:
    doc = _separated("1. Nhiệm vụ chung\n\na) Bộ Tài chính, Bộ Công\nThương chủ trì thực hiện.")
    assert [key(a.agency) for a in extract_assignments(doc)] == ["bo tai chinh", "bo cong thuong"]


COMPACT_OR_APART = [
    pytest.param(
        "I. NHIỆM VỤ\n1. Mục tiêu\nXác định rõ nhiệm vụ.\n2. Yêu cầu\nBảo đảm tiến độ.\n",
        "I.1",
        "muc tieu",
        id="a-compact-file-keeps-a-heading-and-its-text-apart",
    ),
    pytest.param(
        "I. NHIỆM VỤ\n\n**1. Mục tiêu**\nXác định rõ nhiệm vụ.\n\n" + SEPARATED_ITEMS,
        "I.1",
        "muc tieu",
        id="a-bold-heading-ends-at-its-closing-marks",
    ),
    pytest.param(
        "I. NHIỆM VỤ\n\n1. Mục tiêu\n*Nhân công*\nBậc thợ 3/7\n\n" + SEPARATED_ITEMS,
        "I.1",
        "muc tieu",
        id="a-line-in-emphasis-stands-alone",
    ),
]


@pytest.mark.parametrize(("body", "label", "title"), COMPACT_OR_APART)
def test_lines_that_stay_apart(body: str, label: str, title: str) -> None:
    assert key(section(doc_of(body), label).title) == title


def test_a_header_cell_keeps_one_field_a_line_in_a_blank_separated_file() -> None:
    head = "|\nỦY BAN NHÂN DÂN\nTỈNH THỬ NGHIỆM\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\n"
    head += "Số: 15/UBND-VP\n*V/v thử nghiệm cách đọc*\n|\n*Thử Nghiệm, ngày 05 tháng 11 năm 2025*\n|\n\n"
    body = "I. NHIỆM VỤ\n\n1. Nhiệm vụ chung\n\n" + SEPARATED_ITEMS
    doc = parse_text("t", head + body + SIGNATURE)
    assert doc.number == "15/UBND-VP"
    assert key(doc.subject) == "thu nghiem cach doc"


# --- a heading in bold from end to end may skip a few numbers; a plain line may not -----------------

SKIPPED_NUMBERS = [
    pytest.param(
        "I. NHIỆM VỤ\n**1. Về dữ liệu**\nNội dung.\n**3. Về an toàn**\nNội dung.\n", True, id="bold"
    ),
    pytest.param(
        "I. NHIỆM VỤ\n**1. Về dữ liệu**\n**1.1. Xây dựng**\nNội dung.\n**3. Về an toàn**\nNội dung.\n",
        True,
        id="bold-after-a-sub-item",
    ),
    pytest.param("I. NHIỆM VỤ\n1. Về dữ liệu\nNội dung.\n3. Về an toàn\nNội dung.\n", False, id="plain"),
    pytest.param(
        "I. NHIỆM VỤ\n**1. Về dữ liệu**\nNội dung.\n**6. Về an toàn**\nNội dung.\n", False, id="too-far"
    ),
    pytest.param(
        "I. NHIỆM VỤ\n**1. Về dữ liệu**\nNội dung.\n**3.** Về an toàn\nNội dung.\n",
        False,
        id="bold-number-only",
    ),
]


@pytest.mark.parametrize(("body", "read"), SKIPPED_NUMBERS)
def test_a_bold_heading_may_skip_numbers(body: str, read: bool) -> None:
    assert ("I.3" in body_labels(doc_of(body))) is read


# --- a line stopping on the head of an organ's name goes on with the name ----------------------------

DISPATCH = """BỘ TÀI CHÍNH
CỤC THỬ NGHIỆM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 15/CTN-VP
V/v thử nghiệm cách đọc
Hà Nội, ngày 05 tháng 11 năm 2025
Kính gửi: {recipient}
Cục Thử nghiệm nhận được công văn của đơn vị đề nghị hướng dẫn việc kê khai; về vấn đề này, Cục Thử nghiệm có ý kiến như sau: đề nghị đơn vị căn cứ quy định để thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Nguyễn Văn An
"""

HEAD_WRAPS = [
    pytest.param(
        "Tổng Công ty\nPhân bón và Hóa chất Dầu khí.",
        ["tong cong ty phan bon va hoa chat dau khi"],
        id="cong-ty",
    ),
    pytest.param("Sở\nTài chính tỉnh Thử Nghiệm.", ["so tai chinh tinh thu nghiem"], id="so"),
    pytest.param("Ủy ban\nNhân dân các xã.", ["uy ban nhan dan cac xa"], id="uy-ban"),
    pytest.param(
        "Ngân hàng\nNhà nước chi nhánh khu vực 3.", ["ngan hang nha nuoc chi nhanh khu vuc 3"], id="ngan-hang"
    ),
    pytest.param(
        "- Sở Tài chính;\n- Sở Tư pháp.", ["so tai chinh", "so tu phap"], id="a-list-of-names-stays-a-list"
    ),
]


@pytest.mark.parametrize(("recipient", "want"), HEAD_WRAPS)
def test_a_name_cut_after_its_head_is_one_recipient(recipient: str, want: list[str]) -> None:
    doc = parse_text("cv", DISPATCH.format(recipient=recipient))
    assert [key(r) for r in doc.recipients] == want


def test_a_head_word_in_lowercase_or_a_closed_sentence_does_not_join() -> None:
    doc = doc_of("1. Giao các bộ\nNội dung của mục.\n2. Giao Sở Tài chính.\nBộ Công an phối hợp.\n")
    assert key(section(doc, "1").title) == "giao cac bo"
    assert key(section(doc, "2").title) == "giao so tai chinh"


# --- a reference carried to the next line opens no section ------------------------------------------

LAW_HEAD = """HỘI ĐỒNG NHÂN DÂN
TỈNH THỬ NGHIỆM
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/2025/NQ-HĐND
Thử Nghiệm, ngày 05 tháng 11 năm 2025

NGHỊ QUYẾT
SỬA ĐỔI MỘT SỐ ĐIỀU CỦA NGHỊ QUYẾT THỬ NGHIỆM

Điều 1. Sửa đổi một số điều
1. Cách tính điểm theo khoản 3
{wrapped}
2. Nội dung khác.
Điều 2. Tổ chức thực hiện
1. Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.

CHỦ TỊCH
Nguyễn Văn An
"""

CITED = [
    pytest.param("Phụ lục V kèm theo Nghị quyết này.", id="an-appendix-cited-after-khoản-3"),
    pytest.param("Điều 12 Nghị định số 58/2024/NĐ-CP và các quy định", id="an-article-cited"),
    pytest.param("Chương II Nghị quyết số 11/2022/NQ-HĐND;", id="a-chapter-cited"),
]


@pytest.mark.parametrize("wrapped", CITED)
def test_a_cited_reference_on_the_next_line_is_no_heading(wrapped: str) -> None:
    doc = parse_text("nq", LAW_HEAD.format(wrapped=wrapped))
    labels = [s.label for s in doc.walk() if s.kind in {"article", "clause", "chapter", "appendix"}]
    assert labels == ["Điều 1", "Điều 1.1", "Điều 1.2", "Điều 2", "Điều 2.1"]
    assert doc.signer is not None and doc.signer.name == "Nguyễn Văn An"


def test_a_list_of_cited_appendices_ending_a_sentence_is_no_appendix() -> None:
    wrapped = "Phụ lục I, Phụ lục II,\nPhụ lục VIII, Phụ lục IX và Phụ lục X."
    doc = parse_text("nq", LAW_HEAD.format(wrapped=wrapped).replace("theo khoản 3", "tại"))
    assert not [s for s in doc.walk() if s.kind == "appendix"]
    assert [s.label for s in doc.walk() if s.kind == "article"] == ["Điều 1", "Điều 2"]


def test_an_article_after_a_finished_sentence_is_an_article() -> None:
    doc = parse_text("nq", LAW_HEAD.format(wrapped="các quy định có liên quan."))
    assert [s.label for s in doc.walk() if s.kind == "article"] == ["Điều 1", "Điều 2"]


def test_an_article_after_an_article_title_is_an_article() -> None:
    """'Điều 1. Phạm vi điều chỉnh' stops on a lowercase word, but 'Điều 2.' is a heading, no citation."""
    text = LAW_HEAD.replace("1. Cách tính điểm theo khoản 3\n{wrapped}\n2. Nội dung khác.\n", "")
    doc = parse_text("nq", text)
    assert [s.label for s in doc.walk() if s.kind == "article"] == ["Điều 1", "Điều 2"]


# --- a table flattened one row a line: cells end with ' |', their line breaks lost ------------------

FLAT_BODY = """

**NGHỊ ĐỊNH**

SỬA ĐỔI MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH THỬ NGHIỆM

*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*

**Điều 1. Sửa đổi một số điều**

1. Sửa đổi khoản 1 Điều 7.

**Điều 2. Trách nhiệm thi hành**

Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này./.

- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ; - Lưu: VT, NC (02). |
{signature}
"""

FLAT_HEADERS = [
    pytest.param(
        "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |\n"
        "Số: 16/2025/NĐ-CP |\n|",
        ("Nghị định", "16/2025/NĐ-CP", "chinh phu", None),
        id="issuer-and-motto-on-one-line-number-on-the-next",
    ),
    pytest.param(
        "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc"
        "_________________ Hà Nội, ngày 30 tháng 6 năm 2025 |",
        ("Nghị định", "171/2025/NĐ-CP", "chinh phu", "30/06/2025"),
        id="the-whole-header-on-one-line",
    ),
]


@pytest.mark.parametrize(("head", "want"), FLAT_HEADERS)
def test_a_flattened_header_table_is_read_cell_by_cell(
    head: str, want: tuple[str, str, str, str | None]
) -> None:
    doc = parse_text("nd", head + FLAT_BODY.format(signature="( Đã ký) Lê Thành Long |"))
    doc_type, number, issuer, date = want
    assert (doc.doc_type, doc.number, key(doc.issuer)) == (doc_type, number, issuer)
    assert (str(doc.date) if doc.date else None) == date
    assert key(doc.subject) == "sua doi mot so dieu cua nghi dinh thu nghiem"
    assert [s.label for s in doc.walk() if s.kind == "article"] == ["Điều 1", "Điều 2"]


SIGNED_COPIES = [
    pytest.param("( Đã ký) Lê Thành Long |", ("Lê Thành Long", ""), id="signed-mark-and-name"),
    pytest.param(
        "CHỦ TỊCH\nTrần Thanh Mẫn |", ("Trần Thanh Mẫn", "CHỦ TỊCH"), id="title-then-name-in-a-cell"
    ),
    pytest.param("(Đã ký)\nNguyễn Văn An", ("Nguyễn Văn An", ""), id="signed-mark-alone"),
    pytest.param(
        "|\nTHỨ TRƯỞNG THƯỜNG TRỰC\n(Đã ký)\nPhạm Văn An |",
        ("Phạm Văn An", "THỨ TRƯỞNG THƯỜNG TRỰC"),
        id="title-over-the-signed-mark",
    ),
]


@pytest.mark.parametrize(("signature", "want"), SIGNED_COPIES)
def test_the_signature_of_a_flattened_copy(signature: str, want: tuple[str, str]) -> None:
    head = "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc------ |\nSố: 16/2025/NĐ-CP |"
    doc = parse_text("nd", head + FLAT_BODY.format(signature=signature))
    assert doc.signer is not None and (doc.signer.name, doc.signer.title) == want
    assert doc.cc == [
        "Thủ tướng, các Phó Thủ tướng Chính phủ",
        "Các bộ, cơ quan ngang bộ",
        "Lưu: VT, NC (02)",
    ]
    last = doc.section("Điều 2")
    assert last is not None and "Thủ tướng" not in last.text  # the list of recipients is no part of it


# --- function words are read with their tones; an abbreviation carried over is no heading ----------

TONES = [
    pytest.param("1. Trình tự\nTrong thời hạn 15 ngày, nộp hồ sơ.\n", "trinh tu", id="tự-is-not-từ"),
    pytest.param("1. Giao các sở\nNội dung của mục.\n", "giao cac so", id="sở-is-not-số"),
    pytest.param(
        "1. Thu hồi đất từ\nNăm 2025 đến năm 2030.\n", "thu hoi dat tu nam 2025 den nam 2030", id="từ"
    ),
    pytest.param(
        "1. Hồ sơ gồm bản sao giấy tờ số\n12/2025/NĐ-CP.\n",
        "ho so gom ban sao giay to so 12 2025 nd cp",
        id="số",
    ),
]


@pytest.mark.parametrize(("body", "title"), TONES)
def test_a_line_ending_on_a_function_word_goes_on(body: str, title: str) -> None:
    assert key(section(doc_of(body), "1").title) == title


def test_an_abbreviation_carried_to_the_next_line_is_part_of_the_heading() -> None:
    doc = _separated("1. Tra cứu tình trạng hồ sơ\nTTHC\n\na) Tra cứu trực tuyến.")
    assert key(section(doc, "I.1").title) == "tra cuu tinh trang ho so tthc"


def test_a_heading_in_capitals_after_text_stays_apart() -> None:
    doc = doc_of("I. NHIỆM VỤ\n1. Nội dung chính\nII. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Tài chính thực hiện.\n")
    assert body_labels(doc) == ["I", "I.1", "II", "II.1"]


def test_a_parent_s_own_words_are_read_once_its_children_s_spans_are_known() -> None:
    # the spans of an article's clauses were not yet known when its own words were taken: each
    # clause's text came back once per clause before it ('1 … 1 … 2 … 1 … 2 … 3')
    doc = parse_text(
        "nq",
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH MINH\nSố: 8/2025/NQ-HĐND\nNGHỊ QUYẾT\nVề mức chi\n"
        "Điều 1. Mức chi\n1. Nội dung chi:\nHỗ trợ 2.340.000 đồng/người/tháng.\n"
        "2. Nguyên tắc: chỉ hưởng 01 mức.\n3. Nguồn kinh phí: ngân sách tỉnh.\n"
        "Điều 2. Hiệu lực\nNghị quyết có hiệu lực từ ngày ký.\n",
    )
    art = doc.section("Điều 1")
    assert art is not None and art.text == ""
    assert [c.text for c in art.children] == [
        "Hỗ trợ 2.340.000 đồng/người/tháng.",
        "Nguyên tắc: chỉ hưởng 01 mức.",
        "Nguồn kinh phí: ngân sách tỉnh.",
    ]
