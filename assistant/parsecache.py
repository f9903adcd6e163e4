"""Parsed documents kept on disk, so start-up, an ingest and a reload parse only what is new.

Parsing a directive and extracting its facts (assignments to agencies, general tasks) depends
only on its text, its id and its path, and on the parser's code. An entry holds the
:class:`~assistant.model.Document` and those per-document facts, pickled under
``<data_dir>/parsecache/<parser fingerprint>/<key>.pkl`` with the key a hash of the document's
id, path and content hash (:func:`assistant.text.text_hash`, the text as the parser reads it).

* The fingerprint hashes the source files of the parser's modules (and the Python version), so
  changing the parser leaves the old entries unread; the folders of other fingerprints are
  removed when the first entry of a new one is written.
* Entries are written atomically (:func:`assistant.files.write_atomic`); a missing, truncated,
  corrupt or foreign entry is ignored and rebuilt, never an error.
* The cache holds data this process wrote itself under the operator's data folder; like the
  index beside it, it is trusted as the code is (pickle).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from assistant.agencies import Assignment, GeneralTask, extract_assignments, general_tasks
from assistant.documents import corpus_files, parse_text
from assistant.errors import CorpusError
from assistant.files import write_atomic
from assistant.model import Document
from assistant.text import text_hash

logger = logging.getLogger(__name__)

CACHE_FORMAT = 1
FOLDER = "parsecache"
# The modules whose code decides what a parsed document and its facts are.
PARSER_MODULES = ("documents", "layout", "model", "text", "agencies", "errors", "parsecache")


@functools.cache
def parser_fingerprint() -> str:
    """A hash of the parser's source files: a changed parser reads none of the old entries."""
    h = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]}".encode())
    here = Path(__file__).parent
    for name in PARSER_MODULES:
        h.update(name.encode())
        try:
            h.update((here / f"{name}.py").read_bytes())
        except OSError:  # no source (a frozen install): never trust an old entry
            h.update(str(id(h)).encode())
    return h.hexdigest()[:16]


@dataclass
class Parsed:
    """One document as parsed, with the facts extracted from it alone."""

    doc: Document
    assignments: list[Assignment]
    general: list[GeneralTask]


def parse_with_facts(doc_id: str, text: str, path: str = "") -> Parsed:
    doc = parse_text(doc_id, text, path)
    return Parsed(doc, extract_assignments(doc), general_tasks(doc))


class ParseCache:
    """Parsed documents by content; ``ParseCache(None)`` parses every time (no folder)."""

    def __init__(self, folder: Path | None) -> None:
        self.root = folder
        self.hits = 0
        self.misses = 0
        self._pruned = False

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> ParseCache:
        return cls(Path(data_dir) / FOLDER)

    @property
    def folder(self) -> Path | None:
        return None if self.root is None else self.root / parser_fingerprint()

    @staticmethod
    def key(doc_id: str, text: str, path: str) -> str:
        raw = "\x00".join((doc_id, path, text_hash(text)))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def parse(self, doc_id: str, text: str, path: str = "") -> Parsed:
        """The document parsed, from the cache when its entry is there and sound."""
        folder = self.folder
        if folder is None:
            return parse_with_facts(doc_id, text, path)
        key = self.key(doc_id, text, path)
        entry = folder / f"{key}.pkl"
        got = self._read(entry, key)
        if got is not None:
            self.hits += 1
            return got
        self.misses += 1
        parsed = parse_with_facts(doc_id, text, path)
        self._write(entry, key, parsed)
        return parsed

    def parse_file(self, path: Path) -> Parsed:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CorpusError(f"Không đọc được tệp {path.name}: {exc}") from exc
        return self.parse(path.stem, text, str(path))

    def load_corpus(self, directory: Path) -> list[Parsed]:
        """Every document of a corpus folder, sorted by id (as :func:`assistant.documents.load_corpus`)."""
        if not directory.is_dir():
            raise CorpusError(f"Không tìm thấy thư mục tài liệu {directory}.")
        out = [self.parse_file(p) for p in corpus_files(directory)]
        logger.info("parsed corpus: %d from the cache, %d parsed", self.hits, self.misses)
        return out

    def load_documents(self, directory: Path) -> list[Document]:
        return [p.doc for p in self.load_corpus(directory)]

    # --- entries ---

    def _read(self, entry: Path, key: str) -> Parsed | None:
        try:
            data = entry.read_bytes()
        except OSError:
            return None
        try:
            obj = pickle.loads(data)
            ok = (
                isinstance(obj, dict)
                and obj.get("format") == CACHE_FORMAT
                and obj.get("key") == key
                and isinstance(obj.get("parsed"), Parsed)
                and isinstance(obj["parsed"].doc, Document)
            )
        except Exception:  # a truncated or foreign file can raise anything while unpickling
            ok = False
        if not ok:
            logger.warning("parse cache entry %s unreadable: parsing again", entry.name)
            return None
        parsed: Parsed = obj["parsed"]
        return parsed

    def _write(self, entry: Path, key: str, parsed: Parsed) -> None:
        try:
            data = pickle.dumps(
                {"format": CACHE_FORMAT, "key": key, "parsed": parsed}, protocol=pickle.HIGHEST_PROTOCOL
            )
            write_atomic(entry, data)
        except (OSError, pickle.PicklingError, RecursionError, TypeError) as exc:
            logger.warning("parse cache entry %s not written: %s", entry.name, exc)
            return
        if not self._pruned:
            self._pruned = True
            self._prune()

    def _prune(self) -> None:
        """Remove the folders of other parser fingerprints (their entries are never read again)."""
        if self.root is None:
            return
        keep = parser_fingerprint()
        try:
            others = [p for p in self.root.iterdir() if p.is_dir() and p.name != keep]
        except OSError:
            return
        for p in others:
            shutil.rmtree(p, ignore_errors=True)


__all__ = ["ParseCache", "Parsed", "parse_with_facts", "parser_fingerprint"]
