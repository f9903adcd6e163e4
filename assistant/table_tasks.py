"""Tasks given in a table: a plan's appendix 'Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời
gian hoàn thành' (or 'Chỉ tiêu | Chủ trì'), one task per row, the body in the lead column its
assignee, those of the partners' column its partners. Read by the columns' names, not by their
places; a row whose lead cell names several bodies ('Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở,
ngành thực hiện') gives the task to each body the cell names. Rows without a lead body (group rows
such as 'I. Kinh tế số') give nothing."""

from __future__ import annotations

import re

from assistant.answers import section_for_line
from assistant.model import Document, Table
from assistant.text import plain, squash

_LEAD = re.compile(
    r"^(?:co quan |don vi |cq |dv )?(?:chu tri|thuc hien|chiu trach nhiem|phu trach)\b|^(?:co quan|don vi)(?: chu tri)?"
    r"(?: thuc hien)?$|^trach nhiem(?: thuc hien)?$|^co quan, don vi (?:chu tri|thuc hien)"
)
_PARTNER = re.compile(r"\bphoi hop\b")
_TASK = re.compile(
    r"^(?:noi dung|nhiem vu|chi tieu|cong viec|ten nhiem vu|hoat dong|giai phap|nhiem vu, giai phap)\b"
)
_DUE = re.compile(r"^(?:thoi gian|thoi han|tien do|han)\b")


def _column(header: list[str], rx: re.Pattern[str], exclude: re.Pattern[str] | None = None) -> int:
    for j, name in enumerate(header):
        folded = plain(name)
        if rx.search(folded) and not (exclude and exclude.search(folded)):
            return j
    return -1


def task_rows(doc: Document, table: Table) -> list[tuple[str, str, str, str, int]]:
    """(task, lead cell, partners cell, due cell, file line) of each row of a table of tasks; []
    for any other table."""
    header = list(table.header)
    lead = _column(header, _LEAD, _PARTNER)
    task = _column(header, _TASK)
    if lead < 0 or task < 0 or lead == task:
        return []
    partner = _column(header, _PARTNER)
    due = _column(header, _DUE)
    out = []
    for row, line in zip(table.rows, table.row_lines, strict=False):
        if len(row) <= max(lead, task):
            continue
        text, body = squash(row[task]), squash(row[lead])
        if not text or not body:
            continue
        out.append(
            (
                text,
                body,
                squash(row[partner]) if 0 <= partner < len(row) else "",
                squash(row[due]) if 0 <= due < len(row) else "",
                line,
            )
        )
    return out


def table_assignments(doc: Document) -> list[tuple[str, str, str, list[str], str, int]]:
    """(section label, section title, task, bodies named in the lead cell, partners cell, line) of
    every row of the document's tables of tasks; the bodies are read by the caller's extractor."""
    out = []
    for table in doc.tables:
        rows = task_rows(doc, table)
        if not rows:
            continue
        sec = section_for_line(doc, table.line_start)
        label, title = (sec.label, sec.title) if sec is not None else ("", "")
        for text, body, partners, due, line in rows:
            task = f"{text} (thời gian: {due})" if due else text
            out.append((label, title, task, [body], partners, line))
    return out
