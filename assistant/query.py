"""Understand: a question about scoring tables as a typed :class:`Query`.

The middle of the pipeline for criteria questions: question → ``Query`` → executor
(:mod:`assistant.execute`, pure) → composer (:mod:`assistant.compose.query`). A ``Query`` says
what is asked for (criteria rows, or units made of them: groups, appendices, parts), the scope
(documents, groups, appendices, a part named by its code prefix), conditions over any column (with
bounds, equality, a share of the row's maximum), the operation (list, count, sum, average, top or
bottom N with ties, compare, difference to a goal, what-if) and the metric it works on.

The parser is a set of typed extractors over the folded question (typed with or without accents):
Vietnamese numbers (digits with a decimal comma, number words, 'một nửa', 'hai phần ba', 'N%'),
comparators and ranges, group letters and codes checked against the corpus's own rows. It names
forms of the language, not sentences; no document's content is written here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from assistant.model import CriterionRow
from assistant.text import expand_abbreviations, fold, squash

Column = Literal["max", "awarded", "deducted", "rate", "count"]
Op = Literal["<", "<=", ">", ">=", "=="]


@dataclass(frozen=True)
class Bound:
    op: Op
    value: Decimal
    of_max: bool = False  # the value is a share of the row's maximum ('dưới một nửa thang điểm')

    def holds(self, x: Decimal, maximum: Decimal) -> bool:
        v = self.value * maximum if self.of_max else self.value
        return {
            "<": x < v,
            "<=": x <= v,
            ">": x > v,
            ">=": x >= v,
            "==": x == v,
        }[self.op]


@dataclass(frozen=True)
class Condition:
    column: Column
    bounds: tuple[Bound, ...]


@dataclass
class Scope:
    docs: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    appendices: list[str] = field(default_factory=list)  # 'Phụ lục II'
    parts: list[str] = field(default_factory=list)  # code prefixes that are not rows themselves: 'B.1'
    codes: list[str] = field(default_factory=list)  # codes of rows


@dataclass
class Query:
    """What a question asks, as the executor needs it. In ``data['query']`` of every criteria answer."""

    target: str = "criteria"  # criteria | groups | appendices | parts
    operation: str = "list"  # list | count | sum | average | top | bottom | compare | difference | what_if
    scope: Scope = field(default_factory=Scope)
    conditions: list[Condition] = field(default_factory=list)
    metric: Column | None = None
    n: int | None = None
    goal: Bound | None = None  # difference: the total (or rate, with of_max) to reach
    goal_column: Column = "awarded"
    assume_max: list[str] = field(default_factory=list)  # what-if: groups, parts or codes at their maximum
    assume_value: Decimal | None = None  # what-if: ... at this many points instead ('nếu nhóm D đạt 8 điểm')
    narrowed: bool = False  # a follow-up working 'trong số đó' on the previous answer's rows
    explicit: bool = False  # the question states a bound itself (not only 'bị trừ', 'đạt tối đa')
    ratio: bool = False  # compare: how many times the first is of the second ('gấp mấy lần')
    higher: bool = True  # compare: which side is asked for ('cao hơn' True, 'thấp hơn' False)
    # target parts: every part whose code has this many segments ('mục cấp hai': A.1, B.2)
    level: int | None = None
    # top/bottom: the items at this place only ('bị trừ nhiều thứ nhì': the second value, its tie whole)
    nth: int | None = None

    def to_dict(self) -> dict[str, Any]:
        def plain(x: Any) -> Any:
            if isinstance(x, Decimal):
                return float(x)
            if isinstance(x, dict):
                return {k: plain(v) for k, v in x.items() if v not in (None, [], False)}
            if isinstance(x, list | tuple):
                return [plain(v) for v in x]
            return x

        return plain(asdict(self))


# --- typed extractors ----------------------------------------------------------------------------

_NUMBER_WORDS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
_SHARE_WORDS = {
    "mot nua": Decimal("0.5"),
    "nua": Decimal("0.5"),
    "mot phan ba": Decimal(1) / Decimal(3),
    "hai phan ba": Decimal(2) / Decimal(3),
    "mot phan tu": Decimal("0.25"),
    "ba phan tu": Decimal("0.75"),
}
_NUM = r"\d+(?:[.,]\d+)?"
_WORD_NUM = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_SHARE = "|".join(sorted(_SHARE_WORDS, key=len, reverse=True))
# a value: '0,3', '2', 'ba', 'một nửa thang điểm', '50% thang điểm', '2/3 thang điểm'
_VALUE = (
    rf"(?P<{{p}}share>{_SHARE})(?: (?:so |cua )?(?:thang diem|diem toi da|so diem toi da))?"
    rf"|(?P<{{p}}frac>\d+/\d+) (?:so |cua )?(?:thang diem|diem toi da)"
    rf"|(?P<{{p}}pct>{_NUM}) ?%(?: (?:so |cua )?(?:thang diem|diem toi da))?"
    rf"|(?P<{{p}}num>{_NUM}|{_WORD_NUM})(?= diem\b| tro (?:len|xuong)\b|\s*[,;.?)]|\s*$| (?:va|hoac|thi|la|nhung|tro|den|toi)\b| -)"
)


def _value(p: str) -> str:
    return _VALUE.replace("{p}", p)


def parse_value(m: re.Match[str], p: str = "") -> tuple[Decimal, bool] | None:
    """The number a value match holds, and whether it is a share of the maximum."""
    g = m.groupdict()
    if g.get(p + "share"):
        return _SHARE_WORDS[g[p + "share"]], True
    if g.get(p + "frac"):
        a, b = g[p + "frac"].split("/")
        return (Decimal(a) / Decimal(b), True) if int(b) else None
    if g.get(p + "pct"):
        return Decimal(g[p + "pct"].replace(",", ".")) / 100, True
    raw = g.get(p + "num")
    if not raw:
        return None
    if raw in _NUMBER_WORDS:
        return Decimal(_NUMBER_WORDS[raw]), False
    try:
        return Decimal(raw.replace(",", ".")), False
    except InvalidOperation:
        return None


# comparators before a value, longest first
_COMPARATORS: list[tuple[str, Op]] = [
    ("khong vuot qua", "<="),
    ("khong qua", "<="),
    ("khong hon", "<="),
    ("khong duoi", ">="),
    ("khong it hon", ">="),
    ("it nhat la", ">="),
    ("it nhat", ">="),
    ("toi thieu", ">="),
    ("nhieu hon", ">"),
    ("lon hon", ">"),
    ("cao hon", ">"),
    ("vuot qua", ">"),
    ("tren", ">"),
    ("hon", ">"),
    ("qua", ">"),
    ("it hon", "<"),
    ("nho hon", "<"),
    ("thap hon", "<"),
    ("chua den", "<"),
    ("chua toi", "<"),
    ("chua dat", "<"),
    ("duoi", "<"),
    ("dung bang", "=="),
    ("dung", "=="),
    ("bang", "=="),
    ("tu", ">="),  # 'từ 2 điểm trở lên' (a range 'từ 0,5 đến 1' is read first)
]
_CMP = "|".join(re.escape(w) for w, _ in _COMPARATORS)
_CMP_OP = dict(_COMPARATORS)

_RANGE = re.compile(
    rf"\b(?:tu|trong khoang|khoang|giua) (?:{_value('a')}) (?:diem )?(?:den|toi|-|va) (?:{_value('b')})"
)
_BOUND = re.compile(
    rf"\b(?P<cmp>{_CMP}) (?:{_value('v')})(?: diem)?(?P<suffix> tro len| tro xuong| tro lai)?"
)
# a column word directly followed by a value: 'thang điểm 3', 'bị trừ 2 điểm', 'đạt 0 điểm'
_COLUMN_VALUE = re.compile(
    rf"\b(?P<col>thang diem|diem toi da|bi tru|tru|dat|duoc) (?:la |dung |bang )?(?:{_value('c')})(?: diem)?\b"
    rf"(?! (?:tro len|tro xuong|den|toi|-))"
)

_COLUMNS: list[tuple[re.Pattern[str], Column]] = [
    (re.compile(r"\bbi tru\b|\btru\b|\bmat diem\b|\bdiem (?:bi )?tru\b"), "deducted"),
    (re.compile(r"\bthang diem\b|\bdiem toi da\b|\bdiem chuan\b|\bso diem toi da\b"), "max"),
    (re.compile(r"\bty le\b|\bphan tram\b"), "rate"),
    (re.compile(r"\bdat\b|\bduoc\b|\bdiem tham dinh\b|\bcham\b|\bdiem danh gia\b|\bdiem dat\b"), "awarded"),
]


def _column_at(q: str, pos: int, default: Column) -> Column:
    """The column a value at ``pos`` is about: the nearest column word before it, else the default."""
    best: tuple[int, Column] | None = None
    for rx, col in _COLUMNS:
        for m in rx.finditer(q, 0, pos):
            if best is None or m.start() > best[0]:
                best = (m.start(), col)
    return best[1] if best else default


def conditions(q: str) -> list[Condition]:
    """Conditions over the columns a folded question states ('bị trừ trên 0,3 và không quá 0,8 điểm')."""
    default: Column = "deducted" if re.search(r"\btru\b", q) else "awarded"
    found: list[tuple[int, Column, Bound]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _RANGE.finditer(q):
        lo, hi = parse_value(m, "a"), parse_value(m, "b")
        if lo is None or hi is None:
            continue
        col = _column_at(q, m.start(), default)
        found.append((m.start(), col, Bound(">=", lo[0], lo[1])))
        found.append((m.start(), col, Bound("<=", hi[0], hi[1] or lo[1])))
        taken.append(m.span())
    for m in _BOUND.finditer(q):
        if not free(*m.span()):
            continue
        parsed = parse_value(m, "v")
        if parsed is None or _is_year_or_date(q, m):
            continue
        op = _CMP_OP[m.group("cmp")]
        suffix = (m.group("suffix") or "").strip()
        if suffix == "tro len":
            op = ">=" if op in ("==", ">") else op
        elif suffix == "tro xuong":
            op = "<=" if op in ("==", "<") else op
        col = _column_at(q, m.start(), default)
        found.append((m.start(), col, Bound(op, parsed[0], parsed[1])))
        taken.append(m.span())
    for m in _COLUMN_VALUE.finditer(q):
        if not free(*m.span()):
            continue
        parsed = parse_value(m, "c")
        if parsed is None or _is_year_or_date(q, m):
            continue
        word = m.group("col")
        named: Column = (
            "max" if word in ("thang diem", "diem toi da") else "deducted" if "tru" in word else "awarded"
        )
        if named == "awarded" and not parsed[1] and not re.search(r"\bdiem\b", q[m.end() - 5 : m.end() + 6]):
            continue  # 'đạt 2' without 'điểm' is not a score ('đạt 2 chỉ tiêu')
        found.append((m.start(), named, Bound("==", parsed[0], parsed[1])))
        taken.append(m.span())
    by_column: dict[Column, list[Bound]] = {}
    for _, col, bound in sorted(found, key=lambda x: x[0]):
        if col == "rate":  # a criterion's rate is its awarded share of the maximum
            col, bound = "awarded", replace(bound, of_max=True, value=_as_share(bound))
        by_column.setdefault(col, []).append(bound)
    return [Condition(col, tuple(bounds)) for col, bounds in by_column.items()]


def _as_share(bound: Bound) -> Decimal:
    return bound.value if bound.of_max else bound.value / 100


def _is_year_or_date(q: str, m: re.Match[str]) -> bool:
    before = q[max(0, m.start() - 8) : m.start()]
    return bool(re.search(r"\b(nam|ngay|thang|so|luc|quy)\s*$", before)) or bool(
        re.match(r"\s*(?:nam|thang|ngay|%? ?so voi nam)\b", q[m.end() :])
        and not re.search(r"diem", q[m.start() : m.end()])
    )


def _small_int(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


_GROUP = re.compile(r"\bnhom (?:tieu chi )?([a-z]{1,3}|[ivx]{1,4})\b")
_MORE_GROUPS = re.compile(
    r"^(?:\s*(?:,|va|voi|hay|hoac|so voi)\s*(?:nhom (?:tieu chi )?)?([a-z]|[ivx]{1,4})\b)"
)
_APPENDIX = re.compile(r"\bphu luc (?:so )?([ivx]{1,5}|\d{1,2})\b")
# a criterion code as typed: B.1.10.2 (the router and the chat read codes with it too)
CODE = re.compile(r"(?<![\w.])([a-z](?:\.\d{1,2}){1,5})(?![\w]|\.\d)")

_TOP = re.compile(r"\b(nhieu|cao|lon|nang|manh|tot) (?:diem )?nhat\b|\bdung dau\b|\bdan dau\b")
_BOTTOM = re.compile(r"\b(it|thap|nho|kem|yeu|nhe) (?:diem )?nhat\b|\bdung cuoi\b|\bxep cuoi\b|\bbet\b")
_COMPARE = re.compile(
    r"\b(cao|thap|nhieu|it|lon|nho|tot|kem)(?: diem)? hon\b|\bso voi\b|\bso sanh\b|\bchenh (lech|nhau)\b|\bkhac nhau\b"
    r"|\bhon kem\b"
)
_COUNT = re.compile(r"\b(bao nhieu|may|so luong|so) (tieu chi|noi dung|muc)\b|\bdem\b|\bco bao nhieu\b")
_SUM = re.compile(r"\btong\b|\bcong lai\b|\bcong\b|\btat ca\b|\bca (muc|phan|nhom)\b")
_AVERAGE = re.compile(r"\btrung binh\b|\bbinh quan\b")
_GOAL = re.compile(
    rf"\b(?:thieu|can them|can|phai them|con)\b.{{0,30}}\b(?:de|thi|moi)\b.{{0,12}}\b(?:dat|duoc|len|toi|den|co)\b"
    rf"(?: duoc| muc| tong| so)?(?: diem)? (?:{_value('g')})"
)
# 'Muốn đạt 75 điểm thì cần thêm bao nhiêu?': the goal before the question word
_GOAL_FIRST = re.compile(
    rf"\b(?:muon|de|neu muon)\s+(?:dat|duoc|len|co)(?: duoc| muc| tong| so)?(?: diem)? (?:{_value('g')})"
    rf"(?: diem)?\b.{{0,30}}\b(?:can|thieu|them|phai)\b"
)
_AT_VALUE = re.compile(rf"\b(?:dat|duoc|co)\s+(?:{_value('w')})(?: diem)?\b")
_WHAT_IF = re.compile(r"\bneu\b|\bgia su\b|\bgia dinh\b|\btruong hop\b")
_AT_MAX = re.compile(
    r"\b(dat|duoc)(?: (?:go|lay|bu|tra) lai)? (toi da|tron diem|du diem|het diem|day du|diem toi da|het)\b"
    r"|\bkhong bi tru\b|\b(go|lay|bu) lai (du|het|toan bo)(?: diem| so diem)?\b"
)


def folded_question(question: str) -> str:
    return squash(expand_abbreviations(fold(question)))


def understand(question: str, rows: Sequence[CriterionRow], previous: Query | None = None) -> Query:
    """The ``Query`` a question about criteria asks; ``previous`` is the last turn's, for follow-ups."""
    q = folded_question(question)
    query = _understand(q, rows)
    if previous is not None and NARROWING.search(q):
        return narrow(previous, query)
    return query


