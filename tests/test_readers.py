"""assistant.readers on real files built here: .docx with Word numbering and tables, text PDFs, encodings."""

from __future__ import annotations

import hashlib
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest

from assistant.errors import EmptyDocumentError, FileTooLargeError, InputError, UnsupportedFileError
from assistant.readers import ReadResult, content_sha256, read_bytes, read_path, safe_doc_id

MB = 1024 * 1024
LIMIT = 20 * MB
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A Windows executable's first bytes, as a renamed .exe would have them.
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8\x00\x00\x00\x00\x00\x00\x00"
    + b"\x40" + b"\x00" * 35 + b"\x80\x00\x00\x00"
    + b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21This program cannot be run in DOS mode.\r\r\n$"
    + bytes(range(256)) * 4
)  # fmt: skip

VN_TEXT = (
    "Ủy ban nhân dân thành phố yêu cầu Thủ trưởng các Sở, ban, ngành thực hiện nghiêm túc việc "
    "kê khai tài sản, thu nhập; tăng cường công tác phòng, chống tham nhũng, tiêu cực.\n"
    "Đặc khu Cát Hải xây dựng kế hoạch triển khai Nghị quyết số 168/NQ-CP của Chính phủ.\n"
    "Việt Nam: Độc lập - Tự do - Hạnh phúc. Ước lượng ưu tiên: ữ ự ỡ ợ ẵ ặ ẳ ậ ầ ể ề ỗ ộ ồ."
)


def read(data: bytes, name: str, max_bytes: int = LIMIT) -> ReadResult:
    return read_bytes(data, name, max_bytes=max_bytes)


# --- building a real .docx -----------------------------------------------------------------------


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


ABSTRACT_NUMS = [
    # 101: the directive outline: I. / 1. / a)
    '<w:abstractNum {ns} w:abstractNumId="101"><w:multiLevelType w:val="multilevel"/>'
    + _lvl(0, "upperRoman", "%1.")
    + _lvl(1, "decimal", "%2.")
    + _lvl(2, "lowerLetter", "%3)")
    + "</w:abstractNum>",
    # 102: legal-style multilevel 1. / 1.1.
    '<w:abstractNum {ns} w:abstractNumId="102"><w:multiLevelType w:val="multilevel"/>'
    + _lvl(0, "decimal", "%1.")
    + _lvl(1, "decimal", "%1.%2.")
    + "</w:abstractNum>",
    # 103: bullets in a symbol font
    '<w:abstractNum {ns} w:abstractNumId="103"><w:multiLevelType w:val="hybridMultilevel"/>'
    + _lvl(0, "bullet", "\uf0b7")
    + "</w:abstractNum>",
]
NUMS = [
    '<w:num {ns} w:numId="101"><w:abstractNumId w:val="101"/></w:num>',
    '<w:num {ns} w:numId="102"><w:abstractNumId w:val="102"/></w:num>',
    '<w:num {ns} w:numId="103"><w:abstractNumId w:val="103"/></w:num>',
    # same list as 102, restarted at 1 (what Word writes for "Restart at 1")
    '<w:num {ns} w:numId="104"><w:abstractNumId w:val="102"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    # same list as 102 with no override: Word continues the sequence
    '<w:num {ns} w:numId="105"><w:abstractNumId w:val="102"/></w:num>',
]


def _add_numbering(doc) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = doc.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    for xml in ABSTRACT_NUMS:
        el = parse_xml(xml.format(ns=nsdecls("w")))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    for xml in NUMS:
        numbering.append(parse_xml(xml.format(ns=nsdecls("w"))))
    # Heading 1 is numbered by its style (level 0 of list 101), as in real templates.
    ppr = doc.styles["Heading 1"].element.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_numId().val = 101
    numpr.get_or_add_ilvl().val = 0


def _numbered(doc, text: str, num_id: int, ilvl: int):
    p = doc.add_paragraph(text)
    numpr = p._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_numId().val = num_id
    numpr.get_or_add_ilvl().val = ilvl
    return p


def _fill_row(row, values: list[str]) -> None:
    for cell, value in zip(row.cells, values, strict=True):
        cell.text = value


