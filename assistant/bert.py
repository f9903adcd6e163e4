"""A BertModel with mean pooling in plain torch: the embedding model without sentence-transformers.

The model folder :func:`assistant.embedding.build_default_model` writes is a standard
sentence-transformers folder (``BertModel`` -> mean pooling -> L2 normalisation). Running it
through sentence-transformers costs what an ingest of one document cannot afford, measured on the
2 shared cores (``python -X importtime``, ``/proc/self/status``): importing sentence-transformers
and transformers takes several seconds and about 170 MB, and the model's word-embedding table
(250,037 x 384 float32, 384 MB) becomes resident on the first forward pass, although a corpus uses a
few tens of thousands of its rows.

This module reads the same folder and computes the same function:

* the tokenizer is ``tokenizers.Tokenizer`` over ``tokenizer.json`` (what the fast tokenizer of
  transformers wraps), truncated to ``max_seq_length`` keeping ``</s>``, as transformers does;
* the encoder layers (86 MB) are read into memory; the word-embedding table is not: the rows a
  batch needs are read from ``model.safetensors`` with ``os.pread`` the first time they are seen
  and kept (a few MB for a whole province's corpus), so the values are the stored ones, bit for bit;
* the forward pass is BertModel's (absolute positions, token type 0, post-layer-norm, exact GELU,
  ``scaled_dot_product_attention`` with the padding mask) followed by mean pooling over the real
  tokens.

Only folders this describes are accepted (:func:`supports`); anything else (another model set
with ``ASSISTANT_EMBED_MODEL``) goes through sentence-transformers as before.
"""

from __future__ import annotations

import json
import os
import struct
import threading
from pathlib import Path
from typing import Any

import numpy as np

WEIGHTS = "model.safetensors"
_DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": None}
_WORD = "embeddings.word_embeddings.weight"


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def supports(folder: Path) -> bool:
    """True for a sentence-transformers folder of a BertModel, mean pooling, optional Normalize."""
    config = _json(folder / "config.json")
    modules = _json(folder / "modules.json")
    pooling = _json(folder / "1_Pooling" / "config.json")
    if not isinstance(config, dict) or not isinstance(modules, list) or not isinstance(pooling, dict):
        return False
    if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
        return False
    if config.get("position_embedding_type", "absolute") != "absolute":
        return False
    kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in modules if isinstance(m, dict)]
    if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        return False
    if [m.get("path") for m in modules[:2]] != ["", "1_Pooling"]:
        return False
    mode = pooling.get("pooling_mode") or ("mean" if pooling.get("pooling_mode_mean_tokens") else "")
    if mode != "mean" or pooling.get("include_prompt", True) is not True:
        return False
    if not (folder / WEIGHTS).is_file() or not (folder / "tokenizer.json").is_file():
        return False
    header = _header(folder / WEIGHTS)
    return header is not None and all(
        info.get("dtype") in ("F32", "F16") for k, info in header[0].items() if k != "__metadata__"
    )


def _header(path: Path) -> tuple[dict[str, Any], int] | None:
    try:
        with path.open("rb") as f:
            (n,) = struct.unpack("<Q", f.read(8))
            header = json.loads(f.read(n))
    except (OSError, ValueError, struct.error):
        return None
    return (header, 8 + n) if isinstance(header, dict) else None


