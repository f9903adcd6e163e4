"""Which agency was given which task, and the tasks that apply to every recipient.

A directive assigns work in numbered items addressed to a named body. The constructs read here:

* the item's title is the addressee, the body the task: ``4. Sở Nội vụ``;
* an addressing verb and the addressees: ``2.2. Giao Văn phòng HĐND và UBND đặc khu:``;
  ``11. Đề nghị Viện Kiểm sát nhân dân thành phố, Tòa án nhân dân thành phố, ... và các cơ quan
  liên quan`` (one assignment per body named, the same task); lists split by ``,``, ``;``, ``và``;
* the addressee inside a sentence, the rest of it being the task:
  ``2.3. Giao phòng Văn hóa-Xã hội đăng tải kế hoạch này ...``;
  ``5. Sở Y tế chủ trì, phối hợp ...``; ``2.1. Các cơ quan chuyên môn, ..., căn cứ chức năng ...``;
* laws: ``Điều 5. Trách nhiệm của Bộ Công an`` and ``Thanh tra Chính phủ có trách nhiệm ...``;
* the same constructs in the paragraphs of an item that has no addressee of its own
  (``- Giao Sở Kế hoạch và Đầu tư tổng hợp ...`` under ``III. Tổ chức thực hiện``).

Items with no addressee under a heading that announces tasks (``Nhiệm vụ chung``, ``Các nhóm
nhiệm vụ, giải pháp``, ``Lộ trình thực hiện``) are general tasks: they apply to every recipient.

:class:`AgencyDirectory` resolves what users type (abbreviations, missing accents, partial names,
levels such as ``thành phố`` / ``khu vực 4``) to the agencies that were actually given a task;
a name that appears in no assignment resolves to nothing. Pure module: no I/O, no index.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.documents import clean_line
from assistant.model import Document, Section
from assistant.text import fold, nfc, squash

ALL_RECIPIENTS = "tất cả các cơ quan, đơn vị"

# --- the alias table (one place; folded keys, folded expansions) ---------------------------------
#
# What users type for an agency, as whole tokens of folded text (accents removed, lowercase).
# ``&`` and ``-`` forms are listed as typed: the tokenizer keeps ``gd&dt`` and ``gd-dt`` whole
# (spaces around ``&`` are removed first). Extend here; nothing else needs to change.
AGENCY_ALIASES: dict[str, str] = {
    # councils, committees, courts, procuracy
    "ubnd": "uy ban nhan dan",
    # military commands and the national broadcasters, as officials shorten them
    "bchqs": "bo chi huy quan su",
    "bch": "ban chi huy",
    "thvn": "truyen hinh viet nam",
    "tnvn": "tieng noi viet nam",
    "ttxvn": "thong tan xa viet nam",
    "vtv": "dai truyen hinh viet nam",
    "vov": "dai tieng noi viet nam",
    "ub": "uy ban",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "tand": "toa an nhan dan",
    "tandtc": "toa an nhan dan toi cao",
    "vksnd": "vien kiem sat nhan dan",
    "vksndtc": "vien kiem sat nhan dan toi cao",
    "vks": "vien kiem sat",
    "thads": "thi hanh an dan su",
    "ttcp": "thanh tra chinh phu",
    "tttp": "thanh tra thanh pho",
    "qh": "quoc hoi",
    "dbqh": "dai bieu quoc hoi",
    "cp": "chinh phu",
    # offices and roles
    "vp": "van phong",
    "vpub": "van phong uy ban",
    "ct": "chu tich",
    "pct": "pho chu tich",
    "cqcm": "co quan chuyen mon",
    "dvsn": "don vi su nghiep",
    # levels
    "tp": "thanh pho",
    "tw": "trung uong",
    # departments (Sở ...)
    "gd&dt": "giao duc va dao tao",
    "gddt": "giao duc va dao tao",
    "gd-dt": "giao duc va dao tao",
    "gd": "giao duc",
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "tt-tt": "thong tin va truyen thong",
    "vh&tt": "van hoa va the thao",
    "vhtt": "van hoa va the thao",
    "vh-tt": "van hoa va the thao",
    "vhttdl": "van hoa the thao va du lich",
    "vhtt&dl": "van hoa the thao va du lich",
    "vh-xh": "van hoa xa hoi",
    "vh&xh": "van hoa xa hoi",
    "vhxh": "van hoa xa hoi",
    "kh&dt": "ke hoach va dau tu",
    "khdt": "ke hoach va dau tu",
    "kh-dt": "ke hoach va dau tu",
    "tn&mt": "tai nguyen va moi truong",
    "tnmt": "tai nguyen va moi truong",
    "tn-mt": "tai nguyen va moi truong",
    "nn&mt": "nong nghiep va moi truong",
    "nnmt": "nong nghiep va moi truong",
    "nn-mt": "nong nghiep va moi truong",
    "nn&ptnt": "nong nghiep va phat trien nong thon",
    "nnptnt": "nong nghiep va phat trien nong thon",
    "ldtb&xh": "lao dong thuong binh va xa hoi",
    "ldtbxh": "lao dong thuong binh va xa hoi",
    "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "gtvt": "giao thong van tai",
    "xd": "xay dung",
    "ptth": "phat thanh truyen hinh",
    "pt&th": "phat thanh va truyen hinh",
    "pt-th": "phat thanh va truyen hinh",
    "qs": "quan su",  # Bộ Chỉ huy QS tỉnh, Ban Chỉ huy QS xã
    "qsnd": "quan su nhan dan",
    # other bodies
    "bhxh": "bao hiem xa hoi",
    "kbnn": "kho bac nha nuoc",
    "nhnn": "ngan hang nha nuoc",
    "ldld": "lien doan lao dong",
    "hlhpn": "hoi lien hiep phu nu",
    "hnd": "hoi nong dan",
    "hccb": "hoi cuu chien binh",
    "ktnn": "kiem toan nha nuoc",
}

# Two letters after 'Sở' / 'Bộ' that name the department ('Sở TC Bắc Ninh', 'Sở NV', 'Bộ QP'); only
# there: alone, 'tc' and 'nv' are other words.
DEPARTMENT_ABBREVIATIONS: dict[str, str] = {
    "tc": "tai chinh",
    "nv": "noi vu",
    "tp": "tu phap",
    "yt": "y te",
    "xd": "xay dung",
    "ct": "cong thuong",
    "gd": "giao duc",
    "nn": "nong nghiep",
    "qp": "quoc phong",
    "ca": "cong an",
    "ng": "ngoai giao",
    "kh": "ke hoach",
}

# Abbreviations that are also ordinary words once folded ('cả' -> 'ca'): expanded only as typed,
# in capitals, before folding.
CASE_SENSITIVE_ALIASES: dict[str, str] = {
    "CA": "Công an",
}


def _words(spec: str) -> tuple[str, ...]:
    """'thực hiện|tham gia' -> ('thực hiện', 'tham gia'): word lists kept compact and editable."""
    return tuple(w.strip() for w in spec.split("|") if w.strip())


# --- vocabulary of the extractor (written as in documents; compared in canonical form) ----------

# Words that begin an agency's name. strict: only when followed by a capitalised word, an
# abbreviation, a number or a level word ('Ban hành', 'Phòng, chống', 'Báo cáo', 'Hội nghị' are
# not agencies; 'Thanh tra thành phố', 'Ban Tiếp Công dân' are).
_HEADS: dict[str, bool] = {
    "sở": True,
    "thanh tra": True,
    "văn phòng": False,
    "vp": False,
    "phòng": True,
    "ban": True,
    "ủy ban": False,
    "ub": False,
    "ubnd": False,
    "hđnd": False,
    "hội đồng": False,
    "đài": True,
    "tòa án": False,
    "tand": False,
    "viện kiểm sát": False,
    "vksnd": False,
    "viện": True,
    "học viện": True,
    "công an": False,
    "cục": False,
    "chi cục": False,
    "tổng cục": False,
    "trung tâm": False,
    "bộ": True,
    "bộ chỉ huy": False,
    "ban chỉ huy": False,
    "đảng ủy": False,
    "đảng bộ": False,
    "thành ủy": False,
    "tỉnh ủy": False,
    "huyện ủy": False,
    "quận ủy": False,
    "thường trực": True,
    "mặt trận": False,
    "mttq": False,
    "báo": True,
    "hội": True,
    "liên đoàn": False,
    "liên minh": False,
    "đoàn": True,
    "kho bạc": False,
    "bảo hiểm xã hội": False,
    "bhxh": False,
    "ngân hàng": False,
    "chính phủ": False,
    "thủ tướng": False,
    "quốc hội": False,
    "kiểm toán nhà nước": False,
    "vụ": True,
    "chi nhánh": True,
    "trường": True,
    "bệnh viện": True,
    "trạm": True,  # Trạm Y tế xã, Trạm Khuyến nông
    "đội": True,  # Đội Quản lý thị trường
    "hải quan": True,
    "thông tấn xã": False,
    "thuế": True,  # Thuế tỉnh ..., Thuế cơ sở 3
    "cảnh sát": True,
    "bộ đội": True,
    "hạt kiểm lâm": False,
    "tổng công ty": True,
    "công ty": True,
    # people who head bodies ('Thủ trưởng các Sở, ban, ngành', 'Chủ tịch Ủy ban nhân dân các quận')
    "thủ trưởng": False,
    "chủ tịch": False,
    "giám đốc": False,
    "người đứng đầu": False,
    "trưởng": True,
    "bí thư": False,
    "chánh văn phòng": False,
    "chánh thanh tra": False,
    "chánh án": False,
    "vụ trưởng": False,
    "viện trưởng": False,
    "cục trưởng": False,
    "chi cục trưởng": False,
    "bộ trưởng": False,
    "tổng giám đốc": False,
    "hiệu trưởng": False,
    "trưởng ban": False,
    "trưởng phòng": False,
}

# Heads after which a lowercase word is still part of the name ('Ban chỉ đạo', 'Ban quản lý',
# 'Hội đồng phối hợp', 'Ủy ban kiểm tra'): the first word after them is never read as the task.
_EXEMPT_HEADS = {"ban", "trung tâm", "cục", "chi cục", "tổng cục", "hội đồng", "ủy ban", "ub"}

# Councils that share one office ('Văn phòng HĐND và UBND đặc khu').
_COUNCILS = ("hđnd", "ubnd", "hội đồng nhân dân", "ủy ban nhân dân", "đoàn đbqh", "đoàn đại biểu quốc hội")

# Level words: what may follow a strict head ('Thanh tra thành phố') and what tells bodies apart.
_LEVEL_WORDS = _words(
    "nhân dân|thành phố|tỉnh|huyện|quận|xã|phường|thị xã|thị trấn|đặc khu|khu vực|trung ương|cấp|"
    "nhà nước|chính phủ|tối cao"
)

# Nouns that make 'các ...' a group of addressees ('các cơ quan chuyên môn', 'các Sở, ban, ngành').
_ORGAN_NOUNS = _words(
    "cơ quan|đơn vị|sở|ban|ngành|phòng|địa phương|tổ chức|doanh nghiệp|xã|phường|quận|huyện|hội|đoàn thể|"
    "trường|bộ|cơ sở|hợp tác xã|lực lượng|cấp ủy|chi bộ|thôn|tổ dân phố|ủy ban|cấp|đảng ủy|nhân dân|"
    "cán bộ"
)

# Words that say nothing about which body: a group made only of them is not an agency
# ('các cơ quan liên quan', 'các cơ quan, đơn vị đóng trên địa bàn').
_GENERIC_GROUP_WORDS = frozenset(
    re.findall(
        r"\w+",
        "cac co quan don vi to chuc dia phuong nganh cap lien tat ca toan the va thuoc tren ban "
        "dong nhung khac huu nhan dan",
    )
)

# Words that begin the task once the addressees are named (lowercase in the text).
_TASK_VERBS = _words(
    "thực hiện|thực thi|nghiêm túc|nghiêm|tham gia|đăng tải|đăng|chủ trì|phối hợp|tổ chức|triển khai|"
    "xây dựng|tham mưu|theo dõi|hướng dẫn|báo cáo|căn cứ|tăng cường|đẩy mạnh|tiếp tục|chủ động|rà soát|"
    "ban hành|đôn đốc|cung cấp|bố trí|nghiên cứu|đề xuất|quan tâm|công bố|phổ biến|tuyên truyền|giám sát|"
    "kiểm tra|có trách nhiệm|chịu trách nhiệm|khẩn trương|kịp thời|thường xuyên|cập nhật|gửi|tổng hợp|"
    "lập|trình|hoàn thành|bảo đảm|đảm bảo|thẩm định|thu hồi|xử lý|giải quyết|tiếp nhận|thống kê|đánh giá|"
    "phê duyệt|nâng cao|hỗ trợ|vận động|sơ kết|tổng kết|là|được|làm|với vai trò|chỉ đạo|quản lý|quy định|"
    "thống nhất|tích cực|quyết liệt|định kỳ|hằng năm|hàng năm|tập trung|phát huy|chuẩn bị|thành lập|"
    "kiện toàn|phân công|cần|phải|có|sớm|giao|đề nghị|yêu cầu|kiến nghị|để|nhằm|trong|theo|xét xử|"
    "điều tra|truy tố|thanh tra|kiểm soát|khắc phục|chấn chỉnh|quán triệt|lãnh đạo|phát hiện|ngăn chặn|"
    "bảo vệ|duy trì|thu thập|soạn thảo|biên soạn|giảng dạy|lồng ghép|đổi mới|khuyến khích|xác minh|"
    "kê khai|công khai|cải cách|ứng dụng|rút kinh nghiệm|tiếp thu|góp ý|tham gia ý kiến|cho ý kiến|"
    "quyết định|ra quyết định|phân cấp|ủy quyền|uỷ quyền|cấp giấy|cấp giấy phép|cấp phép|cấp chứng chỉ|"
    "cấp chứng nhận|ký|cử|trao đổi|thẩm tra|chấp thuận|mở|thông báo|trả lời|xin|phát động|hoàn thiện|"
    "vận hành|kết nối|chia sẻ|bồi dưỡng|tập huấn|đồng bộ|số hóa|giải ngân|bàn giao|tiếp tục|nêu|"
    "xem xét|tiến hành|cân đối"
)

# A one-syllable verb that is the second half of a noun with the word before it.
_COMPOUND_NOUNS = {
    tuple(x.split())
    for x in _words(
        "việc làm|đăng ký|bầu cử|ứng cử|đề cử|đắc cử|tuyển cử|ủy quyền|uỷ quyền|mở cửa|chương trình|công trình|"
        "quy trình|lộ trình|hành trình|tờ trình|giao dịch|giao thông|giao lưu|lập pháp|lập trình"
    )
}

# 'tổ chức' is a noun before these words ('các tổ chức thành viên, tổ chức xã hội - nghề nghiệp').
_NOUN_AFTER_TO_CHUC = _words(
    "xã hội|thành viên|chính trị|đoàn thể|liên quan|cá nhân|kinh tế|quốc tế|nước ngoài|tín dụng|"
    "phi chính phủ|hành nghề|khác"
)

# Verbs that address the bodies named after them, as written at the start of an item.
_ADDRESS_VERBS = {
    "giao cho": "Giao",
    "giao": "Giao",
    "đề nghị": "Đề nghị",
    "kiến nghị": "Kiến nghị",
    "yêu cầu": "Yêu cầu",
    "chủ trì": "Chủ trì",  # only as 'Chủ trì: Sở ...'
}

# Law headings that name the body whose duties follow: 'Trách nhiệm của Bộ Công an'.
_DUTY_TITLE = re.compile(
    r"^(?:Trách nhiệm|Nhiệm vụ(?:,| và)? quyền hạn|Nhiệm vụ|Quyền hạn(?: và trách nhiệm)?|"
    r"Quyền và nghĩa vụ|Trách nhiệm thi hành)\s+(?:(?:của|đối với)\s+)?(?P<who>.+)$",
    re.IGNORECASE,
)

# The closing formula at the end of a directive: 'Ủy ban nhân dân thành phố yêu cầu Thủ trưởng
# các cơ quan, đơn vị nghiêm túc tổ chức, triển khai, thực hiện./.'
_CLOSING = re.compile(
    r"^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Trên đây|Yêu cầu|Đề nghị|Nhận được|Trong quá trình)\b.*\./\.?\s*$"
)

# Headings that announce tasks / that announce something else (viewpoints, objectives, scope).
_TASK_HEADINGS = _words("nhiem vu|giai phap|to chuc thuc hien|lo trinh|cong viec|trien khai thuc hien")
_TIMELINE_HEADINGS = ("lo trinh", "tien do thuc hien")
_TIMELINE_STARTS = ("giai doan", "tien do", "thoi gian thuc hien", "thoi han")
_NON_TASK_HEADINGS = _words(
    "quan diem|muc tieu|muc dich|yeu cau|pham vi|doi tuong|can cu|giai thich|nguyen tac|tinh hinh|"
    "ket qua|danh gia"
)

# --- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    """One task given to one agency by one item (or paragraph) of a document."""

    agency: str  # display name as written: 'Sở Giáo dục và Đào tạo'
    agency_key: str  # folded, abbreviations expanded: 'so giao duc va dao tao'
    doc: str
    section: str  # label: 'II.10', 'III.2.4'
    title: str  # the section's title as written
    task: str  # the task, cleaned (addressing words and closing formula removed)
    line_start: int
    line_end: int
    verb: str = ""  # '' | 'Giao' | 'Đề nghị' | 'Kiến nghị' | 'Yêu cầu' | 'Chủ trì'
    shared_with: list[str] = field(default_factory=list)  # other agencies named in the same item
    others: list[str] = field(default_factory=list)  # unnamed groups addressed too ('các cơ quan liên quan')
    # bodies the agency works with, never assignees themselves: 'Sở X chủ trì, phối hợp với Sở Nội vụ',
    # 'Cơ quan phối hợp: Sở Nội vụ, ...'
    partners: list[str] = field(default_factory=list)
    role: str = (
        ""  # '' | 'chủ trì' ('Cơ quan chủ trì: X', 'X chủ trì, ...') | 'thực hiện' ('Cơ quan thực hiện: X')
    )


@dataclass(frozen=True)
class GeneralTask:
    """A task with no named agency: it applies to every recipient of the document."""

    doc: str
    section: str
    title: str
    text: str
    line_start: int
    line_end: int
    applies_to: list[str]
    kind: str = "nhiệm vụ"  # 'nhiệm vụ' | 'lộ trình' (a phase of the roadmap)


@dataclass(frozen=True)
class Match:
    agency: str
    agency_key: str
    score: float
    how: str  # exact | alias | prefix | contains | partial | place-free | level-free | in-text


def assignment_to_dict(a: Assignment) -> dict[str, Any]:
    return {
        "agency": a.agency,
        "agency_key": a.agency_key,
        "doc": a.doc,
        "section": a.section,
        "title": a.title,
        "task": a.task,
        "line_start": a.line_start,
        "line_end": a.line_end,
        "verb": a.verb,
        "shared_with": list(a.shared_with),
        "others": list(a.others),
        "partners": list(a.partners),
        "role": a.role,
    }


def general_task_to_dict(g: GeneralTask) -> dict[str, Any]:
    return {
        "doc": g.doc,
        "section": g.section,
        "title": g.title,
        "text": g.text,
        "line_start": g.line_start,
        "line_end": g.line_end,
        "applies_to": list(g.applies_to),
        "kind": g.kind,
    }


# --- canonical form for comparing written words ------------------------------------------------

_TONE_CANON = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(_TONE_CANON))


def _canon(s: str) -> str:
    """Lowercase NFC with one tone placement ('Uỷ' == 'Ủy', 'hoá' == 'hóa'); accents kept."""
    return _TONE_RE.sub(lambda m: _TONE_CANON[m.group(0)], nfc(s).lower())


def _phrases(words: Iterable[str]) -> list[tuple[str, ...]]:
    return sorted({tuple(_canon(w).split()) for w in words}, key=len, reverse=True)


_HEAD_PHRASES = _phrases(_HEADS)
_HEAD_STRICT = {tuple(_canon(k).split()): v for k, v in _HEADS.items()}
_EXEMPT = {tuple(_canon(k).split()) for k in _EXEMPT_HEADS}
_COUNCIL_PHRASES = _phrases(_COUNCILS)
_LEVEL_PHRASES = _phrases(_LEVEL_WORDS)
_ORGAN_PHRASES = _phrases(_ORGAN_NOUNS)
_VERB_PHRASES = _phrases(_TASK_VERBS)
_NOUN_AFTER = _phrases(_NOUN_AFTER_TO_CHUC)
_ADDRESS = {tuple(_canon(k).split()): v for k, v in _ADDRESS_VERBS.items()}
_ADDRESS_PHRASES = sorted(_ADDRESS, key=len, reverse=True)
_ALL_PHRASES = _phrases(("tất cả", "toàn thể"))
# How a sentence after a topic's colon states a duty ('Về kinh phí: Bộ Tài chính chủ trì, ...').
_DUTY_STARTS = _phrases(
    (
        "chủ trì",
        "có trách nhiệm",
        "chịu trách nhiệm",
        "tham mưu",
        "thực hiện",
        "tiếp tục",
        "khẩn trương",
        "triển khai",
    )
)
# Verbs of a body speaking, not being tasked: the issuer announcing or answering.
_REPORTING = _phrases(("thông báo", "xin thông báo", "trả lời", "xin trả lời", "xin"))
# Verbs that end a name even right after a head ('Cục là đơn vị ...', 'Ban có trách nhiệm ...').
_NEVER_NAME = _phrases(
    ("là", "có", "được", "phải", "cần", "chủ trì", "phối hợp", "thực hiện", "chịu", "tham mưu")
)
# A name cut before a verb keeps no trailing 'và' / 'các' ('Chủ tịch Ủy ban nhân dân các cấp và
# tổ chức, cá nhân ... chịu trách nhiệm').
_TRAILING_FUNCTION = re.compile(
    r"(?:[\s,]+(?:và|cùng|các|của|với|cho|những|đến|tới|đến việc|tới việc|đã|đang|sẽ|hoặc|nêu trên|nói trên|trên đây))+$",
    re.IGNORECASE,
)
_BARE_GROUP_PHRASES = _phrases(("cơ quan", "đơn vị", "tổ chức", "doanh nghiệp"))
_GENERIC_WORDS_CANON = frozenset(_canon(w) for w in _words("có|liên|quan|đóng|trên|thuộc|khác|và"))

# --- tokens of a written sentence --------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    raw: str
    canon: str
    start: int
    end: int

    @property
    def word(self) -> bool:
        return self.raw[:1].isalnum()

    @property
    def cap(self) -> bool:
        return self.raw[:1].isupper() or self.raw[:1].isdigit()


_TOKEN = re.compile(r"\w+(?:&\w+)*|[^\w\s]")


def _tokens(s: str) -> list[_Tok]:
    return [_Tok(m.group(0), _canon(m.group(0)), m.start(), m.end()) for m in _TOKEN.finditer(s)]


def _at(toks: Sequence[_Tok], i: int, phrases: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The longest phrase of ``phrases`` whose words are the tokens at ``i``."""
    for p in phrases:
        if i + len(p) <= len(toks) and all(toks[i + k].canon == w for k, w in enumerate(p)):
            return p
    return None


