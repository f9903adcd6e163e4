"""The typed answer every interface returns, and citations whose quotes stand verbatim in the file."""

from __future__ import annotations

import re
import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.model import Document, Section
from assistant.text import fold, squash, syllables

Kind = Literal["numeric", "tasks", "document", "passage", "not_found"]


class Citation(BaseModel):
    id: int = Field(description="Number of the citation within the answer, as in [1].")
    doc: str = Field(description="Document id: the corpus file's stem.")
    section: str = Field(description="The document's own label: II.10, III.2.3, Phụ lục III, Căn cứ ...")
    title: str = Field(description="Title of the cited section.")
    quote: str = Field(description="A passage copied verbatim from the file (up to whitespace).")
    line_start: int
    line_end: int


class Answer(BaseModel):
    answer_id: str = Field(default_factory=lambda: uuid.uuid4().hex[:16])
    answer: str = Field(description="Vietnamese markdown citing sources as [1], [2] ...")
    kind: Kind
    citations: list[Citation] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict)


# --- verbatim quotes -----------------------------------------------------------------------------

_LEAD = re.compile(r"^(?:\s|#|>|\*|_|[-+•]\s|\d{1,2}(?:\.\d{1,2})*\.\*{0,3}\s|[IVXLC]{1,6}\.\s|[a-zđ]\)\s)+")
_TRAIL = re.compile(r"[\s*_#⁰¹²³⁴⁵⁶⁷⁸⁹✓]+$")
_SENTENCE_END = re.compile(r"(?<=[.;!?:])\s+(?=[A-ZĐÀ-Ỹ\-(])")


def _trim(raw: str, keep_numbering: bool = False) -> str:
    s = raw if keep_numbering else _LEAD.sub("", raw)
    s = _TRAIL.sub("", s)
    return s.strip()


def _score(text: str, focus: set[str]) -> float:
    if not focus:
        return 0.0
    words = set(syllables(text))
    return len(words & focus) / (len(focus) ** 0.5)


# What form the answer to a question takes, when the question says: a time ('khi nào', 'thời hạn'),
# a duration ('bao lâu'), the number of a document of a kind ('Tờ trình số mấy?'). A quote in that
# form wins over one that only repeats the question's words.
_ASKS_WHEN = re.compile(
    r"\b(khi nao|bao gio|luc nao|thoi han|han chot|(truoc|tu|den) (ngay|thoi diem) nao|(ngay|thang|quy|nam) nao)\b"
)
_STATES_TIME = re.compile(
    r"\b(ngay|thang|quy|nam) (\d+|[ivx]+)\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\bhang (nam|quy|thang|tuan|ngay)\b"
    r"|\bdinh ky\b|\bke tu ngay\b|\btruoc ngay\b|\bgiai doan \d"
)
# the unit a 'when' question asks in ('tháng mấy', 'năm nào'): the passage must state that unit
_ASKS_WHEN_UNIT = re.compile(r"\b(ngay|thang|quy|nam) (nao|may)\b|\bmung may\b")
_STATES_IN_UNIT = {
    "ngay": re.compile(r"\bngay \d+|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\bhang ngay\b|\bmung \d"),
    "mung": re.compile(r"\bngay \d+|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\bmung \d"),
    "thang": re.compile(r"\bthang (\d+|[ivx]+)\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\bhang thang\b"),
    "quy": re.compile(r"\bquy (\d|[ivx]+)\b|\bhang quy\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b"),
    "nam": re.compile(r"\bnam \d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\bhang nam\b|\bgiai doan \d"),
}
_TIME_FORMS = (_STATES_TIME, *_STATES_IN_UNIT.values())
_ASKS_DURATION = re.compile(r"\bbao lau\b|\b(may|bao nhieu) (thang|nam|ngay|tuan|gio)\b")
_STATES_DURATION = re.compile(r"\b\d+([.,]\d+)? (thang|nam|ngay|tuan|gio|phut)\b")
_DOC_KINDS = (
    r"to trinh|cong van|quyet dinh|nghi quyet|nghi dinh|ke hoach|thong bao|thong tu|chi thi|bao cao tham tra"
    r"|bao cao|van ban"
)
# 'Tờ trình số mấy', 'công văn số nào' (not 'văn bản nào', which asks which document)
_ASKS_NUMBER = re.compile(rf"\b({_DOC_KINDS}) (?:so (?:may|bao nhieu|nao|gi)|may|bao nhieu)\b")
# the date of a cited document ('Tờ trình số 226/TTr-BKHCN ngày 05 tháng 11 năm 2025') is not a time the text sets
_REF_DATE = re.compile(r"\bso \S+ ngay \d{1,2}(?: thang \d{1,2} nam \d{4}|/\d{1,2}/\d{4})")


