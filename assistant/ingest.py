"""Bring documents into the corpus and the index: read, check, index, and only then keep the file.

Every format is read into text lines (:mod:`assistant.readers`), parsed by the one structure parser,
and indexed with the rest of the corpus. The index is built beside the live one and switched in
when complete (:func:`assistant.indexing.ingest`), and the text file joins ``corpus/`` only after
that: a file that fails at any step changes nothing, and re-running after a crash is safe.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.check import check_documents, finding_to_dict
from assistant.config import Settings
from assistant.documents import TEXT_SUFFIXES, corpus_files, parse_text
from assistant.errors import CorpusError, EmptyDocumentError, InputError
from assistant.files import write_atomic
from assistant.limits import DocumentLimits, parse_within_limits
from assistant.model import Document
from assistant.parsecache import ParseCache
from assistant.readers import SUPPORTED_EXTENSIONS, content_sha256, read_bytes, read_path, safe_doc_id
from assistant.text import text_hash, unify_lines

logger = logging.getLogger(__name__)


@dataclass
class Incoming:
    doc: Document
    text: str
    source: str
    duplicate_of: str = ""


@dataclass(frozen=True)
class Stored:
    """A document of ``corpus/`` as an ingest needs it before it is parsed: its id, path, content
    hash (what the index's manifest records) and the key its duplicates are found by.

    It is parsed (through the parse cache) only when its chunks are made, that is when it is new or
    changed: adding one document to a province's corpus reads the folder's texts (a fraction of a
    second), not every parsed document (seconds), and a full ingest parses, chunks and drops one
    document at a time instead of holding the whole parsed corpus.
    """

    doc_id: str
    path: str
    content_hash: str
    text_key: str
    cache: ParseCache

    def document(self) -> Document:
        return self.cache.parse_file(Path(self.path)).doc


def _corpus(settings: Settings) -> list[Stored]:
    """The corpus folder's documents, read but not parsed (see :class:`Stored`)."""
    if not settings.corpus_dir.is_dir():
        return []
    cache = ParseCache.for_data_dir(settings.data_dir)
    out = []
    for p in corpus_files(settings.corpus_dir):
        try:
            text = unify_lines(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise CorpusError(f"Không đọc được tệp {p.name}: {exc}") from exc
        # text_hash unifies again: a no-op on unified text, so the same hash as the parsed document's
        out.append(Stored(p.stem, str(p), text_hash(text), _text_key(text), cache))
    return out


def _max_bytes(settings: Settings) -> int:
    return int(settings.max_upload_mb * 1024 * 1024)


def _expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(
                sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in SUPPORTED_EXTENSIONS)
            )
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"Không tìm thấy tệp hoặc thư mục “{raw}”.")
    return out


def _text_key(text: str) -> str:
    """The same content, whatever its line ends, blank lines, edge spaces or container (.md, .docx)."""
    lines = (line.strip() for line in text.splitlines())
    return content_sha256("\n".join(line for line in lines if line).encode("utf-8"))


def _text_hashes(docs: Sequence[Document | Stored]) -> dict[str, str]:
    # a parsed document's lines are its unified text split at "\n" (documents._Parser)
    return {d.text_key if isinstance(d, Stored) else _text_key("\n".join(d.lines)): d.doc_id for d in docs}


