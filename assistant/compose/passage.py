"""Anything else: the most relevant sections from hybrid retrieval, trimmed to the sentences that answer."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from typing import Any, Protocol

from assistant import prose_figures
from assistant.answers import (
    Answer,
    CitationSet,
    amount_form,
    answer_form,
    best_quote,
    form_bonus,
    section_for_line,
)
from assistant.compose.asked import (
    STOPWORDS,
    asked_head,
    counted_noun,
    measured_tail,
    measured_thing,
    measured_words,
    mentions,
    states_figure,
    table_words,
    topic_words,
)
from assistant.compose.common import doc_name, part_name, say
from assistant.compose.sections import section_text
from assistant.corpus import Corpus, naming_words
from assistant.documents import clean_line
from assistant.model import Document, Section, Table
from assistant.text import (
    fold,
    format_decimal,
    nfc,
    plain,
    search_tokens,
    squash,
    syllables,
)

_WORD = re.compile(r"[^\W\d_]+")
_SENT = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\-(])")

# Calibrated on the dev questions and on off-topic questions (weather, prices, football): a passage
# answers when it holds at least this share of the question's topic words (folded, abbreviations
# expanded), counting a matched bigram as a bonus. See tests/test_answers.py for the cases.
MIN_COVERAGE = 0.5


class HitLike(Protocol):
    doc: str
    section: str
    title: str
    kind: str
    text: str
    line_start: int
    line_end: int
    score: float


class Searcher(Protocol):
    def search(
        self, query: str, k: int = 10, doc: str | None = None, kinds: list[str] | None = None
    ) -> list[Any]: ...


@functools.lru_cache(maxsize=65536)
def _accent_key(word: str) -> str:
    """A word's letters and its marks, wherever the tone mark sits ('hoà' and 'hòa' are one key)."""
    nfd = unicodedata.normalize("NFD", word)
    marks = "".join(sorted(c for c in nfd if unicodedata.combining(c)))
    return f"{fold(word)}:{marks}:{'đ' in word}"


@functools.lru_cache(maxsize=4096)
def _accented_words(text: str) -> frozenset[str]:
    # cached: the same retrieved sections are measured against every question
    return frozenset(_accent_key(w) for w in _WORD.findall(nfc(text).lower()))


@functools.lru_cache(maxsize=1024)
def _typed_with_accents(question: str) -> dict[str, str]:
    """The question's words typed with accents: folded form -> accent key (once per question,
    though coverage() measures it against every retrieved section)."""
    return {fold(w): _accent_key(w) for w in _WORD.findall(nfc(question).lower()) if fold(w) != w}


def coverage(question: str, text: str) -> float:
    """Share of the question's topic words found in ``text``, plus a bonus for shared bigrams.

    Words are compared without accents (users often type none), except a word the question
    writes with accents: that one must appear with the same accents, since folding makes
    different words collide ('phở' and 'phố', 'bò' and 'bộ', 'nấu' and 'nâu').
    """
    want = topic_words(question)
    if not want:
        return 0.0
    have = set(search_tokens(text))
    strict = _typed_with_accents(question)
    if strict:
        text_words = _accented_words(text)
        found = {w for w in want & have if w not in strict or strict[w] in text_words}
    else:
        found = want & have
    uni = len(found) / len(want)
    q_bigrams = {t for t in search_tokens(question) if "_" in t and not set(t.split("_")) <= STOPWORDS}
    bi = len(q_bigrams & have) / len(q_bigrams) if q_bigrams else 0.0
    return min(1.0, uni * 0.8 + bi * 0.2 + (0.2 * uni if bi > 0.5 else 0.0))


