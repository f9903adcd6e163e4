"""The parsed form of a document: metadata, section tree, tables and criteria rows.

Plain dataclasses, no I/O: produced by :mod:`assistant.documents`, read by every layer above.
Line numbers are 1-based and inclusive, counted in the source file as stored in ``corpus/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

# Labels of the parts outside the numbered sections (see ../shared/eval/README.md).
TITLE = "Tiêu đề"
RECIPIENTS = "Kính gửi"
BASES = "Căn cứ"
CC = "Nơi nhận"
SIGNATURE = "Chữ ký"


@dataclass(frozen=True)
class PartialDate:
    """A date as written; any part may be missing in a draft ('ngày tháng 8 năm 2025')."""

    day: int | None
    month: int | None
    year: int | None
    raw: str

    @property
    def complete(self) -> bool:
        return None not in (self.day, self.month, self.year)

    def __str__(self) -> str:
        if self.complete:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        parts = [
            f"ngày {self.day:02d}" if self.day else "ngày …",
            f"tháng {self.month}" if self.month else "tháng …",
            f"năm {self.year}" if self.year else "năm …",
        ]
        return " ".join(parts)


@dataclass(frozen=True)
class DocRef:
    """A document another one rests on or cites: 'Văn bản số 2666/TTCP-C.IV ngày 18/12/2024'."""

    kind: str  # Văn bản, Nghị quyết, Kế hoạch, Công văn, Nghị định, Chỉ thị, ...
    number: str  # 2666/TTCP-C.IV
    date: PartialDate | None
    issuer: str  # Thanh tra Chính phủ ('' when the text does not say)
    text: str  # the phrase as written
    line: int


@dataclass(frozen=True)
class Signer:
    name: str
    title: str  # PHÓ CHỦ TỊCH
    authority: list[str]  # ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH']
    line_start: int
    line_end: int


@dataclass
class Section:
    """A node of the document's own structure.

    ``label`` is the full label from the top level down (``II.10``, ``I.2.1``, ``Phụ lục III``,
    ``Điều 5``, ``Điều 5.2``, ``Điều 5.2.a``), ``number`` the node's own number (``10``).
    ``text`` is the body without the heading line, cleaned of markdown; ``heading`` is the
    heading line as cleaned text. ``line_start``..``line_end`` spans heading and body,
    children included.
    """

    label: str
    number: str
    title: str
    # part | item | appendix | header | body (the text of a document without numbered items) |
    # attachment (a text issued with the document: 'Kế hoạch kèm theo') | chapter | section |
    # article | clause | point | phase | quote (an article of a text the document quotes: the new
    # wording of an amended article, 'Điều 1.2, “Điều 7”')
    kind: str
    level: int
    text: str = ""
    line_start: int = 0
    line_end: int = 0
    body_start: int = 0  # first line after the heading
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False, compare=False)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def own_spans(self, start: int | None = None) -> list[tuple[int, int]]:
        """Line ranges of the section's own words: from ``start`` (its body) to its end, outside its
        children. Children run to the section's end, so this is the text before the first child;
        a quoted text ('... như sau: “1. ...”') ends where the quote does, and the words after it
        are the quoting section's again."""
        lo = self.body_start or self.line_start if start is None else start
        out: list[tuple[int, int]] = []
        for child in self.children:
            if child.line_start > lo:
                out.append((lo, child.line_start - 1))
            lo = max(lo, child.line_end + 1)
        if lo <= self.line_end:
            out.append((lo, self.line_end))
        return out

    @property
    def path(self) -> list[Section]:
        """Ancestors from the top level down, this section last."""
        out: list[Section] = []
        node: Section | None = self
        while node is not None:
            out.insert(0, node)
            node = node.parent
        return out

    @property
    def heading_path(self) -> str:
        """'II. Nhiệm vụ cụ thể > 10. Sở Giáo dục và Đào tạo': context for chunks and answers."""
        return " > ".join(s.display for s in self.path)

    @property
    def display(self) -> str:
        if self.kind in {
            "appendix",
            "header",
            "body",
            "attachment",
            "article",
            "quote",
            "chapter",
            "section",
            "part_law",
        }:
            return f"{self.label_own}. {self.title}" if self.title else self.label_own
        return f"{self.number}. {self.title}" if self.title else self.number

    @property
    def label_own(self) -> str:
        return self.label.split(".")[-1] if self.kind in {"item", "clause", "point"} else self.label