def build_docx(path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    _add_numbering(doc)

    # the letter's two-column header: a layout table, read as plain lines
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    header.cell(1, 0).text = "Số: 410/UBND-NCKTGS"
    header.cell(1, 1).text = "Hải Phòng, ngày 03 tháng 3 năm 2025"

    doc.add_paragraph("V/v khắc phục tồn tại, hạn chế trong công tác phòng, chống tham nhũng")
    doc.add_paragraph("Kính gửi:\tCác Sở, ngành thuộc thành phố.")  # a tab inside a paragraph

    doc.add_heading("Nhiệm vụ chung", level=1)  # I. from the style's numbering
    _numbered(doc, "Tiếp tục phát huy những kết quả đã đạt được", 101, 1)
    _numbered(doc, "Chấn chỉnh, rút kinh nghiệm, tăng cường công tác lãnh đạo", 101, 1)
    _numbered(doc, "Các nội dung thực hiện chưa tốt", 103, 0)
    _numbered(doc, "Ban hành văn bản triển khai rà soát xung đột lợi ích", 101, 2)
    _numbered(doc, "Báo cáo kết quả xung đột lợi ích năm", 101, 2)
    doc.add_heading("Nhiệm vụ cụ thể", level=1)  # II.
    _numbered(doc, "Thủ trưởng các Sở, ban, ngành thành phố", 101, 1)  # restarts at 1 under II.

    _numbered(doc, "Mục tiêu", 102, 0)
    _numbered(doc, "Mục tiêu chung", 102, 1)
    _numbered(doc, "Mục tiêu cụ thể", 102, 1)
    _numbered(doc, "Yêu cầu", 102, 0)
    _numbered(doc, "Yêu cầu về tiến độ", 102, 1)
    _numbered(doc, "Danh sách mới bắt đầu lại", 104, 0)
    _numbered(doc, "Danh sách nối tiếp", 105, 0)

    # tracked changes: the deletion is not text, the insertion is
    tracked = doc.add_paragraph("Nội dung ")
    tracked._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="a" w:date="2025-03-03T00:00:00Z">'
            "<w:r><w:delText>ĐÃ XÓA</w:delText></w:r></w:del>"
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="a" w:date="2025-03-03T00:00:00Z">'
            "<w:r><w:t>được bổ sung</w:t></w:r></w:ins>"
        )
    )

    doc.add_paragraph("Phụ lục I")
    doc.add_paragraph("NỘI DUNG ĐẠT 100% THANG ĐIỂM")
    table = doc.add_table(rows=6, cols=5)
    table.style = "Table Grid"
    _fill_row(
        table.rows[0], ["STT", "NỘI DUNG TIÊU CHÍ ĐÁNH GIÁ", "Thang điểm", "Điểm thẩm định", "Điểm bị trừ"]
    )
    merged = table.cell(1, 0).merge(table.cell(1, 4))
    merged.text = "A. PHÒNG NGỪA THAM NHŨNG"
    _fill_row(table.rows[2], ["1", "A.2.1.1. Ban hành kế hoạch", "1,00", "0,97", "0,03"])
    table.cell(2, 1).add_paragraph("phòng, chống tham nhũng")  # two paragraphs in one cell
    _fill_row(table.rows[3], ["2", "A.2.1.2. Kết quả thực hiện", "3,00", "2,50", "0,50"])
    _fill_row(table.rows[4], ["3", "B.1.9. Kết quả kiểm soát tài sản, thu nhập", "17,00", "12,11", "4,89"])
    _fill_row(table.rows[5], ["", "Tổng điểm", "21,00", "", "5,42"])

    doc.add_paragraph("Phân công thực hiện")
    duty = doc.add_table(rows=3, cols=2)
    _fill_row(duty.rows[0], ["Cơ quan", "Nhiệm vụ"])
    duty.cell(1, 0).merge(duty.cell(2, 0)).text = "Sở Nội vụ"
    duty.cell(1, 1).text = "Rà soát vị trí công tác"
    duty.cell(2, 1).text = "Báo cáo kết quả"

    doc.add_paragraph("Nơi nhận:")
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_docx(tmp_path_factory.mktemp("docx") / "Công văn 410 UBND.docx")


@pytest.fixture(scope="module")
def docx_result(docx_file: Path) -> ReadResult:
    return read_path(docx_file, max_bytes=LIMIT)


