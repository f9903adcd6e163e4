"""Parse a directive (or a law) into its real structure: metadata, sections, tables, criteria.

The parser reads the numbering the document itself uses (Roman parts, ``1.``, ``2.1.``,
``Phụ lục I``, ``Điều 5``, ``a)``), not markdown heading levels, which real files use
inconsistently. Every section keeps the line span it occupies in the file so that
answers can quote it verbatim. No I/O beyond reading the file; no LlamaIndex here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from assistant.errors import CorpusError
from assistant.layout import read_layout
from assistant.model import (
    BASES,
    CC,
    RECIPIENTS,
    SIGNATURE,
    TITLE,
    AppendixCaption,
    CriterionRow,
    DocRef,
    Document,
    PartialDate,
    Section,
    Signer,
    Table,
    TableTotal,
)
from assistant.text import (
    ROMAN_VALUES,
    fold,
    int_to_roman,
    parse_decimal,
    squash,
    text_hash,
    unify_lines,
)

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".md", ".txt"}

# --- line cleaning -------------------------------------------------------------------------------

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_STRAY = "✓✔•·■□▪►"
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s*")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})")
_TRAILING_NOTE = re.compile(rf"[{_SUPERSCRIPTS}]+(?=\s*$)|(?<=[\w.,;:)])[{_SUPERSCRIPTS}]+")


def clean_line(raw: str) -> str:
    """A line without markdown heading/emphasis marks, footnote superscripts and stray marks."""
    s = _HEADING_MARK.sub("", raw)
    s = _EMPHASIS.sub("", s)
    s = _TRAILING_NOTE.sub("", s)
    s = s.translate({ord(c): None for c in _STRAY})
    return squash(s.replace("\t", " "))


# --- numbers and dates ---------------------------------------------------------------------------

_ROMAN_DIGITS = frozenset("IVXLC")  # D and M never number a part; 'D.' is a criteria group


def roman_to_int(s: str) -> int | None:
    """'III' -> 3, 'xiv' -> 14; None for anything not a canonical numeral of I, V, X, L, C."""
    s = s.upper()
    if not s or not set(s) <= _ROMAN_DIGITS:
        return None
    total = 0
    for i, c in enumerate(s):
        v = ROMAN_VALUES[c]
        total += -v if i + 1 < len(s) and ROMAN_VALUES[s[i + 1]] > v else v
    return total if int_to_roman(total) == s else None


def appendix_label(ref: str) -> str:
    """'số 01', '1', 'I', 'III' -> 'Phụ lục I' ... (the body often writes 'Phụ lục số 01')."""
    ref = ref.strip().rstrip(".:").strip()
    ref = re.sub(r"^(?:số)\s*", "", ref, flags=re.IGNORECASE)
    if ref.isdigit():
        return f"Phụ lục {int_to_roman(int(ref))}"
    value = roman_to_int(ref)
    return f"Phụ lục {int_to_roman(value)}" if value else f"Phụ lục {ref}"


_DATE_WORDS = re.compile(
    r"ngày\s*(?P<d>\d{1,2})?\s*(?:[./…]*\s*)tháng\s*(?P<m>\d{1,2})?\s*(?:[./…]*\s*)năm\s*(?P<y>\d{4})?",
    re.IGNORECASE,
)
_DATE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")


def parse_date(text: str) -> PartialDate | None:
    """'ngày 03 tháng 3 năm 2025', 'ngày tháng 8 năm 2025' (partial), '18/12/2024'."""
    m = _DATE_WORDS.search(text)
    if m:
        d, mo, y = (int(g) if g else None for g in (m.group("d"), m.group("m"), m.group("y")))
        return PartialDate(d, mo, y, squash(m.group(0)))
    m2 = _DATE_NUMERIC.search(text)
    if m2:
        return PartialDate(int(m2.group(1)), int(m2.group(2)), int(m2.group(3)), m2.group(0))
    return None


def parse_filled_date(text: str) -> PartialDate | None:
    """A date typed into a form's dotted blanks: '.03./.3./2025' -> 03/03/2025."""
    m = re.search(r"[\d.…/\s]*\d{4}", text)
    if not m:
        return None
    parts = [re.sub(r"[^\d]", "", p) for p in m.group(0).split("/")]
    parts = [p for p in parts if p]
    if len(parts) != 3:
        return None
    d, mo, y = (int(p) for p in parts)
    return PartialDate(d, mo, y, squash(m.group(0)))


_NUMBER_TOKEN = r"\d{1,6}(?:[-/][0-9A-Za-zĐđ.]+)*[-/][A-ZĐ][0-9A-Za-zĐđ.]*(?:[-/][0-9A-Za-zĐđ.]+)*"
_CLEAN_NUMBER = re.compile(rf"^{_NUMBER_TOKEN}$")


def clean_filled_number(raw: str) -> str:
    """'...410...../UBND-NCKTGS' -> '410/UBND-NCKTGS' (dots and spaces typed as form filler)."""
    s = re.sub(r"\s+", "", raw)
    s = re.sub(r"^[.…]+|[.…]+$", "", s)
    s = re.sub(r"[.…]+/", "/", s)
    s = re.sub(r"/[.…]+", "/", s)
    return s


# --- references to other documents ---------------------------------------------------------------

_REF_KINDS = (
    "Văn bản|Công văn|Kế hoạch|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư liên tịch|Thông tư|"
    "Luật|Thông báo|Hướng dẫn|Báo cáo|Tờ trình|Kết luận|Quy định"
)
_REF = re.compile(
    rf"(?P<kind>{_REF_KINDS})\s+(?:số\s+)?(?P<num>{_NUMBER_TOKEN})"
    r"(?:\s+ngày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>[^,;:.()]+?)(?=\s+(?:về|ban hành|tại|quy định|hướng dẫn|phê duyệt|triển khai)\b|[,;:.()]|$))?",
)
_ISSUER_BEFORE = re.compile(r"(?:của|,|;)\s*(?P<issuer>[^,;]+?)\s+tại\s*$")
_ISSUER_WINDOW = 400  # characters before a reference searched for '... của <issuer> tại'


def _issuer_before(text: str, end: int) -> re.Match[str] | None:
    """'của <issuer> tại' ending where a reference starts, found in the text just before it.

    Such a match holds no ',' or ';' but its first character, so it lies after the last of them;
    and an issuer is a name, never hundreds of characters: searching only there keeps the work
    per reference bounded (searching all the text before each one was quadratic)."""
    window = max(0, end - _ISSUER_WINDOW)
    start = max(text.rfind(",", window, end), text.rfind(";", window, end), window)
    return _ISSUER_BEFORE.search(text, start, end)


# a law named by its title before its number: 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15'
_TITLED_LAW = re.compile(
    rf"\b(?P<kind>(?:Bộ luật|Luật|Pháp lệnh)\s+(?!số\b)[^;,.()\d]{{3,120}}?)\s+số\s+(?P<num>{_NUMBER_TOKEN})"
)


def find_refs(text: str, line: int) -> list[DocRef]:
    """Documents named in a text, each with number, date and issuer where the text gives them."""
    found: list[tuple[int, DocRef]] = []
    titled: set[str] = set()
    for m in _TITLED_LAW.finditer(text):
        num = m.group("num").rstrip(".")
        titled.add(num)
        found.append((m.start(), DocRef(squash(m.group("kind")), num, None, "", squash(m.group(0)), line)))
    for m in _REF.finditer(text):
        issuer = (m.group("issuer") or "").strip()
        if not issuer:
            before = _issuer_before(text, m.start())
            if before:
                issuer = before.group("issuer").strip()
                issuer = re.sub(r"^(?:Thực hiện|xét|Xét)\s+(?:đề nghị|ý kiến|chỉ đạo)\s+của\s+", "", issuer)
        date = parse_date("ngày " + m.group("date")) if m.group("date") else None
        ref = DocRef(m.group("kind"), m.group("num").rstrip("."), date, issuer, squash(m.group(0)), line)
        if ref.number not in titled:  # 'Luật X số N' is already read with its title
            found.append((m.start(), ref))
    return [r for _, r in sorted(found, key=lambda x: x[0])]


# --- header --------------------------------------------------------------------------------------

_MOTTO = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
)
_DOC_TYPES = {
    "KẾ HOẠCH": "Kế hoạch",
    "QUYẾT ĐỊNH": "Quyết định",
    "CHỈ THỊ": "Chỉ thị",
    "THÔNG BÁO": "Thông báo",
    "BÁO CÁO": "Báo cáo",
    "TỜ TRÌNH": "Tờ trình",
    "NGHỊ QUYẾT": "Nghị quyết",
    "NGHỊ ĐỊNH": "Nghị định",
    "THÔNG TƯ": "Thông tư",
    "LUẬT": "Luật",
    "BỘ LUẬT": "Bộ luật",
    "HƯỚNG DẪN": "Hướng dẫn",
    "CÔNG VĂN": "Công văn",
    "CÔNG ĐIỆN": "Công điện",
}
_SYMBOL_TYPES = {
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "HD": "Hướng dẫn",
    "CĐ": "Công điện",
    "QH13": "Luật",
    "QH14": "Luật",
    "QH15": "Luật",
}
_TELEGRAM_TO = re.compile(r"^\W*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{3,}\s+điện\s*:\W*$")
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_NUMBER_START = re.compile(
    r"^\s*[\d…. ]*\d*\s*/\s*[A-ZĐ0-9]", re.IGNORECASE
)  # '74/2025/NQ-HĐND', '…/KH-UBND'
_GLUED_RULE = re.compile(r"[-_–—]{3,}")  # 'CHÍNH PHỦ-------': the rule under the issuer, line break lost
_PLACE_DATE = re.compile(r"^(?P<place>[^,\d]{2,40}),\s*(?P<date>ngày.*)$", re.IGNORECASE)
_OPENING = re.compile(r"^(Thực hiện|Căn cứ|Xét|Theo|Trên cơ sở|Nhằm|Để|Ngày)\b")