def prepare(
    settings: Settings,
    name: str,
    data: bytes | None = None,
    path: Path | None = None,
    existing: Sequence[Document | Stored] | None = None,
    replace: bool = False,
) -> Incoming:
    """Read and parse one incoming file; raise a clear error for a bad one (nothing is written).

    Only a file without any text is refused. A document whose header or structure could not be
    read (a short công văn without numbered items, a header in an unknown layout) is accepted: what
    was not read is in ``Document.warnings``, and so in the ingest report and ``assistant check``.
    """
    budget = DocumentLimits.from_settings(settings).start(name)
    with budget.deadline():
        result = (
            read_bytes(data, name, max_bytes=_max_bytes(settings))
            if data is not None
            else read_path(path or Path(name), max_bytes=_max_bytes(settings))
        )
    text = result.text if result.text.endswith("\n") else result.text + "\n"
    budget.check_text(text)
    existing = existing if existing is not None else _corpus(settings)
    hashes = _text_hashes(existing)
    digest = _text_key(text)
    doc_id = safe_doc_id(name)
    if digest in hashes:
        return Incoming(parse_text(hashes[digest], text, ""), text, name, duplicate_of=hashes[digest])
    taken = {d.doc_id for d in existing}
    if doc_id in taken and not replace:
        n = 2
        while f"{doc_id}-{n}" in taken:
            n += 1
        doc_id = f"{doc_id}-{n}"
    # through the cache: the reload after the ingest finds this document parsed
    cache = ParseCache.for_data_dir(settings.data_dir)
    doc = parse_within_limits(cache, budget, doc_id, text, str(settings.corpus_dir / f"{doc_id}.md"))
    if not any(line.strip() for line in doc.lines):
        raise EmptyDocumentError(f"Tệp “{name}” không có nội dung văn bản; tài liệu không được nạp.")
    for warning in doc.warnings:
        logger.warning("%s: %s", name, warning)
    return Incoming(doc, text, name)


def commit(
    settings: Settings,
    incoming: list[Incoming],
    *,
    remove: list[str] | None = None,
    rebuild: bool = False,
    progress: bool = True,
    embedder: Any = None,
    cancel: threading.Event | None = None,
    current: Sequence[Document | Stored] | None = None,
) -> dict[str, Any]:
    """Index the corpus with ``incoming`` added and ``remove`` taken out; then write/delete the files.

    ``current`` is the corpus as the caller has it (parsed, or :class:`Stored`; read from the
    folder when not given). ``cancel`` stops it with
    nothing changed until the new index version is switched in (see
    :func:`assistant.indexing.ingest`); the file writes after the switch are always completed."""
    from assistant.indexing import ingest

    current = current if current is not None else _corpus(settings)
    new = {i.doc.doc_id: i for i in incoming if not i.duplicate_of}
    remove = remove or []
    docs = [d for d in current if d.doc_id not in new and d.doc_id not in remove] + [
        i.doc for i in new.values()
    ]
    report = ingest(
        docs, settings=settings, embedder=embedder, rebuild=rebuild, progress=progress, cancel=cancel
    )
    for doc_id, item in new.items():
        write_atomic(settings.corpus_dir / f"{doc_id}.md", item.text.encode("utf-8"))
    for doc_id in remove:
        for p in corpus_files(settings.corpus_dir):
            if p.stem == doc_id:
                p.unlink()
    out = report.to_dict()
    out["summary"] = report.summary()
    out["documents"] = [_doc_report(i) for i in incoming]
    out["findings"] = [finding_to_dict(f) for f in check_documents([i.doc for i in new.values()])]
    return out


def _doc_report(i: Incoming) -> dict[str, Any]:
    from assistant.agencies import extract_assignments

    d = i.doc
    return {
        "doc": d.doc_id,
        "source": i.source,
        "duplicate_of": i.duplicate_of,
        "doc_type": d.doc_type,
        "number": d.number,
        "sections": sum(1 for s in d.walk() if s.kind != "header"),
        "criteria": len(d.criteria),
        "assignments": len(extract_assignments(d)),
        "warnings": list(d.warnings),
    }


def incoming_files(settings: Settings, paths: list[str]) -> list[Path]:
    """The files `assistant ingest PATH...` brings in: folders expanded, corpus files left out."""
    corpus = settings.corpus_dir.resolve()
    return [
        p
        for p in _expand(paths)
        # a text file of corpus/ is already part of the corpus
        if not (p.resolve().parent == corpus and p.suffix.lower() in TEXT_SUFFIXES)
    ]


def ingest_paths(
    settings: Settings, paths: list[str], *, rebuild: bool = False, progress: bool = True
) -> dict[str, Any]:
    """`assistant ingest [PATH...]`: with no path, index ``corpus/`` as it is."""
    existing: list[Document | Stored] = list(_corpus(settings))
    incoming: list[Incoming] = []
    for p in incoming_files(settings, paths):
        item = prepare(settings, p.name, path=p, existing=existing + [i.doc for i in incoming])
        incoming.append(item)
    return commit(settings, incoming, rebuild=rebuild, progress=progress, current=existing)
