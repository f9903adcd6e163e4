"""Sections and structure: 'Phần II của kế hoạch nói gì?', 'mục 3 phần I', 'công văn gồm mấy phần?'.

A section named by the document's own numbering is answered whole: its heading, every item under it
(a long list: the first ones and how many more), each cited where it stands. A structure question
gets the outline. Labels are resolved against the parsed documents, never against a list of names.
"""

from __future__ import annotations

import re

from assistant.agencies import Assignment
from assistant.answers import Answer, CitationSet
from assistant.compose.common import doc_name, part_name
from assistant.corpus import TITLE_LEAD, Corpus
from assistant.documents import appendix_label, roman_to_int
from assistant.model import Document, Section
from assistant.text import expand_abbreviations, fold, plain, squash, syllables

MAX_ITEMS = 12

_LEVEL_WORDS = r"phan|muc|tieu muc|chuong|dieu|khoan|diem|tiet"
_LABEL = r"(?:[ivxlc]{1,6}|\d{1,3})(?:\.\d{1,3}){0,4}|[a-dđ](?=\))"
_REF = re.compile(rf"\b({_LEVEL_WORDS}) (?:so )?({_LABEL})\b")
_BARE = re.compile(r"(?<![\w.])([ivxlc]{1,6}(?:\.\d{1,3}){1,4})(?![\w.])")
OUTLINE = re.compile(
    r"\bgom (may|bao nhieu|nhung) (phan|muc|noi dung|chuong|dieu)\b(?! tram)|\bbo cuc\b|\bcau truc\b"
    r"|\b(nhung|cac) (phan|muc|chuong) (nao|chinh)\b|\bmuc luc\b|\bco (may|bao nhieu) (phan|muc|chuong|dieu)\b(?! tram)"
    r"|\bdan y\b|\bde muc\b"
)


def section_labels(question: str) -> list[str]:
    """Section labels a question names, in the documents' own form ('II', 'I.3', 'Điều 5', 'II.10').

    'mục 3 phần I' and 'phần I mục 3' are both 'I.3': the parts are joined from the widest down.
    """
    q = squash(fold(question))
    refs = [(m.group(1), m.group(2), m.start()) for m in _REF.finditer(q)]
    out: list[str] = []
    if refs:
        # a chain of references next to each other ('mục 3 phần I', 'phần II mục 1'): one label
        chain: list[tuple[str, str, int]] = []
        for ref in refs:
            if chain and ref[2] - chain[-1][2] > 24:
                out.extend(_join(chain))
                chain = []
            chain.append(ref)
        out.extend(_join(chain))
    for m in _BARE.finditer(q):
        label = _upper_roman(m.group(1))
        if label not in out:
            out.append(label)
    return out


def _join(chain: list[tuple[str, str, int]]) -> list[str]:
    if len(chain) == 1:
        word, label, _ = chain[0]
        if word == "dieu":
            return [f"Điều {label}"]
        return [_upper_roman(label)]
    # order from the widest: roman numbers (parts) before arabic ones, 'Điều' before 'khoản'
    rank = {"chuong": 0, "phan": 1, "dieu": 2, "muc": 3, "tieu muc": 4, "khoan": 5, "diem": 6, "tiet": 7}
    items = sorted(chain, key=lambda x: (rank.get(x[0], 9), not _is_roman(x[1])))
    parts = [_upper_roman(x[1]) for x in items]
    if items[0][0] == "dieu":
        return [f"Điều {'.'.join(parts)}"]
    return [".".join(parts)]


def _is_roman(s: str) -> bool:
    return bool(re.fullmatch(r"[ivxlc]+", s)) and roman_to_int(s.upper()) is not None


def _upper_roman(label: str) -> str:
    head, _, rest = label.partition(".")
    head = head.upper() if _is_roman(head) else head
    return head + ("." + rest if rest else "")


def _named_labels(question: str) -> list[str]:
    labels = section_labels(question)
    for m in re.finditer(r"\bphu luc (?:so )?([ivx]{1,5}|\d{1,2})\b", fold(question)):
        labels.append(appendix_label(m.group(1)))  # 'Phụ lục II', 'phụ lục số 01'
    return labels