def answer_form(question: str) -> re.Pattern[str] | None:
    """The pattern (over folded text) a passage answering ``question`` must match, or None."""
    q = fold(question)
    number = _ASKS_NUMBER.search(q)
    if number:
        return re.compile(
            rf"\b{number.group(1)}(?: \w+){{0,2}} (?:so )?\d+"
        )  # 'Báo cáo thẩm tra số 109/BC-BPC'
    if _ASKS_DURATION.search(q):
        return _STATES_DURATION
    unit = _ASKS_WHEN_UNIT.search(q)
    if unit:
        return _STATES_IN_UNIT[unit.group(1) or "mung"]
    if _ASKS_WHEN.search(q):
        return _STATES_TIME
    return None


# an amount asked ('được hỗ trợ bao nhiêu mỗi tháng', 'học phí bao nhiêu', 'bao nhiêu phần trăm') and
# the figure stating one ('4.960.000 đồng/người/tháng', '1,5 triệu đồng', '70%'): what ranks the
# sentences of a passage, not what makes one relevant
_ASKS_PERCENT = re.compile(r"\b(?:bao nhieu|may) (?:phan tram|%)|\bty le\b.*\b(?:bao nhieu|may)\b")
_ASKS_MONEY = re.compile(
    r"\bbao nhieu (?:tien|dong|trieu|ty)\b"
    r"|\b(?:muc|so tien|kinh phi|hoc phi|le phi|phi|gia|luong|phu cap|tro cap|ho tro|thuong|khoan|chi)\b"
    r"(?: \w+){0,8} (?:la |duoc |co )?bao nhieu\b"
    r"|\bduoc (?:ho tro|tro cap|thuong|chi|huong|cap|nhan)\b(?: \w+){0,8} bao nhieu\b"
)
_STATES_PERCENT = re.compile(r"\d+(?:[.,]\d+)? ?%|\b\d+(?:[.,]\d+)? phan tram\b")
_STATES_MONEY = re.compile(
    r"\b\d{1,3}(?:\.\d{3})+(?:,\d+)? ?(?:dong|d\b|vnd)|\b\d+(?:[.,]\d+)? (?:nghin|ngan|trieu|ty) dong\b"
)


def amount_form(question: str) -> re.Pattern[str] | None:
    """The form of the amount a question asks for (money, a percentage), or None."""
    q = fold(question)
    if _ASKS_PERCENT.search(q):
        return _STATES_PERCENT
    if _ASKS_MONEY.search(q):
        return _STATES_MONEY
    return None


def form_bonus(form: re.Pattern[str] | None, text: str, focus_size: int) -> float:
    """What being in the asked form is worth to a quote: as much as two more shared words."""
    if form is None:
        return 0.0
    folded = fold(text)
    if form in _TIME_FORMS:
        folded = _REF_DATE.sub(" ", folded)
    return 2 / max(1, focus_size) ** 0.5 if form.search(folded) else 0.0


