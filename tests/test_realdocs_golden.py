"""The parser against a hand-read truth of real documents (tests/data/realdocs_golden.json).

The truth was written by reading the raw files of ../shared/realdocs by hand, never by running the
parser (see the JSON's ``how``). One test per (document, field), so a failure names what is wrong
where: ``test_header[2f6f80b9918e52de-number]``, ``test_agency[4e39af96b6891368-Sở Tài chính]``.
Text is compared folded (case, accents, punctuation and spacing ignored), labels, dates and
numbers exactly. The module is skipped where ../shared/realdocs is not present.
"""

from __future__ import annotations

import functools
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assistant.agencies import Assignment, agency_key, extract_assignments
from assistant.documents import parse_file
from assistant.model import BASES, CC, RECIPIENTS, SIGNATURE, TITLE, Document, Section, Table
from assistant.text import fold, parse_decimal

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"  # ../shared/realdocs of the checkout
GOLDEN = Path(__file__).parent / "data" / "realdocs_golden.json"

if not REALDOCS.is_dir():
    pytest.skip("../shared/realdocs is not present", allow_module_level=True)

DOCS: list[dict[str, Any]] = json.loads(GOLDEN.read_text(encoding="utf-8"))["documents"]
HEADER_LABELS = {TITLE, RECIPIENTS, BASES, CC, SIGNATURE}
HEADER_FIELDS = [
    "doc_type",
    "number",
    "date",
    "place",
    "issuer",
    "subject",
    "signer_name",
    "signer_title",
    "recipients",
]


