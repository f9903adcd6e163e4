"""Build and open the search index: a ChromaDB collection (through LlamaIndex) plus BM25.

On-disk layout (``settings.index_dir``)::

    index/
      current -> v-20250303T101500123456Z     symlink to the live version, replaced atomically
      v-20250303T101500123456Z/
        manifest.json     per document: content hash and chunk ids; model name and dim; chunker
                          version; where the vectors live (local folder or server collection)
        bm25.npz          the BM25 index over the same chunks (assistant.bm25)
        accents.json      folded -> accented syllables and bigrams of the indexed text (query
                          accent restoration, see assistant.retrieval)
        chroma/           chromadb.PersistentClient folder (local mode only)
      .ingest.lock        held (flock) by the one ingest running

Every file is written to a temporary name then ``os.replace``-d; the pointer ``current`` is a
symlink swapped with ``os.replace``. A first build or ``--rebuild`` makes a new version folder
beside the live one and switches the pointer only when it is complete, so a failed build
leaves the previous index serving; the previous version is kept (a running server may still
hold it open) and older ones are removed. An incremental ingest updates the live version in
place, in an order that makes it safe to re-run after a failure (a changed document's chunks
are deleted by document id before its new ones are added; the manifest is written last).
The planned fully atomic ingest copies the live version to a new folder, updates the copy and
switches the pointer: the layout needs no change for that.

With ``settings.chroma_host`` set, vectors live on a Chroma server in a collection named
``<settings.collection>-<version>``; the pointer, manifest and BM25 stay in ``index_dir``.

Embeddings are always computed by our :class:`~assistant.embedding.Embedder` and handed to
Chroma; a collection is never given an embedding function (Chroma's default would download a
model) and telemetry is off.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

import numpy as np

from assistant.bm25 import BM25Index
from assistant.chunks import CHUNKER_VERSION, Chunk, chunk_document, chunk_from_metadata
from assistant.config import Settings, get_settings
from assistant.errors import (
    BackendUnavailableError,
    IndexModelMismatchError,
    IndexNotBuiltError,
    IngestCancelledError,
)
from assistant.files import write_atomic
from assistant.model import Document

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from llama_index.core import VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.retrieval import AccentModel

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

logger = logging.getLogger(__name__)

FORMAT = "assistant-index"
FORMAT_VERSION = 1
CURRENT = "current"
MANIFEST = "manifest.json"
BM25_FILE = "bm25.npz"
ACCENTS_FILE = "accents.json"
CHROMA_DIR = "chroma"
LOCK_FILE = ".ingest.lock"
VERSION_PREFIX = "v-"

BUILD_HINT = "Hãy chạy `assistant ingest` (hoặc `make index`) để xây dựng chỉ mục."
REBUILD_HINT = "Hãy chạy `assistant ingest --rebuild` để xây dựng lại chỉ mục với mô hình hiện tại."


class EmbedderLike(Protocol):
    """What the index needs of :class:`assistant.embedding.Embedder`."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(
        self, texts: Sequence[str], batch_size: int = 32, show_progress: bool = False
    ) -> np.ndarray: ...


class Unparsed(Protocol):
    """A corpus document not parsed yet (:class:`assistant.ingest.Stored`): what :func:`ingest`
    needs of an unchanged document, and ``document()`` to parse it when its chunks are made."""

    @property
    def doc_id(self) -> str: ...

    @property
    def path(self) -> str: ...

    @property
    def content_hash(self) -> str: ...

    def document(self) -> Document: ...


def _parsed(doc: Document | Unparsed) -> Document:
    return doc if isinstance(doc, Document) else doc.document()


# --- small file helpers ----------------------------------------------------------------------------


def write_json_atomic(path: Path, obj: Any) -> None:
    write_atomic(path, json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8"))


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- the one Chroma client factory -----------------------------------------------------------------


def chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def make_chroma_client(settings: Settings, path: Path | None = None) -> ClientAPI:
    """The Chroma client: an HttpClient when ``settings.chroma_host`` is set, else a PersistentClient at ``path``.

    Telemetry is off either way. An unreachable server raises BackendUnavailableError.
    """
    import chromadb

    if settings.chroma_host:
        try:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings()
            )
            client.heartbeat()
        except Exception as exc:  # httpx errors, ValueError('Could not connect ...'), ChromaError
            raise BackendUnavailableError(
                f"Không kết nối được máy chủ Chroma tại {settings.chroma_host}:{settings.chroma_port}.",
                hint="Kiểm tra máy chủ Chroma đã chạy, hoặc bỏ ASSISTANT_CHROMA_HOST để dùng chỉ mục cục bộ.",
            ) from exc
        return client
    if path is None:
        raise ValueError("a local Chroma client needs a folder")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings())


def _close_client(client: Any) -> None:
    with contextlib.suppress(Exception):
        client.close()


# --- layout ----------------------------------------------------------------------------------------


