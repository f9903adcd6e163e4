"""Read the physical layout of a file into logical lines, each with the span of file lines it covers.

Real documents reach us as text copied from a legal website, exported from Word or typed: a
heading or a sentence is hard-wrapped over several lines, ``**bold**`` runs across them, the
header's layout table turns into lone ``|`` lines and ``-------`` rules, tables come one cell per
line between ``|`` lines, and the website adds its own notice and metadata box at the top and its
"related documents" lists at the bottom. The parser must see none of that: it reads *logical
lines* — a heading, a paragraph, a list item, a table row — while every citation keeps the line
numbers of the file as uploaded.

Lines are joined by evidence, not by a list of cases: a line continues the previous one when the
previous one does not end a sentence or a heading (no closing punctuation, no closed bold span,
not a short heading line) and this one does not open a new element (a numbered heading, a bullet,
a point ``a)``, a table row). The joined text of a logical line is the file's own lines joined by
spaces, so a quote taken from it stands verbatim in the file up to whitespace.

Pure functions over a list of lines; no I/O.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from assistant.text import fold, squash

# --- what a single line is ------------------------------------------------------------------------

_PIPE = re.compile(r"^\s*\|\s*$")
_RULE = re.compile(r"^[\s*]*(?:[-_=—–]\s*){3,}[\s*]*$")  # a rule, also in bold: "**-------**"
_EMPHASIS_ONLY = re.compile(r"^[\s*_]*$")
_EMPHASIS = re.compile(r"\*{1,3}|_{2,3}")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_EMPHASIS_LINE = re.compile(r"^\s*(\*{1,3}|_{1,3})[^*_\s][^*_]*\1\s*$")  # '*Nhân công*', '**Mục tiêu**

# A line that opens a new element: numbered heading, bullet, point, article, chapter, appendix, ...
_OPENS = re.compile(
    r"^[\s*_#>]*(?:"
    r"[IVXLC]{1,6}\s*[.:)]"  # I. II: III)
    r"|\d{1,2}(?:\.\d{1,2}){0,4}\s*[.)](?!\d)"  # 1. 2.1. 3)
    r"|\d{1,2}(?:\.\d{1,2}){1,4}(?=\s)"  # 2.1 without its dot
    r"|[a-zđ]\)"  # a) đ)
    r"|[-+•–]\s"  # bullets
    r"|\(\d{1,2}\)\s"  # (1)
    r"|(?:Điều|Chương|Mục|Phần|Phụ lục|PHỤ LỤC|Phụ\s+lục)\s+\S"
    r"|(?:Nơi nhận|Kính gửi|Căn cứ|Xét|Thực hiện|Số)\s*[:\s]"
    r"|(?:TM|KT|TL|TUQ|Q)\.\s"
    r"|[Vv]/[Vv]\b"  # the subject of a công văn under its number ('Số: 5387/CT-CS' / 'v/v trả lời ...')
    r")"
)
# A line that is a numbering mark only: '2.3.', 'Điều 5.', 'a)', 'II.', 'Chương I', 'PHỤ LỤC 01'.
_MARK_ONLY = re.compile(
    r"^[\s*_#]*(?:[IVXLC]{1,6}\s*[.:]|\d{1,2}(?:\.\d{1,2}){0,4}\s*[.)]|[a-zđ]\)"
    r"|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+[a-zđ]?\s*[.:]?"
    r"|(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?[\dIVXLC]+)?\s*[.:]?)[\s*_]*$"
)
_ENDS = re.compile(r"(?:[.;:!?]|\./\.|\.\)|;\)|:\)|\))[\s*_\"”’)]*$")
_ROW_KEY = re.compile(
    r"^[\s*_]*(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,4}|[a-zđ]|[A-Z](?:\.\d{1,2}){0,5})[.)]?[\s*_]*$"
    r"|^[\s*_]*(?:Tổng|TỔNG|Cộng|CỘNG)"
)

# Words a heading or a name never ends with: a line stopping on one continues.
_OPEN_ENDINGS = {
    "va",
    "cua",
    "cac",
    "ve",
    "thuoc",
    "trong",
    "doi",
    "voi",
    "cho",
    "tai",
    "tren",
    "theo",
    "den",
    "nam",
    "ngay",
    "thang",
    "so",
    "la",
    "hoac",
    "nhung",
    "mot",
    "tu",
    "de",
    "o",
    "giai",
    "doan",
    "quy",
    "ke",
    "nghi",
    "quyet",
    "uy",
    "ban",
    "nhan",
    "hoi",
    "dong",
    "tham",
    "thuc",
    "hien",
}

# Function words a sentence never stops on (lowercase in the text): a line ending on one continues.
# Written with their tones: folded, 'từ' would be 'tự' ('1. Trình tự'), 'số' 'sở' ('các sở').
_FUNCTION_WORDS = frozenset(
    (
        "và", "của", "các", "về", "thuộc", "trong", "đối", "với", "cho", "tại", "trên", "theo", "đến", "số",
        "là", "hoặc", "những", "một", "từ", "để", "ngày", "tháng", "năm", "ở", "bằng", "được", "bị",
    )
)  # fmt: skip


# The head of an organ's name, capitalised, that the name never ends on: a line stopping on one
# goes on with the name ('Tổng Công ty' / 'Phân bón ...', 'Giao Sở' / 'Tài chính', 'Bộ' / 'Công an').
_NAME_HEADS = {
    ("so",),
    ("bo",),
    ("cuc",),
    ("tong", "cuc"),
    ("chi", "cuc"),
    ("cong", "ty"),
    ("uy", "ban"),
    ("hoi", "dong"),
    ("trung", "tam"),
    ("van", "phong"),
    ("ngan", "hang"),
    ("kho", "bac"),
    ("vien",),
    ("hoc", "vien"),
    ("benh", "vien"),
    ("toa", "an"),
    ("dai",),
    ("lien", "doan"),
    ("lien", "minh"),
    ("mat", "tran"),
    ("chi", "nhanh"),
}


def _ends_on_a_head(s: str) -> bool:
    """Does the line stop on the capitalised head of an organ's name ('... Tổng Công ty', '... Sở')?"""
    words = re.findall(r"\w+", s)
    for n in (1, 2):
        tail = words[-n:]
        if len(tail) == n and tail[0][:1].isupper() and tuple(fold(w) for w in tail) in _NAME_HEADS:
            return True
    return False