_OF_ANOTHER = re.compile(
    r"\b(?:dieu|khoan|diem|chuong|muc|phan) \w+(?: \w+){0,4} (?:cua|tai) (?:van ban|quyet dinh|nghi dinh|nghi quyet"
    r"|thong tu|luat|chi thi|ke hoach) nao\b"
)


def missing_sections(corpus: Corpus, question: str) -> tuple[list[str], list[Document]]:
    """Labels a question names with a section word ('Phụ lục IV', 'mục 15 phần II', 'Điều 30') that
    no document it is about has, and those documents; ([], []) when every label exists somewhere."""
    if not re.search(r"\b(phu luc|muc|phan|dieu|khoan|chuong|diem)\b", fold(question)):
        return [], []
    # a bare 'mục 3' is some part's item 3, not a label to be missing; 'II.15', 'Phụ lục IV', 'Điều 30' are
    labels = [lb for lb in _named_labels(question) if not lb.isdigit()]
    if _OF_ANOTHER.search(fold(question)):
        return [], []  # 'sửa đổi khoản 9 Điều 1 của quyết định nào?': a part of another document
    docs = _docs_asked(corpus, question)
    missing = [lb for lb in labels if not any(_lookup(d, lb, question) is not None for d in docs)]
    return (missing, docs) if missing and len(missing) == len(labels) else ([], [])


def answer_missing_section(corpus: Corpus, labels: list[str], docs: list[Document]) -> Answer:
    """'Phụ lục IV của công văn 410 nói gì?' when it has three: not found, with what it has."""
    have = []
    for d in docs[:3]:
        tops = [s.label for s in d.sections if s.kind != "header"]
        if tops:
            shown = ", ".join(tops[:12]) + (f" và {len(tops) - 12} mục khác" if len(tops) > 12 else "")
            have.append(f"- {doc_name(d)}: {shown}")
    names = ", ".join(labels)
    text = f"Không có **{names}** trong {'các văn bản đang tra cứu' if len(docs) > 1 else doc_name(docs[0])}."
    if have:
        text += " Các mục, phụ lục của văn bản:\n\n" + "\n".join(have)
    return Answer(answer=text, kind="not_found", data={"missing_sections": labels})


def _attachments_asked(doc: Document, question: str) -> list[Section]:
    """The attached regulations of ``doc`` a question names by their kind ('Điều 4 của Quy định ...',
    'Điều 9 Quy chế xét tặng ...'): their articles restart at Điều 1 under their own label."""
    q = fold(question)
    out = []
    for sec in doc.walk():
        if sec.kind != "attachment":
            continue
        kind = attachment_kind(sec)  # 'Quy chế kèm theo' -> 'quy che'
        if kind and re.search(rf"\b{re.escape(kind)}\b", q):
            out.append(sec)
    return out


def _lookup(doc: Document, label: str, question: str) -> Section | None:
    """``label`` in ``doc``: in an attached regulation the question names, else in the document; a
    chapter asked as 'Chương III' is labelled so in a text divided into chapters."""
    names = [label]
    if re.search(rf"\bchuong {re.escape(label.lower())}\b", fold(question)):
        names.append(f"Chương {label}")
    for name in names:
        for att in _attachments_asked(doc, question):
            sec = doc.section(f"{att.label}, {name}")
            if sec is not None:
                return sec
        sec = doc.section(name)
        if sec is not None and sec.kind != "header":
            return sec
    return None