# A follow-up working on the rows the previous answer gave ('trong số đó', 'trong các tiêu chí này').
NARROWING = re.compile(
    r"\btrong (so )?(do|nay|cac tieu chi (do|nay|tren))\b|\bnhung tieu chi (do|nay|tren)\b"
)


def _understand(q: str, rows: Sequence[CriterionRow]) -> Query:
    groups_known = {r.group.lower() for r in rows}
    codes_known = {r.code.lower() for r in rows}
    query = Query()
    scope = query.scope

    # scope: groups (several: 'nhóm B hay nhóm C', 'nhóm B và C'), appendices, codes and parts
    for m in _GROUP.finditer(q):
        for g in [m.group(1), *_following_groups(q[m.end() :])]:
            if g in groups_known and g.upper() not in scope.groups:
                scope.groups.append(g.upper())
    for m in _APPENDIX.finditer(q):
        label = "Phụ lục " + m.group(1).upper()
        if label not in scope.appendices:
            scope.appendices.append(label)
    for code in CODE.findall(q):
        if code in codes_known:
            scope.codes.append(code.upper())
        elif any(k.startswith(code + ".") for k in codes_known):
            scope.parts.append(code.upper())

    query.conditions = conditions(_without_scope_words(q))
    query.explicit = bool(query.conditions)
    implied = implied_conditions(q, query.conditions)
    query.conditions += implied
    if implied and re.search(r"\b(trong|giua) (so )?(cac |nhung )?(tieu chi|noi dung)\b", q):
        query.explicit = True  # 'trong các tiêu chí bị trừ điểm, ...' restricts whatever follows
    query.metric = _metric(q)

    # what-if: 'nếu nhóm D đạt tối đa', 'nếu B.1.3 không bị trừ', 'nếu nhóm D đạt 8 điểm'
    at_value = _AT_VALUE.search(q) if _WHAT_IF.search(q) else None
    if _WHAT_IF.search(q) and (_AT_MAX.search(q) or at_value):
        query.operation = "what_if"
        query.assume_max = [*scope.groups, *scope.parts, *scope.codes, *scope.appendices] or ["*"]
        if at_value and not _AT_MAX.search(q):
            parsed = parse_value(at_value, "w")
            if parsed is not None and not parsed[1]:
                query.assume_value = parsed[0]
        # 'nếu các tiêu chí bị trừ trên 2 điểm được gỡ lại đủ điểm': the rows assumed are those the
        # stated bounds pick (a bound implied by 'đạt tối đa' itself is not one)
        rest = (
            q[: at_value.start()] + q[at_value.end() :] if at_value else q
        )  # 'đạt 8 điểm' is the value assumed
        query.conditions = conditions(_without_scope_words(rest)) if query.explicit else []
        scope.groups, scope.parts, scope.codes, scope.appendices = [], [], [], []
        return query
    goal = _GOAL.search(q) or _GOAL_FIRST.search(q)
    if goal:
        parsed = parse_value(goal, "g")
        if parsed is not None:
            query.operation = "difference"
            query.goal = Bound(">=", parsed[0], parsed[1] or bool(re.search(r"\bty le\b|%", q)))
            query.conditions = [c for c in query.conditions if goal.start() > 0 and c.column != "awarded"]
            return query

    units = len(scope.groups) + len(scope.appendices) + len(scope.parts) + len(scope.codes)
    if units >= 2 and (
        _COMPARE.search(q)
        or re.search(r"\bgap (may|bao nhieu) lan\b", q)
        or re.search(r"\b(hay|hoac)\b.*\bnao\b|\bnao\b.*\bhon\b", q)
    ):
        query.operation = "compare"
        lower = re.search(r"\b(thap|it|nho|kem) hon\b", q)
        query.higher = lower is None
        if re.search(r"\b(nhieu|it) tieu chi hon\b|\bso (luong )?tieu chi\b|\bbao nhieu tieu chi\b", q):
            query.metric = "count"
        if re.search(r"\bgap (may|bao nhieu) lan\b", q):
            query.ratio = True
        query.target = "groups" if scope.groups else "appendices" if scope.appendices else "parts"
        return query

    unit_words = re.search(
        r"\b(nhom|phu luc|muc|phan) (?:tieu chi )?nao\b|\bcac (nhom|phu luc)\b|\btung (nhom|phu luc)\b", q
    )
    top, bottom = _TOP.search(q), _BOTTOM.search(q)
    if bottom and re.match(r"\s*(?:la )?" + _NUM, q[bottom.end() :]):
        bottom = None  # 'ít nhất 2 điểm' is a bound, not a ranking
    nth = _NTH.search(q)
    if nth and not (top or bottom):
        # 'bị trừ nhiều điểm thứ nhì': a place in a ranking, its direction said before it
        direction = re.search(r"\b(nhieu|cao|lon)\b|\b(it|thap|nho)\b", q[: nth.start()])
        if direction:
            top, bottom = (direction, None) if direction.group(1) else (None, direction)
    level = _level(q, scope)
    if level and (top or bottom or re.search(r"\b(moi|tung|cac) muc\b", q)):
        # 'trong các mục cấp hai (A.1, A.2, B.1, ...), mục nào bị trừ nhiều nhất': every part of that depth
        query.target, query.level, scope.parts = "parts", level, []
        if not (top or bottom):
            return query
    if top or bottom:
        query.operation = "bottom" if bottom and (not top or bottom.start() > top.start()) else "top"
        if query.level:
            pass
        elif unit_words:
            word = unit_words.group(1) or unit_words.group(2) or unit_words.group(3)
            query.target = "appendices" if word == "phu luc" else "groups"
        n = re.search(rf"\b(\d{{1,2}}|{_WORD_NUM}) (tieu chi|noi dung|nhom|phu luc|muc)\b", q)
        query.n = _small_int(n.group(1)) if n else None
        if nth:
            query.nth = 2 if nth.group(1) == "nhi" else _small_int(nth.group(1))
        return query
    if _AVERAGE.search(q):
        query.operation = "average"
    elif _COUNT.search(q):
        query.operation = "count"
    elif not query.conditions and (
        scope.parts or ((scope.groups or scope.appendices or len(scope.codes) >= 2) and _SUM.search(q))
    ):
        query.operation = "sum"  # a part is summed; groups, appendices or several codes when a total is asked
    return query


