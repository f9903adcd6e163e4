"""What a question asks, read from its words alone: its topic words, the head of what a '<X> là gì?'
asks about, the thing a 'bao nhiêu / mấy' question measures and the unit it is asked in, the items a
count asks for; and whether a cited passage states such a figure. The passage composer
(compose/passage.py) refuses, with these, a passage that shares words with a question without
answering it ('Lương của chủ tịch UBND là bao nhiêu?' over passages about the chủ tịch)."""

from __future__ import annotations

import re

from assistant.answers import section_for_line
from assistant.corpus import KIND_ABBREVIATIONS, TYPE_WORDS, Corpus
from assistant.text import expand_abbreviations, fold, nfc, plain, squash, syllables

_SENT = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\-(])")

# Words that carry the question's form, not its topic: they never make a passage relevant.
STOPWORDS = set(
    syllables(
        "là gì nào ai bao nhiêu mấy như thế nào ra sao có không được bị của và các những cho với về trong "
        "thì mà để theo tại từ đến này đó ấy hãy cho biết xin vui lòng tôi muốn hỏi em anh chị ạ nhé vậy "
        "gồm những gì nội dung văn bản kế hoạch công văn phải cần làm việc hiện nay hôm"
    )
)


def topic_words(question: str) -> set[str]:
    return set(syllables(question)) - STOPWORDS


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
# 'thì', not the 'thị' of 'đô thị', 'chỉ thị', 'thị xã', 'thị trường' (folded alike)
_LEAD_CONDITION = re.compile(
    r"^.{1,160}?(?<!\bdo)(?<!\bchi)(?<!\bhien) thi (?!tran\b|xa\b|truong\b|sat\b)(?=.*\b(?:bao nhieu|may)\b)"
)
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
_VERB_WORD = re.compile(r"\b(?:duoc|phai|nhan|dong|nop|huong|het|mat|phan dau)\b")
_VERB_OBJECT = re.compile(
    r"\b(?:duoc|phai|nhan|dong|nop|huong|het|mat|phan dau)(?P<obj>(?: (?!la\b|co\b|bang\b|dat\b|khoang\b)\w+){0,8})"
    r" (?:bao nhieu|may)\b"
)
# verbs at the start of what is received ('được' in 'lao động được hỗ trợ') and the bounds at its end
# ('không quá', 'trên', 'tổng cộng') are no part of it
_OBJECT_LEAD = frozenset(["duoc", "phai", "bi", "nhan", "dong", "nop", "huong", "tinh", "them"])
_OBJECT_TAIL = frozenset(
    ["khong", "qua", "tren", "duoi", "toi", "thieu", "da", "it", "nhat", "tong", "cong", "len"]
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
    own_part = (first in _OWN_PARTS and (first, second) != ("phan", "tram")) or (
        second in _OWN_PARTS and len(first) <= 3
    )  # 'bao nhiêu phần' counts parts; 'bao nhiêu phần trăm' is a share
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
    # the verb nearest 'bao nhiêu' ('… lao động được hỗ trợ bao nhiêu', 'hưởng trợ cấp được … hỗ trợ')
    verb = next(
        (v for p in reversed([w.start() for w in _VERB_WORD.finditer(q)]) if (v := _VERB_OBJECT.match(q, p))),
        None,
    )
    if (
        verb
        and verb.group("obj").split()[-1:]
        and verb.group("obj").split()[-1]
        in _TAIL_STOP
        | {
            "truoc",
            "sau",
            "khoang",
        }
    ):
        verb = None  # 'được giải quyết trong mấy ngày': a time after the event, not a thing received
    if verb and unit and unit not in _MEASURES and not own_part:
        return unit, unit  # 'được tính trả lương không quá bao nhiêu tiết': '200 tiết'
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
        while obj and obj[0] in _OBJECT_LEAD:
            obj = obj[1:]
        while obj and obj[-1] in _OBJECT_TAIL:
            obj = obj[:-1]
        obj = [w for w in obj if w not in _NOT_HEAD]
        if obj:
            return " ".join(obj[:2]), unit
        if verb.group(0).split()[0] in ("het", "mat", "nhan"):
            return "", ""  # 'thì hết bao nhiêu tiền', 'nhận tổng cộng bao nhiêu': an amount, named by none
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


def table_words(corpus: Corpus, doc_id: str, line: int) -> str:
    """The header of the table holding ``line``, if any: the names of the columns a row's figures are in."""
    doc = corpus.docs.get(doc_id)
    if doc is None:
        return ""
    return " ".join(" ".join(t.header) for t in doc.tables if t.line_start <= line <= t.line_end)


def mentions(corpus: Corpus, doc_id: str, label: str, phrase: str) -> bool:
    sec = corpus.section(doc_id, label)
    if sec is None:
        return False
    text = plain(f"{sec.heading_path} {sec.text}")
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None


def states_figure(corpus: Corpus, doc_id: str, start: int, end: int, measured: tuple[str, str]) -> bool:
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
    above += table_words(corpus, doc_id, start)
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