def test_docx_renders_automatic_numbering(docx_result: ReadResult) -> None:
    lines = docx_result.text.split("\n")
    assert docx_result.format == "docx"
    assert "I. Nhiệm vụ chung" in lines
    assert "1. Tiếp tục phát huy những kết quả đã đạt được" in lines
    assert "2. Chấn chỉnh, rút kinh nghiệm, tăng cường công tác lãnh đạo" in lines
    assert "- Các nội dung thực hiện chưa tốt" in lines
    assert "a) Ban hành văn bản triển khai rà soát xung đột lợi ích" in lines
    assert "b) Báo cáo kết quả xung đột lợi ích năm" in lines
    assert "II. Nhiệm vụ cụ thể" in lines
    # level 1 restarts under a new level-0 item
    assert "1. Thủ trưởng các Sở, ban, ngành thành phố" in lines
    assert lines.index("I. Nhiệm vụ chung") < lines.index(
        "2. Chấn chỉnh, rút kinh nghiệm, tăng cường công tác lãnh đạo"
    )
    assert lines.index("II. Nhiệm vụ cụ thể") < lines.index("1. Thủ trưởng các Sở, ban, ngành thành phố")


def test_docx_multilevel_and_restart(docx_result: ReadResult) -> None:
    lines = docx_result.text.split("\n")
    expected = [
        "1. Mục tiêu",
        "1.1. Mục tiêu chung",
        "1.2. Mục tiêu cụ thể",
        "2. Yêu cầu",
        "2.1. Yêu cầu về tiến độ",
        "1. Danh sách mới bắt đầu lại",  # w:startOverride restarts the shared list
        "2. Danh sách nối tiếp",  # another w:num of the same abstractNum continues it
    ]
    positions = [lines.index(x) for x in expected]
    assert positions == sorted(positions)


