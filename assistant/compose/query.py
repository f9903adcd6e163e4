"""Compose: the answer to a criteria :class:`~assistant.query.Query` from its executed result.

Every figure comes from :mod:`assistant.execute` (Decimal over the tables), written the
Vietnamese way, marked as computed where the document does not state it, and every row it rests
on is cited. Rows of different documents are never mixed: each document's tables are answered
on their own, under the document's name.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assistant import scoring
from assistant.answers import Answer, CitationSet
from assistant.compose.common import doc_name, say
from assistant.compose.numeric import _cite_row, _other_year, _rows_table, _scope, other_place
from assistant.compose.numeric import _line_dict as numeric_line_dict
from assistant.corpus import Corpus
from assistant.execute import Ranked, Result, execute
from assistant.model import CriterionRow
from assistant.query import Bound, Condition, Query
from assistant.text import format_decimal

_COLUMN_WORDS = {"max": "thang điểm", "awarded": "đạt", "deducted": "bị trừ", "rate": "tỷ lệ đạt"}
_OP_WORDS = {"<": "dưới", "<=": "không quá", ">": "trên", ">=": "từ", "==": "đúng"}


def _bound_text(b: Bound) -> str:
    if b.of_max:
        share = b.value * 100
        return f"{_OP_WORDS[b.op]} {format_decimal(share.quantize(Decimal('0.01')))}% thang điểm"
    return f"{_OP_WORDS[b.op]} {format_decimal(b.value)} điểm"


def condition_text(c: Condition) -> str:
    """'bị trừ trên 0,3 điểm và không quá 0,8 điểm', 'có thang điểm đúng 3 điểm'."""
    bounds = " và ".join(_bound_text(b) for b in c.bounds)
    if c.column == "max":
        return f"có thang điểm {bounds}"
    return f"{_COLUMN_WORDS[c.column]} {bounds}"


def _scope_text(q: Query) -> str:
    s = q.scope
    parts = [*(f"mục {p}" for p in s.parts), *(f"nhóm {g}" for g in s.groups), *s.appendices, *s.codes]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:] if text else ""


def answer_query(corpus: Corpus, question: str, query: Query) -> Answer:
    rows = _scope(corpus, question)
    if not rows:
        return Answer(answer=say("not_found_scores"), kind="not_found", data={"query": query.to_dict()})
    elsewhere = _other_year(corpus, question, rows) or other_place(corpus, question, rows)
    if elsewhere:
        return Answer(answer=elsewhere, kind="not_found", data={"query": query.to_dict()})
    by_doc: dict[str, list[CriterionRow]] = {}
    for r in rows:
        by_doc.setdefault(r.doc, []).append(r)
    if query.operation in _ON_POINTS_GIVEN and len(by_doc) > 1:
        # a table of maxima only (no points given: a form still to be filled) has nothing to add up,
        # compare or assume: it is left out when another document's table has points
        given = {d: rs for d, rs in by_doc.items() if any(r.awarded_points is not None for r in rs)}
        by_doc = given or by_doc
    cites = CitationSet()
    texts: list[str] = []
    data: dict[str, Any] = {"query": query.to_dict(), "results": []}
    found = False
    for doc_id, doc_rows in by_doc.items():
        result = execute(query, doc_rows)
        text, ok, part = _compose(corpus, result, cites)
        found = found or ok
        if len(by_doc) > 1:
            text = f"**{doc_name(corpus.docs[doc_id])}**\n\n{text}"
        texts.append(text)
        data["results"].append({"doc": doc_id, **part})
    kind = "numeric" if found else "not_found"
    return Answer(answer="\n\n".join(texts), kind=kind, citations=cites.items, data=data)


_ON_POINTS_GIVEN = frozenset({"sum", "average", "compare", "difference", "what_if", "top", "bottom"})


def _compose(corpus: Corpus, res: Result, cites: CitationSet) -> tuple[str, bool, dict[str, Any]]:
    q = res.query
    op = q.operation
    scope = _scope_text(q)
    where = f" ({scope})" if scope else ""
    if op in ("list", "count"):
        what = " và ".join(condition_text(c) for c in q.conditions) or "trong phạm vi này"
        if not res.rows:
            return say("query_none", what=what, scope=where), False, {"rows": []}
        text = say(
            "query_rows",
            count=len(res.rows),
            what=what,
            scope=where,
            codes=", ".join(r.code for r in res.rows),
            table=_rows_table(res.rows, cites, corpus),
        )
        return text, True, {"rows": [scoring.row_to_dict(r) for r in res.rows], "count": len(res.rows)}
    if op == "sum":
        line = res.total
        if line is None:
            return say("query_none", what="trong phạm vi này", scope=where), False, {}
        text = say(
            "query_sum",
            scope=scope or "Các tiêu chí",
            count=line.count,
            awarded=line.awarded_points.text,
            max=line.max_points.text,
            rate=line.rate.text if line.rate else "—",
            deducted=line.deducted_points.text,
            basis=line.awarded_points.basis,
            table=_rows_table(res.rows, cites, corpus),
        )
        return text, True, {"total": _line_dict(line)}
    if op == "average":
        if res.value is None:
            return say("query_none", what="có điểm", scope=where), False, {}
        column = q.metric if q.metric in ("max", "awarded", "deducted") else "awarded"
        text = say(
            "query_average",
            column=_COLUMN_WORDS[column],
            count=len(res.rows),
            scope=where,
            value=format_decimal(res.value),
            table=_rows_table(res.rows, cites, corpus),
        )
        return text, True, {"average": float(res.value), "count": len(res.rows)}
    if op in ("top", "bottom"):
        return _ranking(corpus, res, cites)
    if op == "compare":
        return _compare(corpus, res, cites)
    if op == "difference":
        return _difference(corpus, res, cites)
    if op == "what_if":
        return _what_if(corpus, res, cites)
    return "", False, {}


def _line_dict(line: scoring.ScoreLine) -> dict[str, Any]:
    return {**numeric_line_dict(line), "key": line.key}  # a unit may be a part or an appendix too


def _value_text(value: Decimal, metric: str) -> str:
    if metric == "count":
        return f"{format_decimal(value)} tiêu chí"
    return f"{format_decimal(value)}%" if metric == "rate" else f"{format_decimal(value)} điểm"


def _cite_line(corpus: Corpus, cites: CitationSet, rows: list[CriterionRow]) -> str:
    """The rows cited; a run of consecutive citations written as a range ('[1]–[17]')."""
    ids = sorted({_cite_row(corpus, cites, r) for r in rows} - {0})
    runs: list[list[int]] = []
    for i in ids:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return " ".join(f"[{r[0]}]" if len(r) == 1 else f"[{r[0]}]–[{r[-1]}]" for r in runs)


def _ranking(corpus: Corpus, res: Result, cites: CitationSet) -> tuple[str, bool, dict[str, Any]]:
    q = res.query
    metric = q.metric or "deducted"
    if not res.ranked:
        return say("query_none", what=_COLUMN_WORDS[metric], scope=""), False, {"ranked": []}
    word = "cao nhất" if q.operation == "top" else "thấp nhất"
    if metric == "deducted":
        word = "bị trừ nhiều nhất" if q.operation == "top" else "bị trừ ít nhất (trong các tiêu chí bị trừ)"
    elif metric == "max":
        word = f"có thang điểm {'lớn' if q.operation == 'top' else 'nhỏ'} nhất"
    else:
        word = f"{'đạt' if metric == 'awarded' else 'có tỷ lệ đạt'} {word}"
    if q.nth:  # 'thứ nhì': places by distinct values, a tie sharing its place
        word = word.replace(" nhất", "").replace(" (trong các tiêu chí bị trừ)", "") + f" thứ {q.nth}"
    items: list[str] = []
    data: list[dict[str, Any]] = []
    for r in res.ranked:
        items.append(_ranked_item(corpus, cites, r, metric))
        data.append({"rank": r.rank, "value": float(r.value), "tied": r.tied})
    unit = {"groups": "Nhóm", "appendices": "Phụ lục", "parts": "Mục"}.get(q.target, "Tiêu chí")
    tie = ""
    if q.nth:
        tie = "\n\n_Hạng tính theo từng mức điểm khác nhau; các mục cùng mức cùng hạng và đều được nêu._"
    elif any(r.tie_at_cut for r in res.ranked) or (len(res.ranked) > (q.n or 1)):
        tie = "\n\n" + say("tie_at_cut_note")
    text = say("query_ranking", unit=unit, what=word, items="\n".join(items), tie=tie)
    if q.target in ("groups", "appendices", "parts"):
        members = [x.item for x in res.ranked]
        rows = [
            r for r in corpus.criteria for m in members if isinstance(m, scoring.ScoreLine) and _member(r, m)
        ]
        cited = _cite_line(corpus, cites, rows)
        text += (
            f"\n\n_Số liệu do hệ thống tính, văn bản không ghi: tổng các cột theo {unit.lower()} "
            f"từ các dòng tiêu chí {cited}._"
        )
    return text, True, {"ranked": data}


def _ranked_item(corpus: Corpus, cites: CitationSet, r: Ranked, metric: str) -> str:
    item = r.item
    if isinstance(item, scoring.ScoreLine):
        cite = ""
        rate = f", tỷ lệ {item.rate.text}%" if item.rate and metric != "rate" else ""
        return (
            f"{r.rank}. **{item.label}**: {_value_text(r.value, metric)} "
            f"(đạt {item.awarded_points.text}/{item.max_points.text} điểm, bị trừ {item.deducted_points.text}{rate})"
            + cite
        )
    cid = _cite_row(corpus, cites, item)
    return (
        f"{r.rank}. **{item.code}** {item.title.rstrip('.')}: {_value_text(r.value, metric)} "
        f"(thang điểm {format_decimal(item.max_points)}, đạt "
        f"{format_decimal(item.awarded_points) if item.awarded_points is not None else '—'}) [{cid}]"
    )


def _compare(corpus: Corpus, res: Result, cites: CitationSet) -> tuple[str, bool, dict[str, Any]]:
    q = res.query
    metric = q.metric or "awarded"
    if len(res.lines) < 2:
        return say("query_none", what="để so sánh", scope=f" ({_scope_text(q)})"), False, {}
    lines = []
    for line in res.lines:
        members = [r for r in corpus.criteria if _member(r, line)]
        lines.append(
            f"- **{_unit_name(line)}** ({line.count} tiêu chí): đạt {line.awarded_points.text}/{line.max_points.text} điểm "
            f"({line.rate.text if line.rate else '—'}%), bị trừ {line.deducted_points.text} điểm "
            f"{_cite_line(corpus, cites, members)}".rstrip()
        )
    names = " và ".join(_unit_name(x) for x in res.lines if x.key in res.winner)
    measure = {
        "rate": "tỷ lệ đạt",
        "deducted": "số điểm bị trừ",
        "max": "thang điểm",
        "awarded": "số điểm đạt",
        "count": "số tiêu chí",
    }[metric]
    if len(res.winner) == len(res.lines):
        verdict = f"Các bên bằng nhau về {measure}."
    else:
        side = (
            ("nhiều hơn" if q.higher else "ít hơn")
            if metric in ("deducted", "count")
            else ("cao hơn" if q.higher else "thấp hơn")
        )
        verdict = (
            f"**{names}** có {measure} {side}, chênh lệch {_value_text(res.value or Decimal(0), metric)}."
        )
    if q.ratio and res.rate is not None:
        first, second = (_unit_name(x) for x in res.lines[:2])
        verdict = f"{measure[:1].upper() + measure[1:]} của **{first}** gấp **{format_decimal(res.rate)} lần** {second}."
    text = say(
        "query_compare",
        lines="\n".join(lines),
        verdict=verdict,
        basis="tổng cột Điểm thẩm định / Thang điểm của các tiêu chí thuộc từng phần",
    )
    return text, True, {"lines": [_line_dict(x) for x in res.lines], "winner": res.winner}


def _member(r: CriterionRow, line: scoring.ScoreLine) -> bool:
    code = scoring.normalize_code(r.code)
    key = line.key
    return (
        r.group.upper() == key
        or r.appendix == key
        or code == scoring.normalize_code(key)
        or code.startswith(scoring.normalize_code(key) + ".")
    ) and (not line.doc or r.doc == line.doc)


def _unit_name(line: scoring.ScoreLine) -> str:
    key = line.key
    if len(key) <= 4 and "." not in key and not key.startswith("Phụ"):
        return f"Nhóm {key}"
    if key.startswith("Phụ"):
        return key
    return f"Tiêu chí {key}" if line.count == 1 and key.count(".") >= 2 else f"Mục {key}"


def _difference(corpus: Corpus, res: Result, cites: CitationSet) -> tuple[str, bool, dict[str, Any]]:
    q = res.query
    line = res.total
    assert line is not None and q.goal is not None and res.value is not None
    goal = (
        f"{format_decimal((q.goal.value * 100).quantize(Decimal('0.01')))}% thang điểm"
        if q.goal.of_max
        else f"{format_decimal(q.goal.value)} điểm"
    )
    scope = _scope_text(q) or "Tổng điểm"
    _cite_line(corpus, cites, res.rows)
    if not res.reachable:
        verdict = f"Không thể đạt {goal}: thang điểm tối đa chỉ là {line.max_points.text} điểm."
    elif res.value == 0:
        verdict = f"Đã đạt {goal}, không thiếu điểm nào."
    else:
        verdict = f"Để đạt {goal} còn thiếu **{format_decimal(res.value)} điểm**."
    text = say(
        "query_difference",
        scope=scope,
        awarded=line.awarded_points.text,
        max=line.max_points.text,
        rate=line.rate.text if line.rate else "—",
        verdict=verdict,
        basis=line.awarded_points.basis,
    )
    return text, True, {"total": _line_dict(line), "missing": float(res.value), "reachable": res.reachable}


def _what_if(corpus: Corpus, res: Result, cites: CitationSet) -> tuple[str, bool, dict[str, Any]]:
    q = res.query
    line = res.total
    assert line is not None and res.value is not None
    names = ", ".join(
        (
            "các tiêu chí " + ", ".join(condition_text(c) for c in q.conditions)
            if q.conditions
            else "tất cả tiêu chí"
        )
        if n == "*"
        else (n if n.startswith("Phụ") else f"nhóm {n}" if "." not in n else n)
        for n in q.assume_max
    )
    gain = res.value - line.awarded_points.value
    names += f" đạt {format_decimal(q.assume_value)} điểm" if q.assume_value is not None else " đạt tối đa"
    text = say(
        "query_what_if",
        names=names,
        awarded=line.awarded_points.text,
        max=line.max_points.text,
        gain=format_decimal(gain),
        total=format_decimal(res.value),
        rate=format_decimal(res.rate) if res.rate is not None else "—",
        table=_rows_table(res.rows, cites, corpus) if res.rows else "",
    )
    return text, True, {"total": _line_dict(line), "new_total": float(res.value), "gain": float(gain)}
