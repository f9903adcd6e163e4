"""Execute: a criteria :class:`~assistant.query.Query` over the rows of one document's tables.

Pure and exact (Decimal), no wording: the composer (:mod:`assistant.compose.query`) writes the
answer. Works on any ingested document's criteria rows; nothing here knows the corpus files.
A ranking keeps a tie whole: the N-th place's equals are all in, flagged ``tie_at_cut``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from assistant import scoring
from assistant.model import CriterionRow
from assistant.query import Column, Query, Scope

ZERO = Decimal(0)


@dataclass
class Ranked:
    rank: int
    item: CriterionRow | scoring.ScoreLine
    value: Decimal
    tied: bool = False
    tie_at_cut: bool = False


@dataclass
class Result:
    query: Query
    rows: list[CriterionRow] = field(default_factory=list)  # the rows the answer is about
    lines: list[scoring.ScoreLine] = field(default_factory=list)  # units: groups, appendices, parts
    ranked: list[Ranked] = field(default_factory=list)
    total: scoring.ScoreLine | None = None  # the scope's totals (sum, difference, what-if)
    value: Decimal | None = None  # the figure asked for (average, difference, new total)
    rate: Decimal | None = None  # a new rate (what-if)
    reachable: bool = True  # difference: whether the goal is within the maximum
    winner: list[str] = field(default_factory=list)  # compare: the unit(s) ahead


def row_value(r: CriterionRow, column: Column) -> Decimal | None:
    if column == "max" or column == "count":
        return r.max_points
    if column == "awarded":
        return r.awarded_points
    if column == "deducted":
        return r.deduction
    return scoring.rate(r.awarded_points, r.max_points) if r.awarded_points is not None else None


def line_value(line: scoring.ScoreLine, column: Column) -> Decimal | None:
    if column == "count":
        return Decimal(line.count)
    if column == "max":
        return line.max_points.value
    if column == "awarded":
        return line.awarded_points.value
    if column == "deducted":
        return line.deducted_points.value
    return line.rate.value if line.rate else None


def in_scope(rows: Sequence[CriterionRow], scope: Scope) -> list[CriterionRow]:
    """Rows in any unit the scope names (every row when it names none)."""
    if not (scope.groups or scope.appendices or scope.parts or scope.codes):
        return list(rows)
    parts = [scoring.normalize_code(p) for p in scope.parts]
    codes = {scoring.normalize_code(c) for c in scope.codes}
    keep = []
    for r in rows:
        code = scoring.normalize_code(r.code)
        # units of one kind add up ('nhóm B và C'); kinds narrow each other ('nhóm C trong Phụ lục III')
        in_code = (
            not (parts or codes) or code in codes or any(code == p or code.startswith(p + ".") for p in parts)
        )
        if (
            in_code
            and (not scope.groups or r.group.upper() in scope.groups)
            and (not scope.appendices or r.appendix in scope.appendices)
        ):
            keep.append(r)
    return keep


def matches(r: CriterionRow, query: Query) -> bool:
    for cond in query.conditions:
        x = row_value(r, cond.column)
        if x is None or not all(b.holds(x, r.max_points) for b in cond.bounds):
            return False
    return True


def units(rows: Sequence[CriterionRow], query: Query) -> list[scoring.ScoreLine]:
    """The units a query compares or ranks, each with its computed totals."""
    s = query.scope
    if query.target == "appendices":
        lines = scoring.score_by_appendix(rows)
        return [x for x in lines if not s.appendices or x.key in s.appendices]
    if query.target == "groups":
        lines = scoring.score_by_group(rows)
        return [x for x in lines if not s.groups or x.key in s.groups]
    out: list[scoring.ScoreLine] = []
    if query.target == "parts" and query.level:
        depth = query.level
        prefixes = {
            ".".join(parts[:depth])
            for r in rows
            if len(parts := scoring.normalize_code(r.code).split(".")) >= depth
        }
        for code in sorted(prefixes, key=scoring._code_key):
            out.append(scoring._line(code, code, code, scoring.rows_under(rows, code)))
        return out
    for g in s.groups:
        out.extend(x for x in scoring.score_by_group(rows) if x.key == g)
    for a in s.appendices:
        out.extend(x for x in scoring.score_by_appendix(rows) if x.key == a)
    for code in [*s.parts, *s.codes]:
        members = scoring.rows_under(rows, code)
        if members:
            out.append(scoring._line(code, code, code, members))
    return out


def rank(
    items: Sequence[CriterionRow | scoring.ScoreLine],
    value: Callable[[CriterionRow | scoring.ScoreLine], Decimal | None],
    n: int,
    descending: bool,
) -> list[Ranked]:
    """The first ``n`` items by ``value`` (competition ranks), the tie at the cut kept whole."""
    valued = [(v, i) for i in items if (v := value(i)) is not None]
    valued.sort(key=lambda x: -x[0] if descending else x[0])
    if not valued or n <= 0:
        return []
    cut = valued[min(n, len(valued)) - 1][0]
    chosen = [(v, i) for v, i in valued if (v >= cut if descending else v <= cut)]
    over = len(chosen) > n
    counts: dict[Decimal, int] = {}
    for v, _ in valued:
        counts[v] = counts.get(v, 0) + 1
    out: list[Ranked] = []
    place, previous = 0, None
    for k, (v, i) in enumerate(chosen, start=1):
        if v != previous:
            place, previous = k, v
        out.append(Ranked(place, i, v, counts[v] > 1, over and v == cut))
    return out


def at_place(
    items: Sequence[CriterionRow | scoring.ScoreLine],
    value: Callable[[CriterionRow | scoring.ScoreLine], Decimal | None],
    place: int,
    descending: bool,
) -> list[Ranked]:
    """The items holding the ``place``-th value ('thứ nhì': the second highest), every one of them."""
    values = sorted({v for i in items if (v := value(i)) is not None}, reverse=descending)
    if not 1 <= place <= len(values):
        return []
    chosen = [i for i in items if value(i) == values[place - 1]]
    return [Ranked(place, i, values[place - 1], len(chosen) > 1) for i in chosen]


def execute(query: Query, rows: Sequence[CriterionRow]) -> Result:
    """Run ``query`` over ``rows`` (the criteria of one document)."""
    res = Result(query)
    scoped = in_scope(rows, query.scope) if query.operation not in ("compare", "what_if") else list(rows)
    if query.target in ("groups", "appendices") and query.operation not in ("compare",):
        scoped = list(rows) if not (query.scope.groups or query.scope.appendices) else scoped
    chosen = [r for r in scoped if matches(r, query)]
    op = query.operation
    if op in ("list", "count"):
        res.rows = sorted(chosen, key=lambda r: (scoring._code_key(scoring.normalize_code(r.code)), r.line))
        return res
    if op == "sum":
        res.rows = chosen
        res.total = _total(query, chosen) if chosen else None
        return res
    if op == "average":
        res.rows = chosen
        column = query.metric if query.metric in ("max", "awarded", "deducted") else "awarded"
        values = [v for r in chosen if (v := row_value(r, column)) is not None]
        if values:
            res.value = (sum(values, ZERO) / len(values)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return res
    if op in ("top", "bottom"):
        metric: Column = query.metric or "deducted"
        descending = op == "top"
        if query.target in ("groups", "appendices") or query.level:
            lines = units(chosen, query)
            res.ranked = rank(lines, lambda x: line_value(x, metric), query.n or 1, descending)  # type: ignore[arg-type]
            return res
        pool = chosen
        if metric == "deducted":
            pool = [r for r in chosen if r.deduction > 0]  # 'ít bị trừ nhất': among the deducted rows
        if query.nth:
            res.ranked = at_place(pool, lambda x: row_value(x, metric), query.nth, descending)  # type: ignore[arg-type]
            return res
        res.ranked = rank(pool, lambda x: row_value(x, metric), query.n or 1, descending)  # type: ignore[arg-type]
        return res
    if op == "compare":
        res.lines = units(rows, query)
        measure: Column = query.metric or "awarded"
        known: list[tuple[Decimal, str]] = [
            (v, x.key) for x in res.lines if (v := line_value(x, measure)) is not None
        ]
        if len(known) >= 2:
            values = [v for v, _ in known]
            best = max(values) if query.higher else min(values)
            res.winner = [k for v, k in known if v == best]
            res.value = max(values) - min(values)
            if query.ratio and known[1][0]:
                res.rate = (known[0][0] / known[1][0]).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return res
    if op == "difference":
        res.rows = chosen
        res.total = _total(query, chosen)
        goal = query.goal
        assert goal is not None
        maximum = res.total.max_points.value
        awarded = res.total.awarded_points.value
        target = goal.value * maximum if goal.of_max else goal.value
        res.value = max(target - awarded, ZERO)
        res.reachable = target <= maximum
        return res
    if op == "what_if":
        assumed = [r for r in _in_any(rows, _assumed_scope(query)) if matches(r, query)]
        res.rows = [r for r in assumed if r.deduction > 0] if query.assume_value is None else assumed
        res.total = scoring.overall(rows)
        if query.assume_value is not None:  # the unit at that many points instead of what it has
            gain = query.assume_value - sum((r.awarded_points or ZERO for r in assumed), ZERO)
        else:
            gain = sum((r.deduction for r in assumed), ZERO)
        res.value = res.total.awarded_points.value + gain
        res.rate = scoring.rate(res.value, res.total.max_points.value)
        return res
    raise ValueError(f"unknown operation {op!r}")


def _in_any(rows: Sequence[CriterionRow], scope: Scope) -> list[CriterionRow]:
    """Rows in any one of the units named (what-if: 'nhóm D và Phụ lục II đạt tối đa')."""
    if not (scope.groups or scope.appendices or scope.parts or scope.codes):
        return list(rows)
    out: list[CriterionRow] = []
    for one in (
        *(Scope(groups=[g]) for g in scope.groups),
        *(Scope(appendices=[a]) for a in scope.appendices),
        *(Scope(parts=[p]) for p in scope.parts),
        *(Scope(codes=[c]) for c in scope.codes),
    ):
        out.extend(r for r in in_scope(rows, one) if r not in out)
    return out


def _total(query: Query, rows: Sequence[CriterionRow]) -> scoring.ScoreLine:
    s = query.scope
    names = ", ".join([*s.parts, *s.codes, *(f"nhóm {g}" for g in s.groups), *s.appendices])
    return scoring._line(names, names, names, rows) if names else scoring.overall(rows)


def _assumed_scope(query: Query) -> Scope:
    if query.assume_max == ["*"]:
        return Scope()
    scope = Scope()
    for name in query.assume_max:
        if "." in name:
            scope.parts.append(name)
        elif name.startswith("Phụ lục"):
            scope.appendices.append(name)
        else:
            scope.groups.append(name)
    return scope