def test_docx_numbering_options(tmp_path: Path) -> None:
    """Level linked to a style by w:pStyle, w:lvlRestart 0 (never restart) and w:isLgl (legal numbers)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    numbering.find(f"{{{W_NS}}}num").addprevious(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="201">'
            + _lvl(0, "decimal", "Điều %1.", extra='<w:pStyle w:val="Heading2"/>')
            + _lvl(1, "lowerLetter", "%2)", extra='<w:lvlRestart w:val="0"/>')
            + _lvl(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>")
            + "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="201"><w:abstractNumId w:val="201"/></w:num>'))
    doc.styles["Heading 2"].element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 201
    doc.add_heading("Phạm vi điều chỉnh", level=2)
    _numbered(doc, "cơ quan nhà nước", 201, 1)
    _numbered(doc, "đơn vị sự nghiệp", 201, 1)
    doc.add_heading("Đối tượng áp dụng", level=2)
    _numbered(doc, "doanh nghiệp nhà nước", 201, 1)
    _numbered(doc, "chi tiết", 201, 2)
    path = tmp_path / "luat.docx"
    doc.save(path)
    lines = [ln for ln in read_path(path, max_bytes=LIMIT).text.split("\n") if ln]
    assert lines == [
        "Điều 1. Phạm vi điều chỉnh",
        "a) cơ quan nhà nước",
        "b) đơn vị sự nghiệp",
        "Điều 2. Đối tượng áp dụng",
        "c) doanh nghiệp nhà nước",
        "2.3.1 chi tiết",
    ]


def test_docx_paragraph_layout(docx_result: ReadResult) -> None:
    text = docx_result.text
    # a blank line between paragraphs
    assert "I. Nhiệm vụ chung\n\n1. Tiếp tục phát huy" in text
    # a tab inside a paragraph is not a table cell
    assert "Kính gửi: Các Sở, ngành thuộc thành phố." in text.split("\n")
    # tracked changes: insertion kept, deletion dropped
    assert "Nội dung được bổ sung" in text
    assert "ĐÃ XÓA" not in text
    assert unicodedata.is_normalized("NFC", text)


def test_docx_header_layout_table_is_plain_lines(docx_result: ReadResult) -> None:
    lines = docx_result.text.split("\n")
    order = [
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ HẢI PHÒNG",
        "Số: 410/UBND-NCKTGS",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hải Phòng, ngày 03 tháng 3 năm 2025",
    ]
    positions = [lines.index(x) for x in order]
    assert positions == sorted(positions)
    assert positions[-1] < lines.index(
        "V/v khắc phục tồn tại, hạn chế trong công tác phòng, chống tham nhũng"
    )


def test_docx_tables_as_tab_rows(docx_result: ReadResult) -> None:
    lines = docx_result.text.split("\n")
    rows = [ln for ln in lines if "\t" in ln]
    assert rows == [
        "STT\tNỘI DUNG TIÊU CHÍ ĐÁNH GIÁ\tThang điểm\tĐiểm thẩm định\tĐiểm bị trừ",
        "A. PHÒNG NGỪA THAM NHŨNG\t\t\t\t",  # merged across the row: once, columns kept
        "1\tA.2.1.1. Ban hành kế hoạch phòng, chống tham nhũng\t1,00\t0,97\t0,03",
        "2\tA.2.1.2. Kết quả thực hiện\t3,00\t2,50\t0,50",
        "3\tB.1.9. Kết quả kiểm soát tài sản, thu nhập\t17,00\t12,11\t4,89",
        "\tTổng điểm\t21,00\t\t5,42",
        "Cơ quan\tNhiệm vụ",
        "Sở Nội vụ\tRà soát vị trí công tác",  # vertically merged: text once
        "\tBáo cáo kết quả",
    ]
    # the appendix heading and caption come before the table, each on its own line
    assert lines.index("Phụ lục I") < lines.index("NỘI DUNG ĐẠT 100% THANG ĐIỂM") < lines.index(rows[0])
    assert lines.index(rows[5]) < lines.index("Phân công thực hiện") < lines.index(rows[6])


def test_docx_warnings(docx_result: ReadResult, tmp_path: Path) -> None:
    import docx

    assert any("Track Changes" in w for w in docx_result.warnings)
    assert not any("phông chữ" in w for w in docx_result.warnings)
    doc = docx.Document()
    doc.add_paragraph().add_run("Coâng vaên soá 410").font.name = ".VnTime"  # TCVN3-encoded text
    path = tmp_path / "cu.docx"
    doc.save(path)
    result = read_path(path, max_bytes=LIMIT)
    assert any(".VnTime" in w for w in result.warnings)
    assert not any("Track Changes" in w for w in result.warnings)


def test_docx_with_only_a_picture_needs_ocr(tmp_path: Path) -> None:
    import docx
    from PIL import Image

    picture = tmp_path / "scan.png"
    Image.new("RGB", (300, 200), "white").save(picture)
    doc = docx.Document()
    doc.add_picture(str(picture))
    path = tmp_path / "scan.docx"
    doc.save(path)
    with pytest.raises(EmptyDocumentError) as err:
        read_path(path, max_bytes=LIMIT)
    assert "OCR" in err.value.hint


def test_read_path_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_path(tmp_path / "khong-co.txt", max_bytes=LIMIT)
    assert "khong-co.txt" in err.value.message


def test_docx_truncated_zip(docx_file: Path) -> None:
    data = docx_file.read_bytes()
    with pytest.raises(UnsupportedFileError) as err:
        read(data[: len(data) // 2], "cong-van.docx")
    assert "hỏng" in err.value.message
    assert ".docx" in err.value.message


def test_zip_without_word_document_named_docx() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ghi-chu.txt", "không phải Word")
    with pytest.raises(UnsupportedFileError) as err:
        read(buf.getvalue(), "bao-cao.docx")
    assert "ZIP" in err.value.message


@pytest.mark.parametrize("name", ["bao-cao.pdf", "bao-cao.docx", "bao-cao.txt", "bao-cao.md"])
def test_renamed_exe_is_refused(name: str) -> None:
    with pytest.raises(UnsupportedFileError) as err:
        read(EXE, name)
    assert "chương trình Windows" in err.value.message
    assert err.value.status == 415


def test_pdf_named_docx_says_what_it_is(text_pdf: bytes) -> None:
    with pytest.raises(UnsupportedFileError) as err:
        read(text_pdf, "ke-hoach.docx")
    assert "PDF" in err.value.message
    assert ".pdf" in err.value.hint


def test_unknown_extension_lists_supported() -> None:
    with pytest.raises(UnsupportedFileError) as err:
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cong-van.doc")
    for ext in (".docx", ".pdf", ".md", ".txt"):
        assert ext in err.value.message
    assert "Word 97-2003" in err.value.message
    assert ".docx" in err.value.hint


# --- PDF -----------------------------------------------------------------------------------------

FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),  # Debian/Ubuntu: fonts-dejavu-core
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
]
PDF_LONG = (
    "Tiếp tục đổi mới mạnh mẽ nội dung, phương thức tuyên truyền, phổ biến, giáo dục pháp luật; bảo đảm đi "
    "vào chiều sâu, tính đa dạng, linh hoạt, sáng tạo, hiệu quả, hấp dẫn người thuộc mọi độ tuổi."
)
PDF_SENTENCES = [
    "Ủy ban nhân dân thành phố yêu cầu các Sở, ban, ngành thực hiện nghiêm túc kế hoạch.",
    "Tăng cường công tác phòng, chống tham nhũng, tiêu cực trong giai đoạn tới.",
    "Đặc khu Cát Hải xây dựng kế hoạch triển khai Nghị quyết số 168/NQ-CP.",
]


def _font() -> Path:
    for path in FONT_CANDIDATES:
        if path.is_file():
            return path
    pytest.skip("needs DejaVuSans.ttf (apt-get install fonts-dejavu-core)")


@pytest.fixture(scope="module")
def text_pdf() -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=str(_font()))
    for page_no, sentences in enumerate((PDF_SENTENCES[:2], PDF_SENTENCES[2:]), start=1):
        pdf.add_page()
        pdf.set_font("DejaVu", size=12)
        for sentence in sentences:
            pdf.multi_cell(0, 8, sentence, new_x="LMARGIN", new_y="NEXT")
        if page_no == 1:  # a justified paragraph wrapping over lines
            pdf.multi_cell(0, 8, PDF_LONG, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 8, f"- {page_no} -", align="C")  # a page-number-only line
    return bytes(pdf.output())


def test_pdf_text_is_extracted(tmp_path: Path, text_pdf: bytes) -> None:
    path = tmp_path / "Kế hoạch PCTN.pdf"
    path.write_bytes(text_pdf)
    result = read_path(path, max_bytes=LIMIT)
    assert result.format == "pdf"
    assert unicodedata.is_normalized("NFC", result.text)
    for sentence in PDF_SENTENCES:
        assert sentence in result.text
    assert result.text.index(PDF_SENTENCES[0]) < result.text.index(PDF_SENTENCES[2])
    assert "- 1 -" not in result.text
    # the wrapped paragraph keeps its words, single-spaced (lines may break anywhere)
    assert " ".join(result.text.split()).count(PDF_LONG) == 1
    assert "  " not in result.text
    assert "- 2 -" not in result.text.split("\n")


def _image_only_pdf() -> bytes:
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).rectangle((20, 20, 380, 180), outline="black", width=5)
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    return bytes(pdf.output())


def _empty_page_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("make", [_image_only_pdf, _empty_page_pdf], ids=["image-only", "blank-page"])
def test_pdf_without_text_layer_needs_ocr(make) -> None:
    with pytest.raises(EmptyDocumentError) as err:
        read(make(), "ban-scan.pdf")
    assert "scan" in err.value.message
    assert "OCR" in err.value.hint


def _encrypt(data: bytes, user: str, owner: str, algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_with_password_is_refused(text_pdf: bytes) -> None:
    locked = _encrypt(text_pdf, "mat-khau", "chu-so-huu", "RC4-128")
    with pytest.raises(UnsupportedFileError) as err:
        read(locked, "mat.pdf")
    assert "mật khẩu" in err.value.message


def test_pdf_with_owner_password_only_is_read(text_pdf: bytes) -> None:
    pytest.importorskip("cryptography")  # pypdf needs it for AES
    restricted = _encrypt(text_pdf, "", "chu-so-huu", "AES-128")
    assert read(text_pdf, "a.pdf").text == read(restricted, "han-che.pdf").text


def test_pdf_not_starting_with_pdf_header() -> None:
    with pytest.raises(UnsupportedFileError) as err:
        read(b"<html><body>Trang web</body></html>", "tai-lieu.pdf")
    assert ".pdf" in err.value.message


def test_damaged_pdf(text_pdf: bytes) -> None:
    with pytest.raises((UnsupportedFileError, EmptyDocumentError)) as err:
        read(text_pdf[:300], "hong.pdf")
    assert err.value.message


# --- text files and encodings --------------------------------------------------------------------


def _to_cp1258(text: str) -> bytes:
    """Encode the way Windows-1258 stores Vietnamese: base letter (with ^, breve or horn) + combining tone."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), "utf-8-sig"),
        (lambda s: s.encode("utf-16"), "utf-16-le"),  # with BOM (little-endian here)
        (lambda s: b"\xfe\xff" + s.encode("utf-16-be"), "utf-16-be"),
        (lambda s: s.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the NUL pattern
        (lambda s: s.encode("utf-16-be"), "utf-16-be"),
        (_to_cp1258, "cp1258"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "cp1258"],
)
def test_text_encodings_round_trip(tmp_path: Path, encode, encoding: str) -> None:
    data = encode(VN_TEXT)
    if encoding == "cp1258":
        assert "\u0323".encode("cp1258") in data  # really stored with combining tone marks
    path = tmp_path / "van-ban.txt"
    path.write_bytes(data)
    result = read_path(path, max_bytes=LIMIT)
    assert result.encoding == encoding
    assert result.format == "txt"
    assert result.text == VN_TEXT
    assert unicodedata.is_normalized("NFC", result.text)


