"""When a document takes effect: its own clause, read from its text.

Nghị định 30/2020/NĐ-CP puts it in the last articles of a quyết định, nghị quyết or quy định
('Điều 3. Quyết định này có hiệu lực kể từ ngày ký', 'Nghị quyết này có hiệu lực từ ngày 28
tháng 11 năm 2025'). The clause of the document itself ('<loại> này có hiệu lực') is preferred to
one about another document ('Quyết định số 12/2020 ... hết hiệu lực'); the website's metadata box
('Ngày hiệu lực: ...') is not the document's text and is never read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.documents import find_refs, parse_date
from assistant.model import Document, PartialDate
from assistant.text import fold

_CLAUSE = re.compile(r"\bco hieu luc\b|\bhieu luc thi hanh (ke )?tu\b|\bhieu luc ke tu\b")
_OWN = re.compile(r"\b(nay|nay da)\s+(co hieu luc|hieu luc)\b")
_FROM_SIGNING = re.compile(r"\b(ke )?tu ngay ky\b|\bngay ky ban hanh\b|\btu ngay thong qua\b")
_KINDS = "nghi quyet|quyet dinh|thong tu|nghi dinh|chi thi|ke hoach|cong van|thong bao|van ban|quy che|quy dinh|luat"
_LABEL = re.compile(r"^\s*\**\s*(?:Điều|Khoản)\s+\d+\.?\s*\**\s*")  # '**Điều 2.** Quyết định này ...'
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ0-9])")


@dataclass(frozen=True)
class Effect:
    line: int  # the file line where the logical line holding the clause starts
    sentence: str  # the clause's sentence, verbatim
    date: PartialDate | None  # the date the clause states, if it states one
    from_signing: bool  # 'kể từ ngày ký': the date of signing (the document's own date)


def effect_of(doc: Document) -> Effect | None:
    """The clause saying when ``doc`` takes effect, or None when its text has none."""
    best: tuple[int, Effect] | None = None
    body = [s.line_start for s in doc.sections if s.kind != "header"]
    for n in range(min(body, default=1), len(doc.lines) + 1):  # not the header's own lines
        text = doc.line(n)
        if not text or "hiệu lực" not in text.lower():
            continue
        for sentence in _SENTENCE.split(text):
            folded = fold(sentence)
            clause = _CLAUSE.search(folded)
            if not clause or "het hieu luc" in folded[: clause.end()]:
                continue
            after = sentence[clause.end() :] if len(sentence) == len(folded) else sentence
            # a date of another document named in the clause ('... kể từ ngày ký và thay thế Quyết
            # định số 1849/QĐ-UBND ngày 20 tháng 8 năm 2024') is that document's, not the effect's
            for ref in find_refs(after, n):
                after = after.replace(ref.text, " ")
            effect = Effect(
                line=n,
                sentence=_LABEL.sub("", sentence).strip().strip("*_ "),
                date=_first_date(after),
                from_signing=bool(_FROM_SIGNING.search(folded[clause.start() :])),
            )
            # the document's own clause ('<loại> này có hiệu lực', or a clause with no other subject);
            # 'Luật Cạnh tranh chính thức có hiệu lực' is another document's
            own = _OWN.search(folded) or folded.lstrip(" *-").startswith(("co hieu luc", "hieu luc"))
            lead = re.sub(r"^[\s*\-]*(?:\d{1,2}[.)]\s*)?", "", folded[: clause.start()])
            kind = fold(doc.doc_type) if doc.doc_type else ""
            # '1. Nghị quyết có hiệu lực ...': the document's own kind, bare, as the subject
            own = own or (bool(kind) and lead.strip() == kind)
            # 'Nghị quyết này đã được ... thông qua ngày ... và có hiệu lực từ ...': 'this' document
            # before the clause, no other document named between
            this = re.search(rf"\b(?:{_KINDS}) nay\b", lead)
            own = own or (
                bool(this) and not re.search(r"\d+/\d{4}/|\bso \d", lead[this.end() :] if this else "")
            )
            if not own:
                continue
            rank = 2 if effect.date is not None or effect.from_signing else 1
            if best is None or rank > best[0]:
                best = (rank, effect)
    return best[1] if best else None


def _first_date(text: str) -> PartialDate | None:
    """The date written first in ``text`` ('kể từ ngày 01/11/2025, ... Quyết định số 2194 ngày 26
    tháng 6 năm 2025 ... hết hiệu lực': 01/11/2025), in either way of writing a date."""
    starts = [
        m.start()
        for m in re.finditer(r"ngày\s*\d|(?<![\d/])\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", text, re.IGNORECASE)
    ]
    return parse_date(text[min(starts) : min(starts) + 32]) if starts else None  # that date only


def effective_date(doc: Document) -> PartialDate | None:
    """The date ``doc`` takes effect: the one its clause states, or its own date when it takes
    effect from signing; None when its text does not say."""
    effect = effect_of(doc)
    if effect is None:
        return None
    return effect.date or (doc.date if effect.from_signing else None)