def _is_abbrev(t: _Tok) -> bool:
    letters = [c for c in t.raw if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _head_len(toks: Sequence[_Tok], i: int, lowercase_ok: bool) -> int:
    """Length of an agency head at ``i`` ('Sở', 'Viện kiểm sát', 'Chủ tịch'), 0 if none."""
    if i >= len(toks) or not toks[i].word:
        return 0
    if toks[i].canon == _canon("phó") and (toks[i].cap or lowercase_ok):
        # a deputy is the title he deputises for: 'Phó Chủ tịch Ủy ban nhân dân tỉnh', 'Phó Thủ
        # tướng Chính phủ', 'Phó Giám đốc Sở Y tế' (Nghị định 30/2020: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH')
        inner = _head_len(toks, i + 1, True)
        return 1 + inner if inner and _is_person_head(toks, i + 1) else 0
    p = _at(toks, i, _HEAD_PHRASES)
    if p is None:
        return 0
    capitalised = toks[i].cap
    if not capitalised and not lowercase_ok:
        return 0
    if _HEAD_STRICT[p] or not capitalised:
        k = i + len(p)
        if k >= len(toks):
            return 0
        nxt = toks[k]
        if not (nxt.word and (nxt.cap or _is_abbrev(nxt) or _at(toks, k, _LEVEL_PHRASES))):
            return 0
    return len(p)


# Heads that name a person by the office held ('Chủ tịch', 'Thủ tướng', 'Giám đốc'): a deputy may hold
# them ('Phó Chủ tịch'), never a body ('Phó Sở' is no name).
_PERSON_HEADS = frozenset(
    tuple(_canon(w) for w in h.split())
    for h in (
        "chủ tịch", "thủ tướng", "giám đốc", "tổng giám đốc", "bí thư", "chánh văn phòng", "chánh thanh tra",
        "chánh án", "vụ trưởng", "viện trưởng", "cục trưởng", "chi cục trưởng", "bộ trưởng", "hiệu trưởng",
        "trưởng ban", "trưởng phòng", "trưởng", "thủ trưởng",
    )
)  # fmt: skip


def _is_person_head(toks: Sequence[_Tok], i: int) -> bool:
    p = _at(toks, i, _HEAD_PHRASES)
    return p is not None and p in _PERSON_HEADS


def _group_len(toks: Sequence[_Tok], i: int) -> int:
    """Length of 'các cơ quan', 'tất cả các đơn vị', 'toàn thể Nhân dân' at ``i``, 0 if none."""
    j = i
    if _at(toks, j, _ALL_PHRASES):
        j += 2
    if j < len(toks) and toks[j].canon in {"các", "những"}:
        j += 1
    elif j == i:
        return 0
    p = _at(toks, j, _ORGAN_PHRASES)
    if p == ("trường",) and _at(toks, j + 1, [("hợp",)]):
        return 0  # 'các trường hợp': cases, not schools
    return j + len(p) - i if p else 0


def _verb_at(toks: Sequence[_Tok], i: int) -> bool:
    """A lowercase task verb at ``i`` ('đăng tải', 'nghiêm túc', 'tham gia')."""
    if i >= len(toks) or not toks[i].word or toks[i].cap:
        return False
    p = _at(toks, i, _VERB_PHRASES)
    if p is None or (len(p) == 1 and i > 0 and (toks[i - 1].canon, p[0]) in _COMPOUND_NOUNS):
        return False  # 'việc làm', 'Cục Đăng ký ...', 'Hội đồng bầu cử': part of a noun
    if len(p) == 1 and i + 1 < len(toks) and (p[0], toks[i + 1].canon) in _COMPOUND_NOUNS:
        return False  # 'giao dịch', 'giao thông': a noun that begins like a verb
    if p == ("có",) and _at(toks, i + 1, [("liên", "quan")]):
        return False  # 'các cơ quan, đơn vị có liên quan': part of the group
    if p == ("tổ", "chức") and i >= 2 and toks[i - 1].raw == "," and toks[i - 2].canon in {"quan", "vị"}:
        return False  # 'cơ quan, tổ chức', 'đơn vị, tổ chức': the noun
    return not (p == ("tổ", "chức") and _at(toks, i + 2, _NOUN_AFTER))


def _after_exempt_head(toks: Sequence[_Tok], j: int) -> bool:
    """The word at ``j`` follows a capitalised head after which lowercase words still name the body
    ('Văn phòng Ban chỉ đạo ...', 'Hội đồng thẩm định')."""
    for p in _EXEMPT:
        k = j - len(p)
        if k >= 0 and toks[k].cap and all(toks[k + m].canon == w for m, w in enumerate(p)):
            return True
    return False


def _joint_office(toks: Sequence[_Tok], seg: list[int], k: int) -> bool:
    """'Văn phòng HĐND và UBND': the 'và' joins two councils of one office, not two agencies."""
    first = toks[seg[1]].canon
    if first not in {"văn", "vp"}:
        return False
    head = _at(toks, seg[1], [("văn", "phòng"), ("vp",)])
    if head is None:
        return False
    j = seg[1] + len(head)
    while j <= seg[2]:
        p = _at(toks, j, _COUNCIL_PHRASES)
        if p is None:
            return False
        j += len(p)
    return _at(toks, k, _COUNCIL_PHRASES) is not None


@dataclass
class _Parsed:
    names: list[str]
    groups: list[tuple[str, bool]]  # (group, named after an agency: 'X, Y và các cơ quan liên quan')
    rest: str  # the text after the addressees (the task), as written
    stop: str  # verb | colon | period | end


# Heads a plural group gives to each name of the list after its colon ('Các Bộ: Quốc phòng, Công
# an' = Bộ Quốc phòng, Bộ Công an), and names that hold a comma of their own.
_SPREAD_HEADS = frozenset(("bộ", "sở", "ban", "cục", "vụ", "tổng cục", "đài", "hội", "tỉnh", "thành phố"))
_COMMA_NAMES = (("văn hóa", "thể thao và du lịch"), ("văn hóa", "thể thao"), ("văn hóa", "thông tin"))


def _distributed(toks: Sequence[_Tok], seg: list[Any], j: int) -> tuple[list[str], int] | None:
    """The names of 'Các <head>: A, B và C, D <verb> ...' read from token ``j`` (after the colon),
    each with the head, and the index of the token where the task begins; None when what follows
    the colon is not such a list (a list of tasks: 'Các Sở: - Tuyên truyền ...')."""
    words = [toks[k].canon for k in range(seg[1], seg[2] + 1)]
    head = " ".join(words[1:])
    if len(words) < 2 or words[0] not in {"các", "những"} or head not in _SPREAD_HEADS:
        return None
    shown = " ".join(toks[k].raw for k in range(seg[1] + 1, seg[2] + 1))
    shown = shown[:1].upper() + shown[1:]
    items: list[list[str]] = [[]]
    k = j
    while k < len(toks):
        t = toks[k]
        if t.raw == ",":
            if not items[-1]:
                return None
            items.append([])
        elif t.raw == "-" and items[-1]:
            items[-1].append(t.raw)  # 'Lao động - Thương binh và Xã hội'
        elif not t.word or (items[-1] and _verb_at(toks, k)):
            break
        elif not items[-1] and not t.cap:
            return None  # 'Các Sở: tuyên truyền ...': a task, not a name
        else:
            items[-1].append(t.raw)
        k += 1
    names = [" ".join(w) for w in items if w]
    if not names or len(names) != len(items):
        return None
    joined: list[str] = []
    for name in names:
        if joined and (joined[-1].lower(), name.lower()) in _COMMA_NAMES:
            joined[-1] = f"{joined[-1]}, {name}"
        else:
            joined.append(name)
    return [f"{shown} {name}" for name in joined], k


def _parse_addressees(s: str, toks: list[_Tok], i: int, after_verb: bool) -> _Parsed | None:
    """Read the bodies named from token ``i`` on; None when no body is named there."""
    n = len(toks)
    segs: list[list[Any]] = []  # [kind, first token, last token, exempt index]
    parens: list[tuple[int, int]] = []

    def start(j: int, lowercase_ok: bool) -> list[Any] | None:
        h = _head_len(toks, j, lowercase_ok)
        if h:
            head = tuple(t.canon for t in toks[j : j + h])
            nxt = toks[j + h] if j + h < n else None
            exempt = j + h if head in _EXEMPT and nxt is not None and not nxt.cap else -1
            return ["name", j, j + h - 1, exempt]
        g = _group_len(toks, j)
        if g:
            return ["group", j, j + g - 1, -1]
        return None

    def _bare_group(j: int) -> list[Any] | None:
        """'cơ quan thông tấn báo chí' after a named body: a group of its own."""
        p = _at(toks, j, _BARE_GROUP_PHRASES)
        if p is None or j + len(p) >= n:
            return None
        nxt = toks[j + len(p)]
        listed = nxt.raw == "," and _at(toks, j + len(p) + 1, _BARE_GROUP_PHRASES) is not None
        if not listed and (not nxt.word or nxt.canon in _GENERIC_WORDS_CANON or _verb_at(toks, j + len(p))):
            return None
        return ["group", j, j + len(p) - 1, -1]

    cur = start(i, after_verb)
    if cur is None:
        return None
    j = cur[2] + 1
    stop, rest_at = "end", n
    while j < n:
        t = toks[j]
        if t.raw == "(":
            close = next((k for k in range(j + 1, n) if toks[k].raw == ")"), n - 1)
            parens.append((t.start, toks[close].end))
            cur[2] = close
            j = close + 1
            continue
        if t.raw in {",", ";"}:
            k = j + 1
            if k >= n:
                break
            if _verb_at(toks, k):
                stop, rest_at = "verb", k
                break
            nxt = start(k, True)
            if nxt is None and cur[0] == "name":
                nxt = _bare_group(k)
            if nxt is not None:
                segs.append(cur)
                cur = nxt
                j = cur[2] + 1
                continue
            cur[2] = j  # a list inside one addressee: 'Thủ trưởng các Sở, ban, ngành thành phố'
            j += 1
            continue
        if t.canon in {"và", "cùng"}:
            k = j + 1
            nxt = start(k, False)
            if nxt is None and cur[0] == "name" and t.canon == "và":
                nxt = _bare_group(k)
            if nxt is not None and not (nxt[0] == cur[0] == "name" and _joint_office(toks, cur, k)):
                segs.append(cur)
                cur = nxt
                j = cur[2] + 1
                continue
            if t.canon == "cùng" and _verb_at(toks, k):
                stop, rest_at = "verb", j
                break
            cur[2] = j
            j += 1
            continue
        if t.raw == ":":
            spread = _distributed(toks, cur, j + 1) if cur[0] == "group" and not segs else None
            if spread is not None:
                # 'Các Bộ: Quốc phòng, Công an chủ động ...': the head given to each name listed
                names, k = spread
                rest = s[toks[k].start :] if k < n else ""
                return _Parsed(names, [], rest.strip(), "verb" if k < n else "end")
            stop, rest_at = "colon", j + 1
            break
        if t.raw in {"-", "–"} and _apposition_at(s, toks, j):
            stop, rest_at = "colon", j + 1  # 'Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo': what it is
            break
        if t.raw in {".", "/"}:
            stop, rest_at = "period", j
            break
        exempt_here = j == cur[3] or _after_exempt_head(toks, j)
        if (not exempt_here or _at(toks, j, _NEVER_NAME)) and _verb_at(toks, j):
            stop, rest_at = "verb", j
            break
        if cur[0] == "name" and not exempt_here and _ends_name(toks, cur[1], j):
            stop, rest_at = "verb", j  # 'Ủy ban nhân dân cấp xã | nơi trẻ em cư trú': what it does or is
            break
        cur[2] = j
        j += 1
    segs.append(cur)

    def text_of(seg: list[Any]) -> str:
        a, b = toks[seg[1]].start, toks[seg[2]].end
        out = s[a:b]
        for pa, pb in sorted(parens, reverse=True):
            if a <= pa and pb <= b:
                out = out[: pa - a] + out[pb - a :]
        out = squash(out).strip(" ,;:-")
        return _TRAILING_FUNCTION.sub("", out)

    names = [text_of(x) for x in segs if x[0] == "name"]
    groups = []
    for k, x in enumerate(segs):
        if x[0] == "group":
            groups.append((text_of(x), any(y[0] == "name" for y in segs[:k])))
    rest = s[toks[rest_at].start :] if rest_at < n else ""
    return _Parsed([x for x in names if x], [x for x in groups if x[0]], rest.strip(), stop)


# Lowercase words that go on naming a body after its level or place: 'Ủy ban nhân dân tỉnh và ...',
# '... thành phố của ...', 'Chủ tịch Ủy ban nhân dân các xã', 'Ban Chỉ đạo tỉnh về ...'.
_NAME_LINKS = frozenset(
    _canon(w) for w in _words("và|của|thuộc|trực|tại|cấp|hoặc|các|những|về|khu|số|nhân|dân|cùng|hội|ủy")
)  # 'hội', 'ủy' make a compound of a level word: 'Bảo hiểm xã hội', 'Tỉnh ủy'
# The levels a body's name ends with ('Sở Y tế tỉnh', 'Công an Thành phố', 'cấp xã'); 'nhà nước',
# 'trung ương', 'chính phủ' are words of names ('Ngân hàng Nhà nước Việt Nam', 'Ủy ban Trung ương ...').
_END_LEVELS = _phrases(_words("thành phố|tỉnh|huyện|quận|xã|phường|thị xã|thị trấn|đặc khu"))


_TIME_WORDS = frozenset(_canon(w) for w in _words("trước|sau|trong|từ|đến|chậm nhất|hằng|hàng"))
_DATE_WORDS = frozenset(_canon(w) for w in _words("ngày|tháng|năm|quý|tuần|nhất"))


def _ends_name(toks: Sequence[_Tok], first: int, j: int) -> bool:
    """Does the name begun at ``first`` end before the lowercase word at ``j``?

    A body's name ends with its level and place ('... cấp xã', 'Trung tâm ... Thành phố', 'Ủy ban
    nhân dân thành phố Hà Nội') or is written in capitals ('CÔNG TY CỔ PHẦN BIA SÀI GÒN'); a
    lowercase word after that, unless it links one more part of the name ('và', 'của', 'thuộc',
    another level), begins what the sentence says of the body ('nơi xảy ra vụ việc', 'xét, tặng
    thưởng ...', 'cấu hình thủ tục ...', 'vay tiền ...'). Elsewhere a lowercase word may be the
    rest of a compound ('Sở Tài chính', 'Mặt trận', 'Hội đồng thẩm định'): nothing ends there."""
    t = toks[j]
    if not t.word or t.cap or j - first < 2:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if t.canon in _TIME_WORDS and nxt is not None and (nxt.canon in _DATE_WORDS or nxt.raw[:1].isdigit()):
        return True  # 'Phó Thủ tướng ... trước ngày 15 tháng 11 ...': when, not who
    if t.canon in _NAME_LINKS or _at(toks, j, _LEVEL_PHRASES):
        return False
    k = j - 1
    caps = 0
    while k > first and toks[k].word and toks[k].cap and not _at(toks, k, _END_LEVELS):
        k -= 1
        caps += 1
    if caps >= 2 and all(_is_abbrev(x) or x.raw.isupper() for x in toks[k + 1 : j]):
        return True  # a name in capitals
    # a level ending at k, the words after it (if any) the place's proper name ('tỉnh Quảng Ninh')
    for p in _END_LEVELS:
        a = k - len(p) + 1
        if a > first and all(toks[a + m].canon == w for m, w in enumerate(p)):
            if p == ("xã",) and a >= 2 and (toks[a - 2].canon, toks[a - 1].canon) == ("hợp", "tác"):
                return False  # 'Hợp tác xã dịch vụ điện ...': a cooperative, not a commune
            place = toks[k + 1 : j]
            if place and toks[a].raw.isupper() != all(x.raw.isupper() for x in place):
                return False  # 'CẤP TỈNH' then 'Căn cứ ...': a title in capitals, then its text
            return not toks[a].cap or caps == 0 or p in {("thành", "phố"), ("tỉnh",)}
    return False


def _apposition_at(s: str, toks: Sequence[_Tok], j: int) -> bool:
    """A dash between spaces followed by a kind of body ('- Cơ quan thường trực ...', '- đơn vị chủ
    trì'): the name ends before it and what follows says what the body is. A dash inside a name
    ('Bưu chính - Viễn thông', 'Dầu khí - CTCP', 'Cam Lộ - Đông Hà') is followed by a name."""
    t = toks[j]
    spaced = t.start > 0 and s[t.start - 1] == " " and s[t.end : t.end + 1] == " "
    return spaced and _at(toks, j + 1, _BARE_GROUP_PHRASES) is not None


def _is_generic_group(name: str) -> bool:
    return all(w in _GENERIC_GROUP_WORDS for w in re.findall(r"[0-9a-z]+", fold(name)))


@dataclass
class _Addressing:
    agencies: list[str]
    others: list[str]
    verb: str
    task_head: str  # task text found in the same sentence ('' when the body holds the task)
    partners: list[str] = field(default_factory=list)  # 'phối hợp với ...' in that sentence
    role: str = ""  # 'chủ trì' when the sentence says so


# Enumeration marks before a sentence of a body: 'b) Giao ...', '(2) Sở Y tế ...', '3) ...'.
_ENUM_MARK = re.compile(r"^(?:[a-zđ]\)|\(\d{1,2}\)|\d{1,2}\))\s+")
_POINT_MARK = re.compile(r"^(?P<letter>[a-zđ])\)\s+")

# Labelled role lines of a plan's item: 'Cơ quan chủ trì: Sở Nội vụ, Sở Tài chính.', '- Đơn vị phối
# hợp: Các Sở, ban, ngành.', 'Cơ quan thực hiện: Sở Nội vụ chủ trì ...; Sở Tư pháp ...'.
_ROLE_LINE = re.compile(
    r"^(?:(?P<noun>cơ quan,? đơn vị|cơ quan|đơn vị|bộ phận|lực lượng)\s+(?:được giao\s+)?)?"
    r"(?P<role>chủ trì|phối hợp|thực hiện|trách nhiệm thực hiện|chịu trách nhiệm|tham mưu)"
    r"(?:\s+(?:thực hiện|tham mưu))*(?:\s*,\s*tham mưu)?\s*:\s*(?P<who>.*)$",
    re.IGNORECASE,
)
_BARE_ROLES = {"chủ trì", "phối hợp", "trách nhiệm thực hiện"}  # written without 'Cơ quan' / 'Đơn vị'


def _address_verb(toks: list[_Tok]) -> tuple[str, int] | None:
    p = _at(toks, 0, _ADDRESS_PHRASES)
    if p is None or (len(p) == 1 and len(toks) > 1 and (p[0], toks[1].canon) in _COMPOUND_NOUNS):
        return None  # 'giao dịch bảo đảm': no 'Giao'
    verb = _ADDRESS[p]
    j = len(p)
    if verb == "Chủ trì":
        if j >= len(toks) or toks[j].raw != ":":
            return None
        j += 1
    return verb, j


def _addressing(text: str, *, allow_bare: bool) -> _Addressing | None:
    """Who a sentence or heading is addressed to, and the task it states (if any).

    ``allow_bare``: a heading that is only a name ('Sở Nội vụ') counts; a paragraph must also say
    what to do ('Sở Y tế chủ trì ...').
    """
    s = _ENUM_MARK.sub("", clean_line(text).lstrip("-+•* ").strip())
    toks = _tokens(s)
    if not toks:
        return None
    found = _addressing_at_start(s, toks, allow_bare=allow_bare)
    lead = _LEAD_ADVERBIAL.match(s) if found is None else None
    if lead is not None and _plain_lead(lead.group("lead")):
        # 'Hằng năm, các cơ quan ... xây dựng báo cáo', 'Trong quý I ..., Sở Nội vụ chủ trì ...': the
        # sentence's subject after a time or ground put first; it must still be followed by its task
        rest = lead.group("rest")
        found = _addressing_at_start(rest, _tokens(rest), allow_bare=False)
    if found is None and ": " in s:
        # 'Về hỗ trợ kinh phí ...: Giao Bộ Tài chính chủ trì, ...': a topic, then the addressing
        rest = s.split(": ", 1)[1].strip()
        rtoks = _tokens(rest)
        if rtoks and rtoks[0].cap:
            found = _addressing_at_start(rest, rtoks, allow_bare=False)
            if found is not None and not (found.verb or _at(_tokens(found.task_head), 0, _DUTY_STARTS)):
                found = None  # '... chức danh: Vụ trưởng và tương đương ...': a list, not an addressee
    if found is not None and _at(_tokens(found.task_head), 0, _REPORTING):
        return None  # 'Văn phòng Chính phủ xin thông báo ...', 'Cục Thuế trả lời ...': no task
    if found is not None and _all_capitals(s) and not _capitals_name(toks):
        return None  # 'ĐOÀN KẾT, ĐẠI ĐOÀN KẾT.': a slogan in capitals, no body
    return found


# A time, frequency or ground put before a sentence's subject, up to its comma.
# Only a time or a frequency: a clause of condition ('Trường hợp X chưa ban hành ...,', 'Sau khi X quy
# định ...,') has a subject of its own, and a ground ('Căn cứ các quy định nêu trên, Công ty ...') states
# how the law applies, not a task; a lead that names anything (a capitalised word but a numeral) may end
# its first comma inside a list of bodies.
_LEAD_ADVERBIAL = re.compile(
    r"^(?P<lead>(?:Hằng|Hàng|Mỗi)\s+(?:năm|quý|tháng|tuần|ngày)|(?:Định kỳ|Trong|Trước|Chậm nhất)\b"
    r"[^,;:.]{0,100}?)\s*,\s+(?P<rest>(?:[A-ZĐÀ-Ỹ]|các\s).*)$"
)


def _plain_lead(lead: str) -> bool:
    """No word of the lead but its first is capitalised, save a numeral ('Trong quý I của năm ...')."""
    return all(not w[:1].isupper() or re.fullmatch(r"[IVXLC]+|\d\S*", w) for w in lead.split()[1:])


def _all_capitals(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _capitals_name(toks: Sequence[_Tok]) -> bool:
    """Text in capitals gives no evidence of where a name ends: it names a body only when it is a
    name and nothing else ('SỞ GIÁO DỤC VÀ ĐÀO TẠO'), with no punctuation inside and no function
    word but 'và' ('CHỦ TỊCH HỒ CHÍ MINH ... CỦA CHÚNG TA' is a slogan)."""
    words = [t for t in toks if t.word]
    inner = toks[:-1] if toks and toks[-1].raw in {".", ":"} else toks
    if any(not t.word and t.raw not in {"(", ")", "-", "&"} for t in inner):
        return False
    return not any(t.canon in _FUNCTION_WORDS and t.canon != "và" for t in words)


# A law's clause whose subject is a kind of body, not a named one, with the duty straight after:
# 'Đơn vị cung cấp dịch vụ đăng kiểm có trách nhiệm ...', 'Cơ quan, đơn vị cấp thành phố chịu
# trách nhiệm ...'. Only before these duty words: elsewhere such a phrase is no addressee.
_KIND_SUBJECT = re.compile(
    r"^(?P<who>(?:Cơ quan|Đơn vị|Doanh nghiệp|Chủ đầu tư|Tổ chức(?=,? cá nhân))\b[^.;:()]{0,90}?)\s+"
    r"(?P<duty>(?:có|chịu) trách nhiệm\b.*)$"
)


def _addressing_at_start(s: str, toks: list[_Tok], *, allow_bare: bool) -> _Addressing | None:
    m = _KIND_SUBJECT.match(s)
    if m and not re.search(r"\b(?:cho|để|với|nhằm)\b", m.group("who")):  # 'Cơ quan ... giao cho X có ...'
        duty = m.group("duty")
        return _Addressing([m.group("who")], [], "", _task_head(duty), _inline_partners(duty), "")
    verb = ""
    av = _address_verb(toks)
    if av is not None:
        verb, i = av
        parsed = _parse_addressees(s, toks, i, after_verb=True)
    else:
        m = _DUTY_TITLE.match(s) if allow_bare else None
        if m:
            sub = m.group("who")
            parsed = _parse_addressees(sub, _tokens(sub), 0, after_verb=True)
            if parsed is not None and parsed.stop != "end":
                parsed = None
        else:
            parsed = _parse_addressees(s, toks, 0, after_verb=False)
            if parsed is not None and parsed.stop == "verb":
                # 'Ủy ban nhân dân đặc khu giao Phòng Tư pháp ...': the subject is the issuer
                rtoks = _tokens(parsed.rest)
                av2 = _address_verb(rtoks)
                if av2 is not None:
                    verb, i2 = av2
                    parsed = _parse_addressees(parsed.rest, rtoks, i2, after_verb=True)
            elif parsed is not None and parsed.stop == "colon" and _duty_after_colon(parsed.rest):
                pass  # '+ Sở Xây dựng: hướng dẫn các cơ quan ...': a division of tasks, body by body
            elif parsed is not None and (not allow_bare or (parsed.stop == "period" and len(toks) > 25)):
                parsed = None
    if parsed is None:
        return None
    # groups named first are addressees in their own right ('Các sở, ban, ngành, UBND các huyện
    # căn cứ ...'); groups trailing named bodies ('... và các tổ chức thành viên') or saying nothing
    # of who ('các cơ quan liên quan') are kept aside
    agencies: list[str] = []
    others: list[str] = []
    for g, trailing in parsed.groups:
        (others if trailing or _is_generic_group(g) else agencies).append(g)
    agencies.extend(parsed.names)
    if not agencies:
        return None
    head = _task_head(parsed.rest) if parsed.stop in {"verb", "colon"} else ""
    if not head and parsed.stop == "verb" and not allow_bare:
        head = parsed.rest
    role = "chủ trì" if verb == "Chủ trì" or _canon(parsed.rest).startswith("chủ trì") else ""
    return _Addressing(agencies, others, verb, head, _inline_partners(parsed.rest), role)


# Verbs that may follow a colon without saying what the body is to do ('Sở Tư pháp: là cơ quan ...',
# 'Sở Y tế: có 5 người'): after a name and a colon only another task verb states a task.
_NOT_A_DUTY_AFTER_COLON = {("là",), ("được",), ("có",), ("trong",), ("theo",), ("để",), ("nhằm",), ("cần",)}


def _duty_after_colon(rest: str) -> bool:
    """Does the text after 'Sở X:' open with a task verb ('hướng dẫn ...', 'chủ trì, phối hợp ...')?"""
    toks = _tokens(rest)
    p = _at(toks, 0, _VERB_PHRASES) if _verb_at(toks, 0) else None
    return p is not None and p not in _NOT_A_DUTY_AFTER_COLON


def _inline_partners(rest: str, within: int = 0) -> list[str]:
    """Who the addressee works with, in the clause that states its own task (up to the first ';' or
    sentence end): 'chủ trì, phối hợp với Sở Nội vụ, Sở Tài chính và các cơ quan liên quan tham mưu
    ...' -> ['Sở Nội vụ', 'Sở Tài chính', 'các cơ quan liên quan']; 'chủ trì, Sở Tài chính và Sở Xây
    dựng phối hợp ...' / 'chủ trì; Sở Tài chính phối hợp ...' -> ['Sở Tài chính', 'Sở Xây dựng'].
    ``within``: only a 'phối hợp' among the clause's first words counts (a duty of the body itself,
    not of those it instructs: '- Chủ trì, phối hợp với ...' under a heading that names the body)."""
    lead = re.match(r"\s*chủ trì\s*[,;]\s*", rest, re.IGNORECASE)
    if lead:  # 'X chủ trì, Y phối hợp': the bodies between are the partners
        after = rest[lead.end() :]
        atoks = _tokens(after)
        parsed = _parse_addressees(after, atoks, 0, after_verb=False) if atoks else None
        if parsed is not None and parsed.stop == "verb" and _canon(parsed.rest).startswith("phối hợp"):
            return [_cap(x) for x in parsed.names] + [g for g, _ in parsed.groups]
    clause = re.split(r";|\.(?:\s|$)", rest, maxsplit=1)[0]
    toks = _tokens(clause)
    for i in range(len(toks) - 2):
        if (toks[i].canon, toks[i + 1].canon) != ("phối", "hợp"):
            continue
        if within and sum(1 for t in toks[:i] if t.word) > within:
            break
        j = i + 2
        if j < len(toks) and toks[j].canon in {"với", "cùng"}:
            j += 1
        parsed = _parse_addressees(clause, toks, j, after_verb=True) if j < len(toks) else None
        if parsed is not None:
            return [_cap(x) for x in parsed.names] + [g for g, _ in parsed.groups]
    return []


# --- paragraphs of a section's own body --------------------------------------------------------


@dataclass
class _Para:
    text: str
    start: int
    end: int


def _paragraphs(doc: Document, start: int, end: int) -> list[_Para]:
    """Paragraphs of lines start..end, joined the way the parser joins them, with their lines."""
    out: list[_Para] = []
    for ln in range(start, end + 1):
        s = clean_line(doc.line(ln))
        if not s:
            continue
        last = doc.line_end(ln)
        if out and _continues(out[-1].text, s):
            out[-1].text += " " + s
            out[-1].end = last
        else:
            out.append(_Para(s, ln, last))
    return out


# Words a line never ends on when the sentence ends there: a wrapped 'Sở' / 'Giáo dục', '... và'.
_FUNCTION_WORDS = frozenset(
    _canon(w)
    for w in _words("và|của|các|với|cho|tại|theo|trong|về|để|có|được|là|những|thuộc|hoặc|từ|đến|trên|như")
)
_OPEN_LAST = _FUNCTION_WORDS | frozenset(p[0] for p in _HEAD_PHRASES)
_NEW_ELEMENT = re.compile(r"^(?:[-+•]|[a-zđ]\)|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]{1,6}\.\s)")


def _continues(prev: str, cur: str) -> bool:
    """Whether a line continues the paragraph before it: the paragraph does not end a sentence and
    this line opens no new element, and either it starts lowercase or the paragraph stopped on a
    comma, a function word or a body's head word ('- Cơ quan chủ trì: Sở Nội vụ, Sở' / 'Giáo dục
    và Đào tạo')."""
    if prev[-1] in ".:;!?" or _NEW_ELEMENT.match(cur):
        return False
    if cur[0].islower():
        return True
    words = re.findall(r"\w+", prev)
    return prev[-1] in ",&-" or (bool(words) and _canon(words[-1]) in _OPEN_LAST)


def _own_paragraphs(doc: Document, sec: Section) -> list[_Para]:
    paras = [p for a, b in sec.own_spans(sec.body_start) for p in _paragraphs(doc, a, b)]
    if paras and _CLOSING.match(paras[-1].text):
        paras = paras[:-1]  # the document's closing formula, not part of the item
    return paras


def _clean_task(text: str) -> str:
    lines = [squash(x) for x in text.split("\n")]
    lines = [x for x in lines if x]
    if not lines:
        return ""
    out = "\n".join(lines)
    out = re.sub(r"\s*\./\.?\s*$", ".", out)
    return out.rstrip(" :;,")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _render_children(sec: Section) -> list[str]:
    out: list[str] = []
    for child in sec.children:
        head = f"{child.number}) {child.title}" if child.kind == "point" else child.display
        out.append(head if child.text in {"", child.title} else f"{head}\n{child.text}")
        out.extend(_render_children(child))
    return out


_DUTY_WORDS = re.compile(r"^(?:có|chịu)\s+trách\s+nhiệm\s*:?\s*", re.IGNORECASE)


def _task_head(rest: str) -> str:
    """'có trách nhiệm giúp Chính phủ ...' -> 'giúp Chính phủ ...'; 'có trách nhiệm:' -> ''."""
    return _DUTY_WORDS.sub("", rest).strip()


# --- extraction ---------------------------------------------------------------------------------

_BODY_KINDS = {"part", "item", "chapter", "section", "part_law", "article", "clause", "point"}


def _body_sections(doc: Document) -> list[Section]:
    return [s for s in doc.walk() if s.kind in _BODY_KINDS]


def _make(
    doc: Document, sec: Section, ad: _Addressing, task: str, start: int, end: int, label: str = ""
) -> list[Assignment]:
    out = []
    for name in ad.agencies:
        display = name[:1].upper() + name[1:]
        out.append(
            Assignment(
                agency=display,
                agency_key=agency_key(display),
                doc=doc.doc_id,
                section=label or sec.label,
                title=sec.title,
                task=task,
                line_start=start,
                line_end=end,
                verb=ad.verb,
                shared_with=[x[:1].upper() + x[1:] for x in ad.agencies if x != name],
                others=list(ad.others),
                partners=_distinct([p for p in ad.partners if agency_key(p) != agency_key(display)]),
                role=ad.role,
            )
        )
    return out


def _distinct(names: list[str]) -> list[str]:
    """Names in order, each body once ('Sở Tư pháp' named on two role lines)."""
    seen: set[str] = set()
    out = []
    for n in names:
        k = agency_key(n)
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _role_line(text: str) -> tuple[str, str] | None:
    """('chủ trì' | 'phối hợp' | 'thực hiện', who) for a labelled role line, else None."""
    s = _ENUM_MARK.sub("", clean_line(text).lstrip("-+•* ").strip())
    m = _ROLE_LINE.match(s)
    if m is None:
        return None
    role = _canon(m.group("role"))
    if m.group("noun") is None and role not in _BARE_ROLES:
        return None
    if role in {"trách nhiệm thực hiện", "chịu trách nhiệm", "tham mưu"}:
        role = "thực hiện"
    return role, m.group("who").strip()


def _role_assignments(doc: Document, sec: Section, paras: list[_Para]) -> list[Assignment] | None:
    """Assignments of an item whose bodies are named on labelled role lines ('Cơ quan chủ trì: ...',
    'Cơ quan phối hợp: ...'); the rest of the item (its title, 'Nội dung', 'Thời gian') is the task.
    An item of several tasks, each a bullet with role lines of its own ('- Ra mắt AI pháp luật ...'
    / 'Đơn vị chủ trì: Sở Khoa học và Công nghệ.' / 'Đơn vị phối hợp: Sở Tư pháp.'), is read task
    by task: a body leads one and partners on another. None when the item has no role line."""
    if not any(_role_line(p.text) for p in paras):
        return None
    groups: list[list[_Para]] = [[]]
    seen_role = False
    for p in paras:
        is_role = _role_line(p.text) is not None
        if not is_role and seen_role and _NEW_TASK.match(clean_line(p.text)):
            groups.append([])
            seen_role = False
        groups[-1].append(p)
        seen_role = seen_role or is_role
    if len(groups) == 1:
        return _role_group(
            doc,
            sec,
            paras,
            sec.line_start,
            max(sec.line_end if sec.children else paras[-1].end, sec.line_start),
        )
    out: list[Assignment] = []
    found = False
    for g in groups:
        got = _role_group(doc, sec, g, g[0].start, g[-1].end, whole_item=False)
        if got is not None:
            found = True
            out.extend(got)
    return out if found else None


# A bullet that opens a task of its own (not a labelled line such as '- Thời gian thực hiện: ...').
_NEW_TASK = re.compile(r"^[-+•]\s*(?![^:]{0,45}:)")


def _role_group(
    doc: Document, sec: Section, paras: list[_Para], start: int, end: int, whole_item: bool = True
) -> list[Assignment] | None:
    roles: list[tuple[_Para, str, str]] = []
    rest: list[_Para] = []
    for p in paras:
        r = _role_line(p.text)
        if r is None:
            rest.append(p)
        else:
            roles.append((p, r[0], r[1]))
    if not roles:
        return None
    partners: list[str] = []
    named: list[tuple[_Addressing, str]] = []
    for _, role, who in roles:
        if not who:
            continue
        for clause in (c.strip().rstrip(" .") for c in who.split(";")):  # a list of names, however long
            ad = _addressing(clause, allow_bare=True) if clause else None
            if ad is None:
                if role == "phối hợp" and clause and _group_len(_tokens(clause), 0):
                    partners.append(clause)  # 'Các cơ quan, đơn vị liên quan': a group, still a partner
                continue
            if role == "phối hợp":
                partners.extend(ad.agencies + ad.others + ad.partners)
            else:
                named.append((ad, role))
    if not named:
        return [] if partners else None
    parts = [sec.title] if sec.title and whole_item else []
    parts += [p.text for p in rest if not re.fullmatch(r"[a-zđ]\)\s*.*:", p.text)]
    task = _clean_task("\n".join(parts))
    if not whole_item:
        task = _cap(task.lstrip("-+• "))
    out: list[Assignment] = []
    for ad, role in named:
        ad.partners = ad.partners + [x for x in partners if x not in ad.partners]
        ad.role = "chủ trì" if role == "chủ trì" or ad.role == "chủ trì" else "thực hiện"
        if role == "chủ trì" and not ad.verb:
            ad.verb = "Chủ trì"
        for a in _make(doc, sec, ad, task, start, end):
            if a.agency_key not in {x.agency_key for x in out}:
                out.append(a)
    return out


def _whole_heading(sec: Section, paras: list[_Para]) -> tuple[str, list[_Para]]:
    """A heading wrapped onto the body's first line ('4. Đài Truyền hình Việt Nam,' / 'Đài Tiếng nói
    Việt Nam, ... tuyên truyền ...'; '1. Trách nhiệm của Sở Văn hóa,' / 'Thể thao và Du lịch'): the
    heading whole, and the paragraphs after it."""
    title = sec.title
    if not title or not paras or paras[0].text == title or _NEW_ELEMENT.match(paras[0].text):
        return title, paras
    nxt = paras[0].text
    words = _tokens(title)
    last = words[-1] if words else None
    wrapped = (
        last is not None
        and (
            last.raw in {",", ";", "&", "-"}  # a heading never ends on these: its list goes on
            or last.canon in _FUNCTION_WORDS
            or (last.cap and (last.canon,) in _HEAD_STRICT)  # 'Giao Sở' / 'Tài chính ...'
            or (nxt[:1].islower() and title[-1] not in ".:;!?")
            # a level goes with the name before it: 'Trung tâm Phục vụ hành chính công' / 'Thành phố chủ trì'
            or (title[-1] not in ".:;!?" and _at(_tokens(nxt), 0, _LEVEL_PHRASES) is not None)
        )
    )
    return (f"{title} {nxt}", paras[1:]) if wrapped else (title, paras)


def _section_assignments(doc: Document, sec: Section) -> tuple[list[Assignment], list[_Para]]:
    """Assignments made by a section's heading, or else by its own paragraphs; plus the paragraphs
    that assign nothing (what is left for a general task)."""
    paras = _own_paragraphs(doc, sec)
    title, paras = _whole_heading(sec, paras)
    ad = _addressing(title, allow_bare=True) if title else None
    if ad is not None:
        parts = [_cap(ad.task_head)] if ad.task_head else []
        own = "\n".join(p.text for p in paras)
        if own and own != sec.title:
            parts.append(own)
        parts.extend(_render_children(sec))
        end = paras[-1].end if paras and not sec.children else sec.line_end
        end = max(end, sec.line_start)
        _body_partners(ad, paras)
        by_heading = _make(doc, sec, ad, _clean_task("\n".join(parts)), sec.line_start, end)
        if sec.kind == "point" and ad.task_head:
            # a point's 'heading' is its first sentence, task and all: a later sentence may address
            # another body ('d) Chính phủ quy định ...' / 'Đề nghị Thuế tỉnh Ninh Bình căn cứ ...')
            for p in paras:
                pad = _addressing(p.text, allow_bare=False)
                if pad is not None and pad.task_head:
                    task = _cap(_clean_task(pad.task_head))
                    by_heading.extend(
                        a
                        for a in _make(doc, sec, pad, task, p.start, p.end)
                        if a.agency_key not in {x.agency_key for x in by_heading}
                    )
        return by_heading, []
    by_role = _role_assignments(doc, sec, _item_paragraphs(doc, sec))
    if by_role is not None:
        return by_role, []
    found: list[Assignment] = []
    left: list[_Para] = []
    point = ""  # the point 'a)', 'b)' the paragraph belongs to, when the parser labels no points
    for p in paras:
        m = _POINT_MARK.match(p.text)
        if m:
            point = m.group("letter")
        pad = _addressing(p.text, allow_bare=False)
        if pad is None or not pad.task_head:
            left.append(p)
            continue
        label = f"{sec.label}.{point}" if point else sec.label
        found.extend(_make(doc, sec, pad, _cap(_clean_task(pad.task_head)), p.start, p.end, label))
    return found, left


def _body_partners(ad: _Addressing, paras: list[_Para]) -> None:
    """A heading that names the body, its paragraphs its duties: '4. Sở Tài chính' / '- Chủ trì, phối
    hợp với Sở Nội vụ ...' -> partner Sở Nội vụ, role 'chủ trì' when the first duty says so."""
    for p in paras:
        text = _ENUM_MARK.sub("", clean_line(p.text).lstrip("-+•* ").strip())
        for x in _inline_partners(text, within=3):
            if x not in ad.partners and agency_key(x) not in {agency_key(a) for a in ad.agencies}:
                ad.partners.append(x)
    if paras and not ad.role:
        first = _ENUM_MARK.sub("", clean_line(paras[0].text).lstrip("-+•* ").strip())
        if _at(_tokens(first), 0, [("chủ", "trì")]):
            ad.role = "chủ trì"


def _item_paragraphs(doc: Document, sec: Section) -> list[_Para]:
    """The item's own paragraphs, and those of its points when the parser made points of them
    ('a) Nhiệm vụ', 'b) Cơ quan thực hiện: - Đơn vị chủ trì: ...' read as one item)."""
    if sec.children and all(c.kind == "point" for c in sec.children):
        paras = _paragraphs(doc, sec.body_start, sec.line_end)
        if paras and _CLOSING.match(paras[-1].text):
            paras = paras[:-1]
        return paras
    return _own_paragraphs(doc, sec)


def _held_by_roles(doc: Document, sec: Section) -> bool:
    """A point whose item names its bodies on role lines: read with the item, not on its own."""
    parent = sec.parent
    return (
        sec.kind == "point"
        and parent is not None
        and all(c.kind == "point" for c in parent.children)
        and any(_role_line(p.text) for p in _item_paragraphs(doc, parent))
    )


def extract_assignments(doc: Document) -> list[Assignment]:
    """Every (agency, task) a document's items assign, in document order, then those of its tables
    of tasks (assistant.table_tasks)."""
    out: list[Assignment] = []
    for sec in _body_sections(doc):
        if _held_by_roles(doc, sec):
            continue
        found, _ = _section_assignments(doc, sec)
        out.extend(found)
    out.extend(_table_assignments(doc))
    return out


def _table_assignments(doc: Document) -> list[Assignment]:
    from assistant.table_tasks import table_assignments

    out: list[Assignment] = []
    for label, _title, task, cells, partners, line in table_assignments(doc):
        sec = doc.section(label) if label else None
        if sec is None:
            continue
        # a cell may list its bodies as bullets ('Sở Nội vụ; - Hội đồng tuyển dụng'): each read alone
        parts = [p for c in cells for p in re.split(r"\s*;\s*-?\s*|\s+-\s+(?=[A-ZĐÀ-Ỹ])", c) if p.strip(" -")]
        for cell in parts:
            ad = _addressing(cell.strip(" -"), allow_bare=True)
            if ad is None or not ad.agencies:
                continue
            ad.agencies = [_trim_tail(n) for n in ad.agencies]
            ad.role = ad.role or "chủ trì"
            ad.partners = [*ad.partners, *(_split_partners(partners) if partners else [])]
            out.extend(_make(doc, sec, ad, task, line, line, label))
    return out


# verbs a table's cell may write after the body's name ('Sở Khoa học và Công nghệ thúc đẩy, theo
# dõi'); lowercase only: 'Sở Xây dựng' keeps its capital
_CELL_VERBS = re.compile(
    r"\s+(?:thúc đẩy|hướng dẫn|tổng hợp|theo dõi|đôn đốc|giám sát|kiểm tra|tham mưu|đề xuất|xây dựng|phối hợp"
    r"|chủ trì|thực hiện|triển khai|tổ chức|chịu trách nhiệm|phụ trách|quản lý|cập nhật|báo cáo)\b.*$"
)


def _trim_tail(name: str) -> str:
    """'Sở Khoa học và Công nghệ thúc đẩy' -> 'Sở Khoa học và Công nghệ': a cell's name ends before
    the verb written after it."""
    cut = _CELL_VERBS.sub("", name)
    return cut if len(cut.split()) >= 2 else name


def _split_partners(cell: str) -> list[str]:
    ad = _addressing(cell, allow_bare=True)
    return [_trim_tail(n) for n in ad.agencies] if ad is not None else []


def _heading_class(sec: Section) -> str:
    """'task', 'timeline', 'other' or '' (undecided) for the nearest telling heading up the tree."""
    for node in reversed(sec.path):
        f = fold(node.title)
        parts = [p.strip() for p in re.split(r",| va ", f) if p.strip()]
        if parts and all(p.startswith(_NON_TASK_HEADINGS) for p in parts):
            return "other"
        if any(w in f for w in _TIMELINE_HEADINGS) or f.startswith(_TIMELINE_STARTS):
            return "timeline"
        if any(w in f for w in _TASK_HEADINGS):
            return "task"
    return ""


def general_tasks(doc: Document) -> list[GeneralTask]:
    """Tasks with no named agency under headings that announce tasks; they apply to all recipients.

    A document with no such heading at all (a short công văn numbered '1.', '2.', ...) has every
    unassigned item as a general task, unless it is a law (articles state rules, not tasks).
    """
    applies = list(doc.recipients) or [ALL_RECIPIENTS]
    sections = _body_sections(doc)
    classes = {id(s): _heading_class(s) for s in sections}
    any_task_heading = any(c in {"task", "timeline"} for c in classes.values())
    is_law = any(s.kind == "article" for s in sections)
    assigned = {
        id(s)
        for s in sections
        if s.title and _addressing(_whole_heading(s, _own_paragraphs(doc, s))[0], allow_bare=True)
    }
    out: list[GeneralTask] = []
    for sec in sections:
        cls = classes[id(sec)]
        if cls == "other" or (cls == "" and (any_task_heading or is_law)):
            continue
        if any(id(p) in assigned for p in sec.path):
            continue  # the item, or one above it, names its agency: part of that agency's task
        found, left = _section_assignments(doc, sec)
        if found and not left:
            continue
        text_parts = [p.text for p in left]
        title_is_text = not text_parts and not sec.children and sec.text == sec.title
        if title_is_text:
            text_parts = [sec.title]
        text = "\n".join(text_parts)
        if not text or (sec.children and text.rstrip().endswith(":")):
            continue  # nothing of its own, or an introduction to its sub-items
        start = sec.line_start if title_is_text or not found else left[0].start
        end = sec.line_start if title_is_text else (left[-1].end if left else sec.line_end)
        if not found and not sec.children:
            end = max(end, sec.line_start)
        out.append(
            GeneralTask(
                doc=doc.doc_id,
                section=sec.label,
                title=sec.title,
                text=_cap(_clean_task(text)) if title_is_text else text,
                line_start=start,
                line_end=end,
                applies_to=applies,
                kind="lộ trình" if cls == "timeline" else "nhiệm vụ",
            )
        )
    return out


# --- normalising names and queries --------------------------------------------------------------

_CASE_ALIAS_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in CASE_SENSITIVE_ALIASES) + r")(?!\w)")