def best_quote(doc: Document, start: int, end: int, focus: str = "", max_chars: int = 320) -> tuple[str, int]:
    """The passage of lines start..end that best answers ``focus``, verbatim, and its line number.

    A quote never spans two lines (a bullet mark between them would break verbatim-ness); within a
    line it is a run of whole sentences, trimmed of markdown at its edges only.
    """
    want = set(syllables(focus)) if focus else set()
    form = answer_form(focus) if focus else None
    amount = amount_form(focus) if focus else None
    best: tuple[float, str, int] = (-1.0, "", start)
    for n in range(start, end + 1):
        raw = doc.line(n)
        line = _trim(raw)
        if len(fold(line)) < 3:
            continue
        candidates = [line]
        if len(line) > max_chars:
            sentences = [s for s in _SENTENCE_END.split(line) if s]
            # windows of consecutive sentences up to max_chars
            for i in range(len(sentences)):
                window = sentences[i]
                candidates.append(window)
                for s in sentences[i + 1 :]:
                    if len(window) + 1 + len(s) > max_chars:
                        break
                    window = f"{window} {s}"
                    candidates.append(window)
            # a very long single sentence: cut at a clause boundary
            candidates.extend(_clauses(line, max_chars))
        for cand in candidates:
            cand = _TRAIL.sub("", cand).strip()
            if not cand or cand not in raw:
                continue
            score = _score(cand, want) + min(len(cand), max_chars) / (max_chars * 50)
            # 'khi nào': a quote stating no time does not answer, whatever words it shares
            score += form_bonus(form, cand, len(want)) * 10
            # 'được hỗ trợ bao nhiêu': the sentence stating an amount, not the one naming the support
            score += form_bonus(amount, cand, len(want))
            if len(cand) > max_chars:
                score -= 1.0
            if score > best[0]:
                best = (score, cand, n)
    return best[1], best[2]


def _clauses(line: str, max_chars: int) -> list[str]:
    """Windows of clauses, cut at semicolons first and at commas only inside a clause too long."""
    parts: list[str] = []
    for piece in re.split(r"(?<=;)\s+", line):
        parts.extend([piece] if len(piece) <= max_chars else re.split(r"(?<=,)\s+", piece))
    out: list[str] = []
    for i in range(len(parts)):
        window = parts[i]
        for p in parts[i + 1 :]:
            if len(window) + 1 + len(p) > max_chars:
                break
            window = f"{window} {p}"
        out.append(window.rstrip(",;"))
    return out


def table_row_quote(doc: Document, line: int) -> str:
    """A table row as one verbatim passage: its cells after STT, tab-joined cells read with spaces."""
    cells = [c.strip() for c in doc.line(line).split("\t")]
    cells = [c for c in cells if c]
    if len(cells) > 1 and cells[0].isdigit():
        cells = cells[1:]
    return " ".join(cells)


class CitationSet:
    """Collects the citations of one answer, numbering each distinct (doc, section, quote) once."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def add(self, doc: Document, section: str, title: str, quote: str, line_start: int, line_end: int) -> int:
        quote = squash(quote)
        line_end = max(line_end, doc.line_end(line_end))  # a wrapped paragraph: all of its file lines
        for c in self.items:
            if c.doc == doc.doc_id and c.section == section and c.quote == quote:
                return c.id
        cid = len(self.items) + 1
        self.items.append(
            Citation(
                id=cid,
                doc=doc.doc_id,
                section=section,
                title=title,
                quote=quote,
                line_start=line_start,
                line_end=line_end,
            )
        )
        return cid

    def add_section(self, doc: Document, sec: Section, focus: str = "", max_chars: int = 320) -> int:
        """Cite a section with the passage of it that best matches ``focus``."""
        start = sec.body_start if sec.body_start <= sec.line_end and sec.kind != "header" else sec.line_start
        end = sec.line_end
        if sec.children and sec.text and sec.children[0].line_start > start:
            end = sec.children[0].line_start - 1  # the section's own words, not its children's
        quote, line = best_quote(doc, start, end, focus, max_chars)
        if not quote:
            quote, line = best_quote(doc, sec.line_start, sec.line_end, focus, max_chars)
        return self.add(doc, sec.label, sec.title, quote, line, line)

    def add_line(self, doc: Document, sec: Section, line: int, focus: str = "", max_chars: int = 320) -> int:
        quote, ln = best_quote(doc, line, line, focus, max_chars)
        return self.add(doc, sec.label, sec.title, quote, ln, ln)

    def add_row(self, doc: Document, sec: Section, line: int) -> int:
        return self.add(doc, sec.label, sec.title, table_row_quote(doc, line), line, line)


def section_for_line(doc: Document, line: int) -> Section | None:
    """The deepest section whose span holds ``line``."""
    best: Section | None = None
    for s in doc.walk():
        if s.line_start <= line <= s.line_end and (best is None or s.level >= best.level):
            best = s
    return best