# The website's own metadata box ('Số hiệu:', 'Loại văn bản:' ...) and its related-documents lists.
SITE_LABELS = {
    "so hieu": "number",
    "loai van ban": "type",
    "noi ban hanh": "issuer",
    "nguoi ky": "signer",
    "ngay ban hanh": "date",
    "ngay hieu luc": "effective",
    "ngay cong bao": "gazette_date",
    "so cong bao": "gazette_number",
    "tinh trang": "status",
    "linh vuc": "field",
}
_TAIL_LABELS = {"ban hanh", "hieu luc", "tinh trang", "cap nhat", "ngay ban hanh", "ngay hieu luc"}
_MOTTO = re.compile(r"CỘNG\s+H[OÒ]À\s+XÃ\s+HỘI|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc", re.IGNORECASE)
_SIGNATURE_AUTHORITY = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\.\s*\S")
# Text that never stands inside a table cell of this kind: it ends a run of pipes.
_OUTSIDE_TABLE = re.compile(r"^(?:PHỤ LỤC|Phụ lục|Nơi nhận|Điều\s+\d+\s*[.:]|Chương\s+[IVXLC\d]+\b)")


def _plain(s: str) -> str:
    """A line without emphasis marks and heading marks, squashed."""
    return squash(_EMPHASIS.sub(" ", _MD_HEADING.sub("", s)))


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(not c.islower() for c in letters)


def _label_of(s: str) -> str:
    """'**Số hiệu:**' -> 'so hieu' when the line is one of the website's field labels, else ''."""
    p = fold(_plain(s)).rstrip(": ").strip()
    if p not in SITE_LABELS and p not in _TAIL_LABELS and ":" in p:
        p = p.split(":", 1)[0].strip()  # 'Hiệu lực: Đã biết'
    return p if p in SITE_LABELS or p in _TAIL_LABELS else ""


