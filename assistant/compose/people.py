"""Questions about people: who holds an office a signature names ('Ai là Chủ tịch UBND thành
phố?'), which documents a named person signed. Signers are the only people the documents name
with their office, so every answer rests on a signature block, cited."""

from __future__ import annotations

import re

from assistant.answers import Answer, CitationSet
from assistant.compose.common import doc_long_name, doc_name, say, title_case
from assistant.compose.document import _sec, answer_document
from assistant.corpus import Corpus
from assistant.model import SIGNATURE, Document
from assistant.places import named_places
from assistant.text import expand_abbreviations, fold, plain

# 'Ai là Bộ trưởng Bộ Công an?', 'Chủ tịch UBND thành phố là ai?': a person holding an office.
PERSON = re.compile(
    r"\bai (la|dang la|hien la|giu chuc|dang giu)\b|\bla ai\b|\bho ten\b|\bten (la )?gi\b|\bla ong nao\b|\bla ba nao\b"
)


_PERSON_WORDS = {
    "la",
    "ai",
    "hien",
    "nay",
    "dang",
    "cua",
    "ten",
    "ho",
    "gi",
    "ong",
    "ba",
    "nguoi",
    "nao",
    "giu",
    "chuc",
    "vu",
}


def signed_by(corpus: Corpus, question: str) -> list[Document]:
    """The documents whose signer the question names by name ('Phùng Thị Hồng Hà đã ký văn bản nào?')."""
    q = f" {plain(question)} "
    return [
        d
        for d in corpus.docs.values()
        if d.signer and len(d.signer.name.split()) >= 2 and f" {plain(d.signer.name)} " in q
    ]


def answer_signed_by(corpus: Corpus, question: str, docs: list[Document]) -> Answer:
    """Every document the named person signed, with its number and date, each signature cited."""
    cites = CitationSet()
    lines = []
    for d in docs:
        s, sec = d.signer, _sec(d, SIGNATURE)
        assert s is not None
        cite = f" [{cites.add(d, sec.label, sec.title, s.name, s.line_end, s.line_end)}]" if sec else ""
        lines.append(f"- {doc_long_name(d)}, ký với chức vụ {title_case(s.title)}{cite}")
    name = docs[0].signer.name if docs[0].signer else ""
    return Answer(
        answer=f"**{name}** ký {len(docs)} văn bản trong kho:\n\n" + "\n".join(lines),
        kind="document",
        citations=cites.items,
        data={"intents": ["signed_by"], "documents": [d.doc_id for d in docs]},
    )


def answer_person(corpus: Corpus, question: str) -> Answer:
    """The holder of an office, when a document's signature names them; else not found, saying which
    names the documents do give (their signers)."""
    q = expand_abbreviations(fold(question))
    places = [fold(p) for p in named_places(question)]
    matched = []
    for doc in corpus.docs.values():
        s = doc.signer
        if not s or not s.name or not s.title:
            continue
        title = fold(s.title)
        # the signer's own office ('chủ tịch' is not 'phó chủ tịch'), of the place the question names
        if not re.search(rf"(?<!pho )\b{re.escape(title)}\b", q):
            continue
        where = expand_abbreviations(fold(f"{doc.place} {doc.issuer}"))
        if places and not any(p in where for p in places):
            continue
        # the body the office is of ('Bộ trưởng Bộ Công an'): every word of it in the issuer's name
        body = re.sub(rf"^.*?\b{re.escape(title)}\b", "", q)
        body_words = set(re.findall(r"\w+", body)) - _PERSON_WORDS
        words = where.split()
        initials = {
            "".join(w[0] for w in words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)
        }
        if any(w not in words and w not in initials for w in body_words):  # 'ubnd' is 'ủy ban nhân dân'
            continue
        matched.append(doc.doc_id)
    if matched:
        found = answer_document(corpus, question, ["signer"], matched)
        if found is not None:
            return found
    signers = [
        f"{d.signer.name} ({title_case(d.signer.title)}, {doc_name(d)})"
        for d in corpus.docs.values()
        if d.signer and d.signer.name
    ]
    return Answer(
        answer=say("not_found_person", signers="; ".join(signers[:10]) or "không có"),
        kind="not_found",
        data={"person": True},
    )
