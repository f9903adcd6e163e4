"""Answers from lists of names in groups (assistant.grouped): which group a member is in, how many
members a group (or the whole list) has, and the members of a group. Counts are computed from the
rows and said to be; a count the group's title states is quoted beside it."""

from __future__ import annotations

import re
from typing import Any

from assistant import grouped
from assistant.answers import Answer, CitationSet, section_for_line
from assistant.compose.common import doc_name, part_name
from assistant.corpus import Corpus
from assistant.model import Document
from assistant.text import plain

_COUNT = re.compile(r"\b(bao nhieu|may|tong cong|tong so)\b")
_WHICH = re.compile(r"\b(nao|gi|loai|nhom|thuoc|xep|phan loai)\b")
_LIST = re.compile(r"\b(nhung|cac|gom|liet ke|ke ten|danh sach|nao)\b")
MAX_SHOWN = 30


def find_grouped(
    corpus: Corpus, question: str, picked: list[Document] | None = None
) -> tuple[grouped.Asked, str] | None:
    """The grouped list a question asks about and what it asks (member, count, list); None when no
    grouped list of the documents it names (or of any, if it names none) fits. ``picked``: the
    documents the question names, when the caller has them already (every question is asked this)."""
    q = plain(question)
    if picked is None:
        picked = corpus.pick_documents(question)
    found = grouped.find(picked or list(corpus.docs.values()), question)
    named = [a for a in found if a.members or a.groups]
    counted = [a for a in found if _counts_members(q, a.glist)]
    if len(named) == 1:
        asked = named[0]
        if asked.members and _WHICH.search(q) and not _COUNT.search(q):
            return asked, "member"
        if asked in counted:
            return asked, "count"
        kinds = grouped.kinds(asked.glist)
        names_kind = any(re.search(rf"\b{re.escape(k)}\b", q) for k in kinds) or re.search(
            r"\b(liet ke|danh sach|gom nhung|bao gom)\b", q
        )
        if asked.groups and not asked.members and names_kind and _LIST.search(q) and not _COUNT.search(q):
            return asked, "list"  # 'những xã nào thuộc miền núi', not 'cấp học nào ở nông thôn ...'

        return None
    if not named and picked and len(counted) == 1:
        return counted[0], "count"  # 'Phụ lục ... có tổng cộng bao nhiêu xã, phường?'
    return None


def _counts_members(q: str, gl: grouped.GroupedList) -> bool:
    """'bao nhiêu phường', 'mấy xã': a count of the kind the list's members are."""
    kinds = "|".join(re.escape(k) for k in sorted(grouped.kinds(gl), key=len, reverse=True))
    return bool(kinds) and re.search(rf"\b(?:bao nhieu|may|tong cong|tong so) (?:{kinds})\b", q) is not None


def _kind(members: list[grouped.Member] | tuple[grouped.Member, ...]) -> str:
    """What the members are, for a count: 'phường', 'xã, phường', else 'mục'."""
    first = list(dict.fromkeys(m.name.split()[0].lower() for m in members if m.name.split()))
    return ", ".join(first) if 0 < len(first) <= 3 else "mục"


def answer_grouped(corpus: Corpus, question: str, asked: grouped.Asked, operation: str) -> Answer:
    gl = asked.glist
    doc = gl.doc
    cites = CitationSet()
    sec = section_for_line(doc, gl.table.line_start)
    label = sec.label if sec else ""
    where = f"{doc_name(doc)}, {part_name(label, sec.title if sec else '')}" if label else doc_name(doc)

    def cite(line: int) -> str:
        return f" [{cites.add_row(doc, sec, line)}]" if sec else ""

    data: dict[str, Any] = {"doc": doc.doc_id, "section": label, "operation": operation}
    if operation == "member":
        lines = []
        for m in asked.members:
            g = next(g for g in gl.groups if m in g.members)
            lines.append(f"- **{m.name}** thuộc nhóm **{g.number}. {g.title}**{cite(g.line)}{cite(m.line)}")
        data["members"] = [
            {"name": m.name, "group": next(g.title for g in gl.groups if m in g.members)}
            for m in asked.members
        ]
        text = f"Theo bảng của {where} (cột “{gl.column}”):\n" + "\n".join(lines)
        return Answer(answer=text, kind="document", citations=cites.items, data={"grouped": data})
    groups = list(asked.groups) or list(gl.groups)
    if operation == "count":
        lines = []
        for g in groups:
            stated = g.stated_count
            said = f" (văn bản ghi: {stated})" if stated is not None else ""
            lines.append(
                f"- Nhóm **{g.number}. {g.title}**: **{len(g.members)}** {_kind(g.members)}{said}{cite(g.line)}"
            )
        total = sum(len(g.members) for g in groups)
        members = [m for g in groups for m in g.members]
        head = (
            f"Theo bảng của {where}, nhóm được hỏi có **{total}** {_kind(members)}:"
            if len(groups) == 1
            else f"Theo bảng của {where}, có tổng cộng **{total}** {_kind(members)} (cột “{gl.column}”), theo nhóm:"
        )
        note = "\n\n_Số do hệ thống đếm các dòng của bảng, văn bản không ghi tổng này._"
        if len(groups) == 1 and groups[0].stated_count == total:
            note = "\n\n_Số do hệ thống đếm các dòng của bảng; khớp với số văn bản ghi ở tên nhóm._"
        data.update(count=total, groups={g.number: len(g.members) for g in groups})
        return Answer(
            answer=head + "\n" + "\n".join(lines) + note,
            kind="numeric",
            citations=cites.items,
            data={"grouped": data},
        )
    blocks = []
    for g in groups:
        shown = g.members[:MAX_SHOWN]
        items = "\n".join(f"{i}. {m.name}{cite(m.line)}" for i, m in enumerate(shown, 1))
        more = f"\n… và {len(g.members) - len(shown)} dòng nữa." if len(g.members) > len(shown) else ""
        blocks.append(f"**{g.number}. {g.title}**{cite(g.line)} ({len(g.members)} dòng):\n{items}{more}")
    data["groups"] = {g.number: [m.name for m in g.members] for g in groups}
    text = f"Theo bảng của {where}:\n\n" + "\n\n".join(blocks)
    return Answer(answer=text, kind="document", citations=cites.items, data={"grouped": data})
