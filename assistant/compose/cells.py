"""Answers from the cells of a table of figures: a value by its row and column, the highest or
lowest of a row or a column (a tie reported whole), the difference of two cells (computed, and
said to be). Every value is cited at its row; the table's unit line is quoted where it has one."""

from __future__ import annotations

import re
from typing import Any

from assistant.answers import Answer, CitationSet, section_for_line
from assistant.cells import Cell, Match, match_tables, row_name, unit_line
from assistant.compose.asked import measured_thing, topic_words
from assistant.compose.common import doc_name, part_name, short
from assistant.corpus import Corpus
from assistant.model import Document
from assistant.text import format_decimal, plain

ASKS_VALUE = re.compile(
    r"\bbao nhieu\b|\bmuc (gia|phi|thu|ho tro)\b|\bla bao nhieu\b|\b(cao|thap|lon|nho|nhieu|it) nhat\b"
    r"|\b(cao|thap|lon|nho|nhieu|it) hon\b|\bchenh lech\b"
)
_DIFFERENCE = re.compile(r"\b(cao|thap|lon|nho|nhieu|it) hon\b|\bchenh lech\b|\bkhac nhau\b")
_TOP = re.compile(r"\b(cao|lon|nhieu) nhat\b")
_BOTTOM = re.compile(r"\b(thap|nho|it) nhat\b")
MAX_CELLS = 12


def find_cells(corpus: Corpus, question: str) -> Match | None:
    """The table a question about figures names a row and a column of (or a row or a column, for
    the highest/lowest of it), in the documents it names; None when no table fits."""
    q = plain(question)
    if not ASKS_VALUE.search(q):
        return None
    docs = corpus.pick_documents(question) or list(corpus.docs.values())
    ranking = bool(_TOP.search(q) or _BOTTOM.search(q))
    for m in match_tables(docs, question):
        if m.rows and m.cols and not _about_the_column(m, question):
            continue  # 'được giảm học phí bao nhiêu' of a table of fees: not what its figures are
        if m.rows and m.cols:
            return m
        # one name only ('học phí ở miền núi', 'tiểu học ở đâu cao nhất'): the table must also be
        # about what is asked, its section's title sharing a word of the question
        sec = section_for_line(m.doc, m.table.line_start)
        about = sec is not None and bool(topic_words(sec.heading_path) & topic_words(question))
        # a column alone is a lookup of the whole column only when asked for ('mức phí của các di tích')
        whole = bool(m.rows) or bool(re.search(r"\b(cac|tung|moi|nhung|tat ca|toan bo)\b", q))
        if about and (re.search(r"\b(nao|dau|gi)\b", q) if ranking else whole):
            return m
    return None


def _about_the_column(m: Match, question: str) -> bool:
    """Whether what the question measures is named by the table (its columns, rows or heading):
    its figures answer only a question about them."""
    head = measured_thing(question)[0]
    if not head:
        return True
    sec = section_for_line(m.doc, m.table.line_start)
    named = set(plain(" ".join([*m.grid.header, *(sec.heading_path if sec else "").split()])).split())
    named |= {w for i in m.rows for w in plain(row_name(m.grid, i)).split()}
    # its first word: the noun or verb of what is measured ('giảm' in 'được giảm học phí')
    return head.split()[0] in named


def operation_of(question: str) -> str:
    """What a question asks of a table's cells: top, bottom, difference or lookup."""
    q = plain(question)
    top, bottom = _TOP.search(q), _BOTTOM.search(q)
    if (top or bottom) and not _DIFFERENCE.search(q):
        return "top" if top is not None and (bottom is None or top.start() > bottom.start()) else "bottom"
    return "difference" if _DIFFERENCE.search(q) else "lookup"


