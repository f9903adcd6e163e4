"""Scores, deductions, totals, rankings and counts: answered only from the scoring module.

Every figure is computed with Decimal from the tables by :mod:`assistant.scoring`, written the
Vietnamese way, and says whether the document states it or it was computed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from assistant import scoring
from assistant.answers import Answer, CitationSet
from assistant.compose.common import doc_name, say
from assistant.corpus import Corpus
from assistant.documents import appendix_label
from assistant.errors import NotFoundError
from assistant.model import CriterionRow, TableTotal
from assistant.places import NATIONWIDE, named_places
from assistant.router import Route, criterion_topic_words
from assistant.text import fold, format_decimal


def _fmt(value: Any) -> str:
    return format_decimal(value) if value is not None else "—"


def _rows_table(
    rows: Sequence[CriterionRow], cites: CitationSet, corpus: Corpus, rank: dict[int, str] | None = None
) -> str:
    head = "| Mã | Tiêu chí | Phụ lục | Thang điểm | Điểm thẩm định | Điểm bị trừ | Nguồn |"
    sep = "|---|---|---|---:|---:|---:|---|"
    if rank is not None:
        head = "| Hạng " + head
        sep = "|---" + sep
    out = [head, sep]
    for r in rows:
        cid = _cite_row(corpus, cites, r)
        cells = [
            r.code,
            r.title.replace("|", "/"),
            r.appendix,
            _fmt(r.max_points),
            _fmt(r.awarded_points),
            _fmt(r.deduction) + ("" if r.deducted_points is not None else "*"),
            f"[{cid}]",
        ]
        if rank is not None:
            cells.insert(0, rank.get(id(r), ""))
        out.append("| " + " | ".join(cells) + " |")
    if any(r.deducted_points is None and r.deduction for r in rows):
        out.append("\n\\* tính bằng Thang điểm − Điểm thẩm định (bảng không có cột Điểm bị trừ).")
    return "\n".join(out)


def _cite_row(corpus: Corpus, cites: CitationSet, r: CriterionRow) -> int:
    doc = corpus.docs[r.doc]
    sec = doc.section(r.appendix)
    if sec is None:
        return 0
    return cites.add_row(doc, sec, r.line)


def _cite_total(corpus: Corpus, cites: CitationSet, doc_id: str, t: TableTotal) -> int:
    doc = corpus.docs[doc_id]
    sec = doc.section(t.appendix)
    return cites.add_row(doc, sec, t.line) if sec else 0


def _scope(corpus: Corpus, question: str) -> list[CriterionRow]:
    docs = [d.doc_id for d in corpus.pick_documents(question) if d.criteria]
    if docs:
        return [r for r in corpus.criteria if r.doc in docs]
    return list(corpus.criteria)


def _totals_map(corpus: Corpus) -> dict[str, list[TableTotal]]:
    return {d.doc_id: list(d.totals) for d in corpus.docs.values()}


def _line_dict(line: scoring.ScoreLine) -> dict[str, Any]:
    return {
        "group": line.key,
        "label": line.label,
        "count": line.count,
        "max_points": float(line.max_points.value),
        "awarded_points": float(line.awarded_points.value),
        "deducted_points": float(line.deducted_points.value),
        "rate": float(line.rate.value) if line.rate else None,
    }


# Intents over a set of rows that a group or an appendix named in the question narrows down
# ('Nhóm C có bao nhiêu tiêu chí đạt tối đa?'); the group and appendix intents narrow themselves.
_SCOPED = {
    "top_deductions",
    "top_awarded",
    "top_max",
    "least_deductions",
    "zero",
    "full",
    "count",
}


def answer_numeric(corpus: Corpus, question: str, route: Route) -> Answer:
    rows = _scope(corpus, question)
    if not rows:
        return Answer(answer=say("not_found_scores"), kind="not_found")
    other_year = _other_year(corpus, question, rows) or other_place(corpus, question, rows)
    if other_year:
        return Answer(answer=other_year, kind="not_found", data={"intent": route.intent})
    scope_note = ""
    if route.intent in _SCOPED:
        rows, scope_note = _narrow(rows, route)
        if not rows:
            return Answer(answer=say("not_found_scores"), kind="not_found")
    cites = CitationSet()
    handler = _HANDLERS[route.intent]
    text, data = handler(corpus, question, route, rows, cites)
    if not text:
        return Answer(answer=say("not_found_scores"), kind="not_found")
    if scope_note:
        text = scope_note + "\n" + text
    kind = "not_found" if data.pop("not_found", False) else "numeric"
    data["intent"] = route.intent
    return Answer(answer=text, kind=kind, citations=cites.items, data=data)


Result = tuple[str, dict[str, Any]]


def _narrow(rows: list[CriterionRow], route: Route) -> tuple[list[CriterionRow], str]:
    """Rows of the group and/or appendix the question names, and a line saying so."""
    scope = []
    group = route.params.get("group")
    if group:
        rows = scoring.rows_in_group(rows, group)
        scope.append(f"nhóm {group}")
    if route.params.get("appendix"):
        label = appendix_label(route.params["appendix"])
        rows = [r for r in rows if r.appendix == label]
        scope.append(label)
    return rows, (say("numeric_scope", scope=", ".join(scope)) if scope else "")


def _other_year(corpus: Corpus, question: str, rows: list[CriterionRow]) -> str:
    """A not-found message when the question asks about a year the scoring tables are not of.

    The year of a scoring document is the one its subject gives ('... đánh giá công tác phòng,
    chống tham nhũng năm 2023 ...'); a question naming only other years is not about its tables.
    """
    asked = set(re.findall(r"\b(20\d\d)\b", question))
    if not asked:
        return ""
    docs = [corpus.docs[d] for d in dict.fromkeys(r.doc for r in rows)]
    years = {y for d in docs for y in re.findall(r"\b(20\d\d)\b", d.subject or "")}
    if not years:
        return ""
    missing = asked - years
    # 'So với năm 2022, điểm 2023 tăng hay giảm?': a comparison needs every year it names
    compares = len(asked) >= 2 or re.search(r"\bso voi\b|\btang hay giam\b|\bchenh lech\b", fold(question))
    if asked & years and not (missing and compares):
        return ""
    return say(
        "not_found_year",
        years=", ".join(sorted(years)),
        document=", ".join(doc_name(d) for d in docs),
        asked=", ".join(sorted(missing)),
    )


def other_place(corpus: Corpus, question: str, rows: list[CriterionRow]) -> str:
    """A not-found message when the question names a province or city the scoring tables are not of."""
    asked = named_places(question)
    if NATIONWIDE.search(fold(question)):
        asked = [*asked, "cả nước"]
    if not asked:
        return ""
    docs = [corpus.docs[d] for d in dict.fromkeys(r.doc for r in rows)]
    own = " ".join(fold(f"{d.place} {d.issuer} {d.subject} {' '.join(d.lines[:12])}") for d in docs)
    if any(fold(p) in own for p in asked):
        return ""
    places = sorted({d.place for d in docs if d.place})
    return say(
        "not_found_place",
        places=", ".join(places) or "nơi khác",
        document=", ".join(doc_name(d) for d in docs),
        asked=", ".join(asked),
    )


def _criterion(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    found: list[CriterionRow] = []
    blocks: list[str] = []
    for code in route.params["codes"]:
        try:
            matched = scoring.find_by_code(rows, code)
        except NotFoundError as exc:
            blocks.append(
                say("not_found_code", code=code, suggestions=", ".join(exc.suggestions) or "không có")
            )
            continue
        found.extend(matched)
        for r in matched:
            blocks.append(_describe_row(corpus, cites, r, route.params.get("field", "all")))
    data: dict[str, Any] = {"rows": [scoring.row_to_dict(r) for r in found]}
    if not found:
        data["not_found"] = True
        data["suggestions"] = [s for c in route.params["codes"] for s in scoring.closest_codes(rows, c)]
    return "\n\n".join(blocks), data


def _describe_row(corpus: Corpus, cites: CitationSet, r: CriterionRow, field: str) -> str:
    cid = _cite_row(corpus, cites, r)
    ded = scoring.row_deduction(r)
    awarded = r.awarded_points
    if ded.value == 0:
        verdict = say("criterion_full")
    else:
        note = "" if ded.stated else " (" + say("computed_note", basis=ded.basis) + ")"
        verdict = say("criterion_deducted", deducted=ded.text, note=note)
    lead = {"max": "criterion_lead_max", "deducted": "criterion_lead_deducted"}.get(field, "criterion_lead")
    return say(
        lead,
        code=r.code,
        title=r.title,
        appendix=r.appendix,
        max=_fmt(r.max_points),
        awarded=_fmt(awarded),
        verdict=verdict,
        cite=f"[{cid}]",
    )


def _top(corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet) -> Result:
    n = route.params.get("n")
    first = scoring.top_deductions(rows, 1)
    if not first:
        return say("no_deductions"), {"rows": []}
    context = scoring.top_deductions(rows, n or 5)
    leaders = [x for x in context if x.rank == 1]
    lead_items = []
    for x in leaders:
        cid = _cite_row(corpus, cites, x.row)
        lead_items.append(
            say(
                "top_item",
                code=x.row.code,
                title=x.row.title,
                appendix=x.row.appendix,
                deducted=x.deduction.text,
                max=_fmt(x.row.max_points),
                awarded=_fmt(x.row.awarded_points),
                cite=f"[{cid}]",
            )
        )
    tie = say("tie_note", count=len(leaders)) if len(leaders) > 1 else ""
    rank = {id(x.row): x.rank_label for x in context}
    table = _rows_table([x.row for x in context], cites, corpus, rank)
    cut = say("tie_at_cut_note") if any(x.tie_at_cut for x in context) else ""
    text = say(
        "top_deductions",
        leaders="\n".join(f"- {s}" for s in lead_items),
        tie=tie,
        n=len(context),
        table=table,
        cut=cut,
        total=len([r for r in rows if r.deduction > 0]),
    )
    return text, {"rows": [scoring.ranked_to_dict(x) for x in context]}


def _top_max(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    ranked = sorted(
        (r for r in rows if r.max_points is not None), key=lambda r: (-r.max_points, r.doc, r.line)
    )
    if not ranked:
        return "", {}
    top = ranked[0].max_points
    n = max(route.params.get("n") or 5, sum(1 for r in ranked if r.max_points == top))
    cut = ranked[min(n, len(ranked)) - 1].max_points
    chosen = [r for r in ranked if r.max_points >= cut]
    leaders = [
        f"- {r.code} {r.title} ({r.appendix}): thang điểm {_fmt(r.max_points)}, đạt {_fmt(r.awarded_points)} "
        f"[{_cite_row(corpus, cites, r)}]"
        for r in chosen
        if r.max_points == top
    ]
    text = say(
        "top_max",
        max=_fmt(top),
        leaders="\n".join(leaders),
        n=len(chosen),
        table=_rows_table(chosen, cites, corpus),
    )
    return text, {"rows": [scoring.row_to_dict(r) for r in chosen]}


def _least(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    ranked = sorted((r for r in rows if r.deduction > 0), key=lambda r: (r.deduction, r.doc, r.line))[:5]
    if not ranked:
        return say("no_deductions"), {"rows": []}
    table = _rows_table(ranked, cites, corpus)
    return say("least_deductions", n=len(ranked), table=table), {
        "rows": [scoring.row_to_dict(r) for r in ranked]
    }


def _zero(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    zero = scoring.zero_rows(rows)
    if not zero:
        return say("no_zero_rows"), {"rows": []}
    codes = ", ".join(r.code for r in zero)
    text = say("zero_rows", count=len(zero), codes=codes, table=_rows_table(zero, cites, corpus))
    return text, {"rows": [scoring.row_to_dict(r) for r in zero]}


def _full(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    full = scoring.full_rows(rows)
    by_app: dict[str, list[CriterionRow]] = {}
    for r in full:
        by_app.setdefault(f"{r.doc}|{r.appendix}", []).append(r)
    notes = []
    for key, members in by_app.items():
        doc_id, appendix = key.split("|")
        doc = corpus.docs[doc_id]
        sec = doc.section(appendix)
        if sec is None:
            continue
        cid = cites.add_line(doc, sec, sec.line_start + 1, "100% thang điểm")
        total = next((t for t in doc.totals if t.appendix == appendix), None)
        tid = _cite_total(corpus, cites, doc_id, total) if total else cid
        notes.append(
            say(
                "full_appendix",
                appendix=appendix,
                count=len(members),
                title=sec.title,
                cite=f"[{cid}]",
                cite_total=f"[{tid}]",
            )
        )
    codes = ", ".join(r.code for r in full)
    text = say(
        "full_rows",
        count=len(full),
        total=len(rows),
        codes=codes,
        appendices="\n".join(f"- {n}" for n in notes),
    )
    return text, {"rows": [scoring.row_to_dict(r) for r in full], "count": len(full)}


def _group(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    g = route.params["group"]
    members = scoring.rows_in_group(rows, g)
    if not members:
        known = sorted({r.group for r in rows})
        return say("not_found_group", group=g, groups=", ".join(known)), {"not_found": True}
    line = scoring.score_by_group(members)[0]
    for r in members:
        _cite_row(corpus, cites, r)
    text = say(
        "group_score",
        group=g,
        count=line.count,
        awarded=line.awarded_points.text,
        max=line.max_points.text,
        rate=line.rate.text if line.rate else "—",
        deducted=line.deducted_points.text,
        basis=line.awarded_points.basis,
        table=_rows_table(
            [r for r in members if r.deduction > 0] if route.params.get("deducted_only") else members,
            cites,
            corpus,
        ),
    )
    all_groups = [_line_dict(x) for x in scoring.score_by_group(rows)]
    return text, {
        "group": _line_dict(line),
        "groups": all_groups,
        "rows": [scoring.row_to_dict(r) for r in members],
    }


def _groups(
    corpus: Corpus,
    question: str,
    route: Route,
    rows: list[CriterionRow],
    cites: CitationSet,
    ranking: bool = False,
) -> Result:
    lines = scoring.score_by_group(rows)
    if ranking:
        lines = sorted(lines, key=lambda x: (-x.deducted_points.value, x.key))
    table = [
        "| Nhóm | Số tiêu chí | Thang điểm | Điểm đạt | Điểm bị trừ | Tỷ lệ đạt |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for x in lines:
        table.append(
            f"| {x.key} | {x.count} | {x.max_points.text} | {x.awarded_points.text} | {x.deducted_points.text} | "
            f"{x.rate.text if x.rate else '—'}% |"
        )
    for t in _stated_totals(corpus, rows):
        _cite_total(corpus, cites, *t)
    if ranking:
        text = say(
            "group_ranking",
            table="\n".join(table),
            top=lines[0].key,
            top_deducted=lines[0].deducted_points.text,
        )
    else:
        text = say("groups_score", table="\n".join(table))
    return text, {"groups": [_line_dict(x) for x in lines]}


def _group_ranking(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    return _groups(corpus, question, route, rows, cites, ranking=True)


def _stated_totals(corpus: Corpus, rows: list[CriterionRow]) -> list[tuple[str, TableTotal]]:
    docs = sorted({r.doc for r in rows})
    return [(d, t) for d in docs for t in corpus.docs[d].totals]


def _appendix(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    label = appendix_label(
        route.params["appendix"].upper()
        if not route.params["appendix"].isdigit()
        else route.params["appendix"]
    )
    members = [r for r in rows if r.appendix == label]
    if not members:
        known = sorted({r.appendix for r in rows})
        return say("not_found_appendix", appendix=label, appendices=", ".join(known)), {"not_found": True}
    lines = scoring.score_by_appendix(members, _totals_map(corpus))
    blocks = []
    for line in lines:
        total = (
            next((t for t in corpus.docs[line.doc or members[0].doc].totals if t.appendix == label), None)
            if line.stated_line
            else None
        )
        tid = _cite_total(corpus, cites, line.doc or members[0].doc, total) if total else 0
        parts = []
        for what, computed, stated in (
            ("Thang điểm", line.max_points, line.stated_max_points),
            ("Điểm thẩm định", line.awarded_points, line.stated_awarded_points),
            ("Điểm bị trừ", line.deducted_points, line.stated_deducted_points),
        ):
            if stated is not None:
                agree = (
                    "khớp"
                    if stated.value == computed.value
                    else f"KHÔNG khớp: cộng các dòng được {computed.text}"
                )
                parts.append(
                    say(
                        "appendix_stated",
                        what=what,
                        value=stated.text,
                        agree=agree,
                        count=line.count,
                        cite=f"[{tid}]",
                    )
                )
            else:
                parts.append(say("appendix_computed", what=what, value=computed.text, count=line.count))
        blocks.append(
            say(
                "appendix_score",
                appendix=label,
                count=line.count,
                awarded=(line.stated_awarded_points or line.awarded_points).text,
                max=(line.stated_max_points or line.max_points).text,
                rate=line.rate.text if line.rate else "—",
                deducted=(line.stated_deducted_points or line.deducted_points).text,
                lines="\n".join(f"- {p}" for p in parts),
            )
        )
    table = _rows_table(members, cites, corpus)
    return "\n\n".join(blocks) + "\n\n" + table, {
        "appendix": [scoring.score_line_to_dict(x) for x in lines],
        "rows": [scoring.row_to_dict(r) for r in members],
    }


def _overall(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    line = scoring.overall(rows)
    apps = scoring.score_by_appendix(rows, _totals_map(corpus))
    for doc_id, t in _stated_totals(corpus, rows):
        _cite_total(corpus, cites, doc_id, t)
    table = ["| Phần | Số tiêu chí | Thang điểm | Điểm đạt | Điểm bị trừ |", "|---|---:|---:|---:|---:|"]
    for x in apps:
        table.append(
            f"| {x.label} | {x.count} | {x.max_points.text} | {x.awarded_points.text} | {x.deducted_points.text} |"
        )
    groups = scoring.score_by_group(rows)
    text = say(
        "overall_score",
        awarded=line.awarded_points.text,
        max=line.max_points.text,
        rate=line.rate.text if line.rate else "—",
        deducted=line.deducted_points.text,
        count=line.count,
        basis=line.awarded_points.basis,
        table="\n".join(table),
        cites=" ".join(f"[{c.id}]" for c in cites.items),
    )
    return text, {
        "overall": _line_dict(line),
        "groups": [_line_dict(x) for x in groups],
        "appendix": [scoring.score_line_to_dict(x) for x in apps],
    }


def _count(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    c = scoring.counts(rows)
    deducted = len([r for r in rows if r.deduction > 0])
    for doc_id, t in _stated_totals(corpus, rows):
        _cite_total(corpus, cites, doc_id, t)
    per_app = "\n".join(f"- {k}: {v} tiêu chí" for k, v in c.per_appendix.items())
    per_group = ", ".join(f"nhóm {k}: {v}" for k, v in c.per_group.items())
    text = say(
        "criteria_count",
        total=c.total,
        per_appendix=per_app,
        per_group=per_group,
        zero=c.zero,
        full=c.full,
        deducted=deducted,
    )
    return text, {"counts": scoring.counts_to_dict(c)}


def _title_search(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    words = criterion_topic_words(question)
    found = scoring.search_by_title(rows, words) if words else []
    if not found:
        return "", {}
    blocks = [
        _describe_row(corpus, cites, r, "deducted" if route.params.get("deducted") else "all")
        for r in found[:5]
    ]
    more = say("more_rows", count=len(found) - 5) if len(found) > 5 else ""
    return "\n\n".join(blocks) + (f"\n\n{more}" if more else ""), {
        "rows": [scoring.row_to_dict(r) for r in found[:5]]
    }


def _average(
    corpus: Corpus, question: str, route: Route, rows: list[CriterionRow], cites: CitationSet
) -> Result:
    if route.params.get("appendix"):
        label = appendix_label(route.params["appendix"])
        rows = [r for r in rows if r.appendix == label] or rows
    line = scoring.overall(rows)
    n = Decimal(line.count)
    mean_awarded = (line.awarded_points.value / n).quantize(Decimal("0.01"))
    mean_deducted = (line.deducted_points.value / n).quantize(Decimal("0.01"))
    for doc_id, t in _stated_totals(corpus, rows):
        _cite_total(corpus, cites, doc_id, t)
    text = say(
        "average_score",
        count=line.count,
        awarded=line.awarded_points.text,
        max=line.max_points.text,
        mean_awarded=format_decimal(mean_awarded),
        mean_deducted=format_decimal(mean_deducted),
        rate=line.rate.text if line.rate else "—",
        cites=" ".join(f"[{c.id}]" for c in cites.items),
    )
    return text, {
        "overall": _line_dict(line),
        "mean_awarded": float(mean_awarded),
        "mean_deducted": float(mean_deducted),
    }


_HANDLERS = {
    "criterion": _criterion,
    "top_deductions": _top,
    "top_awarded": _top,
    "top_max": _top_max,
    "least_deductions": _least,
    "group_ranking": _group_ranking,
    "zero": _zero,
    "full": _full,
    "group": _group,
    "groups": _groups,
    "appendix": _appendix,
    "overall": _overall,
    "count": _count,
    "title_search": _title_search,
    "average": _average,
}