@dataclass(frozen=True)
class _QTok:
    word: str
    cap: bool  # written with a capital (or as an abbreviation)
    initial: bool  # first word of a sentence
    comma_after: bool


def _query_tokens(text: str) -> list[_QTok]:
    """Folded words of a text, abbreviations replaced by their expansions."""
    s = nfc(text)
    s = _CASE_ALIAS_RE.sub(lambda m: CASE_SENSITIVE_ALIASES[m.group(1)], s)
    s = re.sub(r"\s*&\s*", "&", s)
    raw_words = re.findall(r"\w+(?:[&-]\w+)*|[,;.?!:]", s)
    out: list[_QTok] = []
    initial = True
    for raw in raw_words:
        if not raw[:1].isalnum():
            if raw == "," and out:
                out[-1] = _QTok(out[-1].word, out[-1].cap, out[-1].initial, True)
            initial = raw in ".?!:"
            continue
        f = fold(raw)
        cap = raw[:1].isupper()
        words: list[str] = []
        if out and out[-1].word in ("so", "bo") and f in DEPARTMENT_ABBREVIATIONS:
            words = DEPARTMENT_ABBREVIATIONS[f].split()  # 'Sở TC' = Sở Tài chính, not 'Sở chủ tịch'
        elif f in AGENCY_ALIASES:
            words = AGENCY_ALIASES[f].split()
        else:  # 'hoa-xa' (Văn hóa-Xã hội), 'ubnd-hdnd': each part on its own
            for part in re.split(r"[&-]", f):
                words.extend(AGENCY_ALIASES.get(part, part).split() if part != f else [part])
        for w in words:
            if w:
                out.append(_QTok(w, cap, initial, False))
                initial = False
    return out