_NTH = re.compile(rf"\b(?:thu|dung thu|xep thu|hang) (nhi|{_WORD_NUM}|\d{{1,2}})\b")
_LEVEL = re.compile(rf"\b(?:muc|tieu muc|chi tieu) (?:o |thuoc )?cap ({_WORD_NUM}|\d)\b")


def _level(q: str, scope: Scope) -> int | None:
    """The code depth of the parts a question ranks: 'mục cấp hai' (2), or several parts given as
    examples of one depth and trailed off ('A.1, A.2, B.1, ...')."""
    m = _LEVEL.search(q)
    if m:
        return _small_int(m.group(1))
    depths = {p.count(".") + 1 for p in scope.parts}
    if len(scope.parts) >= 2 and len(depths) == 1 and re.search(r"\.\.\.|…|\bv\.?v\b|\bchang han\b", q):
        return depths.pop()
    return None


def implied_conditions(q: str, stated: Sequence[Condition]) -> list[Condition]:
    """Conditions a listing states in words: 'tiêu chí bị trừ điểm' (> 0), 'không bị trừ' (= 0),
    'đạt tối đa' (awarded = maximum), '0 điểm' (awarded = 0)."""
    if any(c.column == "deducted" for c in stated):
        return []
    if re.search(
        r"\b(trong|giua) (so )?(cac |nhung )?(tieu chi|noi dung)(?: (?:nhom|phu luc|muc) \w+)? (bi tru|co bi tru|bi mat diem)\b",
        q,
    ):
        return [Condition("deducted", (Bound(">", Decimal(0)),))]
    if re.search(r"khong bi tru|(dat|duoc) (toi da|tron diem|du diem)", q):
        return [Condition("deducted", (Bound("==", Decimal(0)),))]
    if (
        re.search(r"(tieu chi|noi dung).{0,20}(bi tru|bi mat diem)", q)
        and not _TOP.search(q)
        and not _BOTTOM.search(q)
    ):
        return [Condition("deducted", (Bound(">", Decimal(0)),))]
    return []