# --- the result ------------------------------------------------------------------------------------


@dataclass
class Region:
    kind: str  # site-notice | site-meta | site-tail
    start: int
    end: int


@dataclass
class PipeTable:
    """A table written one cell per line between ``|`` lines: rows of cells, each row's line span."""

    rows: list[list[str]]
    spans: list[tuple[int, int]]


@dataclass
class Layout:
    """Logical lines of a file. Index ``n - 1`` describes file line ``n``.

    ``text[n-1]`` is the joined text of the logical line starting at line ``n`` (the file's own
    lines joined by single spaces, verbatim up to whitespace), or ``""`` where line ``n`` is blank,
    a layout mark, website text, or the continuation of an earlier logical line. ``end[n-1]`` is
    the last file line of the logical line starting at ``n`` (``n`` itself elsewhere).
    """

    text: list[str]
    end: list[int]
    regions: list[Region] = field(default_factory=list)
    site_meta: dict[str, str] = field(default_factory=dict)
    tables: list[PipeTable] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)  # the logical line each file line belongs to (0: none)

    def unit_of(self, n: int) -> tuple[int, int]:
        """(first, last) file line of the logical line holding file line ``n``."""
        if not 1 <= n <= len(self.owner) or not self.owner[n - 1]:
            return n, n
        start = self.owner[n - 1]
        return start, self.end[start - 1]


# --- website frame ---------------------------------------------------------------------------------


def _site_meta(lines: list[str], limit: int = 120) -> tuple[Region | None, dict[str, str]]:
    """The website's metadata box near the top: its span and its fields (Số hiệu, Loại văn bản ...)."""
    first = next((i for i in range(min(limit, len(lines))) if _label_of(lines[i]) == "so hieu"), None)
    if first is None:
        return None, {}
    meta: dict[str, str] = {}
    i, last = first, first
    pending = ""
    while i < len(lines):
        s = lines[i]
        plain = _plain(s)
        if _PIPE.match(s) or not plain:
            i += 1
            continue
        label = _label_of(s)
        if not label and plain.endswith(":") and i + 1 < len(lines):
            label = _label_of(plain + " " + lines[i + 1]) or ""  # '**' + 'Ngày hiệu lực:**'
        if label and label in SITE_LABELS:
            pending = SITE_LABELS[label]
            last = i
        elif pending:
            meta[pending] = plain
            pending = ""
            last = i
        elif fold(plain).rstrip(":") in ("", "**"):
            pass
        else:
            break
        i += 1
    return Region("site-meta", first + 1, last + 1), meta


def _header_start(lines: list[str], after: int) -> int:
    """0-based index of the first line of the document's own header (issuer cell before the motto)."""
    motto = next((i for i in range(after, min(after + 80, len(lines))) if _MOTTO.search(lines[i])), None)
    if motto is None:
        return after
    i = motto
    # walk back over the issuer cell: uppercase lines, rules, emphasis-only lines, stopping at text
    while i > after:
        prev = lines[i - 1]
        if _PIPE.match(prev) or _RULE.match(prev) or not _plain(prev) or _is_upper(_plain(prev)):
            i -= 1
            continue
        break
    while i < motto and (_PIPE.match(lines[i]) or not _plain(lines[i])):
        i += 1  # the frame's own marks before the issuer belong to nobody
    return i


def _tail_start(lines: list[str]) -> int | None:
    """0-based first line of the website's lists after the document (related documents ...), if any."""
    n = len(lines)
    sig = max((i for i in range(n) if _SIGNATURE_AUTHORITY.match(_plain(lines[i]))), default=-1)
    for i in range(max(sig, 0), n):
        window = [_label_of(x) for x in lines[i : i + 14]]
        if sum(1 for w in window if w in _TAIL_LABELS) >= 3:
            # back to the heading that opens the list ('## Văn bản liên quan') or the website's
            # restated title just after the document
            j = i + next(k for k, w in enumerate(window) if w in _TAIL_LABELS)
            first_label = j
            while j > max(sig, 0) + 1 and j > first_label - 6:
                prev = lines[j - 1]
                if _PIPE.match(prev) or _EMPHASIS_ONLY.match(prev):
                    break
                j -= 1
            return j
    return None


