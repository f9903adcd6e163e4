"""Thumbs up/down on answers, stored in SQLite under the data folder."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created REAL NOT NULL,
    answer_id TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT ''
)
"""


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(self, answer_id: str, rating: str, comment: str = "", question: str = "") -> int:
        with self._lock, self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (created, answer_id, rating, comment, question) VALUES (?, ?, ?, ?, ?)",
                (time.time(), answer_id, rating, comment, question),
            )
            return int(cur.lastrowid or 0)

    def list(self, limit: int = 100) -> list[dict[str, Any]]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = db.execute("SELECT * FROM feedback ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [dict(r) for r in rows]