def _norm(text: str) -> list[str]:
    return [t.word for t in _query_tokens(text)]


def agency_key(name: str) -> str:
    """'Sở GD&ĐT' -> 'so giao duc va dao tao'; 'Văn phòng HĐND và UBND đặc khu' ->
    'van phong hoi dong nhan dan va uy ban nhan dan dac khu'."""
    return " ".join(_norm(name))


_LEVEL_KEYS = [tuple(fold(x).split()) for x in _LEVEL_WORDS if x not in {"nhân dân", "cấp", "nhà nước"}]
_LEVEL_KEYS.sort(key=len, reverse=True)
# words that precede/follow a level word without it being one ('cơ quan', 'xã hội', 'địa phương')
_NOT_LEVEL_BEFORE = {"co", "lien", "hop", "dia"}
_NOT_LEVEL_AFTER = {"hoi"}


def _level_mask(words: Sequence[str]) -> list[bool]:
    """Which words of a folded name are a level ('thanh pho', 'khu vuc', 'dac khu', 'huyen')."""
    mask = [False] * len(words)
    i = 0
    while i < len(words):
        for p in _LEVEL_KEYS:
            if tuple(words[i : i + len(p)]) == p:
                before = words[i - 1] if i else ""
                after = words[i + len(p)] if i + len(p) < len(words) else ""
                if len(p) == 1 and (before in _NOT_LEVEL_BEFORE or after in _NOT_LEVEL_AFTER):
                    continue
                for k in range(i, i + len(p)):
                    mask[k] = True
                i += len(p) - 1
                break
        i += 1
    return mask