# --- joining wrapped lines -------------------------------------------------------------------------


def _open_bold(s: str) -> bool:
    """True if the line leaves a ``**`` span open."""
    return s.count("**") % 2 == 1


def _open_italic(s: str) -> bool:
    """True if the line leaves a ``*italic*`` span open ('*Thành phố Hồ Chí')."""
    return re.sub(r"\*\*", "", s).count("*") % 2 == 1


def _italic_closes(lines: list[str], k: int) -> bool:
    """Does line ``k`` or one of the two after it close the italic span open before it, with no blank
    line, ``|`` or new element between? ('*Thành phố Hồ Chí' / 'Minh, ngày 18 tháng 11 năm 2025*':
    the place and date wrapped in the header's cell.) A stray '*' left open joins nothing."""
    for q in range(k, min(k + 3, len(lines))):
        s = lines[q]
        if not s.strip() or _PIPE.match(s) or (q > k and _OPENS.match(s)):
            return False
        if _open_italic(s):
            return True
    return False


def _wrap_width(lines: list[str]) -> int:
    """The width the file was hard-wrapped at (0 if it was not): long lines followed by a lowercase start."""
    widths = [
        len(lines[i].rstrip())
        for i in range(len(lines) - 1)
        if lines[i].strip() and lines[i + 1][:1].islower() and not _PIPE.match(lines[i])
    ]
    if len(widths) < 5:
        return 0
    return int(statistics.quantiles(widths, n=10)[-1]) if len(widths) >= 10 else max(widths)


# A line that opens a numbered element (item, point, part, article): where these stand after a blank
# line, the file separates its paragraphs by blank lines.
_NUMBERED = re.compile(
    r"^[\s*_#>]*(?:[IVXLC]{1,6}\s*[.:)]|\d{1,2}(?:\.\d{1,2}){0,4}\s*[.)](?!\d)|[a-zđ]\)|Điều\s+\d)"
)


def _blank_separated(lines: list[str], skip: list[bool]) -> bool:
    """Does the file put a blank line between its paragraphs? Judged on its numbered elements: in the
    files copied from the legal website nearly all of them stand after a blank line (and the first
    line of each paragraph is cut short, mid-name: 'b) Bộ Tài chính, Bộ Công' / 'Thương, Bộ ...'),
    in files typed or exported compact none does. In the first kind two lines with no blank between
    are one paragraph unless the second opens a new element."""
    opens = after_blank = 0
    for k in range(1, len(lines)):
        if skip[k] or _PIPE.match(lines[k - 1]) or not _NUMBERED.match(lines[k]):
            continue
        opens += 1
        after_blank += not lines[k - 1].strip()
    return opens >= 8 and after_blank >= 0.7 * opens


# A reference carried to the next line: 'theo khoản 3' / 'Phụ lục V kèm theo Nghị quyết này.',
# '... quy định tại' / 'Điều 12 Nghị định số 58/2024/NĐ-CP'.
_REFERENCE_START = re.compile(
    r"^(?:Điều|Chương|Mục|Phần|Phụ\s+lục|Khoản|Điểm)\s+(?:\d{1,4}[a-zđ]?|[IVXLC]{1,6})(?P<more>\s*,|\s+(?=\w))?"
)
_CITING_END = re.compile(r"(?:\b(?:khoản|điểm|mục|tiết|phần)\s+[\da-zđ]{1,3}|,)$")


