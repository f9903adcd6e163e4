"""Consistency check of parsed documents: what a careful reader would flag before relying on one.

Pure functions over :class:`~assistant.model.Document`; nothing is ever "fixed". Each
:class:`Finding` is a warning naming the line where it shows, in Vietnamese, numbers written the
Vietnamese way (2,49), with what was expected and what was found.

Kinds (``Finding.kind``):

* ``total_mismatch``      a 'Tổng điểm' cell differs from the sum of its rows (per column)
* ``total_cell_empty``    a 'Tổng điểm' row leaves a column empty that the rows fill
* ``total_missing``       an appendix table has no 'Tổng điểm' row while others of the document do
* ``deduction_mismatch``  a row's 'Điểm bị trừ' is not 'Thang điểm' − 'Điểm thẩm định'
* ``awarded_above_max``   a row awarded more than its maximum
* ``negative_value``      a negative number in a scoring table
* ``value_missing``       a row leaves a score cell empty that the other rows of its table fill
* ``duplicate_code``      a criterion code listed twice in one document
* ``number_mismatch``     the document number differs between header and appendix captions
* ``number_missing``      the header's 'Số:' line carries no number (a draft, not yet registered)
* ``date_mismatch``       the date differs between header and appendix captions
* ``date_incomplete``     the header date lacks its day, month or year
* ``appendix_missing``    the body refers to an appendix the document does not contain
* ``appendix_unreferenced`` an appendix the body never mentions, while it mentions the others
* ``appendix_rule``       an appendix said (in its title or in the body) to hold rows of one kind
                          ('đạt 100% thang điểm', 'bị trừ từ 1 điểm trở lên') holds rows that are not
* ``ref_after_date``      a document cited as a basis is dated after the document itself
* ``not_read``            what the parser could not read (header fields, any numbered structure):
                          the document was ingested all the same (``Document.warnings``)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from assistant.documents import appendix_label, clean_line
from assistant.model import CriterionRow, Document, PartialDate, Section, TableTotal
from assistant.text import fold, format_decimal, squash

TOTAL_MISMATCH = "total_mismatch"
TOTAL_CELL_EMPTY = "total_cell_empty"
TOTAL_MISSING = "total_missing"
DEDUCTION_MISMATCH = "deduction_mismatch"
AWARDED_ABOVE_MAX = "awarded_above_max"
NEGATIVE_VALUE = "negative_value"
VALUE_MISSING = "value_missing"
DUPLICATE_CODE = "duplicate_code"
NUMBER_MISMATCH = "number_mismatch"
NUMBER_MISSING = "number_missing"
DATE_MISMATCH = "date_mismatch"
DATE_INCOMPLETE = "date_incomplete"
APPENDIX_MISSING = "appendix_missing"
APPENDIX_UNREFERENCED = "appendix_unreferenced"
APPENDIX_RULE = "appendix_rule"
REF_AFTER_DATE = "ref_after_date"
NOT_READ = "not_read"

COL_MAX = "Thang điểm"
COL_AWARDED = "Điểm thẩm định"
COL_DEDUCTED = "Điểm bị trừ"


@dataclass(frozen=True)
class Finding:
    doc: str
    line: int
    kind: str
    message: str  # Vietnamese, fit to show a user
    expected: str | None  # what the rest of the document implies (Vietnamese number format)
    found: str | None  # what the line states, as written where possible
    appendix: str = ""  # the appendix concerned, when there is one


def finding_to_dict(f: Finding) -> dict[str, object]:
    return {
        "doc": f.doc,
        "line": f.line,
        "kind": f.kind,
        "message": f.message,
        "expected": f.expected,
        "found": f.found,
        "appendix": f.appendix,
    }


def _n(value: Decimal) -> str:
    return format_decimal(value)


def _sum(values: Iterable[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


# --- scoring tables ------------------------------------------------------------------------------


def _by_appendix(doc: Document) -> dict[str, list[CriterionRow]]:
    out: dict[str, list[CriterionRow]] = {}
    for r in doc.criteria:
        out.setdefault(r.appendix, []).append(r)
    return out


def _check_rows(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    for appendix, rows in _by_appendix(doc).items():
        has_awarded = any(r.awarded_points is not None for r in rows)
        has_deducted = any(r.deducted_points is not None for r in rows)
        for r in rows:
            where = f"Tiêu chí {r.code} ({appendix}, dòng {r.line})"
            for col, value in (
                (COL_MAX, r.max_points),
                (COL_AWARDED, r.awarded_points),
                (COL_DEDUCTED, r.deducted_points),
            ):
                if value is not None and value < 0:
                    out.append(
                        Finding(
                            doc.doc_id,
                            r.line,
                            NEGATIVE_VALUE,
                            f"{where}: cột {col} ghi số âm {_n(value)}.",
                            "≥ 0",
                            _n(value),
                            appendix,
                        )
                    )
            for col, value, present in (
                (COL_AWARDED, r.awarded_points, has_awarded),
                (COL_DEDUCTED, r.deducted_points, has_deducted),
            ):
                if value is None and present:
                    out.append(
                        Finding(
                            doc.doc_id,
                            r.line,
                            VALUE_MISSING,
                            f"{where}: cột {col} để trống trong khi các tiêu chí khác của bảng đều có.",
                            None,
                            "",
                            appendix,
                        )
                    )
            if r.awarded_points is not None and r.awarded_points > r.max_points:
                out.append(
                    Finding(
                        doc.doc_id,
                        r.line,
                        AWARDED_ABOVE_MAX,
                        f"{where}: {COL_AWARDED} {_n(r.awarded_points)} lớn hơn {COL_MAX} "
                        f"{_n(r.max_points)}.",
                        f"≤ {_n(r.max_points)}",
                        _n(r.awarded_points),
                        appendix,
                    )
                )
            if r.deducted_points is not None and r.awarded_points is not None:
                expected = r.max_points - r.awarded_points
                if r.deducted_points != expected:
                    out.append(
                        Finding(
                            doc.doc_id,
                            r.line,
                            DEDUCTION_MISMATCH,
                            f"{where}: {COL_DEDUCTED} ghi {_n(r.deducted_points)}, nhưng {COL_MAX} − "
                            f"{COL_AWARDED} = {_n(r.max_points)} − {_n(r.awarded_points)} = {_n(expected)}.",
                            _n(expected),
                            _n(r.deducted_points),
                            appendix,
                        )
                    )
    return out


def _check_totals(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    groups = _by_appendix(doc)
    totals_by_app: dict[str, list[TableTotal]] = {}
    for t in doc.totals:
        totals_by_app.setdefault(t.appendix, []).append(t)
    for t in doc.totals:
        rows = groups.get(t.appendix, [])
        if not rows:
            continue
        what = f"Dòng Tổng điểm của {t.appendix} (dòng {t.line})"
        if t.max_points is not None and t.max_points < 0:
            out.append(
                Finding(
                    doc.doc_id,
                    t.line,
                    NEGATIVE_VALUE,
                    f"{what}: cột {COL_MAX} ghi số âm.",
                    "≥ 0",
                    _n(t.max_points),
                    t.appendix,
                )
            )
        columns: list[tuple[str, Decimal | None, Decimal | None, str]] = [
            (COL_MAX, t.max_points, _sum(r.max_points for r in rows), f"tổng {len(rows)} dòng"),
        ]
        if any(r.awarded_points is not None for r in rows):
            columns.append(
                (
                    COL_AWARDED,
                    t.awarded_points,
                    _sum(r.awarded_points for r in rows if r.awarded_points is not None),
                    f"tổng {len(rows)} dòng",
                )
            )
        if any(r.deducted_points is not None for r in rows) or t.deducted_points is not None:
            stated_rows = all(r.deducted_points is not None for r in rows)
            columns.append(
                (
                    COL_DEDUCTED,
                    t.deducted_points,
                    _sum(r.deduction for r in rows),
                    f"tổng {len(rows)} dòng"
                    if stated_rows
                    else f"tổng ({COL_MAX} − {COL_AWARDED}) của {len(rows)} dòng",
                )
            )
        for col, stated, computed, how in columns:
            if computed is None:
                continue
            if stated is None:
                out.append(
                    Finding(
                        doc.doc_id,
                        t.line,
                        TOTAL_CELL_EMPTY,
                        f"{what} để trống cột {col}; {how} của bảng là {_n(computed)}.",
                        _n(computed),
                        None,
                        t.appendix,
                    )
                )
            elif stated != computed:
                out.append(
                    Finding(
                        doc.doc_id,
                        t.line,
                        TOTAL_MISMATCH,
                        f"{what} ghi {col} {_n(stated)}, nhưng {how} của bảng là {_n(computed)} "
                        f"(chênh {_n(stated - computed)}).",
                        _n(computed),
                        _n(stated),
                        t.appendix,
                    )
                )
    if totals_by_app:
        with_total = [a for a in groups if a in totals_by_app]
        for appendix, rows in groups.items():
            if appendix in totals_by_app:
                continue
            sec = doc.section(appendix)
            line = rows[-1].line
            mx = _sum(r.max_points for r in rows)
            aw = _sum(r.awarded_points for r in rows if r.awarded_points is not None)
            out.append(
                Finding(
                    doc.doc_id,
                    sec.line_start if sec else line,
                    TOTAL_MISSING,
                    f"Bảng {appendix} (dòng {rows[0].line}–{line}) không có dòng Tổng điểm, trong khi "
                    f"{', '.join(with_total)} có; tổng tính từ các dòng: {COL_MAX} {_n(mx)}, "
                    f"{COL_AWARDED} {_n(aw)}.",
                    f"{COL_MAX} {_n(mx)}; {COL_AWARDED} {_n(aw)}",
                    None,
                    appendix,
                )
            )
    return out


def _check_duplicates(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    seen: dict[str, list[CriterionRow]] = {}
    for r in doc.criteria:
        seen.setdefault(r.code.upper().rstrip("."), []).append(r)
    for code, rows in seen.items():
        if len(rows) < 2:
            continue
        places = "; ".join(f"{r.appendix} dòng {r.line}" for r in rows)
        for r in rows[1:]:
            first = rows[0]
            same = (r.max_points, r.awarded_points) == (first.max_points, first.awarded_points)
            detail = (
                "với cùng điểm"
                if same
                else f"với điểm khác nhau ({_n(first.max_points)}/{_opt(first.awarded_points)} và "
                f"{_n(r.max_points)}/{_opt(r.awarded_points)})"
            )
            out.append(
                Finding(
                    doc.doc_id,
                    r.line,
                    DUPLICATE_CODE,
                    f"Mã tiêu chí {code} được liệt kê {len(rows)} lần ({places}) {detail}; "
                    "cộng điểm sẽ tính trùng.",
                    "mỗi mã một lần",
                    places,
                    r.appendix,
                )
            )
    return out


def _opt(value: Decimal | None) -> str:
    return _n(value) if value is not None else "(trống)"


# --- header vs appendix captions -----------------------------------------------------------------

_NUMBER_LINE = re.compile(r"^Số\s*:?", re.IGNORECASE)
_RAW_NUMBER = re.compile(r"^(?P<num>[\d\s/.…]*?)\s*/\s*(?P<sym>[A-ZĐ][\wĐđ.\-/]*)\s*$")


def _header_limit(doc: Document) -> int:
    """Last line of the header area: before the first numbered section or appendix."""
    starts = [s.line_start for s in doc.sections if s.kind != "header" and s.line_start]
    return min(starts) - 1 if starts else len(doc.lines)


def _find_line(doc: Document, needle: str, start: int = 1, end: int | None = None, prefix: str = "") -> int:
    """First line in start..end whose cleaned text contains ``needle`` (and starts with ``prefix``)."""
    stop = len(doc.lines) if end is None else min(end, len(doc.lines))
    target = squash(needle)
    for i in range(max(1, start), stop + 1):
        s = clean_line(doc.line(i))
        if target in s and (not prefix or fold(s).startswith(fold(prefix))):
            return i
    return 0


def _split_number(raw: str) -> tuple[str, str]:
    """'4/0 /UBND-NCKTG' -> ('4/0', 'UBND-NCKTG'); '410/UBND-NCKTGS' -> ('410', 'UBND-NCKTGS')."""
    m = _RAW_NUMBER.match(raw.strip())
    if m:
        return re.sub(r"[\s.…]+", "", m.group("num")), m.group("sym")
    return re.sub(r"\s+", "", raw), ""


def _norm_number(raw: str) -> str:
    num, sym = _split_number(raw)
    return f"{num}/{sym}" if sym else num


def _names(items: Sequence[str]) -> str:
    return ", ".join(items)


def _check_number(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    limit = _header_limit(doc)
    header_line = _find_line(doc, doc.number_raw, 1, limit, prefix="Số") if doc.number_raw else 0
    head_num, head_sym = _split_number(doc.number_raw) if doc.number_raw else ("", "")
    if doc.number_raw and not re.search(r"\d", head_num):
        out.append(
            Finding(
                doc.doc_id,
                header_line,
                NUMBER_MISSING,
                f"Văn bản chưa có số: dòng {header_line} ghi “Số: {doc.number_raw}” (bản dự thảo hoặc "
                "chưa đăng ký số); không trích dẫn được văn bản bằng số hiệu.",
                None,
                f"Số: {doc.number_raw}",
            )
        )
    caps = [c for c in doc.captions if c.number]
    if not caps:
        return out
    sources: list[tuple[str, str, str, int]] = []  # (who, normalised, as written, line)
    if doc.number_raw and re.search(r"\d", head_num):
        sources.append(("phần đầu văn bản", _norm_number(doc.number_raw), doc.number_raw, header_line))
    sources.extend((c.appendix, _norm_number(c.number), c.number, c.line) for c in caps)
    reference = _majority([s[1] for s in sources], prefer=sources[0][1])
    for who, norm, written, line in sources:
        if norm == reference:
            continue
        agree = [w for w, n, _, _ in sources if n == reference]
        details = _number_detail(norm, reference)
        if who == "phần đầu văn bản":
            msg = (
                f"Số hiệu ở phần đầu văn bản (dòng {line}) ghi “Số: {written}”, khác số ghi ở chú thích "
                f"{_names(agree)} ({reference}){details}."
            )
        else:
            msg = (
                f"Chú thích {who} (dòng {line}) ghi số {written}, khác {_names(agree)} "
                f"({reference}){details}."
            )
        out.append(
            Finding(
                doc.doc_id,
                line,
                NUMBER_MISMATCH,
                msg,
                reference,
                written,
                who if who != "phần đầu văn bản" else "",
            )
        )
    # A draft whose header has no number still carries a symbol: compare it with the captions'.
    if doc.number_raw and not re.search(r"\d", head_num) and head_sym:
        cap_syms = Counter(_split_number(c.number)[1] for c in caps)
        sym, _ = cap_syms.most_common(1)[0]
        if sym and sym != head_sym:
            out.append(
                Finding(
                    doc.doc_id,
                    header_line,
                    NUMBER_MISMATCH,
                    f"Ký hiệu ở phần đầu văn bản (dòng {header_line}) là {head_sym}, khác ký hiệu ở chú "
                    f"thích phụ lục ({sym}).",
                    sym,
                    head_sym,
                )
            )
    return out


def _number_detail(found: str, reference: str) -> str:
    fn, fs = _split_number(found)
    rn, rs = _split_number(reference)
    parts = []
    if fn != rn:
        parts.append(f"phần số {fn or '(trống)'} so với {rn}")
    if fs != rs:
        parts.append(f"ký hiệu {fs or '(trống)'} so với {rs}")
    return ": " + "; ".join(parts) if parts else ""


def _majority(values: Sequence[str], prefer: str) -> str:
    """The most common value; on a tie for first place, ``prefer`` (the header's, or the first caption's)."""
    common = Counter(values).most_common()
    best = [v for v, c in common if c == common[0][1]]
    return best[0] if len(best) == 1 else prefer


def _date_key(d: PartialDate) -> str:
    return str(d)


def _check_dates(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    limit = _header_limit(doc)
    head_line = _find_line(doc, doc.date.raw, 1, limit) if doc.date else 0
    if doc.date is not None and not doc.date.complete:
        missing = [
            name
            for name, v in (("ngày", doc.date.day), ("tháng", doc.date.month), ("năm", doc.date.year))
            if v is None
        ]
        out.append(
            Finding(
                doc.doc_id,
                head_line,
                DATE_INCOMPLETE,
                f"Ngày ban hành ở dòng {head_line} chưa đủ (“{doc.date.raw}”: thiếu {', '.join(missing)}); "
                "văn bản có thể là dự thảo.",
                None,
                doc.date.raw,
            )
        )
    caps = [c for c in doc.captions if c.date is not None and c.date.complete]
    if not caps:
        return out
    sources: list[tuple[str, str, str, int]] = []
    if doc.date is not None and doc.date.complete:
        sources.append(("phần đầu văn bản", _date_key(doc.date), doc.date.raw, head_line))
    for c in caps:
        assert c.date is not None
        sources.append((c.appendix, _date_key(c.date), c.date.raw, c.line))
    reference = _majority([s[1] for s in sources], prefer=sources[0][1])
    for who, key, written, line in sources:
        if key == reference:
            continue
        agree = [
            f"ngày ban hành ở phần đầu văn bản (dòng {ln})" if w == "phần đầu văn bản" else f"chú thích {w}"
            for w, k, _, ln in sources
            if k == reference
        ]
        where = "Ngày ban hành ở phần đầu văn bản" if who == "phần đầu văn bản" else f"Chú thích {who}"
        shown = written if written == key else f"{written}, tức {key}"
        out.append(
            Finding(
                doc.doc_id,
                line,
                DATE_MISMATCH,
                f"{where} (dòng {line}) ghi ngày {shown}, khác {_names(agree)} ({reference}).",
                reference,
                written,
                who if who != "phần đầu văn bản" else "",
            )
        )
    return out


def _check_ref_dates(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    if doc.date is None or doc.date.year is None:
        return out
    own = (doc.date.year, doc.date.month or 0, doc.date.day or 0)
    seen: set[tuple[str, int]] = set()
    for ref in [*doc.refs, *doc.bases]:
        if ref.date is None or ref.date.year is None or (ref.number, ref.line) in seen:
            continue
        seen.add((ref.number, ref.line))
        theirs = (ref.date.year, ref.date.month or 0, ref.date.day or 0)
        # compare only as precisely as both dates allow
        depth = (
            1
            + (doc.date.month is not None and ref.date.month is not None)
            + (doc.date.day is not None and ref.date.day is not None and doc.date.month is not None)
        )
        if theirs[:depth] > own[:depth]:
            out.append(
                Finding(
                    doc.doc_id,
                    ref.line,
                    REF_AFTER_DATE,
                    f"{ref.kind} số {ref.number} được viện dẫn (dòng {ref.line}) có ngày {ref.date}, sau ngày "
                    f"ban hành của chính văn bản ({doc.date}).",
                    f"trước {doc.date}",
                    str(ref.date),
                )
            )
    return out


# --- appendices: references and what they are said to hold --------------------------------------

_APPENDIX_REF = re.compile(r"Phụ\s*lục\s+(?:số\s*)?(?P<num>\d{1,2}|[IVXLC]{1,6})\b", re.IGNORECASE)
_OTHER_DOC_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,3}?(?:kèm theo|của|tại)?\s*(?:Nghị định|Thông tư|Quyết định|Luật|Nghị quyết|"
    r"Văn bản|Kế hoạch|Công văn|Chỉ thị|Hướng dẫn)\s+(?:số\s*)?\d",
    re.IGNORECASE,
)
_NUM = r"(?P<n>\d+(?:[.,]\d+)?)"
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("at_least", re.compile(rf"bi\s+tru\s+(?:tu\s+)?{_NUM}\s+diem\s+tro\s+len")),
    ("above", re.compile(rf"bi\s+tru\s+tren\s+{_NUM}\s+diem")),
    ("below", re.compile(rf"bi\s+tru\s+duoi\s+{_NUM}\s+diem")),
    ("exact", re.compile(rf"bi\s+tru\s+{_NUM}\s+diem")),
    ("full", re.compile(r"(?<!chua )dat\s+100\s*%")),
]


@dataclass(frozen=True)
class _Rule:
    kind: str  # full | at_least | above | below | exact
    n: Decimal | None
    phrase: str  # as written
    line: int
    where: str  # 'Tiêu đề Phụ lục II' / 'Phần nội dung văn bản'

    def holds(self, r: CriterionRow) -> bool:
        d = r.deduction
        if self.kind == "full":
            return r.awarded_points is not None and r.awarded_points == r.max_points
        assert self.n is not None
        if self.kind == "at_least":
            return d >= self.n
        if self.kind == "above":
            return d > self.n
        if self.kind == "below":
            return 0 < d < self.n
        return d == self.n

    @property
    def meaning(self) -> str:
        n = _n(self.n) if self.n is not None else ""
        return {
            "full": "đạt đủ thang điểm",
            "at_least": f"bị trừ từ {n} điểm trở lên",
            "above": f"bị trừ trên {n} điểm",
            "below": f"bị trừ dưới {n} điểm",
            "exact": f"bị trừ đúng {n} điểm",
        }[self.kind]


def _rule_in(text: str) -> tuple[str, Decimal | None, str] | None:
    """The first rule phrase in a cleaned text: (kind, n, phrase as written)."""
    folded = fold(text)
    same_length = len(folded) == len(text)
    for kind, rx in _RULES:
        m = rx.search(folded)
        if m:
            n = Decimal(m.group("n").replace(",", ".")) if "n" in rx.groupindex else None
            phrase = text[m.start() : m.end()] if same_length else m.group(0)
            return kind, n, phrase
    return None


def _appendices(doc: Document) -> list[Section]:
    return [s for s in doc.sections if s.kind == "appendix"]


def _body_end(doc: Document) -> int:
    apps = _appendices(doc)
    return min(s.line_start for s in apps) - 1 if apps else len(doc.lines)


def _body_references(doc: Document) -> list[tuple[str, int, str]]:
    """(appendix label, line, cleaned line) for each mention of an appendix in the body."""
    out: list[tuple[str, int, str]] = []
    for i in range(1, _body_end(doc) + 1):
        s = clean_line(doc.line(i))
        for m in _APPENDIX_REF.finditer(s):
            if _OTHER_DOC_AFTER.match(s[m.end() :]):
                continue  # 'Phụ lục II Nghị định 130/2020/NĐ-CP': another document's appendix
            out.append((appendix_label(m.group("num")), i, s))
    return out


def _check_appendix_refs(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    refs = _body_references(doc)
    present = {s.label for s in _appendices(doc)}
    for label, line, _text in refs:
        if label not in present:
            have = ", ".join(s.label for s in _appendices(doc)) or "không có phụ lục nào"
            out.append(
                Finding(
                    doc.doc_id,
                    line,
                    APPENDIX_MISSING,
                    f"Dòng {line} dẫn chiếu {label} nhưng văn bản không kèm phụ lục này (văn bản có: {have}).",
                    label,
                    None,
                    label,
                )
            )
    mentioned = {label for label, _, _ in refs}
    if mentioned & present:
        for s in _appendices(doc):
            if s.label not in mentioned:
                out.append(
                    Finding(
                        doc.doc_id,
                        s.line_start,
                        APPENDIX_UNREFERENCED,
                        f"{s.label} (dòng {s.line_start}) không được nhắc đến ở phần nội dung văn bản, "
                        "trong khi các phụ lục khác có.",
                        None,
                        s.label,
                        s.label,
                    )
                )
    return out


def _title_rule(doc: Document, sec: Section) -> _Rule | None:
    """The rule an appendix's title states, with the line the phrase starts on."""
    pieces: list[tuple[int, str]] = []
    for i in range(sec.line_start, max(sec.body_start, sec.line_start + 1)):
        s = clean_line(doc.line(i)) if i <= len(doc.lines) else ""
        if "Kèm theo" in s:
            break
        if s:
            pieces.append((i, s))
    text = " ".join(s for _, s in pieces)
    found = _rule_in(text)
    if found is None:
        return None
    kind, n, phrase = found
    offset = fold(text).find(fold(phrase))
    line, pos = pieces[0][0], 0
    for i, s in pieces:
        if pos <= offset:
            line = i
        pos += len(s) + 1
    return _Rule(kind, n, phrase, line, f"Tiêu đề {sec.label}")