class Layout:
    """The versioned folders under ``index_dir`` and the ``current`` pointer."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def pointer(self) -> Path:
        return self.root / CURRENT

    def current(self) -> str | None:
        """Name of the live version, or None when there is none (a dangling pointer counts as none)."""
        try:
            name = os.readlink(self.pointer)
        except OSError:
            return None
        name = Path(name).name
        return name if (self.root / name).is_dir() else None

    def path(self, version: str) -> Path:
        return self.root / version

    def new_version(self) -> str:
        while True:
            name = VERSION_PREFIX + datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            if not (self.root / name).exists():
                return name
            time.sleep(0.001)

    def versions(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and p.name.startswith(VERSION_PREFIX))

    def switch(self, version: str) -> None:
        """Point ``current`` at ``version`` atomically (symlink created aside, then os.replace)."""
        tmp = self.root / f".{CURRENT}.{os.getpid()}.tmp"
        tmp.unlink(missing_ok=True)
        os.symlink(version, tmp)
        os.replace(tmp, self.pointer)
        with contextlib.suppress(OSError):  # make the rename durable
            fd = os.open(self.root, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One ingest at a time per index folder."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK_FILE, "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


def clean_unfinished(settings: Settings) -> list[str]:
    """Remove the versions an ingest began and never finished (no manifest: killed with -9, the
    machine lost power). Not while another process ingests: its version is unfinished too.
    Finished old versions stay (another server may still be reading one); ingests clean those."""
    layout = Layout(settings.index_dir)
    if not layout.root.is_dir():
        return []
    removed: list[str] = []
    with open(layout.root / LOCK_FILE, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return []  # an ingest is running
        try:
            live = layout.current()
            for name in layout.versions():
                if name == live or (layout.path(name) / MANIFEST).exists():
                    continue
                if settings.chroma_host:
                    coll = _collection_name(settings, name)
                    with contextlib.suppress(Exception):
                        make_chroma_client(settings).delete_collection(coll)
                shutil.rmtree(layout.path(name), ignore_errors=True)
                removed.append(name)
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
    if removed:
        logger.info("removed %d unfinished index version(s): %s", len(removed), ", ".join(removed))
    return removed


def read_manifest(version_dir: Path) -> dict[str, Any]:
    """The manifest of a version folder; IndexNotBuiltError if missing or unreadable."""
    path = version_dir / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexNotBuiltError(
            f"Chỉ mục tìm kiếm chưa được xây dựng hoặc bị hỏng ({path.name}).", hint=BUILD_HINT
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise IndexNotBuiltError("Tệp mô tả chỉ mục không hợp lệ.", hint=BUILD_HINT)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexNotBuiltError(
            "Chỉ mục được tạo bởi phiên bản khác của trợ lý.",
            hint="Hãy chạy `assistant ingest --rebuild` để xây dựng lại chỉ mục.",
        )
    return manifest


def _check_model(where: str, name: Any, dim: Any, embedder: EmbedderLike) -> None:
    if name != embedder.name or int(dim or 0) != int(embedder.dim):
        raise IndexModelMismatchError(
            f"Chỉ mục ({where}) được xây dựng bằng mô hình nhúng '{name}' ({dim} chiều), "
            f"khác mô hình đang dùng '{embedder.name}' ({embedder.dim} chiều). "
            "Hãy chạy `assistant ingest --rebuild` để xây dựng lại chỉ mục.",
            hint=REBUILD_HINT,
        )


# --- the opened index ------------------------------------------------------------------------------


def _collection_metadata(embedder: EmbedderLike, version: str) -> dict[str, Any]:
    return {
        "embed_model": embedder.name,
        "embed_dim": int(embedder.dim),
        "index_version": version,
        "chunker_version": CHUNKER_VERSION,
    }


def _open_collection(client: ClientAPI, name: str) -> Collection:
    return client.get_collection(name, embedding_function=None)


def _create_collection(client: ClientAPI, name: str, embedder: EmbedderLike, version: str) -> Collection:
    with contextlib.suppress(Exception):  # a leftover of a failed build under the same name
        client.delete_collection(name)
    return client.create_collection(
        name,
        embedding_function=None,
        configuration={"hnsw": {"space": "cosine"}},
        metadata=_collection_metadata(embedder, version),
    )


@dataclass
class Index:
    """An opened index version: the Chroma collection (as a LlamaIndex vector store) and BM25."""

    settings: Settings
    embedder: EmbedderLike
    version: str
    path: Path
    manifest: dict[str, Any]
    client: Any
    collection: Any
    bm25: BM25Index
    accents: AccentModel
    # Chunks already read, by id. A version is never written once live (every ingest builds a new
    # one), so what was read stays true for the life of this object.
    _chunk_cache: dict[str, Chunk] = field(default_factory=dict, repr=False)
    CHUNK_CACHE_SIZE: ClassVar[int] = 20_000

    @functools.cached_property
    def vector_store(self) -> ChromaVectorStore:
        """The collection as a LlamaIndex vector store; made on first use, since searching does not
        need it and importing LlamaIndex adds about 2 s to the server's start."""
        return _vector_store(self.collection)

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        return dict(self.manifest.get("documents", {}))

    def __len__(self) -> int:
        return len(self.bm25)

    def chunk_ids(self, doc: str | None = None) -> list[str]:
        docs = self.manifest.get("documents", {})
        if doc is not None:
            return list(docs.get(doc, {}).get("chunks", []))
        return [c for d in docs.values() for c in d.get("chunks", [])]

    def get_chunks(self, ids: Sequence[str]) -> dict[str, Chunk]:
        """Chunks by id, read from the Chroma collection (text and metadata)."""
        cache = self._chunk_cache
        out = {cid: cache[cid] for cid in ids if cid in cache}
        missing = [cid for cid in dict.fromkeys(ids) if cid not in out]
        if not missing:
            return out
        try:
            got = self.collection.get(ids=missing, include=["documents", "metadatas"])
        except Exception as exc:
            raise _backend_error(self.settings, exc) from exc
        for cid, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False):
            out[cid] = chunk = chunk_from_metadata(cid, text or "", dict(meta or {}))
            if len(cache) < self.CHUNK_CACHE_SIZE:
                cache[cid] = chunk
        return out

    def dense_ids(
        self, embedding: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """The ids of the ``k`` nearest chunks to a query embedding with their cosine similarity.

        Asks Chroma for ids and distances only: measured on ALQAC 2023 (2,396 chunks, k=50),
        3 ms against 21 ms for a LlamaIndex ``VectorStoreQuery``, which also reads and parses
        every candidate's text and metadata; the texts of the few chunks kept are read afterwards.
        """
        if k <= 0:
            return []
        try:
            result = self.collection.query(
                query_embeddings=[np.asarray(embedding, dtype=np.float32).ravel().tolist()],
                n_results=k,
                where=_chroma_where(where),
                include=["distances"],
            )
        except Exception as exc:
            raise _backend_error(self.settings, exc) from exc
        ids = (result.get("ids") or [[]])[0]
        distances = (result.get("distances") or [[]])[0]
        # the collection's space is cosine: distance = 1 - cos
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, distances, strict=False)]

    def as_vector_store_index(self) -> VectorStoreIndex:
        """The collection as a LlamaIndex VectorStoreIndex (our embedder passed explicitly)."""
        from llama_index.core import VectorStoreIndex

        from assistant.embedding import make_llama_embedding

        return VectorStoreIndex.from_vector_store(
            self.vector_store,
            embed_model=make_llama_embedding(cast(Any, self.embedder)),
        )

    def is_current(self) -> bool:
        """False once another ingest has switched ``current`` to a newer version."""
        return Layout(self.settings.index_dir).current() == self.version

    def close(self) -> None:
        if self.client is not None and not self.settings.chroma_host:
            _close_client(self.client)
        self.client = None