# Types of text a document issues 'kèm theo' (Nghị định 30/2020/NĐ-CP, Phụ lục III, and the lists and
# schedules decisions approve), longest first: the attachment's label is its own title word.
_ATTACHED_TYPES = tuple(
    sorted(
        (
            "KẾ HOẠCH", "QUY ĐỊNH", "QUY CHẾ", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN", "DỰ ÁN", "HƯỚNG DẪN",
            "ĐIỀU LỆ", "DANH MỤC", "QUY TRÌNH", "NỘI QUY", "CHIẾN LƯỢC", "BỘ TIÊU CHÍ", "TIÊU CHÍ",
            "LỊCH", "THỂ LỆ", "QUY HOẠCH", "DANH SÁCH", "BẢNG", "KHUNG", "TIÊU CHUẨN", "ĐỊNH MỨC",
            "CƠ CHẾ", "CHÍNH SÁCH", "NHIỆM VỤ", "KẾ HOẠCH HÀNH ĐỘNG", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip


def _appendix_heading(s: str) -> re.Match[str] | None:
    """'PHỤ LỤC II', 'Phụ lục 01', or 'PHỤ LỤC' alone (written in capitals) as a heading line."""
    m = _APPENDIX.match(s)
    if not m or len(s) >= 120 or s.endswith("."):
        return None
    if m.group("num"):
        return m
    title = m.group("title").strip()
    return m if re.match(r"^PH[UỤ]\s*L[UỤ]C\b", s) and (not title or _is_upper_line(title)) else None


def _is_recipient(s: str, closed: bool) -> bool:
    """A line under 'Kính gửi:' that names a recipient, not the first paragraph of the text."""
    if s.startswith(("-", "+", "•")):
        rest = s.lstrip("-+• ")
        return len(s) <= 160 and not (_OPENING.match(rest) and len(s) > 120)
    return not closed and len(s) <= 130 and not _OPENING.match(s)


def _is_upper_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


# --- body structure ------------------------------------------------------------------------------

_PART = re.compile(r"^(?P<num>[IVXLC]{1,6})\s*[.:]\s*(?P<title>\S.*)?$")
_ITEM = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\))\s*(?P<title>\S.*)?$")
_POINT = re.compile(r"^(?P<num>[a-zđ])\)\s+(?P<title>\S.*)$")
_APPENDIX = re.compile(
    r"^PH[UỤ]\s*L[UỤ]C\s*(?:số\s*)?(?P<num>[IVXLC]+|\d{1,2})?\s*[.:]?\s*(?P<title>.*)$", re.IGNORECASE
)
_ARTICLE = re.compile(r"^Điều\s+(?P<num>\d{1,4}[a-zđ]?)\s*[.:]\s*(?P<title>.*)$")
_CHAPTER = re.compile(r"^Chương\s+(?P<num>[IVXLC]+|\d+)\s*[.:]?\s*(?P<title>.*)$", re.IGNORECASE)
_LAW_SECTION = re.compile(r"^Mục\s+(?P<num>\d+)\s*[.:]?\s*(?P<title>.*)$")
_LAW_PART = re.compile(r"^Phần\s+(?P<num>thứ\s+\S+|[IVXLC]+|\d+)\s*[.:]?\s*(?P<title>.*)$", re.IGNORECASE)
_CC_LINE = re.compile(r"^Nơi\s+nhận\s*:?\s*$", re.IGNORECASE)
_FLAT_CC = re.compile(r"^-\s[^;]+;(?:\s*-\s[^;]+;)+\s*-\s*Lưu\b")  # '- Chính phủ; - ...; - Lưu: VT, NC.'
_SIGNED = re.compile(r"^\(\s*đã\s+ký\s*\)\s*|^đã\s+ký\s*$", re.IGNORECASE)  # '(Đã ký)' of a published copy
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*\S", re.IGNORECASE)
_CAPTION = re.compile(
    r"Kèm theo\s+(?P<kind>[^\d.…]*?)\s*số\s*(?P<num>.*?)\s*ngày\s*"
    r"(?P<date>\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|[\d.…/\s]*\d{4})",
    re.IGNORECASE,
)
# The place an amendment's quoted text stands in: '(điểm c) khoản 4 Điều 12', 'Điều 6a' (the first
# named: 'Bổ sung Điều 6a vào sau Điều 6 như sau:').
_QUOTE_PLACE = re.compile(
    r"(?:điểm\s+[a-zđ]\s+)?(?:khoản\s+(?P<clause>\d{1,3})\s+)?Điều\s+(?P<art>\d{1,4}[a-zđ]?)\b", re.IGNORECASE
)
_CODE = re.compile(r"^(?P<code>[A-Z](?:\.\d{1,2}){1,5})\.?\s+(?P<title>.*)$")


# A consolidated text's note reference right after a heading's number ('a) [2]', '2.[18] Chủ trì').
_NOTE_AFTER_NUMBER = re.compile(
    r"^(?P<mark>(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]|Điều\s+\d{1,4}[a-zđ]?[.:])\s*(?:\[\d{1,3}\]\s*)+"
)


@dataclass
class _Heading:
    kind: str
    number: str
    title: str
    depth: int  # for arabic items: number of components


# a military or police rank before a signer's name ('Thượng tướng Vũ Hải Sản')
_RANK = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+(?=\S)")


def _title_case_name(s: str) -> bool:
    words = _RANK.sub("", s).split()
    return (
        2 <= len(words) <= 6
        and all(w[:1].isupper() for w in words)
        and not any(c.isdigit() for c in s)
        and not _is_upper_line(s)
    )


class _Parser:
    def __init__(self, doc_id: str, text: str, path: str) -> None:
        self.text = unify_lines(text)
        self.lines = self.text.split("\n")
        self.layout = read_layout(self.lines)
        self.clean = [clean_line(x) for x in self.layout.text]
        self.doc = Document(doc_id=doc_id, path=path, lines=self.lines)
        self.doc.logical, self.doc.logical_end = self.layout.text, self.layout.end
        self.doc.site_meta = self.layout.site_meta
        self.vv_subject = False
        self.doc.content_hash = text_hash(text)
        self.n = len(self.lines)
        self._ghost_refs: list[Section] = []

    # 1-based helpers
    def c(self, i: int) -> str:
        return self.clean[i - 1]

    def sig(self, i: int) -> str:
        """Line ``i`` as a signature line: without a flattened table's '|' and a copy's '(Đã ký)'."""
        if not 1 <= i <= self.n:
            return ""
        return squash(_SIGNED.sub("", self.c(i).strip("| ")))

    def parse(self) -> Document:
        body_start = self._header()
        end_body, cc_start, sig = self._tail(body_start)
        self._body(body_start, end_body)
        if cc_start:
            self._cc(cc_start, sig[0] - 1 if sig else self._attached_start - 1)
        if sig:
            self._signature(*sig)
        self._appendices()
        self._criteria_in_lines()
        self._criteria_in_text()
        self._finish_metadata()
        self.doc.sections.sort(key=lambda s: s.line_start)
        _unique_labels(self.doc.sections)
        self.doc.warnings = reading_warnings(self.doc)
        return self.doc

    # --- header ---
    def _first_structural(self) -> int:
        for i in range(1, self.n + 1):
            s = self.c(i)
            if (
                _PART.match(s)
                or _ARTICLE.match(s)
                or _CHAPTER.match(s)
                or _LAW_PART.match(s)
                or (_ITEM.match(s) and not _NUMBER_LINE.match(s))
                or _APPENDIX.match(s)
            ):
                return i
        return self.n + 1

    def _tail_mark(self) -> int:
        """First line of the closing parts (Nơi nhận, a signature authority 'TM.'/'KT.'), or n + 1."""
        for i in range(1, self.n + 1):
            s = self.c(i)
            if _CC_LINE.match(s) or (_AUTHORITY.match(s) and _is_upper_line(s[3:])):
                return i
        return self.n + 1

    def _header(self) -> int:
        """Read the header; return the first line of the numbered body.

        A document with no numbered item before its closing parts (a short công văn: Kính gửi, a few
        paragraphs or '-' bullets, Nơi nhận, signature) has its text as one section ``Căn cứ`` (the
        label of the opening paragraph) of kind ``body``, chunked like any section.
        """
        first_struct = self._first_structural()
        tail_mark = self._tail_mark()
        unstructured = tail_mark < first_struct
        first_struct = min(first_struct, tail_mark)
        recipients_closed = False
        doc = self.doc
        issuer_lines: list[str] = []
        header_end = 0
        subject_lines: list[tuple[int, str]] = []
        recip_start = 0
        opening: list[int] = []
        state = "top"
        units = self._header_units(first_struct)
        u = -1
        while u + 1 < len(units):
            u += 1
            i, s = units[u]
            m_num = _NUMBER_LINE.match(s)
            m_pd = _PLACE_DATE.match(s)
            if state in {"top", "subject"} and m_num and not doc.number_raw:
                doc.number_raw = m_num.group("rest").strip()
                # 'Số:' alone, the number on the next line (a header table copied cell by cell)
                nxt = units[u + 1] if u + 1 < len(units) else None
                if not doc.number_raw and nxt and nxt[0] < i + 4 and _NUMBER_START.match(nxt[1]):
                    u += 1
                    i, doc.number_raw = nxt[0], nxt[1].strip()
                header_end = i
            elif state in {"top", "subject"} and m_pd and not doc.date and parse_date(m_pd.group("date")):
                doc.place = m_pd.group("place").strip()
                doc.date = parse_date(m_pd.group("date"))
                header_end = i
            elif s.startswith(_MOTTO) or any(s == m for m in _MOTTO):
                header_end = i
            elif s.upper().startswith("V/V") or s.startswith("Về việc"):
                subject_lines.append((i, re.sub(r"^(V/v|Về việc)\s*:?\s*", "", s, flags=re.IGNORECASE)))
                self.vv_subject = True
                header_end = i
                state = "subject"
            elif s.rstrip(":").strip().upper() in _DOC_TYPES and state == "top":
                doc.doc_type = _DOC_TYPES[s.rstrip(":").strip().upper()]
                header_end = i
                state = "title"
            elif state == "subject" and self.vv_subject and _is_upper_line(s) and not _TELEGRAM_TO.match(s):
                subject_lines.append((i, s))  # 'V/V CHỦ ĐỘNG PHÒNG,' / 'TRÁNH, ỨNG PHÓ ...': one subject
                header_end = i
            elif state == "title" and not _OPENING.match(s) and not s.lower().startswith("kính gửi"):
                subject_lines.append((i, s))
                header_end = i
            elif s.lower().startswith("kính gửi") or _TELEGRAM_TO.match(s):
                # 'Kính gửi:', or a công điện's 'THỦ TƯỚNG CHÍNH PHỦ điện:' before its addressees
                recip_start = i
                state = "recipients"
                rest = re.sub(r"^kính gửi\s*:?\s*|^.*\bđiện\s*:\**\s*", "", s, flags=re.IGNORECASE)
                if rest:
                    doc.recipients.append(rest.lstrip("- ").rstrip(";.").strip())
            elif state == "recipients" and s.startswith("(") and doc.recipients:
                pass  # '(Đ/c: Lô CN06, KCN Bình Xuyên II ...)': the recipient's address
            elif state == "recipients" and not opening and _is_recipient(s, recipients_closed):
                doc.recipients.append(s.lstrip("-+• ").rstrip(";.").strip())
                # 'Công ty X.' ends the list; a list of '- ...' bullets may end each with a full stop
                recipients_closed = s.rstrip().endswith(".") and not s.startswith(("-", "+", "•"))
            elif (state == "top" and _is_upper_line(s) and not header_end) or (
                state == "top" and _is_upper_line(s) and len(s) < 80 and not subject_lines
            ):
                issuer_lines.append(s)
            elif not opening or opening[-1] != i:
                opening.append(i)
                state = "opening"
        doc.issuer = squash(" ".join(issuer_lines))
        doc.subject = squash(" ".join(t for _, t in subject_lines))
        top = next((k for k in range(1, self.n + 1) if self.c(k)), 1)
        if header_end:
            self._add(Section(TITLE, "", doc.subject, "header", 0), top, header_end, body="")
        if recip_start:
            end = (opening[0] - 1) if opening else first_struct - 1
            self._add(Section(RECIPIENTS, "", "Kính gửi", "header", 0), recip_start, self._trim_end(end))
        if opening:
            start, end = opening[0], self._trim_end(first_struct - 1)
            # the text of a document without numbered items: the opening paragraph that is all of it
            head = Section(BASES, "", "Nội dung văn bản", "body", 0) if unstructured else None
            # the legal bases ('Căn cứ Luật ...'), or an opening that states the situation and the
            # purpose ('Theo dự báo ...', 'Trong những năm qua ...'): not bases, named for what it is
            bases = any(re.match(r"\W*căn cứ\b", self.c(k), re.IGNORECASE) for k in range(start, end + 1))
            title = "Căn cứ ban hành" if bases else "Phần mở đầu"
            sec = self._add(head or Section(BASES, "", title, "header", 0), start, end)
            for k in range(start, end + 1):
                doc.bases.extend(find_refs(self.c(k), k))
            sec.text = self._body_text(start, end)
        for ln, t in subject_lines:
            doc.refs.extend(find_refs(t, ln))
        return first_struct

    def _header_units(self, stop: int) -> list[tuple[int, str]]:
        """The header's lines before ``stop`` as (line, text), a row of a layout table flattened onto
        one line split into its cells: 'CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI ... Hạnh phúc------ |' is
        the issuer and the motto, 'Số: 16/2025/NĐ-CP |' the number (the table's cells each end with
        ' |', their own line breaks lost, a rule glued to the text)."""
        units: list[tuple[int, str]] = []
        for i in range(1, stop):
            s, raw = self.c(i), self.layout.text[i - 1].strip()
            if not s:
                continue
            if raw.endswith("|") and (not raw.startswith("|") or raw.count("|") >= 2):
                # '| CỘNG HÒA … Hạnh phúc |': a row whose first cell (the issuer) was lost in the copy
                for cell in raw.strip("|").split("|"):
                    units.extend((i, t) for t in (clean_line(x) for x in _GLUED_RULE.split(cell)) if t)
            else:
                units.append((i, s))
        return units

    def _trim_end(self, end: int) -> int:
        """The last file line of the last logical line at or before ``end``."""
        k = end
        while k > 0 and not self.c(k):
            k -= 1
        return min(self.layout.end[k - 1], max(end, k)) if k > 0 else 0

    def _appendix_start(self) -> int:
        for i in range(1, self.n + 1):
            m = _APPENDIX.match(self.c(i))
            if m and m.group("num") and len(self.c(i)) < 120 and not self.c(i).endswith("."):
                return i  # as _appendices reads them: 'Phụ lục VIII, Phụ lục IX và Phụ lục X.' cites
        return self.n + 1

    def _tail(self, body_start: int) -> tuple[int, int, tuple[int, int] | None]:
        """Locate 'Nơi nhận' and the signature block; return (last body line, cc start, sig span)."""
        app = self._appendix_start()
        cc = next((i for i in range(body_start, app) if _CC_LINE.match(self.c(i))), 0)
        if not cc:  # the list with its label lost, flattened onto one line: '- Chính phủ; - ...; - Lưu: VT'
            cc = next((i for i in range(body_start, app) if _FLAT_CC.match(self.c(i))), 0)
        sig_start = 0
        search_from = cc or body_start
        for i in range(search_from, app):
            if _AUTHORITY.match(self.c(i)) and _is_upper_line(self.c(i)[3:]):
                sig_start = i
                break
        if not sig_start:
            # no 'TM.'/'KT.' line: a title in capitals ('CHỦ TỊCH', 'BỘ TRƯỞNG') over a person's name
            for i in range(search_from, app):
                s = self.sig(i)
                if s and _is_upper_line(s) and len(s) < 60 and not _CC_LINE.match(s):
                    nxt = next((self.sig(k) for k in range(i + 1, min(i + 4, app)) if self.sig(k)), "")
                    if _title_case_name(nxt):
                        sig_start = i
                        break
        if not sig_start:
            # a published copy: '(Đã ký) Lê Thành Long' where the titles were lost
            sig_start = next(
                (
                    i
                    for i in range(search_from, app)
                    if _SIGNED.match(self.c(i)) and _title_case_name(self.sig(i) or self.sig(i + 1))
                ),
                0,
            )
        sig: tuple[int, int] | None = None
        self._attached = []
        if sig_start or cc:
            # after the signer's name (or the list of recipients): the texts issued with the document
            after = self._signature_name_line(sig_start, app) if sig_start else cc
            self._attached = self._attached_parts(after + 1)
            att = [a for a, _ in self._attached if a < app]
            app = min(att, default=app)
        self._attached_start = app
        if sig_start:
            sig = (sig_start, self._trim_end(app - 1))
        ends = [x for x in (cc, sig_start) if x]
        end_body = self._trim_end((min(ends) - 1) if ends else app - 1)
        # The closing formula ('Ủy ban nhân dân thành phố yêu cầu ... thực hiện./.') after the last item
        # belongs to no item; a numbered heading ending in './.' (the last item itself) stays.
        last = self.c(end_body) if end_body else ""
        if (
            last.endswith("./.")
            and not last.startswith(("-", "+"))
            and not _ITEM.match(last)
            and not _PART.match(last)
            and not _ARTICLE.match(last)  # 'Điều 3. ... chịu trách nhiệm thi hành Quyết định này./.'
        ):
            end_body = self._trim_end(end_body - 1)
        return end_body, cc, sig

    def _signature_name_line(self, start: int, stop: int) -> int:
        """The line of the signer's name in a signature block starting at ``start`` (its last line)."""
        last = start
        for i in range(start, stop):
            s = self.sig(i)
            if not s:
                continue
            if _AUTHORITY.match(s) or _is_upper_line(s):
                last = i
            elif _title_case_name(s):
                return i
            else:
                break
        return last

    def _attached_parts(self, start: int) -> list[tuple[int, str]]:
        """What follows the signature, in file order: ``(line, 'appendix' | 'attachment')``.

        An appendix is a 'PHỤ LỤC' heading, numbered or not. An attached text is a title in
        capitals that either is a type of document alone ('KẾ HOẠCH', 'QUY ĐỊNH', 'QUY CHẾ' ...)
        or is followed by its caption '(Ban hành kèm theo Quyết định số ...)'.
        """
        out: list[tuple[int, str]] = []
        i = start
        while i <= self.n:
            s = self.c(i)
            if not s:
                i += 1
                continue
            if _appendix_heading(s) is not None:
                out.append((i, "appendix"))
                # the appendix's own title in capitals and its caption are no attached text's title
                i = self.layout.end[i - 1] + 1
                while i <= self.n and (not self.c(i) or _is_upper_line(self.c(i))):
                    if self.c(i) and (
                        _appendix_heading(self.c(i)) is not None or self._heading(self.c(i), law=False)
                    ):
                        break
                    i = self.layout.end[i - 1] + 1
                continue
            elif self._attachment_title(i) is not None:
                out.append((i, "attachment"))
                i = self._attachment_title(i)[1] + 1  # type: ignore[index]
                continue
            i = self.layout.end[i - 1] + 1
        return out

    def _attachment_title(self, i: int) -> tuple[str, int, str, int] | None:
        """At an attached text's title line: (type word, last title line, title, first body line)."""
        s = self.c(i)
        if not s or not _is_upper_line(s) or _AUTHORITY.match(s) or s.startswith(_MOTTO) or len(s) > 300:
            return None
        if self._heading(s, law=False) or _ARTICLE.match(s) or _CHAPTER.match(s) or _LAW_PART.match(s):
            return None
        bare = s.rstrip(":. ").strip()
        word = next((w for w in _ATTACHED_TYPES if bare == w or bare.startswith(w + " ")), "")
        title_lines: list[str] = [] if bare == word else [bare]
        last = self.layout.end[i - 1]
        body = last + 1
        caption = False
        k = body
        seen = 0
        while k <= self.n and seen < 8:
            t = self.c(k)
            if not t:
                k += 1
                continue
            seen += 1
            if t.startswith("(") and "kèm theo" in t.lower():
                caption = True
                body = self.layout.end[k - 1] + 1
                break
            if _is_upper_line(t) and not self._heading(t, law=False) and not _ARTICLE.match(t):
                if _CHAPTER.match(t) or _appendix_heading(t) is not None:
                    break
                title_lines.append(t)
                last = self.layout.end[k - 1]
                body = last + 1
                k = last + 1
                continue
            break
        if bare != word and not caption:
            return None  # a heading in capitals inside the text, not the title of an attached text
        if not title_lines and not caption:
            return None
        return (word, last, squash(" ".join(title_lines)), body)

    def _attachment(self, start: int, end: int) -> None:
        """An attached text ('Kế hoạch kèm theo'): a top-level section whose children are its own
        numbering, every label prefixed with the attachment's label ('Kế hoạch kèm theo, III.2')."""
        found = self._attachment_title(start)
        if found is None:
            return
        word, _, title, body = found
        label = f"{word.capitalize() if word else 'Văn bản'} kèm theo"
        taken = {x.label for x in self.doc.sections}
        if label in taken:
            n = 2
            while f"{label} {n}" in taken:
                n += 1
            label = f"{label} {n}"
        root = Section(label, "", title, "attachment", 0)
        root.line_start, root.line_end, root.body_start = start, self._trim_end(end), body
        self.doc.sections.append(root)
        # its own closing: a signature at the end of the attached text is no part of its last item
        stop = end
        for k in range(end, body - 1, -1):
            t = self.c(k)
            if _CC_LINE.match(t) or (_AUTHORITY.match(t) and _is_upper_line(t[3:])):
                stop = k - 1
                break
            if t and not _is_upper_line(t) and not _title_case_name(t):
                break
        self._root = root
        self._body(body, self._trim_end(stop))
        self._root = None
        for sec in root.walk():
            if sec is not root:
                sec.label = f"{label}, {sec.label}"
        own_end = root.children[0].line_start - 1 if root.children else root.line_end
        root.text = self._body_text(body, self._trim_end(own_end)) or title

    def _cc(self, start: int, end: int) -> None:
        end = self._trim_end(end)
        if _FLAT_CC.match(self.c(start)):
            self.doc.cc.extend(x for x in (p.strip(" -;.|") for p in self.c(start).split("; -")) if x)
        for i in range(start + 1, end + 1):
            s = self.c(i).lstrip("-+• ").rstrip(";.").strip()
            if s:
                self.doc.cc.append(s)
        self._add(Section(CC, "", "Nơi nhận", "header", 0), start, end)

    def _signature(self, start: int, end: int) -> None:
        authority: list[str] = []
        title = ""
        name = ""
        name_line = end
        for i in range(start, end + 1):
            s = self.sig(i)
            if not s:
                continue
            if _AUTHORITY.match(s):
                authority.append(s)
            elif _is_upper_line(s):
                title = s
            elif _title_case_name(s):
                name = _RANK.sub("", s)
                name_line = i
                break  # the first name under the titles signs; what follows is not the signature
            elif authority or title:
                break  # text after the titles with no name: a signature without a name
        if not title and authority:
            # 'TM. ỦY BAN NHÂN DÂN' directly above the name: the title is in the authority line.
            title = authority[-1].split(".", 1)[1].strip()
        self.doc.signer = Signer(name, title, authority, start, name_line)
        self._add(Section(SIGNATURE, "", "Chữ ký", "header", 0), start, name_line)

    # --- numbered body ---
    def _heading(self, s: str, law: bool) -> _Heading | None:
        s = _NOTE_AFTER_NUMBER.sub(r"\g<mark> ", s)  # '1.[17] Các tổ chức ...': the note is no title
        if law:
            for kind, rx in (("chapter", _CHAPTER), ("section", _LAW_SECTION), ("part_law", _LAW_PART)):
                m = rx.match(s)
                if m and (not m.group("title") or len(m.group("title")) < 200):
                    return _Heading(kind, m.group("num"), m.group("title").strip(), 0)
            m = _ARTICLE.match(s)
            if m:
                return _Heading("article", m.group("num"), m.group("title").strip(), 0)
            m = _ITEM.match(s)
            # a clause opens with a capital (Nghị định 30/2020: 'khoản' as a sentence): '1);' or
            # '2) đến Sở ...' is the end of a parenthesis wrapped onto a line of its own, '1.5' a figure
            if m and "." not in m.group("num") and _opens_sentence(m.group("title")):
                return _Heading("clause", m.group("num"), m.group("title").strip(), 1)
            m = _POINT.match(s)
            if m:
                return _Heading("point", m.group("num"), m.group("title").strip(), 2)
            m = _PART.match(s)
            if m and roman_to_int(m.group("num")) and _opens_sentence(m.group("title")):
                # 'I. QUAN ĐIỂM' inside 'Điều 1. Phê duyệt Đề án ...': the approved text's parts
                return _Heading("group", m.group("num"), (m.group("title") or "").strip(), 0)
            return None
        m = _PART.match(s)
        if m and roman_to_int(m.group("num")) and (m.group("title") or "").strip():
            return _Heading("part", m.group("num"), (m.group("title") or "").strip(), 0)
        m = _ITEM.match(s)
        if m and m.group("title") and m.group("title")[0].isupper():
            num = m.group("num")
            return _Heading("item", num, m.group("title").strip(), num.count(".") + 1)
        m = _POINT.match(s)
        if m:
            return _Heading("point", m.group("num"), m.group("title").strip(), 0)
        return None

    def _body(
        self, start: int, end: int, law: bool | None = None, stack: list[Section] | None = None
    ) -> None:
        """The numbered sections of lines ``start``..``end``. ``law`` and ``stack`` are given for a
        quoted text (:meth:`_quoted`): its mode, and the places its numbers stand in."""
        if start > end:
            return
        if law is None:
            law = sum(1 for i in range(start, end + 1) if _ARTICLE.match(self.c(i))) >= 1
        stack = stack if stack is not None else []  # open sections, outermost first
        part: Section | None = None
        items: list[Section] = []  # open arabic items by depth (directives)
        quotes = self._quote_spans(start + 1 if self._quoting else start, end)  # a quote's own first line
        inner: dict[int, int] = {}  # id of a section -> last number of a list written in its text
        skip_to = 0
        for i in range(start, end + 1):
            if i <= skip_to:
                continue
            s = self.c(i)
            if not s:
                continue
            if i in quotes:
                host = self._opened[-1] if self._opened else self._root
                if host is not None:
                    self._quoted(host, i, quotes[i], law)
                    skip_to = quotes[i]
                    continue
            if self._quoting:
                s = s.lstrip('“"').lstrip()  # '“Điều 5. ...', '"2. ...': the quoted text's own numbers
            h = self._heading(s, law)
            if h is None:
                continue
            if h.kind in {"item", "clause"} and self._in_inner_list(h, i, inner):
                continue
            if law:
                if h.kind == "group" and not any(
                    x.kind == "article" and id(x) not in self._ghosts for x in stack
                ):
                    continue  # a roman number outside an article: not a part of an approved text
                if (
                    h.kind == "clause"
                    and h.number == "1"
                    and stack
                    and stack[-1].kind in {"clause", "point"}
                    and id(stack[-1]) not in self._ghosts
                    and self._introduces_list(i)
                ):
                    # '1.' inside a clause or a point: a list in its text, not the article's first clause
                    inner[id(stack[-1])] = 1
                    continue
                self._law_node(h, stack, i)
            elif h.kind == "part":
                part = Section(h.number, h.number, _strip_colon(h.title), "part", 1)
                items = []
                self._open(part, None, i)
            elif h.kind == "point":
                # 'a)', 'b)' under the innermost open item (or part): its points, in the alphabet's order
                holder = items[-1] if items else part
                if holder is None or not _next_point(holder, h.number):
                    continue
                sec = Section(
                    f"{holder.label}.{h.number}", h.number, _strip_colon(h.title), "point", holder.level + 1
                )
                self._open(sec, holder, i)
            else:
                if not self._plausible_item(h, items, _in_emphasis(self.layout.text[i - 1])):
                    host = self._opened[-1] if self._opened else None
                    if (
                        h.number == "1"
                        and host is not None
                        and host.kind == "point"
                        and self._introduces_list(i)
                    ):
                        inner[id(host)] = 1  # 'a) ... gồm:' then '1.', '2.', '3.': a list in the point's text
                    continue
                while len(items) >= h.depth:
                    items.pop()
                parent = items[-1] if items else part
                prefix = f"{part.label}." if part else ""
                sec = Section(
                    prefix + h.number, h.number.split(".")[-1], _strip_colon(h.title), "item", h.depth + 1
                )
                self._open(sec, parent, i)
                items.append(sec)
        self._close_spans(end)

    def _in_inner_list(self, h: _Heading, i: int, inner: dict[int, int]) -> bool:
        """Does heading ``h`` continue a list written inside the text of the innermost open section
        (a point 'a) Các nội dung sau:' whose body lists '1.', '2.', '3.')? Then it is text there,
        not the next item of the document's own numbering."""
        host = self._opened[-1] if self._opened else None
        if host is None or id(host) not in inner or "." in h.number or not h.number.isdigit():
            return False
        if int(h.number) != inner[id(host)] + 1:
            return False
        if _in_emphasis(self.layout.text[i - 1]):
            return False  # '**6. Thành lập ...**': the document's heading, whatever a list counted
        inner[id(host)] = int(h.number)
        return True

    def _introduces_list(self, i: int) -> bool:
        """Does the text before line ``i`` announce a list ('... gồm:', '... như sau:')?"""
        k = i - 1
        while k > 0 and not self.c(k):
            k -= 1
        return k > 0 and self.c(k).endswith(":")

    # --- quoted text: an amendment's new wording ('Sửa đổi khoản 1 Điều 7 như sau: “1. ...”') ---
    def _quote_spans(self, start: int, end: int) -> dict[int, int]:
        """Quoted blocks of lines ``start``..``end``: first line -> last line.

        A block opens on a line that begins with a quotation mark right after a line announcing it
        ('... như sau:') and closes on the line where its marks balance again ('...”.'); a quote that
        never closes is no block (its text is read as it stands)."""
        out: dict[int, int] = {}
        i = start
        while i <= end:
            s = self.c(i)
            if not s or s[0] not in '“"' or not self._introduces_list(i):
                i += 1
                continue
            depth = 0
            close = 0
            for j in range(i, end + 1):
                t = self.c(j)
                if not t:
                    continue
                if s[0] == "“":
                    depth += t.count("“") - t.count("”")
                else:
                    depth = (depth + t.count('"')) % 2
                if depth <= 0:
                    close = j
                    break
            if close:
                out[i] = close
                i = close + 1
            else:
                i += 1
        return out

    _quoting = 0  # depth of quoted texts being read
    _ghosts: frozenset[int] = frozenset()  # ids of the places a quoted text stands in (never added)

    def _quoted(self, host: Section, start: int, end: int, law: bool) -> None:
        """A quoted text: its numbers read as its own sections, nested under the section that quotes
        it, labelled by the host and, in quotation marks, what they are in the text they amend:
        'Điều 1.2, “Điều 7”', 'Điều 1.2, “Điều 7.1”', 'Điều 1.5.b, “Điều 12.4.a”'. The place of a
        quote that starts below an article ('Sửa đổi điểm c khoản 1 Điều 8 như sau: “c) ...”') is
        read from the words that announce it."""
        first = self.c(start).lstrip('“"').lstrip()
        law = law or bool(_ARTICLE.match(first))
        stack: list[Section] = []
        if law and not _ARTICLE.match(first):
            stack = self._quote_place(host, start)
        saved = self._opened, self._root, self._ghosts
        self._opened, self._root = [], host
        self._ghosts = frozenset(id(g) for g in stack) | self._ghosts
        self._ghost_refs.extend(stack)  # an id names one object only while that object lives
        self._quoting += 1
        before = len(host.children)
        try:
            self._body(start, end, law=law, stack=stack)
        finally:
            self._quoting -= 1
            self._opened, self._root, self._ghosts = saved
        for top in host.children[before:]:
            for sec in top.walk():
                sec.label = f"{host.label}, “{sec.label}”"
                sec.level += host.level
                if sec.kind == "article":
                    sec.kind = "quote"  # an article quoted, not one of the document's own

    def _quote_place(self, host: Section, start: int) -> list[Section]:
        """The article (and clause) a quoted clause or point stands in, from the announcing words:
        'Sửa đổi, bổ sung khoản 4 Điều 12 như sau:' -> [Điều 12, Điều 12.4]."""
        k = start - 1
        while k > 0 and not self.c(k):
            k -= 1
        m = _QUOTE_PLACE.search(self.c(k)) if k > 0 else None
        if m is None:
            return []
        article = Section(f"Điều {m.group('art')}", m.group("art"), "", "article", 4)
        out = [article]
        if m.group("clause"):
            out.append(Section(f"{article.label}.{m.group('clause')}", m.group("clause"), "", "clause", 5))
        return out

    def _plausible_item(self, h: _Heading, items: list[Section], emphasised: bool = False) -> bool:
        """Reject numbers that do not continue the current numbering (a wrapped line, a year). A
        heading written in bold from end to end may skip a few numbers (an excerpt, an item struck
        out, a typo): no sentence is written that way."""
        parts = [int(p) for p in h.number.split(".")]
        if not items:
            return parts[-1] == 1 or (len(parts) == 1 and parts[0] <= 30)
        open_nums = [[int(p) for p in it_num.split(".")] for it_num in (self._num(it) for it in items)]
        for depth, nums in enumerate(open_nums, start=1):
            if len(parts) == depth and parts[:-1] == nums[:-1] and parts[-1] == nums[-1] + 1:
                return True
        if len(parts) == len(open_nums[-1]) + 1 and parts[:-1] == open_nums[-1] and parts[-1] <= 20:
            return True  # the first sub-item of the open item ('1.1.'; '1.2.' where 1.1 was dropped)
        if emphasised and any(
            len(parts) == len(nums) and parts[:-1] == nums[:-1] and nums[-1] < parts[-1] <= nums[-1] + 3
            for nums in open_nums
        ):
            return True
        # '1.' under a part whose items are numbered by their full path ('2.1.' written as '1.')
        return len(parts) == 1 and parts[0] == open_nums[0][0] + 1

    @staticmethod
    def _num(sec: Section) -> str:
        return (
            sec.label.split(".", 1)[1]
            if "." in sec.label and roman_to_int(sec.label.split(".")[0])
            else sec.label
        )

    def _law_node(self, h: _Heading, stack: list[Section], line: int) -> None:
        if h.kind in {"chapter", "section", "part_law"} and not h.title:
            nxt = next((self.c(k) for k in range(line + 1, min(line + 3, self.n) + 1) if self.c(k)), "")
            if nxt and _is_upper_line(nxt):
                h.title = nxt
        # a 'group' is a part of a text approved inside an article ('Điều 1. Phê duyệt Đề án' / 'I. ...')
        kind = "part" if h.kind == "group" else h.kind
        rank = {"part_law": 0, "chapter": 1, "section": 2, "article": 3, "part": 3.5, "clause": 4, "point": 5}
        if kind == "point":
            holder = next((s for s in reversed(stack) if s.kind in {"clause", "article", "part"}), None)
            own = [c for c in holder.children if c.kind == "point" and not _is_quoted(c)] if holder else []
            if holder is not None and own and not _next_point(holder, h.number):
                return  # a letter out of order ('d)' twice): a line of the point before
        while stack and rank[stack[-1].kind] >= rank[kind]:
            stack.pop()
        parent = stack[-1] if stack else None
        if kind == "article":
            label = f"Điều {h.number}"
        elif kind in {"clause", "part"}:
            article = next((s for s in reversed(stack) if s.kind in {"article", "part"}), None)
            label = f"{article.label}.{h.number}" if article else h.number
        elif kind == "point":
            clause = next((s for s in reversed(stack) if s.kind in {"clause", "article", "part"}), None)
            label = f"{clause.label}.{h.number}" if clause else h.number
        elif h.kind == "chapter":
            label = f"Chương {h.number}"
        elif h.kind == "section":
            label = (
                f"Mục {h.number}" if not parent else f"{parent.label}.Mục {h.number}"
            )  # Mục restarts per chương
        else:
            label = f"Phần {h.number}"
        level = int(rank[kind]) + 1
        if parent is not None and kind in {"part", "clause", "point"}:
            level = max(level, parent.level + 1)
        sec = Section(label, h.number, _strip_colon(h.title), kind, level)
        self._open(sec, parent if parent is None or id(parent) not in self._ghosts else None, line)
        stack.append(sec)

    def _open(self, sec: Section, parent: Section | None, line: int) -> None:
        sec.line_start = line
        sec.body_start = self.layout.end[line - 1] + 1  # after the heading, however many lines it wraps over
        parent = parent or self._root
        sec.parent = parent
        if parent is None:
            self.doc.sections.append(sec)
        else:
            parent.children.append(sec)
        self._opened.append(sec)

    _opened: list[Section]
    _root: Section | None = None  # the attached text being read: its top-level sections' parent
    _attached: list[tuple[int, str]]
    _attached_start: int

    def _close_spans(self, end: int) -> None:
        """Give every opened section its span: up to the line before the next section at its level or above."""
        opened = sorted(self._opened, key=lambda s: s.line_start)
        for k, sec in enumerate(opened):
            stop = end
            for nxt in opened[k + 1 :]:
                if nxt.level <= sec.level or (nxt.parent is not sec and not _is_descendant(nxt, sec)):
                    stop = nxt.line_start - 1
                    break
            sec.line_end = self._trim_end(stop)
        # the words outside its children, once every child's span is known (a parent comes first)
        for sec in opened:
            sec.text = "\n".join(
                t for a, b in sec.own_spans(sec.body_start) if (t := self._body_text(a, self._trim_end(b)))
            )
            if not sec.text and not sec.children:
                # '2.3. Giao phòng Văn hóa-Xã hội đăng tải ...': the heading line is the whole item.
                sec.text = sec.title
        self._opened = []

    def _body_text(self, start: int, end: int) -> str:
        """Cleaned text of lines start..end, paragraphs joined (blank lines inside a sentence mended)."""
        paras: list[str] = []
        for i in range(start, end + 1):
            s = self.c(i)
            if not s:
                continue
            if (
                paras
                and not s.startswith(("-", "+", "•"))
                and paras[-1]
                and paras[-1][-1] not in ".:;!?"
                and s[0].islower()
            ):
                paras[-1] = paras[-1] + " " + s
            else:
                paras.append(s)
        return "\n".join(paras)

    def _add(self, sec: Section, start: int, end: int, body: str | None = None) -> Section:
        sec.line_start, sec.line_end, sec.body_start = start, end, start
        sec.text = self._body_text(start, end) if body is None else body
        self.doc.sections.append(sec)
        return sec

    # --- appendices and tables ---
    def _appendices(self) -> None:
        parts: dict[int, str] = {}
        for i in range(1, self.n + 1):
            m = _APPENDIX.match(self.c(i))
            if m and m.group("num") and len(self.c(i)) < 120 and not self.c(i).endswith("."):
                parts[i] = "appendix"
        parts.update(dict(self._attached))
        order = sorted(parts)
        starts: list[tuple[int, re.Match[str]]] = []
        for k, i in enumerate(order):
            end = self._trim_end((order[k + 1] - 1) if k + 1 < len(order) else self.n)
            if parts[i] == "attachment":
                self._attachment(i, end)
                continue
            m = _appendix_heading(self.c(i))
            if m is None:
                continue
            starts.append((i, m))
            label = appendix_label(m.group("num")) if m.group("num") else "Phụ lục"
            title_parts = [m.group("title").strip()] if m.group("title").strip() else []
            j = i + 1
            caption_lines: list[int] = []
            while j <= end:
                s = self.c(j)
                if "\t" in self.layout.text[j - 1] or s.startswith("|") or self._pipe_row(j):
                    break
                if s and ("kèm theo" in s.lower() or caption_lines):
                    caption_lines.append(j)
                    if ")" in s:
                        j += 1
                        break
                elif s and not caption_lines:
                    title_parts.append(s)
                j += 1
            sec = Section(label, m.group("num") or "", squash(" ".join(title_parts)), "appendix", 1)
            sec.line_start, sec.line_end, sec.body_start = i, end, j
            self.doc.sections.append(sec)
            if caption_lines:
                raw = " ".join(self.c(x) for x in caption_lines)
                cm = _CAPTION.search(raw)
                if cm:
                    self.doc.captions.append(
                        AppendixCaption(
                            label,
                            clean_filled_number(cm.group("num")),
                            parse_filled_date(cm.group("date")) or parse_date("ngày " + cm.group("date")),
                            caption_lines[0],
                            raw,
                        )
                    )
            self._tables(label, j, end)
            sec.text = self._table_text(j, end) or self._body_text(j, end)
        # tables in the body and in attached texts, outside appendices
        covered = sorted((s.line_start, s.line_end) for s in self.doc.sections if s.kind == "appendix")
        lo = 1
        for a, b in [*covered, (self.n + 1, self.n + 1)]:
            if a > lo:
                self._tables("", lo, a - 1)
            lo = max(lo, b + 1)

    def _table_text(self, start: int, end: int) -> str:
        rows = []
        for i in range(start, end + 1):
            raw = self.layout.text[i - 1]
            if "\t" in raw:
                rows.append(" | ".join(clean_line(c) for c in raw.split("\t")))
            elif self.c(i):
                rows.append(self.c(i))
        return "\n".join(rows)

    def _pipe_row(self, line: int) -> bool:
        return any(line == a for t in self.layout.tables for a, _ in t.spans)

    def _tables(self, label: str, start: int, end: int) -> None:
        for t in self.layout.tables:
            if start <= t.spans[0][0] and t.spans[-1][1] <= end:
                rows = [(a, cells) for (a, _), cells in zip(t.spans, t.rows, strict=True)]
                self._table(label or self._label_at(rows[0][0]), rows)
        i = start
        while i <= end:
            if _table_cells(self.layout.text[i - 1]) is None:
                i += 1
                continue
            j = i
            block: list[tuple[int, list[str]]] = []
            while j <= end:
                cells = _table_cells(self.layout.text[j - 1])
                if cells is None:
                    if self.c(j):
                        break
                    j += 1
                    continue
                if cells:  # separator rows of markdown tables give []
                    block.append((j, cells))
                j += 1
            if len(block) >= 2:
                self._table(label or self._label_at(block[0][0]), block)
            i = j

    def _label_at(self, line: int) -> str:
        best = ""
        for s in self.doc.walk():
            if s.line_start <= line <= s.line_end:
                best = s.label
        return best

    def _table(self, label: str, block: list[tuple[int, list[str]]]) -> None:
        header = [clean_line(c) for c in block[0][1]]
        rows = [cells for _, cells in block[1:]]
        self.doc.tables.append(
            Table(label, header, rows, [ln for ln, _ in block[1:]], block[0][0], block[-1][0])
        )
        # the column names may sit on the second or third row, under a title row spanning the table
        for h in range(min(3, len(block))):
            names = [clean_line(c) for c in block[h][1]]
            cols = _score_columns(names)
            if cols is not None:
                self._criteria(label, cols, block[h + 1 :], names=names)
                return

    def _criteria(
        self,
        label: str,
        cols: _ScoreColumns,
        body: list[tuple[int, list[str]]],
        raws: dict[int, str] | None = None,
        names: list[str] | None = None,
    ) -> None:
        """Criteria rows of a scoring table: each row's code (its own, or built from the labels of the
        rows above it: '1' then 'a)' is 1.a), its maximum and the points awarded where the table has
        them. A row with criteria under it is a group: its points are the document's, kept in the
        table, and its criteria are counted instead of it. 'Tổng ...' rows are the stated totals."""
        found: list[tuple[int, list[str], str, str, str]] = []  # line, cells, stt, code, title
        parents: dict[str, str] = {}  # rank -> code of the last row of that rank
        for ln, cells in body:

            def cell(k: int | None, cells: list[str] = cells) -> str:
                return clean_line(cells[k]) if k is not None and k < len(cells) else ""

            content, stt = cell(cols.title), cell(cols.stt)
            if _is_total(content) or _is_total(stt) or (not content and not stt and _is_total(cell(0))):
                self.doc.totals.append(
                    TableTotal(
                        label,
                        _points(cell(cols.max)),
                        _points(cell(cols.awarded)),
                        _points(cell(cols.deducted)) if cols.deducted is not None else None,
                        ln,
                        (raws or {}).get(ln) or self.layout.text[ln - 1],
                    )
                )
                continue
            own, title = _row_label(content)
            if own is None and stt and stt != content:
                own, _ = _row_label(stt + " ")
            if own is None:
                continue
            code = _criterion_code(own, parents)
            found.append((ln, cells, stt, code, title))
        codes = [code for _, _, _, code, _ in found]
        columns = {}  # the table's own names of its point columns
        for field_name, k in (
            ("max_column", cols.max),
            ("awarded_column", cols.awarded),
            ("deducted_column", cols.deducted),
        ):
            if names and k is not None and k < len(names) and names[k]:
                columns[field_name] = names[k]
        for ln, cells, stt, code, title in found:
            mx = _points(clean_line(cells[cols.max]) if cols.max < len(cells) else "")
            if mx is None or any(c.startswith(code + ".") for c in codes):
                continue  # no maximum stated, or a group whose criteria are listed under it
            award = (
                clean_line(cells[cols.awarded])
                if cols.awarded is not None and cols.awarded < len(cells)
                else ""
            )
            ded = (
                clean_line(cells[cols.deducted])
                if cols.deducted is not None and cols.deducted < len(cells)
                else ""
            )
            self.doc.criteria.append(
                CriterionRow(
                    self.doc.doc_id,
                    label,
                    stt,
                    code,
                    title,
                    mx,
                    _points(award),
                    _points(ded) if cols.deducted is not None else None,
                    ln,
                    (raws or {}).get(ln) or self.layout.text[ln - 1],
                    **columns,
                )
            )

    # --- scoring tables whose cells lost their separators: one cell per line, or a row on one line ---
    def _line_header(self, i: int, taken: set[int]) -> tuple[list[str], int] | None:
        """Column names written one per line from line ``i`` ('STT' / 'Tiêu chí' / 'Điểm tối đa' /
        'Điểm tự chấm'), or on one line; return the names and the header's last line."""
        first = clean_line(self.lines[i - 1])
        if not first or len(first) > 60 or i in taken:
            return None
        names = _names_in_line(first)
        if names and _score_columns(names):
            return names, i
        cells: list[str] = []
        j = i
        while j <= self.n and len(cells) < 8 and j not in taken:
            s = clean_line(self.lines[j - 1])
            if s:
                if len(s) > 40 or _points(s) is not None or not _is_column_name(s):
                    break
                cells.append(s)
                if len(cells) >= 2 and _score_columns(cells):
                    # take the point columns that follow too ('Điểm tự chấm' after 'Điểm tối đa')
                    k = j + 1
                    while k <= self.n and k not in taken:
                        t = clean_line(self.lines[k - 1])
                        if t and not (len(t) <= 40 and _is_column_name(t) and _points(t) is None):
                            break
                        if t:
                            cells.append(t)
                            j = k
                        k += 1
                    return cells, j
            j += 1
        return None

    def _criteria_in_lines(self) -> None:
        taken: set[int] = set()
        for t in self.doc.tables:
            taken.update(range(t.line_start, t.line_end + 1))
        i = 1
        while i <= self.n:
            found = self._line_header(i, taken)
            if found is None:
                i += 1
                continue
            names, last = found
            cols = _score_columns(names)
            assert cols is not None
            kinds = [k for k in (cols.max, cols.awarded, cols.deducted) if k is not None]
            order = sorted(kinds)  # the point columns in the order the header writes them
            rows, raws, end = self._line_rows(last + 1, len(order), taken)
            if not rows:
                i = last + 1
                continue
            width = len(names)
            body: list[tuple[int, list[str]]] = []
            for ln, label, title, pts in rows:
                cells = [""] * width
                if cols.stt is not None:
                    cells[cols.stt] = label
                    cells[cols.title] = title
                else:
                    cells[cols.title] = f"{label} {title}".strip()
                for col, value in zip(order, pts, strict=False):
                    cells[col] = value
                body.append((ln, cells))
            label_at = self._label_at(i)
            self.doc.tables.append(
                Table(label_at, names, [c for _, c in body], [ln for ln, _ in body], i, end)
            )
            self._criteria(label_at, cols, body, raws, names=names)
            taken.update(range(i, end + 1))
            i = end + 1

    def _line_rows(
        self, start: int, k: int, taken: set[int]
    ) -> tuple[list[tuple[int, str, str, list[str]]], dict[int, str], int]:
        """Rows after a header of ``k`` point columns: a label ('1', 'a)', 'A.1.2') opens a row, text
        lines are its title, numbers its points (on their own lines, or at the end of the label's
        line: 'a) Kết quả ... 2,50 1,25'). A number followed by text is the next row's label."""
        rows: list[tuple[int, str, str, list[str]]] = []
        raws: dict[int, str] = {}
        cur: list[Any] | None = None  # [line, label, title parts, points, raw parts]
        end = start - 1
        last_number = 0

        def close() -> None:
            if cur is not None:
                rows.append((cur[0], cur[1], squash(" ".join(cur[2])), cur[3]))
                raws[cur[0]] = squash(" ".join(cur[4]))

        def next_text(j: int) -> str:
            for q in range(j + 1, min(j + 4, self.n + 1)):
                t = clean_line(self.lines[q - 1])
                if t:
                    return t
            return ""

        j = start
        while j <= self.n and j not in taken:
            s = clean_line(self.lines[j - 1])
            if not s:
                j += 1
                continue
            if _OUTSIDE_ROWS.match(s):
                break
            if _points(s) is not None:
                nxt = next_text(j)
                room = cur is not None and len(cur[3]) < k and bool(cur[2])
                # a number followed by text opens the next row when it is the next number ('2' after
                # '1', '1' under a group), else it is a point cell: the totals row takes its numbers
                label_next = (
                    bool(nxt) and _points(nxt) is None and not _row_label(nxt)[0] and not _is_total(nxt)
                )
                as_label = label_next and s.isdigit() and int(s) in {1, last_number + 1}
                if room and cur is not None and (cur[1] == "" or not as_label):
                    cur[3].append(s)
                    cur[4].append(s)
                    end = j
                    j += 1
                    continue
            label, rest = _row_label(s)
            if _is_total(s):
                close()
                cur = [j, "", [], [], [s]]
                m = _TRAILING_POINTS.search(s)
                if m:
                    cur[3].extend(m.group(0).split()[:k])
                cur[2].append(_TRAILING_POINTS.sub("", s).strip() if m else s)
                end = j
                j += 1
                continue
            if label is not None:
                close()
                if label[0] == "number":
                    last_number = int(label[1])
                elif label[0] in {"roman", "group", "letter_code"}:
                    last_number = 0
                title = rest if rest != s else ""
                pts: list[str] = []
                m = _TRAILING_POINTS.search(title)
                if m and len(m.group(0).split()) <= k:
                    pts = m.group(0).split()
                    title = title[: m.start()].strip()
                cur = [
                    j,
                    s[: len(s) - len(rest)].strip() if title or pts else s,
                    [title] if title else [],
                    pts,
                    [s],
                ]
                end = j
            elif cur is not None and not cur[3]:
                m = _TRAILING_POINTS.search(s)
                if m and len(m.group(0).split()) <= k:  # '... của người đứng đầu. 2,50 1,25'
                    cur[3].extend(m.group(0).split())
                    s_title = s[: m.start()].strip()
                else:
                    s_title = s
                cur[2].append(s_title)
                cur[4].append(s)
                end = j
            else:
                break
            j += 1
        close()
        return [r for r in rows if r[2] or r[3]], raws, end

    # --- criteria listed as numbered items: '1. Công tác tổ chức ... (10 điểm).' ---
    def _heading_points(self, sec: Section) -> Decimal | None:
        m = _POINTS_AT_END.search(self.c(sec.line_start))
        return parse_decimal(m.group("n") or m.group("m")) if m else None

    def _scored(self, sec: Section) -> list[tuple[Section, Decimal]]:
        """The children of ``sec`` whose heading ends with their points, when at least two do
        (a list of criteria), bonus and penalty points and the scale itself left out."""
        found = [
            (k, pts)
            for k in sec.children
            if (pts := self._heading_points(k)) is not None and not _NOT_A_CRITERION.match(k.title)
        ]
        return found if len(found) >= 2 else []

    def _criteria_in_text(self) -> None:
        """Criteria a regulation lists in its text, each item stating its points at its end.

        An item with such a list under it is a group: its criteria are counted, not it. The list's
        section is the criteria's ``appendix``; a section already read as a scoring table is not
        read again."""
        done = {c.appendix for c in self.doc.criteria}
        seen: set[int] = set()
        for sec in self.doc.walk():
            if id(sec) in seen or sec.label in done or not self._scored(sec):
                continue
            stack = [sec]
            while stack:
                node = stack.pop(0)
                for k, pts in self._scored(node):
                    seen.add(id(k))
                    if self._scored(k):
                        stack.append(k)
                        continue
                    raw = self.layout.text[k.line_start - 1]
                    title = _POINTS_AT_END.sub("", self.c(k.line_start)).strip()
                    title = _ITEM_LABEL.sub("", title).strip() or k.title
                    self.doc.criteria.append(
                        CriterionRow(
                            self.doc.doc_id, sec.label, k.number, _relative_code(k.label), title, pts,
                            None, None, k.line_start, raw,
                        )
                    )  # fmt: skip
            seen.add(id(sec))

    # --- metadata that needs the whole document ---
    def _finish_metadata(self) -> None:
        doc = self.doc
        raw = doc.number_raw
        m = re.match(r"^(?P<num>[\d\s/.…]*?)\s*/\s*(?P<sym>[A-ZĐ][\wĐđ.\-/]*)\s*$", raw)
        if m:
            doc.symbol = m.group("sym")
            digits = re.sub(r"\s+", "", m.group("num"))
            candidate = f"{digits}/{doc.symbol}" if digits else ""
            if candidate and _CLEAN_NUMBER.match(candidate) and not re.search(r"\s", raw):
                doc.number, doc.number_source = candidate, TITLE
            elif candidate:
                # An illegible header number ('4/0 /UBND-NCKTG'): take the appendix captions' number
                # when they agree among themselves; the consistency check reports the difference.
                numbers = {c.number for c in doc.captions if c.number}
                if len(numbers) == 1:
                    doc.number, doc.number_source = numbers.pop(), "Phụ lục"
                    doc.symbol = doc.number.split("/", 1)[1]
        if not raw and not doc.number:
            # no number in a header (a text copied without it): its appendices' captions name it
            # ('Ban hành kèm theo Thông tư số 44/2025/TT-NHNN') when they agree among themselves
            numbers = {c.number for c in doc.captions if c.number}
            if len(numbers) == 1:
                doc.number, doc.number_source = numbers.pop(), "Phụ lục"
                doc.symbol = doc.number.split("/", 1)[1]
                dates = {str(c.date) for c in doc.captions if c.date}
                if not doc.date and len(dates) == 1:
                    doc.date = next(c.date for c in doc.captions if c.date)
        if not doc.doc_type and self.vv_subject:
            doc.doc_type = "Công văn"  # 'V/v ...' under the number: a dispatch, whatever its symbol
        if not doc.doc_type:
            code = doc.symbol.split("-")[0] if doc.symbol else ""
            doc.doc_type = _SYMBOL_TYPES.get(code, "Công văn" if doc.subject and doc.number_raw else "")
        if not doc.issuer and doc.signer and doc.signer.authority:
            body = doc.signer.authority[0].split(".", 1)[1].strip()
            # 'TM. ỦY BAN NHÂN DÂN' + the place named in the opening ('Ủy ban nhân dân đặc khu Cát Hải')
            pattern = re.compile(
                "(?i:" + re.escape(body) + r")\s+(?:đặc khu|thành phố|tỉnh|quận|huyện|thị xã|xã|phường)"
                r"\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)*"
            )
            found = [m.group(0) for m in pattern.finditer(" ".join(self.clean))]
            local = [f for f in found if doc.place and f.endswith(doc.place)]
            doc.issuer = (local or found or [body])[0]
        if not doc.subject:
            doc.subject = next((s.title for s in doc.sections if s.kind == "header" and s.title), "")


# The letters that number points ('a)', 'b)' ... Nghị định 30/2020/NĐ-CP): the Vietnamese alphabet
# without its vowels with marks, so 'đ)' follows 'd)' and no 'f)', 'j)', 'w)', 'z)' is in it.
_POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _next_point(holder: Section, letter: str) -> bool:
    """Is ``letter`` a next point of ``holder``: its first is 'a' (or 'b', 'c' where the text before
    holds the first), each one after the last in the alphabet, a few left out at most (an excerpt,
    a point struck out). A letter out of order is a line of text ('c) ...' quoted in a sentence)."""
    if letter not in _POINT_LETTERS:
        return False
    k = _POINT_LETTERS.index(letter)
    own = [c for c in holder.children if not _is_quoted(c)]  # the text it quotes has its own points
    points = [c.number for c in own if c.kind == "point"]
    if not points:
        return k <= 2 and not own
    last = _POINT_LETTERS.index(points[-1])
    return last < k <= last + 5


def _is_quoted(sec: Section) -> bool:
    """Is ``sec`` a section of a text quoted by the document ('Điều 1.2, “Điều 7.1”')?"""
    return "“" in sec.label


def _in_emphasis(raw: str) -> bool:
    """Is a logical line one span of bold (or italics) from its first word to its last?
    ('**3. Về đảm bảo an toàn thông tin**', '*2.1. Trách nhiệm chung*:'; not '**1.** Giao Sở ...')"""
    t = raw.strip()
    m = re.match(r"^(\*{1,3}|_{2,3})(?=[^*_\s])", t)
    if m is None:
        return False
    mark = m.group(1)
    body = t[len(mark) :].rstrip(" :.")
    return body.endswith(mark) and mark[0] not in body[: -len(mark)]


def _unique_labels(sections: list[Section]) -> None:
    """One label, one section. A number the text itself repeats (two parts 'V.', two 'Điều 3.', the
    forms of an appendix each with its own 'Điều 1.') keeps its number and is told apart by its
    order: the second 'V' is 'V (2)', its items 'V (2).1' ..."""
    seen: set[str] = set()

    def visit(sec: Section) -> None:
        if sec.label in seen:
            old = sec.label
            n = 2
            while f"{old} ({n})" in seen:
                n += 1
            new = f"{old} ({n})"
            for d in sec.walk():
                if d is sec:
                    d.label = new
                elif d.label.startswith(old):
                    d.label = new + d.label[len(old) :]
        seen.add(sec.label)
        for child in sec.children:
            visit(child)

    for top in sections:
        visit(top)


def _opens_sentence(title: str | None) -> bool:
    """Does a heading's text open as a sentence or a title does: a capital (or a quotation mark,
    a parenthesis before one)? ('1. Văn phòng Bộ'; not '1);', '2) đến Sở ...', '1.5')"""
    t = (title or "").lstrip("“\"'(*_ ")
    return bool(t) and t[0].isupper()


def _strip_colon(s: str) -> str:
    return s.rstrip(":").strip()


def _is_descendant(node: Section, ancestor: Section) -> bool:
    p = node.parent
    while p is not None:
        if p is ancestor:
            return True
        p = p.parent
    return False


def _table_cells(raw: str) -> list[str] | None:
    """Cells of a table line (tab-separated, or a markdown pipe row); [] for a separator; None if not a row."""
    if "\t" in raw:
        return raw.split("\t")
    s = raw.strip()
    if s.startswith("|") and s.endswith("|") and s.count("|") >= 3:
        inner = [c.strip() for c in s[1:-1].split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) for c in inner):
            return []
        return inner
    return None


