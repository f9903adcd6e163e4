"""Bounds on the work of one ingested document beyond its bytes: text, sections, chunks, time.

Bytes are bounded where they arrive (:mod:`assistant.guard`, ``max_upload_mb``) and where a .docx
unpacks (:func:`assistant.readers.docx_xml_limit`). What reading, parsing and chunking make of
them is bounded here, in the one place an incoming document becomes sections and chunks
(:func:`parse_within_limits`, called by :func:`assistant.ingest.prepare`):

* ``max_document_chars``: the text once read (checked before it is parsed);
* ``max_document_sections``: the sections the parser finds;
* ``max_document_chunks``: the chunks the index would hold;
* ``max_parse_seconds``: the wall time from the start of reading to the last chunk.

The time is checked after each stage (read, parse, chunk), not inside one: a stage's work is
bounded by its input, which the bounds before it limit (parsing takes about 10 s per million
characters). A document over a bound is refused with :class:`~assistant.errors.DocumentLimitError`
(413) before anything is written, so the index and the corpus stay as they were.

The defaults are far above what real documents need: the largest of 270 real directives and the
corpus has 615,280 characters and 780 sections, the most chunks is 675 (a document of long
tables), the longest read + parse + chunk 2.1 s.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.chunks import chunk_document
from assistant.config import Settings
from assistant.errors import DocumentLimitError
from assistant.model import Document
from assistant.parsecache import ParseCache
from assistant.text import format_decimal


def _n(value: int) -> str:
    return format_decimal(Decimal(value))


@dataclass(frozen=True)
class DocumentLimits:
    """The bounds of one ingested document (see the module's docstring)."""

    chars: int
    sections: int
    chunks: int
    seconds: float

    @classmethod
    def from_settings(cls, settings: Settings) -> DocumentLimits:
        return cls(
            chars=settings.max_document_chars,
            sections=settings.max_document_sections,
            chunks=settings.max_document_chunks,
            seconds=settings.max_parse_seconds,
        )

    def start(self, name: str) -> DocumentBudget:
        """Start the clock of one document, named as the user sent it (for the messages)."""
        return DocumentBudget(self, name)


@dataclass
class DocumentBudget:
    """One document's clock and counts against :class:`DocumentLimits`."""

    limits: DocumentLimits
    name: str
    started: float = field(default_factory=time.monotonic)

    def _refuse(self, what: str, setting: str) -> DocumentLimitError:
        return DocumentLimitError(
            f"Tài liệu “{self.name}” {what}; tài liệu không được nạp, kho văn bản không thay đổi.",
            hint="Nếu đây là một văn bản thật, hãy tách thành nhiều tệp nhỏ hơn; quản trị viên có thể "
            f"nâng giới hạn bằng biến môi trường ASSISTANT_{setting.upper()}.",
        )

    def check_time(self) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.limits.seconds:
            shown = format_decimal(Decimal(str(round(elapsed, 1))), 1)
            limit = format_decimal(Decimal(str(self.limits.seconds)))
            raise self._refuse(
                f"cần quá lâu để đọc và phân tích ({shown} giây, giới hạn là {limit} giây)",
                "max_parse_seconds",
            )

    def check_text(self, text: str) -> None:
        """The text once read: its length, and the time so far."""
        if len(text) > self.limits.chars:
            raise self._refuse(
                f"quá dài: {_n(len(text))} ký tự, giới hạn là {_n(self.limits.chars)} ký tự",
                "max_document_chars",
            )
        self.check_time()

    def check_document(self, doc: Document) -> None:
        """The parsed document: its sections, its chunks, and the time so far."""
        sections = sum(1 for _ in doc.walk())
        if sections > self.limits.sections:
            raise self._refuse(
                f"có quá nhiều mục: {_n(sections)} mục, giới hạn là {_n(self.limits.sections)} mục",
                "max_document_sections",
            )
        self.check_time()
        chunks = len(chunk_document(doc))
        if chunks > self.limits.chunks:
            raise self._refuse(
                f"chia ra quá nhiều đoạn để lập chỉ mục: {_n(chunks)} đoạn, giới hạn là "
                f"{_n(self.limits.chunks)} đoạn",
                "max_document_chunks",
            )
        self.check_time()


def parse_within_limits(
    cache: ParseCache, budget: DocumentBudget, doc_id: str, text: str, path: str
) -> Document:
    """Parse one incoming document's text (through the parse cache) and chunk it, within its
    budget; raise DocumentLimitError at the first bound it goes over."""
    budget.check_text(text)
    doc = cache.parse(doc_id, text, path).doc
    budget.check_document(doc)
    return doc


__all__ = ["DocumentBudget", "DocumentLimits", "parse_within_limits"]