# The levels of government since the 2025 reform, and the older district level: the words a
# document may use for each ('Ủy ban nhân dân xã, phường, đặc khu' is the commune level).
_LEVEL_TIERS = {
    ("tinh",): "<cap tinh>",
    ("thanh", "pho"): "<cap tinh>",
    ("xa",): "<cap xa>",
    ("phuong",): "<cap xa>",
    ("dac", "khu"): "<cap xa>",
    ("thi", "tran"): "<cap xa>",
    ("huyen",): "<cap huyen>",
    ("quan",): "<cap huyen>",
    ("thi", "xa"): "<cap huyen>",
}


def _level_form(words: Sequence[str]) -> tuple[tuple[str, ...], frozenset[tuple[str, ...]], bool]:
    """A folded name with each run of level words of one level made one token, the level words
    written, and whether the level was named generically ('cấp xã', 'các cấp'):
    'uy ban nhan dan cac xa phuong dac khu' -> ('uy', 'ban', 'nhan', 'dan', '<cap xa>')."""
    mask = _level_mask(words)
    out: list[str] = []
    levels: set[tuple[str, ...]] = set()
    generic = False
    i = 0
    while i < len(words):
        p = next((k for k in _LEVEL_TIERS if mask[i] and tuple(words[i : i + len(k)]) == k), None)
        if p is None:
            out.append(words[i])
            i += 1
            continue
        tier = _LEVEL_TIERS[p]
        while out and out[-1] in {"cac", "cap"}:  # 'các xã', 'cấp xã'
            generic = generic or out[-1] == "cap"
            out.pop()
        if not out or out[-1] != tier:
            out.append(tier)
        levels.add(p)
        i += len(p)
    return tuple(out), frozenset(levels), generic


