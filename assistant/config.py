"""All settings in one typed object, read from the environment (prefix ``ASSISTANT_``) or ``.env``."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# No model hub and no telemetry, ever: set before any library that reads them is imported.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


class Settings(BaseSettings):
    """The assistant's settings; every field can be set as ``ASSISTANT_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="Folder of the source documents.")
    index_dir: Path = Field(PROJECT_ROOT / "index", description="Folder of the built indexes.")
    data_dir: Path = Field(PROJECT_ROOT / "data", description="Folder of run-time data (feedback database).")
    models_dir: Path = Field(PROJECT_ROOT / "models", description="Folder where the default model is built.")
    embed_model: str = Field(
        "",
        description="Path of a sentence-transformers model; empty means the default "
        "multilingual-e5-small built under models_dir by `make model`.",
    )
    embed_batch_size: int = Field(32, ge=1, le=1024, description="Texts embedded per batch.")
    collection: str = Field("directives", description="Name of the ChromaDB collection.")
    chroma_host: str = Field("", description="Host of a Chroma server; empty means a local persistent index.")
    chroma_port: int = Field(8001, description="Port of the Chroma server.")
    llm_base_url: str = Field("", description="Base URL of an OpenAI-compatible server; empty means no LLM.")
    llm_model: str = Field("", description="Model name to ask the LLM server for.")
    llm_api_key: str = Field("", description="API key for the LLM server, if it needs one.")
    llm_timeout: float = Field(
        20.0, gt=0, description="Seconds to wait for the LLM before answering extractively."
    )
    admin_token: str = Field(
        "", description="Bearer token enabling the admin API (upload, delete); empty disables it."
    )
    max_upload_mb: float = Field(20.0, gt=0, description="Largest document accepted for ingestion, in MB.")
    # The work of one ingested document beyond its bytes (assistant.limits). The largest of 270
    # real documents: 615,280 characters, 780 sections, 675 chunks, 2-4 s to read, parse and chunk.
    max_document_chars: int = Field(
        4_000_000, ge=1, description="Longest text one ingested document may have once read, in characters."
    )
    max_document_sections: int = Field(
        20_000,
        ge=1,
        description="Most sections (parts, items, articles, appendices) one ingested document may have.",
    )
    max_document_chunks: int = Field(
        10_000, ge=1, description="Most chunks one ingested document may be split into for the index."
    )
    max_parse_seconds: float = Field(
        120.0, gt=0, description="Longest time reading, parsing and chunking one ingested document may take."
    )
    max_message_chars: int = Field(4000, ge=1, description="Longest chat message accepted.")
    max_history_turns: int = Field(50, ge=0, description="Most history turns accepted in one chat request.")
    rate_limit_per_minute: int = Field(
        0, ge=0, description="Chat requests per client per minute; 0 disables the limit."
    )
    feedback_per_minute: int = Field(
        20, ge=0, description="Feedback posts per client per minute; 0 disables the limit."
    )
    host: str = Field("127.0.0.1", description="Address `assistant serve` listens on.")
    port: int = Field(8000, description="Port `assistant serve` listens on.")
    server_url: str = Field(
        "",
        description="Address of the running `assistant serve` that `assistant ingest FILE` hands "
        "its files to when it serves the same corpus and index; empty means http://<host>:<port>.",
    )
    log_level: str = Field("INFO", description="Logging level.")

    @property
    def default_model_dir(self) -> Path:
        return self.models_dir / "multilingual-e5-small"

    @property
    def embed_model_path(self) -> str:
        return self.embed_model or str(self.default_model_dir)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