def _docs_asked(corpus: Corpus, question: str) -> list[Document]:
    """The documents a question names; or, naming none, those whose attached regulation it names by
    kind and title ('Quy chế xét tặng Công dân Thủ đô ưu tú'); else every document."""
    picked = corpus.pick_documents(question)
    if picked:
        return picked
    want = set(syllables(question))
    attached = []
    for doc in corpus.docs.values():
        for att in _attachments_asked(doc, question):
            words = set(syllables(att.title)) or set(syllables(doc.subject))
            if words and len(words & want) >= max(2, len(words) // 2):
                attached.append(doc)
                break
    return attached or list(corpus.docs.values())


def find_sections(corpus: Corpus, question: str) -> list[tuple[Document, Section]]:
    """The sections a question names, in the documents it names (or any that has the label)."""
    labels = _named_labels(question)
    if not labels:
        return []
    docs = _docs_asked(corpus, question)
    found: list[tuple[Document, Section]] = []
    for label in labels:
        for doc in docs:
            sec = _lookup(doc, label, question)
            if sec is not None:
                found.append((doc, sec))
    return found


# A question asking for a list ('gồm những gì', 'liệt kê'); 'X là gì?' is left to retrieval, whose
# answer an LLM may phrase.
LIST = re.compile(
    r"\bgom (nhung )?(gi|noi dung nao|nhung nao|cac)\b|\bnhung (gi|noi dung gi|noi dung nao)\b|\bla nhung gi\b"
    r"|\bliet ke\b|\bbao gom\b|\bco nhung (gi|noi dung|muc)\b"
)


def _plain(text: str) -> str:
    return plain(expand_abbreviations(fold(text)))


_LEADING = TITLE_LEAD
_SUBJECT_ASK = re.compile(r"\s(?:cua|trong|theo|o)\s.*$|\s(?:la gi|la nhung gi|gom nhung gi|nhu the nao)\s*$")
_ASK_TAIL = re.compile(r"\s(?:la gi|la nhung gi|gom nhung gi|nhu the nao)\s*$")
_CONNECTOR = re.compile(r"\s(?:cua|trong|theo|o)\s")


def sections_by_title(corpus: Corpus, question: str) -> list[tuple[Document, Section]]:
    """Sections whose own title the question names: 'Các mục tiêu cụ thể gồm những gì?' (a list
    question naming the title), 'Yêu cầu của kế hoạch là gì?' (the title is the question's whole
    subject), 'Mục Kiện toàn tổ chức bộ máy gồm ...' (the first words of a long title after 'mục'),
    'Còn mục tiêu cụ thể?' (a follow-up naming a title). The longest title found, in every document
    that has it."""
    q = " " + _plain(question) + " "
    listing = bool(LIST.search(q) or re.search(r"\bco nhung\b.*\bnao\b", q))
    subject = _LEADING.sub("", _SUBJECT_ASK.sub("", q.strip())).strip()
    # the title may itself hold 'trong', 'của' ...: the subject may end at any of them
    asked = _LEADING.sub("", _ASK_TAIL.sub("", q.strip())).strip()
    subjects = {subject, asked} | {asked[: m.start()].strip() for m in _CONNECTOR.finditer(asked)}
    bare_follow_up = re.fullmatch(r"con (.+?)( thi sao| nua)?", q.strip())
    picked = {d.doc_id for d in corpus.pick_documents(question)}
    words_in_q = set(q.split())
    best: list[tuple[Document, Section]] = []
    best_len = 0
    for first, entries in corpus.section_titles.items():
        if first not in words_in_q:
            continue  # every title checked starts with a word of the question
        for doc, sec, title in entries:
            if picked and doc.doc_id not in picked:
                continue
            words = title.split()
            if len(sec.title) <= 120 and len(words) >= 2 and f" {title} " in q:
                named = (
                    listing
                    or title in subjects
                    or (bare_follow_up is not None and bare_follow_up.group(1) == title)
                )
            elif len(sec.title) <= 120 and len(words) == 1:
                named = subject == title and bool(re.search(r"\bla gi\b", q))  # 'Yêu cầu của kế hoạch là gì?'
            else:
                head = " ".join(words[:4])
                named = len(words) > 4 and f" muc {head} " in q  # 'Mục Kiện toàn tổ chức bộ máy ...'
                title = head
            if not named:
                continue
            if len(title) > best_len:
                best, best_len = [(doc, sec)], len(title)
            elif len(title) == best_len:
                best.append((doc, sec))
    return best


_ASKS_TITLE = re.compile(r"\b(co )?ten (la )?gi\b|\btieu de\b|\bten goi\b|\bten (day du|chinh thuc)\b")

WHO = re.compile(
    r"\b(giao (viec|nhiem vu) cho ai|cho ai|co quan nao|don vi nao|nhung ai|ai duoc|ai phai|ai chu tri|duoc de nghi)\b"
)


def _assignments_of(corpus: Corpus, doc: Document, sec: Section) -> list[Assignment]:
    return [
        a
        for a in corpus.assignments
        if a.doc == doc.doc_id and (a.section == sec.label or a.section.startswith(sec.label + "."))
    ]


def answer_sections(corpus: Corpus, question: str, found: list[tuple[Document, Section]]) -> Answer:
    cites = CitationSet()
    parts: list[str] = []
    who = bool(WHO.search(_plain(question)))
    kind = "tasks" if who else "passage"  # who a section gives tasks to is a tasks answer
    if _ASKS_TITLE.search(_plain(question)):
        # 'Phụ lục I có tên là gì?': the heading itself, quoted
        for doc, sec in found[:3]:
            head = fold(sec.title[:24])
            last = min(sec.line_end, sec.line_start + 5)
            n = next(
                (k for k in range(sec.line_start, last + 1) if head in fold(doc.line(k))), sec.line_start
            )
            cid = cites.add(doc, sec.label, sec.title, doc.line(n).strip().strip("*_ "), n, n)
            parts.append(f"**{doc_name(doc)}, {sec.label}** có tên: **{sec.title}** [{cid}]")
        data = {"sections": [{"doc": d.doc_id, "label": s.label} for d, s in found]}
        return Answer(answer="\n\n".join(parts), kind="passage", citations=cites.items, data=data)
    for doc, sec in found[:3]:
        given = _assignments_of(corpus, doc, sec) if who else []
        if not given:
            kind = "passage"
        parts.append(
            _agencies_text(doc, sec, given, cites) if given else section_text(doc, sec, cites, corpus)
        )
    if len(found) > 3:
        parts.append(f"_Còn {len(found) - 3} mục cùng số ở các văn bản khác; hãy nêu tên văn bản._")
    data = {"sections": [{"doc": d.doc_id, "label": s.label} for d, s in found]}
    return Answer(answer="\n\n".join(parts), kind=kind, citations=cites.items, data=data)


def _agencies_text(doc: Document, sec: Section, given: list[Assignment], cites: CitationSet) -> str:
    """Who a section gives tasks to ('Mục 7 phần II giao việc cho ai?'), each cited where it is given."""
    names: dict[str, list[str]] = {}
    for a in given:
        target = doc.section(a.section) or sec
        cid = cites.add_section(doc, target, a.agency)
        refs = names.setdefault(a.agency, [])
        if f"[{cid}]" not in refs:
            refs.append(f"[{cid}]")
    head = f"**{doc_name(doc)}, {part_name(sec.label, sec.title)}**" + (
        f" ({sec.title})" if sec.title else ""
    )
    lines = [f"- **{name}** {' '.join(refs)}" for name, refs in names.items()]
    return f"{head} giao nhiệm vụ cho {len(names)} cơ quan, đơn vị:\n\n" + "\n".join(lines)


def _criteria_text(doc: Document, sec: Section, cites: CitationSet) -> str:
    """An appendix that is a scoring table: its criteria, each row cited."""
    rows = [r for r in doc.criteria if r.appendix == sec.label]
    head = f"**{doc_name(doc)}, {sec.label}**" + (f": {sec.title}" if sec.title else "")
    lines = []
    for r in rows[:40]:
        cid = cites.add_row(doc, sec, r.line)
        lines.append(f"- **{r.code}** {r.title} [{cid}]")
    if len(rows) > 40:
        lines.append(f"- … và {len(rows) - 40} tiêu chí nữa")
    return f"{head}\n\nGồm {len(rows)} tiêu chí:\n\n" + "\n".join(lines)


def section_text(doc: Document, sec: Section, cites: CitationSet, corpus: Corpus | None = None) -> str:
    if sec.kind == "appendix" and any(r.appendix == sec.label for r in doc.criteria):
        return _criteria_text(doc, sec, cites)
    head = f"**{doc_name(doc)}, {part_name(sec.label, sec.title)}**" + (f": {sec.title}" if sec.title else "")
    lines: list[str] = []
    if sec.children:
        own = _own_line_numbers(doc, sec)
        # the words before the first item; all of them when they are items the parser did not make
        # sections of ('1. 100% đội ngũ ...', '2. ...' before a heading-like '4. Trong giai đoạn ...')
        listed = [
            n for n in own if re.match(r"^\W{0,3}(?:\d{1,2}[.)]|[a-zđ]\)|[-+•])\s", doc.line(n).strip())
        ]
        lead = own[:MAX_ITEMS] if len(listed) >= 2 else own[:1]
        for n in lead:
            lines.append(f"{_short(doc.line(n))} [{cites.add_line(doc, sec, n, max_chars=1000)}]")
        items = sec.children
        for child in items[:MAX_ITEMS]:
            cid = cites.add_section(doc, child)
            title = child.title or _short(child.text)
            own = _own_line_numbers(doc, child)
            # a short item's own words too ('1. Tiếp tục phát huy ...: Theo Phụ lục số 01.')
            first = _short(doc.line(own[0]), 240) if own and child.title else ""
            lines.append(f"- **{child.label}** {title}" + (f": {first}" if first else "") + f" [{cid}]")
        if len(items) > MAX_ITEMS:
            lines.append(f"- … và {len(items) - MAX_ITEMS} mục nữa")
    else:
        numbers = _own_line_numbers(doc, sec)
        for n in numbers[:MAX_ITEMS]:
            cid = cites.add_line(doc, sec, n, max_chars=1000)
            lines.append(f"- {_short(doc.line(n))} [{cid}]")
        if len(numbers) > MAX_ITEMS:
            lines.append(f"- … và {len(numbers) - MAX_ITEMS} ý nữa")
        if not numbers:
            head += f" [{cites.add_line(doc, sec, sec.line_start, max_chars=1000)}]"
    return head + ("\n\n" + "\n".join(lines) if lines else "")


def _own_line_numbers(doc: Document, sec: Section) -> list[int]:
    """The first file line of each logical line (a wrapped paragraph once) of the section's own body."""
    end = sec.children[0].line_start - 1 if sec.children else sec.line_end
    out = []
    for n in range(max(sec.body_start, 1), min(end, len(doc.lines)) + 1):
        text = doc.line(n).strip()
        if text and not set(text) <= set("|-: *_"):
            out.append(n)
    return out


def _short(text: str, limit: int = 1200) -> str:
    """The item's text, whole up to ``limit``; past it, up to the end of a sentence or clause."""
    text = squash(re.sub(r"[*_]{1,3}", "", text)).lstrip("-+• ").strip()
    if len(text) <= limit:
        return text
    end = max(text.rfind(". ", 0, limit), text.rfind("; ", 0, limit))
    return (text[: end + 1] if end > 0 else text[: text.rfind(" ", 0, limit)]) + " …"


# the units a structure question counts ('có mấy chương, mấy điều'), by the kind the parser gives them
_UNIT_KINDS = {
    "phan": ("part", "phần"),
    "chuong": ("chapter", "chương"),
    "muc": ("item", "mục"),
    "dieu": ("article", "điều"),
    "khoan": ("clause", "khoản"),
    "phu luc": ("appendix", "phụ lục"),
}
_UNITS_ASKED = re.compile(r"\b(?:may|bao nhieu) (phan|chuong|muc|dieu|khoan|phu luc)\b(?! tram)")


def attachment_kind(sec: Section) -> str:
    """The kind of text an attachment is, folded ('Quy định kèm theo' -> 'quy dinh')."""
    return re.sub(r"\s+kem theo\b.*$", "", fold(sec.label)).strip()


def named_attachments(question: str, doc: Document) -> list[Section]:
    """The texts issued with ``doc`` that the question names by their kind ('Quy chế kèm theo
    Quyết định 26 có mấy chương?' is about the Quy chế, not the decision issuing it), other than
    texts of the document's own kind."""
    own = fold(doc.doc_type)
    return [sec for sec in _attachments_asked(doc, question) if attachment_kind(sec) != own]


def answer_outline(corpus: Corpus, question: str) -> Answer | None:
    docs = corpus.pick_documents(question) or list(corpus.docs.values())
    if not docs:
        return None
    cites = CitationSet()
    parts = []
    asked = [_UNIT_KINDS[m] for m in dict.fromkeys(_UNITS_ASKED.findall(squash(fold(question))))]
    with_named = [d for d in docs if named_attachments(question, d)]
    if with_named:
        # 'Quy định ... của Quảng Trị': the documents that issue a text of that kind, not every one of the place
        docs = with_named
    for doc in docs[:3]:
        attached = named_attachments(question, doc)
        if attached:
            # the structure of the attached text itself: its chapters and articles
            for att in attached:
                top = att.children
                if not top:
                    continue
                items = []
                for s in top:
                    cid = cites.add_line(doc, s, s.line_start)
                    sub = _unit_counts_of(s.children, asked) or _child_count(s)
                    items.append(
                        f"- **{s.label_own}** {s.title}" + (f" ({sub})" if sub else "") + f" [{cid}]"
                    )
                count = _unit_counts_of(att.children, asked) or f"{len(top)} phần"
                parts.append(
                    f"**{att.label} {doc_name(doc)}** gồm {count}"
                    + (" (đếm theo bố cục văn bản)" if asked else "")
                    + ":\n\n"
                    + "\n".join(items)
                )
            continue
        top = [s for s in doc.sections if s.kind not in ("header",)]
        if not top:
            continue
        items = []
        for s in top:
            cid = cites.add_line(doc, s, s.line_start)
            sub = f" ({len(s.children)} mục)" if s.children else ""
            items.append(f"- **{s.label}** {s.title}{sub} [{cid}]")
        body = [s for s in top if s.kind not in ("appendix", "attachment")]
        extra = [s for s in top if s.kind in ("appendix", "attachment")]
        counted = _unit_counts_of(body, asked)
        count = counted or f"{len(body)} phần"
        count += f" và {len(extra)} phụ lục, văn bản kèm theo" if extra else ""
        if not body:
            count = f"{len(extra)} phụ lục, văn bản kèm theo"
        parts.append(
            f"**{doc_name(doc)}** gồm {count}"
            + (" (đếm theo bố cục văn bản)" if counted else "")
            + ":\n\n"
            + "\n".join(items)
        )
    if not parts:
        return None
    if len(docs) > 3:
        parts.append(
            f"_Còn {len(docs) - 3} văn bản khác khớp câu hỏi; hãy nêu số hoặc tên văn bản để xem bố cục của nó._"
        )
    return Answer(answer="\n\n".join(parts), kind="document", citations=cites.items, data={"outline": True})


_KIND_WORDS = {kind: word for kind, word in _UNIT_KINDS.values()}


def _child_count(sec: Section) -> str:
    """'2 điều': how many units ``sec`` holds, named by the kind of its first child."""
    if not sec.children:
        return ""
    kind = sec.children[0].kind
    return f"{sum(1 for c in sec.children if c.kind == kind)} {_KIND_WORDS.get(kind, 'mục')}"


def _unit_counts_of(sections: list[Section], asked: list[tuple[str, str]]) -> str:
    """'3 chương, 7 điều': how many units of each asked kind ``sections`` hold (kinds they have none
    of left out)."""
    out = []
    for kind, word in asked:
        n = sum(1 for top in sections for s in top.walk() if s.kind == kind)
        if n:
            out.append(f"{n} {word}")
    return ", ".join(out)