def _contiguous(q: Sequence[str], t: Sequence[str]) -> bool:
    return any(tuple(t[i : i + len(q)]) == tuple(q) for i in range(len(t) - len(q) + 1))


def _subsequence_no_level_gap(q: Sequence[str], t: Sequence[str], mask: Sequence[bool]) -> bool:
    """q in t in order; words of t skipped between q's words must not be levels (else the query
    names another level: 'Chủ tịch UBND thành phố' is not 'Chủ tịch UBND các quận, ..., thành phố')."""
    j = 0
    started = False
    for i, w in enumerate(t):
        if j < len(q) and w == q[j]:
            j += 1
            started = True
        elif started and j < len(q) and mask[i]:
            return False
    return j == len(q)


# generic names that never identify one agency in a question
# Words of generic names ('các cơ quan, đơn vị', 'Văn phòng', 'Chủ tịch'): a mention made only of
# them names no agency, unless it is long enough to be one ('văn phòng ủy ban nhân dân').
_GENERIC_MENTION_WORDS = frozenset(
    re.findall(
        r"\w+",
        "cac co quan don vi to chuc thu truong chu tich van phong uy ban nhan dan hoi dong so nganh tat ca "
        "toan the va thuoc giam doc nguoi dung dau thuong truc trung tam cong ty chi nhanh lien nhung",
    )
)
_GENERIC_MENTION_MAX = 4
# one-word heads: a mention needs two more words ('so tu phap', not 'so tu' = 'số tự')
_SHORT_HEADS = {"so", "ban", "phong", "cuc", "bo", "hoi", "doan", "dai", "bao", "vien", "vu", "truong"}
# heads that are also common nouns: 'công tác thanh tra' is no agency, 'Thanh tra có ...' is
_AMBIGUOUS_MENTIONS = {("thanh", "tra")}
_SKIPPABLE = {"nhan", "dan", "viet", "nam"}
_BAD_LAST = {"va", "cac", "cua", "thuoc", "nhung"}