def key(text: str) -> str:
    """Folded, punctuation as space, spaces squashed: 'ỦY BAN NHÂN DÂN\nTỈNH' -> 'uy ban nhan dan tinh'."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text or "")).split())


def subject_key(text: str) -> str:
    k = key(text)
    for prefix in ("v v ", "ve viec ", "v/v "):
        if k.startswith(prefix):
            return k[len(prefix) :]
    return k


HEAD_TITLES = (
    "giam doc ",
    "chu tich ",
    "thu truong ",
    "chanh van phong ",
)  # 'Giám đốc Sở Nội vụ' assigns Sở Nội vụ


def name_key(text: str) -> str:
    k = key(text)
    for title in HEAD_TITLES:
        if k.startswith(title):
            k = k[len(title) :]
    return k[4:] if k.startswith("cac ") else k


@functools.cache
def parsed(stem: str) -> Document:
    return parse_file(REALDOCS / f"{stem}.md")


@functools.cache
def assignments(stem: str) -> tuple[Assignment, ...]:
    return tuple(extract_assignments(parsed(stem)))


def _under(label: str, want: str) -> bool:
    return label == want or label.startswith(want + ".")


def _is_attachment(label: str) -> bool:
    return " kèm theo" in label


def main_top_labels(doc: Document) -> list[str]:
    return [
        s.label
        for s in doc.sections
        if s.label not in HEADER_LABELS and not s.label.startswith("Phụ lục") and not _is_attachment(s.label)
    ]


def _params(field_names: list[str]) -> list[Any]:
    return [pytest.param(d, f, id=f"{d['doc']}-{f}") for d in DOCS for f in field_names]


# --- header ---------------------------------------------------------------------------------------


def _header_params() -> list[Any]:
    out = []
    for d in DOCS:
        for f in HEADER_FIELDS:
            if f == "recipients" and not d["header"]["recipients"]:
                continue
            out.append(pytest.param(d, f, id=f"{d['doc']}-{f}"))
    return out


@pytest.mark.parametrize(("gold", "field"), _header_params())
def test_header(gold: dict[str, Any], field: str) -> None:
    doc = parsed(gold["doc"])
    h = gold["header"]
    if field == "doc_type":
        assert doc.doc_type == h["doc_type"]
    elif field == "number":
        assert doc.number == h["number"]
    elif field == "date":
        if h["date"]:
            assert doc.date is not None and str(doc.date) == h["date"]
        else:  # the file states no date of issue: none may be invented (e.g. from the effective date)
            assert doc.date is None or not doc.date.complete, (
                f"date {doc.date} read where the file states none"
            )
    elif field == "place":
        assert key(doc.place) == key(h["place"])
    elif field == "issuer":
        allowed = {h["issuer_key"]}
        if h.get("issuer_parent_key"):
            allowed.add(f"{h['issuer_parent_key']} {h['issuer_key']}")
        assert key(doc.issuer) in allowed, f"issuer {doc.issuer!r}"
    elif field == "subject":
        assert subject_key(doc.subject).startswith(subject_key(h["subject_starts"])), (
            f"subject {doc.subject[:90]!r}"
        )
    elif field == "signer_name":
        assert doc.signer is not None and key(doc.signer.name) == key(h["signer_name"])
    elif field == "signer_title":
        assert doc.signer is not None and key(doc.signer.title) == key(h["signer_title"])
    elif field == "recipients":
        got = {key(r) for r in doc.recipients}
        missing = [r for r in h["recipients"] if key(r) not in got]
        assert not missing, f"recipients {doc.recipients!r}, missing {missing!r}"


# --- outline --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("gold", "field"), _params(["outline"]))
def test_outline(gold: dict[str, Any], field: str) -> None:
    assert main_top_labels(parsed(gold["doc"])) == gold[field]


@pytest.mark.parametrize("gold", [pytest.param(d, id=d["doc"]) for d in DOCS if d.get("articles")])
def test_articles(gold: dict[str, Any]) -> None:
    """Articles of the main text in order; articles quoted by an amendment ('“Điều 5. ...') are not."""
    doc = parsed(gold["doc"])
    got = [s.label for s in doc.walk() if s.kind == "article" and not _is_attachment(s.label)]
    assert got == gold["articles"]


def _attachment(doc: Document, att: dict[str, Any]) -> Section | None:
    for s in doc.walk():
        if att.get("label") and s.label == att["label"]:
            return s
        if not att.get("label") and key(s.title).startswith(key(att["title_starts"])):
            return s
    return None


ATTACHED = [d for d in DOCS if d.get("attachment")]


@pytest.mark.parametrize("gold", [pytest.param(d, id=d["doc"]) for d in ATTACHED])
def test_attachment_found(gold: dict[str, Any]) -> None:
    att = gold["attachment"]
    node = _attachment(parsed(gold["doc"]), att)
    assert node is not None, f"no section for the attached text {att.get('label') or att['title_starts']!r}"
    assert key(node.title).startswith(key(att["title_starts"])), f"title {node.title[:80]!r}"


@pytest.mark.parametrize(
    "gold", [pytest.param(d, id=d["doc"]) for d in ATTACHED if d["attachment"].get("outline")]
)
def test_attachment_outline(gold: dict[str, Any]) -> None:
    att = gold["attachment"]
    node = _attachment(parsed(gold["doc"]), att)
    assert node is not None
    assert [c.label for c in node.children] == att["outline"]


@pytest.mark.parametrize(
    "gold", [pytest.param(d, id=d["doc"]) for d in ATTACHED if d["attachment"].get("articles")]
)
def test_attachment_articles(gold: dict[str, Any]) -> None:
    att = gold["attachment"]
    doc = parsed(gold["doc"])
    got = [s.label for s in doc.walk() if s.kind == "article" and s.label.startswith(att["label"] + ", ")]
    assert got == att["articles"]


def test_the_signer_title_is_no_heading_of_the_attachment() -> None:
    """'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' stays the signature; the attached plan does not start there."""
    for gold in ATTACHED:
        doc = parsed(gold["doc"])
        titles = {key(s.title) for s in doc.walk() if s.label not in HEADER_LABELS}
        assert key(gold["header"]["signer_title"]) not in titles, gold["doc"]


# --- agencies -------------------------------------------------------------------------------------


def _matches(a: Assignment, name: str) -> bool:
    want = name_key(name)
    got = name_key(a.agency)
    return got == want or got.startswith(want + " ") or a.agency_key == agency_key(name)


def _agency_params() -> list[Any]:
    return [pytest.param(d, a, id=f"{d['doc']}-{key(a['name'])}") for d in DOCS for a in d["agencies"]]


@pytest.mark.parametrize(("gold", "agency"), _agency_params())
def test_agency(gold: dict[str, Any], agency: dict[str, Any]) -> None:
    """The agency, its name whole, is assigned in each of the listed sections (or a point under it)."""
    found = sorted({a.section for a in assignments(gold["doc"]) if _matches(a, agency["name"])})
    missing = [s for s in agency["sections"] if not any(_under(f, s) for f in found)]
    assert not missing, f"{agency['name']}: found in {found}, missing {missing}"


def _partner_params() -> list[Any]:
    return [
        pytest.param(d, p, id=f"{d['doc']}-{key(p['name'])}@{key(p['section'])}")
        for d in DOCS
        for p in d.get("partners", [])
    ]


@pytest.mark.parametrize(("gold", "partner"), _partner_params())
def test_partner_is_not_assigned(gold: dict[str, Any], partner: dict[str, Any]) -> None:
    """'phối hợp với X' / 'Đơn vị phối hợp: X': X is no assignee of that section."""
    wrong = [
        a.section
        for a in assignments(gold["doc"])
        if _matches(a, partner["name"]) and _under(a.section, partner["section"])
    ]
    assert not wrong, f"{partner['name']} recorded as assigned in {wrong}"


# --- tables ---------------------------------------------------------------------------------------


def _column(t: Table, name: str) -> int | None:
    for i, cell in enumerate(t.header):
        if key(cell) == key(name):
            return i
    return None


def _find_table(doc: Document, spec: dict[str, Any]) -> Table | None:
    for t in doc.tables:
        if all(_column(t, h) is not None for h in spec["header_contains"]):
            return t
    return None


def _stt(row: list[str]) -> int | None:
    k = key(row[0]) if row else ""
    return int(k) if k.isdigit() else None


def _table_params() -> list[Any]:
    return [pytest.param(d, i, t, id=f"{d['doc']}-table{i}") for d in DOCS for i, t in enumerate(d["tables"])]


@pytest.mark.parametrize(("gold", "index", "spec"), _table_params())
def test_table_rows(gold: dict[str, Any], index: int, spec: dict[str, Any]) -> None:
    doc = parsed(gold["doc"])
    t = _find_table(doc, spec)
    assert t is not None, (
        f"no table with columns {spec['header_contains']}; tables: {[x.header for x in doc.tables]}"
    )
    numbered = [n for n in (_stt(r) for r in t.rows) if n is not None]
    assert numbered == list(range(1, spec["stt_rows"] + 1))


@pytest.mark.parametrize(
    ("gold", "index", "spec"),
    [
        pytest.param(d, i, t, id=f"{d['doc']}-table{i}")
        for d in DOCS
        for i, t in enumerate(d["tables"])
        if t["points_total"]
    ],
)
def test_table_points_total(gold: dict[str, Any], index: int, spec: dict[str, Any]) -> None:
    t = _find_table(parsed(gold["doc"]), spec)
    assert t is not None
    col = _column(t, spec["points_column"])
    assert col is not None
    total = Decimal(0)
    for row in t.rows:
        if (row and key(row[0]).startswith("tong")) or col >= len(row):
            continue
        value = parse_decimal(re.sub(r"[*_]", "", row[col]))
        if value is not None:
            total += value
    assert total == Decimal(spec["points_total"])


# --- the truth against the website's own box (checks the golden file, not the parser) -------------

BOX = {"number": "Số hiệu", "doc_type": "Loại văn bản", "signer": "Người ký", "date": "Ngày ban hành"}


def _box_value(lines: list[str], label: str) -> str:
    for i, line in enumerate(lines):
        if line.strip().startswith(f"**{label}:**"):
            for nxt in lines[i + 1 : i + 4]:
                if nxt.strip() not in {"", "|"}:
                    return nxt.strip()
    return ""


@pytest.mark.parametrize("gold", [pytest.param(d, id=d["doc"]) for d in DOCS if d.get("website_meta")])
def test_golden_agrees_with_the_website_box(gold: dict[str, Any]) -> None:
    lines = (REALDOCS / f"{gold['doc']}.md").read_text(encoding="utf-8").splitlines()
    meta, h = gold["website_meta"], gold["header"]
    for field, label in BOX.items():
        assert _box_value(lines, label) == meta[field], field
    mine = {"number": h["number"], "doc_type": h["doc_type"], "signer": h["signer_name"], "date": h["date"]}
    disagreeing = {f for f in BOX if mine[f] != meta[f]}
    noted = {f for f in BOX for note in gold["meta_disagreements"] if note.startswith(f + ":")}
    assert disagreeing == noted


# --- criteria of scoring forms ----------------------------------------------------------------------


@pytest.mark.parametrize("gold", [pytest.param(d, id=d["doc"]) for d in DOCS if "criteria" in d])
def test_criteria(gold: dict[str, Any]) -> None:
    """Every criterion the file states, exactly: code, maximum, points given, line; none more."""
    spec = gold["criteria"]
    doc = parsed(gold["doc"])
    got = [(c.code, c.max_points, c.awarded_points, c.line, c.appendix, c.doc) for c in doc.criteria]
    want = [
        (
            r["code"],
            Decimal(r["max"]),
            Decimal(r["awarded"]) if r["awarded"] is not None else None,
            r["line"],
            spec["section"],
            gold["doc"],
        )
        for r in spec["rows"]
    ]
    assert got == want
    for c, r in zip(doc.criteria, spec["rows"], strict=True):
        assert key(c.title).startswith(key(r["title_starts"])), c.title
    if spec["stated_total"] is not None:
        assert sum((c.max_points for c in doc.criteria), Decimal(0)) == Decimal(spec["stated_total"])
