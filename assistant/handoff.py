"""`assistant ingest FILE` through a running server of the same store, when there is one.

A server already holds the embedding model and the parsed corpus; a new process would load the
model (seconds) before its own work. So the command first asks the server it is configured for
(``ASSISTANT_SERVER_URL``, else ``http://<host>:<port>``) whether it serves the same store, and if
so sends the files to its admin API (``POST /api/documents``, with ``ASSISTANT_ADMIN_TOKEN``) and
reports the server's answer, which is the report a local ingest prints. The ingest is then the
server's own: one at a time under the store's lock, answered by it (and by every other instance)
as soon as it is done.

"The same store" is :func:`store_identity`: a random id kept in the index folder, written once by
the first server, hashed with the real paths of the index and corpus folders, so that a server of
a copied store, or of another machine's folders at the same paths, is not taken for this one.
The server says its identity in ``GET /healthz`` (``store``).

The files are worked on locally, as before, when no server answers on that address, when it
serves another store, when no admin token is set or the server refuses it, when the files are
more than one upload may carry, or when the connection fails before the server's answer (an
ingest is safe to repeat: a file the server did take is then recognised as already there).
Once the server has answered, its answer is the result: a file it refuses (empty, too large,
unreadable) is refused with its Vietnamese message, as a local ingest would.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import AssistantError

logger = logging.getLogger(__name__)

STORE_FILE = "store-id"
# Seconds to wait for the server to accept a connection and say who it is: on loopback an
# answer takes milliseconds, and no server at all is a refused connection at once.
PROBE_TIMEOUT = 2.0


def store_identity(settings: Settings, *, create: bool = False) -> str | None:
    """The identity of the store ``settings`` name (index and corpus folders), or None when the
    index folder holds no store id yet and ``create`` is false."""
    root = Path(settings.index_dir)
    path = root / STORE_FILE
    stored = _read_id(path)
    if stored is None and create:
        root.mkdir(parents=True, exist_ok=True)
        tmp = root / f".{STORE_FILE}.{os.getpid()}.tmp"
        tmp.write_text(secrets.token_hex(16) + "\n", encoding="ascii")
        try:
            os.link(tmp, path)  # only if there is none: two servers starting at once agree on one
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
        stored = _read_id(path)
    if stored is None:
        return None
    where = "\x00".join((stored, os.path.realpath(root), os.path.realpath(settings.corpus_dir)))
    return hashlib.sha256(where.encode("utf-8")).hexdigest()[:32]


def _read_id(path: Path) -> str | None:
    try:
        return path.read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def server_url(settings: Settings) -> str:
    """Where `assistant serve` of these settings answers."""
    if settings.server_url:
        return settings.server_url.rstrip("/")
    host = settings.host
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{settings.port}"


def _error_from(status: int, body: dict[str, Any]) -> AssistantError:
    """The server's refusal as the error a local ingest would have raised (same class, message,
    hint), so that the command prints and exits as it always has."""
    from assistant import errors

    kind = getattr(errors, str(body.get("error") or ""), None)
    cls = kind if isinstance(kind, type) and issubclass(kind, AssistantError) else AssistantError
    message = str(body.get("message") or f"Máy chủ đã từ chối yêu cầu (mã {status}).")
    suggestions = body.get("suggestions")
    error = cls(
        message,
        hint=str(body.get("hint") or ""),
        suggestions=[str(x) for x in suggestions] if isinstance(suggestions, list) else None,
    )
    error.status = status
    return error


def hand_over(settings: Settings, files: list[Path]) -> dict[str, Any] | None:
    """The server's ingest report for ``files``, or None when they are to be ingested locally."""
    if not files or not settings.admin_token:
        return None
    identity = store_identity(settings)
    if identity is None:
        return None  # no server has ever served this store
    total = sum(p.stat().st_size for p in files)
    if total > settings.max_upload_mb * 1024 * 1024:
        return None  # more than one upload carries: each file is checked on its own locally
    import httpx

    url = server_url(settings)
    try:
        health = httpx.get(url + "/healthz", timeout=PROBE_TIMEOUT)
        said = health.json().get("store") if health.status_code in (200, 503) else None
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    if said != identity:
        if said:
            logger.info("the server at %s serves another store: ingesting here", url)
        return None
    payload = [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in files]
    logger.info("handing %d file(s) to the server at %s", len(files), url)
    try:
        reply = httpx.post(
            url + "/api/documents",
            files=payload,
            headers={"Authorization": f"Bearer {settings.admin_token}"},
            # the server's ingest of a large document takes minutes; only connecting is quick
            timeout=httpx.Timeout(None, connect=PROBE_TIMEOUT),
        )
    except httpx.HTTPError as exc:
        logger.warning("the server at %s did not answer (%s): ingesting here", url, exc)
        return None
    try:
        body = reply.json()
    except ValueError:
        body = {}
    if reply.status_code in (401, 403):
        logger.warning("the server at %s refused the admin token: ingesting here", url)
        return None
    if reply.status_code != 201 or not isinstance(body, dict):
        raise _error_from(reply.status_code, body if isinstance(body, dict) else {})
    body["server"] = url
    return body


__all__ = ["STORE_FILE", "hand_over", "server_url", "store_identity"]
