"""Decide what kind of question this is, so it is answered from the best source.

Pure and fast: folded-text patterns over the question (typed with or without accents, with the
usual abbreviations), plus the corpus's own vocabulary (agency names, criterion codes, document
numbers). The patterns describe *kinds* of phrasing, not a list of sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant import scoring
from assistant.compose.across import COMMON, MENTIONED, ORDER
from assistant.compose.cells import find_cells
from assistant.compose.changes import ASKED as CHANGES_ASKED
from assistant.compose.deadlines import ASKED as DEADLINE_ASKED
from assistant.compose.grouped import find_grouped
from assistant.compose.people import PERSON, signed_by
from assistant.compose.sections import (
    OUTLINE,
    WHO,
    attachment_kind,
    find_sections,
    missing_sections,
    sections_by_title,
)
from assistant.corpus import Corpus, names_a_document, naming_words, with_kinds_spelled
from assistant.query import CODE, needs_engine, understand
from assistant.text import (
    doc_numbers,
    expand_abbreviations,
    fold,
    plain,
    squash,
    syllables,
    without_doc_numbers,
)


@dataclass
class Route:
    kind: str  # numeric | tasks | document | passage
    intent: str
    params: dict[str, Any] = field(default_factory=dict)


def folded(question: str) -> str:
    """Folded, abbreviation-expanded, single-spaced question text."""
    return squash(expand_abbreviations(fold(question)))


# 'điểm' as points, not 'quan điểm', 'đặc điểm', 'thời điểm', 'địa điểm', 'điểm nóng', 'điểm a'
_POINTS = re.compile(r"(?<!quan )(?<!dac )(?<!thoi )(?<!dia )(?<!trong )\bdiem\b(?! nong)(?! [a-d]\))")
_CRITERIA = re.compile(r"\btieu chi\b|\bthang diem\b|\bdiem tham dinh\b|\bbi tru\b|\btru diem\b|\bdiem tru\b")
_TOP = re.compile(r"(nhieu|cao|lon|nang|manh) nhat|\btop\b|dung dau|xep hang|\bnhieu diem nhat\b")
_LEAST = re.compile(r"\b(it|thap|nho)( diem)? nhat\b")
_ZERO = re.compile(
    r"(?<![\d,.])0 diem|\bkhong diem\b|\bdiem 0\b|\bbi 0\b|\bkhong (duoc|dat) diem (nao)?\b|\b0/"
)
_FULL = re.compile(
    r"100 ?%|\btoi da\b|\btron diem\b|\bday du diem\b|\bdat het\b|\bkhong bi tru\b|\bdu diem\b"
)
_COUNT = re.compile(
    r"\bbao nhieu tieu chi\b|\bmay tieu chi\b|\bso (luong )?tieu chi\b|\bco bao nhieu\b|\bdem\b"
)
_GROUP_ONE = re.compile(r"\bnhom (?:tieu chi )?([a-h])\b")  # a scoring form's groups, A to H
_GROUP_ALL = re.compile(r"\b(cac|tung|moi|theo|4|bon) nhom\b|\bnhom nao\b|\bnhom tieu chi\b")
_APPENDIX = re.compile(r"\bphu luc (?:so )?(iii|ii|iv|i|0?[1-4])\b")
_OVERALL = re.compile(
    r"\btong (so )?diem\b|\bdiem tong\b|\btong cong\b|\bket qua danh gia\b|\b(dat|duoc) (tong cong )?bao nhieu diem\b"
    r"|\bxep loai\b|\bty le\b|\bphan tram\b|\bdiem danh gia\b|\bchi so\b"
)
_RATE = re.compile(r"\bphan tram\b|\bty le\b|%|\bdat (duoc )?bao nhieu\b|\bket qua\b|\bbao nhieu diem\b")
_DEDUCT = re.compile(r"\btru\b|\bmat diem\b|\bthieu\b")
_MAX = re.compile(r"\bthang diem\b|\btoi da\b|\bdiem chuan\b")

_TASK = re.compile(
    r"nhiem vu|duoc giao|\bgiao\b|lam gi|phai lam|can lam|trach nhiem|viec gi|cong viec|\bde nghi\b|\bkien nghi\b"
    r"|yeu cau|chu tri|phu trach|thi sao|the nao|ra sao|\bcan\b.*\bgi\b|\bphai\b.*\bgi\b|lam nhung gi|duoc yeu cau|dam nhiem"
)
_WHICH_AGENCY = re.compile(r"\b(co quan|don vi|ai|so nao|ben nao|nganh nao|to chuc)\b.{0,12}\b(nao|gi)?\b")
_AGENCY_HEAD = re.compile(
    r"^(?:con |va |the )?(so|phong|ban|cuc|chi cuc|trung tam|vien|toa an|cong an|uy ban|hoi dong|van phong|thanh tra"
    r"|dai|bo|hoi|kho bac|bao hiem|ngan hang|lien doan|doan|mat tran|dang uy|bo chi huy|benh vien|truong|tram|doi)\b"
    r"\s+((?:[a-z0-9&\-]+\s?){1,9}?)\s*(?=co |duoc |phai |can |lam |thi |nhiem|giao|trach|\?|$)"
)

_DOC_FACTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "list",
        re.compile(
            r"\b(co|gom) (nhung|cac|bao nhieu) van ban\b|\bdanh sach (cac )?van ban\b|\bcac van ban (hien co|dang co|nao dang)\b"
            r"|\bnhung tai lieu nao\b|\btra cuu (duoc )?(nhung|cac) van ban nao\b"
        ),
    ),
    (
        "signer",
        re.compile(
            r"\bai ky\b|\bnguoi ky\b|\bky boi\b|\bky ten\b|\bai la nguoi ky\b|\bchu ky\b|\b(ai|nguoi nao) ky (van ban|cong van|ke hoach|quyet dinh)\b|\bduoc ky (boi|ten)\b"
            r"|\b(nguoi do|nguoi nay|nguoi ky|ong ay|ba ay) (giu |la |co )?chuc vu\b|\bdo (?:\w+ ){1,4}ky\b"
        ),
    ),
    (
        "implements",
        re.compile(
            r"\btrien khai\b.{0,40}\b(nghi quyet|chi thi|ke hoach|luat|nghi dinh|quyet dinh|van ban)\b.{0,20}\b(nao|gi)\b|\bthuc hien (nghi quyet|chi thi) nao\b"
        ),
    ),
    (
        "bases",
        re.compile(
            r"\bcan cu\b|\bdua tren\b|\bdua vao\b|\btren co so (van ban|nhung)\b|\bxuat phat tu\b|\b(thuc hien|theo) (nhung |cac )?van ban nao\b"
        ),
    ),
    (
        "recipients",
        re.compile(
            r"\bkinh gui\b|\bgui (cho |den |toi )?(ai|nhung ai|co quan nao|nhung co quan nao|don vi nao)\b|\bgui cho\b|\bdoi tuong (nhan|ap dung)\b"
            r"|\bgui (cho |den |toi )?(nhung |cac )?\w+ nao\b|\b(dien|gui) (cho )?nhung ai\b"
        ),
    ),
    ("cc", re.compile(r"\bnoi nhan\b|\bluu tru\b")),
    ("changes", CHANGES_ASKED),
    (
        "number",
        re.compile(
            r"\bso hieu\b|\bso ky hieu\b|\bky hieu\b|\bso van ban\b|\bmang so\b|\bla so (may|bao nhieu)\b"
            # not 'mã số bao nhiêu' (a code in the text), nor 'hệ số, chỉ số, tổng số, tỷ số … bao nhiêu'
            # (a figure): the document's number is 'số' of the document alone
            r"|(?<!\bma )(?<!\bthoai )(?<!\bkhoan )(?<!\bhe )(?<!\bchi )(?<!\btong )(?<!\bty )(?<!\bdiem )"
            r"(?<!\bcap )\bso bao nhieu\b"
        ),
    ),
    (
        "effective",
        re.compile(
            r"\bco hieu luc\b|\bhieu luc (thi hanh|tu|ke tu|khi nao|ngay nao|nhu the nao)\b|\bngay (co )?hieu luc\b"
            r"|\bhieu luc cua (van ban|quyet dinh|nghi quyet|nghi dinh|thong tu|chi thi|ke hoach|cong van)\b"
            r"|\b(ap dung|thi hanh) (tu|ke tu) (ngay|khi) nao\b"
        ),
    ),
    (
        "date",
        re.compile(
            r"\bngay nao\b|\bngay ban hanh\b|\bban hanh (ngay|khi|luc|vao)\b|\bkhi nao\b|\bthoi gian ban hanh\b|\bngay thang\b|\bnam nao\b"
        ),
    ),
    (
        "issuer",
        re.compile(
            r"\b(co quan|don vi|ai|cap nao) (nao )?ban hanh\b|\bdo (ai|co quan nao) ban hanh\b|\bcua co quan nao\b|\bco quan ban hanh\b"
        ),
    ),
    (
        "subject",
        re.compile(
            r"\bve viec gi\b|\btrich yeu\b|\bv/v\b|\bnoi dung chinh\b|\bve van de gi\b|\bnoi ve (gi|dieu gi)\b|\bten (van ban|ke hoach|cong van)\b"
            r"|\bchu de (gi|nao|chinh)\b|\bve chu de\b"
        ),
    ),
    ("phases", re.compile(r"\bgiai doan\b|\blo trinh\b|\bmoc thoi gian\b")),
]


# Facts of a document that the texts citing it do not give: its signer, when it takes effect, its content
_UNCITED_FACT = re.compile(
    r"\b(ai ky|nguoi ky|do ai ky|ky boi|co hieu luc|hieu luc (tu|ke tu|khi nao)|bao nhieu (nhiem vu|dieu|muc|chuong)"
    r"|gom (may|bao nhieu|nhung))\b"
)

# Whose proposal a document answers: 'ban hành theo đề nghị của ai', 'Tờ trình số mấy', 'báo cáo thẩm tra'
_PROPOSAL_ASKED = re.compile(
    r"\bde nghi cua (ai|co quan nao|don vi nao)\b|\b(ai|co quan nao|don vi nao) de nghi\b"
    r"|\b(to trinh|bao cao tham tra) (so )?(may|nao|bao nhieu)\b|\btren co so (de nghi|to trinh|bao cao tham tra)\b"
    r"|\btheo (de nghi|to trinh) (nao|cua ai)\b"
    # which incoming document a dispatch answers: 'trả lời công văn số mấy của ...', 'phúc đáp văn bản nào'
    r"|\b(tra loi|phuc dap|xu ly) (cong van|van ban|cong dien|to trinh|don|thu|kien nghi|de nghi)? ?(so may|nao|gi"
    r"|so bao nhieu|cua ai|cua co quan nao)\b"
)

# When something happens, not when a document was issued: 'Khi nào sơ kết?', 'Hạn báo cáo là ngày nào?'
_EVENT = re.compile(
    r"\b(so ket|tong ket|bao cao|han|thoi han|hoan thanh|to chuc|kiem tra|danh gia|nop|thuc hien xong"
    r"|bat dau|ket thuc|ap dung|hieu luc|tien hanh|trien khai|thuc hien|dien ra|keo dai)\b"
)
_ISSUED = re.compile(r"\bban hanh\b|\bky\b|\bngay thang\b|\bvan ban (nay|do)\b")
# What a question asks about a document it names: its date, issuer, number, subject, or what it is.
_REF_FACT = re.compile(
    r"\bngay nao\b|\bkhi nao\b|\bnam nao\b|\bban hanh\b|\bcua (ai|co quan nao)\b|\bve viec gi\b"
    r"|\bve (van de )?gi\b|\bla (van ban )?gi\b|\bnoi dung\b|\btrich yeu\b|\bso may\b|\bco quan nao\b"
)


def detect(question: str, corpus: Corpus) -> Route:
    """Route one standalone question."""
    q = folded(question)
    refs = corpus.referenced_numbers(question)
    if refs and MENTIONED.search(plain(question).rstrip()):
        # 'Văn bản nào nhắc đến Chỉ thị 05-CT/TW?': where the corpus cites that document
        return Route("document", "reference", {"numbers": refs})
    if refs and _MENTIONS.search(q) and corpus.pick_documents(question):
        # 'Công văn 410 có nói về Nghị quyết 168/NQ-CP không?': does that document cite it
        return Route("document", "mentions", {"numbers": refs})
    holds_named = bool(
        set(doc_numbers(question)) & corpus.own_numbers
    )  # 'Công văn 11306/VPCP-NN về ... NĐ 136'
    if refs and not holds_named and (_REF_FACT.search(q) or _UNCITED_FACT.search(q)) and not CODE.search(q):
        # 'Nghị quyết 168/NQ-CP ban hành ngày nào?': a document the corpus cites, not one it holds; who
        # signed it or when it took effect no citing text says
        unstated = _UNCITED_FACT.search(q)
        return Route(
            "document", "reference", {"numbers": refs, "unstated": unstated.group(0) if unstated else ""}
        )
    if MENTIONED.search(plain(question).rstrip()):  # which documents name a person, a body, a place
        return Route("document", "phrase_mentions", {})
    # a figure of a table by its row and column ('học phí mầm non ở đô thị'); the scoring tables'
    # criteria answer only questions about documents that have them
    picked = corpus.pick_documents(question)
    # a list of names in groups ('Xã A Lưới 3 thuộc loại địa bàn nào?', 'bao nhiêu phường đô thị?')
    listed = find_grouped(corpus, question, picked)
    if listed is not None:
        return Route("document", "grouped", {"asked": listed[0], "operation": listed[1]})
    scored = not picked or any(d.criteria for d in picked)
    cells = find_cells(corpus, question)
    if cells is not None and (not scored or (cells.rows and cells.cols and not CODE.search(q))):
        return Route("numeric", "cells", {"match": cells})
    route = _numeric(q, corpus, question) if scored else None
    if route:
        return route
    if cells is not None:
        return Route("numeric", "cells", {"match": cells})
    if (
        PERSON.search(q)
        and not re.search(r"\b(ai|nguoi) (ky|chu tri|phu trach|thuc hien|duoc giao)\b", q)
        and not find_sections(corpus, question)  # 'Phụ lục I có tên là gì?': the section's title
    ):
        return Route("document", "person", {})
    if COMMON.search(q):  # agencies that several documents all give tasks to
        return Route("tasks", "common", {})
    if WHO.search(q) and not (corpus.agencies and corpus.agencies.find_agencies_in_text(question)):
        named = find_sections(corpus, question)  # 'Mục 7 phần II giao việc cho ai?': that section's agencies
        if named:
            return Route("document", "section", {"sections": named})
        missing, in_docs = missing_sections(corpus, question)
        if missing:
            return Route("document", "missing_section", {"labels": missing, "in": in_docs})
    if _PROPOSAL_ASKED.search(q):  # 'theo đề nghị của ai', 'Tờ trình số mấy': the legal bases, not a task
        others = [
            i for i, rx in _DOC_FACTS if rx.search(q) and i in ("signer", "date", "number", "effective")
        ]
        return Route("document", "proposal", {"intents": [*others, "proposal"]})
    if (
        re.search(r"\bky\b", q)
        and re.search(
            r"\b(van ban|tai lieu)( \w+)? (nao|gi|so may)\b|\bnhung van ban\b|\bbao nhieu van ban\b", q
        )
        and signed_by(corpus, question)
    ):
        # 'Phùng Thị Hồng Hà đã ký những văn bản nào?': the documents that person signed
        return Route("document", "signed_by", {})
    if DEADLINE_ASKED.search(q) and picked:
        # 'Việc nào có hạn sớm nhất?': the deadlines the named document sets, compared
        return Route("document", "deadlines", {})
    route = _tasks(q, question, corpus)
    if route:
        return route
    # a section named by the document's own numbering ('Phần II nói gì?', 'mục 3 phần I'), or the outline
    other_type = _names_another_type(q, corpus)
    if OUTLINE.search(q) and not other_type:
        return Route("document", "outline", {})
    sections = [] if other_type else find_sections(corpus, question) or sections_by_title(corpus, question)
    if sections:
        return Route("document", "section", {"sections": sections})
    missing, in_docs = ([], []) if other_type else missing_sections(corpus, question)
    if missing:  # 'Phụ lục IV của công văn 410' when it has three: said, not another passage
        return Route("document", "missing_section", {"labels": missing, "in": in_docs})
    # across documents: which was issued later, which agencies several of them give tasks to
    if ORDER.search(q):
        return Route("document", "order", {})
    intents = [intent for intent, rx in _DOC_FACTS if rx.search(q)]
    if "subject" in intents and corpus.agencies and corpus.agencies.find_agencies_in_text(question):
        intents.remove(
            "subject"
        )  # 'Sở X xây dựng chương trình về những chủ đề nào?': its task, not the document's
    if "effective" in intents and "date" in intents:
        intents.remove("date")  # 'có hiệu lực từ ngày nào': the date it takes effect, not of issue
    if "date" in intents and _EVENT.search(q) and not _ISSUED.search(q):
        intents.remove("date")  # the date of an event the text sets: the passages say it
    if "date" in intents and picked and not _ISSUED.search(q) and _names_more_than(question, picked):
        # 'Nhà máy điện Nhơn Trạch 3 khánh thành ngày nào theo TB 653?': the date of what the question
        # names besides the document, which its text may or may not say
        intents.remove("date")
    if len(corpus.docs) > 1 and not picked and not names_a_document(question) and not _ISSUED.search(q):
        # 'Những ngày nào Chùa Hương không thu phí?', 'căn cứ chiều cao bao nhiêu để miễn phí?': no
        # document is the subject; 'ngày nào' and 'căn cứ' are about what the text says
        intents = [i for i in intents if i not in ("date", "bases")]
    if intents:
        return Route("document", intents[0], {"intents": intents})
    return Route("passage", "search")


_DOC_TYPES = (
    "hien phap|bo luat|luat|phap lenh|nghi dinh|nghi quyet|thong tu|quyet dinh|chi thi|cong van|ke hoach"
    "|thong bao|bao cao|to trinh|huong dan|quy dinh|quy che|chuong trinh|de an"
)
_TYPE_SUBJECT = re.compile(rf"^(?:cho (?:toi )?biet |hay cho biet )?(?:cac |nhung )?({_DOC_TYPES})\b")


_MENTIONS = re.compile(r"\bco (noi|de cap|nhac|dan|can cu|viec dan)\b.*\bkhong\b")


_DATE_WORDS = frozenset(
    [
        "ngay",
        "nao",
        "thang",
        "nam",
        "khi",
        "bao",
        "gio",
        "vao",
        "duoc",
        "la",
        "cua",
        "theo",
        "so",
        "van",
        "ban",
        "co",
        "hieu",
        "luc",
        "gi",
        "ra",
        "doi",
        "dang",
        "de",
    ]
)


def _names_more_than(question: str, docs: list[Any]) -> bool:
    """Whether a 'ngày nào' question names something besides the documents (their kind, number,
    place, issuer): two words or more of something else."""
    naming = naming_words(docs, issuer=True)
    words = re.findall(r"[a-z0-9]+", with_kinds_spelled(plain(question)))
    rest = [w for w in words if w not in naming and w not in _DATE_WORDS and not w.isdigit()]
    return len(rest) >= 2


def _names_another_type(q: str, corpus: Corpus) -> bool:
    """A question about a kind of document the corpus holds none of ('Luật phòng, chống tham nhũng có
    bao nhiêu điều?' over plans and dispatches): its structure is not theirs."""
    m = _TYPE_SUBJECT.match(q)
    if not m:
        return False
    types = {fold(d.doc_type) for d in corpus.docs.values() if d.doc_type}
    # texts issued with a document ('Quy định kèm theo') are of their own kind
    types |= {attachment_kind(s) for d in corpus.docs.values() for s in d.sections if s.kind == "attachment"}
    return m.group(1) not in types


def _numeric(q: str, corpus: Corpus, q_original: str = "") -> Route | None:
    codes = [c.upper() for c in CODE.findall(q)]
    has_points = bool(_POINTS.search(q))
    about_criteria = bool(_CRITERIA.search(q))
    ranks_units = bool(_GROUP_ALL.search(q) and (_RATE.search(q) or _TOP.search(q) or _LEAST.search(q)))
    if corpus.criteria and (codes or has_points or about_criteria or ranks_units or _RATE.search(q)):
        # the typed query answers what the intents below do not: bounds, parts, comparisons, goals
        query = understand(q_original or q, corpus.criteria)
        if needs_engine(query):
            return Route("numeric", "query", {"query": query})
    if codes:
        field_ = (
            "max"
            if _MAX.search(q)
            else "deducted"
            if _DEDUCT.search(q)
            else "awarded"
            if has_points
            else "all"
        )
        return Route("numeric", "criterion", {"codes": codes, "field": field_})
    group = _GROUP_ONE.search(q)
    appendix = _APPENDIX.search(q)
    # 'Nhóm D đạt bao nhiêu phần trăm?', 'Tỷ lệ đạt của Phụ lục II': a score without the word 'điểm'
    rate_of_table = bool((group or appendix) and _RATE.search(q))
    if not (has_points or about_criteria or rate_of_table):
        return None
    params: dict[str, Any] = {}
    if appendix:
        params["appendix"] = appendix.group(1)
    if group:
        params["group"] = group.group(1).upper()
    if _TOP.search(q) and _MAX.search(q) and not _DEDUCT.search(q):
        n = re.search(r"\b(\d{1,2}|hai|ba|bon|nam|muoi) (tieu chi|noi dung)\b", q)
        params["n"] = _small_number(n.group(1)) if n else None
        return Route("numeric", "top_max", params)
    if _TOP.search(q) and (_DEDUCT.search(q) or "diem" in q):
        n = re.search(r"\b(\d{1,2}|hai|ba|bon|nam|muoi) (tieu chi|noi dung|nhom)\b", q)
        params["n"] = _small_number(n.group(1)) if n else None
        if (group is None and _GROUP_ALL.search(q)) or re.search(r"\bnhom nao\b", q):
            return Route("numeric", "group_ranking", params)
        params["deducted"] = bool(_DEDUCT.search(q))
        return Route("numeric", "top_deductions" if params["deducted"] else "top_awarded", params)
    if _LEAST.search(q) and _DEDUCT.search(q):
        return Route("numeric", "least_deductions", params)
    if _ZERO.search(q):
        return Route("numeric", "zero", params)
    if re.search(r"\btrung binh\b|\bbinh quan\b", q):
        return Route("numeric", "average", params)
    if re.search(r"\btong\b", q) and _OVERALL.search(q) and not group and not appendix:
        return Route("numeric", "overall", {"deducted": bool(_DEDUCT.search(q))})
    if (_FULL.search(q) and not _MAX.search(q.replace("toi da", ""))) or re.search(r"100 ?%", q):
        return Route("numeric", "full", params)
    if group:
        # 'Nhóm A có những tiêu chí nào bị trừ điểm?': the table keeps the deducted rows only
        params["deducted_only"] = bool(_DEDUCT.search(q) and re.search(r"\b(tieu chi|noi dung) nao\b", q))
        return Route("numeric", "group", params)
    if _GROUP_ALL.search(q):
        return Route("numeric", "groups", params)
    if appendix:
        params["field"] = "deducted" if _DEDUCT.search(q) else "all"
        return Route("numeric", "appendix", params)
    if (
        about_criteria
        and corpus.criteria
        and criterion_topic_words(q_original)
        and scoring.search_by_title(corpus.criteria, criterion_topic_words(q_original))
    ):
        return Route("numeric", "title_search", {"deducted": bool(_DEDUCT.search(q))})
    if _COUNT.search(q) and about_criteria:
        params["deducted"] = bool(_DEDUCT.search(q))
        return Route("numeric", "count", params)
    topic = criterion_topic_words(q_original) if corpus.criteria else []
    if len(topic) >= 3 and len(scoring.search_by_title(corpus.criteria, topic)) == 1:
        # 'Kết quả thực hiện cải cách hành chính (PAR 2023) được bao nhiêu điểm?': one criterion by its title
        return Route("numeric", "title_search", {"deducted": bool(_DEDUCT.search(q))})
    if _OVERALL.search(q) or (has_points and re.search(r"\bbao nhieu\b", q) and not about_criteria):
        return Route("numeric", "overall", {"deducted": bool(_DEDUCT.search(q))})
    if about_criteria:
        return Route("numeric", "title_search", {"deducted": bool(_DEDUCT.search(q))})
    return None


# Words that carry a scoring question's form; what is left names the criterion ('xung đột lợi ích').
_CRITERION_FORM_WORDS = set(
    syllables(
        "tiêu chí nào về có đạt được bao nhiêu điểm bị trừ thang điểm thẩm định là của cho các những mấy "
        "kết quả số tổng gì nhất cao thấp nhiều ít chấm liên quan đến nội dung trong phụ lục nhóm hãy cho biết"
    )
)


def criterion_topic_words(question: str) -> list[str]:
    """The words of a scoring question that name a criterion by its title, in order."""
    return [w for w in re.findall(r"\w+", question.lower()) if not set(syllables(w)) <= _CRITERION_FORM_WORDS]


def _small_number(word: str) -> int:
    words = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "muoi": 10}
    return int(word) if word.isdigit() else words.get(word, 5)