@dataclass(frozen=True)
class _ScoreColumns:
    stt: int | None
    title: int
    max: int
    awarded: int | None
    deducted: int | None


# Column names of scoring tables, as forms write them (folded): the maximum of a criterion, the points
# it was given (by the appraising body first, then by the unit itself), the points taken off.
_MAX_NAMES = (
    "thang diem", "diem toi da", "so diem toi da", "muc diem toi da", "diem chuan", "diem quy dinh",
    "khung diem", "diem toi da duoc cham",
)  # fmt: skip
_AWARDED_NAMES = (
    ("tham dinh",),
    ("diem danh gia", "ket qua danh gia", "diem cham", "diem dat", "dat duoc", "diem thuc te"),
    ("tu cham", "tu danh gia", "diem tu cham"),
)
_DEDUCTED_NAMES = ("bi tru", "diem tru")
_TITLE_NAMES = ("noi dung", "tieu chi", "chi tieu", "linh vuc danh gia")


def _score_columns(header: list[str]) -> _ScoreColumns | None:
    """Which columns of a header row hold the title, the maximum, the awarded and deducted points."""
    f = [" ".join(re.sub(r"[^0-9a-z]+", " ", fold(h)).split()) for h in header]

    def find(names: Iterable[str], taken: Iterable[int | None] = ()) -> int | None:
        skip = set(taken)
        for k, h in enumerate(f):
            if k not in skip and any(re.search(rf"\b{n}\b", h) for n in names):
                return k
        return None

    c_max = find(_MAX_NAMES)
    if c_max is None:
        return None
    c_title = find(_TITLE_NAMES, [c_max])
    if c_title is None:
        return None
    c_ded = find(_DEDUCTED_NAMES, [c_max, c_title])
    c_award = None
    for names in _AWARDED_NAMES:
        c_award = find(names, [c_max, c_title, c_ded])
        if c_award is not None:
            break
    c_stt = find(("stt", "tt", "so tt", "ma so", "ma"), [c_max, c_title, c_award, c_ded])
    return _ScoreColumns(c_stt, c_title, c_max, c_award, c_ded)


