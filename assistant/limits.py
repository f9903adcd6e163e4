"""Bounds on the work of one ingested document beyond its bytes: text, sections, chunks, time.

Bytes are bounded where they arrive (:mod:`assistant.guard`, ``max_upload_mb``) and where a .docx
unpacks (:func:`assistant.readers.docx_xml_limit`). What reading, parsing and chunking make of
them is bounded here, in the one place an incoming document becomes sections and chunks
(:func:`parse_within_limits`, called by :func:`assistant.ingest.prepare`):

* ``max_document_chars``: the text once read (checked before it is parsed);
* ``max_document_sections``: the sections the parser finds;
* ``max_document_chunks``: the chunks the index would hold;
* ``max_parse_seconds``: the wall time from the start of reading to the last chunk.

Time is kept by :meth:`DocumentBudget.deadline` around each stage: when the time is up, the stage
is stopped where it is (an exception raised into its thread), not after it ends; parsing a crafted
text can take far longer than its length suggests. A document over a bound is refused with
:class:`~assistant.errors.DocumentLimitError` (413) before anything is written, so the index and
the corpus stay as they were.

The defaults are far above what real documents need: the largest of 270 real directives and the
corpus has 615,280 characters and 780 sections, the most chunks is 675 (a document of long
tables), the longest read + parse + chunk 2 to 4 s on a shared 2-core machine.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
        """The budget of one document, named as the user sent it (for the messages)."""
        return DocumentBudget(self, name)


class _Overtime(BaseException):
    """Raised into the thread that reads a document when its time is up. A BaseException, as
    KeyboardInterrupt is, so that no ``except Exception`` on the way swallows it."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Make ``exc`` raise in a thread at its next Python instruction (None clears a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None
    )


@dataclass
class DocumentBudget:
    """One document's time and counts against :class:`DocumentLimits`."""

    limits: DocumentLimits
    name: str
    spent: float = 0.0  # seconds spent in deadline() blocks so far

    def _refuse(self, what: str, setting: str) -> DocumentLimitError:
        return DocumentLimitError(
            f"Tài liệu “{self.name}” {what}; tài liệu không được nạp, kho văn bản không thay đổi.",
            hint="Nếu đây là một văn bản thật, hãy tách thành nhiều tệp nhỏ hơn; quản trị viên có thể "
            f"nâng giới hạn bằng biến môi trường ASSISTANT_{setting.upper()}.",
        )

    def _overtime(self) -> DocumentLimitError:
        limit = format_decimal(Decimal(str(self.limits.seconds)))
        return self._refuse(
            f"cần quá lâu để đọc và phân tích (hơn {limit} giây, giới hạn là {limit} giây)",
            "max_parse_seconds",
        )

    @contextmanager
    def deadline(self) -> Iterator[None]:
        """Run a stage (reading, parsing, chunking) within the time left: once it is up, the stage
        is stopped where it is, in this thread, and DocumentLimitError raised.

        The stage runs Python code (the readers, the parser, the chunker), which is interrupted at
        its next instruction; one long call into C (a regular expression over the text) ends first.
        """
        started = time.monotonic()
        left = self.limits.seconds - self.spent
        if left <= 0:
            raise self._overtime()
        thread_id = threading.get_ident()
        lock = threading.Lock()
        inside = [True]

        def stop() -> None:
            with lock:
                if inside[0]:
                    _raise_in(thread_id, _Overtime)

        timer = threading.Timer(left, stop)
        timer.daemon = True
        timer.start()
        try:
            try:
                yield
            finally:
                with (
                    lock
                ):  # after this, stop() raises nothing; one it raised but not yet delivered is cleared
                    inside[0] = False
                    _raise_in(thread_id, None)
                timer.cancel()
                self.spent += time.monotonic() - started
        except _Overtime:
            raise self._overtime() from None

    def check_text(self, text: str) -> None:
        """The text once read: its length."""
        if len(text) > self.limits.chars:
            raise self._refuse(
                f"quá dài: {_n(len(text))} ký tự, giới hạn là {_n(self.limits.chars)} ký tự",
                "max_document_chars",
            )

    def check_document(self, doc: Document) -> None:
        """The parsed document: its sections, then its chunks (chunking it within the time left)."""
        sections = sum(1 for _ in doc.walk())
        if sections > self.limits.sections:
            raise self._refuse(
                f"có quá nhiều mục: {_n(sections)} mục, giới hạn là {_n(self.limits.sections)} mục",
                "max_document_sections",
            )
        with self.deadline():
            chunks = len(chunk_document(doc))
        if chunks > self.limits.chunks:
            raise self._refuse(
                f"chia ra quá nhiều đoạn để lập chỉ mục: {_n(chunks)} đoạn, giới hạn là "
                f"{_n(self.limits.chunks)} đoạn",
                "max_document_chunks",
            )


def parse_within_limits(
    cache: ParseCache, budget: DocumentBudget, doc_id: str, text: str, path: str
) -> Document:
    """Parse one incoming document's text (through the parse cache) and chunk it, within its
    budget; raise DocumentLimitError at the first bound it goes over."""
    budget.check_text(text)
    with budget.deadline():
        doc = cache.parse(doc_id, text, path).doc
    budget.check_document(doc)
    return doc


__all__ = ["DocumentBudget", "DocumentLimits", "parse_within_limits"]
