"""Cut a parsed document into retrieval chunks that follow its own structure.

One chunk per section that has text of its own (a leaf item, or a parent's intro before its
first child); a long section is split into groups of consecutive bullets, each carrying the
heading path for context. The header parts (Tiêu đề, Kính gửi, Căn cứ, Nơi nhận, Chữ ký) are
chunks of their own. Each row of an appendix table is a chunk (with the table header, so that
"3 | A.2.2.2. Kết quả ... | 3,00 | 2,49" keeps its column names), plus one chunk for the
appendix title and caption. A law is cut one chunk per article (Điều), clauses and points
included, and split by clauses only when an article is very long.

``Chunk.text`` is what is embedded and searched (heading path, then the body); ``Chunk.body``
is the body alone, for answers. Ids are deterministic: ``<doc>#<section label>``, plus
``#<n>`` (1-based) for the parts of a split section and for table rows. No I/O here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from assistant.documents import clean_line
from assistant.model import TITLE, Document, Section, Table
from assistant.parsecache import parser_fingerprint
from assistant.text import squash

# What the chunks of a document are made by: the chunking rules (bump CHUNK_RULES when they
# change) and the parser's own code, whose sections and labels the chunks carry. When either
# differs from the live index's, every document is re-chunked and re-embedded, so no chunk keeps
# a label an upgraded parser no longer gives.
CHUNK_RULES = 1
CHUNKER_VERSION = f"{CHUNK_RULES}-{parser_fingerprint()}"

# A section longer than this (approximate model tokens) is split into bullet groups.
SECTION_MAX_TOKENS = 350
# An article of a law is split by clauses only past this size (the embedding model reads
# 512 tokens; BM25 does best on whole articles, so only the very long ones are cut).
ARTICLE_MAX_TOKENS = 900
# Target size of a part when a section or article is split.
PART_TOKENS = 300

KINDS = ("section", "bullets", "header", "table_row", "appendix", "article")

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_BULLET = ("-", "+", "•")


def approx_tokens(text: str) -> int:
    """Approximate token count for the multilingual e5 tokenizer (about 1.2 per Vietnamese syllable).

    Deliberately model-independent so that chunk ids do not depend on which model is loaded.
    """
    return int(len(_TOKEN_RE.findall(text)) * 1.2) + 2


@dataclass(frozen=True)
class Chunk:
    """A unit of retrieval; ``text`` = heading path + body, ``body`` = the body alone."""

    id: str
    doc: str
    section: str  # the section label ('II.10', 'Phụ lục II', 'Điều 5', 'Tiêu đề')
    title: str  # the section's title ('Sở Giáo dục và Đào tạo')
    kind: str  # section | bullets | header | table_row | appendix | article
    text: str
    body: str
    line_start: int
    line_end: int
    content_hash: str
    heading: str = ""  # the heading path ('II. Nhiệm vụ cụ thể > 10. Sở Giáo dục và Đào tạo')
    section_kind: str = ""  # the parsed section's kind (item, part, header, appendix, article, ...)
    part: int = 0  # 1-based index of a part of a split section or of a table row; 0 when whole

    def metadata(self) -> dict[str, Any]:
        """Flat metadata (str/int only) stored with the chunk in the vector store and BM25."""
        return {
            "doc": self.doc,
            "section": self.section,
            "title": self.title,
            "kind": self.kind,
            "section_kind": self.section_kind,
            "heading": self.heading,
            "line_start": self.line_start,
            "line_end": self.line_end,
            "part": self.part,
            "body_offset": len(self.text) - len(self.body),
            "content_hash": self.content_hash,
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def chunk_from_metadata(chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
    """Rebuild a chunk from what the vector store returns (text + metadata)."""
    offset = int(meta.get("body_offset", 0) or 0)
    return Chunk(
        id=chunk_id,
        doc=str(meta.get("doc", "")),
        section=str(meta.get("section", "")),
        title=str(meta.get("title", "")),
        kind=str(meta.get("kind", "")),
        text=text,
        body=text[offset:] if 0 <= offset <= len(text) else text,
        line_start=int(meta.get("line_start", 0) or 0),
        line_end=int(meta.get("line_end", 0) or 0),
        content_hash=str(meta.get("content_hash", "")),
        heading=str(meta.get("heading", "")),
        section_kind=str(meta.get("section_kind", "")),
        part=int(meta.get("part", 0) or 0),
    )


# --- paragraphs with their lines --------------------------------------------------------------


@dataclass
class _Para:
    text: str
    first: int
    last: int


def _paragraphs(doc: Document, start: int, end: int) -> list[_Para]:
    """Cleaned paragraphs of lines start..end with their line spans.

    Mirrors the parser's own joining (a line that continues a sentence is glued to the
    previous one), so the joined paragraphs equal ``Section.text``.
    """
    paras: list[_Para] = []
    for i in range(max(start, 1), min(end, len(doc.lines)) + 1):
        s = clean_line(doc.line(i))
        if not s:
            continue
        if (
            paras
            and not s.startswith(_BULLET)
            and paras[-1].text
            and paras[-1].text[-1] not in ".:;!?"
            and s[0].islower()
        ):
            paras[-1].text += " " + s
            paras[-1].last = i
        else:
            paras.append(_Para(s, i, i))
    return paras


def _own_end(sec: Section) -> int:
    return sec.children[0].line_start - 1 if sec.children else sec.line_end


def _group(paras: list[_Para], budget: int) -> list[list[_Para]]:
    """Consecutive paragraphs grouped up to ``budget`` tokens; an intro ending in ':' stays with what follows."""
    groups: list[list[_Para]] = []
    current: list[_Para] = []
    size = 0
    for p in paras:
        n = approx_tokens(p.text)
        if current and size + n > budget and not current[-1].text.endswith(":"):
            groups.append(current)
            current, size = [], 0
        current.append(p)
        size += n
    if current:
        groups.append(current)
    return groups


def _hash(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.out: list[Chunk] = []
        self.seen: set[str] = set()

    def add(
        self,
        sec_label: str,
        title: str,
        kind: str,
        heading: str,
        body: str,
        line_start: int,
        line_end: int,
        *,
        section_kind: str,
        part: int = 0,
        sep: str = "\n",
    ) -> None:
        body = body.strip()
        if not body:
            return
        chunk_id = f"{self.doc.doc_id}#{sec_label}" + (f"#{part}" if part else "")
        if chunk_id in self.seen:  # a label repeated by the document itself: keep ids unique
            n = 2
            while f"{chunk_id}~{n}" in self.seen:
                n += 1
            chunk_id = f"{chunk_id}~{n}"
        self.seen.add(chunk_id)
        text = f"{heading}{sep}{body}" if heading else body
        self.out.append(
            Chunk(
                id=chunk_id,
                doc=self.doc.doc_id,
                section=sec_label,
                title=title,
                kind=kind,
                text=text,
                body=body,
                line_start=line_start,
                line_end=line_end,
                content_hash=_hash(chunk_id, text, str(line_start), str(line_end)),
                heading=heading,
                section_kind=section_kind,
                part=part,
            )
        )

    # --- one section ----------------------------------------------------------------------------

    def section(self, sec: Section, kind: str, budget: int, part_kind: str) -> None:
        """A section's own text: whole when short enough, else in paragraph groups."""
        spans = sec.own_spans(sec.body_start or sec.line_start)
        end = spans[-1][1] if spans else _own_end(sec)
        paras = [p for a, b in spans for p in _paragraphs(self.doc, a, b)]
        joined = "\n".join(p.text for p in paras)
        heading = (sec.title or sec.label) if sec.kind == "header" else sec.heading_path
        if not paras or joined != sec.text:
            # The text is not a plain run of lines (a heading-only item): keep it whole.
            self.add(
                sec.label, sec.title, kind, heading, sec.text, sec.line_start, end or sec.line_end,
                section_kind=sec.kind,
            )  # fmt: skip
            return
        if approx_tokens(joined) <= budget:
            first = sec.line_start if kind != "header" else paras[0].first
            self.add(
                sec.label, sec.title, kind, heading, joined, first, paras[-1].last, section_kind=sec.kind
            )
            return
        for n, group in enumerate(_group(paras, PART_TOKENS), start=1):
            self.add(
                sec.label,
                sec.title,
                part_kind,
                heading,
                "\n".join(p.text for p in group),
                group[0].first if n > 1 else sec.line_start,
                group[-1].last,
                section_kind=sec.kind,
                part=n,
            )

    def article(self, sec: Section) -> None:
        """A law's article with its clauses and points; split by clauses only when very long."""
        paras = _paragraphs(self.doc, sec.body_start, sec.line_end)
        body = "\n".join(p.text for p in paras) or sec.title
        heading = sec.heading_path
        if approx_tokens(body) <= ARTICLE_MAX_TOKENS or not paras:
            self.add(
                sec.label, sec.title, "article", heading, body, sec.line_start, sec.line_end,
                section_kind=sec.kind,
            )  # fmt: skip
            return
        # Units: the intro, then each clause (its points included); a unit still too long is
        # cut by paragraphs. Units are then packed up to the part size.
        units: list[list[_Para]] = []
        bounds = [c.line_start for c in sec.children if c.kind == "clause"]
        current: list[_Para] = []
        for p in paras:
            if p.first in bounds and current:
                units.append(current)
                current = []
            current.append(p)
        if current:
            units.append(current)
        pieces: list[list[_Para]] = []
        for unit in units:
            if approx_tokens("\n".join(p.text for p in unit)) > ARTICLE_MAX_TOKENS // 2:
                pieces.extend(_group(unit, PART_TOKENS))
            else:
                pieces.append(unit)
        groups: list[list[_Para]] = []
        size = 0
        for piece in pieces:
            n = approx_tokens("\n".join(p.text for p in piece))
            if groups and size + n <= ARTICLE_MAX_TOKENS // 2:
                groups[-1].extend(piece)
                size += n
            else:
                groups.append(list(piece))
                size = n
        for n, group in enumerate(groups, start=1):
            self.add(
                sec.label,
                sec.title,
                "article",
                heading,
                "\n".join(p.text for p in group),
                group[0].first if n > 1 else sec.line_start,
                group[-1].last,
                section_kind=sec.kind,
                part=n,
            )

    # --- header, appendices ---------------------------------------------------------------------

    def title(self, sec: Section) -> None:
        doc = self.doc
        lines = [clean_line(doc.line(i)) for i in range(sec.line_start, sec.line_end + 1)]
        facts = []
        if doc.doc_type or doc.number:
            facts.append(squash(f"{doc.doc_type} số {doc.number}" if doc.number else doc.doc_type))
        if doc.date:
            facts.append(f"Ngày {doc.date}" if doc.date.complete else str(doc.date))
        if doc.subject:
            facts.append(f"Về việc: {doc.subject}")
        body = "\n".join([*facts, *(s for s in lines if s)])
        self.add(
            sec.label, doc.subject, "header", TITLE, body, sec.line_start, sec.line_end, section_kind=sec.kind
        )

    def appendix(self, sec: Section, tables: list[Table]) -> None:
        if not tables:
            self.section(sec, "appendix", SECTION_MAX_TOKENS, "appendix")
            return
        first_table = min(t.line_start for t in tables)
        caption = _paragraphs(self.doc, sec.line_start, first_table - 1)
        body = "\n".join(p.text for p in caption) or sec.display
        cap_end = caption[-1].last if caption else sec.line_start
        self.add(sec.label, sec.title, "appendix", "", body, sec.line_start, cap_end, section_kind=sec.kind)
        n = 0
        for table in tables:
            header = " | ".join(c for c in table.header)
            for row, line in zip(table.rows, table.row_lines, strict=True):
                cells = [clean_line(c) for c in row]
                if not any(cells):
                    continue
                n += 1
                self.add(
                    sec.label,
                    sec.title,
                    "table_row",
                    f"{sec.label} > {header}",
                    " | ".join(cells),
                    line,
                    line,
                    section_kind="table_row",
                    part=n,
                    sep=" — ",
                )