_ROW_LABEL = re.compile(
    r"^(?:(?P<letter_code>[A-Z](?:\.\d{1,2}){1,5})\.?"  # A.1.2 (the corpus's codes)
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,4})\.?"  # 1.2 / 1.2.
    r"|(?P<number>\d{1,3})[.)]?"  # 1 / 1. / 1)
    r"|(?P<roman>[IVX]{1,5})[.)]?"  # I. / II
    r"|(?P<group>[A-HK-UY-Z])[.)]?"  # A / B. (a group letter, not a Roman digit)
    r"|(?P<point>[a-zđ])\)"  # a)
    r")\s+(?P<title>.*)$"
)


def _row_label(content: str) -> tuple[tuple[str, str] | None, str]:
    """('dotted', '1.2'), ('point', 'a') ... and the title after it; (None, content) without a label.

    Inside a title cell a bare number needs its dot ('1. Công tác ...', not '100% cơ quan ...')."""
    m = _ROW_LABEL.match(content + " ") if content else None
    if not m:
        return None, content
    kind = next(k for k in ("letter_code", "dotted", "number", "roman", "group", "point") if m.group(k))
    value = m.group(kind)
    rest = m.group("title").strip()
    if kind in {"number", "roman", "group"} and rest and not re.match(rf"^{re.escape(value)}[.)]", content):
        return None, content  # '2 năm liên tục' is no label
    return (kind, value), rest or content


