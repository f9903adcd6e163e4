"""Questions across documents: which was issued later or earlier, which agencies several documents
all give tasks to. Computed from every document's parsed header and assignments, each fact cited."""

from __future__ import annotations

import re

from assistant.answers import Answer, CitationSet, section_for_line
from assistant.compose.common import doc_name, part_name, say
from assistant.compose.document import _date_line, _sec
from assistant.compose.passage import document_list
from assistant.corpus import Corpus
from assistant.effect import effect_of, effective_date
from assistant.model import TITLE, Document, PartialDate
from assistant.text import plain, written_as

ORDER = re.compile(
    r"\b(van ban|cong van|ke hoach|quyet dinh|tai lieu) nao\b.{0,40}"
    r"\b(sau|truoc|moi hon|cu hon|som hon|muon hon|gan day nhat|moi nhat|som nhat|cu nhat|dau tien)\b"
    r"|\b(ban hanh|ky|co hieu luc) (sau|truoc)\b.{0,30}\b(van ban|cong van|ke hoach|quyet dinh) nao\b"
)
COMMON = re.compile(
    r"\b(ca hai|ca 2|cac|nhung|nhieu) (van ban|tai lieu)\b.{0,40}\b(cung|deu|chung)\b.{0,30}\b(giao|de nghi|yeu cau|nhiem vu|viec)\b"
    r"|\b(co quan|don vi) nao\b.{0,40}\b(ca hai|ca 2|cac|nhieu|hai) (van ban|tai lieu)\b"
    r"|\b(giao|nhiem vu)\b.{0,30}\b(trong|o) (ca hai|ca 2|nhieu|cac) (van ban|tai lieu)\b"
)


MAX_AGENCIES = 20
MAX_DOCS = 3


def _key(date: PartialDate | None) -> tuple[int, int, int]:
    return (date.year or 0, date.month or 0, date.day or 0) if date else (0, 0, 0)


def answer_order(corpus: Corpus, question: str, q: str) -> Answer | None:
    """'Văn bản nào ban hành sau?': the documents by their date of issue, each date cited;
    'Văn bản nào có hiệu lực sau?': by the date each takes effect, from its own clause."""
    docs = _named_documents(corpus, question) or list(corpus.docs.values())
    by_effect = bool(re.search(r"\bhieu luc\b", q))
    when = {d.doc_id: effective_date(d) if by_effect else d.date for d in docs}
    dated = [d for d in docs if (w := when[d.doc_id]) and w.year]
    unstated = ""
    if by_effect and len(dated) < 2:
        # the texts do not say when they take effect: said, then ordered by their dates of issue
        unstated = (
            "Các văn bản không cùng ghi điều khoản hiệu lực (ngày có hiệu lực), nên xếp theo ngày ban hành. "
        )
        by_effect, when = False, {d.doc_id: d.date for d in docs}
        dated = [d for d in docs if (w := when[d.doc_id]) and w.year]
    if len(dated) < 2:
        return None
    later = not re.search(r"\b(truoc|cu hon|som hon|som nhat|cu nhat|dau tien)\b", q)
    dated.sort(key=lambda d: _key(when[d.doc_id]), reverse=later)
    cites = CitationSet()
    lines = []
    for d in dated[:10]:
        cite = _cite_effect(d, cites) if by_effect else _cite_date(d, cites)
        w = when[d.doc_id]
        partial = "" if w and w.complete else " (ngày ghi chưa đủ)"
        lines.append(f"- {doc_name(d)}: {w}{partial}{cite}")
    first = _key(when[dated[0].doc_id])
    tie = [d for d in dated if _key(when[d.doc_id]) == first]
    which = ("có hiệu lực " if by_effect else "được ban hành ") + ("sau cùng" if later else "sớm nhất")
    basis = "ngày có hiệu lực" if by_effect else "ngày ban hành"
    head = (
        f"Theo {basis}, **{', '.join(doc_name(d) for d in tie)}** {which}."
        if len(tie) == 1 or all((w := when[d.doc_id]) and w.complete for d in tie)
        else f"{basis.capitalize()} của các văn bản ghi chưa đủ để xếp thứ tự chắc chắn."
    )
    note = (
        "_Ngày có hiệu lực đọc từ điều khoản hiệu lực của từng văn bản ('kể từ ngày ký': ngày ký ghi trên văn bản)"
        + (
            f"; {len(docs) - len(dated)} văn bản không ghi ngày có hiệu lực._"
            if len(docs) > len(dated)
            else "._"
        )
        if by_effect
        else "_Thứ tự theo ngày ban hành ghi trên văn bản; ngày có hiệu lực không được tính riêng._"
    )
    return Answer(
        answer=unstated + head + "\n\n" + "\n".join(lines) + "\n\n" + note,
        kind="document",
        citations=cites.items,
        data={"order": [d.doc_id for d in dated], "by": "effective" if by_effect else "issued"},
    )


