"""Build the heavy things once: corpus, embedder, the one index (Chroma client), retriever, optional LLM.

The FastAPI app factory and the CLI both receive a :class:`Services`; routes and commands stay thin.

Index versions are leased: a passage answer holds the version it started with (``lease()``) until
it is composed, and a version replaced by an ingest is closed only when the last request holding
it lets go. Another process's ingest (a second server, the CLI) is noticed by ``refresh()``: the
watcher thread of ``assistant serve`` calls it every second or two, and it switches the corpus
and the index together once the corpus files match the new version's manifest.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from assistant.chat import ChatService
from assistant.config import Settings, get_settings
from assistant.corpus import Corpus
from assistant.documents import corpus_files
from assistant.errors import AssistantError
from assistant.parsecache import ParseCache
from assistant.text import text_hash

logger = logging.getLogger(__name__)


@dataclass(eq=False)
class _Version:
    """One opened index version and the number of requests holding it."""

    index: Any
    retriever: Any
    users: int = 0
    retired: bool = False


class Services:
    """The assistant's long-lived parts. The index opens lazily (or eagerly with ``warm()``)."""

    def __init__(self, settings: Settings | None = None, *, embedder: Any = None, llm: Any = None) -> None:
        from assistant.indexing import Layout

        self.settings = settings or get_settings()
        self._layout = Layout(self.settings.index_dir)
        # the index version the corpus was read with: another process's ingest changes it
        self.corpus_version = self._layout.current()
        # parsed documents by content on disk: start-up and reloads parse only what is new
        self.parse_cache = ParseCache.for_data_dir(self.settings.data_dir)
        self.corpus = Corpus.load(self.settings.corpus_dir, self.parse_cache)
        self._embedder = embedder
        self._live: _Version | None = None
        self._lock = threading.RLock()
        self.ingest_lock = threading.Lock()  # one ingest at a time; queries go on meanwhile
        self.index_error: AssistantError | None = None
        self.warmed = threading.Event()  # warm-up over (done or failed): no longer "starting"
        # set when the server stops: an ingest in progress is cancelled at its next step
        self.stopping = threading.Event()
        if llm is None:
            from assistant.llm import LLMClient

            llm = LLMClient.from_settings(self.settings)
        self.llm = llm
        self.chat = ChatService(
            self.corpus, self.lease, llm=self.llm, max_message_chars=self.settings.max_message_chars
        )

    # --- retrieval ---
    @property
    def embedder(self) -> Any:
        with self._lock:
            if self._embedder is None:
                from assistant.indexing import load_embedder

                self._embedder = load_embedder(self.settings)
            return self._embedder

    @contextlib.contextmanager
    def lease(self) -> Iterator[Any]:
        """The retriever over the live index, held until the block ends: an ingest that switches
        versions meanwhile does not close the one this request is reading."""
        with self._lock:
            version = self._open_live()
            version.users += 1
        try:
            yield version.retriever
        finally:
            with self._lock:
                version.users -= 1
                if version.retired and version.users == 0:
                    _close(version)

    def searcher(self) -> Any:
        """The retriever over the live index, for one-off uses (warm-up, benchmarks); not leased."""
        with self._lock:
            return self._open_live().retriever

    def _open_live(self) -> _Version:
        """The live version, opened or reopened when an ingest has switched versions (under the lock)."""
        if self._live is not None and not self._live.index.is_current():
            self._retire()
        if self._live is None:
            from assistant.errors import IndexNotBuiltError
            from assistant.indexing import BUILD_HINT, open_index
            from assistant.retrieval import Retriever

            try:
                if self._layout.current() is None and not self.settings.chroma_host:
                    # say so before loading the model: the model is of no use without an index
                    raise IndexNotBuiltError("Chưa có chỉ mục tìm kiếm.", hint=BUILD_HINT)
                index = open_index(self.settings, self.embedder)
            except AssistantError as exc:
                self.index_error = exc
                raise
            self._live = _Version(index, Retriever(index))
            self.index_error = None
        return self._live

    def _retire(self) -> None:
        """Stop handing out the live version; it closes when its last request ends (under the lock)."""
        version, self._live = self._live, None
        if version is not None:
            version.retired = True
            if version.users == 0:
                _close(version)

    def warm(self) -> None:
        """Load the model and open the index now, so the first question is fast."""
        try:
            with self.lease() as retriever:
                retriever.search("khởi động", k=1)
        except AssistantError as exc:
            logger.warning("index not ready: %s", exc.message)
        finally:
            self.warmed.set()

    @property
    def ready(self) -> bool:
        return self._live is not None

    def health(self) -> AssistantError | None:
        """What keeps passage answers from working right now, or None when they work.

        Unlike ``ready`` this looks: an index that is not open (failed before, built or switched
        since, its server back) is opened now, and a Chroma server is asked for a heartbeat, so a
        stopped server shows here and not only on the next question. Before the warm-up is over
        it only says whether an index is there ("starting").
        """
        if self._live is None:
            built = bool(self.settings.chroma_host) or self._layout.current() is not None
            if built and self.index_error is None and not self.warmed.is_set():
                return None  # still warming up; the caller says "starting"
            try:  # with no index this fails at once, before any model is loaded
                with self._lock:
                    self._open_live()
            except AssistantError as exc:
                return exc
        if self.settings.chroma_host:
            from assistant.errors import BackendUnavailableError

            live = self._live
            try:
                if live is not None:
                    live.index.client.heartbeat()
            except Exception:
                return BackendUnavailableError(
                    f"Máy chủ Chroma tại {self.settings.chroma_host}:{self.settings.chroma_port} không phản hồi.",
                    hint="Kiểm tra máy chủ Chroma; trợ lý tự kết nối lại khi máy chủ hoạt động trở lại.",
                )
        return None

    # --- the corpus ---
    def reload_corpus(self) -> None:
        """Re-read the corpus after an ingest and open the new index version; requests keep being
        answered from the old ones until both are in."""
        version = self._layout.current()
        # only the documents the ingest changed are parsed (or unpickled) again
        corpus = Corpus.load(self.settings.corpus_dir, self.parse_cache, previous=self.corpus)
        with self._lock:
            self.corpus = corpus
            self.chat.corpus = corpus
            self.corpus_version = version
            self._retire()
            if self.warmed.is_set() or self._embedder is not None:
                try:  # open it now, not on the next question: /healthz stays ready
                    self._open_live()
                except AssistantError as exc:
                    logger.warning("the new index version did not open: %s", exc.message)

    def refresh(self) -> bool:
        """Take in an ingest made by another process (a second server, the CLI) once it is
        complete: the index version has switched and the corpus files are those of its manifest.
        True when the corpus was reloaded."""
        version = self._layout.current()
        if version is None or version == self.corpus_version or self.ingest_lock.locked():
            return False
        if not self._corpus_matches(version):
            return False  # the other process is still writing the files: next time
        with self.ingest_lock:
            if self._layout.current() != version:
                return False
            logger.info("index version %s was built by another process: reloading", version)
            self.reload_corpus()
        return True

    def _corpus_matches(self, version: str) -> bool:
        from assistant.errors import IndexNotBuiltError
        from assistant.indexing import read_manifest

        try:
            manifest = read_manifest(self._layout.path(version))
        except IndexNotBuiltError:
            return False
        known = {k: v.get("content_hash") for k, v in manifest.get("documents", {}).items()}
        files = {p.stem: p for p in corpus_files(self.settings.corpus_dir)}
        if set(files) != set(known):
            return False
        for doc_id, path in files.items():
            try:
                if text_hash(path.read_text(encoding="utf-8")) != known[doc_id]:
                    return False
            except (OSError, UnicodeDecodeError):
                return False
        return True

    def watch(self, interval: float = 1.5) -> threading.Thread:
        """Start the thread that calls ``refresh()`` every ``interval`` seconds until ``stopping``."""

        def run() -> None:
            while not self.stopping.wait(interval):
                try:
                    self.refresh()
                except Exception:  # a bad moment (files half-written): try again next time
                    logger.warning("checking for another process's ingest failed", exc_info=True)

        thread = threading.Thread(target=run, name="corpus-watch", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        self.stopping.set()
        with self._lock:
            self._retire()


def _close(version: _Version) -> None:
    try:
        version.index.close()
    except AssistantError:
        logger.warning("closing an old index version failed", exc_info=True)