def best_sentences(text: str, question: str, n: int = 2, limit: int = 700) -> str:
    """The ``n`` sentences of ``text`` that best match the question's topic words, in document order.

    A sentence scores by the topic words it shares, damped by its length so that one long sentence
    that mentions everything does not beat the short one that answers.
    """
    want = topic_words(question)
    sentences: list[str] = []
    for para in text.splitlines():
        sentences.extend(s.strip().lstrip("-+• ").strip() for s in _SENT.split(para) if s.strip())
    sentences = [s for s in sentences if s]
    if not sentences:
        return ""

    form = answer_form(question)
    amount = amount_form(question)

    def score(i: int) -> float:
        words = set(syllables(sentences[i]))
        shared = len(want & words) + (2 if form_bonus(form, sentences[i], 1) else 0)
        shared += 1 if form_bonus(amount, sentences[i], 1) else 0
        return shared / max(1.0, len(words)) ** 0.35

    ranked = sorted(range(len(sentences)), key=lambda i: (-score(i), i))
    chosen = sorted(ranked[:n]) if score(ranked[0]) > 0 else [0]
    # whole sentences only: past the limit the weaker sentence is dropped, never the end of one cut
    # off (the words that answer, a date, often come last); one sentence alone is kept up to 3×
    while len(chosen) > 1 and len(" ".join(sentences[i] for i in chosen)) > limit:
        chosen.remove(min(chosen, key=lambda i: (score(i), -i)))
    out = sentences[chosen[0]] if len(chosen) == 1 else " ".join(sentences[i] for i in chosen)
    return out if len(out) <= 3 * limit else out[: 3 * limit].rsplit(" ", 1)[0] + " …"


def title_match(question: str, title: str) -> float:
    """Share of a section title's topic words that the question uses ('Mục tiêu chung' in 'mục tiêu chung … là gì')."""
    words = topic_words(title)
    if not words:
        return 0.0
    return len(words & topic_words(question)) / len(words)