def _named_documents(corpus: Corpus, question: str) -> list[Document]:
    """The documents a question compares: those each side of 'hay', 'và', 'so với' names
    ('Quyết định 63 của Đồng Nai hay Nghị quyết 36 của Huế'), else those the whole question names."""
    sides = re.split(r"\s(?:hay|hoặc|hoac|và|va|với|voi|so với|so voi)\s", question)
    named: dict[str, Document] = {}
    if len(sides) >= 2:
        for side in sides:
            picked = corpus.pick_documents(side)
            if len(picked) < len(corpus.docs):
                named.update((d.doc_id, d) for d in picked)
    return list(named.values()) if len(named) >= 2 else corpus.pick_documents(question)


def _cite_date(d: Document, cites: CitationSet) -> str:
    line = _date_line(d)
    sec = _sec(d, TITLE)
    if not line or not sec:
        return ""
    return f" [{cites.add(d, sec.label, sec.title, d.line(line).strip(), line, line)}]"


def _cite_effect(d: Document, cites: CitationSet) -> str:
    effect = effect_of(d)
    if effect is None:
        return ""
    sec = section_for_line(d, effect.line)
    label, title = (sec.label, sec.title) if sec else (TITLE, "")
    cid = cites.add(d, label, title, effect.sentence, effect.line, effect.line)
    if effect.from_signing and not effect.date:
        cid2 = _cite_date(d, cites)
        return f" (kể từ ngày ký) [{cid}]{cid2}"
    return f" [{cid}]"


def answer_common_agencies(corpus: Corpus, question: str) -> Answer | None:
    """'Cả hai văn bản cùng giao việc cho cơ quan nào?': agencies given tasks in more than one document."""
    picked = corpus.pick_documents(question)
    docs = {d.doc_id for d in picked} if len(picked) >= 2 else set(corpus.docs)
    every, names = corpus.tasks_by_agency
    by_agency = {
        key: in_docs
        for key, found in every.items()
        if (in_docs := {d: labels for d, labels in found.items() if d in docs})
    }
    common = {k: v for k, v in by_agency.items() if len(v) >= 2}
    if not by_agency:
        return None
    if not common:
        cites = CitationSet()
        per_doc: dict[str, list[str]] = {}
        for key, found in sorted(by_agency.items(), key=lambda kv: names[kv[0]]):
            for doc_id, labels in found.items():
                doc = corpus.docs[doc_id]
                sec = doc.section(labels[0])
                cid = f" [{cites.add_section(doc, sec, names[key])}]" if sec is not None else ""
                per_doc.setdefault(doc_id, []).append(names[key] + cid)
        lines = [
            f"- {doc_name(corpus.docs[d])} ({len(v)}): {'; '.join(v)}" for d, v in sorted(per_doc.items())
        ]
        text = "Không có cơ quan, đơn vị nào được giao nhiệm vụ ở từ hai văn bản trở lên. Mỗi văn bản giao việc cho:"
        return Answer(
            answer=text + "\n\n" + "\n".join(lines),
            kind="tasks",
            citations=cites.items,
            data={"agencies": []},
        )
    cites = CitationSet()
    lines = []
    ordered = sorted(common, key=lambda k: (-len(common[k]), names[k]))
    for key in ordered[:MAX_AGENCIES]:
        parts = []
        for doc_id, labels in list(common[key].items())[:MAX_DOCS]:
            doc = corpus.docs[doc_id]
            refs = []
            for label in dict.fromkeys(labels):
                sec = doc.section(label)
                if sec is not None:
                    refs.append(f"{part_name(label)} [{cites.add_section(doc, sec, names[key])}]")
            parts.append(f"{doc_name(doc)} ({', '.join(refs)})")
        more = len(common[key]) - MAX_DOCS
        lines.append(
            f"- **{names[key]}**: " + "; ".join(parts) + (f"; và {more} văn bản khác" if more > 0 else "")
        )
    if len(ordered) > MAX_AGENCIES:
        lines.append(f"- … và {len(ordered) - MAX_AGENCIES} cơ quan, đơn vị khác")
    head = f"{len(common)} cơ quan, đơn vị được giao nhiệm vụ ở từ hai văn bản trở lên:"
    return Answer(
        answer=head + "\n\n" + "\n".join(lines),
        kind="tasks",
        citations=cites.items,
        data={"agencies": [names[k] for k in common]},
    )


