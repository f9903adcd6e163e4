"""Facts about a directive itself: number, date, issuer, signer, subject, recipients, bases, phases."""

from __future__ import annotations

import re

from assistant.answers import Answer, CitationSet, best_quote, section_for_line
from assistant.compose.changes import changes_answer, fullness
from assistant.compose.common import (
    bullet_list,
    calendar_day,
    doc_long_name,
    doc_name,
    issuer_name,
    part_name,
    say,
    short,
    title_case,
)
from assistant.corpus import Corpus
from assistant.effect import effect_of
from assistant.model import BASES, CC, RECIPIENTS, SIGNATURE, TITLE, DocRef, Document, Section
from assistant.text import fold


def answer_document(
    corpus: Corpus, question: str, intents: list[str], doc_ids: list[str] | None = None
) -> Answer | None:
    """Answer a question about the documents themselves; None when no document holds that fact.

    ``doc_ids`` (a follow-up's document, from the conversation) wins over the question's own
    wording; else the documents the question names, else all of them."""
    docs = [corpus.docs[d] for d in doc_ids or [] if d in corpus.docs]
    docs = docs or corpus.pick_documents(question) or list(corpus.docs.values())
    if intents == ["list"]:
        docs = list(corpus.docs.values())
    cites = CitationSet()
    blocks: list[str] = [say("answer_list_lead", count=len(docs))] if intents == ["list"] else []
    data: list[dict[str, object]] = []
    for doc in docs:
        for intent in intents:
            block = _HANDLERS[intent](doc, cites, question, data)
            if block:
                blocks.append(block)
    if not blocks:
        return None
    return Answer(
        answer="\n\n".join(blocks),
        kind="document",
        citations=cites.items,
        data={"intents": intents, "documents": data},
    )


def answer_reference(corpus: Corpus, numbers: list[str], unstated: str = "") -> Answer | None:
    """A document the corpus cites but does not hold: what the citing documents say of it (kind,
    number, date, issuer as written where it is cited), each mention cited. ``unstated`` names a
    fact asked about that no citation gives (its signer, when it takes effect): not found, with
    what the corpus does say of it."""
    cites = CitationSet()
    items: list[str] = []
    data: list[dict[str, object]] = []
    for doc in corpus.docs.values():
        cited = [(BASES, r) for r in doc.bases] + [(TITLE, r) for r in doc.refs]
        cited += corpus.body_refs.get(doc.doc_id, [])  # cited in the text, under its own section
        # each document cited once, where the citing text says most of it (its date, its issuer):
        # a title's 'Bãi bỏ Quyết định số 14/2020' says less than the article that repeals it
        best: dict[str, tuple[str, DocRef]] = {}
        for label, r in cited:
            held = best.get(r.number)
            if r.number in numbers and (held is None or fullness(r) > fullness(held[1])):
                best[r.number] = (label, r)
        for label, r in best.values():
            cid = _cite_ref(doc, cites, label, r)
            quote = next((c.quote for c in cites.items if c.id == cid), "")
            items.append(
                f"- {_ref_text(r)} — được dẫn trong {doc_long_name(doc)}, {part_name(label)} [{cid}]"
                + (f":\n  > {quote}" if quote else "")
            )
            data.append({"doc": doc.doc_id, "cited_in": label, **_ref_dict(r)})
    if not items:
        return None
    if unstated:
        lead = "Văn bản được hỏi không có trong kho, và các văn bản dẫn nó không ghi điều được hỏi; chúng chỉ ghi:"
        return Answer(
            answer=lead + "\n" + "\n".join(items),
            kind="not_found",
            citations=cites.items,
            data={"intents": ["reference"], "references": data, "unstated": unstated},
        )
    return Answer(
        answer=say("answer_reference", items="\n".join(items)),
        kind="document",
        citations=cites.items,
        data={"intents": ["reference"], "references": data},
    )


def _sec(doc: Document, label: str) -> Section | None:
    return doc.section(label)


