"""Anything else: the most relevant sections from hybrid retrieval, trimmed to the sentences that answer."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Protocol

from assistant.answers import Answer, CitationSet, amount_form, answer_form, form_bonus, section_for_line
from assistant.compose.common import doc_name, part_name, say
from assistant.compose.sections import section_text
from assistant.corpus import KIND_ABBREVIATIONS, TYPE_WORDS, Corpus, naming_words
from assistant.documents import clean_line
from assistant.model import Document, Section, Table
from assistant.text import (
    expand_abbreviations,
    fold,
    format_decimal,
    nfc,
    plain,
    search_tokens,
    squash,
    syllables,
)

# Words that carry the question's form, not its topic: they never make a passage relevant.
STOPWORDS = set(
    syllables(
        "là gì nào ai bao nhiêu mấy như thế nào ra sao có không được bị của và các những cho với về trong "
        "thì mà để theo tại từ đến này đó ấy hãy cho biết xin vui lòng tôi muốn hỏi em anh chị ạ nhé vậy "
        "gồm những gì nội dung văn bản kế hoạch công văn phải cần làm việc hiện nay hôm"
    )
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


def topic_words(question: str) -> set[str]:
    return set(syllables(question)) - STOPWORDS


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
        heading = sec.heading_path if sec.kind != "header" else sec.title
        blocks.append(
            say(
                "passage_item",
                where=f"{doc_name(doc)}, {part_name(sec.label, sec.title)}",
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
    if head and not any(_mentions(corpus, c.doc, c.section, head) for c in cites.items):
        # 'Thủ đô của Pháp là gì?': passages that share words with the question, none about its subject
        return not_found(corpus, question, data={"asked": head, "sources": sources})
    # a count of the items a section lists is read off its structure: no figure is stated for it
    measured = measured_thing(asked) if data_count is None else ("", "")
    if measured[0] and not any(
        _states_figure(corpus, c.doc, c.line_start, c.line_end, measured) for c in cites.items
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
        words = set(syllables(f"{sec.heading_path} {text} {_table_words(corpus, c.doc, c.line_start)}"))
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
    if YES_NO.search(squash(fold(question))):
        # 'Kế hoạch có yêu cầu báo cáo hằng năm không?': yes when the first passage says every word
        # the question asks about; else which of them no passage says (the quotes stay for checking)
        missing = unsaid_phrases(question, blocks[0])
        if not missing:
            lead, data["yes_no"] = say("passage_lead_yes"), "yes"
        else:
            lead, data["yes_no"] = say("passage_lead_unsaid", words="”, “".join(missing)), "unsaid"
    text = lead + "\n\n" + "\n\n".join(blocks)
    return Answer(answer=text, kind="passage", citations=cites.items, data=data)


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


_HOW_MUCH = re.compile(
    r"^(?:cho (?:toi )?biet |hay cho biet |xin hoi )?(?P<thing>.+?) (?:la|co|duoc|dat|khoang|vao khoang|tong cong)? ?"
    r"(?:bao nhieu|may)\b(?: (?P<unit>\w+))?"
)
_NOT_HEAD = {"tong", "so", "muc", "con", "thi", "hien", "nay", "cua", "cac", "nhung"}
_COUNT_OF = re.compile(r"^(?:co |tong cong co |hien co )?(?:bao nhieu|may) (?P<unit>\w+)(?: (?P<unit2>\w+))?")
# counts of a document's own parts, which the structure answers without a stated figure
_OWN_PARTS = frozenset(
    re.findall(
        r"\w+",
        "muc phan tieu chi nhiem vu co quan don vi van ban dieu khoan nhom phu luc giai phap noi dung chuong "
        "diem giai doan buoc yeu cau cong van ke hoach quyet dinh",
    )
)
_WHAT_IS = re.compile(
    r"^(?:cho (?:toi )?biet |hay cho biet )?(?P<thing>.+?) (?:la gi|o dau|nhu the nao|the nao|ra sao|la ai|gom nhung gi)\b"
)
_GENERIC_LEAD = (
    "ket qua ",
    "noi dung ",
    "tinh hinh ",
    "van de ",
    "cach ",
    "lam ",
    "viec ",
    "thu tuc ",
    "quy dinh ",
    # classifiers before an event's noun ('vụ sạt lở', 'đợt mưa', 'cuộc họp'): the noun is the head
    "vu ",
    "dot ",
    "cuoc ",
    "su ",
)


# a document named by kind and number ('TT 130/2025/TT-BQP', 'Công điện 224', 'NĐ số 303'), and a
# leading 'Theo ...,' that names one: what a question is asked of, not what it asks about
_KINDS = "|".join(sorted({*TYPE_WORDS, "to trinh", "luat", *KIND_ABBREVIATIONS}, key=lambda k: (-len(k), k)))
_DOCUMENT_NAMED = re.compile(rf"\b(?:{_KINDS}) (?:so )?\d+(?:/[\w.-]+)*")
_ACCORDING_TO = re.compile(r"^(?:theo|can cu|tai|trong|o)\b[^,]*,\s*")


def _asked_part(question: str) -> str:
    """The folded question without the document it names ('Theo TT 130/2025/TT-BQP, thời hạn ...
    mấy ngày?' -> 'thoi han ... may ngay')."""
    return plain(_without_document(question))


def _without_document(question: str) -> str:
    """Folded, punctuation kept, without the document named and the leading 'Theo <it>,' (only a
    clause that names a document by number: 'Theo luật, ...' says what is asked about)."""
    q = fold(nfc(question))
    lead = _ACCORDING_TO.match(q)
    if lead and _DOCUMENT_NAMED.search(lead.group(0)):
        q = q[lead.end() :]
    return squash(_DOCUMENT_NAMED.sub(" ", q))


def asked_head(question: str) -> str:
    """The head of what an '<X> là gì / ở đâu / như thế nào?' question asks about, as its first two
    words ('thu do', 'so dien', 'thoi tiet'); '' for other questions."""
    q = _asked_part(question)
    m = _WHAT_IS.match(q)
    if not m:
        return ""
    thing = m.group("thing") + " "
    for lead in _GENERIC_LEAD:
        if thing.startswith(lead):
            thing = thing[len(lead) :]
    words = thing.split()
    if not words or words[0] in {"co", "ke", "van", "cong", "quyet", "muc", "phan", "dieu"}:
        return ""  # the document or its part as the subject: its own words answer
    return " ".join(words[:2])


_NOT_UNIT = {"la", "vay", "a", "nhi", "the", "thi", "nam", "phan", "tien"}
# what may follow 'bao nhiêu' as the unit of the figure asked ('bao nhiêu người', '... ngày'); any
# other word there ('bao nhiêu để miễn phí', 'bao nhiêu, nộp ...') begins the rest of the question
_UNITS = frozenset(
    [
        "nguoi",
        "ngay",
        "thang",
        "tuan",
        "gio",
        "phut",
        "nam",
        "dong",
        "trieu",
        "ty",
        "nghin",
        "ngan",
        "km",
        "m",
        "ha",
        "tan",
        "kg",
        "lit",
        "diem",
        "lan",
        "muc",
        "vu",
        "can",
        "bo",
        "cong",
        "chuc",
        "dieu",
        "khoan",
        "xa",
        "phuong",
        "huyen",
        "tinh",
        "don",
        "vi",
        "co",
        "quan",
        "truong",
        "hop",
        "ho",
        "du",
        "an",
    ]
)


# words that may follow 'bao nhiêu' and are not what is counted ('bao nhiêu để miễn phí', 'bao nhiêu thì')
_AFTER_NOT_NOUN = frozenset(
    [
        "de",
        "thi",
        "va",
        "ma",
        "la",
        "cho",
        "khi",
        "neu",
        "vay",
        "a",
        "nhi",
        "the",
        "tren",
        "duoc",
        "phai",
        "roi",
        "nua",
    ]
)
# a condition or frame before the clause that asks: 'Nếu ... thì', '... cho vay lãi suất 0% thì',
# 'Trong phụ lục ...,', 'Khi có khiếu nại ...,'
_LEAD_CONDITION = re.compile(r"^.{1,160}? thi (?=.*\b(?:bao nhieu|may)\b)")
_LEAD_FRAME = re.compile(r"^(?:trong|theo|tai|o|sau|truoc|doi voi|voi|ve|khi|neu) [^,]{1,100}, ")
_TIME_PREPOSITIONS = frozenset(["trong", "sau", "vao", "truoc", "khoang", "toi", "den", "tu", "la", "mat"])


def _main_clause(asking: str) -> str:
    """The folded words of the clause that asks, without a frame, a condition or a leading date."""
    return _LEAD_CONDITION.sub("", _TIME_LEAD.sub("", plain(_LEAD_FRAME.sub("", asking.strip()))))


# units a figure is stated in ('15 ngày', '435.000 đồng', '90%'): after 'bao nhiêu' they say how the
# figure is measured, not what it is of
_MEASURES = frozenset(
    [
        "nguoi",
        "ngay",
        "thang",
        "tuan",
        "gio",
        "phut",
        "nam",
        "dong",
        "trieu",
        "ty",
        "nghin",
        "ngan",
        "km",
        "m",
        "ha",
        "tan",
        "kg",
        "lit",
        "diem",
        "lan",
        "phan",
        "tien",
    ]
)
# a verb of receiving or paying, then what is received or paid, then 'bao nhiêu'
_VERB_OBJECT = re.compile(
    r"\b(?:duoc|phai|nhan|dong|nop|huong)(?P<obj>(?: (?!la\b|co\b|bang\b|dat\b|khoang\b)\w+){1,6}) (?:bao nhieu|may)\b"
)
_TIME_LEAD = re.compile(r"^(?:tinh )?(?:den|tu|trong|vao|truoc|sau)(?: ngay| thang| nam)? (?:\d+[/.\- ]*)+")


def measured_thing(question: str) -> tuple[str, str]:
    """What a 'bao nhiêu / mấy' question measures: the head words of the thing ('luong', 'dan so',
    'cap pho' in 'tối đa bao nhiêu cấp phó') and the unit asked for ('ngay' in 'mấy ngày'); ('', '')
    for other questions and for counts of the corpus's own parts ('kế hoạch có bao nhiêu mục?'),
    which the text answers without a figure. Read on the clause that asks, without the document
    it names ('Theo TT 130/2025/TT-BQP, ...') or a leading date ('đến 19/11/2025 có bao nhiêu ...')."""
    if not asks_amount(question):
        return "", ""
    text = _without_document(question)
    # the sentence up to the end of the clause that asks (commas kept: 'Lương cơ sở của cán bộ,
    # công chức năm 2025 là bao nhiêu?' measures 'lương cơ sở'); its next clause is another question
    asking = _asking_sentence(text)
    # what asks is the main clause: not a condition before it ('Nếu học trực tuyến thì học phí ... là
    # bao nhiêu'), nor a frame set off by a comma ('Trong phụ lục ..., mức học phí cao nhất')
    q = _main_clause(asking)
    # the word right after 'bao nhiêu', not across a comma ('bao nhiêu, nộp ngân sách bao nhiêu')
    glued = re.search(r"\b(?:bao nhieu|may) (\w+)(?: (\w+))?", asking)
    # 'bao nhiêu một ha một năm', 'bao nhiêu mỗi tháng': a rate; what follows 'một/mỗi' is the period
    # or thing it is per, not the unit the figure is stated in
    after = re.search(r"\b(?:bao nhieu|may) (?!(?:mot|moi)\b)(\w+)(?: (\w+))?", q) if glued else None
    first, second = (after.group(1), after.group(2) or "") if after else ("", "")
    own_part = first in _OWN_PARTS or (second in _OWN_PARTS and len(first) <= 3)
    # what 'bao nhiêu' is followed by is the unit the figure is stated in: a unit ('mấy ngày') or the
    # thing counted ('bao nhiêu cấp phó', 'bao nhiêu doanh nghiệp': '05 cấp phó', '12 doanh nghiệp')
    unit = first if first and first not in _AFTER_NOT_NOUN | _NOT_UNIT | _TAIL_STOP else ""
    subject = re.search(r"^(?P<before>.*?)\b(?:bao nhieu|may)\b", q)
    said_before = subject is not None and subject.group("before").split() not in ([], ["co"])
    if subject is not None and unit and set(subject.group("before").split()) <= _TIME_PREPOSITIONS:
        # 'Trong bao nhiêu ngày làm việc ...': a time, named by its unit alone
        return unit, unit
    if (
        said_before
        and first
        and second
        and first not in _MEASURES | _TAIL_STOP
        and not own_part
        and unit
        and second not in _TAIL_STOP
    ):
        # 'bao nhiêu học phí', 'bao nhiêu thủ tục hành chính': the noun after 'bao nhiêu' is the thing
        # counted or priced, whatever the clause before it is about ('Một học sinh lớp 6 ... đóng')
        return f"{first} {second}", unit
    verb = _VERB_OBJECT.search(q)
    if verb and verb.group("obj").split()[-1] in _TAIL_STOP | {"truoc", "sau", "toi", "khoang"}:
        verb = None  # 'được giải quyết trong mấy ngày': a time after the event, not a thing received
    if verb and not own_part:
        # 'được trợ cấp xã hội hằng tháng bao nhiêu tiền', 'được hỗ trợ thêm bao nhiêu': what is
        # received or paid is named between the verb and 'bao nhiêu', not by the clause's subject
        # an agent named with capitals first ('được Thành phố hỗ trợ thêm') is who gives, not what
        named = {fold(w) for w in re.findall(r"\w+", question)[1:] if w[:1].isupper()}
        obj = verb.group("obj").split()
        if obj and obj[0] in named:
            while obj and obj[0] in named:
                obj = obj[1:]
            obj = obj[1:]  # the name's last syllable, written small ('Thành phố', 'Sở Y tế')
        obj = [w for w in obj if w not in _NOT_HEAD]
        if obj:
            return " ".join(obj[:2]), unit
    m = _HOW_MUCH.match(q)
    words = m.group("thing").split() if m else []
    while words and words[0] in _NOT_HEAD:  # 'tổng số', 'mức': the head is the noun after them
        words = words[1:]
    if words[:2] in (["can", "cu"], ["dua", "vao"], ["dua", "tren"]):
        words = words[2:]  # 'căn cứ chiều cao bao nhiêu': what it is based on is the thing
    if words and words[0] in {"co", "ke", "van", "cong", "quyet"}:
        # 'có bao nhiêu', or a document as the subject ('kế hoạch có bao nhiêu mục'): its parts are
        # counted from the structure; anything else is named by the unit alone
        return ("", "") if own_part or not unit else (unit, unit)
    if not words:
        return ("", "") if own_part or not unit else (unit, unit)
    head = " ".join(words[:2]) if len(words) >= 2 and len(words[0]) <= 4 else words[0]
    return head, unit


_TAIL_STOP = frozenset(
    ["nam", "cua", "tai", "o", "trong", "theo", "vao", "khi", "neu", "thi", "la", "va", "cho", "tu", "den"]
)


_OTHER_ASKING = re.compile(r"\b(?:ai|nao|gi|dau|sao|the nao)\b")


def asks_amount(question: str) -> bool:
    """Whether the question asks 'bao nhiêu' or 'mấy'. Typed with accents, 'máy móc' is no 'mấy';
    typed without, 'may' asks only where nothing else in the question does ('Ai quyết định ... máy
    móc ...?', '... những loại máy móc nào?')."""
    folded = plain(question)
    if re.search(r"\bbao nhieu\b", folded):
        return True
    if not re.search(r"\bmay\b", folded):
        return False
    if re.search(r"(?i)\bmấy\b", question):
        return True
    if any(fold(w) != w.lower() for w in question.split()):
        return False  # typed with accents, and 'may' is not 'mấy' ('máy', 'may mặc')
    return not _OTHER_ASKING.search(folded)


def _asking_sentence(folded: str) -> str:
    """The folded text from the start of the sentence that asks 'bao nhiêu / mấy' to the end of
    the clause that asks it."""
    sentences = re.split(r"[;?!]", folded)
    sentence = next((x for x in sentences if re.search(r"\b(bao nhieu|may)\b", x)), "")
    m = re.search(r"\b(?:bao nhieu|may)\b[^,]*", sentence)
    return sentence[: m.end()] if m else ""


def measured_words(question: str) -> list[str]:
    """Every content word of what a 'bao nhiêu' question measures: the thing before 'bao nhiêu'
    ('học phí đại học', 'lương cơ sở cán bộ công chức') and what its unit is of (measured_tail):
    a passage answering it holds them all."""
    if not asks_amount(question):
        return []
    asking = _asking_sentence(_without_document(question))
    m = re.search(
        r"^(?P<thing>.*?)\b(?:la |co |duoc |dat |khoang |tong cong )?(?:bao nhieu|may)\b",
        _main_clause(asking),
    )
    keep = topic_words(question)
    before = m.group("thing").split() if m else []
    if before[:1] and before[0] in _PREDICATE_LEAD:
        # '... thì được bố trí tối đa mấy cấp phó': a predicate before 'mấy', not the thing measured
        before = []
    thing = [w for w in before if w in keep and not w.isdigit()]
    return list(dict.fromkeys([*thing, *measured_tail(question)]))


_PREDICATE_LEAD = frozenset(["duoc", "phai", "bi", "se", "can", "nen"])


def measured_tail(question: str) -> list[str]:
    """The words that say what the unit after 'bao nhiêu' is of ('điểm chỉ số PCI' -> chi so pci,
    'người chết do mưa lũ' -> chet mua lu), up to three content words before a year, a place or
    the clause's end; [] when none."""
    if not asks_amount(question):
        return []
    text = _without_document(question)
    clause = next((c for c in re.split(r"[,;?!]", text) if re.search(r"\b(bao nhieu|may)\b", c)), "")
    # 'phần trăm' is one unit; what the unit is of comes after it ('bao nhiêu phần trăm học phí')
    folded = re.sub(r"\bphan tram\b", "phantram", plain(expand_abbreviations(fold(clause))))
    folded = re.sub(r"\bngay lam viec\b", "ngay", folded)
    m = re.search(r"\b(?:bao nhieu|may) (?!mot\b|moi\b)\w+ (.*)$", folded)
    if not m:
        return []  # nothing after the unit, or a rate's period right after 'bao nhiêu' ('một ha')
    keep = topic_words(question)
    out: list[str] = []
    for w in m.group(1).split():
        if w in _TAIL_STOP or w in {"mot", "moi", "hang"} or w.isdigit():
            break  # a year, a place, or the period of a rate ('bao nhiêu tiền một tháng')
        if w in keep and expand_abbreviations(w) == w:  # 'UBND' is looked for by its words, spelled out
            out.append(w)
        if len(out) == 3:
            break
    return out


_FIGURE = re.compile(r"(?<![\d/])(?!(?:19|20)\d\d(?![\d/]))\d+(?:[.,]\d+)?(?![\d/]*/[a-z])", re.I)


def _table_words(corpus: Corpus, doc_id: str, line: int) -> str:
    """The header of the table holding ``line``, if any: the names of the columns a row's figures are in."""
    doc = corpus.docs.get(doc_id)
    if doc is None:
        return ""
    return " ".join(" ".join(t.header) for t in doc.tables if t.line_start <= line <= t.line_end)


def _mentions(corpus: Corpus, doc_id: str, label: str, phrase: str) -> bool:
    sec = corpus.section(doc_id, label)
    if sec is None:
        return False
    text = plain(f"{sec.heading_path} {sec.text}")
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None


def _states_figure(corpus: Corpus, doc_id: str, start: int, end: int, measured: tuple[str, str]) -> bool:
    """Whether the cited lines name the thing measured and give a figure of it (not a year or a
    document's number) in the same sentence, next to its unit when the question names one."""
    doc = corpus.docs.get(doc_id)
    if doc is None:
        return False
    head, unit = measured
    text = " ".join(doc.lines[start - 1 : end])
    # the thing measured may be named above the figure, by the clause's heading or the table's
    # columns ('Điều 5. Mức trợ cấp ngày công' over '... 435.000 đồng')
    sec = section_for_line(doc, start)
    above = f"{sec.heading_path} {sec.title} " if sec is not None else ""
    above += _table_words(corpus, doc_id, start)
    named_above = re.search(rf"\b{re.escape(head)}\b", squash(re.sub(r"[^\w\s,.]", " ", fold(above))))
    for sentence in _SENT.split(text):
        folded = squash(re.sub(r"[^\w\s,.]", " ", fold(sentence)))
        if not (named_above or re.search(rf"\b{re.escape(head)}\b", folded)) or not _FIGURE.search(sentence):
            continue
        # '96 điều', '15 ngày'; a unit before its number is a label ('Điều 10'), except a date's
        before = re.search(rf"\d+(?:[.,]\d+)? (?:\w+ )?{re.escape(unit)}\b", folded)
        if not unit or before or (unit in ("ngay", "thang", "quy") and re.search(rf"\b{unit} \d", folded)):
            return True
    return False


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


# a count of what a text lists: asked with a verb of listing ('KH 982 nêu bao nhiêu nội dung', 'bảng
# liệt kê bao nhiêu địa phương'), not a count of things in the world ('Hà Nội có bao nhiêu đối tượng')
_COUNT_ASKED = re.compile(
    r"\b(?:neu|gom|liet ke|de ra|dat ra|xac dinh|bao gom)(?: ra| tong cong| tat ca)? "
    r"(?:bao nhieu|may) (?P<noun>\w+(?: \w+)?)"
)


def counted_noun(question: str) -> str:
    """The thing a question asks the number of items of ('nội dung' in 'nêu bao nhiêu nội dung thi
    đua'), as the question writes it; '' when it counts no listed items or the word after is a unit."""
    if not asks_amount(question):
        return ""
    m = _COUNT_ASKED.search(plain(question))
    if not m:
        return ""
    words = m.group("noun").split()
    if words[0] in _MEASURES | _TAIL_STOP | _AFTER_NOT_NOUN | _NOT_UNIT or words[0] in {"mot", "moi"}:
        return ""
    written = re.search(r"(?i)\b(?:bao nhiêu|bao nhieu|mấy|may)\s+(\w+(?:\s+\w+)?)", question)
    if written is None:
        return " ".join(words)
    return " ".join(written.group(1).lower().split()[: len(words)])


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
    """A parent without text of its own answers through its best child."""
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