def _cited_on(prev: str, cur: str) -> bool:
    """Does ``cur`` open with a reference ('Phụ lục V', 'Điều 12') that the sentence of ``prev`` is
    still citing? The previous line has no closing mark and stops on a word that asks for the
    reference ('khoản 3', 'tại', 'theo', a comma in a list of references): then even 'Điều 1.' is
    cited. On another lowercase word only a reference with words after it is ('... bổ sung' /
    'Điều 12 Nghị định số ...'): 'Điều 1. Phạm vi điều chỉnh' / 'Điều 2.' is a heading."""
    m = _REFERENCE_START.match(cur.strip())
    words = prev.split()
    if m is None or not words or _ENDS.search(prev):
        return False
    last = words[-1]
    if _CITING_END.search(prev) or (last.islower() and last in _FUNCTION_WORDS):
        return True
    return bool(m.group("more")) and last.isalpha() and last.islower() and last not in {"như", "sau"}


def _continues(
    prev: str, prev_last: str, cur: str, width: int, bold_open: bool, separated: bool = False
) -> bool:
    """Does file line ``cur`` continue the logical line ``prev`` (whose last file line is ``prev_last``)?
    ``separated``: the file separates paragraphs by blank lines and none stands between the two."""
    pc, cc = _plain(prev), _plain(cur)
    if not pc or not cc:
        return False
    if "\t" in cur or "\t" in prev or _MD_ROW.match(cur) or _MD_HEADING.match(cur) or _MD_HEADING.match(prev):
        return False
    if prev_last.rstrip().endswith("|"):
        return False  # the end of a cell of a table flattened one row a line ('Số: 16/2025/NĐ-CP |')
    last_word = fold(pc.split()[-1]) if pc.split() else ""
    if _SIGNATURE_AUTHORITY.match(pc) or prev_last.endswith(("  ", "\\")):
        # 'TM. ỦY BAN NHÂN DÂN' / 'CHỦ TỊCH', or a markdown line break: two lines unless cut mid-name
        return last_word in _OPEN_ENDINGS and not prev_last.endswith(("  ", "\\"))
    if bold_open:
        return True  # '**Điều 1.' + 'Phạm vi điều chỉnh**'
    wrapped = bool(width) and len(prev_last.rstrip()) >= 0.6 * width
    if _MARK_ONLY.match(prev):
        # '2.3.' + 'Công an tỉnh'; an appendix heading keeps its title on a line of its own
        return not _OPENS.match(cur) and not cc.startswith("(") and not fold(pc).startswith("phu luc")
    if _cited_on(pc, cc):
        return True  # '... theo khoản 3' / 'Phụ lục V kèm theo Nghị quyết này.'
    if _OPENS.match(cur):
        return False
    if prev_last.rstrip().endswith("**") or _EMPHASIS_LINE.match(prev_last):
        return False  # a bold span closed at the line end, a line in emphasis: a heading ends there
    if _ENDS.search(pc):
        return cc[:1].islower() and not pc.endswith((".", "./.", "!", "?"))
    if cc[:1].islower() or cc[:1] in ",;:%" or (cc[:1] == "(" and wrapped):
        return True
    raw_last = pc.split()[-1] if pc.split() else ""
    if raw_last.islower() and raw_last in _FUNCTION_WORDS:
        return True  # 'Căn cứ Luật Đất đai số' / '31/2024/QH15', 'Thanh Hóa, ngày' / '20 tháng 11'
    if cc[:1].isdigit() and not _is_upper(pc):
        return True  # a number carried to the next line ('... bởi Luật số' / '87/2025/QH15')
    if cc[:1].isupper() and not _is_upper(pc) and _ends_on_a_head(pc):
        return True  # 'Kính gửi: Tổng Công ty' / 'Phân bón và Hóa chất Dầu khí', 'Giám đốc Sở' / 'Tài chính'
    if _is_upper(pc) != (_is_upper(cc) and (len(cc.split()) > 1 or _is_upper(pc))):
        # one word in capitals after text is an abbreviation carried over ('... hồ sơ' / 'TTHC')
        return False  # 'NHỮNG QUY ĐỊNH CHUNG' then 'Điều 1' / a heading then its text
    if _is_upper(pc) and _is_upper(cc):
        # a title in capitals wrapped over lines: the line reached the wrap width, or it stops on a
        # word no title ends with; 'LUẬT' / 'PHÒNG, CHỐNG MA TÚY' and 'KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH'
        # are two lines
        return last_word in _OPEN_ENDINGS or wrapped
    # sentence case, next line capitalised: a wrap if the previous line reached the wrap width, or
    # where a new paragraph would have stood after a blank line
    return wrapped or (separated and not _EMPHASIS_LINE.match(cur))