class BertEncoder:
    """``encode(ids)`` -> mean-pooled last hidden states, float32 ``(n, hidden)``; not thread-safe
    (the caller holds a lock around every call, as :class:`assistant.embedding.Embedder` does)."""

    def __init__(self, folder: Path) -> None:
        import torch
        from tokenizers import Tokenizer

        self.folder = folder
        config = _json(folder / "config.json")
        st_config = _json(folder / "sentence_bert_config.json") or {}
        st_prompts = (_json(folder / "config_sentence_transformers.json") or {}).get("prompts") or {}
        self.prompts: dict[str, str] = {str(k): str(v) for k, v in st_prompts.items()}
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.layers_n = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        max_pos = int(config.get("max_position_embeddings", 512))
        self.max_seq_length = min(int(st_config.get("max_seq_length") or max_pos), max_pos)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        eos = self.tokenizer.token_to_id("</s>")
        if eos is None:
            raise ValueError(f"{folder / 'tokenizer.json'}: no </s> token")
        self.eos_id: int = eos

        found = _header(folder / WEIGHTS)
        if found is None:
            raise ValueError(f"{folder / WEIGHTS}: not a safetensors file")
        header, base = found
        self._path = folder / WEIGHTS
        self._base = base
        self._header = header
        prefix = "" if _WORD in header else "bert."

        def t(name: str) -> torch.Tensor:
            return self._read(prefix + name)

        self.word_info = header[prefix + _WORD]
        self.vocab, width = (int(x) for x in self.word_info["shape"])
        if width != self.hidden:
            raise ValueError(f"{_WORD}: width {width}, hidden size {self.hidden}")
        self.position = t("embeddings.position_embeddings.weight")
        self.token_type0 = t("embeddings.token_type_embeddings.weight")[0].clone()
        self.ln = (t("embeddings.LayerNorm.weight"), t("embeddings.LayerNorm.bias"))
        self.layers: list[dict[str, torch.Tensor]] = []
        for i in range(self.layers_n):
            p = f"encoder.layer.{i}."
            q_w, k_w, v_w = (t(f"{p}attention.self.{n}.weight") for n in ("query", "key", "value"))
            q_b, k_b, v_b = (t(f"{p}attention.self.{n}.bias") for n in ("query", "key", "value"))
            self.layers.append(
                {
                    # one matrix product for q, k and v (the same values as three)
                    "qkv_w": torch.cat([q_w, k_w, v_w]),
                    "qkv_b": torch.cat([q_b, k_b, v_b]),
                    "ao_w": t(f"{p}attention.output.dense.weight"),
                    "ao_b": t(f"{p}attention.output.dense.bias"),
                    "aln_w": t(f"{p}attention.output.LayerNorm.weight"),
                    "aln_b": t(f"{p}attention.output.LayerNorm.bias"),
                    "fi_w": t(f"{p}intermediate.dense.weight"),
                    "fi_b": t(f"{p}intermediate.dense.bias"),
                    "fo_w": t(f"{p}output.dense.weight"),
                    "fo_b": t(f"{p}output.dense.bias"),
                    "oln_w": t(f"{p}output.LayerNorm.weight"),
                    "oln_b": t(f"{p}output.LayerNorm.bias"),
                }
            )
        # The word-embedding rows read so far: slot[token] is the row's place in ``rows``, -1 if unread.
        self._slot = np.full(self.vocab, -1, dtype=np.int64)
        self._rows = torch.empty((0, self.hidden), dtype=torch.float32)
        self._n_rows = 0
        self._fd_lock = threading.Lock()

    # -- weights --

    def _read(self, name: str, rows: np.ndarray | None = None) -> Any:
        """A tensor of the file as float32 (``rows`` of it only, for a 2-D one), read with pread."""
        import torch

        info = self._header.get(name)
        if info is None:
            raise ValueError(f"{self._path}: no tensor {name!r}")
        dtype = np.dtype(_DTYPES[info["dtype"]])
        start, end = (int(x) for x in info["data_offsets"])
        shape = [int(x) for x in info["shape"]]
        fd = os.open(self._path, os.O_RDONLY)
        try:
            if rows is None:
                raw = os.pread(fd, end - start, self._base + start)
                arr = np.frombuffer(raw, dtype=dtype).reshape(shape)
            else:
                stride = shape[1] * dtype.itemsize
                arr = np.empty((len(rows), shape[1]), dtype=dtype)
                for j, r in enumerate(rows.tolist()):
                    arr[j] = np.frombuffer(os.pread(fd, stride, self._base + start + r * stride), dtype=dtype)
        finally:
            os.close(fd)
        return torch.from_numpy(np.array(arr, dtype=np.float32))

    def _embedding_rows(self, ids: np.ndarray) -> Any:
        """``ids`` as indices into the rows kept, reading the rows not seen before."""
        import torch

        if ids.size and (int(ids.min()) < 0 or int(ids.max()) >= self.vocab):
            raise ValueError("token id outside the vocabulary")
        uniq = np.unique(ids)
        missing = uniq[self._slot[uniq] < 0]
        if missing.size:
            new = self._read(self.word_info_name, missing)
            need = self._n_rows + len(missing)
            if need > self._rows.shape[0]:
                grown = torch.empty((max(need, 2 * self._rows.shape[0], 1024), self.hidden))
                grown[: self._n_rows] = self._rows[: self._n_rows]
                self._rows = grown
            self._rows[self._n_rows : need] = new
            self._slot[missing] = np.arange(self._n_rows, need)
            self._n_rows = need
        return torch.from_numpy(self._slot[ids])

    @property
    def word_info_name(self) -> str:
        return _WORD if _WORD in self._header else "bert." + _WORD

    @property
    def rows_read(self) -> int:
        return self._n_rows

    # -- tokens --

    def tokenize(self, texts: list[str]) -> list[list[int]]:
        """Token ids with ``<s>``/``</s>``, cut to ``max_seq_length`` keeping the final ``</s>``."""
        out: list[list[int]] = []
        limit = self.max_seq_length
        for enc in self.tokenizer.encode_batch(texts, add_special_tokens=True):
            ids = list(enc.ids)
            if len(ids) > limit:
                ids = [*ids[: limit - 1], self.eos_id]
            out.append(ids)
        return out

    def token_count(self, text: str) -> int:
        return len(self.tokenizer.encode(text, add_special_tokens=True).ids)

    # -- the forward pass --

    def encode(self, batch: list[list[int]]) -> Any:
        """Mean-pooled embeddings (not normalised) of one batch of token-id lists, ``(n, hidden)``."""
        import torch
        import torch.nn.functional as F

        n = len(batch)
        width = max(len(b) for b in batch)
        ids = np.full((n, width), self.tokenizer.token_to_id("<pad>") or 0, dtype=np.int64)
        mask = np.zeros((n, width), dtype=bool)
        for i, b in enumerate(batch):
            ids[i, : len(b)] = b
            mask[i, : len(b)] = True
        local = self._embedding_rows(ids)
        keep = torch.from_numpy(mask)
        h, heads = self.hidden, self.heads
        x = F.embedding(local, self._rows[: self._n_rows]) + self.token_type0
        x = x + self.position[:width]
        x = F.layer_norm(x, (h,), self.ln[0], self.ln[1], self.eps)
        attn_mask = keep[:, None, None, :]
        for layer in self.layers:
            qkv = F.linear(x, layer["qkv_w"], layer["qkv_b"])
            q, k, v = (
                part.reshape(n, width, heads, h // heads).transpose(1, 2) for part in qkv.split(h, dim=-1)
            )
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
            a = a.transpose(1, 2).reshape(n, width, h)
            x = F.layer_norm(
                F.linear(a, layer["ao_w"], layer["ao_b"]) + x, (h,), layer["aln_w"], layer["aln_b"], self.eps
            )
            inner = F.gelu(F.linear(x, layer["fi_w"], layer["fi_b"]))
            x = F.layer_norm(
                F.linear(inner, layer["fo_w"], layer["fo_b"]) + x,
                (h,),
                layer["oln_w"],
                layer["oln_b"],
                self.eps,
            )
        m = keep.unsqueeze(-1).to(x.dtype)
        return (x * m).sum(dim=1) / m.sum(dim=1).clamp(min=1e-9)