def _following_groups(rest: str) -> list[str]:
    out: list[str] = []
    while True:
        m = _MORE_GROUPS.match(rest)
        if not m:
            return out
        out.append(m.group(1))
        rest = rest[m.end() :]


def _without_scope_words(q: str) -> str:
    """The question without group letters, appendix numbers and codes, whose numbers are not values."""
    q = _APPENDIX.sub(" phu luc ", q)
    q = CODE.sub(" ma ", q)
    return re.sub(r"\b(nam|giai doan) \d{4}(?:\s*-\s*\d{4})?\b", " ", q)


def _metric(q: str) -> Column | None:
    if re.search(r"\bty le\b|\bphan tram\b|%", q):
        return "rate"
    if re.search(r"\btru\b|\bmat\b(?: \w+){0,2} diem\b", q):
        return "deducted"
    if re.search(r"\bthang diem\b|\bdiem toi da\b", q) and not re.search(r"\bdat\b", q):
        return "max"
    if re.search(r"\bdat\b|\bdiem\b", q):
        return "awarded"
    return None


def narrow(previous: Query, current: Query) -> Query:
    """A follow-up on the previous answer's rows: its scope and conditions, the new operation."""
    merged = replace(
        current,
        scope=previous.scope if not _has_scope(current.scope) else current.scope,
        conditions=[*previous.conditions, *current.conditions],
        narrowed=True,
    )
    return merged