# --- pipe tables -----------------------------------------------------------------------------------


def _pipe_blocks(lines: list[str], lo: int, hi: int) -> list[tuple[int, int]]:
    """0-based inclusive spans of runs that hold lone ``|`` lines with text between them."""
    blocks: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        if not _PIPE.match(lines[i]):
            i += 1
            continue
        j = i
        last_pipe = i
        while j + 1 < hi:
            nxt = lines[j + 1]
            if _PIPE.match(nxt):
                last_pipe = j + 1
            elif not nxt.strip():
                pass
            elif j + 1 - last_pipe > 60 or _OUTSIDE_TABLE.match(_plain(nxt)):
                break
            j += 1
        blocks.append((i, last_pipe))
        i = last_pipe + 1
    return blocks


def _cells(lines: list[str], start: int, end: int) -> list[tuple[int, int] | None]:
    """Between pipes: each cell's (first, last) 0-based line, or None for an empty cell (two pipes)."""
    out: list[tuple[int, int] | None] = []
    cur: list[int] = []
    for k in range(start + 1, end + 1):
        if _PIPE.match(lines[k]):
            text_lines = [x for x in cur if _plain(lines[x])]
            out.append((text_lines[0], text_lines[-1]) if text_lines else None)
            cur = []
        else:
            cur.append(k)
    return out


_PLACE_DATE_CELL = re.compile(r"^[^,\d]{2,40},\s*ngày\b", re.IGNORECASE)


def _layout_cell(lines: list[str], cell: tuple[int, int]) -> bool:
    """A cell of the header or signature laid out side by side: the motto, 'Số: 12/...', the place
    and date, 'Nơi nhận:', a signature authority ('KT. CHỦ TỊCH'). Judged on the cell's first line."""
    p = squash(_EMPHASIS.sub("", " ".join(lines[cell[0] : cell[1] + 1])))  # 'ng**ày' is 'ngày'
    return bool(
        _MOTTO.search(p)
        or _SIGNATURE_AUTHORITY.match(p)
        or re.match(r"^(?:Nơi nhận|Kính gửi)\s*:", p)
        or (re.match(r"^Số\s*:?\s*\d", p) and len(p) < 80)
        or _PLACE_DATE_CELL.match(p)
    )


def _blank_around(lines: list[str], cell: tuple[int, int]) -> bool:
    """Is there a blank line between the ``|`` before the cell and the ``|`` after it?"""
    a = cell[0] - 1
    while a > 0 and not _PIPE.match(lines[a]):
        a -= 1
    z = cell[1] + 1
    while z < len(lines) and not _PIPE.match(lines[z]):
        z += 1
    return any(not lines[k].strip() for k in range(a + 1, z))


def _cell_text(lines: list[str], cell: tuple[int, int]) -> str:
    return fold(_plain(" ".join(lines[cell[0] : cell[1] + 1])))


def _is_heading_cell(lines: list[str], cell: tuple[int, int]) -> bool:
    """'*2. Các dự án nhà máy thủy điện*', '**II. THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ**': a numbered heading
    written in emphasis from end to end, standing between two tables."""
    raw = " ".join(x.strip() for x in lines[cell[0] : cell[1] + 1])
    return raw.startswith(("*", "_")) and raw.endswith(("*", "_")) and bool(_OPENS.match(raw))