# 'Phó Thủ tướng Trần Hồng Hà được nhắc đến trong những văn bản nào?', 'Văn bản nào nhắc đến X?'
MENTIONED = re.compile(
    r"^(?:nhung |cac )?(?P<x>.+?) (?:duoc |co )?(?:nhac (?:den|toi)|de cap(?: den| toi)?|xuat hien|co ten)"
    r" (?:trong |o )?(?:nhung |cac )?(?:van ban|tai lieu) nao\b"
    r"|^(?:nhung |cac )?(?:van ban|tai lieu) nao (?:co )?(?:nhac (?:den|toi)|co ten) (?P<y>.+?)$"
    # 'Cả hai văn bản có nhắc đến Thanh tra Chính phủ không?': which of them do, which do not
    r"|^(?:ca hai |ca \d+ |cac |nhung )?(?:van ban|tai lieu)(?: nay| do)? (?:deu )?co (?:nhac (?:den|toi)|de cap(?: den| toi)?)"
    r" (?P<z>.+?) khong$"
)
MAX_MENTIONS = 10
_PERSON_TITLE = re.compile(
    r"^(?:ong|ba|dong chi|(?:pho )?(?:thu tuong|chu tich|bi thu|giam doc|bo truong|chanh van phong|truong ban|chanh an|vien truong))"
    r"(?: (?:chinh phu|ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)(?: (?:tinh|thanh pho))?)? "
)


def answer_phrase_mentions(corpus: Corpus, question: str) -> Answer | None:
    """The documents whose text names what the question names (a person, a body, a place), each
    cited at its first mention; a leading title ('Phó Thủ tướng') may be written otherwise, so the
    name alone is tried when the whole phrase is nowhere."""
    m = MENTIONED.search(plain(question).rstrip())
    if not m:
        return None
    phrase = (m.group("x") or m.group("y") or m.group("z") or "").strip()
    asked_each = m.group("z") is not None
    words = phrase.split()
    titled = _PERSON_TITLE.match(phrase)
    # the phrase, then a person's name without the title before it ('Phó Thủ tướng' may be written otherwise)
    tries = [words, phrase[titled.end() :].split()] if titled and titled.end() < len(phrase) else [words]
    hits: list[tuple[Document, int]] = []
    for w in tries:
        hits = _mentions(corpus, " ".join(w)) if w else []
        if hits:
            break
    asked = w if hits else words
    typed = written_as(question, asked) or " ".join(asked)  # as the user typed them
    if not hits:
        return Answer(
            answer=say("not_found_absent", names=typed, documents=document_list(corpus)),
            kind="not_found",
            data={"absent": [typed]},
        )
    cites = CitationSet()
    lines = []
    for doc, n in hits[:MAX_MENTIONS]:
        sec = section_for_line(doc, n)
        label, title = (sec.label, sec.title) if sec else (TITLE, "")
        cid = cites.add(doc, label, title, doc.line(n).strip(), n, n)
        lines.append(f"- {doc_name(doc)}, {part_name(label)} [{cid}]")
    if len(hits) > MAX_MENTIONS:
        lines.append(f"- … và {len(hits) - MAX_MENTIONS} văn bản khác")
    head = f"**{len(hits)} văn bản** nhắc đến “{typed}”:"
    if asked_each:
        named = {d.doc_id for d, _ in hits}
        silent = [d for d in corpus.docs.values() if d.doc_id not in named]
        head = ("**Có.** " if not silent else "**Không phải tất cả.** ") + head
        if silent:
            lines_silent = ", ".join(doc_name(d) for d in silent[:MAX_MENTIONS])
            head = head + f"\n\nKhông nhắc đến: {lines_silent}."
    return Answer(
        answer=head + "\n\n" + "\n".join(lines),
        kind="document",
        citations=cites.items,
        data={"mentions": [d.doc_id for d, _ in hits], "phrase": typed},
    )


def _mentions(corpus: Corpus, phrase: str) -> list[tuple[Document, int]]:
    """Per document, the first line (outside the website's box) that holds ``phrase`` (folded words)."""
    key = f" {phrase} "
    if key.strip() not in corpus.folded_text:
        return []
    out = []
    for doc_id, lines in corpus.plain_lines.items():
        if key not in corpus.plain_docs[doc_id]:
            continue
        # the section named by the phrase ('2. Thanh tra thành phố') before a passing mention
        heading = re.compile(rf"^ (?:[\divxlc]+ )*{re.escape(key.strip())} $")
        n = next((n for n, text in lines if heading.match(text)), 0) or next(
            (n for n, text in lines if key in text), 0
        )
        if n:
            out.append((corpus.docs[doc_id], n))
    return out