def chunk_document(doc: Document) -> list[Chunk]:
    """The chunks of a document, in reading order, with deterministic ids."""
    b = _Builder(doc)
    tables_by_label: dict[str, list[Table]] = {}
    for t in doc.tables:
        tables_by_label.setdefault(t.appendix, []).append(t)
    for top in doc.sections:
        if top.kind == "header":
            if top.label == TITLE:
                b.title(top)
            else:
                b.section(top, "header", 10**9, "header")
            continue
        if top.kind == "appendix":
            b.appendix(top, tables_by_label.get(top.label, []))
            continue
        for sec in top.walk():
            if sec.kind == "article":
                b.article(sec)
            elif any(a.kind == "article" for a in sec.path[:-1]):
                continue  # inside their article's chunk (its clauses, points, a text it quotes)
            elif sec.text:
                b.section(sec, "section", SECTION_MAX_TOKENS, "bullets")
    return b.out


def chunk_documents(docs: Iterable[Document]) -> list[Chunk]:
    return [c for d in docs for c in chunk_document(d)]


__all__ = [
    "ARTICLE_MAX_TOKENS",
    "CHUNKER_VERSION",
    "KINDS",
    "SECTION_MAX_TOKENS",
    "Chunk",
    "approx_tokens",
    "chunk_document",
    "chunk_documents",
    "chunk_from_metadata",
]