def _criterion_code(label: tuple[str, str], parents: dict[str, str]) -> str:
    """The code of a row: its own when absolute (A.1.2, I, B), else under the rows above it."""
    kind, value = label
    if kind in {"letter_code", "roman", "group"}:
        parents.clear()
        parents["top"] = value
        return value
    top = parents.get("top")
    if kind in {"number", "dotted"}:
        code = f"{top}.{value}" if top else value
        parents.pop("point", None)
        parents["item"] = code
        return code
    parent = parents.get("item") or top
    return f"{parent}.{value}" if parent else value


# '(10 điểm).', 'Tối đa (03 điểm)', ': 2,5 điểm;' at the end of an item's heading: its own points, in
# brackets or after a colon ('đạt từ 75 điểm đến dưới 85 điểm' is a threshold, not a maximum)
_POINTS_AT_END = re.compile(
    r"(?:\(\s*(?:tối đa\s*:?\s*)?(?P<n>\d{1,3}(?:[.,]\d{1,2})?)\s*điểm\s*\)"
    r"|(?::|\btối đa)\s*\(?\s*(?P<m>\d{1,3}(?:[.,]\d{1,2})?)\s*điểm\s*\)?)\s*[.;:,]?\s*$",
    re.IGNORECASE,
)
# Bonus and penalty points, the scale, a total: stated with points, yet no criterion of the scale.
_NOT_A_CRITERION = re.compile(
    r"^(?:điểm\s+(?:thưởng|cộng|trừ|bị trừ|ưu tiên)|thang điểm|tổng)", re.IGNORECASE
)
_ITEM_LABEL = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,4}|[a-zđ])\s*[.)]\s*")