def answer_passage(corpus: Corpus, searcher: Searcher | None, question: str, max_sections: int = 3) -> Answer:
    if searcher is None:
        return not_found(corpus, question)
    picked = corpus.pick_documents(question)
    if picked and len(picked) < len(corpus.docs):
        # a question naming a document ('kế hoạch', 'Công văn 410') is answered from that document
        if len(picked) <= 3:
            hits = [h for d in picked for h in searcher.search(question, k=10, doc=d.doc_id)]
            hits.sort(key=lambda h: -h.score)
        else:
            ids = {d.doc_id for d in picked}
            hits = [h for h in searcher.search(question, k=40) if h.doc in ids][:10]
    else:
        hits = searcher.search(question, k=10)
    # a yes/no question is about what it asks a text to say, not about its asking words ('yêu cầu')
    topic = " ".join(asked_runs(question)) if YES_NO.search(squash(fold(question))) else question
    if picked and len(picked) < len(corpus.docs):
        # 'Theo Nghị quyết 36/2025/NQ-HĐND Huế, ...': the words naming the document are not what is
        # asked (an appendix caption repeating them would otherwise look most relevant)
        topic = without_naming(topic, picked)
    scored = []
    for rank, h in enumerate(hits):
        sec = corpus.section(h.doc, h.section)
        context = f"{sec.heading_path}\n{_own_or_children_text(sec)}" if sec is not None else h.text
        cov = coverage(topic or question, context)
        title = title_match(question, sec.title) if sec is not None and sec.kind != "header" else 0.0
        # coverage decides relevance; a matching title and the retriever's own order break near-ties
        scored.append((cov + 0.3 * title * cov + 0.05 / (rank + 1), cov, h, sec))
    if not scored:
        return not_found(corpus, question)
    scored.sort(key=lambda x: -x[0])
    top_score, top_cov = scored[0][0], max(c for _, c, _, _ in scored)
    if top_cov < MIN_COVERAGE:
        return not_found(corpus, question, data={"best_coverage": round(top_cov, 3)})
    cites = CitationSet()
    blocks: list[str] = []
    used: set[tuple[str, str]] = set()
    sources = []
    asked_count = counted_noun(question)
    data_count: int | None = None
    for score, cov, h, sec in scored:
        if len(blocks) >= max_sections:
            break
        if cov < MIN_COVERAGE or score < top_score - 0.12 or sec is None or (h.doc, h.section) in used:
            continue
        used.add((h.doc, h.section))
        doc = corpus.docs[h.doc]
        if h.kind == "table_row" and h.line_start:
            cid = cites.add_row(doc, sec, h.line_start)
            body = _row_text(doc, h.line_start) or h.body
        else:
            target = _narrow(sec, question)
            listed = _listing(target) if _ASKS_ITEMS.search(plain(question)) else None
            found = _counted_items(sec, asked_count) if asked_count and not blocks else None
            if found is not None:
                # 'KH 982 nêu bao nhiêu nội dung thi đua chủ yếu?': the section listing them, counted
                counted, name = found
                where = part_name(counted.label, counted.title)
                blocks.append(
                    f"{where[:1].upper()}{where[1:]} của {doc_name(doc)} nêu "
                    f"{len(counted.children)} {name} (đếm từ văn bản):\n\n"
                    + section_text(doc, counted, cites, corpus)
                )
                sources.append(
                    {
                        "doc": h.doc,
                        "section": counted.label,
                        "coverage": round(cov, 3),
                        "score": round(score, 4),
                    }
                )
                data_count = len(counted.children)
                continue
            if listed is not None:
                # 'trong những trường hợp nào?': the clause that lists them, every item cited
                blocks.append(section_text(doc, listed, cites, corpus))
                sources.append(
                    {
                        "doc": h.doc,
                        "section": listed.label,
                        "coverage": round(cov, 3),
                        "score": round(score, 4),
                    }
                )
                continue
            cid = cites.add_section(doc, target, question)
            # show the sentences around the quoted passage: the line the citation chose as best
            line = cites.items[cid - 1].line_start
            table = _table_at(doc, line)
            if table is not None:
                # the best line is in a short table: its rows are the answer, each cited
                body = "\n" + _table_rows(doc, sec, table, cites)
            else:
                body = best_sentences(clean_line(doc.line(line)) or target.text or sec.title, question)
        # the part quoted: the child the passage was narrowed to, if any ('Điều 1.16', not 'Điều 1')
        shown = sec if h.kind == "table_row" and h.line_start else target
        heading = shown.heading_path if shown.kind != "header" else shown.title
        blocks.append(
            say(
                "passage_item",
                where=f"{doc_name(doc)}, {part_name(shown.label, shown.title)}",
                heading=heading,
                text=body,
                cite=f"[{cid}]",
            )
        )
        sources.append(
            {"doc": h.doc, "section": h.section, "coverage": round(cov, 3), "score": round(score, 4)}
        )
    if not blocks:
        return not_found(corpus, question)
    # the guards below look at what is asked, not at the words naming the document ('CĐ 217 ...
    # mưa bao nhiêu?' measures rain, not 'CĐ 217')
    asked = without_naming(question, picked) if picked and len(picked) < len(corpus.docs) else question
    head = asked_head(asked)
    if head and not any(mentions(corpus, c.doc, c.section, head) for c in cites.items):
        # 'Thủ đô của Pháp là gì?': passages that share words with the question, none about its subject
        return not_found(corpus, question, data={"asked": head, "sources": sources})
    # a count of the items a section lists is read off its structure: no figure is stated for it
    measured = measured_thing(asked) if data_count is None else ("", "")
    if measured[0] and not any(
        states_figure(corpus, c.doc, c.line_start, c.line_end, measured) for c in cites.items
    ):
        # 'Lương của chủ tịch UBND là bao nhiêu?': passages about the chủ tịch, none stating a figure
        # of the thing asked for; quoting them would pass for an answer
        return not_found(corpus, question, data={"measured": " ".join(measured).strip(), "sources": sources})
    tail = measured_tail(asked) if data_count is None else []
    thing = [w for w in measured_words(asked) if w not in tail] if measured[0] or measured[1] else []
    if len(thing) > 6:
        thing = []  # a whole clause ('... dài hơn thời hạn ... bao nhiêu ngày'), not a noun phrase

    def holds(c: Any) -> bool:
        sec = corpus.section(c.doc, c.section)
        if sec is None:
            return False
        text = _own_or_children_text(sec)
        words = set(syllables(f"{sec.heading_path} {text} {table_words(corpus, c.doc, c.line_start)}"))
        # every word of what the unit is of, and most of the thing measured ('học phí đại học')
        return set(tail) <= words and (not thing or len(set(thing) & words) >= 0.75 * len(thing))

    if (tail or thing) and not any(holds(c) for c in cites.items):
        # 'bao nhiêu điểm chỉ số PCI', 'bao nhiêu người chết': passages with figures of points or
        # people, none about the index or the dead
        return not_found(corpus, question, data={"measured": " ".join([*thing, *tail]), "sources": sources})
    form = answer_form(question)
    if (
        form is not None
        and not YES_NO.search(squash(fold(question)))
        and not any(
            form_bonus(
                form, " ".join(corpus.docs[c.doc].line(n) for n in range(c.line_start, c.line_end + 1)), 1
            )
            for c in cites.items
        )
    ):
        # 'Hạn cuối nộp bản kê khai là ngày nào?': no passage found states a time (a duration, the
        # number asked for); quoting them would pass for an answer
        return not_found(corpus, question, data={"form": form.pattern[:40], "sources": sources})
    lead = say("passage_lead")
    data: dict[str, Any] = {"sources": sources}
    if data_count is not None:
        data["count"] = data_count
    computed = _computed_from_prose(corpus, question, cites)
    if computed is not None:
        # '10 ha ... bao nhiêu tiền mỗi năm', 'A cao hơn B bao nhiêu': worked out from the figures
        # the quoted lines state, each cited, and said to be computed
        lead = computed[0] + "\n\n" + lead
        data["computed"] = computed[1]
    if YES_NO.search(squash(fold(question))):
        # 'Kế hoạch có yêu cầu báo cáo hằng năm không?': yes when the first passage says every word
        # the question asks about; else which of them no passage says (the quotes stay for checking)
        missing = unsaid_phrases(question, blocks[0])
        if not missing:
            lead, data["yes_no"] = say("passage_lead_yes"), "yes"
        else:
            lead, data["yes_no"] = say("passage_lead_unsaid", words="”, “".join(missing)), "unsaid"
    notes = _footnotes(corpus, cites)
    if notes:
        # '09 địa phương[3] chưa gửi báo cáo': the footnote names them
        blocks.append(say("passage_footnotes") + "\n" + "\n".join(notes))
    text = lead + "\n\n" + "\n\n".join(blocks)
    return Answer(answer=text, kind="passage", citations=cites.items, data=data)