def _backend_error(settings: Settings, exc: Exception) -> Exception:
    if settings.chroma_host:
        return BackendUnavailableError(
            f"Máy chủ Chroma tại {settings.chroma_host}:{settings.chroma_port} không phản hồi.",
            hint="Kiểm tra máy chủ Chroma đã chạy.",
        )
    return IndexNotBuiltError(f"Không đọc được chỉ mục vector: {exc}", hint=BUILD_HINT)


def _chroma_where(where: dict[str, Any] | None) -> dict[str, Any] | None:
    """{'doc': 'x', 'kind': ['a', 'b']} in Chroma's own filter language ($eq / $in, under $and)."""
    if not where:
        return None
    clauses: list[dict[str, Any]] = []
    for key, value in where.items():
        if isinstance(value, list | tuple | set | frozenset):
            values = sorted(value)
            clauses.append({key: values[0]} if len(values) == 1 else {key: {"$in": values}})
        else:
            clauses.append({key: value})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _vector_store(collection: Any) -> ChromaVectorStore:
    from llama_index.vector_stores.chroma import ChromaVectorStore

    return ChromaVectorStore(chroma_collection=collection)


def open_index(settings: Settings | None = None, embedder: EmbedderLike | None = None) -> Index:
    """Open the live index for queries.

    IndexNotBuiltError when there is none (or it is unreadable), IndexModelMismatchError when it
    was built with another embedding model, BackendUnavailableError when the Chroma server is down.
    """
    from assistant.retrieval import AccentModel

    settings = settings or get_settings()
    if embedder is None:
        embedder = load_embedder(settings)
    layout = Layout(settings.index_dir)
    version = layout.current()
    if version is None:
        raise IndexNotBuiltError("Chưa có chỉ mục tìm kiếm.", hint=BUILD_HINT)
    vdir = layout.path(version)
    manifest = read_manifest(vdir)
    emb = manifest.get("embedding", {})
    _check_model("manifest", emb.get("model"), emb.get("dim"), embedder)
    chroma = manifest.get("chroma", {})
    if bool(settings.chroma_host) != (chroma.get("mode") == "server"):
        raise IndexNotBuiltError(
            "Chỉ mục hiện có được xây dựng cho "
            + ("máy chủ Chroma" if chroma.get("mode") == "server" else "thư mục cục bộ")
            + ", khác cấu hình hiện tại.",
            hint="Hãy chạy `assistant ingest --rebuild` để xây dựng lại chỉ mục.",
        )
    try:
        bm25 = BM25Index.load(vdir / BM25_FILE)
        accents = AccentModel.load(vdir / ACCENTS_FILE)
    except (OSError, ValueError, KeyError) as exc:
        raise IndexNotBuiltError("Chỉ mục tìm kiếm bị thiếu hoặc hỏng.", hint=BUILD_HINT) from exc
    client = make_chroma_client(settings, vdir / CHROMA_DIR)
    try:
        collection = _open_collection(client, chroma.get("collection", ""))
    except BackendUnavailableError:
        raise
    except Exception as exc:
        if not settings.chroma_host:
            _close_client(client)
        if settings.chroma_host and not _server_alive(client):
            raise BackendUnavailableError(
                f"Máy chủ Chroma tại {settings.chroma_host}:{settings.chroma_port} không phản hồi."
            ) from exc
        raise IndexNotBuiltError(
            f"Không tìm thấy bộ sưu tập vector '{chroma.get('collection')}'.", hint=BUILD_HINT
        ) from exc
    meta = collection.metadata or {}
    _check_model("bộ sưu tập Chroma", meta.get("embed_model"), meta.get("embed_dim"), embedder)
    return Index(
        settings=settings,
        embedder=embedder,
        version=version,
        path=vdir,
        manifest=manifest,
        client=client,
        collection=collection,
        bm25=bm25,
        accents=accents,
    )