def answer_cells(corpus: Corpus, question: str, m: Match) -> Answer | None:
    cites = CitationSet()
    doc, table = m.doc, m.table
    sec = section_for_line(doc, table.line_start)
    label = sec.label if sec else ""
    where = f"{doc_name(doc)}, {part_name(label)}" if label else doc_name(doc)
    unit = _unit(doc, m, cites)
    data: dict[str, Any] = {"doc": doc.doc_id, "section": label}

    def cite(c: Cell) -> str:
        return f"[{cites.add_row(doc, sec, c.line)}]" if sec else ""

    def item(c: Cell) -> str:
        return f"- **{c.col_name}**, {c.row_name}: **{format_decimal(c.value)}** {cite(c)}"

    operation = operation_of(question)
    if operation in ("top", "bottom"):
        highest = operation == "top"
        by_column = len(m.rows) == 1 and not m.cols  # 'cấp học nào ở nông thôn ...': the columns of a row
        if by_column:
            pool = m.along_row(m.rows[0])
        elif len(m.cols) == 1 and not m.rows:
            pool = m.along_col(m.cols[0])
        else:
            pool = [c for i in m.rows for j in m.cols if (c := m.cell(i, j)) is not None]
        if not pool:
            return None
        along = (
            f"hàng **{pool[0].row_name}**"
            if by_column
            else f"cột **{pool[0].col_name}**"
            if len(m.cols) == 1 and not m.rows
            else "các ô được hỏi"
        )
        best = max(c.value for c in pool) if highest else min(c.value for c in pool)
        winners = [c.col_name if by_column else c.row_name for c in pool if c.value == best]
        word = "cao nhất" if highest else "thấp nhất"
        head = (
            f"Theo {where}, trong {along}, **{', '.join(winners)}** {word}: **{format_decimal(best)}**{unit}."
        )
        data.update(operation="top" if highest else "bottom", value=str(best), winners=winners)
        note = "\n\n_Thứ hạng do hệ thống so sánh từ các ô của bảng (cùng giá trị thì nêu đủ)._"
        # a long column: the winners (the whole tie) and the next ones in rank, then how many more
        ranked = sorted(pool, key=lambda c: c.value, reverse=highest)
        shown = ranked[: max(MAX_CELLS, sum(1 for c in pool if c.value == best))]
        lines = [item(c) for c in shown]
        if len(pool) > len(shown):
            lines.append(
                f"- … và {len(pool) - len(shown)} ô khác, thấp hơn"
                if highest
                else f"- … và {len(pool) - len(shown)} ô khác, cao hơn"
            )
        return _answer(head + "\n\n" + "\n".join(lines) + note, cites, data)

    cells = [c for i in m.rows for j in m.cols if (c := m.cell(i, j)) is not None]
    if not cells:
        if m.rows and not m.cols:
            cells = [c for i in m.rows for c in m.along_row(i)]
        elif m.cols and not m.rows:
            cells = [c for j in m.cols for c in m.along_col(j)]
    if not cells:
        return None
    cells = cells[:MAX_CELLS]
    if operation == "difference" and len(cells) == 2:
        a, b = cells
        diff = a.value - b.value
        higher, lower = (a, b) if diff >= 0 else (b, a)
        head = (
            f"Theo {where}, {_name(higher, m)} là **{format_decimal(higher.value)}**, {_name(lower, m)} là "
            f"**{format_decimal(lower.value)}**: chênh lệch **{format_decimal(abs(diff))}**{unit}."
        )
        note = f"\n\n_Số liệu do hệ thống tính, văn bản không ghi: {format_decimal(higher.value)} − {format_decimal(lower.value)}._"
        data.update(operation="difference", value=str(abs(diff)))
        return _answer(head + "\n\n" + "\n".join(item(c) for c in cells) + note, cites, data)
    data.update(operation="lookup", values=[str(c.value) for c in cells])
    head = f"Theo {where}" + (f" ({short(sec.title, 80)})" if sec and sec.title else "") + f"{unit}:"
    return _answer(head + "\n\n" + "\n".join(item(c) for c in cells), cites, data)


def _name(c: Cell, m: Match) -> str:
    if len(m.cols) == 1 and len(m.rows) >= 2:
        return f"**{c.row_name}**"
    if len(m.rows) == 1 and len(m.cols) >= 2:
        return f"**{c.col_name}**"
    return f"**{c.col_name}**, {c.row_name}"


def _unit(doc: Document, m: Match, cites: CitationSet) -> str:
    n = unit_line(doc, m.table)
    sec = section_for_line(doc, n) if n else None
    if not n or sec is None:
        return ""
    cid = cites.add_line(doc, sec, n)
    text = doc.line(n).strip().strip("*_ ")
    unit = re.sub(r"^\W*đơn vị( tính)?\s*:\s*", "", text, flags=re.IGNORECASE)
    return f" (đơn vị tính: {unit}) [{cid}]"


def _answer(text: str, cites: CitationSet, data: dict[str, Any]) -> Answer:
    return Answer(answer=text, kind="numeric", citations=cites.items, data={"cells": data})