_MARKER = re.compile(r"(?<=[^\s\[\d])\[(\d{1,3})\]")
_NOTE_START = re.compile(r"^\s*\[(\d{1,3})\]\s*")


def _footnotes(corpus: Corpus, cites: CitationSet) -> list[str]:
    """The footnotes the quoted lines point to ('… 09 địa phương[3] …' -> '[3] UBND các tỉnh: Tuyên
    Quang, …'), each cited where it stands: a line opening with its marker after the line quoted,
    and the lines after it up to the next footnote."""
    out: list[str] = []
    seen: set[tuple[str, str]] = set()
    for c in list(cites.items):
        doc = corpus.docs.get(c.doc)
        if doc is None:
            continue
        for marker in _MARKER.findall(c.quote):
            if (c.doc, marker) in seen:
                continue
            seen.add((c.doc, marker))
            start = next(
                (n for n in range(c.line_end + 1, len(doc.lines) + 1) if _note_marker(doc.line(n)) == marker),
                0,
            )
            if not start:
                continue
            refs = []
            for n in range(start, min(start + 6, len(doc.lines)) + 1):
                text = doc.line(n).strip()
                if n > start and (not text or _note_marker(text)):
                    break
                if _NOTE_START.sub("", text):
                    quote, ln = best_quote(doc, n, n, "", 1000)
                    if quote:
                        refs.append((quote, ln))
            if refs:
                ids = [cites.add(doc, f"Chú thích [{marker}]", "Chú thích", q, ln, ln) for q, ln in refs]
                body = " ".join(_NOTE_START.sub("", q) for q, _ in refs)
                out.append(f"- Chú thích {marker}: {body} " + " ".join(f"[{i}]" for i in ids))
    return out


def _note_marker(line: str) -> str:
    m = _NOTE_START.match(line)
    return m.group(1) if m else ""


YES_NO = re.compile(r"\b(co|phai|da|co phai)\b.+\b(khong|chua)\s*\??\s*$")

# A yes/no question: 'Kế hoạch có yêu cầu báo cáo không?', 'Có phải ... không?'; the words that
# ask whether a text says something, and those naming the document, are not what it must say.
_ASKING = (
    "yeu cau",
    "quy dinh",
    "de cap",
    "de nghi",
    "dat ra",
    "neu",
    "noi",
    "giao",
    "phai",
    "co",
    "khong",
    "chua",
    "da",
)
_DOC_WORDS = ("ke hoach", "cong van", "van ban", "quyet dinh", "chi thi", "thong bao", "nay", "do")


def without_naming(question: str, docs: list[Document]) -> str:
    """The question without the words that name ``docs``: their type, number (and its parts),
    place; the rest is what it asks about them."""
    naming = naming_words(docs)
    words = re.findall(r"[^\W_]+", question)
    kept = [w for w in words if fold(w) not in naming and fold(w) not in ("so", "theo", "cua")]
    return " ".join(kept) if kept else question