def test_cp1258_decomposed_becomes_nfc() -> None:
    # cp1258 has ê and ă precomposed; tones are combining marks after them
    result = read("Vi\u00ea\u0323t Nam: Ha\u0309i Pho\u0300ng, đ\u0103\u0323c khu".encode("cp1258"), "a.md")
    assert result.encoding == "cp1258"
    assert result.format == "md"
    assert result.text == "Việt Nam: Hải Phòng, đặc khu"


def test_western_cp1252_is_not_taken_for_vietnamese() -> None:
    text = "Açúcar e emoções: São Paulo não é Lisboa; a canção das ações."
    result = read(text.encode("cp1252"), "pt.txt")
    assert result.encoding == "cp1252"
    assert result.text == text
    assert result.warnings  # a guessed code page is reported


def test_cyrillic_code_page_is_guessed() -> None:
    text = "Привет, как дела? Это тестовый документ на русском языке. " * 3
    result = read(text.encode("cp1251"), "ru.txt")
    assert result.encoding == "cp1251"
    assert result.text == text.strip()


def test_text_cleanup() -> None:
    raw = "Dòng một\r\nDòng\x07 hai\rDòng ba\u200b\n\n\n\n\tthụt lề\n1\tA.1.1. Nội dung\t1,00\n• gạch đầu dòng\n"
    result = read(raw.encode("utf-8"), "ghi-chu.txt")
    assert result.text.split("\n") == [
        "Dòng một",
        "Dòng hai",
        "Dòng ba",
        "",
        "thụt lề",
        "1\tA.1.1. Nội dung\t1,00",
        "- gạch đầu dòng",
    ]