def _server_alive(client: Any) -> bool:
    try:
        client.heartbeat()
    except Exception:
        return False
    return True


def load_embedder(settings: Settings) -> EmbedderLike:
    """The configured embedding model (assistant.embedding)."""
    import importlib

    embedding: Any = importlib.import_module("assistant.embedding")
    loader = getattr(embedding, "load_embedder", None)
    if loader is not None:
        return cast(EmbedderLike, loader(settings))
    return cast(EmbedderLike, embedding.Embedder(settings.embed_model_path))


class PendingEmbedder:
    """The configured embedder, loading in a background thread from the moment this is made.

    Loading the model takes seconds (importing torch, the tokenizer, the encoder's weights), and
    an ingest has work that needs no model: copying the live version, parsing and chunking the
    changed documents. With this, that work is done while the model loads, and the ingest waits
    only where the model is first used (its name checked against the index's, or texts embedded).
    A failed load (the model not built) raises its error there.
    """

    def __init__(self, settings: Settings) -> None:
        self._embedder: EmbedderLike | None = None
        self._error: BaseException | None = None
        self._name, self._dim = "", 0  # once released
        # not a daemon: a process that ends meanwhile waits for the load instead of tearing the
        # interpreter down under an import of torch
        self._thread = threading.Thread(target=self._load, args=(settings,), name="embedder-load")
        self._thread.start()

    def _load(self, settings: Settings) -> None:
        try:
            self._embedder = load_embedder(settings)
        except BaseException as exc:  # re-raised in the thread that needs the model
            self._error = exc

    def get(self) -> EmbedderLike:
        """The loaded embedder, once the load is over."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        if self._embedder is None:
            raise RuntimeError("the embedder was released")
        return self._embedder

    def release(self) -> None:
        """Let the model go (its name and size are kept): an ingest that loaded its own model
        needs it no more once the texts are embedded, and what it builds after (the BM25 index,
        the accent counts, their files) then has the model's memory (its tokenizer alone is about
        300 MB) instead of adding to it."""
        self._thread.join()
        if self._embedder is not None:
            self._name, self._dim = self._embedder.name, int(self._embedder.dim)
            self._embedder = None

    @property
    def name(self) -> str:
        return self._name if self._embedder is None and self._name else self.get().name

    @property
    def dim(self) -> int:
        return self._dim if self._embedder is None and self._name else self.get().dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.get().embed_queries(texts)

    def embed_passages(
        self, texts: Sequence[str], batch_size: int = 32, show_progress: bool = False
    ) -> np.ndarray:
        return self.get().embed_passages(texts, batch_size=batch_size, show_progress=show_progress)


# --- ingest ----------------------------------------------------------------------------------------


@dataclass
class IngestReport:
    """What an ingest did: document ids by outcome, chunks embedded, time taken."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    chunks_embedded: int = 0
    chunks_total: int = 0
    seconds: float = 0.0
    version: str = ""
    rebuilt: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "chunks_embedded": self.chunks_embedded,
            "chunks_total": self.chunks_total,
            "seconds": round(self.seconds, 3),
            "version": self.version,
            "rebuilt": self.rebuilt,
        }

    def summary(self) -> str:
        return (
            f"Thêm {len(self.added)}, cập nhật {len(self.updated)}, xóa {len(self.removed)}, "
            f"giữ nguyên {len(self.unchanged)} tài liệu; nhúng {self.chunks_embedded} đoạn "
            f"(tổng {self.chunks_total}) trong {self.seconds:.1f} giây."
        )


