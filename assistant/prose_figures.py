"""Arithmetic over figures a text states in its sentences, not in a scoring table: a rate times the
quantity a question gives ('1.386.000 đồng/ha/năm' for '10 ha' -> 13.860.000 đồng/năm), and the
difference of two figures a question compares ('Trưởng bộ môn được hỗ trợ nhiều hơn Phó trưởng bộ
môn bao nhiêu?'). Pure and exact (``Decimal``); the composer cites the lines the figures are on and
says the result is computed, not stated.

A figure is read with its unit and what it is per ('đồng/người/tháng'); the words before it on its
line, back to the figure before, are what it is of. Nothing here knows any document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.text import fold, format_decimal, nfc, parse_decimal

# '1.386.000 đồng/ha/năm', '2,5 triệu đồng/người', '500.000 đồng/hộ/tháng', '76,3%'
_MONEY = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*"
    r"(?P<unit>triệu đồng|nghìn đồng|ngàn đồng|tỷ đồng|đồng)(?![\w])"
    r"(?P<per>(?:\s*/\s*[^\W\d_]+(?: [^\W\d_]+(?=\s*/))?)*)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?<![\d.,])(?P<num>\d+(?:,\d+)?)\s*%")
# a quantity the question gives: '10 ha', 'trong 12 tháng', '5 khách'
_QUANTITY = re.compile(r"(?<![\d/.,])(\d+(?:,\d+)?)\s+([^\W\d_]+)")
# 'A cao hơn B bao nhiêu', 'A nhiều hơn B bao nhiêu tiền', 'A thấp hơn B bao nhiêu'
_COMPARED = re.compile(
    r"^(?P<a>.+?)\s+(?P<dir>cao|nhieu|lon|thap|it|nho)\s+hon\s+(?:so voi\s+)?(?P<b>.+?)\s+(?:la\s+)?"
    r"(?:bao nhieu|may)\b"
)
_LOWER = {"thap", "it", "nho"}
_FORM_WORDS = frozenset(
    [
        "theo",
        "cua",
        "la",
        "co",
        "duoc",
        "bi",
        "cho",
        "ve",
        "tai",
        "o",
        "trong",
        "va",
        "hay",
        "voi",
        "so",
        "muc",
        "kinh",
        "phi",
        "tien",
        "dong",
        "bao",
        "nhieu",
        "may",
    ]
)


@dataclass(frozen=True)
class Figure:
    """A figure stated on a line: its value, unit ('đồng', '%'), what it is per, as written, and the
    words before it on the line (what it is of)."""

    value: Decimal
    unit: str
    per: tuple[str, ...]
    written: str
    context: str
    per_written: tuple[str, ...] = ()


@dataclass(frozen=True)
class Computed:
    """A computed figure, how it was computed (Vietnamese, numbers the Vietnamese way) and the
    figures it rests on, with the index of the line each was found on."""

    value: Decimal
    text: str
    used: tuple[tuple[int, Figure], ...]


def figures(line: str) -> list[Figure]:
    """The money and percentage figures of one line, in order."""
    text = nfc(line)
    found = []
    for m in _MONEY.finditer(text):
        written = tuple(p.strip() for p in m.group("per").split("/")[1:] if p.strip())
        found.append((m.start(), m.end(), m.group("num"), fold(m.group("unit")), written))
    for m in _PERCENT.finditer(text):
        found.append((m.start(), m.end(), m.group("num"), "%", ()))
    found.sort()
    out: list[Figure] = []
    prev_end = 0
    for start, end, num, unit, per_written in found:
        value = parse_decimal(num)
        if value is None:
            continue
        per = tuple(fold(p) for p in per_written)
        out.append(Figure(value, unit, per, text[start:end].strip(), fold(text[prev_end:start]), per_written))
        prev_end = end
    return out


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold(text)) if w not in _FORM_WORDS}


def rate_times_quantity(question: str, lines: list[str]) -> Computed | None:
    """A rate stated per a unit the question gives a quantity of: the rate times the quantity
    ('bao nhiêu tiền mỗi năm' for '10 ha' at '1.386.000 đồng/ha/năm' -> 13.860.000 đồng/năm). The
    rate is the first one per that unit on the lines given (the passage best matching the question)."""
    q = fold(nfc(question))
    quantities: list[tuple[Decimal, str]] = []
    for raw, unit in _QUANTITY.findall(q):
        amount = parse_decimal(raw)
        if amount is not None and amount > 1:
            quantities.append((amount, unit))
    if not quantities:
        return None
    asked = _words(question)
    candidates = []
    for i, line in enumerate(lines):
        for fig in figures(line):
            for amount, unit in quantities:
                if unit in fig.per and fig.unit != "%":
                    candidates.append((len(asked & _words(fig.context)), -i, i, fig, amount, unit))
    if not candidates:
        return None
    # the rate whose words before it share most with the question ('rừng phòng hộ' of two rates per
    # ha); of equals, the first (the quoted line comes first)
    _, _, i, fig, amount, unit = max(candidates, key=lambda c: (c[0], c[1]))
    rest = [w for p, w in zip(fig.per, fig.per_written, strict=True) if p != unit]
    value = fig.value * amount
    per = "".join(f"/{p}" for p in rest)
    written_unit = fig.written[len(fig.written.split()[0]) :].split("/")[0].strip()
    text = (
        f"{fig.written} × {format_decimal(amount)} {unit_word(question, unit)} = "
        f"**{format_decimal(value)} {written_unit}{per}**"
    )
    return Computed(value, text, ((i, fig),))


def unit_word(question: str, folded_unit: str) -> str:
    """The unit as the question writes it ('ha', 'tháng')."""
    for w in re.findall(r"[^\W\d_]+", nfc(question)):
        if fold(w) == folded_unit:
            return w
    return folded_unit


def difference(question: str, lines: list[str]) -> Computed | None:
    """The difference of the two figures a question compares ('A cao hơn B bao nhiêu'): each side's
    figure is the one whose words before it share most of that side's words and least of the
    other's; both in the same unit, per the same things. None when either side has no figure."""
    m = _COMPARED.search(re.sub(r"^(?:theo|trong|tai)\b[^,]*,\s*", "", fold(nfc(question)).rstrip("?. ")))
    if not m:
        return None
    side_a, side_b = _words(m.group("a")), _words(m.group("b"))
    only_a, only_b = side_a - side_b, side_b - side_a
    if not only_b and not only_a:
        return None
    found = [(i, f) for i, line in enumerate(lines) for f in figures(line)]

    def score(fig: Figure, own: set[str], other: set[str]) -> int:
        words = _words(fig.context)
        return len(own & words) - len(other & words)

    # the two figures chosen together: each of its side's words, not the other's, and near each
    # other ('66,7% kế hoạch (bình quân cả nước là 54,4%)' over a 'bình quân cả nước' lines above)
    pairs = []
    for ka, (ia, fa) in enumerate(found):
        sa = score(fa, side_a, only_b)
        if sa <= 0:
            continue
        for kb, (ib, fb) in enumerate(found):
            if fb is fa or (fb.unit, fb.per) != (fa.unit, fa.per) or not (only_b & _words(fb.context)):
                continue
            sb = score(fb, side_b | only_b, only_a)
            if sb > 0:
                # near: in figures stated between them (a wrapped paragraph is one logical line),
                # and in one sentence
                between = [found[k][1].context for k in range(min(ka, kb) + 1, max(ka, kb) + 1)]
                apart = any(re.search(r"[.;]\s", c) for c in between)
                pairs.append((sa + sb - 0.5 * abs(ka - kb) - apart, -min(ia, ib), (ia, fa), (ib, fb)))
    if not pairs:
        return None
    _, _, best_a, best_b = max(pairs, key=lambda p: (p[0], p[1]))
    a, b = best_a[1], best_b[1]
    delta = a.value - b.value
    unit = "điểm phần trăm" if a.unit == "%" else a.written[len(a.written.split()[0]) :].strip()
    verb = "cao hơn" if delta > 0 else "thấp hơn" if delta < 0 else "bằng"
    text = f"{a.written} so với {b.written}: {verb}" + (
        f" **{format_decimal(abs(delta))} {unit}**" if delta else ""
    )
    asked_lower = m.group("dir") in _LOWER
    if delta and (delta < 0) != asked_lower:
        text += " (ngược với điều câu hỏi giả định)"
    return Computed(abs(delta), text, ((best_a[0], a), (best_b[0], b)))