def _relative_code(label: str) -> str:
    """A criterion's code from its section label: 'Quy định kèm theo, Điều 4.1' -> '1', 'II.1.a' stays."""
    own = label.rsplit(", ", 1)[-1]
    return re.sub(r"^Điều\s+\d+[a-zđ]?\.?", "", own) or own


_TRAILING_POINTS = re.compile(r"(?:\s+-?\d{1,3}(?:,\d{1,2})?)+\s*$")
_OUTSIDE_ROWS = re.compile(r"^(?:PHỤ LỤC|Phụ lục|Nơi nhận|Điều\s+\d+|Chương\s+|(?:TM|KT|TL|TUQ)\.\s)")
_ALL_COLUMN_NAMES = (*_MAX_NAMES, *(n for g in _AWARDED_NAMES for n in g), *_DEDUCTED_NAMES, *_TITLE_NAMES)


def _is_column_name(s: str) -> bool:
    """A header cell of a scoring table: 'STT', 'Tiêu chí', 'Điểm tối đa', 'Ghi chú' ..."""
    k = " ".join(re.sub(r"[^0-9a-z]+", " ", fold(s)).split())
    return k in {"stt", "tt", "so tt", "ma", "ma so", "ghi chu", "diem"} or any(
        re.search(rf"\b{n}\b", k) for n in _ALL_COLUMN_NAMES
    )