def _node(chunk: Chunk, vector: np.ndarray) -> Any:
    """The chunk as a LlamaIndex node (what :func:`chroma_metadata` stores, without LlamaIndex)."""
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

    meta = chunk.metadata()
    keys = list(meta)
    return TextNode(
        id_=chunk.id,
        text=chunk.text,
        embedding=[float(x) for x in vector],
        metadata=meta,
        excluded_embed_metadata_keys=keys,
        excluded_llm_metadata_keys=keys,
        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=chunk.doc)},
    )


def chroma_metadata(chunk: Chunk) -> dict[str, Any]:
    """The Chroma metadata of a chunk, exactly as LlamaIndex's ``ChromaVectorStore.add`` stores the
    node :func:`_node` makes of it (``node_to_metadata_dict``: the flat metadata, the node as JSON
    in ``_node_content``, the source document under three names), so that the collection stays a
    LlamaIndex vector store (:meth:`Index.as_vector_store_index`). Written here because importing
    LlamaIndex costs an ingest of one document about 2 s; a test checks the two agree."""
    meta = chunk.metadata()
    keys = list(meta)
    node: dict[str, Any] = {
        "id_": chunk.id,
        "embedding": None,
        "metadata": meta,
        "excluded_embed_metadata_keys": keys,
        "excluded_llm_metadata_keys": keys,
        "relationships": {
            "1": {
                "node_id": chunk.doc,
                "node_type": None,
                "metadata": {},
                "hash": None,
                "class_name": "RelatedNodeInfo",
            }
        },
        "metadata_template": "{key}: {value}",
        "metadata_separator": "\n",
        "text": "",
        "mimetype": "text/plain",
        "start_char_idx": None,
        "end_char_idx": None,
        "text_template": "{metadata_str}\n\n{content}",
        "class_name": "TextNode",
    }
    out = {k: ("" if v is None else v) for k, v in meta.items()}
    out["_node_content"] = json.dumps(node, ensure_ascii=False)
    out["_node_type"] = "TextNode"
    ref = chunk.doc or "None"
    out["document_id"] = out["doc_id"] = out["ref_doc_id"] = ref
    return out


