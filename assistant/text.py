"""Vietnamese text: NFC normalisation, accent folding, abbreviations and search tokens."""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """NFC-normalise, the form every stored and compared text uses."""
    return unicodedata.normalize("NFC", text)


def unify_lines(text: str) -> str:
    """NFC with every line end written ``\\n``: a document's text as it is parsed and hashed."""
    return nfc(text).replace("\r\n", "\n").replace("\r", "\n")


def text_hash(text: str) -> str:
    """The content hash of a document's text (``Document.content_hash``)."""
    return hashlib.sha256(unify_lines(text).encode("utf-8")).hexdigest()


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip."""
    return _SPACES.sub(" ", text).strip()


def plain(text: str) -> str:
    """Folded words only: punctuation as spaces, single-spaced ('Nhóm C, Phụ lục III?' -> 'nhom c phu luc iii')."""
    return squash(re.sub(r"[^\w\s]", " ", fold(text)))


_COMBINING = re.compile("[\u0300-\u036f]+")  # the marks Vietnamese uses, and most others
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=4096)
def _is_mark(c: str) -> bool:
    return unicodedata.category(c) == "Mn"


def _drop_mark(m: re.Match[str]) -> str:
    return "" if _is_mark(m.group(0)) else m.group(0)


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lowercase and remove diacritics (đ -> d): 'Sở Giáo dục' -> 'so giao duc'.

    Every nonspacing mark (Unicode category Mn) goes; cached, since the same chunk texts are
    folded again for every question that retrieves them.
    """
    low = text.lower()
    if low.isascii():
        return low
    text = _COMBINING.sub("", unicodedata.normalize("NFD", low).replace("đ", "d"))
    if not text.isascii():  # quotes, dashes, other scripts: drop what is still a mark
        text = _NON_ASCII.sub(_drop_mark, text)
    return unicodedata.normalize("NFC", text)


def accent_ratio(text: str) -> float:
    """Share of alphabetic syllables carrying a Vietnamese diacritic (0.0 for 'so giao duc')."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w]
    if not words:
        return 0.0
    marked = sum(1 for w in words if fold(w) != w.lower())
    return marked / len(words)


# Abbreviations officials type, with their expansions (folded, lowercase). One table, easy to extend:
# keys are matched as whole tokens on folded text; the "&" and "-" forms are listed as typed.
ABBREVIATIONS: dict[str, str] = {
    "pctn": "phong chong tham nhung",
    "tstn": "tai san thu nhap",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ub mttq": "uy ban mat tran to quoc",
    "tand": "toa an nhan dan",
    "vksnd": "vien kiem sat nhan dan",
    "vks": "vien kiem sat",
    "tp": "thanh pho",
    "tw": "trung uong",
    "cb": "can bo",
    "cc": "cong chuc",
    "vc": "vien chuc",
    "cbccvc": "can bo cong chuc vien chuc",
    "tn": "tham nhung",
    "gd&dt": "giao duc va dao tao",
    "gddt": "giao duc va dao tao",
    "gd-dt": "giao duc va dao tao",
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "tt-tt": "thong tin va truyen thong",
    "vh&tt": "van hoa va the thao",
    "vhtt": "van hoa va the thao",
    "vp": "van phong",
    "nd-cp": "nghi dinh chinh phu",
    "nq-cp": "nghi quyet chinh phu",
    "qd": "quyet dinh",
    "nd": "nghi dinh",
    "kh": "ke hoach",
    "cv": "cong van",
    "ttcp": "thanh tra chinh phu",
    "qh": "quoc hoi",
    "blds": "bo luat dan su",
    "blhs": "bo luat hinh su",
    "cqcm": "co quan chuyen mon",
    "dvsn": "don vi su nghiep",
    "cntt": "cong nghe thong tin",
    "ptth": "phat thanh truyen hinh",
    "thpt": "trung hoc pho thong",
    "thcs": "trung hoc co so",
    "ct": "chu tich",
    "pct": "pho chu tich",
    # Document kinds as they appear inside numbers (05-CT/TW: CT is Chỉ thị there, not Chủ tịch).
    "ct/tw": "chi thi trung uong",
    "nq/tw": "nghi quyet trung uong",
    "ct-ttg": "chi thi thu tuong chinh phu",
    "qd-ttg": "quyet dinh thu tuong chinh phu",
    "ttg": "thu tuong",
    "nq": "nghi quyet",
    "bc": "bao cao",
    "vbqppl": "van ban quy pham phap luat",
    "tthc": "thu tuc hanh chinh",
    "cchc": "cai cach hanh chinh",
    "dvc": "dich vu cong",
    "nsnn": "ngan sach nha nuoc",
    "kt-xh": "kinh te xa hoi",
    "ktxh": "kinh te xa hoi",
    "qp-an": "quoc phong an ninh",
    "qpan": "quoc phong an ninh",
    "antt": "an ninh trat tu",
    "bhxh": "bao hiem xa hoi",
    "bhyt": "bao hiem y te",
    "tttp": "thanh tra thanh pho",
    "cvp": "chanh van phong",
    "pcvp": "pho chanh van phong",
    "bcd": "ban chi dao",
    "dcsvn": "dang cong san viet nam",
    "tn&mt": "tai nguyen va moi truong",
    "tnmt": "tai nguyen va moi truong",
    "kh&dt": "ke hoach va dau tu",
    "khdt": "ke hoach va dau tu",
    "nn&ptnt": "nong nghiep va phat trien nong thon",
    "nnptnt": "nong nghiep va phat trien nong thon",
    "ld-tb&xh": "lao dong thuong binh va xa hoi",
    "ldtbxh": "lao dong thuong binh va xa hoi",
    "gtvt": "giao thong van tai",
    "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
}

# A document number: 130/2020/NĐ-CP, 05-CT/TW, 2666/TTCP-C.IV, 410/UBND-NCKTGS, 168/NQ-CP.
# Parts are bounded in number and length: unbounded, "1/" typed 2,000 times made every start
# try every split (0.25 s for one message).
DOC_NUMBER = re.compile(
    r"\b\d{1,5}(?:[-/][0-9A-Za-zĐđ.]{1,24}){0,5}[-/][A-ZĐ][0-9A-Za-zĐđ.]{0,24}(?:[-/][0-9A-Za-zĐđ.]{1,24}){0,5}",
)
# The same, typed in any case ('130/2020/nđ-cp'), for search: the letter part needs two characters
# and may not run on into a word, so '20/ngày' or 'Điều 5-a' are not taken for numbers.
_DOC_NUMBER_ANY_CASE = re.compile(
    r"\b\d{1,5}(?:[-/][0-9A-ZĐ.]{1,24}){0,5}[-/][A-ZĐ][0-9A-ZĐ.]{0,24}[0-9A-ZĐ](?:[-/][0-9A-ZĐ.]{1,24}){0,5}(?![^\W_])",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[0-9a-z]+(?:[&][0-9a-z]+)*")


_ABBR_RE = re.compile(
    r"(?<![0-9a-z&])("
    + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![0-9a-z&])"
)


def without_doc_numbers(text: str) -> str:
    """``text`` with the documents' numbers it holds blanked out ('Thông tư 44/2025/TT-NHNN' -> 'Thông
    tư  '): their symbols ('NHNN') name no agency and no initialism."""
    return _DOC_NUMBER_ANY_CASE.sub(" ", nfc(text))


