"""What a document repeals, replaces or amends, read from its own words: the title ('Về việc bãi
bỏ Quyết định số ...') and the articles ('Bãi bỏ Quyết định số 181/2006/QĐ-BQP ngày 31 tháng 10
năm 2006 ...', 'Quyết định này thay thế Quyết định số ...'), never from the legal bases (a 'Luật
sửa đổi, bổ sung ...' there is a law the document rests on, not one it changes)."""

from __future__ import annotations

import re

from assistant.answers import CitationSet, section_for_line
from assistant.compose.common import bullet_list, doc_long_name
from assistant.documents import find_refs
from assistant.model import BASES, CC, RECIPIENTS, SIGNATURE, DocRef, Document, Section
from assistant.text import fold

# the change a line makes, as its verb says it (folded)
_VERBS = (
    ("bãi bỏ", re.compile(r"\b(bai bo|het hieu luc|chấm dứt hiệu lực|cham dut hieu luc)\b")),
    ("thay thế", re.compile(r"\bthay the\b")),
    ("sửa đổi, bổ sung", re.compile(r"\b(sua doi|bo sung|dinh chinh)\b")),
)
# a question about what a document changes: 'bãi bỏ văn bản nào', 'thay thế quyết định nào'
_DOC_WORDS = r"(?:van ban|quyet dinh|nghi quyet|thong tu|nghi dinh|chi thi|cong van|ke hoach|luat|quy dinh)"
ASKED = re.compile(
    rf"\b(?:bai bo|thay the|het hieu luc|sua doi|bo sung|dinh chinh)\b(?:, bo sung)? (?:nhung |cac |toan bo )?{_DOC_WORDS}\b"
    r".{0,30}\b(?:nao|gi|so may)\b"
    # 'sửa đổi khoản 9 Điều 1 của quyết định nào'
    rf"|\b(?:bai bo|thay the|sua doi|bo sung)\b(?: [\w,]+){{1,8}} cua {_DOC_WORDS} nao\b"
    # 'nghị quyết nào hết hiệu lực', 'những quyết định nào của UBND tỉnh Kon Tum bị bãi bỏ'
    rf"|\b{_DOC_WORDS} (?:nao|gi)(?: \w+){{0,10}} (?:bi |duoc )?(?:bai bo|thay the|sua doi|het hieu luc)\b"
)
_SKIP = {BASES, RECIPIENTS, CC, SIGNATURE}


def fullness(r: DocRef) -> tuple[bool, bool]:
    """How much a citing text says of a document it names: its date, its issuer. Of two mentions of
    one document, the fuller is quoted ('Bãi bỏ Quyết định số 14/2020' in the title says less than
    the article that repeals it)."""
    return bool(r.date), bool(r.issuer)


def changes(doc: Document) -> list[tuple[str, DocRef]]:
    """(change, document changed) in the order the document says them, each document once. A
    document is changed by a verb that governs it: one just before it ('Bãi bỏ Quyết định số …',
    'sửa đổi, bổ sung một số điều của …'), a passive one after it ('Quyết định số … hết hiệu lực'), or
    that of the clause listing it ('Các Quyết định sau hết hiệu lực …:' over points a), b), …). A verb
    in the title of the document named ('… bổ sung tiêu chuẩn, định mức …') changes nothing."""
    lines: list[int] = []
    for sec in doc.walk():
        if sec.label in _SKIP:
            continue
        lines.extend(range(sec.line_start, sec.line_end + 1))
    found: dict[str, tuple[str, DocRef]] = {}
    own = doc.number.upper() if doc.number else ""
    for n in sorted(set(lines)):
        text = doc.line(n)
        if not text:
            continue
        refs = find_refs(text, n)
        if not refs:
            continue
        listing = _listing_verb(doc, section_for_line(doc, n))
        for ref in refs:
            pos = text.find(ref.text)
            verb = listing or _governing_verb(text, pos, len(ref.text))
            if not verb:
                continue
            key = ref.number.upper()
            held = found.get(key)
            # the title names it ('Bãi bỏ Quyết định số 14/2020'); the article says its date and issuer
            if key != own and (held is None or fullness(ref) > fullness(held[1])):
                found[key] = (held[0] if held else verb, ref)
    return list(found.values())


_PASSIVE = (
    ("bãi bỏ", re.compile(r"^[^.]{0,400}?\b(?:het hieu luc|bi bai bo|duoc bai bo|cham dut hieu luc)\b")),
    ("thay thế", re.compile(r"^[^.]{0,400}?\b(?:bi thay the|duoc thay the)\b")),
)


def _governing_verb(text: str, pos: int, size: int) -> str:
    """The change a verb next to a named document makes to it, or ''."""
    if pos < 0:
        return ""
    before = fold(text[max(0, pos - 90) : pos])
    for name, rx in _VERBS:
        last = list(rx.finditer(before))[-1:]
        # 'bãi bỏ', 'sửa đổi, bổ sung một số điều của', 'thay thế' and the document right after
        if last and len(before) - last[0].end() <= 45 and not re.search(r"[.;]", before[last[0].end() :]):
            return name
    after = fold(text[pos + size :])
    return next((name for name, rx in _PASSIVE if rx.search(after)), "")


def _listing_verb(doc: Document, sec: Section | None) -> str:
    """The change the clause listing ``sec`` makes to the documents it lists: its lead ends with ':'
    and says the change ('2. Các Quyết định sau hết hiệu lực thi hành …:')."""
    if sec is None or sec.kind not in ("point", "clause", "item") or sec.parent is None:
        return ""
    # the lead: the clause's own words, or its heading line when it has none ('2. Các … sau …:')
    parent = sec.parent
    lead = (parent.text or doc.line(parent.line_start)).strip().rstrip("*_ ")
    if not lead.endswith(":"):
        return ""
    folded = fold(lead.splitlines()[-1])
    return next((name for name, rx in _VERBS if rx.search(folded)), "")


def _asked_verbs(question: str) -> set[str]:
    q = fold(question)
    return {name for name, rx in _VERBS if rx.search(q)}


def changes_answer(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    """A document-fact handler (compose.document): what ``doc`` repeals, replaces or amends."""
    found = changes(doc)
    asked = _asked_verbs(question)
    picked = [(v, r) for v, r in found if not asked or v in asked] or found
    if not picked:
        return ""
    items = []
    for verb, ref in picked:
        sec = section_for_line(doc, ref.line)
        cid = cites.add_line(doc, sec, ref.line, f"{ref.kind} {ref.number}") if sec is not None else 0
        text = f"{ref.kind} số {ref.number}" + (f" ngày {ref.date}" if ref.date else "")
        text += f" của {ref.issuer}" if ref.issuer else ""
        quote = cites.items[cid - 1].quote if cid else ""
        said = f" — “{quote}”" if quote and ref.number in quote else ""  # what the clause says it is about
        items.append(f"{verb}: **{text}**{said}" + (f" [{cid}]" if cid else ""))
    data.append(
        {
            "doc": doc.doc_id,
            "changes": [
                {"change": v, "kind": r.kind, "number": r.number, "date": str(r.date) if r.date else ""}
                for v, r in picked
            ],
        }
    )
    return f"{doc_long_name(doc)}:\n" + bullet_list(items)
