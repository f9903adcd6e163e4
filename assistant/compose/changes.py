"""What a document repeals, replaces or amends, read from its own words: the title ('Về việc bãi
bỏ Quyết định số ...') and the articles ('Bãi bỏ Quyết định số 181/2006/QĐ-BQP ngày 31 tháng 10
năm 2006 ...', 'Quyết định này thay thế Quyết định số ...'), never from the legal bases (a 'Luật
sửa đổi, bổ sung ...' there is a law the document rests on, not one it changes)."""

from __future__ import annotations

import re

from assistant.answers import CitationSet, section_for_line
from assistant.compose.common import bullet_list, doc_long_name
from assistant.documents import find_refs
from assistant.model import BASES, CC, RECIPIENTS, SIGNATURE, DocRef, Document
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
    """(change, document changed) in the order the document says them, each document once."""
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
        folded = fold(text)
        verb = next((name for name, rx in _VERBS if rx.search(folded)), "")
        if not verb:
            continue
        for ref in find_refs(text, n):
            key = ref.number.upper()
            held = found.get(key)
            # the title names it ('Bãi bỏ Quyết định số 14/2020'); the article says its date and issuer
            if key != own and (held is None or fullness(ref) > fullness(held[1])):
                found[key] = (held[0] if held else verb, ref)
    return list(found.values())


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