def spell_abbreviations(folded: str) -> str:
    """Each abbreviation in folded text replaced by its expansion ('truong thcs cau giay' ->
    'truong trung hoc co so cau giay'): names matched whole against what the documents write."""
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], folded)


def written_as(text: str, folded_words: list[str]) -> str:
    """The words of ``text`` that fold to ``folded_words``, as ``text`` writes them; '' if none do."""
    words = re.findall(r"[^\W_]+", text)
    keys = [fold(w) for w in words]
    size = len(folded_words)
    for i in range(len(keys) - size + 1):
        if keys[i : i + size] == folded_words:
            return " ".join(words[i : i + size])
    return ""


def expand_abbreviations(folded: str) -> str:
    """Append the expansion after each abbreviation found in folded text (keeps the abbreviation)."""
    return _ABBR_RE.sub(lambda m: f"{m.group(1)} {ABBREVIATIONS[m.group(1)]}", folded)


def doc_numbers(text: str) -> list[str]:
    """Document numbers in a text, folded and uppercased so '130/2020/nđ-cp' == '130/2020/NĐ-CP'."""
    return [fold(m.group(0)).upper().rstrip(".") for m in _DOC_NUMBER_ANY_CASE.finditer(nfc(text))]


def syllables(text: str) -> list[str]:
    """Folded syllables of a text, abbreviations expanded ('Sở GD&ĐT' -> so gd&dt giao duc va dao tao)."""
    return list(_syllables(text))


@functools.lru_cache(maxsize=8192)
def _syllables(text: str) -> tuple[str, ...]:
    # cached: answers split the same retrieved chunks into sentences and words for every question
    return tuple(_TOKEN.findall(expand_abbreviations(fold(nfc(text)))))


def search_tokens(text: str) -> list[str]:
    """BM25 terms: folded syllables, their bigrams, and whole document numbers."""
    sy = syllables(text)
    tokens = list(sy)
    tokens.extend(f"{a}_{b}" for a, b in itertools.pairwise(sy))
    tokens.extend("#" + n for n in doc_numbers(text))
    return tokens


def parse_decimal(raw: str) -> Decimal | None:
    """A Vietnamese number ('2,49', '43,0', '1.500,5') as an exact Decimal, or None."""
    s = raw.strip().replace("\u00a0", "").replace(" ", "")
    if not s:
        return None
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def format_decimal(value: Decimal, places: int | None = None) -> str:
    """Write a number the Vietnamese way: 2,49; 73,67; 43 (thousands with '.')."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    else:
        value = value.normalize()
        if value == value.to_integral():
            value = value.quantize(Decimal(1))
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return sign + out + ("," + frac if frac else "")


_ROMAN_STEPS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
ROMAN_VALUES = {sym: value for value, sym in _ROMAN_STEPS if len(sym) == 1}


def int_to_roman(n: int) -> str:
    """3 -> 'III', 14 -> 'XIV'; outside 1..3999 the number stays in digits."""
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in _ROMAN_STEPS:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)