def asked_runs(question: str) -> list[str]:
    """The runs of a yes/no question's words (as typed) between its asking words and the words
    naming the document: what a passage must say for the answer to be yes ('báo cáo hằng quý' in
    'Kế hoạch có yêu cầu báo cáo hằng quý không?')."""
    words = re.findall(r"[^\W_]+", question)
    folded = [fold(w) for w in words]
    breaks: set[int] = set()
    for phrase in (*_ASKING, *_DOC_WORDS):
        parts = phrase.split()
        for i in range(len(folded) - len(parts) + 1):
            if folded[i : i + len(parts)] == parts:
                breaks.update(range(i, i + len(parts)))
    runs: list[list[str]] = [[]]
    for i, word in enumerate(words):
        if i in breaks:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(word)
    return [" ".join(r) for r in runs if r]


def unsaid_phrases(question: str, said: str) -> list[str]:
    """The asked runs of which some content word the passage lacks ('báo cáo hằng quý' when it
    says only 'báo cáo ... hằng năm')."""
    have = set(syllables(said))
    keep = topic_words(question)
    return [
        r for r in asked_runs(question) if any(fold(w) in keep and fold(w) not in have for w in r.split())
    ]


MAX_TABLE_ROWS = 12


def _table_at(doc: Document, line: int) -> Table | None:
    """The short table (not a scoring table: its criteria answer through the numeric path) holding ``line``."""
    for t in doc.tables:
        if t.line_start <= line <= t.line_end and 0 < len(t.rows) <= MAX_TABLE_ROWS:
            if any(r.line in t.row_lines for r in doc.criteria):
                return None
            return t
    return None


def _table_rows(doc: Document, sec: Section, table: Table, cites: CitationSet) -> str:
    """Each row of ``table`` as 'column: value; ...', cited at its line."""
    out = []
    for row, line in zip(table.rows, table.row_lines, strict=False):
        cells = [
            f"{name}: {value}" if name else value
            for name, value in zip(table.header or [""] * len(row), row, strict=False)
            if value.strip()
        ]
        out.append(f"- {'; '.join(cells)} [{cites.add_row(doc, sec, line)}]")
    return "\n".join(out)


def _row_text(doc: Document, line: int) -> str:
    """A criterion row in words, its figures taken from the parsed table (Decimal), not the text."""
    row = next((r for r in doc.criteria if r.line == line), None)
    if row is None:
        return ""
    awarded = format_decimal(row.awarded_points) if row.awarded_points is not None else "—"
    return say(
        "passage_row",
        code=row.code,
        title=row.title,
        max=format_decimal(row.max_points),
        awarded=awarded,
        deducted=format_decimal(row.deduction),
    )


# a question asking for the items of a list: 'những trường hợp nào', 'gồm những gì', 'các bước nào'
_ASKS_ITEMS = re.compile(
    r"\bnhung (?:\w+ ){0,4}nao\b|\bgom nhung\b|\bnhung gi\b|\bliet ke\b|\bbao gom\b|\bcac (?:\w+ ){1,4}nao\b"
)


def _listing(sec: Section) -> Section | None:
    """The section whose items answer a list question about ``sec``: itself when it has items, its
    parent when it is one of them (a point 'b)' of the clause listing 'các trường hợp sau:')."""
    if sec.children:
        return sec
    parent = sec.parent
    if parent is not None and sec.kind == "point" and parent.kind not in ("header", "body"):
        return parent
    return None


def _counted_items(sec: Section, noun: str) -> tuple[Section, str] | None:
    """The section whose items are the things counted, and their name as the question writes it:
    one with items, whose heading or lead names them ('các nội dung chủ yếu sau:' for 'bao nhiêu
    nội dung'; 'xã' for 'bao nhiêu xã bị ngập' when the lead names only 'xã')."""
    names = [noun, noun.split()[0]] if " " in noun else [noun]
    for candidate in (sec, sec.parent):
        if candidate is None or len(candidate.children) < 2 or candidate.kind in ("header", "body"):
            continue
        lead = plain(f"{candidate.title} {candidate.text}")
        for name in names:
            if re.search(rf"\b{re.escape(plain(name))}\b", lead):
                return candidate, name
    return None


def _own_or_children_text(sec: Section) -> str:
    """A section's words: its own text, or its children's for a parent whose text is all in them
    ('Điều 3. Nội dung phân cấp' with clauses 1, 2)."""
    if sec.text or not sec.children:
        return sec.text
    return "\n".join(f"{c.title}\n{c.text}" for c in sec.walk() if c is not sec)


