"""Deadlines a document sets, compared: which task is due first or last ('việc nào có hạn sớm
nhất?'), or which are due on a given day ('những nhiệm vụ nào cùng có hạn ngày 10/12/2025?'). Read
from the document's own words ('trước ngày 03 tháng 12 năm 2025', 'chậm nhất ngày 10/12/2025',
'hoàn thành trước 15/12/2025') in its items, not from the agencies it names, so a task whose body
the agency extractor did not read is still compared; the whole tie is reported, each cited."""

from __future__ import annotations

import re
from datetime import date

from assistant.answers import Answer, CitationSet, section_for_line
from assistant.compose.common import calendar_day, doc_name, part_name, short
from assistant.corpus import Corpus
from assistant.documents import parse_date
from assistant.model import Document
from assistant.text import fold

_DUE = re.compile(
    r"(?:trước|chậm nhất|không muộn hơn|hạn chót|thời hạn)\s*(?:là\s*)?(?:vào\s*)?(?:ngày\s*)?"
    r"(?P<date>\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4})",
    re.IGNORECASE,
)
ASKED = re.compile(
    r"\b(han|thoi han|han chot|hoan thanh)\b.*\b(som nhat|muon nhat|cuoi cung|truoc nhat|sau cung)\b"
    r"|\b(som nhat|muon nhat)\b.*\b(han|thoi han|hoan thanh)\b"
    r"|\bcung co (thoi )?han\b"
)


def deadlines(doc: Document) -> list[tuple[date, int, str]]:
    """(day, file line, sentence) of every deadline the document's body sets."""
    out = []
    body = [s for s in doc.walk() if s.kind != "header"]
    lines = sorted({n for s in body for n in range(s.line_start, s.line_end + 1)})
    for n in lines:
        text = doc.line(n)
        if not text:
            continue
        plain_text = re.sub(r"[*_]", "", text)
        for m in _DUE.finditer(plain_text):
            parsed = parse_date("ngày " + m.group("date"))
            day = calendar_day(parsed)
            if day is not None:
                out.append((day, n, plain_text))
    return out


def answer_deadlines(corpus: Corpus, question: str) -> Answer | None:
    """The tasks due first / last / on the day asked, in the documents the question names."""
    picked = corpus.pick_documents(question)
    if not picked or (len(picked) == len(corpus.docs) and len(corpus.docs) > 1):
        return None
    q = fold(question)
    latest = bool(re.search(r"\b(muon nhat|cuoi cung|sau cung)\b", q))
    on_day = re.search(r"\bcung co (?:thoi )?han\b", q)
    asked_day = None
    if on_day:
        m = re.search(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2} thang \d{1,2} nam \d{4}", q)
        parsed = (
            parse_date("ngày " + m.group(0).replace("thang", "tháng").replace("nam", "năm")) if m else None
        )
        asked_day = calendar_day(parsed)
        if asked_day is None:
            return None
    cites = CitationSet()
    blocks = []
    data = []
    for doc in picked:
        found = deadlines(doc)
        if not found:
            continue
        target = asked_day or (max if latest else min)(d for d, _, _ in found)
        hits = [(d, n, t) for d, n, t in found if d == target]
        if not hits:
            continue
        items = []
        for n in dict.fromkeys(n for _, n, _ in hits):
            sec = section_for_line(doc, n)
            if sec is None:
                continue
            cid = cites.add_line(doc, sec, n, f"trước ngày {target:%d/%m/%Y}", max_chars=600)
            items.append(
                f"- **{part_name(sec.label, sec.title)}** ({short(sec.title, 120)}): “{cites.items[cid - 1].quote}” [{cid}]"
            )
        if items:
            word = "ngày" if asked_day else ("muộn nhất" if latest else "sớm nhất")
            blocks.append(
                f"{doc_name(doc)} — hạn {word} **{target:%d/%m/%Y}** ({len(items)} việc):\n"
                + "\n".join(items)
            )
            data.append({"doc": doc.doc_id, "day": target.isoformat(), "lines": [n for _, n, _ in hits]})
    if not blocks:
        return None
    note = (
        ""
        if asked_day
        else "\n\n_So sánh do hệ thống thực hiện trên các thời hạn văn bản ghi (cùng ngày thì nêu đủ)._"
    )
    return Answer(
        answer="\n\n".join(blocks) + note, kind="document", citations=cites.items, data={"deadlines": data}
    )