def test_nul_bytes_that_are_not_utf16_are_refused() -> None:
    with pytest.raises(UnsupportedFileError) as err:
        read(b"\x00\x01\x02\x03\x00\x00\x10\x00\x00\xff\x00\x00" * 50, "du-lieu.txt")
    assert "nhị phân" in err.value.message


@pytest.mark.parametrize("name", ["trong.txt", "trong.docx", "trong.pdf", "trong.md"])
def test_empty_file(name: str) -> None:
    with pytest.raises(EmptyDocumentError) as err:
        read(b"", name)
    assert "trống" in err.value.message


def test_whitespace_only_file() -> None:
    with pytest.raises(EmptyDocumentError):
        read(b" \r\n\t\n   \n", "trang.md")


def test_oversized_file(tmp_path: Path) -> None:
    data = b"a" * int(25.3 * MB)
    with pytest.raises(FileTooLargeError) as err:
        read(data, "lon.txt", max_bytes=LIMIT)
    assert err.value.message == "Tệp quá lớn (25,3 MB); giới hạn là 20 MB."
    assert err.value.status == 413
    path = tmp_path / "lon.txt"
    path.write_bytes(data)
    with pytest.raises(FileTooLargeError):
        read_path(path, max_bytes=LIMIT)
    assert read(b"abc", "nho.txt", max_bytes=3).text == "abc"  # exactly the limit is accepted


