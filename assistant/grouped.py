"""Lists of names in groups: the tables that sort places, bodies or people into kinds.

A table such as a resolution's appendix 'STT | Địa bàn/tên xã, phường' whose rows numbered I, II,
III (or A, B, C) name groups ('Đô thị (21 phường thuộc thành phố Huế)', 'Miền núi (9 xã ...)')
and whose rows numbered 1, 2, 3 under each name its members ('Phường Phong Điền', 'Xã A Lưới 3')
answers which group a member is in, how many members a group has, all of them, and the members of
one group. Such a table holds names, not figures: a table with a column of figures is a table of
figures (assistant.cells) and is left alone. Names are matched whole and folded (accents, case),
so 'xa a luoi 3' is Xã A Lưới 3 and never Xã A Lưới 31.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.model import Document, Table
from assistant.text import parse_decimal, plain

_GROUP_NUMBER = re.compile(r"^(?:[IVXLC]{1,5}|[A-ZĐ])[.)]?$")
_ITEM_NUMBER = re.compile(r"^\d{1,4}[.)]?$")
MIN_GROUPS = 2


@dataclass(frozen=True)
class Member:
    name: str
    line: int

    @property
    def key(self) -> str:
        """The name folded ('xa a luoi 3'), and without its kind ('a luoi 3'): computed once."""
        return _keys(self.name)[0]

    @property
    def bare(self) -> str:
        return _keys(self.name)[1]


@functools.lru_cache(maxsize=65536)
def _keys(name: str) -> tuple[str, str]:
    key = plain(name)
    return key, plain(re.sub(r"^\w+\s+", "", name))


@dataclass(frozen=True)
class Group:
    number: str  # 'III'
    title: str  # 'Miền núi (9 xã miền núi thuộc thành phố Huế)'
    line: int
    members: tuple[Member, ...]

    @property
    def key(self) -> str:
        """The group's name without what its parentheses say, folded: 'mien nui'."""
        return plain(re.sub(r"\(.*", "", self.title)).strip()

    @property
    def stated_count(self) -> int | None:
        """The number of members the group's title states ('21 phường'), if any."""
        m = re.search(r"\((\d+)\s+\w", self.title)
        return int(m.group(1)) if m else None


@dataclass(frozen=True)
class GroupedList:
    doc: Document
    table: Table
    column: str  # the header of the names' column ('Địa bàn/tên xã, phường')
    groups: tuple[Group, ...]

    @property
    def members(self) -> list[Member]:
        return [m for g in self.groups for m in g.members]


def _read(doc: Document, table: Table) -> GroupedList | None:
    if not table.rows or len(table.header) < 2:
        return None
    groups: list[Group] = []
    current: tuple[str, str, int, list[Member]] | None = None
    for row, line in zip(table.rows, table.row_lines, strict=False):
        cells = [c.strip().strip("*").strip() for c in row]
        if len(cells) < 2 or not cells[1]:
            return None
        if any(parse_decimal(c) is not None for c in cells[2:] if c):
            return None  # a column of figures: a table of figures, not a list of names
        number, name = cells[0], cells[1]
        if _GROUP_NUMBER.match(number):
            if current is not None:
                groups.append(Group(current[0], current[1], current[2], tuple(current[3])))
            current = (number.rstrip(".)"), name, line, [])
        elif _ITEM_NUMBER.match(number) and current is not None:
            current[3].append(Member(name, line))
        else:
            return None
    if current is not None:
        groups.append(Group(current[0], current[1], current[2], tuple(current[3])))
    if len(groups) < MIN_GROUPS or any(not g.members for g in groups):
        return None
    return GroupedList(doc, table, table.header[1], tuple(groups))


_CACHE: dict[int, list[GroupedList]] = {}


def grouped_lists(doc: Document) -> list[GroupedList]:
    """The grouped lists among a document's tables (read once per document)."""
    key = id(doc)
    found = _CACHE.get(key)
    if found is None:
        found = [g for t in doc.tables if (g := _read(doc, t)) is not None]
        _CACHE[key] = found
        weakref.finalize(doc, _CACHE.pop, key, None)
    return found


def _contains(q: str, name: str) -> bool:
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", q) is not None


@dataclass(frozen=True)
class Asked:
    glist: GroupedList
    members: tuple[Member, ...]  # members the question names
    groups: tuple[Group, ...]  # groups the question names


def find(docs: Iterable[Document], question: str) -> list[Asked]:
    """The grouped lists of ``docs``, each with the members and groups the question names ('xã Phú
    Lộc' named is not also 'xã Phú')."""
    q = f" {plain(question)} "
    out: list[Asked] = []
    for doc in docs:
        for gl in grouped_lists(doc):
            # a substring test first: most questions name no member, and lists can be long
            members = [m for m in gl.members if m.key in q and _contains(q, m.key)]
            if not members:
                # typed without its kind ('A Lưới 3 thuộc loại nào'): the name after 'xã', 'phường'
                members = [m for m in gl.members if len(m.bare) >= 4 and m.bare in q and _contains(q, m.bare)]
            # 'Xã Phú Lộc' named is not also 'Xã Phú'
            members = [
                m for m in members if not any(m is not o and plain(m.name) in plain(o.name) for o in members)
            ]
            groups = [g for g in gl.groups if len(g.key) >= 3 and _contains(q, g.key)]
            out.append(Asked(gl, tuple(members), tuple(groups)))
    return out


def kinds(gl: GroupedList) -> set[str]:
    """The kinds the members' names begin with, folded ('xa', 'phuong', 'thi tran'): what a count
    of them is asked in ('bao nhiêu xã, phường')."""
    out: set[str] = set()
    for m in gl.members:
        words = plain(m.name).split()
        if words:
            out.add(words[0])
            if len(words) > 1:
                out.add(" ".join(words[:2]))
    return out