def _tasks(q: str, question: str, corpus: Corpus) -> Route | None:
    directory = corpus.agencies
    if directory is None:
        return None
    q = _NOT_ASSIGNING.sub("giao", q)  # 'giao thông' is traffic, not an assignment
    if _AMOUNT_NOT_TASKS.search(q):
        return None  # 'được giao bao nhiêu biên chế': a figure asked of the agency, not its tasks
    # a document's number is no agency ('Thông tư 44/2025/TT-NHNN do ai ký?' names no 'NHNN')
    keys = directory.find_agencies_in_text(without_doc_numbers(question))
    task_words = bool(_TASK.search(q))
    if keys and (task_words or len(q.split()) <= 8):
        return Route("tasks", "agency", {"agencies": keys})
    if (
        task_words
        and _WHICH_AGENCY.search(q)
        and re.search(r"\b(co quan|don vi|ai|so|nganh|ben|to chuc) nao\b|\bai\b", q)
    ):
        return Route("tasks", "which_agency", {})
    if task_words:
        # an agency-like name opening any sentence of the question ('... . Sở Y tế có nhiệm vụ gì?')
        for sentence, original in zip(_sentences(q), _sentences(question), strict=False):
            if _AGENCY_HEAD.search(sentence):
                return Route("tasks", "unknown_agency", {"name": _agency_phrase(original)})
            # '... có giao nhiệm vụ cho Sở Y tế không?', 'Công văn 410 giao Sở Y tế việc gì?': the body
            # after 'cho', 'đối với', 'giao', 'yêu cầu'
            for after in re.finditer(r"\b(?:cho|doi voi|toi|giao|yeu cau)\s+(?=\S)", sentence):
                if not _AGENCY_HEAD.search(sentence[after.end() :]):
                    continue
                words = original.split()
                tail = " ".join(words[len(sentence[: after.end()].split()) :])
                tail = re.sub(r"\s+(không|khong|chưa|chua)\s*\??$", "", tail, flags=re.IGNORECASE)
                return Route("tasks", "unknown_agency", {"name": _agency_phrase(tail)})
    return None


_AMOUNT_NOT_TASKS = re.compile(r"\b(?:bao nhieu|may) (?!nhiem vu|viec|cong viec|noi dung|lan\b|nhom)\w+")
# 'giao thông, giao dịch, giáo viên, giáo dục, giáo trình …' are no assignment ('giao')
_NOT_ASSIGNING = re.compile(r"\bgiao (?=thong\b|dich\b|luu\b|tiep\b|vien\b|duc\b|trinh\b|khoa\b|an\b)")


def _sentences(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[.?!;:>]\s*", text) if p.strip()]


def _agency_phrase(question: str) -> str:
    """The agency name as the user typed it, for a not-found message ('Sở Y tế')."""
    text = squash(question).rstrip("?.! ")
    text = re.sub(r"^(?:Còn|Và|Thế|Con|Va|The)\s+", "", text, flags=re.IGNORECASE)
    stop = re.search(
        r"\s(có|co|được|duoc|phải|phai|cần|can|làm|lam|thì|thi|nhiệm|nhiem|giao(?!\s+(?:thông|thong)\b)|trách|trach)\b",
        text,
        re.IGNORECASE,
    )
    return text[: stop.start()] if stop else text