def _names_in_line(s: str) -> list[str]:
    """Column names written on one line ('STT Tiêu chí Điểm tối đa Điểm tự chấm'), in their order."""
    k = fold(s)
    if len(k) != len(s):
        return []
    hits: list[tuple[int, int]] = []
    for n in ("stt", *_ALL_COLUMN_NAMES):
        for m in re.finditer(rf"\b{n}\b", k):
            if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in hits):
                hits.append((m.start(), m.end()))
    hits.sort()
    if len(hits) < 3:
        return []
    # each name runs to the next; 'tự chấm' takes its 'Điểm' along: 'Điểm tự chấm'
    cuts = sorted({a - 5 if a >= 5 and k[a - 5 : a] == "diem " else a for a, _ in hits})
    out = [s[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(s)], strict=True)]
    return [o for o in out if o] if s[: cuts[0]].strip() == "" else []


def _is_total(cell: str) -> bool:
    """'Tổng điểm', 'Tổng cộng', 'TỔNG SỐ', 'Cộng': a totals row, never a criterion."""
    k = " ".join(re.sub(r"[^0-9a-z]+", " ", fold(cell)).split())
    return k.startswith("tong") or k == "cong" or k.startswith("cong diem")


def _points(cell: str) -> Decimal | None:
    """'2,50', '10 điểm', '(03 điểm)', 'Tối đa 03 điểm' -> the number; None when the cell states none."""
    s = re.sub(r"[*_()]", " ", cell)
    s = re.sub(r"(?i)\b(?:tối đa|điểm)\b", " ", s).strip().rstrip(".").replace("−", "-")
    return parse_decimal(s) if re.fullmatch(r"-?\s*\d+(?:[.,]\d+)*", s) else None