# --- ids and hashes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("Công văn 410 UBND.docx", "cong-van-410-ubnd"),
        ("../../etc/passwd", "passwd"),
        ("/etc/shadow", "shadow"),
        ("..\\..\\Windows\\Kế hoạch số 301.pdf", "ke-hoach-so-301"),
        ("Đề án ĐẶC KHU  Cát Hải -- 2025 .md", "de-an-dac-khu-cat-hai-2025"),
        ("Cong\u0301 va\u0306n.txt", "cong-van"),  # decomposed input
        ("a" * 120 + ".txt", "a" * 80),
        ("Quyết định (số 5)__bản cuối!!.docx", "quyet-dinh-so-5-ban-cuoi"),
    ],
)
def test_safe_doc_id(filename: str, expected: str) -> None:
    assert safe_doc_id(filename) == expected


@pytest.mark.parametrize("filename", ["", "..", "../", "...txt", "///", "文件.docx"])
def test_safe_doc_id_refuses_unusable_names(filename: str) -> None:
    with pytest.raises(InputError) as err:
        safe_doc_id(filename)
    assert "mã tài liệu" in err.value.message


def test_safe_doc_id_length_never_ends_with_dash() -> None:
    doc_id = safe_doc_id("x" * 79 + " y.docx")
    assert len(doc_id) <= 80
    assert not doc_id.endswith("-")


def test_content_sha256() -> None:
    assert content_sha256(b"abc") == hashlib.sha256(b"abc").hexdigest()
    assert content_sha256(b"abc") != content_sha256(b"abd")


# --- what the .docx stream must read as the whole tree was read ----------------------------------


def _body_xml(doc, xml: str) -> None:
    from docx.oxml import parse_xml

    doc.element.body[-1].addprevious(parse_xml(xml))  # before the final w:sectPr


