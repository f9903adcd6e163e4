"""Build the heavy things once: corpus, embedder, the one index (Chroma client), retriever, optional LLM.

The FastAPI app factory and the CLI both receive a :class:`Services`; routes and commands stay thin.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from assistant.chat import ChatService
from assistant.config import Settings, get_settings
from assistant.corpus import Corpus
from assistant.documents import load_corpus
from assistant.errors import AssistantError

logger = logging.getLogger(__name__)


class Services:
    """The assistant's long-lived parts. The index opens lazily (or eagerly with ``warm()``)."""

    def __init__(self, settings: Settings | None = None, *, embedder: Any = None, llm: Any = None) -> None:
        self.settings = settings or get_settings()
        self.corpus = Corpus.from_documents(load_corpus(self.settings.corpus_dir))
        self._embedder = embedder
        self._index: Any = None
        self._retriever: Any = None
        self._lock = threading.RLock()
        self.ingest_lock = threading.Lock()  # one ingest at a time; queries go on meanwhile
        self.index_error: AssistantError | None = None
        if llm is None:
            from assistant.llm import LLMClient

            llm = LLMClient.from_settings(self.settings)
        self.llm = llm
        self.chat = ChatService(
            self.corpus, self.searcher, llm=self.llm, max_message_chars=self.settings.max_message_chars
        )

    # --- retrieval ---
    @property
    def embedder(self) -> Any:
        with self._lock:
            if self._embedder is None:
                from assistant.indexing import load_embedder

                self._embedder = load_embedder(self.settings)
            return self._embedder

    def searcher(self) -> Any:
        """The retriever over the live index; reopened when an ingest has switched versions."""
        with self._lock:
            if self._index is not None and not self._index.is_current():
                self._close_index()
            if self._retriever is None:
                from assistant.errors import IndexNotBuiltError
                from assistant.indexing import BUILD_HINT, Layout, open_index
                from assistant.retrieval import Retriever

                try:
                    if Layout(self.settings.index_dir).current() is None and not self.settings.chroma_host:
                        # say so before loading the model: the model is of no use without an index
                        raise IndexNotBuiltError("Chưa có chỉ mục tìm kiếm.", hint=BUILD_HINT)
                    self._index = open_index(self.settings, self.embedder)
                except AssistantError as exc:
                    self.index_error = exc
                    raise
                self._retriever = Retriever(self._index)
                self.index_error = None
            return self._retriever

    def warm(self) -> None:
        """Load the model and open the index now, so the first question is fast."""
        try:
            retriever = self.searcher()
            retriever.search("khởi động", k=1)
        except AssistantError as exc:
            logger.warning("index not ready: %s", exc.message)

    @property
    def ready(self) -> bool:
        return self._retriever is not None

    def health(self) -> AssistantError | None:
        """What keeps passage answers from working right now, or None when they work.

        Unlike ``ready`` this looks: an index that failed to open is tried again (it may have been
        built since, or its server come back), and a Chroma server is asked for a heartbeat, so a
        stopped server shows here and not only on the next question.
        """
        if self._retriever is None:
            from assistant.indexing import Layout

            built = bool(self.settings.chroma_host) or Layout(self.settings.index_dir).current() is not None
            if built and self.index_error is None:
                return None  # still warming up; the caller says "starting"
            try:  # with no index this fails at once, before any model is loaded
                self.searcher()
            except AssistantError as exc:
                return exc
        if self.settings.chroma_host:
            from assistant.errors import BackendUnavailableError

            index = self._index
            try:
                if index is not None:
                    index.client.heartbeat()
            except Exception:
                return BackendUnavailableError(
                    f"Máy chủ Chroma tại {self.settings.chroma_host}:{self.settings.chroma_port} không phản hồi.",
                    hint="Kiểm tra máy chủ Chroma; trợ lý tự kết nối lại khi máy chủ hoạt động trở lại.",
                )
        return None

    def reload_corpus(self) -> None:
        """Re-read the corpus after an ingest; the chat service keeps working on the old one until then."""
        corpus = Corpus.from_documents(load_corpus(self.settings.corpus_dir))
        with self._lock:
            self.corpus = corpus
            self.chat.corpus = corpus
            self._close_index()

    def _close_index(self) -> None:
        if self._index is not None:
            try:
                self._index.close()
            except AssistantError:
                logger.warning("closing the old index failed", exc_info=True)
        self._index = None
        self._retriever = None

    def close(self) -> None:
        with self._lock:
            self._close_index()