# --- what could not be read ----------------------------------------------------------------------

WARN_HEADER = "Không đọc được phần đầu văn bản (loại, số, ngày, cơ quan ban hành)"
WARN_HEADER_FIELDS = "Phần đầu văn bản thiếu"
WARN_NUMBER_FROM_CAPTIONS = "Phần đầu văn bản không ghi số; số và ngày lấy từ lời dẫn của phụ lục kèm theo"
WARN_STRUCTURE = "Không nhận ra mục đánh số, điều hay phụ lục nào; nội dung được đọc như một khối liền"


def reading_warnings(doc: Document) -> list[str]:
    """What the parser could not read in a document: missing header fields, no structure at all.

    A document is never refused for these (an official's short công văn has no numbered item);
    the warnings go to the ingest report and to ``assistant check``.
    """
    out: list[str] = []
    fields = (
        ("loại văn bản", bool(doc.doc_type)),
        ("số", bool(doc.number or doc.number_raw)),
        ("ngày ban hành", doc.date is not None),
        ("cơ quan ban hành", bool(doc.issuer)),
        ("người ký", bool(doc.signer and doc.signer.name)),
    )
    missing = [name for name, ok in fields if not ok]
    if len(missing) >= 4:
        out.append(WARN_HEADER + ".")
    elif missing:
        out.append(f"{WARN_HEADER_FIELDS}: {', '.join(missing)}.")
    if not any(s.kind not in {"header", "body"} for s in doc.walk()) and not doc.criteria and not doc.tables:
        out.append(WARN_STRUCTURE + ".")
    if doc.number and not doc.number_raw and doc.number_source == "Phụ lục":
        out.append(WARN_NUMBER_FROM_CAPTIONS + f" ({doc.number}).")
    return out


# --- public API ----------------------------------------------------------------------------------


def parse_text(doc_id: str, text: str, path: str = "") -> Document:
    """Parse a document's text (any format already turned into lines) into a :class:`Document`."""
    parser = _Parser(doc_id, text, path)
    parser._opened = []
    try:
        return parser.parse()
    except (ValueError, IndexError, AttributeError) as exc:  # a parser bug must not pass silently
        raise CorpusError(f"Không đọc được cấu trúc của tài liệu {doc_id}: {exc}") from exc


def parse_file(path: Path) -> Document:
    """Parse one .md/.txt file of the corpus; the file stem is the document id."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"Không đọc được tệp {path.name}: {exc}") from exc
    return parse_text(path.stem, text, str(path))


def corpus_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)


def load_corpus(directory: Path) -> list[Document]:
    """Every document of a corpus folder, sorted by id."""
    if not directory.is_dir():
        raise CorpusError(f"Không tìm thấy thư mục tài liệu {directory}.")
    return [parse_file(p) for p in corpus_files(directory)]


def iter_criteria(docs: Iterable[Document]) -> list[CriterionRow]:
    return [row for d in docs for row in d.criteria]
