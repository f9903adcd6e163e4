"""The typed query of criteria questions (issue 12): question → Query (the parse) and Query → result
(the executor), table-driven, on the corpus's scoring tables and on tables of another shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.chat import ChatService, Turn
from assistant.corpus import Corpus
from assistant.execute import execute
from assistant.model import CriterionRow
from assistant.query import Bound, Condition, Query, Scope, understand

PROJECT_ROOT = Path(__file__).resolve().parents[1]
D = Decimal


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load(PROJECT_ROOT / "corpus")


def _conds(q: Query) -> dict[str, list[tuple[str, Decimal, bool]]]:
    return {c.column: [(b.op, b.value, b.of_max) for b in c.bounds] for c in q.conditions}


# --- the parse: question → Query -----------------------------------------------------------------

PARSE = [
    # bounds over a column, typed with and without accents
    (
        "Tiêu chí nào bị trừ trên 0,3 và không quá 0,8 điểm?",
        {"operation": "list"},
        {"deducted": [(">", D("0.3"), False), ("<=", D("0.8"), False)]},
    ),
    (
        "tieu chi nao bi tru tren 0,3 va khong qua 0,8 diem",
        {"operation": "list"},
        {"deducted": [(">", D("0.3"), False), ("<=", D("0.8"), False)]},
    ),
    ("Tiêu chí nào bị trừ đúng 2 điểm?", {"operation": "list"}, {"deducted": [("==", D(2), False)]}),
    ("Những tiêu chí có thang điểm 3", {"operation": "list"}, {"max": [("==", D(3), False)]}),
    ("Tiêu chí nào bị trừ từ 2 điểm trở lên?", {"operation": "list"}, {"deducted": [(">=", D(2), False)]}),
    (
        "Các tiêu chí đạt dưới một nửa thang điểm",
        {"operation": "list"},
        {"awarded": [("<", D("0.5"), True)]},
    ),
    (
        "Có bao nhiêu tiêu chí bị trừ từ 0,5 đến 1 điểm?",
        {"operation": "count"},
        {"deducted": [(">=", D("0.5"), False), ("<=", D(1), False)]},
    ),
    # a year or a code is not a value
    ("Tiêu chí nào năm 2023 bị trừ trên 1 điểm?", {"operation": "list"}, {"deducted": [(">", D(1), False)]}),
    # aggregates of a part, comparison, difference, what-if
    ("Mục B.1 đạt tổng bao nhiêu điểm?", {"operation": "sum", "parts": ["B.1"]}, {}),
    (
        "Nhóm B hay nhóm C đạt tỷ lệ cao hơn?",
        {"operation": "compare", "groups": ["B", "C"], "metric": "rate"},
        {},
    ),
    (
        "nhom C va D nhom nao bi tru it hon",
        {"operation": "compare", "groups": ["C", "D"], "higher": False},
        {},
    ),
    ("Còn thiếu bao nhiêu điểm để đạt 80 điểm?", {"operation": "difference"}, {}),
    ("Nếu nhóm D đạt tối đa thì tổng điểm là bao nhiêu?", {"operation": "what_if", "assume_max": ["D"]}, {}),
    # direction and metric
    ("Nhóm nào đạt tỷ lệ thấp nhất?", {"operation": "bottom", "target": "groups", "metric": "rate"}, {}),
    (
        "Phụ lục nào bị trừ nhiều điểm nhất?",
        {"operation": "top", "target": "appendices", "metric": "deducted"},
        {},
    ),
    ("3 tiêu chí đạt thấp nhất", {"operation": "bottom", "n": 3, "metric": "awarded"}, {}),
    ("Tiêu chí nào bị trừ ít nhất 2 điểm?", {"operation": "list"}, {"deducted": [(">=", D(2), False)]}),
    # units of one code depth: named ('mục cấp hai') or given as trailed-off examples
    ("Mục cấp hai nào bị trừ nhiều điểm nhất?", {"operation": "top", "target": "parts", "level": 2}, {}),
    (
        "trong cac muc A.1, A.2, B.1, ... muc nao dat ty le thap nhat",
        {"operation": "bottom", "target": "parts", "level": 2, "parts": [], "metric": "rate"},
        {},
    ),
    ("ba mục cấp 3 bị trừ nhiều nhất", {"operation": "top", "level": 3, "n": 3}, {}),
    # a place in a ranking, several codes added up, differences said other ways
    ("Tiêu chí nào bị trừ nhiều điểm thứ nhì?", {"operation": "top", "nth": 2, "metric": "deducted"}, {}),
    ("tieu chi dat thap thu ba", {"operation": "bottom", "nth": 3}, {}),
    (
        "A.2.4, A.2.5 và A.2.6 cộng lại được bao nhiêu điểm?",
        {"operation": "sum", "codes": ["A.2.4", "A.2.5", "A.2.6"]},
        {},
    ),
    (
        "Điểm bị trừ của D.2.2 và D.2.1 chênh nhau bao nhiêu?",
        {"operation": "compare", "metric": "deducted"},
        {},
    ),
    (
        "Phụ lục II hay Phụ lục III được nhiều điểm hơn?",
        {"operation": "compare", "appendices": ["Phụ lục II", "Phụ lục III"]},
        {},
    ),
    (
        "Trong nhóm D tiêu chí nào mất ít điểm nhất?",
        {"operation": "bottom", "metric": "deducted", "groups": ["D"]},
        {},
    ),
    # what-if over the rows a bound picks; an implied 'bị trừ' after a group
    (
        "Nếu các tiêu chí bị trừ trên 2 điểm được gỡ lại đủ điểm thì tổng là bao nhiêu?",
        {"operation": "what_if", "assume_max": ["*"]},
        {"deducted": [(">", D(2), False)]},
    ),
    (
        "Trong số tiêu chí nhóm C bị trừ điểm, tiêu chí nào đạt tỷ lệ cao nhất?",
        {"operation": "top", "metric": "rate", "groups": ["C"]},
        {"deducted": [(">", D(0), False)]},
    ),
    # two parts named without trailing off are compared, not taken as a depth
    (
        "Mục A.1 hay mục A.2 đạt tỷ lệ cao hơn?",
        {"operation": "compare", "parts": ["A.1", "A.2"], "level": None},
        {},
    ),
]


@pytest.mark.parametrize(("question", "slots", "conds"), PARSE, ids=[p[0] for p in PARSE])
def test_parse(corpus: Corpus, question: str, slots: dict[str, object], conds: dict[str, object]) -> None:
    q = understand(question, corpus.criteria)
    for name, want in slots.items():
        got = (
            getattr(q.scope, name) if name in ("groups", "parts", "codes", "appendices") else getattr(q, name)
        )
        assert got == want, (name, q)
    if conds:
        assert _conds(q) == conds, q
    if q.operation == "difference":
        assert q.goal == Bound(">=", D(80), False)


def test_a_goal_in_percent_is_a_share_of_the_maximum(corpus: Corpus) -> None:
    q = understand("Cần thêm bao nhiêu điểm để đạt 75%?", corpus.criteria)
    assert q.operation == "difference" and q.goal == Bound(">=", D("0.75"), True)


# --- the executor: Query → result, on the corpus -------------------------------------------------


def test_bounds_keep_both_ends(corpus: Corpus) -> None:
    q = Query(conditions=[Condition("deducted", (Bound(">", D("0.3")), Bound("<=", D("0.8"))))])
    rows = execute(q, corpus.criteria).rows
    assert rows and all(D("0.3") < r.deduction <= D("0.8") for r in rows)
    every = [r for r in corpus.criteria if D("0.3") < r.deduction <= D("0.8")]
    assert len(rows) == len(every)


def test_a_part_is_summed_from_its_rows(corpus: Corpus) -> None:
    res = execute(Query(operation="sum", scope=Scope(parts=["B.1"])), corpus.criteria)
    under = [r for r in corpus.criteria if r.code.startswith("B.1.")]
    assert res.total is not None and res.total.count == len(under)
    assert res.total.awarded_points.value == sum((r.awarded_points or D(0) for r in under), D(0))
    assert res.total.max_points.value == sum((r.max_points for r in under), D(0))


def test_compare_names_the_side_asked_for(corpus: Corpus) -> None:
    res = execute(Query(operation="compare", scope=Scope(groups=["B", "C"]), metric="rate"), corpus.criteria)
    rates = {x.key: x.rate.value for x in res.lines if x.rate}
    assert res.winner == [max(rates, key=lambda k: rates[k])]
    low = execute(
        Query(operation="compare", scope=Scope(groups=["B", "C"]), metric="rate", higher=False),
        corpus.criteria,
    )
    assert low.winner == [min(rates, key=lambda k: rates[k])]


def test_difference_and_what_if_are_exact(corpus: Corpus) -> None:
    rows = corpus.criteria
    awarded = sum((r.awarded_points or D(0) for r in rows), D(0))
    res = execute(Query(operation="difference", goal=Bound(">=", D(80))), rows)
    assert res.value == max(D(80) - awarded, D(0)) and res.reachable
    far = execute(Query(operation="difference", goal=Bound(">=", D(1000))), rows)
    assert not far.reachable
    what = execute(Query(operation="what_if", assume_max=["D"]), rows)
    gain = sum((r.deduction for r in rows if r.group == "D"), D(0))
    assert what.value == awarded + gain


def test_a_ranking_keeps_its_tie_whole(corpus: Corpus) -> None:
    res = execute(Query(operation="bottom", metric="awarded", n=1), corpus.criteria)
    lowest = min(r.awarded_points for r in corpus.criteria if r.awarded_points is not None)
    tie = [r for r in corpus.criteria if r.awarded_points == lowest]
    assert len(res.ranked) == len(tie) > 1
    assert all(x.rank == 1 and x.tie_at_cut for x in res.ranked)


def test_units_of_one_depth_are_ranked_by_their_sums(corpus: Corpus) -> None:
    res = execute(Query(operation="top", target="parts", level=2, metric="deducted"), corpus.criteria)
    by_part: dict[str, Decimal] = {}
    for r in corpus.criteria:
        key = ".".join(r.code.split(".")[:2])
        by_part[key] = by_part.get(key, D(0)) + r.deduction
    best = max(by_part.values())
    assert [x.item.key for x in res.ranked] == [k for k, v in sorted(by_part.items()) if v == best]
    assert all(x.value == best for x in res.ranked)


# --- on tables of another shape: roman groups, two documents ------------------------------------


def _row(doc: str, code: str, maximum: str, awarded: str, line: int) -> CriterionRow:
    return CriterionRow(
        doc, "Phụ lục 01", "", code, f"Nội dung {code}", D(maximum), D(awarded), None, line, ""
    )


OTHER = [
    _row("kh-99", "I.1", "10", "8", 10),
    _row("kh-99", "I.2", "5", "5", 11),
    _row("kh-99", "II.1", "20", "9,5".replace(",", "."), 12),
    _row("kh-99", "II.2", "15", "15", 13),
    _row("kh-99", "III.1", "10", "2", 14),
]


def test_roman_groups_and_parts_of_another_table() -> None:
    q = understand("Nhóm II hay nhóm III đạt tỷ lệ thấp hơn?", OTHER)
    assert q.operation == "compare" and q.scope.groups == ["II", "III"] and q.higher is False
    res = execute(q, OTHER)
    assert res.winner == ["III"]  # 2/10 = 20% against 24,5/35 = 70%
    q = understand("tieu chi nao dat duoi 50% thang diem", OTHER)
    assert [r.code for r in execute(q, OTHER).rows] == ["II.1", "III.1"]


def test_answers_never_mix_two_documents_tables(corpus: Corpus) -> None:
    """Rows of two documents are answered per document, each under its own name."""
    other = [
        CriterionRow(
            "kh-khac-2024", r.appendix, r.stt, r.code, r.title, r.max_points, D(0), None, r.line, r.raw
        )
        for r in corpus.criteria
    ]
    mixed = Query(operation="sum", scope=Scope(parts=["B.1"]))
    one = execute(mixed, corpus.criteria)
    both = execute(mixed, [*corpus.criteria, *other])
    assert one.total is not None and both.total is not None
    assert both.total.count == 2 * one.total.count  # the executor sums what it is given...
    svc = ChatService(corpus, None)
    a = svc.ask("Mục B.1 đạt tổng bao nhiêu điểm?")
    assert a.data["query"]["operation"] == "sum"
    assert len(a.data["results"]) == 1  # ...and the composer gives it one document's rows at a time


# --- through the chat service: answers, follow-ups as query edits --------------------------------


def test_the_query_is_in_the_answer_data(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Tiêu chí nào bị trừ trên 0,3 và không quá 0,8 điểm?")
    assert a.kind == "numeric"
    assert a.data["query"]["conditions"][0]["column"] == "deducted"
    assert "trên 0,3 điểm và không quá 0,8 điểm" in a.answer
    codes = {r["code"] for r in a.data["results"][0]["rows"]}
    assert codes == {r.code for r in corpus.criteria if D("0.3") < r.deduction <= D("0.8")}
    assert len(a.citations) == len(codes)


def test_a_follow_up_narrows_the_previous_rows(corpus: Corpus) -> None:
    svc = ChatService(corpus, None)
    first = "Tiêu chí nào bị trừ trên 1 điểm?"
    a1 = svc.ask(first)
    a2 = svc.ask(
        "Trong số đó, tiêu chí nào đạt thấp nhất?", [Turn("user", first), Turn("assistant", a1.answer)]
    )
    pool = [r for r in corpus.criteria if r.deduction > 1]
    lowest = min(r.awarded_points or D(0) for r in pool)
    want = {r.code for r in pool if r.awarded_points == lowest}
    assert {x["code"] for x in _ranked_codes(a2)} == want
    # the same with a history of questions only (a client that does not send answers back)
    a3 = svc.ask("trong so do tieu chi nao dat thap nhat", [Turn("user", first)])
    assert {x["code"] for x in _ranked_codes(a3)} == want


def _ranked_codes(a: object) -> list[dict[str, str]]:
    import re

    text = a.answer  # type: ignore[attr-defined]
    return [{"code": c} for c in re.findall(r"^\d+\. \*\*([A-Z][\w.]*)\*\*", text, flags=re.M)]


# --- sections and structure, by the documents' own numbering -------------------------------------

LABELS = [
    ("Phần II của kế hoạch nói gì?", ["II"]),
    ("Mục 3 phần I của công văn", ["I.3"]),
    ("phan I muc 3", ["I.3"]),
    ("muc III.2.3 ke hoach", ["III.2.3"]),
    ("Điều 5 quy định gì?", ["Điều 5"]),
    ("khoản 2 Điều 5", ["Điều 5.2"]),
]


@pytest.mark.parametrize(("question", "labels"), LABELS, ids=[x[0] for x in LABELS])
def test_section_labels(question: str, labels: list[str]) -> None:
    from assistant.compose.sections import section_labels

    assert section_labels(question) == labels


def test_a_section_is_answered_whole(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Phần II của kế hoạch nói gì?")
    doc = corpus.docs["kh-pctn-dac-khu-cat-hai-2025"]
    sec = doc.section("II")
    assert a.kind == "passage" and sec is not None
    for child in sec.children:  # every item, each cited
        assert f"**{child.label}**" in a.answer
    assert {c.section for c in a.citations} == {c.label for c in sec.children}
    whole = " ".join(" ".join(doc.lines).split())
    for c in a.citations:  # verbatim, up to whitespace
        assert c.quote and c.quote in whole


def test_the_outline_counts_parts_and_appendices(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Công văn gồm mấy phần, những phần nào?")
    assert a.data.get("outline") and "2 phần và 3 phụ lục" in a.answer


# --- not in the corpus: a place or a year no document mentions -----------------------------------

ABSENT = [
    ("Điểm PCTN của Đà Nẵng năm 2023 là bao nhiêu?", "Đà Nẵng"),
    ("diem pctn cua tinh quang ninh", "Quảng Ninh"),
    ("Tổng điểm năm 2019 là bao nhiêu?", "năm 2019"),
    ("Kế hoạch năm 2040 giao Sở Nội vụ việc gì?", "năm 2040"),
]


@pytest.mark.parametrize(("question", "name"), ABSENT, ids=[x[0] for x in ABSENT])
def test_what_no_document_mentions_is_not_found(corpus: Corpus, question: str, name: str) -> None:
    a = ChatService(corpus, None).ask(question)
    assert a.kind == "not_found" and name.removeprefix("năm ") in a.answer, a.answer
    assert not a.citations


def test_a_place_the_corpus_holds_is_answered(corpus: Corpus) -> None:
    assert ChatService(corpus, None).ask("Hải Phòng đạt bao nhiêu điểm?").kind == "numeric"
    # 'hòa bình' in lower case is a word, not the province
    from assistant.places import named_places

    assert named_places("giữ vững hòa bình, ổn định") == []
    assert named_places("tỉnh Hòa Bình") == ["Hòa Bình"]


def test_the_scores_of_another_province_are_not_these(corpus: Corpus) -> None:
    """A province the documents mention, but not the one the scoring tables are of."""
    from assistant.compose.numeric import other_place

    text = other_place(corpus, "Điểm của Hà Nội?", corpus.criteria)
    assert "Hải Phòng" in text and "Hà Nội" in text


# --- across documents, and a section named by its title ------------------------------------------


def test_which_document_was_issued_later(corpus: Corpus) -> None:
    svc = ChatService(corpus, None)
    later = svc.ask("Văn bản nào được ban hành sau?")
    earlier = svc.ask("van ban nao ban hanh truoc")
    by_date = sorted(corpus.docs.values(), key=lambda d: (d.date.year, d.date.month or 0, d.date.day or 0))  # type: ignore[union-attr]
    assert later.data["order"][0] == by_date[-1].doc_id
    assert earlier.data["order"][0] == by_date[0].doc_id
    assert {c.doc for c in later.citations} == set(corpus.docs)


def test_agencies_common_to_documents_are_computed(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Cả hai văn bản cùng giao việc cho cơ quan nào?")
    keys: dict[str, set[str]] = {}
    for x in corpus.assignments:
        keys.setdefault(x.agency_key, set()).add(x.doc)
    common = {k for k, docs in keys.items() if len(docs) >= 2}
    assert a.kind == "tasks" and len(a.data["agencies"]) == len(common)
    assert a.citations


def test_a_list_question_naming_a_section_title_gets_the_whole_section(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Các mục tiêu cụ thể gồm những gì?")
    doc = corpus.docs["kh-pctn-dac-khu-cat-hai-2025"]
    sec = next(s for s in doc.walk() if s.title.lower() == "mục tiêu cụ thể")
    assert a.data["sections"] == [{"doc": doc.doc_id, "label": sec.label}]
    own = [n for n in range(sec.body_start, sec.line_end + 1) if doc.line(n).strip()]
    assert len(a.citations) == len(own)  # every item of the list, each cited


def test_every_answer_says_how_the_question_was_understood(corpus: Corpus) -> None:
    import json

    svc = ChatService(corpus, None)
    for question, target in [
        ("Sở Nội vụ có nhiệm vụ gì?", "assignments"),
        ("Ai ký công văn 410?", "document"),
        ("Phần II của kế hoạch nói gì?", "sections"),
        ("Tiêu chí nào bị trừ nhiều nhất?", "criteria"),
        ("Tiêu chí nào bị trừ đúng 2 điểm?", "criteria"),
    ]:
        q = svc.ask(question).data["query"]
        assert q["target"] == target, (question, q)
        json.dumps(q)  # plain JSON for the API


# --- issue 12 bank, tuning part: what-if at a value, goals stated first, kinds of scope narrowing --


def test_what_if_at_a_value_and_over_an_appendix(corpus: Corpus) -> None:
    rows = corpus.criteria
    awarded = sum((r.awarded_points or D(0) for r in rows), D(0))
    q = understand("Nếu nhóm D đạt 8 điểm thì tổng điểm là bao nhiêu?", rows)
    assert q.operation == "what_if" and q.assume_value == D(8)
    d_now = sum((r.awarded_points or D(0) for r in rows if r.group == "D"), D(0))
    assert execute(q, rows).value == awarded - d_now + 8
    q = understand("Nếu tất cả tiêu chí ở Phụ lục II đều đạt tối đa thì tổng điểm sẽ là bao nhiêu?", rows)
    gain = sum((r.deduction for r in rows if r.appendix == "Phụ lục II"), D(0))
    assert execute(q, rows).value == awarded + gain


def test_a_goal_stated_before_the_question(corpus: Corpus) -> None:
    q = understand("Muốn đạt 75 điểm thì cần thêm bao nhiêu điểm nữa?", corpus.criteria)
    assert q.operation == "difference" and q.goal == Bound(">=", D(75), False)


def test_a_group_within_an_appendix_is_their_intersection(corpus: Corpus) -> None:
    q = understand("Tổng điểm của các tiêu chí nhóm C trong Phụ lục III là bao nhiêu?", corpus.criteria)
    res = execute(q, corpus.criteria)
    want = [r for r in corpus.criteria if r.group == "C" and r.appendix == "Phụ lục III"]
    assert res.total is not None and res.total.count == len(want)


def test_compare_by_count_and_by_ratio(corpus: Corpus) -> None:
    q = understand("Phụ lục II và Phụ lục III, phụ lục nào có nhiều tiêu chí hơn?", corpus.criteria)
    assert q.metric == "count"
    counts = {a: sum(1 for r in corpus.criteria if r.appendix == a) for a in ("Phụ lục II", "Phụ lục III")}
    assert execute(q, corpus.criteria).winner == [max(counts, key=lambda k: counts[k])]
    q = understand("Điểm của tiêu chí C.2.2 gấp mấy lần tiêu chí C.2.1.2?", corpus.criteria)
    by = {r.code: r.awarded_points for r in corpus.criteria}
    assert q.ratio and execute(q, corpus.criteria).rate == (by["C.2.2"] / by["C.2.1.2"]).quantize(D("0.01"))


def test_who_a_section_gives_tasks_to(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Mục 7 phần II của công văn 410 giao việc cho ai?")
    given = {
        x.agency for x in corpus.assignments if x.doc == "cv-410-ubnd-hai-phong-2025" and x.section == "II.7"
    }
    assert a.kind == "tasks" and given and all(name in a.answer for name in given)


def test_an_appendix_that_is_a_scoring_table_lists_its_criteria(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Phụ lục II của công văn 410 gồm những gì?")
    rows = [r for r in corpus.criteria if r.appendix == "Phụ lục II"]
    assert f"Gồm {len(rows)} tiêu chí" in a.answer and all(r.code in a.answer for r in rows)
    assert len(a.citations) == len(rows)


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Yêu cầu của kế hoạch Cát Hải là gì?", "I.3"),  # the title is the question's whole subject
        ("Kế hoạch Cát Hải có những nhóm nhiệm vụ, giải pháp nào?", "II"),  # 'CÁC NHÓM ...' without 'các'
        (
            "Mục Kiện toàn tổ chức bộ máy của kế hoạch gồm những giải pháp nào?",
            "II.2",
        ),  # a long title's start
    ],
)
def test_a_section_named_by_its_title(corpus: Corpus, question: str, label: str) -> None:
    a = ChatService(corpus, None).ask(question)
    assert a.data.get("sections") == [{"doc": "kh-pctn-dac-khu-cat-hai-2025", "label": label}], a.answer


def test_a_title_holding_a_connector_is_still_the_subject(corpus: Corpus) -> None:
    """'... trong giai đoạn tới theo công văn 410 là gì?': the title itself holds 'trong'."""
    a = ChatService(corpus, None).ask(
        "Các nhiệm vụ cần tập trung thực hiện trong giai đoạn tới theo công văn 410 là gì?"
    )
    assert a.data.get("sections") == [{"doc": "cv-410-ubnd-hai-phong-2025", "label": "I.3"}], a.answer


def test_a_document_cited_by_number_is_not_a_missing_place(corpus: Corpus) -> None:
    """'Kế hoạch 301/KH-UBND của thành phố Hải Phòng': cited by the plan, so answered from there."""
    question = "Kế hoạch 301/KH-UBND của thành phố Hải Phòng ban hành ngày nào?"
    assert corpus.absent(question) == []
    a = ChatService(corpus, None).ask(question)
    assert a.kind == "document" and "09/6/2025" in a.answer
    assert corpus.absent("Kế hoạch của huyện Thủy Nguyên giao nhiệm vụ gì?")  # no number: still absent


def test_an_agencys_topics_are_not_the_documents_subject(corpus: Corpus) -> None:
    from assistant.router import detect

    route = detect("Sở Văn hóa và Thể thao xây dựng chương trình nghệ thuật về những chủ đề nào?", corpus)
    assert route.intent != "subject"
    assert detect("Công văn 410 về chủ đề gì?", corpus).intent == "subject"


def test_a_yes_no_question_is_about_what_it_asks_a_text_to_say() -> None:
    from assistant.compose.passage import asked_runs, unsaid_phrases

    assert asked_runs("Kế hoạch có yêu cầu báo cáo hằng quý không?") == ["báo cáo hằng quý"]
    said = "chủ động theo dõi, đánh giá, báo cáo tình hình thực hiện Kế hoạch hằng năm"
    assert unsaid_phrases("Kế hoạch có yêu cầu báo cáo hằng quý không?", said) == ["báo cáo hằng quý"]
    assert unsaid_phrases("Kế hoạch có yêu cầu báo cáo hằng năm không?", said) == []


def test_which_documents_name_something(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Sở Tư pháp được nhắc đến trong văn bản nào?")
    assert a.kind == "document" and a.data["mentions"] == ["cv-410-ubnd-hai-phong-2025"]
    assert a.citations[0].section == "II.5"
    missing = ChatService(corpus, None).ask("Ông Trần Văn Xyz được nhắc đến trong văn bản nào?")
    assert missing.kind == "not_found" and "Trần Văn Xyz" in missing.answer


def test_a_type_asked_about_names_no_document(corpus: Corpus) -> None:
    assert corpus.pick_documents("Nghị quyết nào quy định về chế độ công vụ?") == []
    assert [d.doc_id for d in corpus.pick_documents("Nghị quyết nào được kế hoạch thực hiện?")] == [
        "kh-pctn-dac-khu-cat-hai-2025"
    ]
    assert [d.doc_id for d in corpus.pick_documents("Công văn 410 nói gì?")] == ["cv-410-ubnd-hai-phong-2025"]


def test_a_document_is_found_by_the_name_answers_give_it() -> None:
    """A document whose number could not be read is named by its file ('Nghị quyết (tệp …)'):
    a question using that name is about that document."""
    from assistant.compose.common import doc_name
    from assistant.documents import parse_text

    doc = parse_text(
        "ab12cd34ef",
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH X\n\nNGHỊ QUYẾT\nVề việc A\n\nĐiều 1. Giao Ủy ban nhân dân tỉnh thực hiện.\n",
    )
    other = parse_text(
        "zz98yy76xx",
        "ỦY BAN NHÂN DÂN\nTỈNH Y\n\nQUYẾT ĐỊNH\nVề việc B\n\nĐiều 1. Giao Sở Tài chính thực hiện.\n",
    )
    corpus = Corpus.from_documents([doc, other])
    assert [d.doc_id for d in corpus.pick_documents(f"{doc_name(doc)} giao nhiệm vụ cho ai?")] == [
        "ab12cd34ef"
    ]


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("Phụ lục IV của công văn 410 nói gì?", ["Phụ lục IV"]),
        ("Mục 15 phần II của kế hoạch nói gì?", ["II.15"]),
        ("Điều 30 quy định gì?", ["Điều 30"]),
    ],
)
def test_a_section_the_document_lacks_is_not_found(corpus: Corpus, question: str, missing: list[str]) -> None:
    a = ChatService(corpus, None).ask(question)
    assert a.kind == "not_found" and a.data["missing_sections"] == missing, a.answer
    assert "Phụ lục III" in a.answer or "III" in a.answer  # what the document has instead


def test_a_bare_item_number_is_not_a_missing_label(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Mục 3 gồm những gì?")
    assert "missing_sections" not in a.data
    assert ChatService(corpus, None).ask("Phụ lục III của công văn 410 gồm những gì?").kind != "not_found"


def test_a_place_in_a_ranking_is_a_distinct_value_with_its_tie(corpus: Corpus) -> None:
    res = execute(Query(operation="top", metric="deducted", nth=2), corpus.criteria)
    values = sorted({r.deduction for r in corpus.criteria if r.deduction > 0}, reverse=True)
    assert {x.value for x in res.ranked} == {values[1]}
    assert len(res.ranked) == sum(1 for r in corpus.criteria if r.deduction == values[1])


def test_what_if_over_the_rows_a_bound_picks(corpus: Corpus) -> None:
    q = understand(
        "Nếu các tiêu chí bị trừ trên 2 điểm được gỡ lại đủ điểm thì tổng là bao nhiêu?", corpus.criteria
    )
    res = execute(q, corpus.criteria)
    total = sum((r.awarded_points or D(0) for r in corpus.criteria), D(0))
    assert res.value == total + sum((r.deduction for r in corpus.criteria if r.deduction > 2), D(0))


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH BÌNH MINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:
15/2026/NQ-HĐND
Bình Minh, ngày 05 tháng 3 năm 2026

NGHỊ QUYẾT
Quy định mức thu phí tham quan bảo tàng tỉnh

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Căn cứ Luật Phí và lệ phí số 97/2015/QH13;
Xét Tờ trình số 21/TTr-UBND ngày 20 tháng 02 năm 2026 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra số 9/BC-BKTNS ngày 25 tháng 02 năm 2026 của Ban Kinh tế - Ngân sách;

Điều 1. Mức thu phí tham quan bảo tàng tỉnh là 20.000 đồng/lượt.

Điều 2. Nghị quyết này có hiệu lực từ ngày 15 tháng 3 năm 2026.

Nơi nhận:
- Lưu: VT.

CHỦ TỊCH
Lê Văn C
"""