_NEEDS_TWO_WORDS = {("sở",), ("bộ",)}  # a department's field is a compound: 'Sở Tài chính', never 'Sở Tài'


def is_whole_name(name: str) -> bool:
    """Whether an agency name looks whole by the shape of Vietnamese administrative names: not a
    head that needs a complement alone ('Ủy ban', 'Văn phòng', 'Giám đốc'; 'Chính phủ' and the
    group 'Các Bộ' are whole), not cut after a function word ('Ủy ban nhân dân tỉnh và'), before a
    council's 'nhân dân' ('Văn phòng Ủy ban') or inside a department's compound field ('Sở Tài',
    'Bộ Giáo'; 'Sở GD&ĐT', 'Các Sở, ngành' are whole), its parentheses closed. Used to keep cut
    names out of 'did you mean' lists."""
    all_toks = _tokens(name)
    toks = [t for t in all_toks if t.word]
    if not toks or not toks[0].cap or name.count("(") != name.count(")"):
        return False
    if toks[-1].canon in _FUNCTION_WORDS or tuple(t.canon for t in toks[-2:]) == ("ủy", "ban"):
        return False
    group = toks[0].canon in {"các", "những"}
    i = 1 if group else 0
    head = _at(toks, i, _HEAD_PHRASES)
    if head is None:
        return True
    rest = toks[i + len(head) :]
    if not rest:
        return group or head in _COMPLETE_HEADS  # 'Các Bộ', 'Chính phủ'
    listed = all_toks.index(rest[0]) > 0 and all_toks[all_toks.index(rest[0]) - 1].raw == ","
    return listed or not (head in _NEEDS_TWO_WORDS and len(rest) == 1 and not _is_abbrev(rest[0]))


# Heads that name one body on their own, with nothing after them.
_COMPLETE_HEADS = {
    tuple(_canon(x).split())
    for x in _words("chính phủ|quốc hội|thủ tướng|kiểm toán nhà nước|bảo hiểm xã hội")
}