def _segments(lines: list[str], cells: list[tuple[int, int] | None]) -> list[list[tuple[int, int] | None]]:
    """The tables of one run of ``|`` lines. A table's rows are ``|a|b|`` one after the other, so two
    tables meet at a single ``|`` followed by text: the text between them (a title, a caption) is no
    cell. It is seen where that text holds a blank line (no cell of the website's tables does: 374
    of 24112 cells of ../shared/realdocs read that way, every one a heading or a form's title);
    where the first column's name comes again ('STT'), a numbered heading in emphasis just before it
    being the next table's title; and after a cell of the header or signature layout (the website
    puts the document's header, its signature and the appendix's table in one run): the layout table
    ends there (unless the next cell is of the layout too: 'Số:' then the date), the next text is
    outside any table, and the next table starts at the pipe after it."""
    segments: list[list[tuple[int, int] | None]] = []
    cur: list[tuple[int, int] | None] = []
    k = 0
    while k < len(cells):
        c = cells[k]
        if c is not None and _blank_around(lines, c):
            if cur:
                segments.append(cur)
            cur = []
            k += 1  # a blank line never stands in a cell: text between two tables
            continue
        first = next((x for x in cur if x is not None), None)
        if c is not None and first is not None and _cell_text(lines, c) == _cell_text(lines, first):
            # the first column's name again ('STT'): a new table; a heading just before it is no cell
            prev = cur.pop() if cur and cur[-1] is not None and _is_heading_cell(lines, cur[-1]) else None
            del prev
            segments.append(cur)
            cur = []
        cur.append(c)
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        if (
            c is not None
            and nxt is not None
            and k + 2 < len(cells)
            and _layout_cell(lines, c)
            and not _layout_cell(lines, nxt)
        ):
            segments.append(cur)
            cur = []
            k += 2  # the text after the layout table is no cell
            continue
        k += 1
    if cur:
        segments.append(cur)
    return segments


_NUMBERED_HEADING = re.compile(r"^[\s*_]*(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*[*_]*\s*[^\W\d]")


def _is_layout_block(lines: list[str], cells: list[tuple[int, int] | None]) -> bool:
    """The header, signature or recipients laid out side by side, not a table of data."""
    for c in cells:
        if c is None:
            continue
        for k in range(c[0], c[1] + 1):
            p = _plain(lines[k])
            if (
                _MOTTO.search(p)
                or _SIGNATURE_AUTHORITY.match(p)
                or re.match(r"^(?:Số|Nơi nhận|Kính gửi)\s*:", p)
                or re.search(r"ngày\s+\d{1,2}\s+tháng", p)
                or (re.match(r"^(?:Số)\s*:?\s*\d", p))
            ):
                return True
    texts = [c for c in cells if c is not None]
    if texts and _NUMBERED_HEADING.match(" ".join(lines[texts[0][0] : texts[0][1] + 1])):
        return True  # a form laid out in a table ('1. Hàng hóa đề nghị ...:' | its answer): text, not data
    return len(texts) <= 2


def _rows(lines: list[str], cells: list[tuple[int, int] | None]) -> list[list[tuple[int, int] | None]]:
    """Cells into rows. Two pipes in a row are an empty cell or a row boundary: a boundary when the
    row has its columns, or when the next cell reads like a row key (STT, code, 'Tổng')."""
    if not cells:
        return []
    first_gap = next((k for k, c in enumerate(cells) if c is None), len(cells))
    width = max(first_gap, 1)
    rows: list[list[tuple[int, int] | None]] = []
    row: list[tuple[int, int] | None] = []
    k = 0
    while k < len(cells):
        c = cells[k]
        if c is None:
            nxt = cells[k + 1] if k + 1 < len(cells) else None
            key = nxt is not None and _ROW_KEY.match(" ".join(lines[nxt[0] : nxt[1] + 1])) is not None
            filled = len([x for x in row if x is not None])
            if row and (len(row) >= width or (key and filled >= 1)):
                rows.append(row)
                row = []
            else:
                row.append(None)
        else:
            row.append(c)
        k += 1
    if row:
        rows.append(row)
    return [r for r in rows if any(x is not None for x in r)]


# --- the whole file ----------------------------------------------------------------------------------