def test_the_legal_bases_name_laws_by_title_and_the_proposal_is_quoted() -> None:
    from assistant.documents import parse_text

    doc = parse_text("nq-15", RESOLUTION)
    assert doc.number == "15/2026/NQ-HĐND"  # 'Số:' alone, the number on the next line
    assert [r.kind for r in doc.bases][:2] == ["Luật Tổ chức chính quyền địa phương", "Luật Phí và lệ phí"]
    corpus = Corpus.from_documents([doc])
    a = ChatService(corpus, None).ask("Nghị quyết 15/2026 được ban hành trên cơ sở báo cáo thẩm tra số mấy?")
    assert a.data["query"]["operation"] == "proposal" and "9/BC-BKTNS" in a.answer, a.answer
    b = ChatService(corpus, None).ask("Nghị quyết 15 ban hành theo đề nghị của ai?")
    assert "Tờ trình số 21/TTr-UBND" in b.answer, b.answer


def test_who_signed_what_and_facts_no_citation_gives(corpus: Corpus) -> None:
    signer = next(d.signer.name for d in corpus.docs.values() if d.signer and d.signer.name)
    a = ChatService(corpus, None).ask(f"{signer} đã ký những văn bản nào?")
    assert a.data["intents"] == ["signed_by"] and a.citations, a.answer
    # a cited document's signer: no citing text gives it, so not found, with what they do say
    b = ChatService(corpus, None).ask("Ai ký Nghị quyết 168/NQ-CP?")
    assert b.kind == "not_found" and "168/NQ-CP" in b.answer, b.answer
    c = ChatService(corpus, None).ask("Cả hai văn bản có nhắc đến Thanh tra Chính phủ không?")
    assert c.answer.startswith("**Có.**") and len(c.data["mentions"]) == 2, c.answer


def test_a_sections_name_is_its_heading(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Phụ lục I của công văn 410 có tên là gì?")
    assert "ĐẠT 100% THANG ĐIỂM" in a.answer and a.citations[0].section == "Phụ lục I", a.answer


def test_which_documents_cite_a_document_number(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Văn bản nào nhắc đến Chỉ thị 05-CT/TW?")
    assert a.data["intents"] == ["reference"] and "05-CT/TW" in a.answer, a.answer