def test_docx_text_boxes_containers_and_hidden_text(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import nsdecls

    w = nsdecls("w")
    mc = (
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    )
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    d = docx.Document()
    d.add_paragraph("Đoạn đầu tiên")
    _body_xml(
        d,
        f'<w:p {w} {mc}><w:r><w:t>Có hộp chữ: </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        "<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Chữ trong hộp</w:t></w:r></w:p>"
        f"<w:tbl><w:tr>{cell.format('A')}{cell.format('B')}</w:tr></w:tbl></w:txbxContent></wps:txbx>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>FALLBACK</w:t></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>",
    )
    _body_xml(
        d,
        f"<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Trong sdt</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẨN</w:t></w:r><w:r><w:tab/><w:t>sau tab</w:t><w:br/>"
        "<w:t>dòng mới</w:t><w:noBreakHyphen/></w:r></w:p></w:sdtContent></w:sdt>",
    )
    _body_xml(
        d,
        f"<w:tbl {w}><w:tr>{cell.format('Chỉ một cột 1')}</w:tr><w:tr><w:tc><w:p><w:r><w:t>Chỉ một cột 2</w:t>"
        f"</w:r></w:p><w:tbl><w:tr>{cell.format('lồng 1')}{cell.format('lồng 2')}</w:tr></w:tbl></w:tc></w:tr></w:tbl>",
    )
    _body_xml(
        d,
        f'<w:tbl {w}><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
        f"<w:p><w:r><w:t>TM. ỦY BAN NHÂN DÂN</w:t></w:r></w:p></w:tc>{cell.format('Nơi nhận:')}</w:tr>"
        f"<w:tr>{cell.format('CHỦ TỊCH')}{cell.format('- Như trên;')}</w:tr></w:tbl>",
    )
    _body_xml(d, f"<w:customXml {w}><w:p><w:r><w:t>trong customXml</w:t></w:r></w:p></w:customXml>")
    _body_xml(
        d,
        f'<w:p {w}><w:r><w:t xml:space="preserve">  khoảng   trắng  </w:t></w:r><w:r><w:t> </w:t></w:r>'
        "<w:r><w:t>x</w:t></w:r><w:del><w:r><w:delText>xóa</w:delText></w:r></w:del></w:p>",
    )
    d.add_paragraph("Cuối")
    path = tmp_path / "hop-chu.docx"
    d.save(path)
    result = read_path(path, max_bytes=LIMIT)
    assert result.text == (
        "Đoạn đầu tiên\n\nCó hộp chữ:\n\nChữ trong hộp\n\nA\tB\n\nTrong sdt sau tab\ndòng mới-\n\n"
        "Chỉ một cột 1\n\nChỉ một cột 2\n\nlồng 1\tlồng 2\n\n\tTM. ỦY BAN NHÂN DÂN\t\tNơi nhận:\n"
        "CHỦ TỊCH\t- Như trên;\n\ntrong customXml\n\nkhoảng trắng x\n\nCuối"
    )
    assert result.warnings == [
        "Tài liệu có thay đổi chưa được chấp nhận (Track Changes); đã đọc bản sau khi chấp nhận."
    ]


def test_docx_tables_read_row_by_row_keep_numbering_and_layout(tmp_path: Path) -> None:
    """A data table is known as one only from its fifth row: rows before it, numbering in its cells,
    a one-column table (layout) and rows wrapped in a content control read as the whole tree did."""
    import docx
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    _add_numbering(d)
    _numbered(d, "Trước bảng", 102, 0)
    data = d.add_table(rows=7, cols=2)
    for r in range(7):
        data.cell(r, 0).text = f"hàng {r}" if r != 2 else ""
        p = data.cell(r, 1).paragraphs[0]
        p.text = f"mục {r}"
        numpr = p._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_numId().val, numpr.get_or_add_ilvl().val = 102, 1
    _numbered(d, "Sau bảng", 102, 0)
    column = d.add_table(rows=6, cols=1)
    for r in range(6):
        p = column.cell(r, 0).paragraphs[0]
        p.text = f"cột đơn {r}"
        numpr = p._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_numId().val, numpr.get_or_add_ilvl().val = 101, 2
    _numbered(d, "Sau bảng hai", 101, 2)
    row = "<w:tr><w:tc><w:p><w:r><w:t>a{0}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b{0}</w:t></w:r></w:p></w:tc></w:tr>"
    _body_xml(
        d,
        f"<w:tbl {nsdecls('w')}><w:tblPr/>{row.format(1)}<w:sdt><w:sdtContent>"
        + "".join(row.format(i) for i in range(2, 8))
        + '</w:sdtContent></w:sdt><w:tr><w:tc><w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr>'
        "<w:t>cuối</w:t></w:r></w:p></w:tc><w:tc><w:p><w:ins><w:r><w:t>x</w:t></w:r></w:ins></w:p></w:tc></w:tr></w:tbl>",
    )
    signature = d.add_table(rows=2, cols=2)
    for (r, c), text in {
        (0, 0): "Nơi nhận:",
        (0, 1): "TM. ỦY BAN NHÂN DÂN",
        (1, 0): "- Như trên;",
        (1, 1): "CHỦ TỊCH",
    }.items():
        signature.cell(r, c).text = text
    path = tmp_path / "bang.docx"
    d.save(path)
    result = read_path(path, max_bytes=LIMIT)
    assert result.text == (
        "1. Trước bảng\n\nhàng 0\t1.1. mục 0\nhàng 1\t1.2. mục 1\n\t1.3. mục 2\nhàng 3\t1.4. mục 3\n"
        "hàng 4\t1.5. mục 4\nhàng 5\t1.6. mục 5\nhàng 6\t1.7. mục 6\n\n2. Sau bảng\n\na) cột đơn 0\n\n"
        "b) cột đơn 1\n\nc) cột đơn 2\n\nd) cột đơn 3\n\ne) cột đơn 4\n\nf) cột đơn 5\n\ng) Sau bảng hai\n\n"
        "a1\tb1\na2\tb2\na3\tb3\na4\tb4\na5\tb5\na6\tb6\na7\tb7\ncuối\tx\n\nNơi nhận:\n\n- Như trên;\n\n"
        "TM. ỦY BAN NHÂN DÂN\n\nCHỦ TỊCH"
    )
    assert any("Track Changes" in w for w in result.warnings)  # found in a row dropped once read
    assert any(".VnTime" in w for w in result.warnings)