def read_layout(lines: list[str]) -> Layout:
    """Logical lines of a file's lines (NFC, without line ends)."""
    n = len(lines)
    skip = [False] * n
    regions: list[Region] = []
    meta_region, meta = _site_meta(lines)
    top = 0
    if meta_region:
        if meta_region.start > 1:
            regions.append(Region("site-notice", 1, meta_region.start - 1))
        regions.append(meta_region)
        top = meta_region.end
    # Without the website's box nothing before the header is cut: a file's own header may put the
    # number and subject before the motto.
    start = _header_start(lines, top) if meta_region else 0
    if start > top:
        regions.append(Region("site-notice", top + 1, start))
    tail = _tail_start(lines)
    if tail is not None:
        regions.append(Region("site-tail", tail + 1, n))
    for r in regions:
        for k in range(r.start - 1, r.end):
            skip[k] = True

    text = [""] * n
    end = list(range(1, n + 1))
    owner = [0] * n
    tables: list[PipeTable] = []
    table_line = [False] * n

    lo, hi = max(start, top), tail if tail is not None else n
    for bstart, bend in _pipe_blocks(lines, lo, hi):
        for cells in _segments(lines, _cells(lines, bstart, bend)):
            if _is_layout_block(lines, cells):
                continue
            rows = _rows(lines, cells)
            if len(rows) < 2:
                continue
            table = PipeTable([], [])
            for row in rows:
                present = [c for c in row if c is not None]
                r0, r1 = present[0][0], present[-1][1]
                table.rows.append([_plain(" ".join(lines[c[0] : c[1] + 1])) if c else "" for c in row])
                table.spans.append((r0 + 1, r1 + 1))
                # the row is one logical line: its cells with the pipes between them, as the file has them
                text[r0] = squash(" | ".join(" ".join(lines[c[0] : c[1] + 1]) if c else "" for c in row))
                end[r0] = r1 + 1
                for k in range(r0, r1 + 1):
                    owner[k] = r0 + 1
                    table_line[k] = True
            tables.append(table)

    width = _wrap_width([lines[k] for k in range(n) if not skip[k] and not table_line[k]])
    separated = _blank_separated(lines, skip)
    cur = -1  # 0-based start of the open logical line
    bold = False
    italic = False
    blank_run = 0
    for k in range(n):
        raw = lines[k]
        if skip[k] or table_line[k]:
            cur, bold, italic = -1, False, False
            continue
        if _PIPE.match(raw) or _RULE.match(raw):
            cur, bold, italic = -1, False, False
            continue
        if _EMPHASIS_ONLY.match(raw):
            if raw.strip():
                bold = False if bold and raw.count("**") % 2 == 1 else bold
                if not bold:
                    cur = -1 if cur >= 0 and not _MARK_ONLY.match(text[cur]) else cur
            else:
                blank_run += 1
                bold = italic = False  # emphasis never runs across a blank line
            continue
        if cur >= 0:
            prev_last = lines[end[cur] - 1]
            joined = blank_run == 0 or (
                blank_run == 1 and (_MARK_ONLY.match(text[cur]) or (_plain(raw)[:1].islower() and not bold))
            )
            span = bold or (italic and blank_run == 0 and _italic_closes(lines, k))
            # a paragraph of a blank-separated file opens after a blank line; lines after a '|' are a
            # cell of the website's layout table ('Số: 1539/VLO-QLDN3' / '*V/v ...*'), one field a line
            own_para = separated and blank_run == 0 and cur > 0 and not lines[cur - 1].strip()
            if joined and _continues(text[cur], prev_last, raw, width, span, own_para):
                text[cur] = squash(text[cur] + " " + raw)
                end[cur] = k + 1
                owner[k] = cur + 1
                if _open_bold(raw):
                    bold = not bold
                if _open_italic(raw):
                    italic = not italic
                blank_run = 0
                continue
        cur = k
        text[k] = squash(raw) if "\t" not in raw else raw.strip("\n")
        owner[k] = k + 1
        bold = bold != _open_bold(raw)  # a span left open by the line before closes here
        italic = italic != _open_italic(raw)  # the span runs on over lines cut apart ('Điều 104 ...')
        blank_run = 0
    return Layout(text, end, regions, meta, tables, owner)