def _narrow(sec: Section, question: str) -> Section:
    """A parent without text of its own answers through its best child; any parent through the one
    child that names what the question names ('xã Đá Bạc' among sixty clauses forming communes)."""
    named = _named_child(sec, question)
    if named is not None:
        return named
    if sec.text or not sec.children:
        return sec
    form = answer_form(question)
    amount = amount_form(question)

    def fit(c: Section) -> float:
        # the child with its own items: a clause 'Mức hỗ trợ:' states its figures in its points
        text = "\n".join(f"{x.title}\n{x.text}" for x in c.walk())
        stated = form_bonus(form, text, 1) or form_bonus(amount, text, 1)
        return coverage(question, text) + (0.2 if stated else 0.0)

    return max(sec.children, key=fit)


def _computed_from_prose(
    corpus: Corpus, question: str, cites: CitationSet
) -> tuple[str, dict[str, str]] | None:
    """A rate times a quantity, or the difference of two figures, the question asks for and the
    cited passages state (prose_figures), with its own citations; None when none applies."""
    if not re.search(r"\b(?:bao nhieu|may)\b", plain(question)):
        return None
    # the quoted lines first (the rate that best answers), then the rest of their sections and of
    # a point's clause (the other side of a comparison is often the next point)
    where: list[tuple[Document, Section, int]] = []
    seen: set[tuple[str, int]] = set()
    for c in list(cites.items):
        doc, sec = corpus.docs.get(c.doc), corpus.section(c.doc, c.section)
        if doc is None or sec is None:
            continue
        scope = sec.parent if sec.kind == "point" and sec.parent is not None else sec
        for n in [*range(c.line_start, c.line_end + 1), *range(scope.line_start, scope.line_end + 1)]:
            if (doc.doc_id, n) not in seen:
                seen.add((doc.doc_id, n))
                where.append((doc, section_for_line(doc, n) or sec, n))
    lines = [doc.line(n) for doc, _, n in where]
    found = prose_figures.rate_times_quantity(question, lines) or prose_figures.difference(question, lines)
    if found is None:
        return None
    refs = []
    for i, fig in found.used:
        doc, sec, n = where[i]
        refs.append(f"[{cites.add_line(doc, sec, n, focus=fig.written, max_chars=1000)}]")
    text = f"**Tính từ văn bản** (văn bản không nêu sẵn con số này): {found.text} {' '.join(refs)}"
    return text, {"value": format_decimal(found.value), "how": found.text}


def _named_child(sec: Section, question: str) -> Section | None:
    """The child of ``sec`` holding a pair of the question's words that no other of its children
    holds — a name ('Đá Bạc', 'Nam Từ Liêm') in a long list of like items (six or more: among a few
    clauses a pair of ordinary words is as often unique); None when no child is singled out."""
    if len(sec.children) < 6:
        return None
    # a name: two words written with capitals after the question's first ('xã Đá Bạc', 'Xa Da Bac')
    words = re.findall(r"\w+", nfc(question))
    pairs = {
        f"{fold(a)}_{fold(b)}"
        for a, b in itertools.pairwise(words[1:])
        if a[:1].isupper() and b[:1].isupper()
    }
    pairs = {p for p in pairs if not set(p.split("_")) & STOPWORDS}
    if not pairs:
        return None
    holding: dict[str, list[int]] = {}
    for i, child in enumerate(sec.children):
        held = set(search_tokens("\n".join(f"{x.title}\n{x.text}" for x in child.walk())))
        for pair in pairs & held:
            holding.setdefault(pair, []).append(i)
    singled = Counter(at[0] for at in holding.values() if len(at) == 1).most_common(2)
    if not singled or (len(singled) > 1 and singled[1][1] == singled[0][1]):
        return None  # none, or two children singled out as often
    return sec.children[singled[0][0]]


def document_list(corpus: Corpus, most: int = 10) -> str:
    """The documents searched, as a list; a large corpus is named by its first ones and a count."""
    docs = list(corpus.docs.values())
    lines = [f"- {doc_name(d)}: {d.subject}" for d in docs[:most]]
    if len(docs) > most:
        lines.append(f"- … và {len(docs) - most} văn bản khác")
    return "\n".join(lines)


def not_found(corpus: Corpus, question: str, data: dict[str, Any] | None = None) -> Answer:
    absent = corpus.absent(question)
    if absent:
        return Answer(
            answer=say("not_found_absent", names=", ".join(absent), documents=document_list(corpus)),
            kind="not_found",
            data={**(data or {}), "absent": absent},
        )
    return Answer(
        answer=say("not_found_passage", documents=document_list(corpus)), kind="not_found", data=data or {}
    )
