"""Helpers shared by the answer composers: template rendering and how documents are named."""

from __future__ import annotations

import datetime
import itertools
import re

from assistant.model import BASES, CC, RECIPIENTS, SIGNATURE, TITLE, Document, PartialDate
from assistant.prompts import get_prompts
from assistant.text import fold


def calendar_day(d: PartialDate | None) -> datetime.date | None:
    """The calendar day of a date the text gives whole ('ngày 03 tháng 12 năm 2025'); None for a
    partial date ('tháng 8 năm 2025') or one no calendar has ('31/02/2025')."""
    if d is None or not d.complete:
        return None
    assert d.year and d.month and d.day
    try:
        return datetime.date(d.year, d.month, d.day)
    except ValueError:
        return None


def say(template: str, /, **variables: object) -> str:
    """Render the answer template ``prompts/<name>.txt`` (checked variables)."""
    return get_prompts().render(template, **variables).strip()


def sentence_case(upper: str, keep: str = "") -> str:
    """'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG' -> 'Ủy ban nhân dân thành phố Hải Phòng' (place from ``keep``)."""
    if not upper or any(c.islower() for c in upper):
        return upper
    low = upper.lower()
    if keep and keep.lower() in low:
        low = low.replace(keep.lower(), keep)
    return low[:1].upper() + low[1:]


# Heads of Vietnamese bodies' names, whose next word is capitalised ('Bộ Tài chính', 'Cục Thuế',
# 'Văn phòng Chính phủ'); the people's councils and committees are followed by a level ('tỉnh').
_BODY_HEADS = (
    "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "tổng cục", "chi cục", "văn phòng", "thanh tra",
    "bộ", "sở", "cục", "vụ", "ban", "kho bạc", "tòa án nhân dân", "viện kiểm sát nhân dân", "đài", "học viện",
)  # fmt: skip
_HEAD_FIRST_WORDS = frozenset(h.split()[0] for h in _BODY_HEADS)
_LEVELED = (
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "hội đồng nhân dân",
    "tòa án nhân dân",
    "viện kiểm sát nhân dân",
)


def body_case(upper: str, keep: str = "") -> str:
    """'BỘ TÀI CHÍNH CỤC THUẾ' -> 'Bộ Tài chính Cục Thuế', 'VĂN PHÒNG CHÍNH PHỦ' -> 'Văn phòng Chính
    phủ': a body's name in capitals written as Vietnamese writes it (heads and the word after them
    capitalised, the place from ``keep``); a name already in mixed case is left as it is."""
    low = sentence_case(upper, keep)
    if low == upper:
        return upper
    words = low.split(" ")
    folded = [w.lower() for w in words]
    i = 0
    while i < len(words):
        head = next(
            (
                h
                for h in sorted(_BODY_HEADS, key=len, reverse=True)
                if folded[i : i + len(h.split())] == h.split()
            ),
            None,
        )
        if head is None:
            i += 1
            continue
        n = len(head.split())
        words[i] = words[i][:1].upper() + words[i][1:]
        after = i + n
        if head not in _LEVELED and after < len(words):
            words[after] = words[after][:1].upper() + words[after][1:]
            # 'Giáo dục và Đào tạo', 'Văn hóa, Thể thao và Du lịch': each field of the name
            k = after + 1
            while k + 1 < len(words) and folded[k] not in _HEAD_FIRST_WORDS:
                if folded[k] == "và" or words[k].endswith(","):
                    words[k + 1] = words[k + 1][:1].upper() + words[k + 1][1:]
                k += 1
            after = k
        i = after
    out = " ".join(words)
    for name in ("Chính phủ", "Quốc hội", "Trung ương"):
        out = re.sub(rf"\b{name.lower()}\b", name, out)
    return out


def issuer_name(doc: Document) -> str:
    return body_case(doc.issuer, doc.place)


def doc_name(doc: Document) -> str:
    """'Công văn số 410/UBND-NCKTGS' or 'Kế hoạch (chưa ghi số, ký hiệu /KH-UBND)'."""
    kind = doc.doc_type or "Văn bản"
    if doc.number:
        return f"{kind} số {doc.number}"
    if doc.symbol:
        return f"{kind} (chưa ghi số, ký hiệu …/{doc.symbol})"
    return f"{kind} (tệp {doc.doc_id}, không đọc được số)"


_HEADER_PARTS = {
    TITLE: "phần tiêu đề",
    RECIPIENTS: "phần kính gửi",
    CC: "phần nơi nhận",
    SIGNATURE: "phần chữ ký",
}
_ARTICLE = re.compile(r"^(?P<pre>.+?, )?Điều (?P<art>\d+\w*)(?:\.(?P<clause>\d+))?(?:\.(?P<point>[a-zđ]))?$")


def part_name(label: str, title: str = "") -> str:
    """How an answer names a part of a document, in the document's own words: 'mục II.3',
    'khoản 1 Điều 2', 'điểm a khoản 2 Điều 4 (Quy chế kèm theo)', 'Phụ lục I', 'phần mở đầu'.
    The label itself (the citation's section) is left as it is."""
    if label in _HEADER_PARTS:
        return _HEADER_PARTS[label]
    if label == BASES:
        return "phần căn cứ" if title.lower().startswith("căn cứ") else "phần mở đầu"
    m = _ARTICLE.match(label)
    if m:
        name = f"Điều {m['art']}"
        if m["clause"]:
            name = f"khoản {m['clause']} {name}"
        if m["point"]:
            name = f"điểm {m['point']} {name}"
        return f"{name} ({m['pre'][:-2]})" if m["pre"] else name
    if not label or (label[0].isupper() and not re.match(r"^[IVXLCDM]+\b|^[A-Z](?:\.|$)", label)):
        return label  # 'Phụ lục I', 'Chương II', 'Quy chế kèm theo'
    return f"mục {label}"


def doc_long_name(doc: Document) -> str:
    """Name, date and issuer: what a report would write."""
    parts = [doc_name(doc)]
    if doc.date:
        parts.append(f"ngày {doc.date}" if doc.date.complete else str(doc.date))
    if doc.issuer:
        parts.append(f"của {issuer_name(doc)}")
    return " ".join(parts)


def bullet_list(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def short(text: str, limit: int = 240) -> str:
    """Cut a text at a word boundary, marking the cut."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def mentions(question: str, *words: str) -> bool:
    q = fold(question)
    return any(fold(w) in q for w in words)


def title_case(title: str) -> str:
    """'PHÓ CHỦ TỊCH' -> 'Phó Chủ tịch', 'CHỦ TỊCH' -> 'Chủ tịch' (the way titles are written in prose)."""
    words = title.lower().split()
    if not words:
        return title
    out = [words[0].capitalize()]
    for prev, w in itertools.pairwise(words):
        out.append(w.capitalize() if prev == "phó" else w)
    return " ".join(out)