def _add_chunks(collection: Any, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
    """Add chunks and their vectors to the collection (as ``ChromaVectorStore.add`` would)."""
    collection.add(
        ids=[c.id for c in chunks],
        embeddings=np.asarray(vectors, dtype=np.float32),
        documents=[c.text for c in chunks],
        metadatas=[chroma_metadata(c) for c in chunks],
    )


def _release_memory() -> None:
    """After an ingest: what it freed goes back to the system (a long-lived server shrinks again)."""
    import sys

    embedding = sys.modules.get("assistant.embedding")
    if embedding is not None:  # only where a model ran: a fake embedder frees little
        embedding.release_memory()


def embed_chunks(
    embedder: EmbedderLike,
    chunks: Sequence[Chunk],
    batch_size: int,
    progress: bool,
    sink: Any,
) -> int:
    """Embed chunks in batches (longest first, so batches pad little) and hand each batch to ``sink``."""
    from tqdm import tqdm

    order = sorted(range(len(chunks)), key=lambda i: -len(chunks[i].text))
    group = batch_size * 4  # the embedder batches further under its own token budget
    batches = [order[i : i + group] for i in range(0, len(order), group)]
    bar = tqdm(
        total=len(chunks),
        desc="Nhúng các đoạn",
        unit="đoạn",
        disable=not progress or len(batches) < 3,
        leave=False,
    )
    done = 0
    try:
        for batch in batches:
            texts = [chunks[i].text for i in batch]
            vectors = np.asarray(embedder.embed_passages(texts, batch_size=batch_size), dtype=np.float32)
            if vectors.shape != (len(texts), embedder.dim):
                raise ValueError(f"embedder returned shape {vectors.shape} for {len(texts)} texts")
            sink([chunks[i] for i in batch], vectors)
            done += len(batch)
            bar.update(len(batch))
    finally:
        bar.close()
    return done


def ingest(
    docs: Sequence[Document | Unparsed],
    *,
    settings: Settings | None = None,
    embedder: EmbedderLike | None = None,
    rebuild: bool = False,
    progress: bool = True,
    cancel: threading.Event | None = None,
) -> IngestReport:
    """Bring the index in line with ``docs`` (the whole corpus).

    Unchanged documents (same content hash, same chunker version) are not embedded again, nor
    parsed when given :class:`Unparsed`; changed ones are replaced; documents no longer given are
    deleted. Every change is made in a new version built beside the live one (a copy of it, or
    from scratch with ``rebuild`` or no usable index) and switched to only when complete: the live
    version is never written, so queries keep being answered from it during the ingest and after a
    failed one.

    Without ``embedder`` the configured one loads in the background (:class:`PendingEmbedder`)
    while the live version is copied and the changed documents are parsed and chunked.

    ``cancel``, once set, stops the ingest at its next step (IngestCancelledError): the new
    version is dropped and nothing is changed. Once the switch has begun it is no longer looked at.
    """
    from assistant.retrieval import AccentModel

    def check_cancel() -> None:
        if cancel is not None and cancel.is_set():
            raise IngestCancelledError(
                "Máy chủ đang dừng: việc nạp văn bản đã bị hủy, kho văn bản và chỉ mục không thay đổi.",
                hint="Gửi lại tệp khi máy chủ đã chạy lại.",
            )

    started = time.perf_counter()
    settings = settings or get_settings()
    ids = [d.doc_id for d in docs]
    if len(set(ids)) != len(ids):
        raise ValueError("ingest() was given two documents with the same id")
    # the model this ingest loads itself is let go once the texts are embedded
    own = PendingEmbedder(settings) if embedder is None else None
    embedder = own or embedder
    assert embedder is not None
    layout = Layout(settings.index_dir)
    report = IngestReport()
    with layout.lock():
        live = layout.current()
        base = None if rebuild or live is None else _usable_manifest(layout.path(live), settings)
        if base is not None and _nothing_changed(base, docs):
            _check_manifest_model(base, embedder)
            report.version, report.unchanged = str(live), sorted(ids)
            report.chunks_total = int(base.get("chunks", 0))
            report.seconds = time.perf_counter() - started
            return report
        fresh = base is None
        # In server mode, reach the server before anything is written (BackendUnavailableError).
        client = make_chroma_client(settings) if settings.chroma_host else None
        version = layout.new_version()
        vdir = layout.path(version)
        report.version, report.rebuilt = version, fresh
        vdir.mkdir(parents=True)
        manifest = _new_manifest(settings, version, base)
        try:
            if base is not None and not settings.chroma_host:
                assert live is not None
                # a file copy of the live Chroma folder: ingests are serialised by the lock, so
                # nothing writes it while it is copied
                shutil.copytree(layout.path(live) / CHROMA_DIR, vdir / CHROMA_DIR)
            if client is None:
                client = make_chroma_client(settings, vdir / CHROMA_DIR)
            # only the documents whose chunks are (re)embedded are parsed and chunked, one at a
            # time (the parsed document is dropped once chunked): an unchanged one's chunks are in
            # the copy already
            known = manifest.get("documents", {})
            same_chunker = manifest.get("chunker_version") == CHUNKER_VERSION
            chunks: dict[str, list[Chunk]] = {}
            parsed: dict[str, tuple[str, str]] = {}  # content hash and path of what was chunked
            for d in docs:
                if fresh or not _unchanged(known.get(d.doc_id), same_chunker, d):
                    doc = _parsed(d)
                    chunks[d.doc_id] = chunk_document(doc)
                    parsed[d.doc_id] = (doc.content_hash, doc.path)
                    del doc
            check_cancel()
            # the model is needed from here on (its name is checked against the live version's)
            if base is not None:
                _check_manifest_model(base, embedder)
            manifest["embedding"] = {"model": embedder.name, "dim": int(embedder.dim)}
            if base is None:
                collection = _create_collection(client, manifest["chroma"]["collection"], embedder, version)
                bm25 = BM25Index()
            else:
                assert live is not None
                collection, bm25 = _copy_of_live(
                    client, settings, embedder, layout.path(live), base, manifest
                )
            kept = {d.doc_id for d in docs if d.doc_id not in chunks}
            old_ids = [c for d in known if d not in kept for c in known[d].get("chunks", [])]
            accents = _updated_accents(layout.path(live) if live else None, collection, old_ids, fresh)
            _apply(
                manifest,
                docs,
                chunks,
                parsed,
                collection,
                bm25,
                embedder,
                settings,
                progress,
                fresh,
                report,
                check_cancel,
                embedded=_releasing(own),
            )
            # Everything below is written only once the vectors are in place.
            bm25.save(vdir / BM25_FILE)
            if accents is None:  # a first build, or the live counts could not be updated
                accents = AccentModel.build(
                    c.text for d in docs for c in chunks.get(d.doc_id) or chunk_document(_parsed(d))
                )
            else:
                accents.add(c.text for cs in chunks.values() for c in cs)
            del chunks
            accents.save(vdir / ACCENTS_FILE)
            manifest["chunker_version"] = CHUNKER_VERSION
            manifest["updated"] = _now()
            manifest["chunks"] = len(bm25)
            collection.modify(metadata=_collection_metadata(embedder, version))
            write_json_atomic(vdir / MANIFEST, manifest)
            report.chunks_total = len(bm25)
            check_cancel()  # the last moment to stop with nothing changed
        except BaseException:
            # a failed new version is dropped at once; the live one keeps serving
            if settings.chroma_host and client is not None:
                with contextlib.suppress(Exception):
                    client.delete_collection(manifest["chroma"]["collection"])
            elif client is not None:
                _close_client(client)
            shutil.rmtree(vdir, ignore_errors=True)
            raise
        finally:
            if not settings.chroma_host and client is not None:
                _close_client(client)
        layout.switch(version)
        _cleanup(layout, settings, keep={version, *([live] if live else [])})
    _release_memory()
    report.seconds = time.perf_counter() - started
    logger.info("ingest: %s", report.summary())
    return report


def _usable_manifest(vdir: Path, settings: Settings) -> dict[str, Any] | None:
    """The live version's manifest if a new version can be built from it; None means build afresh.
    Its model is checked by :func:`_check_manifest_model` before anything is embedded."""
    try:
        manifest = read_manifest(vdir)
    except IndexNotBuiltError:
        logger.warning("index %s unreadable: building a new version", vdir.name)
        return None
    if bool(settings.chroma_host) != (manifest.get("chroma", {}).get("mode") == "server"):
        return None  # built for the other backend: build afresh
    return manifest


def _check_manifest_model(manifest: dict[str, Any], embedder: EmbedderLike) -> None:
    """A different embedding model stops the ingest (IndexModelMismatchError: mixing vectors of two
    models would make search meaningless)."""
    emb = manifest.get("embedding", {})
    _check_model("manifest", emb.get("model"), emb.get("dim"), embedder)


def _nothing_changed(manifest: dict[str, Any], docs: Sequence[Document | Unparsed]) -> bool:
    known = manifest.get("documents", {})
    return (
        manifest.get("chunker_version") == CHUNKER_VERSION
        and set(known) == {d.doc_id for d in docs}
        and all(known[d.doc_id].get("content_hash") == d.content_hash for d in docs)
    )


def _collection_name(settings: Settings, version: str) -> str:
    """A version's collection: one per version on a server, the one of its own folder locally."""
    if settings.chroma_host:
        return f"{settings.collection}-{version}".replace("_", "-")
    return settings.collection


def _new_manifest(settings: Settings, version: str, base: dict[str, Any] | None) -> dict[str, Any]:
    """The manifest of a new version: empty, or the live one's documents carried over; its
    ``embedding`` is filled in once the model is known."""
    server = bool(settings.chroma_host)
    coll_name = _collection_name(settings, version)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "index_version": version,
        "created": _now(),
        "embedding": {},
        # the live one's until the new chunks are in: _apply re-chunks every document if it differs
        "chunker_version": base.get("chunker_version") if base else CHUNKER_VERSION,
        "chroma": {
            "mode": "server" if server else "local",
            "collection": coll_name,
            **(
                {"host": settings.chroma_host, "port": settings.chroma_port}
                if server
                else {"path": CHROMA_DIR}
            ),
        },
        "documents": json.loads(json.dumps(base.get("documents", {}))) if base else {},
    }