def _body_rules(doc: Document) -> dict[str, _Rule]:
    """What the body says each appendix holds: the rule phrase on the referring line or just above."""
    out: dict[str, _Rule] = {}
    refs = _body_references(doc)
    referring_lines = {line for _, line, _ in refs}
    for label, line, text in refs:
        found = _rule_in(text)
        at = line
        if found is None:
            prev = line - 1
            while prev >= 1 and not clean_line(doc.line(prev)):
                prev -= 1
            if prev >= 1 and prev not in referring_lines:
                found = _rule_in(clean_line(doc.line(prev)))
                at = prev
        if found is not None and label not in out:
            kind, n, phrase = found
            out[label] = _Rule(kind, n, phrase, at, f"Phần nội dung văn bản (dòng {at})")
    return out


def _check_appendix_rules(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    groups = _by_appendix(doc)
    body = _body_rules(doc)
    for sec in _appendices(doc):
        rows = groups.get(sec.label, [])
        if not rows:
            continue
        rules = [r for r in (_title_rule(doc, sec), body.get(sec.label)) if r is not None]
        results = [(rule, [r for r in rows if not rule.holds(r)]) for rule in rules]
        for rule, bad in results:
            if not bad:
                continue
            lo = min(r.deduction for r in rows)
            hi = max(r.deduction for r in rows)
            span = f"{_n(lo)}" if lo == hi else f"từ {_n(lo)} đến {_n(hi)}"
            if len(bad) == len(rows):
                what = f"không tiêu chí nào trong {len(rows)} tiêu chí của bảng {rule.meaning}"
            else:
                codes = ", ".join(f"{r.code} (trừ {_n(r.deduction)})" for r in bad)
                what = f"{len(bad)}/{len(rows)} tiêu chí của bảng không {rule.meaning}: {codes}"
            others = [o for o, o_bad in results if o is not rule and not o_bad]
            agree = (
                f" {others[0].where} mô tả phụ lục này là “{others[0].phrase}”, khớp với bảng."
                if others
                else ""
            )
            out.append(
                Finding(
                    doc.doc_id,
                    rule.line,
                    APPENDIX_RULE,
                    f"{rule.where} ghi “{rule.phrase}” nhưng {what} (điểm bị trừ {span}).{agree}",
                    rule.meaning,
                    f"điểm bị trừ {span}",
                    sec.label,
                )
            )
    return out


def _check_reading(doc: Document) -> list[Finding]:
    """The parser's own warnings, at the first line of the document's text."""
    first = next((n for n, line in enumerate(doc.lines, start=1) if line.strip()), 1)
    return [Finding(doc.doc_id, first, NOT_READ, w, None, None) for w in doc.warnings]


# --- public API ----------------------------------------------------------------------------------

_CHECKS = (
    _check_reading,
    _check_number,
    _check_dates,
    _check_ref_dates,
    _check_appendix_refs,
    _check_appendix_rules,
    _check_rows,
    _check_totals,
    _check_duplicates,
)


def check_document(doc: Document) -> list[Finding]:
    """Findings for one document, by line."""
    out: list[Finding] = []
    for check in _CHECKS:
        out.extend(check(doc))
    return sorted(out, key=lambda f: (f.line, f.kind))  # stable: columns stay in table order


def check_documents(docs: Iterable[Document]) -> list[Finding]:
    """Findings for every document, by document then line. Warnings only: nothing is changed."""
    out: list[Finding] = []
    for doc in sorted(docs, key=lambda d: d.doc_id):
        out.extend(check_document(doc))
    return out