@dataclass
class _Entry:
    key: str
    display: str
    words: tuple[str, ...]
    mask: list[bool]
    assignments: list[Assignment]

    @property
    def has_level(self) -> bool:
        return any(self.mask)


class AgencyDirectory:
    """The agencies that were given a task, across documents, and how users may name them."""

    def __init__(self, assignments: Iterable[Assignment], places: Iterable[str] = ()) -> None:
        self._entries: dict[str, _Entry] = {}
        self._by_words: dict[tuple[str, ...], list[_Entry]] | None = None  # built on first use
        for a in assignments:
            e = self._entries.get(a.agency_key)
            if e is None:
                words = tuple(a.agency_key.split())
                e = _Entry(a.agency_key, a.agency, words, _level_mask(words), [])
                self._entries[a.agency_key] = e
            e.assignments.append(a)
        self._places = {w for p in places for w in _norm(p)}
        self._mentions: dict[tuple[str, ...], dict[str, int]] = {}  # phrase -> {key: offset}
        for e in self._entries.values():
            starts = [0]
            for k, w in enumerate(e.words[:-2]):
                if w == "cac":  # 'các Sở, ban, ngành', 'các cơ quan chuyên môn'
                    starts.append(k + 1)
            if e.words[:4] == ("uy", "ban", "mat", "tran"):  # 'Mặt trận Tổ quốc đặc khu'
                starts.append(2)
            for s0 in starts:
                sub = e.words[s0:]
                least = 3 if sub[0] in _SHORT_HEADS else 2
                for n in range(least, len(sub) + 1):
                    p = sub[:n]
                    generic = all(w in _GENERIC_MENTION_WORDS for w in p) and n <= _GENERIC_MENTION_MAX
                    if generic or p[-1] in _BAD_LAST:
                        continue
                    self._mentions.setdefault(p, {}).setdefault(e.key, s0)
        self._longest = max((len(p) for p in self._mentions), default=0)
        # bodies named as partners ('phối hợp với Sở Nội vụ'): never assignees, found apart
        self._partner_of: dict[str, list[tuple[str, Assignment]]] = {}
        for e in self._entries.values():
            for a in e.assignments:
                for partner in a.partners:
                    pkey = agency_key(partner)
                    if pkey and not _is_generic_group(partner):
                        self._partner_of.setdefault(pkey, []).append((_cap(partner), a))
        self._partners_dir: AgencyDirectory | None = None

    @classmethod
    def from_documents(cls, docs: Iterable[Document]) -> AgencyDirectory:
        docs = list(docs)
        return cls(
            (a for d in docs for a in extract_assignments(d)), places=[d.place for d in docs if d.place]
        )

    # --- listing ---
    def names(self, whole_only: bool = False) -> list[str]:
        """Display names of the agencies given a task; ``whole_only`` leaves out names that look cut
        or bare (see :func:`is_whole_name`), for lists shown to users."""
        return sorted(
            (e.display for e in self._entries.values() if not whole_only or is_whole_name(e.display)),
            key=fold,
        )

    def partner_roles(self, query: str) -> list[tuple[str, Assignment]]:
        """(name as written, assignment) for each task a typed name works on as a partner only
        ('Sở X chủ trì, phối hợp với Sở Nội vụ': 'Sở Nội vụ' -> that assignment of Sở X), in
        document order; [] for a name named as no partner."""
        if not self._partner_of:
            return []
        if self._partners_dir is None:
            # the partners' names, resolved the same way as assignees' (an entry per name)
            self._partners_dir = AgencyDirectory(
                Assignment(roles[0][0], k, "", "", "", "", 0, 0) for k, roles in self._partner_of.items()
            )
        out: list[tuple[str, Assignment]] = []
        for m in self._partners_dir.resolve(query):
            out.extend(self._partner_of.get(m.agency_key, []))
        return sorted(out, key=lambda x: (x[1].doc, x[1].line_start))

    def keys(self) -> list[str]:
        return sorted(self._entries)

    def display(self, key: str) -> str:
        return self._entries[key].display

    def assignments_of(self, key: str) -> list[Assignment]:
        e = self._entries.get(key)
        return list(e.assignments) if e else []

    # --- resolving a name ---
    def resolve(self, query: str) -> list[Match]:
        """Agencies a typed name designates, best first; [] when none was given a task."""
        q = _norm(query)
        if not q:
            return []
        exact_key = " ".join(re.findall(r"[0-9a-z]+", fold(nfc(query))))
        found = self._tiers(q, exact_key)
        if not found or _level_form(q)[2]:
            # 'UBND đặc khu', 'UBND cấp xã': the bodies of that level, however a document lists it
            # (a level named generically takes them all, beside the body named so)
            have = {m.agency_key for m in found}
            found += [m for m in self._same_level(q) if m.agency_key not in have]
        if not found:
            # 'Thanh tra thành phố Hải Phòng': the place of the document added to the name
            q1 = [w for w in q if w not in self._places]
            if q1 and q1 != q:
                found = [
                    Match(m.agency, m.agency_key, round(m.score - 0.2, 4), "place-free")
                    for m in self._tiers(q1, "")
                ]
        if not found:
            # 'Sở Tư pháp thành phố': a level added to a name that has none in the document
            q2 = [w for w, lv in zip(q, _level_mask(q), strict=True) if not lv and w not in self._places]
            if q2 and q2 != q:
                found = [
                    Match(m.agency, m.agency_key, round(m.score - 0.3, 4), "level-free")
                    for m in self._tiers(q2, "", only_levelless=True)
                ]
        if not found:
            found = [
                Match(self._entries[k].display, k, 0.5, "in-text") for k in self.find_agencies_in_text(query)
            ]
        return found

    def _same_level(self, q: list[str]) -> list[Match]:
        """Entries that are the queried body at the queried level of government, the level written
        as a list or as 'cấp ...' ('UBND cấp xã' -> 'UBND xã, phường, đặc khu', 'UBND cấp xã'; 'UBND
        đặc khu' -> 'UBND xã, phường, đặc khu' but not 'UBND xã, phường')."""
        qform, qlevels, generic = _level_form(q)
        if qform == tuple(q) or (not qlevels and not generic):
            return []  # no level in the query
        out = []
        for e in self._entries.values():
            eform, elevels, _ = _level_form(e.words)
            if eform == qform and (generic or qlevels <= elevels):
                out.append(Match(e.display, e.key, 0.65, "same-level"))
        return sorted(out, key=lambda m: fold(m.agency))

    def _tiers(self, q: list[str], exact_key: str, only_levelless: bool = False) -> list[Match]:
        qt = tuple(q)
        # the name as a whole: a dict look-up, not a pass over every agency (tier 0 wins anyway)
        if self._by_words is None:
            self._by_words = {}
            for e in self._entries.values():
                self._by_words.setdefault(e.words, []).append(e)
        by_words = self._by_words
        same = [e for e in by_words.get(qt, []) if not (only_levelless and e.has_level)]
        if same:
            exact = [Match(e.display, e.key, 1.0, "exact" if exact_key == e.key else "alias") for e in same]
            return sorted(exact, key=lambda m: (-m.score, fold(m.agency)))
        tiers: dict[int, list[Match]] = {}
        for e in self._entries.values():
            if only_levelless and e.has_level:
                continue
            cover = len(q) / len(e.words)
            if qt == e.words:
                how = "exact" if exact_key == e.key else "alias"
                tiers.setdefault(0, []).append(Match(e.display, e.key, 1.0, how))
            elif e.words[: len(q)] == qt:
                tiers.setdefault(1, []).append(Match(e.display, e.key, round(0.8 + 0.1 * cover, 4), "prefix"))
            elif _contiguous(q, e.words):
                tiers.setdefault(2, []).append(
                    Match(e.display, e.key, round(0.7 + 0.1 * cover, 4), "contains")
                )
            elif _subsequence_no_level_gap(q, e.words, e.mask):
                tiers.setdefault(3, []).append(
                    Match(e.display, e.key, round(0.6 + 0.1 * cover, 4), "partial")
                )
        if not tiers:
            return []
        best = tiers[min(tiers)]
        return sorted(best, key=lambda m: (-m.score, fold(m.agency)))

    def tasks_for(self, query: str) -> list[Assignment]:
        """The assignments of the agencies a typed name designates, across documents."""
        out: list[Assignment] = []
        for m in self.resolve(query):
            out.extend(sorted(self._entries[m.agency_key].assignments, key=lambda a: (a.doc, a.line_start)))
        return out

    def closest(self, query: str, n: int = 3) -> list[str]:
        """Names of the agencies nearest to an unknown name, for 'did you mean' messages."""
        q = " ".join(_norm(query))
        qset = set(q.split())
        scored: list[tuple[float, str]] = []
        for e in self._entries.values():
            if not is_whole_name(e.display):
                continue  # a cut or bare name ('Sở Tài', 'Ủy ban') is no suggestion
            ratio = difflib.SequenceMatcher(None, q, e.key).ratio()
            overlap = len(qset & set(e.words)) / max(len(qset | set(e.words)), 1)
            score = 0.6 * ratio + 0.4 * overlap
            if score >= 0.3:
                scored.append((score, e.display))
        scored.sort(key=lambda x: (-x[0], fold(x[1])))
        return [name for _, name in scored[:n]]

    # --- finding agencies in a question ---
    def find_agencies_in_text(self, text: str) -> list[str]:
        """Keys of the agencies a free question names ('so tu phap co nhiem vu gi'); generic words
        ('cơ quan', 'đơn vị', 'công tác thanh tra') name none."""
        toks = _query_tokens(text)
        words = [t.word for t in toks]
        no_caps = not any(c.isupper() for c in text)
        found: list[str] = []
        i = 0
        n = len(words)
        while i < n:
            hit: tuple[str, ...] | None = None
            for length in range(min(self._longest, n - i), 1, -1):
                p = tuple(words[i : i + length])
                if p in self._mentions:
                    hit = p
                    break
            if hit is None:
                i += 1
                continue
            length = len(hit)
            end = i + length
            if hit in _AMBIGUOUS_MENTIONS:
                named = (toks[i].cap and not toks[end - 1].comma_after) or (no_caps and i == 0)
                if not named:
                    i = end
                    continue
            offsets = self._mentions[hit]
            cands = sorted(offsets, key=lambda k: (len(self._entries[k].words), k))
            full = [k for k in cands if len(self._entries[k].words) == offsets[k] + length]
            keep = full or self._continuing({k: offsets[k] + length for k in cands}, toks, end)
            for k in keep:
                if k not in found:
                    found.append(k)
            i = end
        return found

    def _continuing(self, cands: dict[str, int], toks: list[_QTok], end: int) -> list[str]:
        """Among agencies that continue a matched prefix (key -> words matched so far), those the
        following words agree with."""
        if end >= len(toks):
            return list(cands)
        words = [t.word for t in toks]
        lv = next((p for p in _LEVEL_KEYS if tuple(words[end : end + len(p)]) == p), None)
        nxt = toks[end]
        if lv is None and not (nxt.cap and not nxt.initial) and not nxt.word.isdigit():
            return list(cands)
        follow = lv or (nxt.word,)
        keep = []
        for k in cands:
            rem = list(self._entries[k].words[cands[k] :])
            while rem and rem[0] in _SKIPPABLE:
                rem.pop(0)
            if tuple(rem[: len(follow)]) == follow:
                keep.append(k)
        return keep