def _copy_of_live(
    client: Any,
    settings: Settings,
    embedder: EmbedderLike,
    live_dir: Path,
    base: dict[str, Any],
    manifest: dict[str, Any],
) -> tuple[Any, BM25Index]:
    """The new version's collection and BM25, holding what the live version holds.

    Local mode: the collection of the folder copy. Server mode: a new collection filled with the
    live collection's records (ids, vectors, texts, metadata), so nothing is embedded again.
    """
    try:
        bm25 = BM25Index.load(live_dir / BM25_FILE)
        source = _open_collection(
            client, base["chroma"]["collection"] if settings.chroma_host else manifest["chroma"]["collection"]
        )
        meta = source.metadata or {}
        _check_model("bộ sưu tập Chroma", meta.get("embed_model"), meta.get("embed_dim"), embedder)
        if settings.chroma_host:
            collection = _create_collection(
                client, manifest["chroma"]["collection"], embedder, manifest["index_version"]
            )
            _copy_records(source, collection)
        else:
            collection = source
    except IndexModelMismatchError:
        raise
    except Exception as exc:
        if settings.chroma_host and not _server_alive(client):
            raise BackendUnavailableError("Máy chủ Chroma không phản hồi.") from exc
        raise IndexNotBuiltError(
            "Chỉ mục hiện có bị hỏng.",
            hint="Hãy chạy `assistant ingest --rebuild` để xây dựng lại chỉ mục.",
        ) from exc
    return collection, bm25


def _copy_records(source: Any, target: Any, page: int = 1000) -> None:
    offset = 0
    while True:
        got = source.get(limit=page, offset=offset, include=["embeddings", "documents", "metadatas"])
        if not got["ids"]:
            return
        target.add(
            ids=got["ids"],
            embeddings=got["embeddings"],
            documents=got["documents"],
            metadatas=got["metadatas"],
        )
        offset += len(got["ids"])