def _signer(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    s = doc.signer
    sec = _sec(doc, SIGNATURE)
    if not s or not s.name or not sec:
        # said, not left out: an answer of its date alone would pass for one about its signer
        data.append({"doc": doc.doc_id, "signer": None})
        return say("answer_signer_unknown", document=doc_long_name(doc))
    cid = cites.add(doc, sec.label, sec.title, s.name, s.line_end, s.line_end)
    authority = f" ({', '.join(s.authority)})" if s.authority else ""
    data.append({"doc": doc.doc_id, "signer": s.name, "title": s.title, "authority": s.authority})
    return say(
        "answer_signer",
        document=doc_long_name(doc),
        name=s.name,
        title=title_case(s.title),
        authority=authority,
        cite=f"[{cid}]",
    )


def _number(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    sec = _sec(doc, TITLE)
    if not sec:
        return ""
    line = next(
        (n for n in range(sec.line_start, sec.line_end + 1) if doc.line(n).strip().startswith("Số")), 0
    )
    cid = cites.add(doc, sec.label, sec.title, doc.line(line).strip(), line, line) if line else 0
    data.append(
        {"doc": doc.doc_id, "number": doc.number, "as_written": doc.number_raw, "source": doc.number_source}
    )
    if not doc.number:
        return say(
            "answer_number_missing", document=doc_long_name(doc), as_written=doc.number_raw, cite=f"[{cid}]"
        )
    if doc.number_source == "Phụ lục" and doc.captions:
        cap = doc.captions[0]
        sec_app = _sec(doc, cap.appendix)
        cid2 = cites.add_line(doc, sec_app, cap.line, "Kèm theo Văn bản số") if sec_app else cid
        if not doc.number_raw:
            # no number in a header at all (a text copied without it): only the captions say it
            return say("answer_number_captions_only", number=doc.number, cite_caption=f"[{cid2}]")
        return say(
            "answer_number_from_captions",
            number=doc.number,
            as_written=doc.number_raw,
            cite_header=f"[{cid}]",
            cite_caption=f"[{cid2}]",
        )
    return say("answer_number", document=doc_long_name(doc), number=doc.number, cite=f"[{cid}]")


def _date_line(doc: Document) -> int:
    sec = _sec(doc, TITLE)
    if not sec or not doc.date:
        return 0
    return next((n for n in range(sec.line_start, sec.line_end + 1) if "ngày" in doc.line(n)), 0)


def _date(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    line = _date_line(doc)
    sec = _sec(doc, TITLE)
    if not line or not sec or not doc.date:
        return ""
    cid = cites.add(doc, sec.label, sec.title, doc.line(line).strip(), line, line)
    data.append({"doc": doc.doc_id, "date": str(doc.date), "complete": doc.date.complete, "place": doc.place})
    if doc.date.complete:
        return say(
            "answer_date", document=doc_name(doc), date=str(doc.date), place=doc.place, cite=f"[{cid}]"
        )
    return say(
        "answer_date_partial", document=doc_name(doc), date=str(doc.date), place=doc.place, cite=f"[{cid}]"
    )


def _effective(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    effect = effect_of(doc)
    if effect is None:
        data.append({"doc": doc.doc_id, "effective": None})
        return say("answer_effective_unknown", document=doc_long_name(doc), date=str(doc.date or "…"))
    sec = section_for_line(doc, effect.line)
    label, title = (sec.label, sec.title) if sec else (TITLE, "")
    cid = cites.add(doc, label, title, effect.sentence, effect.line, effect.line)
    data.append(
        {
            "doc": doc.doc_id,
            "effective": str(effect.date) if effect.date else ("signing" if effect.from_signing else None),
            "section": label,
        }
    )
    if effect.from_signing and not effect.date:
        partial = "" if doc.date and doc.date.complete else " (ngày ký ghi chưa đủ)"
        return say(
            "answer_effective_signing",
            document=doc_long_name(doc),
            date=str(doc.date or "…"),
            sentence=effect.sentence,
            note=partial,
            cite=f"[{cid}]",
        )
    when = f"từ ngày {effect.date}" if effect.date else "theo điều khoản sau"
    signed, note = doc.date, ""
    asks_days = re.search(r"\b(bao nhieu|may) ngay\b", fold(question))
    effect_day, signed_day = calendar_day(effect.date), calendar_day(signed)
    if effect_day and signed_day and asks_days:
        # 'có hiệu lực sau ngày ký bao nhiêu ngày?': computed from the two dates the text gives
        days = (effect_day - signed_day).days
        note = (
            f"\n\nTừ ngày ký {signed} đến ngày có hiệu lực là **{days} ngày** "
            "(_số ngày do hệ thống tính, văn bản không ghi_)."
        )
    text = say(
        "answer_effective", document=doc_long_name(doc), when=when, sentence=effect.sentence, cite=f"[{cid}]"
    )
    return text + note


def _issuer(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    if not doc.issuer:
        return ""
    sec = _sec(doc, TITLE)
    line = 0
    if sec:
        line = next(
            (
                n
                for n in range(sec.line_start, sec.line_end + 1)
                if fold(doc.issuer.split()[0]) in fold(doc.line(n))
            ),
            0,
        )
    if not line and doc.signer:
        sec, line = _sec(doc, SIGNATURE), doc.signer.line_start
    if not sec or not line:
        return ""
    quote, _ = best_quote(doc, line, line)
    cid = cites.add(doc, sec.label, sec.title, quote, line, line)
    data.append({"doc": doc.doc_id, "issuer": issuer_name(doc)})
    return say("answer_issuer", document=doc_name(doc), issuer=issuer_name(doc), cite=f"[{cid}]")


def _subject(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    sec = _sec(doc, TITLE)
    if not doc.subject or not sec:
        return ""
    words = doc.subject.split()[:6]
    line = next((n for n in range(sec.line_start, sec.line_end + 1) if " ".join(words) in doc.line(n)), 0)
    if not line:
        return ""
    quote, _ = best_quote(doc, line, line, max_chars=600)
    cid = cites.add(doc, sec.label, sec.title, quote, line, line)
    data.append({"doc": doc.doc_id, "subject": doc.subject})
    return say("answer_subject", document=doc_long_name(doc), subject=doc.subject, cite=f"[{cid}]")


def _recipients(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    sec = _sec(doc, RECIPIENTS)
    if not doc.recipients or not sec:
        cc_sec = _sec(doc, CC)
        if not doc.cc or not cc_sec:
            return ""
        # no 'Kính gửi' (a plan, a decision): who receives it is in 'Nơi nhận'
        cid = cites.add(
            doc, cc_sec.label, cc_sec.title, doc.cc[0], cc_sec.line_start + 1, cc_sec.line_start + 1
        )
        data.append({"doc": doc.doc_id, "recipients": [], "cc": doc.cc})
        return say(
            "answer_recipients_cc", document=doc_long_name(doc), items=bullet_list(doc.cc), cite=f"[{cid}]"
        )
    items = []
    for name in doc.recipients:
        line = next(
            (n for n in range(sec.line_start, sec.line_end + 1) if name in doc.line(n)), sec.line_start
        )
        cid = cites.add(doc, sec.label, sec.title, name, line, line)
        items.append(f"{name} [{cid}]")
    data.append({"doc": doc.doc_id, "recipients": doc.recipients})
    return say("answer_recipients", document=doc_long_name(doc), items=bullet_list(items))


def _cc(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    sec = _sec(doc, CC)
    if not doc.cc or not sec:
        return ""
    cid = cites.add(doc, sec.label, sec.title, doc.cc[0], sec.line_start + 1, sec.line_end)
    data.append({"doc": doc.doc_id, "cc": doc.cc})
    return say("answer_cc", document=doc_long_name(doc), items=bullet_list(doc.cc), cite=f"[{cid}]")


def _ref_text(ref: DocRef) -> str:
    out = f"{ref.kind} số {ref.number}"
    if ref.date:
        out += f" ngày {ref.date}"
    if ref.issuer:
        out += f" của {ref.issuer}"
    return out


def _cite_ref(doc: Document, cites: CitationSet, label: str, ref: DocRef) -> int:
    sec = _sec(doc, label)
    if not sec:
        return 0
    quote, line = best_quote(doc, ref.line, ref.line, f"{ref.kind} {ref.number} {ref.issuer}", max_chars=200)
    if ref.number not in quote:
        quote = ref.text if ref.text in doc.line(ref.line) else quote
    return cites.add(doc, sec.label, sec.title, quote, line, line)


def _bases(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    if not doc.bases:
        return ""
    items = [f"{_ref_text(r)} [{_cite_ref(doc, cites, BASES, r)}]" for r in doc.bases]
    data.append({"doc": doc.doc_id, "bases": [_ref_dict(r) for r in doc.bases]})
    return say("answer_bases", document=doc_long_name(doc), count=len(items), items=bullet_list(items))


# the lines of the legal bases that say whose proposal a document answers ('Theo đề nghị của Giám đốc
# Sở Tư pháp tại Tờ trình số 139/TTr-STP', 'Xét Tờ trình số 423/TTr-UBND ...; Báo cáo thẩm tra số ...')
_PROPOSAL = re.compile(
    r"\b(?:theo|xet|tren co so|can cu) (?:de nghi|to trinh|bao cao tham tra|y kien)\b|\bto trinh so\b|\bbao cao tham tra so\b"
)
_PROPOSAL_KINDS = ("to trinh", "bao cao tham tra", "bao cao", "cong van", "de nghi")
# the lines of an opening that say which incoming document a dispatch answers ('Cục Thuế nhận được
# công văn số 291/STSG-HC ngày 29/9/2025 của Công ty ...', 'Trả lời Công văn số ... của ...')
_REPLY = re.compile(
    r"\b(?:tra loi|phuc dap|nhan duoc|da nhan|nhan) (?:duoc )?(?:cong van|van ban|cong dien|to trinh|don|thu|kien nghi"
    r"|bao cao|phieu chuyen|de nghi)\b"
)


def _proposal(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    sec = _sec(doc, BASES)
    if sec is None:
        return ""
    q = fold(question)
    # the kind asked for ('Tờ trình số mấy?'), not the kind naming the document ('Công văn 410 ...')
    kinds = "|".join(_PROPOSAL_KINDS)
    m = re.search(rf"\b({kinds}) (?:so )?(?:may|nao|gi|bao nhieu)\b", q)
    asked = m.group(1) if m else ""
    lines = [
        n
        for n in range(sec.line_start, sec.line_end + 1)
        if (text := fold(doc.line(n)))
        and (
            _REPLY.search(text)
            or (_PROPOSAL.search(text) and (not asked or asked in text or asked == "de nghi"))
        )
    ]
    if not lines:
        return ""
    replies = [n for n in lines if _REPLY.search(fold(doc.line(n)))]
    if replies:
        lines = replies
    items = []
    for n in lines:  # the part of each line the question asks about, as the citation quotes it
        cid = cites.add_line(doc, sec, n, question, max_chars=400)
        items.append(f"{cites.items[cid - 1].quote} [{cid}]")
    data.append({"doc": doc.doc_id, "proposal_lines": lines, "reply": bool(replies)})
    lead = "trả lời, xử lý văn bản gửi đến" if replies else "được ban hành trên cơ sở"
    return f"{doc_long_name(doc)} {lead}:\n" + bullet_list(items)


def _ref_dict(r: DocRef) -> dict[str, object]:
    return {
        "kind": r.kind,
        "number": r.number,
        "date": str(r.date) if r.date else "",
        "issuer": r.issuer,
        "line": r.line,
    }


def _implements(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    q = fold(question)
    kinds = [k for k in ("nghi quyet", "chi thi", "nghi dinh", "ke hoach", "luat", "quyet dinh") if k in q]
    refs = [r for r in doc.refs if not kinds or fold(r.kind) in kinds]
    if not refs:
        return ""
    sec = _sec(doc, TITLE)
    if not sec:
        return ""
    items = []
    for r in refs:
        quote, line = best_quote(doc, r.line, r.line, max_chars=600)
        cid = cites.add(doc, sec.label, sec.title, quote, line, line)
        items.append(f"{_ref_text(r)} [{cid}]")
    data.append({"doc": doc.doc_id, "implements": [_ref_dict(r) for r in refs]})
    return say("answer_implements", document=doc_long_name(doc), items=bullet_list(items))


_PHASE = re.compile(r"^(giai doan|lo trinh|buoc|dot) (thu |\d|[ivx]+\b)")


def _phases(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    phases = [s for s in doc.walk() if s.kind != "header" and _PHASE.match(fold(s.title))]
    if not phases:
        return ""
    parent = phases[0].parent
    lead = ""
    if parent is not None and parent.text:
        cid = cites.add_section(doc, parent, "giai đoạn")
        lead = f"{short(parent.text.splitlines()[0], 200)} [{cid}]"
    items = []
    for s in phases:
        cid = cites.add_section(doc, s, question)
        first = s.text.splitlines()[0].lstrip("-+• ") if s.text else ""
        items.append(f"**{s.title}**: {short(first, 220)} [{cid}]")
    data.append({"doc": doc.doc_id, "phases": [{"label": s.label, "title": s.title} for s in phases]})
    return say(
        "answer_phases", document=doc_long_name(doc), count=len(phases), lead=lead, items=bullet_list(items)
    )


def _list(doc: Document, cites: CitationSet, question: str, data: list[dict[str, object]]) -> str:
    sec = _sec(doc, TITLE)
    if sec is None:
        return ""
    line = next(
        (
            n
            for n in range(sec.line_start, sec.line_end + 1)
            if doc.subject[:30] and doc.subject[:30] in doc.line(n)
        ),
        0,
    )
    cid = cites.add_line(doc, sec, line, doc.subject) if line else 0
    data.append({"doc": doc.doc_id, "name": doc_name(doc), "subject": doc.subject})
    return f"- **{doc_long_name(doc)}** (`{doc.doc_id}`): {doc.subject}" + (f" [{cid}]" if cid else "")


_HANDLERS = {
    "list": _list,
    "signer": _signer,
    "number": _number,
    "date": _date,
    "effective": _effective,
    "issuer": _issuer,
    "subject": _subject,
    "recipients": _recipients,
    "cc": _cc,
    "bases": _bases,
    "proposal": _proposal,
    "implements": _implements,
    "phases": _phases,
    "changes": changes_answer,
}

INTENTS = tuple(_HANDLERS)


def answer_mentions(corpus: Corpus, question: str, numbers: list[str]) -> Answer | None:
    """'Công văn 410 có nói về Nghị quyết 168/NQ-CP không?': whether the documents named cite it,
    and where it is cited instead when they do not."""
    asked = {d.doc_id for d in corpus.pick_documents(question)}
    found = answer_reference(corpus, numbers)
    if found is None or not asked:
        return None
    citing = {r["doc"] for r in found.data["references"]}
    names = ", ".join(doc_name(corpus.docs[d]) for d in sorted(asked))
    if asked & citing:
        lead = f"**Có.** {names} có dẫn văn bản này."
    else:
        others = ", ".join(doc_name(corpus.docs[d]) for d in sorted(citing))
        lead = f"**Không.** {names} không dẫn văn bản này; văn bản dẫn nó là {others}."
    found.answer = lead + "\n\n" + found.answer
    found.data["mentioned_by_asked"] = bool(asked & citing)
    return found