@dataclass(frozen=True)
class CriterionRow:
    """One row of a scoring table (Thang điểm / Điểm thẩm định / Điểm bị trừ)."""

    doc: str
    appendix: str  # Phụ lục II
    stt: str  # the row's own STT
    code: str  # B.1.10.2
    title: str
    max_points: Decimal
    awarded_points: Decimal | None
    deducted_points: Decimal | None  # as stated in the table; None when the table has no such column
    line: int
    raw: str  # the row as written (tab-separated), for quoting
    # The table's own names of its point columns, for the texts that say where a figure comes from
    # ('Điểm tối đa', 'Điểm tự chấm'); the corpus's tables name them Thang điểm / Điểm thẩm định.
    max_column: str = "Thang điểm"
    awarded_column: str = "Điểm thẩm định"
    deducted_column: str = "Điểm bị trừ"

    @property
    def group(self) -> str:
        """'B' for B.1.10.2, 'II' for II.3: the first component of the code."""
        return self.code.split(".", 1)[0]

    @property
    def deduction(self) -> Decimal:
        """The deduction: stated when the table states it, else maximum minus awarded."""
        if self.deducted_points is not None:
            return self.deducted_points
        return self.max_points - (self.awarded_points or Decimal(0))


@dataclass(frozen=True)
class TableTotal:
    """A 'Tổng điểm' row as the table states it (None where a cell is empty)."""

    appendix: str
    max_points: Decimal | None
    awarded_points: Decimal | None
    deducted_points: Decimal | None
    line: int
    raw: str


@dataclass
class Table:
    appendix: str  # label of the section holding it ('Phụ lục I', or a body label)
    header: list[str]
    rows: list[list[str]]
    row_lines: list[int]
    line_start: int
    line_end: int


@dataclass(frozen=True)
class AppendixCaption:
    """What an appendix caption says of its parent document: '(Kèm theo Văn bản số 410/... ngày ...)'."""

    appendix: str
    number: str  # as cleaned: 410/UBND-NCKTGS ('' if absent)
    date: PartialDate | None
    line: int
    raw: str


@dataclass
class Document:
    doc_id: str
    path: str
    lines: list[str]  # the file's lines, NFC, without line ends; lines[0] is line 1
    issuer: str = ""  # ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG
    doc_type: str = ""  # Công văn, Kế hoạch, Quyết định, Luật, Nghị định, ...
    number: str = ""  # 410/UBND-NCKTGS; '' for an unnumbered draft
    number_raw: str = ""  # the 'Số:' line as written
    number_source: str = ""  # 'Tiêu đề', or 'Phụ lục' when the header number is illegible and captions agree
    symbol: str = ""  # UBND-NCKTGS, KH-UBND: the part after the number, kept even for a draft
    refs: list[DocRef] = field(default_factory=list)  # documents named in the subject (what it implements)
    place: str = ""
    date: PartialDate | None = None
    subject: str = ""  # V/v ... or the title
    recipients: list[str] = field(default_factory=list)
    bases: list[DocRef] = field(default_factory=list)
    signer: Signer | None = None
    cc: list[str] = field(default_factory=list)  # Nơi nhận
    sections: list[Section] = field(default_factory=list)  # top-level nodes, including header parts
    tables: list[Table] = field(default_factory=list)
    criteria: list[CriterionRow] = field(default_factory=list)
    totals: list[TableTotal] = field(default_factory=list)
    captions: list[AppendixCaption] = field(default_factory=list)
    content_hash: str = ""
    # Logical lines (see assistant.layout): per file line, the joined text of the logical line that
    # starts there ('' elsewhere) and its last file line. Empty for a document built by hand.
    logical: list[str] = field(default_factory=list, repr=False)
    logical_end: list[int] = field(default_factory=list, repr=False)
    site_meta: dict[str, str] = field(default_factory=dict)  # the website's metadata box, if cut off
    warnings: list[str] = field(default_factory=list)  # what could not be read (header, structure)
    # sections by label, built on first look-up and rebuilt when stale (labels are set while parsing)
    _by_label: dict[str, Section] = field(default_factory=dict, init=False, repr=False, compare=False)

    def walk(self) -> Iterator[Section]:
        for s in self.sections:
            yield from s.walk()

    def section(self, label: str) -> Section | None:
        hit = self._by_label.get(label)
        if hit is not None and hit.label == label:
            return hit
        found = None
        fresh: dict[str, Section] = {}
        for s in self.walk():
            fresh.setdefault(s.label, s)
            if found is None and s.label == label:
                found = s
        self._by_label = fresh
        return found

    def line(self, n: int) -> str:
        """The logical line starting at file line ``n`` (a wrapped paragraph joined, verbatim up to
        whitespace), or '' where line ``n`` continues an earlier one or is layout; the file's own line
        for a document without a layout."""
        if not 1 <= n <= len(self.lines):
            return ""
        return self.logical[n - 1] if self.logical else self.lines[n - 1]

    def line_end(self, n: int) -> int:
        """The last file line of the logical line starting at ``n``."""
        return self.logical_end[n - 1] if self.logical_end and 1 <= n <= len(self.logical_end) else n

    def span_text(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start - 1 : end])
