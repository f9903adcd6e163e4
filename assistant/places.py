"""Provinces and centrally-run cities of Việt Nam, for telling a question about a place the corpus
does not hold ('Điểm PCTN của Đà Nẵng?') from one it does. General geography, not corpus content:
the 63 provinces and cities before the 2025 merger (whose names the merged ones keep) and the usual
short forms."""

from __future__ import annotations

import functools
import re
import unicodedata

from assistant.text import fold

PROVINCES = tuple(
    [
        "Hà Nội",
        "Hồ Chí Minh",
        "Hải Phòng",
        "Đà Nẵng",
        "Cần Thơ",
        "Huế",
        "An Giang",
        "Bà Rịa - Vũng Tàu",
        "Vũng Tàu",
        "Bắc Giang",
        "Bắc Kạn",
        "Bạc Liêu",
        "Bắc Ninh",
        "Bến Tre",
        "Bình Định",
        "Bình Dương",
        "Bình Phước",
        "Bình Thuận",
        "Cà Mau",
        "Cao Bằng",
        "Đắk Lắk",
        "Đắk Nông",
        "Điện Biên",
        "Đồng Nai",
        "Đồng Tháp",
        "Gia Lai",
        "Hà Giang",
        "Hà Nam",
        "Hà Tĩnh",
        "Hải Dương",
        "Hậu Giang",
        "Hòa Bình",
        "Hưng Yên",
        "Khánh Hòa",
        "Kiên Giang",
        "Kon Tum",
        "Lai Châu",
        "Lâm Đồng",
        "Lạng Sơn",
        "Lào Cai",
        "Long An",
        "Nam Định",
        "Nghệ An",
        "Ninh Bình",
        "Ninh Thuận",
        "Phú Thọ",
        "Phú Yên",
        "Quảng Bình",
        "Quảng Nam",
        "Quảng Ngãi",
        "Quảng Ninh",
        "Quảng Trị",
        "Sóc Trăng",
        "Sơn La",
        "Tây Ninh",
        "Thái Bình",
        "Thái Nguyên",
        "Thanh Hóa",
        "Thừa Thiên Huế",
        "Tiền Giang",
        "Trà Vinh",
        "Tuyên Quang",
        "Vĩnh Long",
        "Vĩnh Phúc",
        "Yên Bái",
    ]
)
_SHORT = {"tp hcm": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh", "sai gon": "Hồ Chí Minh", "hcm": "Hồ Chí Minh"}
# before a place name: what makes a common word ('hòa bình', 'long an') a place
_PLACE_WORDS = r"(?:tinh|thanh pho|tp\.?|thu do|o|tai|cua|ve)"


def _strip_accents_keep_case(text: str) -> str:
    out = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in out if unicodedata.category(c) != "Mn")


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    out = []
    for name in PROVINCES:
        f = re.escape(fold(name)).replace(r"\ \-\ ", r"\s*-?\s*")
        cased = re.escape(_strip_accents_keep_case(name)).replace(r"\ \-\ ", r"\s*-?\s*")
        out.append((name, re.compile(rf"\b{_PLACE_WORDS} {f}\b"), re.compile(rf"\b{cased}\b")))
    return out


def named_places(question: str) -> list[str]:
    """The provinces or cities a question names: after 'tỉnh', 'thành phố', 'của', 'ở'..., or written
    with capitals ('Đà Nẵng', 'Da Nang'); 'hòa bình' in lower case is peace, not the province."""
    folded = fold(question)
    plain = _strip_accents_keep_case(question)
    found: list[str] = []
    for short, name in _SHORT.items():
        if re.search(rf"\b{re.escape(short)}\b", folded) and name not in found:
            found.append(name)
    for name, after_word, cased in _patterns():
        if (after_word.search(folded) or cased.search(plain)) and name not in found:
            found.append(name)
    # 'Thừa Thiên Huế' holds 'Huế', 'Bà Rịa - Vũng Tàu' holds 'Vũng Tàu': keep the longer name
    return [n for n in found if not any(n != m and fold(n) in fold(m) for m in found)]


# the whole country: a scope of its own, never a province's tables
NATIONWIDE = re.compile(r"\b(ca nuoc|toan quoc|tren toan quoc|ca nuoc ta)\b")


_UNIT_WORDS = ("thị xã", "thị trấn", "đặc khu", "thành phố", "huyện", "quận", "xã", "phường", "tỉnh")


def locality_name(local: str) -> str:
    """'huyện Thủy Nguyên' -> 'thuy nguyen': the name without its unit word, folded."""
    folded = fold(local)
    for unit in sorted((fold(u) for u in _UNIT_WORDS), key=len, reverse=True):
        if folded.startswith(unit + " "):
            return folded[len(unit) + 1 :]
    return folded


def named_localities(question: str) -> list[str]:
    """Localities a question names after an administrative unit word, written with capitals
    ('huyện Thủy Nguyên', 'đặc khu Bạch Long Vĩ', typed with or without accents), as written."""
    words = question.replace("?", " ").replace(",", " ").split()
    folded = [fold(w) for w in words]
    units = {tuple(fold(u).split()) for u in _UNIT_WORDS}
    out = []
    i = 0
    while i < len(words):
        unit = next(
            (u for u in sorted(units, key=len, reverse=True) if tuple(folded[i : i + len(u)]) == u), None
        )
        if unit is None:
            i += 1
            continue
        j = i + len(unit)
        name: list[str] = []
        while j < len(words) and len(name) < 4 and words[j][:1].isupper():
            name.append(words[j].strip(".;:!"))
            j += 1
        if name:
            out.append(" ".join([*words[i : i + len(unit)], *name]))
        i = max(j, i + 1)
    return out