def edit(previous: Query, current: Query) -> Query:
    """A follow-up that names only a new scope ('Còn nhóm B?'): the previous question over it."""
    if not _has_scope(current.scope):
        return previous
    return replace(previous, scope=current.scope, narrowed=False)


def _has_scope(scope: Scope) -> bool:
    return bool(scope.groups or scope.appendices or scope.parts or scope.codes)


# Operations the executor answers that the older intents did not.
ENGINE_OPERATIONS = {"compare", "difference", "what_if"}


def needs_engine(query: Query) -> bool:
    """Whether the typed executor answers this query (the older intents answer the rest)."""
    if query.operation in ENGINE_OPERATIONS or query.explicit or query.narrowed:
        return True
    if query.operation == "sum":
        kinds = sum(bool(x) for x in (query.scope.parts, query.scope.groups, query.scope.appendices))
        # a part, a group within an appendix, or several criteria added up
        return bool(query.scope.parts) or kinds >= 2 or len(query.scope.codes) >= 2
    if query.operation in ("top", "bottom") and (
        query.target in ("groups", "appendices") or query.level or query.nth
    ):
        return True
    if query.operation in ("top", "bottom") and query.metric in ("awarded", "rate"):
        return True
    return query.operation == "bottom" and query.metric in ("max", "deducted")  # ties kept whole