def _apply(
    manifest: dict[str, Any],
    docs: Sequence[Document | Unparsed],
    chunks: dict[str, list[Chunk]],
    parsed: dict[str, tuple[str, str]],
    collection: Any,
    bm25: BM25Index,
    embedder: EmbedderLike,
    settings: Settings,
    progress: bool,
    fresh: bool,
    report: IngestReport,
    check_cancel: Callable[[], None],
    embedded: Callable[[], None] = lambda: None,
) -> None:
    """Delete what goes, embed and add what comes (``embedded`` is called once the texts are
    embedded, before the BM25 index takes them), and record it in the manifest."""
    known: dict[str, dict[str, Any]] = manifest.setdefault("documents", {})
    same_chunker = manifest.get("chunker_version") == CHUNKER_VERSION
    given = {d.doc_id for d in docs}
    to_embed: list[Chunk] = []
    replaced: list[str] = []
    for doc in docs:
        entry = known.get(doc.doc_id)
        if _unchanged(entry, same_chunker, doc):
            report.unchanged.append(doc.doc_id)
            continue
        (report.updated if entry is not None else report.added).append(doc.doc_id)
        if entry is not None or not fresh:
            replaced.append(doc.doc_id)
        to_embed.extend(chunks[doc.doc_id])
    report.removed = sorted(d for d in known if d not in given)
    # 1. Delete what goes: removed documents and the old chunks of changed ones (by document id,
    #    which also catches chunks a failed earlier run left behind).
    for doc_id in [*report.removed, *replaced]:
        old = list(known.get(doc_id, {}).get("chunks", []))
        collection.delete(where={"document_id": doc_id})  # what ChromaVectorStore.delete does
        if old:
            collection.delete(ids=old)
        bm25.remove(old)
        bm25.remove([i for i in bm25.ids() if i.startswith(doc_id + "#")])
    for doc_id in report.removed:
        known.pop(doc_id, None)

    # 2. Embed and add the new chunks, batch by batch.
    def sink(batch: list[Chunk], vectors: np.ndarray) -> None:
        check_cancel()
        _add_chunks(collection, batch, vectors)

    report.chunks_embedded = embed_chunks(embedder, to_embed, settings.embed_batch_size, progress, sink)
    embedded()
    if to_embed:
        bm25.add([c.id for c in to_embed], [c.text for c in to_embed], [_bm25_meta(c) for c in to_embed])
    by_doc: dict[str, list[str]] = {}
    for c in to_embed:
        by_doc.setdefault(c.doc, []).append(c.id)
    for doc in docs:
        if doc.doc_id in report.added or doc.doc_id in report.updated:
            content_hash, path = parsed.get(doc.doc_id, (doc.content_hash, doc.path))
            known[doc.doc_id] = {
                "content_hash": content_hash,
                "path": path,
                "chunks": by_doc.get(doc.doc_id, []),
            }
    for name in ("added", "updated", "removed", "unchanged"):
        getattr(report, name).sort()


def _releasing(own: PendingEmbedder | None) -> Callable[[], None]:
    """What to do once the texts are embedded: let go of a model the ingest loaded itself, and
    give the memory back (a model passed in, a server's, stays)."""

    def release() -> None:
        if own is not None:
            own.release()
            _release_memory()

    return release


def _unchanged(entry: dict[str, Any] | None, same_chunker: bool, doc: Document | Unparsed) -> bool:
    """True when the live version holds ``doc``'s chunks as they are (same text, same chunker)."""
    return entry is not None and same_chunker and entry.get("content_hash") == doc.content_hash


def _updated_accents(
    live_dir: Path | None, collection: Any, old_ids: list[str], fresh: bool
) -> AccentModel | None:
    """The live accent counts without the chunks that go (their texts read from the copy of the
    live collection, before they are deleted); None when they must be counted afresh."""
    from assistant.retrieval import AccentModel

    if fresh or live_dir is None:
        return None
    try:
        accents = AccentModel.load(live_dir / ACCENTS_FILE)
        got = collection.get(ids=old_ids, include=["documents"]) if old_ids else {"ids": [], "documents": []}
    except Exception:  # unreadable counts or collection: count every chunk again
        logger.warning("accent counts of the live version unusable: counting them again", exc_info=True)
        return None
    if len(got["ids"]) != len(set(old_ids)):
        return None  # the copy lacks chunks the manifest lists: the counts would drift
    accents.remove([t or "" for t in got["documents"] or []])
    return accents


def _bm25_meta(chunk: Chunk) -> dict[str, Any]:
    return {"doc": chunk.doc, "kind": chunk.kind, "section_kind": chunk.section_kind}


def _cleanup(layout: Layout, settings: Settings, keep: set[str]) -> None:
    """Remove versions other than ``keep`` (and their server collections)."""
    for name in layout.versions():
        if name in keep:
            continue
        vdir = layout.path(name)
        if settings.chroma_host:
            try:
                manifest = json.loads((vdir / MANIFEST).read_text(encoding="utf-8"))
                coll = manifest.get("chroma", {}).get("collection")
                if coll and manifest.get("chroma", {}).get("mode") == "server":
                    client = make_chroma_client(settings)
                    with contextlib.suppress(Exception):
                        client.delete_collection(coll)
            except (OSError, ValueError, BackendUnavailableError):
                pass
        shutil.rmtree(vdir, ignore_errors=True)


__all__ = [
    "BUILD_HINT",
    "REBUILD_HINT",
    "EmbedderLike",
    "Index",
    "IngestReport",
    "Layout",
    "PendingEmbedder",
    "Unparsed",
    "clean_unfinished",
    "embed_chunks",
    "ingest",
    "load_embedder",
    "make_chroma_client",
    "open_index",
    "read_manifest",
]
